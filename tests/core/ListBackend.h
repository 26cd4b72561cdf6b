#pragma once

#include "sandbox/Backend.h"
#include "sandbox/SandboxSet.h"

// A backend whose live set the test edits by hand; it stands in for our own interface only.
class ListBackend final : public Backend
{
public:
    explicit ListBackend(const QString& id, const QString& name = QString())
        : m_id(id)
        , m_name(name.isEmpty() ? id : name)
    {}
    QString id() const override { return m_id; }
    QString displayName() const override { return m_name; }
    QString endpointDescription() const override { return {}; }
    Capabilities capabilities() const override { return {}; }
    bool isSettled() const override { return true; }
    void connectToBackend() override {}
    void disconnectFromBackend() override {}
    ResultJob<QString>* create(const SandboxSpec&) override { return nullptr; }
    Job* perform(Action, const QString&) override { return nullptr; }
    Job* remove(const QString&, bool) override { return nullptr; }
    ResultJob<QJsonObject>* inspect(const QString&) override { return nullptr; }
    ResultJob<QStringList>* listImages() override { return nullptr; }
    Job* pullImage(const QString&) override { return nullptr; }
    LogStream* openLogs(const QString&, const LogOptions&) override { return nullptr; }

    Sandbox make(const QString& id, SandboxStatus status)
    {
        Sandbox s;
        s.backendId = m_id;
        s.id = id;
        s.name = QStringLiteral("name-") + id;
        s.image = QStringLiteral("busybox");
        s.status = status;
        return s;
    }
    void add(const Sandbox& s) { liveSet()->upsert(s); }
    void change(const Sandbox& s) { liveSet()->upsert(s); }
    void drop(const QString& id) { liveSet()->remove(id); }
    void reset(const QList<Sandbox>& list) { liveSet()->assign(list); }
    SandboxSet* set() const { return liveSet(); }

private:
    QString m_id;
    QString m_name;
};
