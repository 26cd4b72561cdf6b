#include "DockerSandboxFiles.h"

#include "DockerJson.h"
#include "files/TarHeadSink.h"
#include "net/HttpClient.h"
#include "sandbox/Backend.h"
#include "sandbox/CheckedNumbers.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

// Go's os.FileMode bits, as the engine reports them.
constexpr quint32 GoModeDir = 1u << 31;
constexpr quint32 GoModeSymlink = 1u << 27;
constexpr quint32 GoModeDevice = 1u << 26;
constexpr quint32 GoModeNamedPipe = 1u << 25;
constexpr quint32 GoModeSocket = 1u << 24;
constexpr quint32 GoModeSetuid = 1u << 23;
constexpr quint32 GoModeSetgid = 1u << 22;
constexpr quint32 GoModeCharDevice = 1u << 21;
constexpr quint32 GoModeSticky = 1u << 20;
constexpr quint32 GoModeIrregular = 1u << 19;

// Reading from the engine waits while the sink holds this much, and resumes below a quarter.
constexpr qint64 SinkHighWater = 8 * 1024 * 1024;
// /etc/passwd and /etc/group are read up to this much.
constexpr qint64 AccountsFileLimit = 1024 * 1024;

QString nameOr(const QHash<qint64, QString>& names, qint64 id)
{
    if (id < 0)
        return {};
    return names.value(id, QString::number(id));
}

} // namespace

DockerSandboxFiles::DockerSandboxFiles(Backend* backend, HttpClient* http,
                                       const QString& containerId, QObject* parent)
    : ExecSandboxFiles(backend, containerId, {}, parent)
    , m_http(http)
    , m_containerId(containerId)
{}

SandboxFiles::Capabilities DockerSandboxFiles::capabilities() const
{
    // The archive API works whatever the container's state; the rest needs it running.
    return ExecSandboxFiles::capabilities() | CanReadArchive | CanWriteArchive | PreservesOwnership;
}

QString DockerSandboxFiles::limitation() const
{
    if (ExecSandboxFiles::capabilities().testFlag(CanList))
        return {};
    return tr("The sandbox is not running: its files can be uploaded and downloaded, but "
              "browsing and changing them needs it running. Start it first.");
}

bool DockerSandboxFiles::parsePathStat(const QByteArray& header, FileEntry* entry)
{
    const QByteArray json = QByteArray::fromBase64(
        header, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject object = document.object();
    entry->name = object.value(QLatin1String("name")).toString().toUtf8();
    const auto size =
        CheckedNumbers::toExactInteger<qint64>(object.value(QLatin1String("size")).toDouble());
    const auto goMode =
        CheckedNumbers::toExactInteger<quint32>(object.value(QLatin1String("mode")).toDouble());
    if (!size || *size < 0 || !goMode)
        return false;
    entry->size = *size;
    const quint32 mode = *goMode;
    entry->mode = mode & 0777;
    if (mode & GoModeSetuid)
        entry->mode |= 04000;
    if (mode & GoModeSetgid)
        entry->mode |= 02000;
    if (mode & GoModeSticky)
        entry->mode |= 01000;
    if (mode & GoModeDir)
        entry->type = FileEntry::Type::Folder;
    else if (mode & GoModeSymlink)
        entry->type = FileEntry::Type::Symlink;
    else if (mode &
             (GoModeDevice | GoModeNamedPipe | GoModeSocket | GoModeCharDevice | GoModeIrregular))
        entry->type = FileEntry::Type::Other;
    else
        entry->type = FileEntry::Type::File;
    entry->modified =
        QDateTime::fromString(object.value(QLatin1String("mtime")).toString(), Qt::ISODateWithMs)
            .toUTC();
    entry->linkTarget = object.value(QLatin1String("linkTarget")).toString().toUtf8();
    return true;
}

QByteArray DockerSandboxFiles::archiveTarget(const RemotePath& path) const
{
    return "/containers/" + QUrl::toPercentEncoding(m_containerId) +
           "/archive?path=" + path.toPercentEncoding();
}

Error DockerSandboxFiles::errorFor(HttpReply* reply, const RemotePath& path)
{
    if (reply->error().isError())
        return reply->error();
    const int status = reply->status();
    if (status < 400)
        return {};
    const QString detail = DockerJson::errorMessage(reply->body());
    const QString code = QString::number(status);
    const QString shown = RemotePaths::displayName(path);
    switch (status) {
    case 400:
        return Error::make(Error::Invalid,
                           tr("The engine refused the request for “%1”.").arg(shown), code, detail);
    case 403:
        return Error::make(Error::Auth, tr("“%1” cannot be written: it is read-only.").arg(shown),
                           code, detail);
    case 404:
        // The engine says 404 for a missing container and a missing path alike.
        return Error::make(
            Error::NotFound,
            detail.startsWith(QLatin1String("No such container"), Qt::CaseInsensitive)
                ? tr("No such sandbox.")
                : tr("“%1” does not exist in the sandbox.").arg(shown),
            code, detail);
    default:
        return Error::make(Error::Server, tr("The engine failed to transfer “%1”.").arg(shown),
                           code, detail);
    }
}

HttpReply* DockerSandboxFiles::send(Job* job, const QByteArray& method, const RemotePath& path,
                                    QIODevice* body, bool streaming, Owners owners)
{
    if (!m_http) {
        const Error error =
            Error::make(Error::Connection, tr("The connection to the engine is closed."));
        QMetaObject::invokeMethod(
            job, [job, error] { job->finishWithError(error); }, Qt::QueuedConnection);
        return nullptr;
    }
    HttpRequest request;
    request.method = method;
    request.target = archiveTarget(path);
    if (body) {
        if (owners == Owners::FromArchive)
            request.target += "&copyUIDGID=1";
        request.bodyDevice = body;
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-tar")));
    }
    HttpReply* reply =
        m_http->send(request, streaming ? HttpReply::Mode::Streaming : HttpReply::Mode::Buffered);
    // The reply belongs to the job from now on: it goes when the job goes.
    reply->setParent(job);
    connect(job, &Job::cancelRequested, reply, &HttpReply::abort);
    return reply;
}

QHash<qint64, QString> DockerSandboxFiles::parseAccounts(const QByteArray& text)
{
    QHash<qint64, QString> names;
    for (const QByteArray& line : text.split('\n')) {
        // name:password:id:… for both files.
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < 3 || fields.at(0).isEmpty() || fields.at(0).startsWith('#'))
            continue;
        bool ok = false;
        const qint64 id = fields.at(2).toLongLong(&ok);
        if (ok && id >= 0 && !names.contains(id))
            names.insert(id, QString::fromUtf8(fields.at(0)));
    }
    return names;
}

void DockerSandboxFiles::readSmallFile(Job* job, const RemotePath& path,
                                       const std::function<void(const QByteArray&)>& then)
{
    auto* sink = new TarHeadSink(AccountsFileLimit, job);
    HttpReply* reply = send(job, "GET", path, nullptr, true);
    if (!reply)
        return;
    auto answered = std::make_shared<bool>(false);
    const auto answer = [answered, then](const QByteArray& content) {
        if (*answered)
            return;
        *answered = true;
        then(content);
    };
    connect(reply, &HttpReply::dataReceived, sink,
            [sink](const QByteArray& data) { sink->write(data); });
    connect(sink, &TarHeadSink::headReady, job, [sink, reply, answer] {
        const bool usable = !sink->error().isError() && sink->kind() == TarHeadSink::Kind::File &&
                            !sink->isTruncated();
        answer(usable ? sink->head() : QByteArray());
        reply->abort();
    });
    connect(reply, &HttpReply::finished, job, [answer] { answer({}); });
}

void DockerSandboxFiles::withAccounts(Job* job, const std::function<void(const Accounts&)>& then)
{
    if (m_accounts) {
        then(*m_accounts);
        return;
    }
    QPointer<DockerSandboxFiles> self(this);
    readSmallFile(job, "/etc/passwd", [self, job, then](const QByteArray& passwd) {
        if (!self)
            return;
        self->readSmallFile(job, "/etc/group", [self, passwd, then](const QByteArray& group) {
            if (!self)
                return;
            auto accounts = std::make_shared<Accounts>();
            accounts->users = parseAccounts(passwd);
            accounts->groups = parseAccounts(group);
            self->m_accounts = accounts;
            then(*accounts);
        });
    });
}

ResultJob<FileEntry>* DockerSandboxFiles::stat(const RemotePath& path)
{
    // A GET gives the engine's stat in its headers and the owner in the tar's first header;
    // the rest of the archive is not read.
    auto* job = new ResultJob<FileEntry>(this);
    auto* sink = new TarHeadSink(0, job);
    HttpReply* reply = send(job, "GET", path, nullptr, true);
    if (!reply)
        return job;
    auto entry = std::make_shared<FileEntry>();
    auto described = std::make_shared<bool>(false);
    QPointer<DockerSandboxFiles> self(this);
    connect(reply, &HttpReply::headersReceived, job, [job, reply, path, entry, described] {
        if (reply->status() >= 300)
            return; // said when it finishes
        if (!parsePathStat(reply->header("X-Docker-Container-Path-Stat"), entry.get())) {
            job->finishWithError(
                Error::make(Error::Protocol, tr("The engine described “%1” in a form not "
                                                "understood.")
                                                 .arg(RemotePaths::displayName(path))));
            reply->abort();
            return;
        }
        *described = true;
    });
    connect(reply, &HttpReply::dataReceived, sink, [sink, described](const QByteArray& data) {
        if (*described)
            sink->write(data);
    });
    connect(sink, &TarHeadSink::headReady, job, [self, job, sink, reply, entry] {
        reply->abort();
        if (!self || sink->error().isError() || sink->uid() < 0) {
            job->finishWithValue(*entry);
            return;
        }
        const qint64 uid = sink->uid();
        const qint64 gid = sink->gid();
        self->withAccounts(job, [job, entry, uid, gid](const Accounts& accounts) {
            entry->owner = nameOr(accounts.users, uid);
            entry->group = nameOr(accounts.groups, gid);
            job->finishWithValue(*entry);
        });
    });
    connect(reply, &HttpReply::finished, job, [job, reply, path, entry, described, sink] {
        if (job->isFinished() || sink->isReady())
            return;
        const Error error = errorFor(reply, path);
        if (error.isError())
            job->finishWithError(error);
        else if (*described)
            job->finishWithValue(*entry); // an archive without entries: no owner to tell
        else
            job->finishWithError(
                Error::make(Error::Protocol, tr("The engine described “%1” in a form not "
                                                "understood.")
                                                 .arg(RemotePaths::displayName(path))));
    });
    return job;
}

ResultJob<FileEntry>* DockerSandboxFiles::statWithoutOwner(const RemotePath& path)
{
    auto* job = new ResultJob<FileEntry>(this);
    HttpReply* reply = send(job, "HEAD", path);
    if (!reply)
        return job;
    connect(reply, &HttpReply::finished, job, [this, job, reply, path] {
        if (!reply->error().isError() && reply->status() == 404) {
            // A HEAD answer has no body to tell a missing container from a missing path;
            // stat()'s GET has.
            ResultJob<FileEntry>* full = stat(path);
            connect(job, &Job::cancelRequested, full, &Job::cancel);
            connect(full, &Job::finished, job, [job, full] {
                if (full->error().isError())
                    job->finishWithError(full->error());
                else
                    job->finishWithValue(full->value());
            });
            return;
        }
        const Error error = errorFor(reply, path);
        if (error.isError()) {
            job->finishWithError(error);
            return;
        }
        FileEntry entry;
        if (!parsePathStat(reply->header("X-Docker-Container-Path-Stat"), &entry)) {
            job->finishWithError(
                Error::make(Error::Protocol, tr("The engine described “%1” in a form not "
                                                "understood.")
                                                 .arg(RemotePaths::displayName(path))));
            return;
        }
        job->finishWithValue(entry);
    });
    return job;
}

Job* DockerSandboxFiles::readArchive(const RemotePath& path, QIODevice* sink)
{
    auto* job = new Job(this);
    HttpReply* reply = send(job, "GET", path, nullptr, true);
    if (!reply)
        return job;
    auto done = std::make_shared<qint64>(0);
    auto total = std::make_shared<qint64>(-1);
    QPointer<QIODevice> guardedSink(sink);
    connect(reply, &HttpReply::headersReceived, job, [reply, total] {
        FileEntry entry;
        if (reply->status() < 300 &&
            parsePathStat(reply->header("X-Docker-Container-Path-Stat"), &entry) &&
            entry.type == FileEntry::Type::File)
            *total = entry.size;
    });
    connect(reply, &HttpReply::dataReceived, job,
            [job, reply, guardedSink, done, total](const QByteArray& data) {
                if (!guardedSink) {
                    reply->abort();
                    return;
                }
                if (guardedSink->write(data) != data.size()) {
                    job->finishWithError(
                        Error::make(Error::Server, tr("Could not store what was downloaded.")));
                    reply->abort();
                    return;
                }
                *done += data.size();
                job->reportProgress(*total >= 0 ? qMin(*done, *total) : *done, *total, {});
                if (guardedSink->bytesToWrite() > SinkHighWater)
                    reply->setPaused(true);
            });
    connect(sink, &QIODevice::bytesWritten, reply, [reply, guardedSink] {
        if (guardedSink && guardedSink->bytesToWrite() < SinkHighWater / 4)
            reply->setPaused(false);
    });
    connect(reply, &HttpReply::finished, job, [job, reply, path] {
        const Error error = errorFor(reply, path);
        if (error.isError())
            job->finishWithError(error);
        else
            job->finishWithResult({});
    });
    return job;
}

Job* DockerSandboxFiles::writeArchive(const RemotePath& folder, QIODevice* source, Owners owners)
{
    auto* job = new Job(this);
    HttpReply* reply = send(job, "PUT", folder, source, false, owners);
    if (!reply)
        return job;
    connect(reply, &HttpReply::finished, job, [job, reply, folder] {
        const Error error = errorFor(reply, folder);
        if (error.isError())
            job->finishWithError(error);
        else
            job->finishWithResult({});
    });
    return job;
}
