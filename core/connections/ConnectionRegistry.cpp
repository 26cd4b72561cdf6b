#include "ConnectionRegistry.h"

#include "credentials/MemoryCredentialStore.h"
#include "docker/DockerBackend.h"
#include "docker/DockerEndpoint.h"
#include "eci/EciBackend.h"
#include "eci/EciClient.h"
#include "opensandbox/OpenSandboxBackend.h"
#include "sandbox/Job.h"

#include <QFileInfo>

namespace {

const QString localId = QStringLiteral("docker-local");
const QString fallbackPrefix = QStringLiteral("docker:");
const QString preferencePrefix = QStringLiteral("docker-host:");

ConnectionOrigin::Kind originOf(DockerEndpoint::Source source)
{
    switch (source) {
    case DockerEndpoint::Source::DockerHost:
        return ConnectionOrigin::Kind::DockerHost;
    case DockerEndpoint::Source::Context:
        return ConnectionOrigin::Kind::DockerContext;
    case DockerEndpoint::Source::DefaultSocket:
        return ConnectionOrigin::Kind::DefaultSocket;
    case DockerEndpoint::Source::Rootless:
        return ConnectionOrigin::Kind::RootlessDocker;
    case DockerEndpoint::Source::PodmanUser:
        return ConnectionOrigin::Kind::PodmanUser;
    case DockerEndpoint::Source::PodmanSystem:
        return ConnectionOrigin::Kind::PodmanSystem;
    }
    return ConnectionOrigin::Kind::DefaultSocket;
}

EciBackend* makeEciBackend(const EciAccount& account, const EciCredentials& credentials,
                           const QString& region, QNetworkAccessManager* network, QObject* parent)
{
    EciBackendConfig config;
    config.accountName = account.name;
    config.regionId = region;
    config.endpoint = account.endpoint;
    config.credentials = credentials;
    config.signatureVersion = account.signatureVersion;
    return new EciBackend(config, network, parent);
}

} // namespace

ConnectionRegistry::ConnectionRegistry(EciAccounts& accounts, CredentialStore& keychain,
                                       QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_keychain(keychain)
    , m_sessionStore(new MemoryCredentialStore(this))
    , m_network(network)
{}

ConnectionRegistry::~ConnectionRegistry()
{
    for (const Account& account : std::as_const(m_eciAccounts)) {
        if (Job* job = account.pending)
            job->cancel();
    }
    for (const Server& server : std::as_const(m_servers)) {
        if (Job* job = server.pending)
            job->cancel();
    }
    // Backends go before the stores and the network they use.
    for (const Connection& connection : std::as_const(m_connections))
        delete connection.backend.data();
}

QList<Backend*> ConnectionRegistry::connections() const
{
    QList<Backend*> all;
    for (const Connection& connection : m_connections) {
        if (connection.backend)
            all << connection.backend;
    }
    return all;
}

Backend* ConnectionRegistry::connection(const QString& id) const
{
    for (const Connection& connection : m_connections) {
        if (connection.backend && connection.backend->id() == id)
            return connection.backend;
    }
    return nullptr;
}

ConnectionOrigin ConnectionRegistry::origin(const Backend* backend) const
{
    const int index = indexOf(backend);
    return index < 0 ? ConnectionOrigin() : m_connections.at(index).origin;
}

int ConnectionRegistry::indexOf(const Backend* backend) const
{
    for (int i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i).backend == backend)
            return i;
    }
    return -1;
}

void ConnectionRegistry::add(Backend* backend, const ConnectionOrigin& origin)
{
    if (!backend || indexOf(backend) >= 0)
        return;
    backend->setParent(this);
    m_connections.append({backend, origin});
    Q_EMIT connectionAdded(backend);
    if (m_started)
        backend->connectToBackend();
}

void ConnectionRegistry::remove(Backend* backend)
{
    const int index = indexOf(backend);
    if (index < 0)
        return;
    m_connections.removeAt(index);
    Q_EMIT connectionRemoved(backend);
    backend->disconnect(this);
    backend->disconnectFromBackend();
    backend->deleteLater();
}

void ConnectionRegistry::start()
{
    m_started = true;
    const QList<Backend*> all = connections();
    for (Backend* backend : all) {
        if (backend->state() == Backend::State::Disconnected)
            backend->connectToBackend();
    }
}

void ConnectionRegistry::start(Backend* backend)
{
    if (indexOf(backend) >= 0)
        backend->connectToBackend();
}

void ConnectionRegistry::retry()
{
    const QList<Backend*> all = connections();
    for (Backend* backend : all) {
        if (backend->state() != Backend::State::Connected &&
            backend->state() != Backend::State::Connecting)
            backend->connectToBackend();
    }
}

bool ConnectionRegistry::hasEndpoint(const QString& url) const
{
    for (const Connection& connection : m_connections) {
        if (connection.backend && connection.backend->endpointDescription() == url)
            return true;
    }
    return false;
}

Backend* ConnectionRegistry::addDocker(const QString& id, const ConnectionOrigin& origin,
                                       const QString& url, const Endpoint& endpoint)
{
    const bool fallback = origin.kind == ConnectionOrigin::Kind::RootlessDocker ||
                          origin.kind == ConnectionOrigin::Kind::PodmanUser ||
                          origin.kind == ConnectionOrigin::Kind::PodmanSystem;
    // Asked each time, so that the name follows a change of language.
    auto name = [origin, url, fallback] {
        if (fallback)
            return origin.description();
        return tr("Docker (%1)")
            .arg(origin.kind == ConnectionOrigin::Kind::Preference ? url : origin.description());
    };
    auto* backend = new DockerBackend(id, std::move(name), endpoint, this);
    add(backend, origin);
    return backend;
}

void ConnectionRegistry::discoverDocker(const QProcessEnvironment& environment,
                                        const QString& hostOverride)
{
    const DockerEndpoint finder(environment);
    DockerEndpoint::Choice primary;
    ConnectionOrigin origin;
    QString error;
    if (hostOverride.isEmpty()) {
        primary = finder.primary(&error);
        origin = {originOf(primary.kind), primary.detail, {}};
    } else {
        primary.endpoint = Endpoint::fromUrl(hostOverride, &error);
        primary.source = QStringLiteral("--docker");
        origin = {ConnectionOrigin::Kind::CommandLine, hostOverride, {}};
    }

    m_discoveryProblem.clear();
    if (primary.endpoint.isValid()) {
        m_defaultDocker = addDocker(localId, origin, primary.endpoint.url, primary.endpoint);
    } else {
        m_discoveryProblem =
            tr("The engine address from %1 cannot be used: %2").arg(origin.description(), error);
    }

    // A Podman or rootless Docker user gets a list without configuring anything.
    if (primary.endpoint.kind == Endpoint::Kind::Unix &&
        !QFileInfo::exists(primary.endpoint.socketPath)) {
        const QList<DockerEndpoint::Choice> fallbacks = finder.fallbacks();
        for (const DockerEndpoint::Choice& fallback : fallbacks) {
            if (hasEndpoint(fallback.endpoint.url))
                continue;
            Backend* backend = addDocker(fallbackPrefix + fallback.endpoint.url,
                                         {originOf(fallback.kind), fallback.detail, {}},
                                         fallback.endpoint.url, fallback.endpoint);
            if (fallback.endpoint.url == fallbacks.first().endpoint.url)
                m_defaultDocker = backend;
        }
    }
}

Backend* ConnectionRegistry::defaultDocker() const
{
    return m_defaultDocker;
}

void ConnectionRegistry::setDockerHosts(const QStringList& urls)
{
    const QList<Connection> current = m_connections;
    for (const Connection& connection : current) {
        if (connection.backend && connection.origin.kind == ConnectionOrigin::Kind::Preference &&
            !urls.contains(connection.origin.detail))
            remove(connection.backend);
    }
    for (const QString& url : urls) {
        if (hasEndpoint(url))
            continue;
        const Endpoint endpoint = Endpoint::fromUrl(url);
        if (endpoint.isValid())
            addDocker(preferencePrefix + url, {ConnectionOrigin::Kind::Preference, url, {}}, url,
                      endpoint);
    }
}

CredentialStore& ConnectionRegistry::storeFor(const EciAccount& account)
{
    return account.sessionOnly ? static_cast<CredentialStore&>(*m_sessionStore) : m_keychain;
}

bool ConnectionRegistry::isLoading() const
{
    for (const Account& account : m_eciAccounts) {
        if (account.pending)
            return true;
    }
    for (const Server& server : m_servers) {
        if (server.pending)
            return true;
    }
    return false;
}

void ConnectionRegistry::emitLoadedWhenDone()
{
    if (!isLoading())
        Q_EMIT loaded();
}

void ConnectionRegistry::syncAccounts()
{
    const QStringList known = m_eciAccounts.keys();
    for (const QString& name : known) {
        bool found = false;
        const EciAccount current = m_accounts.account(name, &found);
        if (!found || !(current == m_eciAccounts.value(name).account))
            closeAccount(name);
    }
    const QList<EciAccount> accounts = m_accounts.accounts();
    for (const EciAccount& account : accounts) {
        if (!m_eciAccounts.contains(account.name))
            openAccount(account, account.regions());
    }
    emitLoadedWhenDone();
}

void ConnectionRegistry::reloadAccount(const QString& accountName)
{
    closeAccount(accountName);
    syncAccounts();
}

void ConnectionRegistry::openAccount(const EciAccount& account, const QStringList& regions)
{
    closeAccount(account.name);
    Account& entry = m_eciAccounts[account.name];
    entry.account = account;
    entry.regions = regions;
    readSecrets(account.name);
}

void ConnectionRegistry::closeAccount(const QString& accountName)
{
    const auto it = m_eciAccounts.find(accountName);
    if (it == m_eciAccounts.end())
        return;
    const Account entry = *it;
    m_eciAccounts.erase(it);
    if (Job* job = entry.pending)
        job->cancel();
    const QList<Connection> current = m_connections;
    for (const Connection& connection : current) {
        if (connection.backend && connection.origin.kind == ConnectionOrigin::Kind::EciAccount &&
            connection.origin.detail == accountName)
            remove(connection.backend);
    }
}

void ConnectionRegistry::readSecrets(const QString& accountName)
{
    Account& entry = m_eciAccounts[accountName];
    CredentialStore& store = storeFor(entry.account);
    Job* secretJob = store.read(entry.account.secretKey());
    entry.pending = secretJob;
    connect(secretJob, &Job::finished, this, [this, secretJob, accountName, &store] {
        const auto it = m_eciAccounts.find(accountName);
        if (it == m_eciAccounts.end() || it->pending != secretJob)
            return;
        if (secretJob->error().isError()) {
            fail(accountName, secretJob->error());
            return;
        }
        EciCredentials credentials;
        credentials.accessKeyId = it->account.accessKeyId;
        credentials.accessKeySecret = secretJob->result().toString();
        if (!it->account.hasSecurityToken) {
            it->pending = nullptr;
            offer(accountName, credentials);
            return;
        }
        Job* tokenJob = store.read(it->account.securityTokenKey());
        it->pending = tokenJob;
        connect(tokenJob, &Job::finished, this, [this, tokenJob, accountName, credentials] {
            const auto found = m_eciAccounts.find(accountName);
            if (found == m_eciAccounts.end() || found->pending != tokenJob)
                return;
            if (tokenJob->error().isError()) {
                fail(accountName, tokenJob->error());
                return;
            }
            EciCredentials withToken = credentials;
            withToken.securityToken = tokenJob->result().toString();
            found->pending = nullptr;
            offer(accountName, withToken);
        });
    });
}

void ConnectionRegistry::fail(const QString& accountName, const Error& error)
{
    Account& entry = m_eciAccounts[accountName];
    entry.pending = nullptr;
    entry.failed = true;
    Q_EMIT accountFailed(accountName, error);
    emitLoadedWhenDone();
}

void ConnectionRegistry::offer(const QString& accountName, const EciCredentials& credentials)
{
    const Account entry = m_eciAccounts.value(accountName);
    for (const QString& region : entry.regions) {
        EciBackend* backend = makeEciBackend(entry.account, credentials, region, m_network, this);
        connect(backend, &EciBackend::throttled, this, &ConnectionRegistry::throttled);
        add(backend, {ConnectionOrigin::Kind::EciAccount, entry.account.name, region});
    }
    emitLoadedWhenDone();
}

Backend* ConnectionRegistry::addEci(const EciAccount& account, const EciCredentials& credentials,
                                    const QString& region)
{
    EciBackend* backend = makeEciBackend(account, credentials, region, m_network, this);
    connect(backend, &EciBackend::throttled, this, &ConnectionRegistry::throttled);
    add(backend, {ConnectionOrigin::Kind::EciEnvironment, account.name, region});
    return backend;
}

Backend* ConnectionRegistry::addOpenSandbox(const OpenSandboxConfig& config,
                                            const ConnectionOrigin& origin)
{
    auto* backend = new OpenSandboxBackend(config, this);
    add(backend, origin);
    return backend;
}

CredentialStore& ConnectionRegistry::storeFor(const OpenSandboxServer& server)
{
    return server.sessionOnly ? static_cast<CredentialStore&>(*m_sessionStore) : m_keychain;
}

void ConnectionRegistry::syncOpenSandboxServers()
{
    if (!m_openSandboxServers)
        return;
    const QStringList known = m_servers.keys();
    for (const QString& name : known) {
        bool found = false;
        const OpenSandboxServer current = m_openSandboxServers->server(name, &found);
        if (!found || !(current == m_servers.value(name).server))
            closeOpenSandboxServer(name);
    }
    const QList<OpenSandboxServer> servers = m_openSandboxServers->servers();
    for (const OpenSandboxServer& server : servers) {
        if (m_servers.contains(server.name))
            continue;
        Server& entry = m_servers[server.name];
        entry.server = server;
        CredentialStore& store = storeFor(server);
        Job* job = store.read(server.apiKeyKey());
        entry.pending = job;
        const QString name = server.name;
        connect(job, &Job::finished, this, [this, job, name] {
            const auto it = m_servers.find(name);
            if (it == m_servers.end() || it->pending != job)
                return;
            it->pending = nullptr;
            if (job->error().isError()) {
                Q_EMIT accountFailed(name, job->error());
            } else {
                addOpenSandbox(it->server.config(job->result().toString()),
                               {ConnectionOrigin::Kind::OpenSandboxServer, name, {}});
            }
            emitLoadedWhenDone();
        });
    }
    emitLoadedWhenDone();
}

void ConnectionRegistry::reloadOpenSandboxServer(const QString& name)
{
    closeOpenSandboxServer(name);
    syncOpenSandboxServers();
}

void ConnectionRegistry::closeOpenSandboxServer(const QString& name)
{
    const auto it = m_servers.find(name);
    if (it == m_servers.end())
        return;
    const Server entry = *it;
    m_servers.erase(it);
    if (Job* job = entry.pending)
        job->cancel();
    const QList<Connection> current = m_connections;
    for (const Connection& connection : current) {
        if (connection.backend &&
            connection.origin.kind == ConnectionOrigin::Kind::OpenSandboxServer &&
            connection.origin.detail == name)
            remove(connection.backend);
    }
}

ResultJob<QStringList>* ConnectionRegistry::listRegions(const EciAccount& account,
                                                        const EciCredentials& credentials,
                                                        const QString& regionId)
{
    // A backend of its own, not a connection: it lives as long as the one call.
    EciBackend* backend = makeEciBackend(account, credentials, regionId, m_network, this);
    ResultJob<QStringList>* job = backend->listRegions();
    connect(job, &Job::finished, backend, &QObject::deleteLater);
    return job;
}

QString ConnectionRegistry::eciEndpointProblem(const QString& endpoint)
{
    QString problem;
    if (!endpoint.isEmpty() && !EciClient::parseEndpoint(endpoint, &problem).isValid())
        return problem.isEmpty() ? tr("The endpoint is not a valid address.") : problem;
    return {};
}
