#include "TarPacker.h"

#include "ChunkQueue.h"
#include "sandbox/WorkerThread.h"

#include <QFile>
#include <QPointer>

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr qint64 QueueLimit = 4 * 1024 * 1024;
constexpr size_t ReadSize = 1024 * 1024;

QString errnoText(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

class Packing final
{
public:
    Packing(std::shared_ptr<ChunkQueue> queue, QList<TarPacker::Item> items)
        : m_queue(std::move(queue))
        , m_items(std::move(items))
    {}

    void run();

    Error error;
    QStringList warnings;
    std::function<void()> produced; // on the worker thread

private:
    static la_ssize_t writeCallback(struct archive*, void* self, const void* buffer, size_t length);
    bool add(const QByteArray& path, const QByteArray& name);
    bool addFile(const QByteArray& path, struct archive_entry* entry, qint64 size);
    bool writeHeader(struct archive_entry* entry);
    bool archiveFailed();

    std::shared_ptr<ChunkQueue> m_queue;
    QList<TarPacker::Item> m_items;
    struct archive* m_archive = nullptr;
    QByteArray m_buffer;
};

la_ssize_t Packing::writeCallback(struct archive* a, void* self, const void* buffer, size_t length)
{
    auto* packing = static_cast<Packing*>(self);
    if (!packing->m_queue->pushWaiting(
            QByteArray(static_cast<const char*>(buffer), qsizetype(length)))) {
        archive_set_error(a, ECANCELED, "cancelled");
        return -1;
    }
    if (packing->produced)
        packing->produced();
    return la_ssize_t(length);
}

bool Packing::archiveFailed()
{
    if (m_queue->isAborted())
        error = Error::make(Error::Cancelled, TarPacker::tr("Cancelled."));
    else if (!error.isError())
        error = Error::make(Error::Server,
                            TarPacker::tr("Could not write the archive: %1")
                                .arg(QString::fromLocal8Bit(archive_error_string(m_archive))));
    return false;
}

bool Packing::writeHeader(struct archive_entry* entry)
{
    if (archive_write_header(m_archive, entry) < ARCHIVE_WARN)
        return archiveFailed();
    return true;
}

bool Packing::addFile(const QByteArray& path, struct archive_entry* entry, qint64 size)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        error = Error::make(
            Error::NotFound,
            TarPacker::tr("Cannot read “%1”: %2").arg(QFile::decodeName(path), errnoText(errno)));
        return false;
    }
    if (!writeHeader(entry)) {
        ::close(fd);
        return false;
    }
    qint64 done = 0;
    while (done < size) {
        if (m_buffer.size() != qsizetype(ReadSize))
            m_buffer.resize(qsizetype(ReadSize));
        const ssize_t n =
            ::read(fd, m_buffer.data(), size_t(qMin<qint64>(qint64(ReadSize), size - done)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int code = errno;
            ::close(fd);
            error = Error::make(Error::Server, TarPacker::tr("Cannot read “%1”: %2")
                                                   .arg(QFile::decodeName(path), errnoText(code)));
            return false;
        }
        if (n == 0) {
            // The file shrank while being read: the header promised size bytes.
            std::fill(m_buffer.begin(), m_buffer.end(), '\0');
            const qint64 pad = qMin<qint64>(qint64(ReadSize), size - done);
            if (archive_write_data(m_archive, m_buffer.constData(), size_t(pad)) < 0) {
                ::close(fd);
                return archiveFailed();
            }
            done += pad;
            continue;
        }
        if (archive_write_data(m_archive, m_buffer.constData(), size_t(n)) < 0) {
            ::close(fd);
            return archiveFailed();
        }
        done += n;
    }
    ::close(fd);
    return true;
}

bool Packing::add(const QByteArray& path, const QByteArray& name)
{
    if (m_queue->isAborted())
        return archiveFailed();
    struct stat info;
    if (::lstat(path.constData(), &info) != 0) {
        error = Error::make(
            Error::NotFound,
            TarPacker::tr("Cannot read “%1”: %2").arg(QFile::decodeName(path), errnoText(errno)));
        return false;
    }
    if (!S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode) && !S_ISLNK(info.st_mode)) {
        warnings << TarPacker::tr("Left out “%1”: only files, folders and symbolic links are "
                                  "uploaded.")
                        .arg(QFile::decodeName(path));
        return true;
    }
    struct archive_entry* entry = archive_entry_new();
    archive_entry_copy_pathname(entry, name.constData());
    archive_entry_copy_stat(entry, &info);
    archive_entry_set_nlink(entry, 1);
    bool ok = true;
    if (S_ISLNK(info.st_mode)) {
        QByteArray target(qsizetype(info.st_size) + 1, '\0');
        const ssize_t n = ::readlink(path.constData(), target.data(), size_t(target.size()));
        if (n < 0) {
            error =
                Error::make(Error::NotFound, TarPacker::tr("Cannot read “%1”: %2")
                                                 .arg(QFile::decodeName(path), errnoText(errno)));
            ok = false;
        } else {
            target.truncate(n);
            archive_entry_copy_symlink(entry, target.constData());
            ok = writeHeader(entry);
        }
    } else if (S_ISREG(info.st_mode)) {
        ok = addFile(path, entry, info.st_size);
    } else {
        ok = writeHeader(entry);
        if (ok) {
            QList<QByteArray> children;
            if (DIR* dir = ::opendir(path.constData())) {
                while (const struct dirent* child = ::readdir(dir)) {
                    const QByteArray childName(child->d_name);
                    if (childName != "." && childName != "..")
                        children << childName;
                }
                ::closedir(dir);
            } else {
                warnings << TarPacker::tr("Cannot read the folder “%1”: %2")
                                .arg(QFile::decodeName(path), errnoText(errno));
            }
            std::sort(children.begin(), children.end());
            for (const QByteArray& child : std::as_const(children)) {
                ok = add(path + '/' + child, name + '/' + child);
                if (!ok)
                    break;
            }
        }
    }
    archive_entry_free(entry);
    return ok;
}

void Packing::run()
{
    // Names go out as the bytes they are on disk, whatever the user's locale. libarchive reads
    // names in the thread's locale and writes them into pax headers as UTF-8, so this thread
    // takes a UTF-8 locale: a UTF-8 name then goes out unchanged, and one that is not UTF-8 in
    // a header of its own marked hdrcharset=BINARY. A short ASCII name needs no pax header at
    // all, as from docker cp (hdrcharset=BINARY for the whole archive would put one before
    // every entry: a tenth more bytes for the engine to read when the files are small).
    const locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(nullptr));
    const locale_t previous = utf8 ? ::uselocale(utf8) : locale_t(nullptr);
    m_archive = archive_write_new();
    archive_write_set_format_pax_restricted(m_archive);
    archive_write_set_bytes_per_block(m_archive, 64 * 1024);
    archive_write_set_bytes_in_last_block(m_archive, 1);
    if (!utf8)
        archive_write_set_options(m_archive, "hdrcharset=BINARY");
    if (archive_write_open(m_archive, this, nullptr, &Packing::writeCallback, nullptr) !=
        ARCHIVE_OK) {
        archiveFailed();
    } else {
        for (const TarPacker::Item& item : std::as_const(m_items)) {
            if (!add(QFile::encodeName(item.localPath), item.name))
                break;
        }
        if (!error.isError() && archive_write_close(m_archive) != ARCHIVE_OK)
            archiveFailed();
    }
    archive_write_free(m_archive);
    m_archive = nullptr;
    if (utf8) {
        ::uselocale(previous);
        ::freelocale(utf8);
    }
    m_queue->close();
}

} // namespace

TarPacker::TarPacker(const QList<Item>& items, QObject* parent)
    : QIODevice(parent)
    , m_items(items)
    , m_queue(std::make_shared<ChunkQueue>(QueueLimit))
{}

TarPacker::~TarPacker()
{
    m_queue->abort();
}

qint64 TarPacker::contentSize(const QList<Item>& items)
{
    qint64 total = 0;
    std::function<void(const QByteArray&)> visit = [&](const QByteArray& path) {
        struct stat info;
        if (::lstat(path.constData(), &info) != 0)
            return;
        if (S_ISREG(info.st_mode)) {
            total += info.st_size;
            return;
        }
        if (!S_ISDIR(info.st_mode))
            return;
        DIR* dir = ::opendir(path.constData());
        if (!dir)
            return;
        QList<QByteArray> children;
        while (const struct dirent* child = ::readdir(dir)) {
            const QByteArray name(child->d_name);
            if (name != "." && name != "..")
                children << name;
        }
        ::closedir(dir);
        for (const QByteArray& child : std::as_const(children))
            visit(path + '/' + child);
    };
    for (const Item& item : items)
        visit(QFile::encodeName(item.localPath));
    return total;
}

bool TarPacker::open(OpenMode mode)
{
    if (m_started || !(mode & ReadOnly) || (mode & WriteOnly))
        return false;
    QIODevice::open(mode | Unbuffered);
    m_started = true;
    auto packing = std::make_shared<Packing>(m_queue, m_items);
    QPointer<TarPacker> self(this);
    // One notice waits at a time, however many blocks the worker writes meanwhile.
    auto pending = std::make_shared<std::atomic_bool>(false);
    packing->produced = [self, pending] {
        if (pending->exchange(true))
            return;
        WorkerThread::post([self, pending] {
            pending->store(false);
            if (self)
                self->onWorkerProduced();
        });
    };
    WorkerThread::start([packing, self] {
        packing->run();
        WorkerThread::post([packing, self] {
            if (self)
                self->onWorkerFinished(packing->error, packing->warnings);
        });
    });
    return true;
}

qint64 TarPacker::bytesAvailable() const
{
    return m_queue->size() + QIODevice::bytesAvailable();
}

bool TarPacker::atEnd() const
{
    return m_finished && m_queue->size() == 0;
}

void TarPacker::abort()
{
    m_queue->abort();
    if (!m_started) {
        m_started = true;
        onWorkerFinished(Error::make(Error::Cancelled, tr("Cancelled.")), {});
    }
}

qint64 TarPacker::readData(char* data, qint64 maxSize)
{
    const qint64 n = m_queue->read(data, maxSize);
    m_bytesRead += n;
    if (n == 0 && m_finished)
        return -1;
    return n;
}

qint64 TarPacker::writeData(const char*, qint64)
{
    return -1;
}

void TarPacker::onWorkerProduced()
{
    if (m_finished || m_queue->size() == 0)
        return;
    Q_EMIT readyRead();
}

void TarPacker::onWorkerFinished(const Error& error, const QStringList& warnings)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_warnings = warnings;
    if (m_queue->size() > 0)
        Q_EMIT readyRead();
    Q_EMIT readChannelFinished();
}
