#include "TarExtractor.h"

#include "ChunkQueue.h"
#include "FileEntry.h"
#include "sandbox/WorkerThread.h"

#include <QFile>
#include <QPointer>

#include <archive.h>
#include <archive_entry.h>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

struct TarExtractorState
{
    ChunkQueue queue{0};
    // The archive's end was read whole: what still comes (a record's zero padding from GNU
    // tar, say) is taken and dropped, as tar itself does.
    std::atomic_bool ended{false};
};

namespace {

constexpr int MaxRefusals = 100;

QString errnoText(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

QString shown(const QByteArray& name)
{
    return RemotePaths::displayName(name);
}

class Fd final
{
public:
    Fd() = default;
    explicit Fd(int fd)
        : m_fd(fd)
    {}
    ~Fd() { reset(); }
    Fd(Fd&& other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {}
    Fd& operator=(Fd&& other) noexcept
    {
        reset();
        m_fd = std::exchange(other.m_fd, -1);
        return *this;
    }
    Q_DISABLE_COPY(Fd)
    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    void reset()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

// The work on the worker thread; only it touches the folder.
class Extraction final
{
public:
    Extraction(std::shared_ptr<TarExtractorState> state, QByteArray folder,
               QHash<QByteArray, QPair<TarExtractor::Conflict, QByteArray>> conflicts)
        : m_state(std::move(state))
        , m_folder(std::move(folder))
        , m_conflicts(std::move(conflicts))
    {}

    void run();

    Error error;
    QStringList refusals;
    int refusedCount = 0;
    QList<QByteArray> topNames;
    std::function<void(qint64)> consumed; // on the worker thread

private:
    static la_ssize_t readCallback(struct archive*, void* self, const void** buffer);
    void extract(struct archive* a, struct archive_entry* entry);
    bool mapTop(QList<QByteArray>* parts);
    // Opens the folder holding parts' last name, making missing folders when create is set;
    // never through a symbolic link.
    Fd openParent(const QList<QByteArray>& parts, bool create, const QByteArray& shownName);
    bool writeFile(struct archive* a, int parent, const QByteArray& name, const QByteArray& temp,
                   mode_t mode, struct archive_entry* entry);
    bool place(int parent, const QByteArray& temp, const QByteArray& name,
               const QList<QByteArray>& parts, const QByteArray& shownName);
    QByteArray tempName();
    void refuse(const QString& message);
    void fail(const QString& message);
    void finishFolders();
    void removeCreated();

    std::shared_ptr<TarExtractorState> m_state;
    QByteArray m_folder;
    QHash<QByteArray, QPair<TarExtractor::Conflict, QByteArray>> m_conflicts;
    Fd m_root;
    QByteArray m_current; // the chunk libarchive reads from
    int m_tempCounter = 0;
    // Everything made here that did not exist before, in order, for removal on abort.
    QList<QList<QByteArray>> m_created;
    QList<bool> m_createdIsFolder;
    struct FolderMode
    {
        QList<QByteArray> parts;
        mode_t mode;
        struct timespec modified;
    };
    QList<FolderMode> m_folderModes;
};

la_ssize_t Extraction::readCallback(struct archive* a, void* self, const void** buffer)
{
    auto* extraction = static_cast<Extraction*>(self);
    if (!extraction->m_state->queue.popWaiting(&extraction->m_current)) {
        if (extraction->m_state->queue.isAborted()) {
            archive_set_error(a, ECANCELED, "cancelled");
            return -1;
        }
        return 0;
    }
    const qint64 taken = extraction->m_current.size();
    if (extraction->consumed)
        extraction->consumed(taken);
    *buffer = extraction->m_current.constData();
    return extraction->m_current.size();
}

void Extraction::refuse(const QString& message)
{
    ++refusedCount;
    if (refusals.size() < MaxRefusals)
        refusals << message;
}

void Extraction::fail(const QString& message)
{
    if (!error.isError())
        error = Error::make(Error::Server, message);
}

QByteArray Extraction::tempName()
{
    return ".sandboxdesk-" + QByteArray::number(::getpid()) + '-' +
           QByteArray::number(++m_tempCounter) + ".part";
}

bool Extraction::mapTop(QList<QByteArray>* parts)
{
    const auto it = m_conflicts.constFind(parts->first());
    if (it != m_conflicts.constEnd()) {
        if (it->first == TarExtractor::Conflict::Skip)
            return false;
        if (it->first == TarExtractor::Conflict::Rename)
            (*parts)[0] = it->second;
    }
    if (!topNames.contains(parts->first()))
        topNames << parts->first();
    return true;
}

Fd Extraction::openParent(const QList<QByteArray>& parts, bool create, const QByteArray& shownName)
{
    Fd current(::fcntl(m_root.get(), F_DUPFD_CLOEXEC, 0));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        const QByteArray& part = parts.at(i);
        Fd next(::openat(current.get(), part.constData(),
                         O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next.isValid() && errno == ENOENT && create) {
            if (::mkdirat(current.get(), part.constData(), 0700) == 0) {
                m_created << parts.mid(0, i + 1);
                m_createdIsFolder << true;
            }
            next = Fd(::openat(current.get(), part.constData(),
                               O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        }
        if (!next.isValid()) {
            const int code = errno;
            struct stat info;
            if (::fstatat(current.get(), part.constData(), &info, AT_SYMLINK_NOFOLLOW) == 0 &&
                S_ISLNK(info.st_mode))
                refuse(TarExtractor::tr("Refused “%1”: it would be written through the symbolic "
                                        "link “%2”.")
                           .arg(shown(shownName), shown(part)));
            else if (code == ENOTDIR || code == ENOENT)
                refuse(TarExtractor::tr("Refused “%1”: “%2” is not a folder.")
                           .arg(shown(shownName), shown(part)));
            else
                refuse(TarExtractor::tr("Could not open the folder “%1”: %2")
                           .arg(shown(part), errnoText(code)));
            return Fd();
        }
        current = std::move(next);
    }
    return current;
}

bool Extraction::writeFile(struct archive* a, int parent, const QByteArray& name,
                           const QByteArray& temp, mode_t mode, struct archive_entry* entry)
{
    Fd file(::openat(parent, temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                     0600));
    if (!file.isValid()) {
        fail(TarExtractor::tr("Could not write “%1”: %2").arg(shown(name), errnoText(errno)));
        return false;
    }
    const void* block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    la_int64_t end = 0;
    for (;;) {
        const int status = archive_read_data_block(a, &block, &size, &offset);
        if (status == ARCHIVE_EOF)
            break;
        if (status < ARCHIVE_WARN) {
            ::unlinkat(parent, temp.constData(), 0);
            if (m_state->queue.isAborted())
                error = Error::make(Error::Cancelled, TarExtractor::tr("Cancelled."));
            else
                error = Error::make(Error::Protocol,
                                    TarExtractor::tr("The archive is damaged: %1")
                                        .arg(QString::fromLocal8Bit(archive_error_string(a))));
            return false;
        }
        const char* bytes = static_cast<const char*>(block);
        while (size > 0) {
            const ssize_t written = ::pwrite(file.get(), bytes, size, offset);
            if (written < 0) {
                if (errno == EINTR)
                    continue;
                const int code = errno;
                ::unlinkat(parent, temp.constData(), 0);
                fail(
                    TarExtractor::tr("Could not write “%1”: %2").arg(shown(name), errnoText(code)));
                return false;
            }
            bytes += written;
            offset += written;
            size -= size_t(written);
        }
        end = qMax(end, offset);
    }
    // A sparse file's hole at the end.
    if (archive_entry_size(entry) > end)
        ::ftruncate(file.get(), archive_entry_size(entry));
    ::fchmod(file.get(), mode & 0777);
    const struct timespec times[2] = {
        {0, UTIME_OMIT}, {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)}};
    ::futimens(file.get(), times);
    return true;
}

bool Extraction::place(int parent, const QByteArray& temp, const QByteArray& name,
                       const QList<QByteArray>& parts, const QByteArray& shownName)
{
    struct stat info;
    const bool existed = ::fstatat(parent, name.constData(), &info, AT_SYMLINK_NOFOLLOW) == 0;
    if (existed && S_ISDIR(info.st_mode)) {
        ::unlinkat(parent, temp.constData(), 0);
        refuse(
            TarExtractor::tr("Refused “%1”: a folder of that name exists.").arg(shown(shownName)));
        return false;
    }
    // rename() replaces a symbolic link itself, never what it points to.
    if (::renameat(parent, temp.constData(), parent, name.constData()) != 0) {
        const int code = errno;
        ::unlinkat(parent, temp.constData(), 0);
        fail(TarExtractor::tr("Could not write “%1”: %2").arg(shown(shownName), errnoText(code)));
        return false;
    }
    if (!existed) {
        m_created << parts;
        m_createdIsFolder << false;
    }
    return true;
}

void Extraction::extract(struct archive* a, struct archive_entry* entry)
{
    const char* rawName = archive_entry_pathname(entry);
    const QByteArray name = rawName ? QByteArray(rawName) : QByteArray();
    QString why;
    QList<QByteArray> parts = TarExtractor::splitEntryName(name, &why);
    if (parts.isEmpty()) {
        if (!why.isEmpty())
            refuse(why);
        return;
    }
    if (!mapTop(&parts))
        return;
    const mode_t type = archive_entry_filetype(entry);
    const char* hardlink = archive_entry_hardlink(entry);
    if (type != AE_IFREG && type != AE_IFDIR && type != AE_IFLNK && !hardlink) {
        const QString kind = type == AE_IFIFO ? TarExtractor::tr("a FIFO")
                             : (type == AE_IFCHR || type == AE_IFBLK)
                                 ? TarExtractor::tr("a device node")
                             : type == AE_IFSOCK ? TarExtractor::tr("a socket")
                                                 : TarExtractor::tr("of an unknown type");
        refuse(TarExtractor::tr("Skipped “%1”: it is %2.").arg(shown(name), kind));
        return;
    }

    Fd parent = openParent(parts, true, name);
    if (!parent.isValid())
        return;
    const QByteArray last = parts.last();

    if (type == AE_IFDIR && !hardlink) {
        struct stat info;
        if (::mkdirat(parent.get(), last.constData(), 0700) == 0) {
            m_created << parts;
            m_createdIsFolder << true;
        } else if (::fstatat(parent.get(), last.constData(), &info, AT_SYMLINK_NOFOLLOW) != 0 ||
                   !S_ISDIR(info.st_mode)) {
            refuse(TarExtractor::tr("Refused “%1”: something that is not a folder has that name.")
                       .arg(shown(name)));
            return;
        }
        m_folderModes.append({parts,
                              archive_entry_perm(entry) & 01777,
                              {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)}});
        return;
    }

    const QByteArray temp = tempName();
    if (hardlink) {
        QString linkWhy;
        QList<QByteArray> target = TarExtractor::splitEntryName(QByteArray(hardlink), &linkWhy);
        if (target.isEmpty() || !mapTop(&target)) {
            refuse(TarExtractor::tr("Refused the hard link “%1”: its target “%2” is outside the "
                                    "folder.")
                       .arg(shown(name), shown(QByteArray(hardlink))));
            return;
        }
        const int refusedBefore = refusedCount;
        Fd targetParent = openParent(target, false, QByteArray(hardlink));
        struct stat info;
        if (!targetParent.isValid() ||
            ::fstatat(targetParent.get(), target.last().constData(), &info, AT_SYMLINK_NOFOLLOW) !=
                0 ||
            !S_ISREG(info.st_mode)) {
            if (refusedCount == refusedBefore)
                refuse(TarExtractor::tr("Refused the hard link “%1”: its target “%2” is not a "
                                        "file extracted here.")
                           .arg(shown(name), shown(QByteArray(hardlink))));
            return;
        }
        if (::linkat(targetParent.get(), target.last().constData(), parent.get(), temp.constData(),
                     0) != 0) {
            fail(TarExtractor::tr("Could not write “%1”: %2").arg(shown(name), errnoText(errno)));
            return;
        }
        place(parent.get(), temp, last, parts, name);
        return;
    }

    if (type == AE_IFLNK) {
        const char* target = archive_entry_symlink(entry);
        if (!target || ::symlinkat(target, parent.get(), temp.constData()) != 0) {
            fail(TarExtractor::tr("Could not write “%1”: %2").arg(shown(name), errnoText(errno)));
            return;
        }
        const struct timespec times[2] = {
            {0, UTIME_OMIT}, {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)}};
        ::utimensat(parent.get(), temp.constData(), times, AT_SYMLINK_NOFOLLOW);
        place(parent.get(), temp, last, parts, name);
        return;
    }

    if (writeFile(a, parent.get(), name, temp, archive_entry_perm(entry), entry))
        place(parent.get(), temp, last, parts, name);
}

void Extraction::finishFolders()
{
    // Deepest first, so a read-only folder is made read-only after what is inside it.
    for (qsizetype i = m_folderModes.size() - 1; i >= 0; --i) {
        const FolderMode& folder = m_folderModes.at(i);
        QList<QByteArray> parts = folder.parts;
        Fd parent = openParent(parts, false, parts.join('/'));
        if (!parent.isValid())
            continue;
        Fd dir(::openat(parent.get(), parts.last().constData(),
                        O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!dir.isValid())
            continue;
        ::fchmod(dir.get(), folder.mode);
        const struct timespec times[2] = {{0, UTIME_OMIT}, folder.modified};
        ::futimens(dir.get(), times);
    }
}

void Extraction::removeCreated()
{
    for (qsizetype i = m_created.size() - 1; i >= 0; --i) {
        const QList<QByteArray>& parts = m_created.at(i);
        const int refusedBefore = refusedCount;
        Fd parent = openParent(parts, false, parts.join('/'));
        refusedCount = refusedBefore;
        if (!parent.isValid())
            continue;
        ::unlinkat(parent.get(), parts.last().constData(),
                   m_createdIsFolder.at(i) ? AT_REMOVEDIR : 0);
    }
}

void Extraction::run()
{
    m_root = Fd(::open(m_folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!m_root.isValid()) {
        error =
            Error::make(Error::NotFound, TarExtractor::tr("Cannot open the folder “%1”: %2")
                                             .arg(QFile::decodeName(m_folder), errnoText(errno)));
        m_state->queue.abort();
        return;
    }
    struct archive* a = archive_read_new();
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    archive_read_support_format_empty(a);
    if (archive_read_open(a, this, nullptr, &Extraction::readCallback, nullptr) != ARCHIVE_OK) {
        if (m_state->queue.isAborted())
            error = Error::make(Error::Cancelled, TarExtractor::tr("Cancelled."));
        else
            error = Error::make(Error::Protocol,
                                TarExtractor::tr("The archive is damaged: %1")
                                    .arg(QString::fromLocal8Bit(archive_error_string(a))));
    }
    while (!error.isError()) {
        struct archive_entry* entry = nullptr;
        const int status = archive_read_next_header(a, &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status < ARCHIVE_WARN) {
            if (m_state->queue.isAborted())
                error = Error::make(Error::Cancelled, TarExtractor::tr("Cancelled."));
            else
                error = Error::make(Error::Protocol,
                                    TarExtractor::tr("The archive is damaged: %1")
                                        .arg(QString::fromLocal8Bit(archive_error_string(a))));
            break;
        }
        extract(a, entry);
    }
    archive_read_free(a);
    if (error.kind == Error::Cancelled)
        removeCreated();
    else
        finishFolders();
    // Whatever the archive did not read (the end padding) counts as taken.
    if (!error.isError())
        m_state->ended = true;
    const qint64 left = m_state->queue.size();
    m_state->queue.abort();
    if (left > 0 && consumed)
        consumed(left);
}

} // namespace

TarExtractor::TarExtractor(const QString& folder, QObject* parent)
    : QIODevice(parent)
    , m_folder(folder)
    , m_state(std::make_shared<TarExtractorState>())
{}

TarExtractor::~TarExtractor()
{
    if (m_started && !m_finished)
        m_state->queue.abort();
}

void TarExtractor::setConflict(const QByteArray& topName, Conflict conflict,
                               const QByteArray& renamedTo)
{
    m_conflicts.insert(topName, qMakePair(conflict, renamedTo));
}

bool TarExtractor::open(OpenMode mode)
{
    if (m_started || !(mode & WriteOnly) || (mode & ReadOnly))
        return false;
    QIODevice::open(mode | Unbuffered);
    m_started = true;
    auto extraction =
        std::make_shared<Extraction>(m_state, QFile::encodeName(m_folder), m_conflicts);
    QPointer<TarExtractor> self(this);
    // One notice waits at a time, carrying all that was taken meanwhile.
    auto taken = std::make_shared<std::atomic<qint64>>(0);
    extraction->consumed = [self, taken](qint64 bytes) {
        if (taken->fetch_add(bytes) != 0)
            return;
        WorkerThread::post([self, taken] {
            const qint64 all = taken->exchange(0);
            if (self && all > 0)
                Q_EMIT self->bytesWritten(all);
        });
    };
    WorkerThread::start([extraction, self] {
        extraction->run();
        WorkerThread::post([extraction, self] {
            if (self)
                self->onWorkerFinished(extraction->error, extraction->refusals,
                                       extraction->refusedCount, extraction->topNames);
        });
    });
    return true;
}

qint64 TarExtractor::bytesToWrite() const
{
    return m_state->queue.size();
}

void TarExtractor::finishInput()
{
    m_state->queue.close();
}

void TarExtractor::abort()
{
    if (!m_started) {
        m_started = true;
        onWorkerFinished(Error::make(Error::Cancelled, tr("Cancelled.")), {}, 0, {});
        return;
    }
    m_state->queue.abort();
}

qint64 TarExtractor::readData(char*, qint64)
{
    return -1;
}

qint64 TarExtractor::writeData(const char* data, qint64 size)
{
    if (!m_started)
        return -1;
    if (m_state->ended)
        return size;
    if (m_finished || !m_state->queue.push(QByteArray(data, size)))
        return m_state->ended ? size : -1;
    return size;
}

void TarExtractor::onWorkerFinished(const Error& error, const QStringList& refusals,
                                    int refusedCount, const QList<QByteArray>& topNames)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_refusals = refusals;
    m_refusedCount = refusedCount;
    m_topNames = topNames;
    Q_EMIT finished();
}

QList<QByteArray> TarExtractor::splitEntryName(const QByteArray& name, QString* why)
{
    QList<QByteArray> parts;
    if (name.isEmpty()) {
        *why = tr("Refused an entry without a name.");
        return {};
    }
    if (name.startsWith('/')) {
        *why = tr("Refused “%1”: absolute names are not extracted.").arg(shown(name));
        return {};
    }
    for (const QByteArray& part : name.split('/')) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            *why = tr("Refused “%1”: names with “..” are not extracted.").arg(shown(name));
            return {};
        }
        parts << part;
    }
    return parts;
}
