#include "EciAccounts.h"

#include "credentials/CredentialStore.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

const QString arrayName = QStringLiteral("eci/accounts");
const QString secretField = QStringLiteral("access-key-secret");
const QString tokenField = QStringLiteral("security-token");

QString versionKey(EciSignatureVersion version)
{
    return version == EciSignatureVersion::V1 ? QStringLiteral("v1") : QStringLiteral("v3");
}

} // namespace

QStringList EciAccount::regions() const
{
    QStringList all;
    if (!defaultRegion.isEmpty())
        all << defaultRegion;
    for (const QString& region : extraRegions) {
        if (!region.isEmpty() && !all.contains(region))
            all << region;
    }
    return all;
}

QString EciAccount::secretKey() const
{
    return CredentialStore::key(name, secretField);
}

QString EciAccount::securityTokenKey() const
{
    return CredentialStore::key(name, tokenField);
}

QStringList EciAccount::storeKeys() const
{
    QStringList keys{secretKey()};
    if (hasSecurityToken)
        keys << securityTokenKey();
    return keys;
}

bool EciAccount::isValidName(const QString& name)
{
    // It is part of the keychain keys, so no "/" and nothing invisible.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[\\w][\\w .@-]{0,63}")),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(name).hasMatch() && name == name.trimmed();
}

bool EciAccount::isValidRegion(const QString& region)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]+(-[a-z0-9]+)*")));
    return region.size() <= 64 && pattern.match(region).hasMatch();
}

QStringList EciAccount::validate() const
{
    QStringList problems;
    if (!isValidName(name))
        problems << tr("The account name may use letters, digits, spaces, “.”, “@”, “_” and "
                       "“-”, must start with a letter or digit and be at most 64 characters.");
    static const QRegularExpression keyId(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._-]{1,128}")));
    if (!keyId.match(accessKeyId).hasMatch())
        problems << tr("The AccessKey ID is required and may hold only letters, digits, “.”, "
                       "“_” and “-”.");
    if (defaultRegion.isEmpty())
        problems << tr("A default region is required, for example cn-hangzhou.");
    const QStringList all = regions();
    for (const QString& region : all) {
        if (!isValidRegion(region))
            problems << tr("“%1” is not a region ID such as cn-hangzhou.").arg(region);
    }
    return problems;
}

bool EciAccount::operator==(const EciAccount& other) const
{
    return name == other.name && accessKeyId == other.accessKeyId &&
           defaultRegion == other.defaultRegion && extraRegions == other.extraRegions &&
           endpoint == other.endpoint && signatureVersion == other.signatureVersion &&
           hasSecurityToken == other.hasSecurityToken && sessionOnly == other.sessionOnly;
}

EciAccounts::EciAccounts(const QString& path)
    : m_settings(path.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(path, QSettings::IniFormat))
{}

EciAccounts::~EciAccounts() = default;

QList<EciAccount> EciAccounts::accounts() const
{
    return loadSaved() + m_sessionOnly;
}

EciAccount EciAccounts::account(const QString& name, bool* found) const
{
    const QList<EciAccount> all = accounts();
    for (const EciAccount& account : all) {
        if (account.name == name) {
            if (found)
                *found = true;
            return account;
        }
    }
    if (found)
        *found = false;
    return {};
}

bool EciAccounts::contains(const QString& name) const
{
    bool found = false;
    account(name, &found);
    return found;
}

void EciAccounts::save(const EciAccount& account)
{
    QList<EciAccount> saved = loadSaved();
    const auto sameName = [&account](const EciAccount& a) {
        return a.name == account.name;
    };
    m_sessionOnly.removeIf(sameName);
    const auto it = std::find_if(saved.begin(), saved.end(), sameName);
    if (account.sessionOnly) {
        if (it != saved.end())
            saved.erase(it);
        m_sessionOnly << account;
    } else if (it != saved.end()) {
        *it = account; // in place, so that the list keeps its order
    } else {
        saved << account;
    }
    storeSaved(saved);
}

void EciAccounts::remove(const QString& name)
{
    QList<EciAccount> saved = loadSaved();
    const auto sameName = [&name](const EciAccount& a) {
        return a.name == name;
    };
    saved.removeIf(sameName);
    m_sessionOnly.removeIf(sameName);
    storeSaved(saved);
}

QList<EciAccount> EciAccounts::loadSaved() const
{
    QList<EciAccount> accounts;
    const int count = m_settings->beginReadArray(arrayName);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        EciAccount account;
        account.name = m_settings->value(QStringLiteral("name")).toString();
        account.accessKeyId = m_settings->value(QStringLiteral("accessKeyId")).toString();
        account.defaultRegion = m_settings->value(QStringLiteral("defaultRegion")).toString();
        account.extraRegions = m_settings->value(QStringLiteral("extraRegions")).toStringList();
        account.endpoint = m_settings->value(QStringLiteral("endpoint")).toString();
        account.signatureVersion =
            m_settings->value(QStringLiteral("signatureVersion")).toString() == QLatin1String("v1")
                ? EciSignatureVersion::V1
                : EciSignatureVersion::V3;
        const QStringList keys = m_settings->value(QStringLiteral("keychainKeys")).toStringList();
        account.hasSecurityToken = keys.contains(account.securityTokenKey());
        // A hand-edited entry that could not be saved from the app is left out.
        if (EciAccount::isValidName(account.name) && !account.accessKeyId.isEmpty())
            accounts << account;
    }
    m_settings->endArray();
    return accounts;
}

void EciAccounts::storeSaved(const QList<EciAccount>& accounts)
{
    m_settings->remove(arrayName);
    m_settings->beginWriteArray(arrayName, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        const EciAccount& account = accounts.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), account.name);
        m_settings->setValue(QStringLiteral("accessKeyId"), account.accessKeyId);
        m_settings->setValue(QStringLiteral("defaultRegion"), account.defaultRegion);
        m_settings->setValue(QStringLiteral("extraRegions"), account.extraRegions);
        m_settings->setValue(QStringLiteral("endpoint"), account.endpoint);
        m_settings->setValue(QStringLiteral("signatureVersion"),
                             versionKey(account.signatureVersion));
        // Where the secrets are, by name only.
        m_settings->setValue(QStringLiteral("keychainKeys"), account.storeKeys());
    }
    m_settings->endArray();
}
