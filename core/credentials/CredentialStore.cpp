#include "CredentialStore.h"

#include <QCoreApplication>

QString CredentialStore::key(const QString& profile, const QString& field)
{
    return QStringLiteral("sandboxdesk/%1/%2").arg(profile, field);
}

QString CredentialStore::unavailableCode()
{
    return QStringLiteral("KeychainUnavailable");
}

QString CredentialStore::deniedCode()
{
    return QStringLiteral("KeychainAccessDenied");
}

bool CredentialStore::isUnavailable(const Error& error)
{
    return error.code == unavailableCode() || error.code == deniedCode();
}

Error CredentialStore::notFoundError(const QString& key)
{
    return Error::make(
        Error::NotFound,
        QCoreApplication::translate("CredentialStore", "The keychain holds no secret named “%1”.")
            .arg(key));
}

Error CredentialStore::unavailableError(const QString& detail)
{
    return Error::make(
        Error::Auth,
        QCoreApplication::translate(
            "CredentialStore", "No keychain can be used: it is missing, locked or not answering."),
        unavailableCode(), detail);
}

Error CredentialStore::deniedError(const QString& detail)
{
    return Error::make(
        Error::Auth, QCoreApplication::translate("CredentialStore", "The keychain refused access."),
        deniedCode(), detail);
}
