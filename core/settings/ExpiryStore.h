#pragma once

#include "SharedFile.h"
#include "sandbox/Error.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>

// Lifetimes a backend cannot keep on the sandbox itself: Docker labels are fixed when a
// container is made, so a renewal made later lives here. One small JSON file that the window
// and sandboxctl both read and write (under a lock), keyed by container id, which is unique
// across engines. An entry overrides the sandbox's label; an entry with no time removes its
// lifetime.
class ExpiryStore final : public QObject
{
    Q_OBJECT
public:
    // The file every client shares: sandboxdesk/lifetimes.json in the user's data folder.
    static QString defaultPath();

    explicit ExpiryStore(const QString& path, QObject* parent = nullptr);

    const QString& path() const { return m_file->path(); }
    // Whether the store has a word on the sandbox; *expiresAt is then its expiry (invalid: none).
    bool lookup(const QString& id, QDateTime* expiresAt) const;
    // Records an expiry (invalid: no lifetime) for id; false and *error when the file cannot be
    // written.
    bool set(const QString& id, const QDateTime& expiresAt, Error* error);
    // Drops what the store knows of a sandbox that is gone.
    void forget(const QString& id);
    // Reads the file again when another process changes it, and says so.
    void setWatching(bool watching);

Q_SIGNALS:
    void changed();

private:
    bool reload();
    bool update(const std::function<void(QHash<QString, QDateTime>*)>& change, Error* error);
    static QHash<QString, QDateTime> parse(const QByteArray& bytes);

    SharedFile* m_file;
    QHash<QString, QDateTime> m_entries; // invalid time: no lifetime
};
