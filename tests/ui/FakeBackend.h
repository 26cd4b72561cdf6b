#pragma once

#include "sandbox/Backend.h"

#include <QList>
#include <QPair>
#include <QStringList>

// A backend held entirely in memory, for widget tests that need no engine. Jobs finish from the
// event loop, as a real backend's do.
class FakeBackend final : public Backend
{
    Q_OBJECT
public:
    explicit FakeBackend(const QString& id, QObject* parent = nullptr);

    QString id() const override { return m_id; }
    QString displayName() const override { return QStringLiteral("Fake ") + m_id; }
    QString endpointDescription() const override { return QStringLiteral("fake://") + m_id; }
    Capabilities capabilities() const override { return m_capabilities; }

    bool isSettled() const override { return true; }

    void connectToBackend() override;
    void disconnectFromBackend() override;

    Job* create(const SandboxSpec& spec) override;
    Job* perform(Action action, const QString& id) override;
    Job* remove(const QString& id, bool force) override;
    Job* inspect(const QString& id) override;
    Job* listImages() override;
    Job* pullImage(const QString& reference) override;
    // The widgets tested with it read no logs.
    LogStream* openLogs(const QString&, const LogOptions&) override { return nullptr; }

    using Backend::setState;
    void setCapabilities(Capabilities capabilities) { m_capabilities = capabilities; }
    void setImages(const QStringList& images) { m_images = images; }
    void lose(const Error& error) { setState(State::Lost, error); }
    Sandbox add(const QString& name, const QString& image, SandboxStatus status);
    void change(const Sandbox& sandbox);

    QList<SandboxSpec> created;
    QList<QPair<Action, QString>> performed;
    QList<QPair<QString, bool>> removed; // id, force
    QStringList pulled;
    Error performError; // when set, every perform() fails with it

private:
    Job* finishLater(const QVariant& result, const Error& error = {});

    QString m_id;
    Capabilities m_capabilities = CanPause | CanRestart | CanPullImages | CanListImages | CanKill;
    QStringList m_images;
    int m_nextId = 1;
};
