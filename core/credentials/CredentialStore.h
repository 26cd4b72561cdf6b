#pragma once

#include "sandbox/Error.h"

#include <QObject>
#include <QString>

class Job;

// Where secrets live, and nowhere else: keys are scoped as "sandboxdesk/<profile>/<field>",
// values never reach settings, files or logs. Calls are jobs like every backend call.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // "sandboxdesk/<profile>/<field>"
    static QString key(const QString& profile, const QString& field);

    // True when what is written outlives the process (a keychain, not memory).
    virtual bool isPersistent() const = 0;

    // Result: the secret (QString). A key that holds nothing fails with Error::NotFound.
    virtual Job* read(const QString& key) = 0;
    virtual Job* write(const QString& key, const QString& secret) = 0;
    // Removing a key that holds nothing succeeds.
    virtual Job* remove(const QString& key) = 0;

    // The error codes a store reports, besides Error::NotFound.
    static QString unavailableCode(); // no keychain, or it is locked
    static QString deniedCode();      // the keychain refused access
    // True when the store itself cannot be used (missing, locked, denied), as opposed to a key
    // that holds nothing: the caller may then offer a session-only account.
    static bool isUnavailable(const Error& error);

    // Translated errors, shared by the implementations.
    static Error notFoundError(const QString& key);
    static Error unavailableError(const QString& detail);
    static Error deniedError(const QString& detail);
};
