#pragma once

#include "CredentialStore.h"

namespace QKeychain {
class Job;
}

// The operating system's keychain through QtKeychain (the Secret Service on Linux: GNOME
// Keyring, KWallet). There is no insecure fallback: without a keychain every call fails
// with CredentialStore::unavailableCode() and nothing is written anywhere else.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT
public:
    // service: the name the keychain files the items under.
    explicit KeychainCredentialStore(const QString& service = QStringLiteral("SandboxDesk"),
                                     QObject* parent = nullptr);
    ~KeychainCredentialStore() override;

    bool isPersistent() const override { return true; }
    QString service() const { return m_service; }

    Job* read(const QString& key) override;
    Job* write(const QString& key, const QString& secret) override;
    Job* remove(const QString& key) override;

private:
    Job* run(QKeychain::Job* keychainJob, bool notFoundIsSuccess);

    QString m_service;
};
