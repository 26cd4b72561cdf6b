#include "ExpiryStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

// A lifetimes file is a few hundred bytes a sandbox; past this it is not ours.
constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
constexpr int LockWaitMs = 5000;

} // namespace

QString ExpiryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/sandboxdesk/lifetimes.json");
}

ExpiryStore::ExpiryStore(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
{
    reload();
}

bool ExpiryStore::lookup(const QString& id, QDateTime* expiresAt) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.constEnd())
        return false;
    *expiresAt = *it;
    return true;
}

bool ExpiryStore::set(const QString& id, const QDateTime& expiresAt, Error* error)
{
    return update(
        [&](QHash<QString, QDateTime>* entries) {
            // Whole seconds, as the file keeps them: what a reader gets is what was set.
            entries->insert(id, expiresAt.isValid() ? QDateTime::fromSecsSinceEpoch(
                                                          expiresAt.toSecsSinceEpoch(), Qt::UTC)
                                                    : QDateTime());
        },
        error);
}

void ExpiryStore::forget(const QString& id)
{
    if (!m_entries.contains(id))
        return;
    Error ignored; // a stale entry costs nothing; the next write tries again
    update([&](QHash<QString, QDateTime>* entries) { entries->remove(id); }, &ignored);
}

QHash<QString, QDateTime> ExpiryStore::parse(const QByteArray& bytes)
{
    QHash<QString, QDateTime> entries;
    const QJsonObject sandboxes =
        QJsonDocument::fromJson(bytes).object().value(QLatin1String("sandboxes")).toObject();
    for (auto it = sandboxes.constBegin(); it != sandboxes.constEnd(); ++it) {
        const QJsonValue value = it->toObject().value(QLatin1String("expiresAt"));
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
        if (value.isNull() || time.isValid())
            entries.insert(it.key(), time.toUTC());
    }
    return entries;
}

bool ExpiryStore::reload()
{
    QFile file(m_path);
    if (!file.exists()) {
        const bool had = !m_entries.isEmpty();
        m_entries.clear();
        return had;
    }
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxFileBytes)
        return false;
    QHash<QString, QDateTime> entries = parse(file.readAll());
    if (entries == m_entries)
        return false;
    m_entries = std::move(entries);
    return true;
}

bool ExpiryStore::update(const std::function<void(QHash<QString, QDateTime>*)>& change,
                         Error* error)
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error =
            Error::make(Error::Server, tr("Cannot make the folder %1.").arg(info.absolutePath()));
        return false;
    }
    // Another client may write at the same moment: read, change and write under one lock.
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(LockWaitMs)) {
        *error = Error::make(Error::Timeout, tr("Another program holds %1.").arg(m_path));
        return false;
    }
    reload();
    change(&m_entries);
    QJsonObject sandboxes;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        sandboxes.insert(it.key(),
                         QJsonObject{{QStringLiteral("expiresAt"),
                                      it->isValid() ? QJsonValue(it->toString(Qt::ISODate))
                                                    : QJsonValue(QJsonValue::Null)}});
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                             {QStringLiteral("sandboxes"), sandboxes}})
                       .toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit()) {
        *error =
            Error::make(Error::Server, tr("Cannot write %1.").arg(m_path), {}, file.errorString());
        return false;
    }
    return true;
}

void ExpiryStore::setWatching(bool watching)
{
    if (!watching) {
        delete m_watcher;
        m_watcher = nullptr;
        return;
    }
    if (m_watcher)
        return;
    m_watcher = new QFileSystemWatcher(this);
    // The folder too: a save replaces the file, and a first save creates it.
    const auto onChange = [this] {
        rewatch();
        if (reload())
            Q_EMIT changed();
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, onChange);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, onChange);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    rewatch();
}

void ExpiryStore::rewatch()
{
    if (!m_watcher)
        return;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
    if (QFile::exists(m_path) && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}
