#include "CopyCommands.h"
#include "CommandOutput.h"

#include "files/TarExtractor.h"
#include "files/TarPacker.h"
#include "sandbox/Backend.h"
#include "sandbox/SpillFiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTemporaryFile>
#include <QTextStream>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

using namespace ctl;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

bool writeAll(int fd, const char* data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

// stdin as a sequential source for writeArchive(): read as the consumer drains it, never more
// than a few megabytes ahead.
class StdinSource final : public QIODevice
{
public:
    explicit StdinSource(QObject* parent)
        : QIODevice(parent)
        , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
    {
        QObject::connect(m_notifier, &QSocketNotifier::activated, this, [this] { fill(); });
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_buffer.size() + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_ended && m_buffer.isEmpty(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_buffer.size());
        std::memcpy(data, m_buffer.constData(), size_t(n));
        m_buffer.remove(0, n);
        if (!m_ended && m_buffer.size() < Ahead)
            m_notifier->setEnabled(true);
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    static constexpr qsizetype Ahead = 4 * 1024 * 1024;

    void fill()
    {
        char chunk[256 * 1024];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n <= 0) {
            m_ended = true;
            m_notifier->setEnabled(false);
            Q_EMIT readChannelFinished();
            return;
        }
        m_buffer.append(chunk, n);
        if (m_buffer.size() >= Ahead)
            m_notifier->setEnabled(false);
        Q_EMIT readyRead();
    }

    QSocketNotifier* m_notifier;
    QByteArray m_buffer;
    bool m_ended = false;
};

void putOctal(QByteArray* block, int offset, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(block->data() + offset, digits.constData(), size_t(width - 1));
}

QByteArray tarHeader(const QByteArray& name, qint64 size, char type, quint32 mode)
{
    QByteArray block(512, '\0');
    std::memcpy(block.data(), name.constData(), size_t(qMin<qsizetype>(name.size(), 100)));
    putOctal(&block, 100, 8, mode);
    putOctal(&block, 108, 8, 0);
    putOctal(&block, 116, 8, 0);
    putOctal(&block, 124, 12, size);
    putOctal(&block, 136, 12, QDateTime::currentSecsSinceEpoch());
    block[156] = type;
    std::memcpy(block.data() + 257,
                "ustar\0"
                "00",
                8);
    std::memset(block.data() + 148, ' ', 8);
    qint64 sum = 0;
    for (const char c : std::as_const(block))
        sum += static_cast<unsigned char>(c);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(block.data() + 148, checksum.constData(), 6);
    block[154] = '\0';
    return block;
}

QByteArray paxRecord(const QByteArray& key, const QByteArray& value)
{
    // The length counts itself, so it may take one more digit than a first guess.
    const qsizetype rest = key.size() + value.size() + 3;
    qsizetype length = rest + QByteArray::number(rest).size();
    if (QByteArray::number(length).size() + rest != length)
        ++length;
    return QByteArray::number(length) + ' ' + key + '=' + value + '\n';
}

qint64 padded(qint64 size)
{
    return (size + 511) / 512 * 512;
}

// A tar stream of one regular file whose content is read from `content`, for put: the size
// goes into the header before the bytes, so it must be known when this is made.
class OneFileTar final : public QIODevice
{
public:
    OneFileTar(const QByteArray& name, QIODevice* content, qint64 size, QObject* parent)
        : QIODevice(parent)
        , m_content(content)
        , m_size(size)
    {
        const QByteArray shortName = name.size() < 100 ? name : name.left(99);
        if (name.size() >= 100 || size > 077777777777LL) {
            const QByteArray records =
                paxRecord("path", name) + paxRecord("size", QByteArray::number(size));
            m_header = tarHeader("PaxHeader", records.size(), 'x', 0644) + records;
            m_header.append(QByteArray(padded(records.size()) - records.size(), '\0'));
        }
        m_header += tarHeader(shortName, qMin<qint64>(size, 077777777777LL), '0', 0644);
        m_total = m_header.size() + padded(size) + 1024;
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_total; }
    bool seek(qint64 pos) override { return pos == m_offset && QIODevice::seek(pos); }
    bool failed() const { return m_failed; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 start = m_offset;
        const qint64 contentEnd = m_header.size() + m_size;
        while (maxSize > 0 && m_offset < m_total) {
            qint64 n = 0;
            if (m_offset < m_header.size()) {
                n = qMin(maxSize, m_header.size() - m_offset);
                std::memcpy(data, m_header.constData() + m_offset, size_t(n));
            } else if (m_offset < contentEnd) {
                n = m_content->read(data, qMin(maxSize, contentEnd - m_offset));
                if (n <= 0) {
                    m_failed = true; // the input ended before its size
                    return -1;
                }
            } else {
                n = qMin(maxSize, m_total - m_offset);
                std::memset(data, 0, size_t(n));
            }
            data += n;
            maxSize -= n;
            m_offset += n;
        }
        return m_offset - start;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice* m_content;
    qint64 m_size;
    QByteArray m_header;
    qint64 m_total = 0;
    qint64 m_offset = 0;
    bool m_failed = false;
};

// A sink for readArchive() that writes the content of the archive's first entry, a regular
// file, to stdout as it arrives; the tar headers (with pax and GNU long-name records) are read
// and dropped.
class CatSink final : public QIODevice
{
public:
    explicit CatSink(QObject* parent)
        : QIODevice(parent)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    const QString& problem() const { return m_problem; }
    void finishInput()
    {
        if (m_problem.isEmpty() && m_stage != Stage::Done)
            m_problem = Text::tr("The archive ended before the file did.");
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        const qint64 all = size;
        while (size > 0 && m_problem.isEmpty() && m_stage != Stage::Done) {
            if (m_stage == Stage::Header) {
                const qint64 n = qMin<qint64>(size, 512 - m_block.size());
                m_block.append(data, n);
                data += n;
                size -= n;
                if (m_block.size() == 512)
                    consumeHeader();
                continue;
            }
            const qint64 n = qMin(size, m_remaining);
            if (m_stage == Stage::Content) {
                const qint64 content = qMin(n, m_contentLeft);
                if (content > 0 && !writeAll(STDOUT_FILENO, data, content)) {
                    m_problem = Text::tr("Could not write to the output: %1")
                                    .arg(QString::fromLocal8Bit(std::strerror(errno)));
                    break;
                }
                m_contentLeft -= content;
            } else if (m_stage == Stage::Extended && m_pax.size() < 1024 * 1024) {
                m_pax.append(data, n);
            }
            data += n;
            size -= n;
            m_remaining -= n;
            if (m_remaining == 0)
                endRecord();
        }
        return all;
    }

private:
    enum class Stage
    {
        Header,
        Skipping,
        Extended,
        Content,
        Done
    };

    static qint64 number(const char* field, int width)
    {
        if (static_cast<unsigned char>(field[0]) & 0x80) { // base-256
            qint64 value = static_cast<unsigned char>(field[0]) & 0x3f;
            for (int i = 1; i < width; ++i)
                value = (value << 8) | static_cast<unsigned char>(field[i]);
            return value;
        }
        return QByteArray(field, width)
            .trimmed()
            .split('\0')
            .value(0)
            .trimmed()
            .toLongLong(nullptr, 8);
    }

    void consumeHeader()
    {
        const QByteArray block = std::exchange(m_block, {});
        if (block.count('\0') == 512) {
            m_problem = Text::tr("The archive holds no file.");
            return;
        }
        const char type = block.at(156);
        qint64 size = number(block.constData() + 124, 12);
        m_remaining = padded(size);
        switch (type) {
        case 'x':
            m_stage = Stage::Extended;
            m_pax.clear();
            m_paxSize = size;
            break;
        case 'g':
        case 'L':
        case 'K':
            m_stage = Stage::Skipping;
            break;
        case '0':
        case '\0':
        case '7':
            if (m_paxSize >= 0) {
                size = m_paxSize;
                m_remaining = padded(size);
            }
            m_stage = Stage::Content;
            m_contentLeft = size;
            break;
        case '5':
            m_problem = Text::tr("This is a folder, not a file.");
            return;
        default:
            m_problem = Text::tr("This is not a regular file.");
            return;
        }
        if (m_remaining == 0)
            endRecord();
    }

    void endRecord()
    {
        if (m_stage == Stage::Content) {
            m_stage = Stage::Done;
            return;
        }
        if (m_stage == Stage::Extended) {
            m_paxSize = -1;
            qsizetype at = 0;
            while (at < m_pax.size()) {
                const qsizetype space = m_pax.indexOf(' ', at);
                const qint64 length = space < 0 ? 0 : m_pax.mid(at, space - at).toLongLong();
                if (length <= 0)
                    break;
                const QByteArray record = m_pax.mid(space + 1, length - (space + 1 - at) - 1);
                if (record.startsWith("size="))
                    m_paxSize = record.mid(5).toLongLong();
                at += length;
            }
        }
        m_stage = Stage::Header;
    }

    Stage m_stage = Stage::Header;
    QByteArray m_block;
    QByteArray m_pax;
    qint64 m_paxSize = -1;
    qint64 m_remaining = 0;
    qint64 m_contentLeft = 0;
    QString m_problem;
};

QByteArray lastPart(const QByteArray& path)
{
    return RemotePaths::fileName(path);
}

} // namespace

CopyCommands::CopyCommands(Backend* backend, Resolver resolve, Finisher finish, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_resolve(std::move(resolve))
    , m_finish(std::move(finish))
{}

bool CopyCommands::handles(const QString& verb)
{
    return verb == QLatin1String("cp") || verb == QLatin1String("cat") ||
           verb == QLatin1String("put");
}

QString CopyCommands::usage()
{
    return Text::tr(
        "  cp [-a] SRC DST               copy between the sandbox and here, as docker cp;\n"
        "                                either side is ID:PATH; - as SRC unpacks a tar\n"
        "                                from stdin, - as DST writes a tar to stdout;\n"
        "                                -a keeps the owners (uid, gid) of what goes up,\n"
        "                                where the sandbox can\n"
        "  cat ID:PATH                   write a file's bytes to stdout\n"
        "  put ID:PATH                   write stdin into a file\n");
}

CopyCommands::Target CopyCommands::parseTarget(const QString& text)
{
    Target target;
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    // As docker cp: a local path with a colon is written ./a:b or /a:b.
    if (colon <= 0 || text.startsWith(QLatin1Char('/')) || text.startsWith(QLatin1Char('.'))) {
        target.local = text;
        return target;
    }
    target.sandbox = text.left(colon);
    QByteArray path = QFile::encodeName(text.mid(colon + 1));
    if (!path.startsWith('/'))
        path.prepend('/');
    while (path.size() > 1 && (path.endsWith('/') || path.endsWith("/.")))
        path.chop(path.endsWith('/') ? 1 : 2);
    target.path = path;
    return target;
}

SandboxFiles* CopyCommands::open(const QString& sandbox, SandboxFiles::Capabilities needed)
{
    QString problem;
    const QString id = m_resolve(sandbox, &problem);
    if (id.isEmpty()) {
        fail(problem, UnknownSandbox);
        return nullptr;
    }
    m_files = m_backend->openFiles(id);
    if (!m_files) {
        fail(Text::tr("This sandbox's files cannot be reached."), Failed);
        return nullptr;
    }
    m_files->setParent(this);
    if ((m_files->capabilities() & needed) != needed) {
        const QString why = m_files->limitation();
        fail(why.isEmpty() ? Text::tr("This sandbox's files cannot be reached.") : why, Failed);
        return nullptr;
    }
    return m_files;
}

void CopyCommands::failWith(const Error& error, const RemotePath& path)
{
    if (error.kind == Error::NotFound)
        fail(Text::tr("No such file or folder in the sandbox: %1")
                 .arg(RemotePaths::displayName(path)));
    else
        fail(error.fullText());
}

void CopyCommands::run(const QString& verb, const QStringList& args)
{
    if (verb == QLatin1String("cp"))
        runCopy(args);
    else if (verb == QLatin1String("cat"))
        runCat(args);
    else
        runPut(args);
}

void CopyCommands::runCopy(const QStringList& args)
{
    QStringList operands = args;
    const bool keepOwners = operands.removeAll(QStringLiteral("-a")) > 0;
    if (operands.size() != 2) {
        fail(Text::tr("cp needs a source and a destination."), Usage);
        return;
    }
    const Target from = parseTarget(operands.at(0));
    const Target to = parseTarget(operands.at(1));
    if (from.sandbox.isEmpty() == to.sandbox.isEmpty()) {
        fail(Text::tr("One side of cp must be ID:PATH in a sandbox and the other a local path "
                      "or -."),
             Usage);
        return;
    }
    if (!from.sandbox.isEmpty())
        download(from, to.local);
    else
        upload(from.local, to, keepOwners);
}

void CopyCommands::download(const Target& from, const QString& to)
{
    if (!open(from.sandbox, SandboxFiles::CanReadArchive))
        return;
    ResultJob<FileEntry>* stat = m_files->statWithoutOwner(from.path);
    connect(stat, &Job::finished, this, [this, stat, from, to] {
        if (stat->error().isError()) {
            failWith(stat->error(), from.path);
            return;
        }
        downloadInto(from.path, stat->value(), to);
    });
}

void CopyCommands::downloadInto(const RemotePath& from, const FileEntry& entry, const QString& to)
{
    if (to == QLatin1String("-")) {
        auto* out = new QFile(this);
        out->open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
        Job* job = m_files->readArchive(from, out);
        connect(job, &Job::finished, this, [this, job, from] {
            if (job->error().isError())
                failWith(job->error(), from);
            else
                done(Ok);
        });
        return;
    }
    // As docker cp: into an existing folder, else under the destination's name.
    const QFileInfo local(to);
    QString folder = to;
    QByteArray renamed;
    if (!local.isDir()) {
        if (local.exists() && entry.type == FileEntry::Type::Folder) {
            fail(Text::tr("Cannot copy a folder onto the file %1.").arg(to));
            return;
        }
        folder = local.absolutePath();
        if (!QFileInfo(folder).isDir()) {
            fail(Text::tr("No such local folder: %1").arg(QDir::toNativeSeparators(folder)));
            return;
        }
        renamed = QFile::encodeName(local.fileName());
    }
    auto* extractor = new TarExtractor(folder, this);
    if (!renamed.isEmpty())
        extractor->setConflict(lastPart(from), TarExtractor::Conflict::Rename, renamed);
    if (!extractor->open(QIODevice::WriteOnly)) {
        fail(Text::tr("Cannot write into %1.").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    connect(extractor, &TarExtractor::finished, this, [this, extractor] {
        const QStringList refusals = extractor->refusals();
        for (const QString& refusal : refusals)
            QTextStream(stderr) << refusal << Qt::endl;
        if (extractor->error().isError())
            fail(extractor->error().fullText());
        else
            done(extractor->refusedCount() > 0 ? Failed : Ok);
    });
    Job* job = m_files->readArchive(from, extractor);
    connect(job, &Job::finished, this, [this, job, extractor, from] {
        if (job->error().isError()) {
            disconnect(extractor, nullptr, this, nullptr);
            extractor->abort();
            failWith(job->error(), from);
            return;
        }
        extractor->finishInput();
    });
}

void CopyCommands::upload(const QString& from, const Target& to, bool keepOwners)
{
    const QFileInfo local(from);
    if (from != QLatin1String("-") && !local.exists() && !local.isSymLink()) {
        fail(Text::tr("No such local file or folder: %1").arg(QDir::toNativeSeparators(from)));
        return;
    }
    if (!open(to.sandbox, SandboxFiles::CanWriteArchive))
        return;
    if (keepOwners && !m_files->capabilities().testFlag(SandboxFiles::PreservesOwnership)) {
        fail(SandboxFiles::ownershipUnsupported().message, Failed);
        return;
    }
    ResultJob<FileEntry>* stat = m_files->statWithoutOwner(to.path);
    connect(stat, &Job::finished, this, [this, stat, from, to, keepOwners, local] {
        const bool exists = !stat->error().isError();
        if (!exists && stat->error().kind != Error::NotFound) {
            failWith(stat->error(), to.path);
            return;
        }
        const bool isFolder = exists && stat->value().type == FileEntry::Type::Folder;
        if (from == QLatin1String("-")) {
            if (!isFolder) {
                fail(exists ? Text::tr("The destination must be a folder: %1")
                                  .arg(RemotePaths::displayName(to.path))
                            : Text::tr("No such folder in the sandbox: %1")
                                  .arg(RemotePaths::displayName(to.path)));
                return;
            }
            uploadTo(from, to.path, {}, keepOwners);
        } else if (isFolder) {
            uploadTo(from, to.path, QFile::encodeName(local.fileName()), keepOwners);
        } else if (exists && local.isDir()) {
            fail(Text::tr("Cannot copy a folder onto the file %1.")
                     .arg(RemotePaths::displayName(to.path)));
        } else {
            // A new name, or a file replaced: into the parent, which must be a folder.
            const RemotePath parent = RemotePaths::parent(to.path);
            ResultJob<FileEntry>* parentStat = m_files->statWithoutOwner(parent);
            connect(parentStat, &Job::finished, this,
                    [this, parentStat, parent, from, to, keepOwners] {
                        if (parentStat->error().isError() ||
                            parentStat->value().type != FileEntry::Type::Folder) {
                            fail(Text::tr("No such folder in the sandbox: %1")
                                     .arg(RemotePaths::displayName(parent)));
                            return;
                        }
                        uploadTo(from, parent, lastPart(to.path), keepOwners);
                    });
        }
    });
}

void CopyCommands::uploadTo(const QString& from, const RemotePath& folder, const QByteArray& name,
                            bool keepOwners)
{
    QIODevice* source = nullptr;
    TarPacker* packer = nullptr;
    if (from == QLatin1String("-")) {
        source = new StdinSource(this);
    } else {
        packer = new TarPacker({{QFileInfo(from).absoluteFilePath(), name}}, this);
        packer->open(QIODevice::ReadOnly);
        source = packer;
    }
    Job* job = m_files->writeArchive(folder, source,
                                     keepOwners ? SandboxFiles::Owners::FromArchive
                                                : SandboxFiles::Owners::Sandbox);
    connect(job, &Job::finished, this, [this, job, packer, folder] {
        if (packer) {
            const QStringList warnings = packer->warnings();
            for (const QString& warning : warnings)
                QTextStream(stderr) << warning << Qt::endl;
            if (packer->error().isError()) {
                fail(packer->error().fullText());
                return;
            }
        }
        if (job->error().isError())
            failWith(job->error(), folder);
        else
            done(Ok);
    });
}

void CopyCommands::runCat(const QStringList& args)
{
    const Target target = parseTarget(args.value(0));
    if (args.size() != 1 || target.sandbox.isEmpty()) {
        fail(Text::tr("cat needs one ID:PATH."), Usage);
        return;
    }
    if (open(target.sandbox, SandboxFiles::CanReadArchive))
        catFile(target.path, 0);
}

void CopyCommands::catFile(const RemotePath& path, int hops)
{
    ResultJob<FileEntry>* stat = m_files->statWithoutOwner(path);
    connect(stat, &Job::finished, this, [this, stat, path, hops] {
        if (stat->error().isError()) {
            failWith(stat->error(), path);
            return;
        }
        const FileEntry entry = stat->value();
        if (entry.type == FileEntry::Type::Folder) {
            fail(Text::tr("%1 is a folder.").arg(RemotePaths::displayName(path)));
            return;
        }
        if (entry.type == FileEntry::Type::Symlink) {
            // Followed as cat does, a few links deep.
            if (hops >= 16 || entry.linkTarget.isEmpty()) {
                fail(Text::tr("Too many symbolic links: %1").arg(RemotePaths::displayName(path)));
                return;
            }
            const RemotePath target =
                entry.linkTarget.startsWith('/')
                    ? entry.linkTarget
                    : RemotePaths::join(RemotePaths::parent(path), entry.linkTarget);
            catFile(target, hops + 1);
            return;
        }
        auto* sink = new CatSink(this);
        Job* job = m_files->readArchive(path, sink);
        connect(job, &Job::finished, this, [this, job, sink, path] {
            if (job->error().isError()) {
                failWith(job->error(), path);
                return;
            }
            sink->finishInput();
            if (!sink->problem().isEmpty())
                fail(sink->problem());
            else
                done(Ok);
        });
    });
}

void CopyCommands::runPut(const QStringList& args)
{
    const Target target = parseTarget(args.value(0));
    if (args.size() != 1 || target.sandbox.isEmpty() || target.path == "/") {
        fail(Text::tr("put needs one ID:PATH."), Usage);
        return;
    }
    if (open(target.sandbox, SandboxFiles::CanWriteArchive))
        putStdin(target.path);
}

void CopyCommands::putStdin(const RemotePath& path)
{
    const RemotePath parent = RemotePaths::parent(path);
    ResultJob<FileEntry>* stat = m_files->statWithoutOwner(path);
    connect(stat, &Job::finished, this, [this, stat, path, parent] {
        if (!stat->error().isError() && stat->value().type == FileEntry::Type::Folder) {
            fail(Text::tr("%1 is a folder.").arg(RemotePaths::displayName(path)));
            return;
        }
        QIODevice* content = nullptr;
        qint64 size = -1;
        struct stat info = {};
        if (::fstat(STDIN_FILENO, &info) == 0 && S_ISREG(info.st_mode)) {
            const off_t at = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
            size = info.st_size - (at > 0 ? at : 0);
            auto* file = new QFile(this);
            file->open(STDIN_FILENO, QIODevice::ReadOnly | QIODevice::Unbuffered);
            content = file;
        } else {
            // A tar header holds the size before the bytes, so a pipe is spooled to a
            // temporary file first.
            QTemporaryFile* spool = SpillFiles::create(QStringLiteral("upload")).release();
            spool->setParent(this);
            if (!spool->open()) {
                fail(Text::tr("Cannot make a temporary file: %1").arg(spool->errorString()));
                return;
            }
            char chunk[256 * 1024];
            for (;;) {
                const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0) {
                    fail(Text::tr("Cannot read stdin: %1")
                             .arg(QString::fromLocal8Bit(std::strerror(errno))));
                    return;
                }
                if (n == 0)
                    break;
                if (spool->write(chunk, n) != n) {
                    fail(Text::tr("Cannot write a temporary file: %1").arg(spool->errorString()));
                    return;
                }
            }
            size = spool->size();
            spool->seek(0);
            content = spool;
        }
        auto* source = new OneFileTar(lastPart(path), content, size, this);
        Job* job = m_files->writeArchive(parent, source, SandboxFiles::Owners::Sandbox);
        connect(job, &Job::finished, this, [this, job, source, parent] {
            if (source->failed())
                fail(Text::tr("stdin ended before its size."));
            else if (job->error().isError())
                failWith(job->error(), parent);
            else
                done(Ok);
        });
    });
}
