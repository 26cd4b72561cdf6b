#pragma once

#include "eci/EciSigner.h"
#include "sandbox/Error.h"
#include "settings/EciAccounts.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class Backend;
class CredentialStore;
class EciBackend;
class Job;
class MemoryCredentialStore;
class QNetworkAccessManager;

// The ECI connections: one EciBackend per account and region, made once the account's
// secrets have been read from its store. The window takes the backends it is offered, as it
// takes DockerConnections' ones.
class EciConnections final : public QObject
{
    Q_OBJECT
public:
    // keychain: where saved accounts keep their secrets; session-only accounts keep theirs
    // in a memory store of this object.
    EciConnections(EciAccounts& accounts, CredentialStore& keychain, QNetworkAccessManager* network,
                   QObject* parent = nullptr);
    ~EciConnections() override;

    EciAccounts& accounts() { return m_accounts; }
    CredentialStore& keychain() { return m_keychain; }
    MemoryCredentialStore& sessionStore() { return *m_sessionStore; }
    CredentialStore& storeFor(const EciAccount& account);
    QNetworkAccessManager* network() const { return m_network; }

    // Offers backends for accounts that have none yet, and takes back those of accounts that
    // are gone or changed. Secrets are read asynchronously; backends follow.
    void sync();
    // The account's backends are made again (its secret changed), or dropped when it is gone.
    void reload(const QString& accountName);

    // The backends currently offered, and the accounts still reading their secrets.
    QList<Backend*> backends() const;
    bool isLoading() const;

    // A backend for one call outside the window (listing regions while an account is edited).
    EciBackend* createBackend(const EciAccount& account, const EciCredentials& credentials,
                              const QString& regionId, QObject* parent) const;
    static bool isEci(const Backend* backend);

Q_SIGNALS:
    // The receiver takes the backend, parents it and connects it.
    void backendAdded(Backend* backend);
    // The receiver lets go of the backend and deletes it.
    void backendRemoved(Backend* backend);
    // The account's secrets could not be read; it has no connection until fixed.
    void accountFailed(const QString& accountName, const Error& error);
    void loaded();
    // Alibaba Cloud or the local quota made a call wait: a sentence for a status bar.
    void throttled(const QString& text);

private:
    struct Entry
    {
        EciAccount account;
        QList<QPointer<Backend>> backends;
        QPointer<Job> pending;
        bool failed = false;
    };

    void drop(const QString& accountName);
    void readSecrets(const EciAccount& account);
    void offer(const EciAccount& account, const EciCredentials& credentials);
    void fail(const QString& accountName, const Error& error);

    EciAccounts& m_accounts;
    CredentialStore& m_keychain;
    MemoryCredentialStore* m_sessionStore;
    QNetworkAccessManager* m_network;
    QHash<QString, Entry> m_entries;
};
