#include "EciConnections.h"

#include "credentials/MemoryCredentialStore.h"
#include "eci/EciBackend.h"
#include "sandbox/Job.h"

EciConnections::EciConnections(EciAccounts& accounts, CredentialStore& keychain,
                               QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_keychain(keychain)
    , m_sessionStore(new MemoryCredentialStore(this))
    , m_network(network)
{}

EciConnections::~EciConnections() = default;

CredentialStore& EciConnections::storeFor(const EciAccount& account)
{
    return account.sessionOnly ? static_cast<CredentialStore&>(*m_sessionStore) : m_keychain;
}

bool EciConnections::isEci(const Backend* backend)
{
    return qobject_cast<const EciBackend*>(backend) != nullptr;
}

QList<Backend*> EciConnections::backends() const
{
    QList<Backend*> all;
    for (const Entry& entry : m_entries) {
        for (const QPointer<Backend>& backend : entry.backends) {
            if (backend)
                all << backend;
        }
    }
    return all;
}

bool EciConnections::isLoading() const
{
    for (const Entry& entry : m_entries) {
        if (entry.pending)
            return true;
    }
    return false;
}

void EciConnections::sync()
{
    const QList<EciAccount> accounts = m_accounts.accounts();
    const QStringList known = m_entries.keys();
    for (const QString& name : known) {
        bool found = false;
        const EciAccount current = m_accounts.account(name, &found);
        if (!found || !(current == m_entries.value(name).account))
            drop(name);
    }
    for (const EciAccount& account : accounts) {
        if (!m_entries.contains(account.name))
            readSecrets(account);
    }
    if (!isLoading())
        Q_EMIT loaded();
}

void EciConnections::reload(const QString& accountName)
{
    drop(accountName);
    sync();
}

void EciConnections::drop(const QString& accountName)
{
    const auto it = m_entries.find(accountName);
    if (it == m_entries.end())
        return;
    const Entry entry = *it;
    m_entries.erase(it);
    if (Job* job = entry.pending)
        job->cancel();
    for (const QPointer<Backend>& backend : entry.backends) {
        if (backend)
            Q_EMIT backendRemoved(backend);
    }
}

void EciConnections::readSecrets(const EciAccount& account)
{
    Entry& entry = m_entries[account.name];
    entry.account = account;
    CredentialStore& store = storeFor(account);
    Job* secretJob = store.read(account.secretKey());
    entry.pending = secretJob;
    const QString name = account.name;
    connect(secretJob, &Job::finished, this, [this, secretJob, name, &store] {
        const auto it = m_entries.find(name);
        if (it == m_entries.end() || it->pending != secretJob)
            return;
        if (secretJob->error().isError()) {
            fail(name, secretJob->error());
            return;
        }
        EciCredentials credentials;
        credentials.accessKeyId = it->account.accessKeyId;
        credentials.accessKeySecret = secretJob->result().toString();
        if (!it->account.hasSecurityToken) {
            it->pending = nullptr;
            offer(it->account, credentials);
            return;
        }
        Job* tokenJob = store.read(it->account.securityTokenKey());
        it->pending = tokenJob;
        connect(tokenJob, &Job::finished, this, [this, tokenJob, name, credentials] {
            const auto found = m_entries.find(name);
            if (found == m_entries.end() || found->pending != tokenJob)
                return;
            if (tokenJob->error().isError()) {
                fail(name, tokenJob->error());
                return;
            }
            EciCredentials withToken = credentials;
            withToken.securityToken = tokenJob->result().toString();
            found->pending = nullptr;
            offer(found->account, withToken);
        });
    });
}

void EciConnections::fail(const QString& accountName, const Error& error)
{
    Entry& entry = m_entries[accountName];
    entry.pending = nullptr;
    entry.failed = true;
    Q_EMIT accountFailed(accountName, error);
    if (!isLoading())
        Q_EMIT loaded();
}

void EciConnections::offer(const EciAccount& account, const EciCredentials& credentials)
{
    Entry& entry = m_entries[account.name];
    const QStringList regions = account.regions();
    for (const QString& region : regions) {
        EciBackend* backend = createBackend(account, credentials, region, this);
        connect(backend, &EciBackend::throttled, this, &EciConnections::throttled);
        entry.backends << backend;
        Q_EMIT backendAdded(backend);
    }
    if (!isLoading())
        Q_EMIT loaded();
}

EciBackend* EciConnections::createBackend(const EciAccount& account,
                                          const EciCredentials& credentials,
                                          const QString& regionId, QObject* parent) const
{
    EciBackendConfig config;
    config.accountName = account.name;
    config.regionId = regionId;
    config.endpoint = account.endpoint;
    config.credentials = credentials;
    config.signatureVersion = account.signatureVersion;
    return new EciBackend(config, m_network, parent);
}
