#include "LocalSandboxFiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <cstdio>
#include <sys/stat.h>

namespace {

Error notFound(const RemotePath& path)
{
    return Error::make(Error::NotFound,
                       QStringLiteral("No such file or folder: %1").arg(QString::fromUtf8(path)));
}

} // namespace

LocalSandboxFiles::LocalSandboxFiles(const QString& root, QObject* parent)
    : SandboxFiles(parent)
    , m_root(root)
{}

QString LocalSandboxFiles::localPath(const RemotePath& path) const
{
    return m_root + QString::fromUtf8(path);
}

template<typename T>
ResultJob<T>* LocalSandboxFiles::finishLater(const T& value, const Error& error)
{
    auto* job = new ResultJob<T>(this);
    QTimer::singleShot(0, job, [job, value, error] {
        if (error.isError())
            job->finishWithError(error);
        else
            job->finishWithValue(value);
    });
    return job;
}

Job* LocalSandboxFiles::finishLater(const Error& error)
{
    auto* job = new Job(this);
    QTimer::singleShot(0, job, [job, error] {
        if (error.isError())
            job->finishWithError(error);
        else
            job->finishWithResult({});
    });
    return job;
}

FileEntry LocalSandboxFiles::describe(const QString& local, const QByteArray& name) const
{
    FileEntry entry;
    entry.name = name;
    struct stat st = {};
    if (::lstat(QFile::encodeName(local).constData(), &st) != 0)
        return entry;
    if (S_ISDIR(st.st_mode))
        entry.type = FileEntry::Type::Folder;
    else if (S_ISLNK(st.st_mode))
        entry.type = FileEntry::Type::Symlink;
    else if (!S_ISREG(st.st_mode))
        entry.type = FileEntry::Type::Other;
    entry.size = st.st_size;
    entry.mode = st.st_mode & 07777;
    const QFileInfo info(local);
    entry.owner = info.owner();
    entry.group = info.group();
    entry.modified = QDateTime::fromSecsSinceEpoch(st.st_mtime, Qt::UTC);
    if (entry.type == FileEntry::Type::Symlink)
        entry.linkTarget = QFile::encodeName(info.symLinkTarget());
    return entry;
}

ResultJob<QList<FileEntry>>* LocalSandboxFiles::list(const RemotePath& folder)
{
    ++listCalls;
    calls << "list " + folder;
    if (holdListing)
        return new ResultJob<QList<FileEntry>>(this);
    if (listError.isError())
        return finishLater(QList<FileEntry>(), listError);
    const QDir dir(localPath(folder));
    if (!dir.exists())
        return finishLater(QList<FileEntry>(), notFound(folder));
    QList<FileEntry> entries;
    const QStringList names =
        dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString& name : names)
        entries << describe(dir.filePath(name), QFile::encodeName(name));
    return finishLater(entries);
}

ResultJob<FileEntry>* LocalSandboxFiles::stat(const RemotePath& path)
{
    calls << "stat " + path;
    const QString local = localPath(path);
    if (!QFileInfo(local).exists() && !QFileInfo(local).isSymLink())
        return finishLater(FileEntry(), notFound(path));
    return finishLater(describe(local, RemotePaths::fileName(path)));
}

ResultJob<QList<FileEntry>>* LocalSandboxFiles::find(const RemotePath& folder,
                                                     const QByteArray& pattern)
{
    calls << "find " + folder + ' ' + pattern;
    QList<FileEntry> entries;
    const QString base = localPath(folder);
    QDirIterator it(base, {QString::fromUtf8(pattern)}, QDir::AllEntries | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString found = it.next();
        entries << describe(found, QFile::encodeName(QDir(base).relativeFilePath(found)));
    }
    return finishLater(entries);
}

Job* LocalSandboxFiles::makeFolder(const RemotePath& path, bool parents)
{
    calls << "mkdir " + path;
    const QString local = localPath(path);
    const bool made = parents ? QDir().mkpath(local) : QDir().mkdir(local);
    return finishLater(
        made ? Error()
             : Error::make(Error::Conflict,
                           QStringLiteral("Cannot make %1").arg(QString::fromUtf8(path))));
}

Job* LocalSandboxFiles::move(const RemotePath& from, const RemotePath& to)
{
    calls << "move " + from + ' ' + to;
    if (QFileInfo::exists(localPath(to)))
        return finishLater(Error::make(Error::Conflict, QStringLiteral("Already there.")));
    const bool moved = QFile::rename(localPath(from), localPath(to));
    return finishLater(moved ? Error() : notFound(from));
}

Job* LocalSandboxFiles::replace(const RemotePath& from, const RemotePath& to)
{
    calls << "replace " + from + ' ' + to;
    if (QFileInfo(localPath(to)).isDir())
        return finishLater(Error::make(Error::Conflict, QStringLiteral("A folder is there.")));
    const bool moved = ::rename(QFile::encodeName(localPath(from)).constData(),
                                QFile::encodeName(localPath(to)).constData()) == 0;
    return finishLater(moved ? Error() : notFound(from));
}

ResultJob<qint64>* LocalSandboxFiles::countEntries(const RemotePath& path)
{
    calls << "count " + path;
    const QString local = localPath(path);
    if (!QFileInfo(local).exists())
        return finishLater(qint64(0), notFound(path));
    qint64 count = 1;
    if (QFileInfo(local).isDir() && !QFileInfo(local).isSymLink()) {
        QDirIterator it(local,
                        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++count;
        }
    }
    return finishLater(count);
}

Job* LocalSandboxFiles::remove(const RemotePath& path, bool recursive)
{
    calls << "remove " + path;
    const QString local = localPath(path);
    const QFileInfo info(local);
    bool removed = false;
    if (info.isDir() && !info.isSymLink())
        removed = recursive ? QDir(local).removeRecursively() : QDir().rmdir(local);
    else
        removed = QFile::remove(local);
    return finishLater(removed ? Error() : notFound(path));
}

Job* LocalSandboxFiles::changeMode(const RemotePath& path, quint32 mode)
{
    calls << "chmod " + path + ' ' + QByteArray::number(mode, 8);
    const bool changed = ::chmod(QFile::encodeName(localPath(path)).constData(), mode) == 0;
    return finishLater(changed ? Error() : notFound(path));
}

Job* LocalSandboxFiles::readArchive(const RemotePath& path, QIODevice* sink)
{
    calls << "read " + path;
    // GNU tar makes the stream, as an engine would: the last part of path at the top.
    auto* job = new Job(this);
    auto* tar = new QProcess(job);
    const QString local = localPath(path);
    if (!QFileInfo(local).exists() && !QFileInfo(local).isSymLink()) {
        QTimer::singleShot(0, job, [job, path] { job->finishWithError(notFound(path)); });
        return job;
    }
    const QPointer<QIODevice> target = sink;
    connect(tar, &QProcess::readyReadStandardOutput, job, [this, tar, target] {
        const QByteArray chunk = tar->readAllStandardOutput();
        archiveBytesRead += chunk.size();
        if (target)
            target->write(chunk);
    });
    connect(tar, &QProcess::finished, job, [this, tar, job, target] {
        const QByteArray chunk = tar->readAllStandardOutput();
        archiveBytesRead += chunk.size();
        if (target)
            target->write(chunk);
        if (tar->exitCode() != 0)
            job->finishWithError(
                Error::make(Error::Server, QString::fromLocal8Bit(tar->readAllStandardError())));
        else
            job->finishWithResult({});
    });
    connect(job, &Job::cancelRequested, tar, [tar] {
        tar->disconnect();
        tar->kill();
        tar->waitForFinished(5000);
    });
    tar->start(QStringLiteral("tar"),
               {QStringLiteral("-C"), QFileInfo(local).absolutePath(), QStringLiteral("-cf"),
                QStringLiteral("-"), QFileInfo(local).fileName()});
    return job;
}

Job* LocalSandboxFiles::writeArchive(const RemotePath& folder, QIODevice* source, Owners owners)
{
    calls << "write " + folder;
    // GNU tar unpacks the stream, as an engine would.
    auto* job = new Job(this);
    if (owners == Owners::FromArchive) {
        QMetaObject::invokeMethod(
            job, [job] { job->finishWithError(ownershipUnsupported()); }, Qt::QueuedConnection);
        return job;
    }
    auto* tar = new QProcess(job);
    const QPointer<QIODevice> input = source;
    const auto pump = [tar, input] {
        if (input && tar->isOpen())
            tar->write(input->readAll());
    };
    const auto end = [tar, input, pump] {
        pump();
        tar->closeWriteChannel();
    };
    connect(source, &QIODevice::readyRead, job, pump);
    connect(source, &QIODevice::readChannelFinished, job, end);
    connect(tar, &QProcess::started, job, pump);
    connect(tar, &QProcess::finished, job, [tar, job] {
        if (tar->exitCode() != 0)
            job->finishWithError(
                Error::make(Error::Server, QString::fromLocal8Bit(tar->readAllStandardError())));
        else
            job->finishWithResult({});
    });
    connect(job, &Job::cancelRequested, tar, [tar] {
        tar->disconnect();
        tar->kill();
        tar->waitForFinished(5000);
    });
    tar->start(QStringLiteral("tar"), {QStringLiteral("-C"), localPath(folder),
                                       QStringLiteral("-xpf"), QStringLiteral("-")});
    return job;
}
