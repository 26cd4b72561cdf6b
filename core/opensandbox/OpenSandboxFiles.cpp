#include "OpenSandboxFiles.h"

#include "ExecdClient.h"
#include "OpenSandboxBackend.h"
#include "OpenSandboxJson.h"
#include "OpenSandboxUpload.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace {

// While the sink holds more than this, downloading waits.
constexpr qint64 SinkHighWater = 4 * 1024 * 1024;

QByteArray pathQuery(const RemotePath& path)
{
    return "path=" + QUrl::toPercentEncoding(QString::fromUtf8(path));
}

QByteArray compact(const QJsonValue& value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

OpenSandboxFiles::OpenSandboxFiles(OpenSandboxBackend* backend, const QString& sandboxId)
    : SandboxFiles(nullptr)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_execd(new ExecdClient(backend, sandboxId, this))
{}

OpenSandboxFiles::~OpenSandboxFiles() = default;

SandboxFiles::Capabilities OpenSandboxFiles::capabilities() const
{
    if (!m_backend || m_backend->sandbox(m_sandboxId).status != SandboxStatus::Running)
        return {};
    return CanList | CanModify | CanReadArchive | CanWriteArchive;
}

QString OpenSandboxFiles::limitation() const
{
    if (!m_backend)
        return tr("The OpenSandbox connection is gone.");
    if (m_backend->sandbox(m_sandboxId).status != SandboxStatus::Running)
        return tr("The sandbox is not running: its execd cannot answer.");
    return {};
}

FileEntry OpenSandboxFiles::entryFromInfo(const QJsonObject& info, const QByteArray& name)
{
    FileEntry entry;
    entry.name = name;
    const QString type = info.value(QLatin1String("type")).toString();
    entry.type = type == QLatin1String("directory") ? FileEntry::Type::Folder
                 : type == QLatin1String("symlink") ? FileEntry::Type::Symlink
                 : type == QLatin1String("file")    ? FileEntry::Type::File
                                                    : FileEntry::Type::Other;
    entry.size = qMax<qint64>(0, info.value(QLatin1String("size")).toInteger());
    bool ok = false;
    const quint32 mode =
        QString::number(info.value(QLatin1String("mode")).toInteger()).toUInt(&ok, 8);
    entry.mode = ok ? (mode & 07777) : 0;
    entry.owner = info.value(QLatin1String("owner")).toString();
    entry.group = info.value(QLatin1String("group")).toString();
    entry.modified = OpenSandboxJson::parseTime(info.value(QLatin1String("modified_at")));
    return entry;
}

void OpenSandboxFiles::send(Job* job, const QByteArray& method, const QByteArray& target,
                            const QByteArray& body, const RemotePath& path, const Answer& onSuccess)
{
    m_execd->send(job, method, target, body,
                  tr("No such file or folder: %1").arg(RemotePaths::displayName(path)),
                  [onSuccess](HttpReply* reply) { onSuccess(reply->body()); });
}

ResultJob<QList<FileEntry>>* OpenSandboxFiles::list(const RemotePath& folder)
{
    auto* job = new ResultJob<QList<FileEntry>>(this);
    send(job, "GET", "/directories/list?" + pathQuery(folder) + "&depth=1", {}, folder,
         [job](const QByteArray& body) {
             QList<FileEntry> entries;
             const QJsonArray infos = QJsonDocument::fromJson(body).array();
             for (const QJsonValue& value : infos) {
                 const QJsonObject info = value.toObject();
                 const QByteArray path = info.value(QLatin1String("path")).toString().toUtf8();
                 if (!path.isEmpty())
                     entries.append(entryFromInfo(info, RemotePaths::fileName(path)));
             }
             job->finishWithValue(entries);
         });
    return job;
}

ResultJob<FileEntry>* OpenSandboxFiles::stat(const RemotePath& path)
{
    auto* job = new ResultJob<FileEntry>(this);
    send(job, "GET", "/files/info?" + pathQuery(path), {}, path,
         [job, path](const QByteArray& body) {
             const QJsonObject answer = QJsonDocument::fromJson(body).object();
             const QJsonValue info = answer.value(QString::fromUtf8(path));
             if (!info.isObject()) {
                 job->finishWithError(Error::make(
                     Error::NotFound,
                     tr("No such file or folder: %1").arg(RemotePaths::displayName(path))));
                 return;
             }
             job->finishWithValue(entryFromInfo(info.toObject(), RemotePaths::fileName(path)));
         });
    return job;
}

ResultJob<QList<FileEntry>>* OpenSandboxFiles::find(const RemotePath& folder,
                                                    const QByteArray& pattern)
{
    auto* job = new ResultJob<QList<FileEntry>>(this);
    const QByteArray target = "/files/search?" + pathQuery(folder) +
                              "&pattern=" + QUrl::toPercentEncoding(QString::fromUtf8(pattern));
    send(job, "GET", target, {}, folder, [job, folder](const QByteArray& body) {
        QByteArray prefix = folder;
        if (!prefix.endsWith('/'))
            prefix += '/';
        QList<FileEntry> entries;
        const QJsonArray infos = QJsonDocument::fromJson(body).array();
        for (const QJsonValue& value : infos) {
            const QJsonObject info = value.toObject();
            const QByteArray path = info.value(QLatin1String("path")).toString().toUtf8();
            if (path.startsWith(prefix))
                entries.append(entryFromInfo(info, path.mid(prefix.size())));
        }
        job->finishWithValue(entries);
    });
    return job;
}

void OpenSandboxFiles::statThen(Job* job, const RemotePath& path,
                                const std::function<void(const FileEntry& entry)>& onEntry)
{
    ResultJob<FileEntry>* looked = stat(path);
    connect(job, &Job::cancelRequested, looked, &Job::cancel);
    connect(looked, &Job::finished, job, [job, looked, onEntry] {
        if (looked->error().isError())
            job->finishWithError(looked->error());
        else
            onEntry(looked->value());
    });
}

Job* OpenSandboxFiles::makeFolder(const RemotePath& path, bool parents)
{
    auto* job = new Job(this);
    const QByteArray body =
        compact(QJsonObject{{QString::fromUtf8(path), QJsonObject{{QStringLiteral("mode"), 755}}}});
    if (parents) {
        send(job, "POST", "/directories", body, path,
             [job](const QByteArray&) { job->finishWithResult({}); });
        return job;
    }
    // execd makes parents as it goes; without them, the parent must be there and the folder not.
    statThen(job, RemotePaths::parent(path), [this, job, path, body](const FileEntry& parent) {
        if (parent.type != FileEntry::Type::Folder) {
            job->finishWithError(Error::make(
                Error::Invalid, tr("%1 is not a folder.")
                                    .arg(RemotePaths::displayName(RemotePaths::parent(path)))));
            return;
        }
        ResultJob<FileEntry>* existing = stat(path);
        connect(existing, &Job::finished, job, [this, job, existing, path, body] {
            if (!existing->error().isError()) {
                job->finishWithError(Error::make(
                    Error::Conflict, tr("%1 exists already.").arg(RemotePaths::displayName(path))));
                return;
            }
            send(job, "POST", "/directories", body, path,
                 [job](const QByteArray&) { job->finishWithResult({}); });
        });
    });
    return job;
}

Job* OpenSandboxFiles::move(const RemotePath& from, const RemotePath& to)
{
    auto* job = new Job(this);
    const QByteArray body =
        compact(QJsonArray{QJsonObject{{QStringLiteral("src"), QString::fromUtf8(from)},
                                       {QStringLiteral("dest"), QString::fromUtf8(to)}}});
    send(job, "POST", "/files/mv", body, from,
         [job](const QByteArray&) { job->finishWithResult({}); });
    return job;
}

Job* OpenSandboxFiles::replace(const RemotePath& from, const RemotePath& to)
{
    // execd's mv renames over a file but would put from into a folder: refuse that first.
    auto* job = new Job(this);
    ResultJob<FileEntry>* looked = stat(to);
    connect(job, &Job::cancelRequested, looked, &Job::cancel);
    connect(looked, &Job::finished, job, [this, job, looked, from, to] {
        if (looked->error().isError() && looked->error().kind != Error::NotFound) {
            job->finishWithError(looked->error());
            return;
        }
        if (!looked->error().isError() && looked->value().type == FileEntry::Type::Folder) {
            job->finishWithError(
                Error::make(Error::Conflict, tr("“%1” is a folder; a file cannot replace it.")
                                                 .arg(RemotePaths::displayName(to))));
            return;
        }
        const QByteArray body =
            compact(QJsonArray{QJsonObject{{QStringLiteral("src"), QString::fromUtf8(from)},
                                           {QStringLiteral("dest"), QString::fromUtf8(to)}}});
        send(job, "POST", "/files/mv", body, from,
             [job](const QByteArray&) { job->finishWithResult({}); });
    });
    return job;
}

ResultJob<qint64>* OpenSandboxFiles::countEntries(const RemotePath& path)
{
    auto* job = new ResultJob<qint64>(this);
    statThen(job, path, [this, job, path](const FileEntry& entry) {
        if (entry.type != FileEntry::Type::Folder) {
            job->finishWithValue(1);
            return;
        }
        send(job, "GET", "/directories/list?" + pathQuery(path) + "&depth=100000", {}, path,
             [job](const QByteArray& body) {
                 job->finishWithValue(1 + QJsonDocument::fromJson(body).array().size());
             });
    });
    return job;
}

Job* OpenSandboxFiles::remove(const RemotePath& path, bool recursive)
{
    auto* job = new Job(this);
    statThen(job, path, [this, job, path, recursive](const FileEntry& entry) {
        const auto done = [job](const QByteArray&) {
            job->finishWithResult({});
        };
        if (entry.type != FileEntry::Type::Folder) {
            send(job, "DELETE", "/files?" + pathQuery(path), {}, path, done);
            return;
        }
        if (recursive) {
            send(job, "DELETE", "/directories?" + pathQuery(path), {}, path, done);
            return;
        }
        // Like rmdir: only an empty folder without -r.
        send(job, "GET", "/directories/list?" + pathQuery(path) + "&depth=1", {}, path,
             [this, job, path, done](const QByteArray& body) {
                 if (!QJsonDocument::fromJson(body).array().isEmpty()) {
                     job->finishWithError(
                         Error::make(Error::Conflict, tr("%1 is a folder that is not empty.")
                                                          .arg(RemotePaths::displayName(path))));
                     return;
                 }
                 send(job, "DELETE", "/directories?" + pathQuery(path), {}, path, done);
             });
    });
    return job;
}

Job* OpenSandboxFiles::changeMode(const RemotePath& path, quint32 mode)
{
    auto* job = new Job(this);
    // execd takes the octal digits as a decimal number: 0755 is 755.
    const int digits = QString::number(mode & 07777, 8).toInt();
    const QByteArray body = compact(
        QJsonObject{{QString::fromUtf8(path), QJsonObject{{QStringLiteral("mode"), digits}}}});
    send(job, "POST", "/files/permissions", body, path,
         [job](const QByteArray&) { job->finishWithResult({}); });
    return job;
}

QByteArray OpenSandboxFiles::tarHeader(const QByteArray& name, const FileEntry& entry)
{
    QByteArray out;
    QByteArray shortName = name;
    if (name.size() > 99) {
        // A pax record carries the long name; the ustar name is only a stand-in.
        const QByteArray field = " path=" + name + '\n';
        qsizetype length = field.size() + 1;
        while (QByteArray::number(length).size() + field.size() != length)
            ++length;
        const QByteArray record = QByteArray::number(length) + field;
        FileEntry pax;
        pax.size = record.size();
        pax.mode = 0644;
        out += tarHeader("PaxHeader", pax, 'x');
        out += record;
        out += QByteArray((512 - record.size() % 512) % 512, '\0');
        shortName = name.left(99);
    }
    const char type = entry.type == FileEntry::Type::Folder ? '5' : '0';
    return out + tarHeader(shortName, entry, type);
}

QByteArray OpenSandboxFiles::tarHeader(const QByteArray& name, const FileEntry& entry, char type)
{
    QByteArray block(512, '\0');
    const auto put = [&block](int at, int width, const QByteArray& value) {
        block.replace(at, qMin<qsizetype>(value.size(), width), value.left(width));
    };
    const auto octal = [](qint64 value, int digits) {
        return QByteArray::number(value, 8).rightJustified(digits, '0');
    };
    put(0, 100, name);
    put(100, 8, octal(entry.mode & 07777, 7));
    put(108, 8, octal(0, 7));
    put(116, 8, octal(0, 7));
    put(124, 12, octal(type == '5' ? 0 : entry.size, 11));
    put(136, 12, octal(entry.modified.isValid() ? entry.modified.toSecsSinceEpoch() : 0, 11));
    put(148, 8, QByteArray(8, ' '));
    block[156] = type;
    put(257, 6, QByteArray("ustar\0", 6));
    put(263, 2, "00");
    put(265, 32, entry.owner.toUtf8());
    put(297, 32, entry.group.toUtf8());
    unsigned sum = 0;
    for (const char c : std::as_const(block))
        sum += quint8(c);
    put(148, 8, octal(sum, 6) + QByteArray("\0 ", 2));
    return block;
}

// One readArchive(): the entries to write in order, and where it is.
struct OpenSandboxFiles::ArchiveRead
{
    struct Item
    {
        QByteArray name; // in the archive
        RemotePath path; // in the sandbox
        FileEntry entry;
    };
    QList<Item> items;
    int next = 0;
    qint64 total = 0;
    qint64 done = 0;
    QPointer<QIODevice> sink;
};

Job* OpenSandboxFiles::readArchive(const RemotePath& path, QIODevice* sink)
{
    auto* job = new Job(this);
    auto read = std::make_shared<ArchiveRead>();
    read->sink = sink;
    const QByteArray top = path == "/" ? QByteArray("root") : RemotePaths::fileName(path);
    statThen(job, path, [this, job, path, top, read](const FileEntry& entry) {
        read->items.append({top, path, entry});
        if (entry.type != FileEntry::Type::Folder) {
            read->total = entry.size;
            writeNext(job, read);
            return;
        }
        send(job, "GET", "/directories/list?" + pathQuery(path) + "&depth=100000", {}, path,
             [this, job, path, top, read](const QByteArray& body) {
                 QByteArray prefix = path;
                 if (!prefix.endsWith('/'))
                     prefix += '/';
                 const QJsonArray infos = QJsonDocument::fromJson(body).array();
                 for (const QJsonValue& value : infos) {
                     const QJsonObject info = value.toObject();
                     const QByteArray full = info.value(QLatin1String("path")).toString().toUtf8();
                     if (!full.startsWith(prefix))
                         continue;
                     const QByteArray name = top + '/' + full.mid(prefix.size());
                     const FileEntry item = entryFromInfo(info, RemotePaths::fileName(full));
                     read->items.append({name, full, item});
                     if (item.type == FileEntry::Type::File)
                         read->total += item.size;
                 }
                 writeNext(job, read);
             });
    });
    return job;
}

bool OpenSandboxFiles::writeToSink(Job* job, const std::shared_ptr<ArchiveRead>& read,
                                   const QByteArray& bytes)
{
    if (!read->sink || read->sink->write(bytes) != bytes.size()) {
        job->finishWithError(
            Error::make(Error::Server, tr("Could not store what was downloaded.")));
        return false;
    }
    return true;
}

void OpenSandboxFiles::writeNext(Job* job, const std::shared_ptr<ArchiveRead>& read)
{
    if (job->isFinished())
        return;
    // Symbolic links are left out: execd's file info does not say where they point.
    while (read->next < read->items.size() &&
           read->items.at(read->next).entry.type != FileEntry::Type::File &&
           read->items.at(read->next).entry.type != FileEntry::Type::Folder)
        ++read->next;
    if (read->next >= read->items.size()) {
        if (writeToSink(job, read, QByteArray(1024, '\0')))
            job->finishWithResult({});
        return;
    }
    const ArchiveRead::Item item = read->items.at(read->next++);
    if (!writeToSink(job, read, tarHeader(item.name, item.entry)))
        return;
    if (item.entry.type == FileEntry::Type::Folder) {
        writeNext(job, read);
        return;
    }
    if (!m_execd->http()) {
        job->finishWithError(m_execd->resolveError());
        return;
    }
    HttpRequest request;
    request.target = m_execd->address().pathPrefix + "/files/download?" + pathQuery(item.path);
    request.headers = m_execd->address().headers;
    HttpReply* reply = m_execd->http()->send(request, HttpReply::Mode::Streaming);
    connect(job, &Job::cancelRequested, reply, &HttpReply::abort);
    auto got = std::make_shared<qint64>(0);
    connect(reply, &HttpReply::dataReceived, job,
            [this, job, reply, read, got, item](const QByteArray& data) {
                // A file that grew while it was read ends where its header said.
                const QByteArray part = data.left(qMax<qint64>(0, item.entry.size - *got));
                *got += data.size();
                if (part.isEmpty() || !writeToSink(job, read, part)) {
                    if (job->isFinished())
                        reply->abort();
                    return;
                }
                read->done += part.size();
                job->reportProgress(read->done, read->total, {});
                if (read->sink->bytesToWrite() > SinkHighWater)
                    reply->setPaused(true);
            });
    if (read->sink) {
        connect(read->sink, &QIODevice::bytesWritten, reply, [reply, read] {
            if (read->sink && read->sink->bytesToWrite() < SinkHighWater / 4)
                reply->setPaused(false);
        });
    }
    connect(reply, &HttpReply::finished, job, [this, job, reply, read, got, item] {
        reply->deleteLater();
        if (job->isFinished())
            return;
        if (reply->error().isError()) {
            job->finishWithError(
                OpenSandboxClient::transportError(reply->error(), m_execd->address().endpoint.url));
            return;
        }
        if (reply->status() >= 300) {
            Error error = OpenSandboxClient::errorFor(reply->status(), reply->body(),
                                                      reply->header("x-request-id"), {});
            error.message = tr("Could not download %1.").arg(RemotePaths::displayName(item.path));
            job->finishWithError(error);
            return;
        }
        if (*got < item.entry.size) {
            job->finishWithError(
                Error::make(Error::Conflict, tr("%1 became shorter while it was downloaded.")
                                                 .arg(RemotePaths::displayName(item.path))));
            return;
        }
        const qint64 padding = (512 - item.entry.size % 512) % 512;
        if (writeToSink(job, read, QByteArray(padding, '\0')))
            writeNext(job, read);
    });
}

Job* OpenSandboxFiles::writeArchive(const RemotePath& folder, QIODevice* source, Owners owners)
{
    auto* job = new Job(this);
    if (owners == Owners::FromArchive) {
        QMetaObject::invokeMethod(
            job, [job] { job->finishWithError(ownershipUnsupported()); }, Qt::QueuedConnection);
        return job;
    }
    QPointer<QIODevice> input(source);
    statThen(job, folder, [this, job, folder, input](const FileEntry& entry) {
        if (entry.type != FileEntry::Type::Folder) {
            job->finishWithError(Error::make(
                Error::Invalid, tr("%1 is not a folder.").arg(RemotePaths::displayName(folder))));
            return;
        }
        if (!m_execd->http()) {
            job->finishWithError(m_execd->resolveError());
            return;
        }
        new OpenSandboxUpload(job, input, folder, m_execd->http(), m_execd->address(),
                              m_backend ? m_backend->config().apiKey : QString());
    });
    return job;
}
