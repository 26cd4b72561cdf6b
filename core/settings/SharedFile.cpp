#include "SharedFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

namespace {

// Our JSON files are a few hundred bytes an entry; past this a file is not ours.
constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
constexpr int LockWaitMs = 5000;

} // namespace

SharedFile::SharedFile(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
{}

std::unique_ptr<QLockFile> SharedFile::lock(Error* error)
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error =
            Error::make(Error::Server, tr("Cannot make the folder %1.").arg(info.absolutePath()));
        return nullptr;
    }
    auto lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    if (!lock->tryLock(LockWaitMs)) {
        *error = Error::make(Error::Timeout, tr("Another program holds %1.").arg(m_path));
        return nullptr;
    }
    return lock;
}

std::optional<QByteArray> SharedFile::read() const
{
    QFile file(m_path);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxFileBytes)
        return std::nullopt;
    return file.readAll();
}

bool SharedFile::writeJson(const QJsonObject& root, Error* error)
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        *error =
            Error::make(Error::Server, tr("Cannot write %1.").arg(m_path), {}, file.errorString());
        return false;
    }
    return true;
}

void SharedFile::setWatching(bool watching)
{
    if (!watching) {
        delete m_watcher;
        m_watcher = nullptr;
        return;
    }
    if (m_watcher)
        return;
    m_watcher = new QFileSystemWatcher(this);
    // The folder too: a save or a rotation replaces the file, and a first write creates it.
    const auto onChange = [this] {
        rewatch();
        Q_EMIT changed();
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, onChange);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, onChange);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    rewatch();
}

void SharedFile::rewatch()
{
    if (!m_watcher)
        return;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
    if (QFile::exists(m_path) && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}
