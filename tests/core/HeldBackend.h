#pragma once

#include "sandbox/Backend.h"

#include <QList>
#include <QPair>

// A backend whose jobs stay open until the test finishes them: for what must happen while a
// job runs, and when its backend goes away. Holds no sandboxes.
class HeldBackend final : public Backend
{
    Q_OBJECT
public:
    explicit HeldBackend(const QString& id, QObject* parent = nullptr)
        : Backend(parent)
        , m_id(id)
    {}
    ~HeldBackend() override { cancelOpenJobs(); }

    QString id() const override { return m_id; }
    QString displayName() const override { return QStringLiteral("Held ") + m_id; }
    QString endpointDescription() const override { return QStringLiteral("held://") + m_id; }
    Capabilities capabilities() const override { return CanRestart; }
    bool isSettled() const override { return true; }
    void connectToBackend() override { setState(State::Connected); }
    void disconnectFromBackend() override { setState(State::Disconnected); }

    ResultJob<QString>* create(const SandboxSpec&) override { return new ResultJob<QString>(this); }
    Job* perform(Action action, const QString& id) override
    {
        auto* job = new Job(this);
        performed.append({id, job});
        Q_UNUSED(action)
        return job;
    }
    Job* remove(const QString&, bool) override { return new Job(this); }
    ResultJob<QJsonObject>* inspect(const QString&) override
    {
        return new ResultJob<QJsonObject>(this);
    }
    ResultJob<QStringList>* listImages() override { return new ResultJob<QStringList>(this); }
    Job* pullImage(const QString&) override { return new Job(this); }
    LogStream* openLogs(const QString&, const LogOptions&) override { return nullptr; }

    QList<QPair<QString, Job*>> performed; // id, its job (until it is deleted)

private:
    QString m_id;
};
