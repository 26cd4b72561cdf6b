#pragma once

#include "credentials/EciCredentials.h"

#include <QCoreApplication>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

// An Alibaba Cloud account as the user set it up. It holds the names of its keychain items,
// never their values.
struct EciAccount
{
    Q_DECLARE_TR_FUNCTIONS(EciAccount)

public:
    QString name;
    QString accessKeyId;
    QString defaultRegion;
    QStringList extraRegions;
    QString endpoint; // empty: each region's public endpoint
    EciSignatureVersion signatureVersion = EciSignatureVersion::V3;
    bool hasSecurityToken = false;
    // Kept in memory for this run only, secrets included: for when no keychain can be used.
    bool sessionOnly = false;

    // The default region first, then the extra ones, each once.
    QStringList regions() const;
    // The keychain items, as CredentialStore keys.
    QString secretKey() const;
    QString securityTokenKey() const;
    QStringList storeKeys() const;
    // Empty when the account can be saved; otherwise what is wrong, one sentence each.
    QStringList validate() const;

    static bool isValidName(const QString& name);
    static bool isValidRegion(const QString& region);
    bool operator==(const EciAccount& other) const;
};

// The ECI accounts in QSettings (the session-only ones in memory beside them).
class EciAccounts
{
public:
    // An empty path uses the platform's default location for the organisation and app name.
    explicit EciAccounts(const QString& path = {});
    ~EciAccounts();
    Q_DISABLE_COPY_MOVE(EciAccounts)

    // Saved ones in the order they were added, then the session-only ones.
    QList<EciAccount> accounts() const;
    EciAccount account(const QString& name, bool* found = nullptr) const;
    bool contains(const QString& name) const;
    // Adds the account, or replaces the one with its name.
    void save(const EciAccount& account);
    void remove(const QString& name);
    void sync() { m_settings->sync(); }

private:
    QList<EciAccount> loadSaved() const;
    void storeSaved(const QList<EciAccount>& accounts);

    std::unique_ptr<QSettings> m_settings;
    QList<EciAccount> m_sessionOnly;
};
