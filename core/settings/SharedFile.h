#pragma once

#include "sandbox/Error.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QFileSystemWatcher;
class QJsonObject;
class QLockFile;

// A file in the user's data folder that the window and sandboxctl both write (lifetimes,
// idle clean-up, the activity log): writers take turns under FILE.lock, and while watching,
// what another program does to the file is signalled, a replacement or a first save too.
class SharedFile final : public QObject
{
    Q_OBJECT
public:
    explicit SharedFile(const QString& path, QObject* parent = nullptr);

    const QString& path() const { return m_path; }

    // Makes the file's folder and takes the lock, waiting a few seconds for another writer;
    // null and *error when either fails. The lock is held while the returned object lives.
    std::unique_ptr<QLockFile> lock(Error* error);
    // The whole file; empty when there is none, nothing when it cannot be read or is too large
    // to be one of ours.
    std::optional<QByteArray> read() const;
    // Replaces the file with root as indented JSON, at once; false and *error when it cannot.
    bool writeJson(const QJsonObject& root, Error* error);

    // Watches the file and its folder; off by default.
    void setWatching(bool watching);

Q_SIGNALS:
    // The file or its folder changed, perhaps by this program's own hand.
    void changed();

private:
    void rewatch();

    QString m_path;
    QFileSystemWatcher* m_watcher = nullptr;
};
