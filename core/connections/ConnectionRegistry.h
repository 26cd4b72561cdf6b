#pragma once

#include "connections/ConnectionOrigin.h"
#include "sandbox/Error.h"
#include "settings/EciAccounts.h"
#include "settings/OpenSandboxServers.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>

class Backend;
class CredentialStore;
class Job;
template<typename T> class ResultJob;
class MemoryCredentialStore;
class QNetworkAccessManager;
struct EciCredentials;
struct OpenSandboxConfig;
struct Endpoint;

// Owns every connection: Docker engines found the way the docker CLI finds them (then the
// rootless and Podman sockets), engine addresses from Preferences, and one ECI connection per
// account and chosen region once the account's secrets are read. It makes, starts, retries
// and deletes the backends; the window and sandboxctl only use them.
class ConnectionRegistry final : public QObject
{
    Q_OBJECT
public:
    // keychain: where saved ECI accounts keep their secrets; session-only accounts keep
    // theirs in a memory store of the registry.
    ConnectionRegistry(EciAccounts& accounts, CredentialStore& keychain,
                       QNetworkAccessManager* network, QObject* parent = nullptr);
    ~ConnectionRegistry() override;

    // In the order they were added.
    QList<Backend*> connections() const;
    Backend* connection(const QString& id) const;
    ConnectionOrigin origin(const Backend* backend) const;

    // Takes a backend made elsewhere (a test's, a tool's) as a connection.
    void add(Backend* backend, const ConnectionOrigin& origin = {});
    // Says the connection is gone, closes it and deletes the backend later.
    void remove(Backend* backend);

    // Until start(), connections wait; from then on each is connected as it is added.
    void start();
    void start(Backend* backend);
    bool isStarted() const { return m_started; }
    // Connects again every connection that is neither connected nor connecting.
    void retry();

    // The engine the docker CLI would use (hostOverride first when given), then the rootless
    // and Podman sockets when that engine's socket is missing.
    void discoverDocker(const QProcessEnvironment& environment, const QString& hostOverride = {});
    // Why the docker CLI's engine could not even be addressed; empty when it could.
    QString discoveryProblem() const { return m_discoveryProblem; }
    // For a client of one engine: the docker CLI's engine, or the first rootless or Podman
    // socket found when that engine's socket is missing.
    Backend* defaultDocker() const;
    // The engine addresses from Preferences: new ones become connections, dropped ones go.
    void setDockerHosts(const QStringList& urls);

    EciAccounts& accounts() { return m_accounts; }
    CredentialStore& keychain() { return m_keychain; }
    MemoryCredentialStore& sessionStore() { return *m_sessionStore; }
    CredentialStore& storeFor(const EciAccount& account);
    // Opens accounts that have no connections yet and closes those of accounts that are gone
    // or changed. Secrets are read asynchronously; connections follow.
    void syncAccounts();
    // The account's connections are made again (its secret changed), or closed when it is gone.
    void reloadAccount(const QString& accountName);
    // One account in the regions given, whatever its settings say (sandboxctl --account).
    void openAccount(const EciAccount& account, const QStringList& regions);
    // A connection with credentials at hand, for a key from the environment (sandboxctl).
    Backend* addEci(const EciAccount& account, const EciCredentials& credentials,
                    const QString& region);
    // A connection to an OpenSandbox server with its API key at hand (from the environment,
    // the command line or the keychain).
    Backend* addOpenSandbox(const OpenSandboxConfig& config, const ConnectionOrigin& origin);
    // The OpenSandbox servers the Accounts page keeps (none until set; not owned).
    void setOpenSandboxServers(OpenSandboxServers* servers) { m_openSandboxServers = servers; }
    OpenSandboxServers* openSandboxServers() const { return m_openSandboxServers; }
    CredentialStore& storeFor(const OpenSandboxServer& server);
    // Opens servers that have no connection yet and closes those of servers that are gone or
    // changed. API keys are read asynchronously; connections follow.
    void syncOpenSandboxServers();
    // The server's connection is made again (its key changed), or closed when it is gone.
    void reloadOpenSandboxServer(const QString& name);
    // True while an account's secrets are still being read.
    bool isLoading() const;

    // The regions a key can use, for an account being set up. The job is the caller's to
    // connect to; it ends by itself.
    ResultJob<QStringList>* listRegions(const EciAccount& account,
                                        const EciCredentials& credentials, const QString& regionId);
    // Why an ECI endpoint cannot be used; empty when it can.
    static QString eciEndpointProblem(const QString& endpoint);

Q_SIGNALS:
    void connectionAdded(Backend* backend);
    // The backend is still whole while receivers let go of it; it is deleted later.
    void connectionRemoved(Backend* backend);
    // The account's secrets (or an OpenSandbox server's key) could not be read; it has no
    // connection until fixed.
    void accountFailed(const QString& accountName, const Error& error);
    // No account is reading its secrets any more.
    void loaded();
    // Alibaba Cloud or the local quota made a call wait: a sentence for a status bar.
    void throttled(const QString& text);

private:
    struct Connection
    {
        QPointer<Backend> backend;
        ConnectionOrigin origin;
    };
    struct Account
    {
        EciAccount account;
        QStringList regions;
        QPointer<Job> pending;
        bool failed = false;
    };

    struct Server
    {
        OpenSandboxServer server;
        QPointer<Job> pending;
    };

    void closeOpenSandboxServer(const QString& name);
    int indexOf(const Backend* backend) const;
    Backend* addDocker(const QString& id, const ConnectionOrigin& origin, const QString& url,
                       const Endpoint& endpoint);
    bool hasEndpoint(const QString& url) const;
    void closeAccount(const QString& accountName);
    void readSecrets(const QString& accountName);
    void offer(const QString& accountName, const EciCredentials& credentials);
    void fail(const QString& accountName, const Error& error);
    void emitLoadedWhenDone();

    EciAccounts& m_accounts;
    CredentialStore& m_keychain;
    MemoryCredentialStore* m_sessionStore;
    QNetworkAccessManager* m_network;
    QList<Connection> m_connections;
    QHash<QString, Account> m_eciAccounts;
    OpenSandboxServers* m_openSandboxServers = nullptr;
    QHash<QString, Server> m_servers;
    QString m_discoveryProblem;
    QPointer<Backend> m_defaultDocker;
    bool m_started = false;
};
