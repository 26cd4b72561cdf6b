#include "OpenSandboxFiles.h"

#include "OpenSandboxBackend.h"
#include "OpenSandboxJson.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrl>

namespace {

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
{}

OpenSandboxFiles::~OpenSandboxFiles() = default;

SandboxFiles::Capabilities OpenSandboxFiles::capabilities() const
{
    if (!m_backend || m_backend->sandbox(m_sandboxId).status != SandboxStatus::Running)
        return {};
    return CanList | CanModify;
}

QString OpenSandboxFiles::limitation() const
{
    if (!m_backend)
        return tr("The OpenSandbox connection is gone.");
    if (m_backend->sandbox(m_sandboxId).status != SandboxStatus::Running)
        return tr("The sandbox is not running: its execd cannot answer.");
    return tr("Downloading and uploading through execd's files API is not available yet.");
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

template<typename J> J* OpenSandboxFiles::refused(const Error& error)
{
    auto* job = new J(this);
    QTimer::singleShot(0, job, [job, error] { job->finishWithError(error); });
    return job;
}

void OpenSandboxFiles::resolved(const QJsonObject& answer, const Error& error)
{
    m_resolving = false;
    m_resolveError = error;
    if (!error.isError() && m_backend &&
        ExecdAddress::fromAnswer(answer, m_backend->config(), &m_address, &m_resolveError))
        m_http = new HttpClient(m_address.endpoint, this);
    const QList<std::function<void()>> waiting = std::exchange(m_waiting, {});
    for (const auto& next : waiting)
        next();
}

void OpenSandboxFiles::send(Job* job, const QByteArray& method, const QByteArray& target,
                            const QByteArray& body, const RemotePath& path, const Answer& onSuccess)
{
    if (!m_http) {
        if (!m_backend) {
            QTimer::singleShot(0, job, [job] {
                job->finishWithError(
                    Error::make(Error::Connection, tr("The OpenSandbox connection is gone.")));
            });
            return;
        }
        // Asked again after a failure: the sandbox may have started since.
        m_waiting.append([this, job = QPointer<Job>(job), method, target, body, path, onSuccess] {
            if (!job)
                return;
            if (!m_http) {
                job->finishWithError(m_resolveError);
                return;
            }
            send(job, method, target, body, path, onSuccess);
        });
        if (!m_resolving) {
            m_resolving = true;
            m_backend->resolveExecd(
                m_sandboxId, this,
                [this](const QJsonObject& answer, const Error& error) { resolved(answer, error); });
        }
        return;
    }
    HttpRequest request;
    request.method = method;
    request.target = m_address.pathPrefix + target;
    request.headers = m_address.headers;
    if (!body.isEmpty()) {
        request.body = body;
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    } else if (method == "POST") {
        request.body = "{}";
    }
    HttpReply* reply = m_http->send(request);
    connect(job, &Job::cancelRequested, reply, &HttpReply::abort);
    connect(reply, &HttpReply::finished, job, [this, reply, job, path, onSuccess] {
        reply->deleteLater();
        if (reply->error().isError()) {
            job->finishWithError(
                OpenSandboxClient::transportError(reply->error(), m_address.endpoint.url));
            return;
        }
        if (reply->status() >= 300) {
            Error error = OpenSandboxClient::errorFor(
                reply->status(), reply->body(), reply->header("x-request-id"),
                m_backend ? m_backend->config().apiKey : QString());
            if (error.kind == Error::NotFound)
                error.message =
                    tr("No such file or folder: %1").arg(RemotePaths::displayName(path));
            else if (reply->status() == 502)
                error.message = tr("The sandbox's execd does not answer; is the sandbox running?");
            job->finishWithError(error);
            return;
        }
        onSuccess(reply->body());
    });
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

Job* OpenSandboxFiles::readArchive(const RemotePath& path, QIODevice* sink)
{
    Q_UNUSED(path)
    Q_UNUSED(sink)
    return refused(Error::make(Error::Invalid, limitation()));
}

Job* OpenSandboxFiles::writeArchive(const RemotePath& folder, QIODevice* source, Owners owners)
{
    Q_UNUSED(folder)
    Q_UNUSED(source)
    Q_UNUSED(owners)
    return refused(Error::make(Error::Invalid, limitation()));
}
