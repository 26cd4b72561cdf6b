#pragma once

#include "connections/ConnectionRegistry.h"
#include "credentials/MemoryCredentialStore.h"
#include "sandbox/Backend.h"
#include "settings/EciAccounts.h"

#include <QHash>
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
    ~FakeBackend() override;

    QString id() const override { return m_id; }
    QString displayName() const override { return QStringLiteral("Fake ") + m_id; }
    QString endpointDescription() const override { return QStringLiteral("fake://") + m_id; }
    Capabilities capabilities() const override { return m_capabilities; }

    bool isSettled() const override { return true; }

    void connectToBackend() override;
    void disconnectFromBackend() override;

    ResultJob<QString>* create(const SandboxSpec& spec) override;
    Job* perform(Action action, const QString& id) override;
    Job* remove(const QString& id, bool force) override;
    ResultJob<QJsonObject>* inspect(const QString& id) override;
    ResultJob<QStringList>* listImages() override;
    Job* pullImage(const QString& reference) override;
    // The widgets tested with it read no logs.
    LogStream* openLogs(const QString&, const LogOptions&) override { return nullptr; }
    // A LocalSandboxFiles over filesRoot, with CanBrowseFiles.
    SandboxFiles* openFiles(const QString& id, const QString& container = {}) override;

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
    QHash<QString, SandboxDetails> presetDetails; // what details() gives, by id
    Error performError;                           // when set, every perform() fails with it
    bool holdPerform = false; // when set, perform() jobs never finish on their own
    QString filesRoot;        // the local folder openFiles() shows as "/"
    QStringList filesOpened;  // "id/container" for each openFiles()

protected:
    SandboxDetails detailsFromInspect(const QJsonObject& inspect) const override;

private:
    // A job finished from the event loop with value, or with error when it is one.
    template<typename T> ResultJob<T>* finishLater(const T& value, const Error& error = {});
    Job* finishLater(const Error& error = {});

    QString m_id;
    Capabilities m_capabilities = CanPause | CanRestart | CanPullImages | CanListImages | CanKill;
    QStringList m_images;
    int m_nextId = 1;
};

// What a window needs to be built in a test: a connection registry with no ECI account and
// secrets in memory, holding the backends given.
struct TestConnections
{
    TestConnections(const QString& accountsPath, const QList<Backend*>& backends);
    Q_DISABLE_COPY_MOVE(TestConnections)

    EciAccounts accounts;
    MemoryCredentialStore secrets;
    ConnectionRegistry registry;
};
