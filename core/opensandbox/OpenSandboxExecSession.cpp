#include "OpenSandboxExecSession.h"

#include "ExecdAddress.h"
#include "ExecdPtySession.h"
#include "OpenSandboxBackend.h"
#include "net/HttpClient.h"
#include "sandbox/ShellWords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrl>
#include <QUuid>

namespace {

constexpr int ExecdPort = 44772;
// Looks at a dropped command's status that fail in a row before the session gives up.
constexpr int MaxStatusFailures = 20;

} // namespace

OpenSandboxExecSession::OpenSandboxExecSession(OpenSandboxBackend* backend,
                                               const QString& sandboxId, const ExecOptions& options)
    : ExecSession(nullptr)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_options(options)
    , m_filePrefix(QStringLiteral("/tmp/.sandboxdesk-exec-") +
                   QUuid::createUuid().toString(QUuid::Id128))
    , m_poll(new QTimer(this))
{
    m_poll->setSingleShot(true);
    connect(m_poll, &QTimer::timeout, this, &OpenSandboxExecSession::pollStatus);
}

OpenSandboxExecSession::~OpenSandboxExecSession()
{
    if (m_stream)
        m_stream->disconnect(this);
}

QString OpenSandboxExecSession::wrapped(const QString& commandLine, const QString& prefix)
{
    // The command's stdout and stderr go through two pipes to tee, which copies them into the
    // files and on to execd; without mkfifo the command runs as it is.
    return QStringLiteral("f=%1; if mkfifo \"$f.po\" \"$f.pe\" 2>/dev/null; then "
                          "tee \"$f.out\" <\"$f.po\" & tee \"$f.err\" <\"$f.pe\" >&2 & "
                          "(%2\n) >\"$f.po\" 2>\"$f.pe\"; r=$?; wait; rm -f \"$f.po\" \"$f.pe\"; "
                          "exit $r; else %2\nfi")
        .arg(prefix, commandLine);
}

void OpenSandboxExecSession::start()
{
    if (!m_backend) {
        fail(Error::make(Error::Connection, tr("The OpenSandbox connection is gone.")));
        return;
    }
    // The endpoint does not change while the sandbox lives: asked once per sandbox.
    const QJsonObject known = m_backend->execdEndpoint(m_sandboxId);
    if (!known.isEmpty()) {
        QTimer::singleShot(0, this, [this, known] { onEndpoint(known); });
        return;
    }
    QByteArray path = "/sandboxes/" + QUrl::toPercentEncoding(m_sandboxId) + "/endpoints/" +
                      QByteArray::number(ExecdPort);
    if (m_backend->config().useServerProxy)
        path += "?use_server_proxy=true";
    ResultJob<QJsonObject>* job =
        m_backend->client()->call("GET", path, QJsonValue(QJsonValue::Null), this);
    connect(job, &Job::finished, this, [this, job] {
        if (job->error().isError()) {
            fail(job->error());
            return;
        }
        if (m_backend)
            m_backend->rememberExecdEndpoint(m_sandboxId, job->value());
        onEndpoint(job->value());
    });
}

void OpenSandboxExecSession::onEndpoint(const QJsonObject& answer)
{
    if (m_ended || !m_backend)
        return;
    ExecdAddress address;
    Error error;
    if (!ExecdAddress::fromAnswer(answer, m_backend->config(), &address, &error)) {
        fail(error);
        return;
    }
    m_execd = new HttpClient(address.endpoint, this);
    m_pathPrefix = address.pathPrefix;
    m_headers = address.headers;
    m_address = address;

    if (!m_options.tty) {
        runCommand(m_options.attachStdin
                       ? tr("[OpenSandbox runs this command without a terminal; typed input is "
                            "not passed on.]\n")
                       : QString());
        return;
    }
    if (!m_options.user.isEmpty()) {
        runCommand(tr("[execd opens terminals as its own user only: this command runs as %1 "
                      "without a terminal, and typed input is not passed on.]\n")
                       .arg(m_options.user));
        return;
    }
    openPty();
}

QString OpenSandboxExecSession::ptyCommandLine(const ExecOptions& options)
{
    QStringList exports;
    for (const QString& entry : options.env) {
        if (entry.indexOf(QLatin1Char('=')) > 0)
            exports << entry;
    }
    if (exports.isEmpty() && options.command.isEmpty())
        return {};
    QString line;
    if (!exports.isEmpty())
        line = ShellWords::join(QStringList{QStringLiteral("export")} + exports) +
               QStringLiteral("; ");
    if (options.command.isEmpty())
        return line + QStringLiteral("command -v bash >/dev/null 2>&1 && exec bash; exec sh");
    return line + QStringLiteral("exec ") + ShellWords::join(options.command);
}

void OpenSandboxExecSession::openPty()
{
    QJsonObject body;
    if (!m_options.workingDir.isEmpty())
        body.insert(QStringLiteral("cwd"), m_options.workingDir);
    const QString line = ptyCommandLine(m_options);
    if (!line.isEmpty())
        body.insert(QStringLiteral("command"), line);
    HttpReply* reply = send("POST", "/pty", QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &HttpReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_ended)
            return;
        const int status = reply->status();
        // 404: an execd from before interactive sessions; 501: one on a system without them.
        if (!reply->error().isError() && (status == 404 || status == 405 || status == 501)) {
            runCommand(tr("[This sandbox's execd has no terminal sessions: the command runs "
                          "without a terminal, and typed input is not passed on.]\n"));
            return;
        }
        if (reply->error().isError()) {
            fail(reply->error());
            return;
        }
        if (status >= 300) {
            fail(OpenSandboxClient::errorFor(status, reply->body(), reply->header("x-request-id"),
                                             {}));
            return;
        }
        m_ptyId = QJsonDocument::fromJson(reply->body())
                      .object()
                      .value(QLatin1String("session_id"))
                      .toString();
        if (m_ptyId.isEmpty()) {
            fail(Error::make(Error::Protocol, tr("execd did not name the terminal session."), {},
                             QString::fromUtf8(reply->body().left(512))));
            return;
        }
        auto* pty = new ExecdPtySession(m_address, m_ptyId, m_options, this);
        m_pty = pty;
        connect(pty, &ExecSession::started, this, [this] {
            m_started = true;
            Q_EMIT started();
        });
        connect(pty, &ExecSession::received, this, &ExecSession::received);
        connect(pty, &ExecSession::inputWritten, this, &ExecSession::inputWritten);
        connect(pty, &ExecSession::finished, this, &OpenSandboxExecSession::end);
        connect(pty, &ExecSession::failed, this, &OpenSandboxExecSession::fail);
        pty->start();
        if (!m_earlyInput.isEmpty())
            pty->write(std::exchange(m_earlyInput, QByteArray()));
        if (m_earlyStdinClosed)
            pty->closeStdin();
    });
}

void OpenSandboxExecSession::runCommand(const QString& note)
{
    m_earlyInput.clear();
    const QString line =
        m_options.command.isEmpty() ? QStringLiteral("sh") : ShellWords::join(m_options.command);
    QJsonObject body{{QStringLiteral("command"), wrapped(line, m_filePrefix)}};
    if (!m_options.workingDir.isEmpty())
        body.insert(QStringLiteral("cwd"), m_options.workingDir);
    QJsonObject envs;
    for (const QString& entry : std::as_const(m_options.env)) {
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        if (equals > 0)
            envs.insert(entry.left(equals), entry.mid(equals + 1));
    }
    if (!envs.isEmpty())
        body.insert(QStringLiteral("envs"), envs);
    const QStringList ids = m_options.user.split(QLatin1Char(':'));
    bool uidOk = false;
    const int uid = ids.value(0).toInt(&uidOk);
    if (uidOk) {
        body.insert(QStringLiteral("uid"), uid);
        bool gidOk = false;
        const int gid = ids.value(1).toInt(&gidOk);
        if (gidOk)
            body.insert(QStringLiteral("gid"), gid);
    }
    if (!note.isEmpty())
        deliver(Stream::Stderr, note.toUtf8());
    m_stream = send("POST", "/command", QJsonDocument(body).toJson(QJsonDocument::Compact), true);
    HttpReply* reply = m_stream;
    connect(reply, &HttpReply::dataReceived, this, &OpenSandboxExecSession::onEvents);
    connect(reply, &HttpReply::finished, this, [this, reply] { onStreamFinished(reply); });
}

HttpReply* OpenSandboxExecSession::send(const QByteArray& method, const QByteArray& target,
                                        const QByteArray& body, bool streaming)
{
    HttpRequest request;
    request.method = method;
    request.target = m_pathPrefix + target;
    request.headers = m_headers;
    if (!body.isEmpty()) {
        request.body = body;
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    if (streaming)
        request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
    return m_execd->send(request,
                         streaming ? HttpReply::Mode::Streaming : HttpReply::Mode::Buffered);
}

void OpenSandboxExecSession::onEvents(const QByteArray& bytes)
{
    QList<QByteArray> events;
    const bool ok = m_parser.feed(bytes, &events);
    for (const QByteArray& event : std::as_const(events)) {
        if (m_ended)
            return;
        handleEvent(event);
    }
    if (!ok && !m_ended) {
        if (m_stream)
            m_stream->disconnect(this);
        fail(Error::make(Error::Protocol, tr("execd sent an event larger than %n MiB.", nullptr,
                                             int(ExecdEventParser::DefaultMaxEventBytes >> 20))));
    }
}

void OpenSandboxExecSession::handleEvent(const QByteArray& payload)
{
    // An event that is not JSON is skipped: the ones around it still count.
    const QJsonObject event = QJsonDocument::fromJson(payload).object();
    const QString type = event.value(QLatin1String("type")).toString();
    if (type == QLatin1String("init")) {
        m_commandId = event.value(QLatin1String("text")).toString();
        if (!m_started) {
            m_started = true;
            Q_EMIT started();
        }
    } else if (type == QLatin1String("stdout") || type == QLatin1String("stderr")) {
        deliver(type == QLatin1String("stdout") ? Stream::Stdout : Stream::Stderr,
                event.value(QLatin1String("text")).toString().toUtf8());
    } else if (type == QLatin1String("error")) {
        const QJsonObject error = event.value(QLatin1String("error")).toObject();
        const QString value = error.value(QLatin1String("evalue")).toString();
        bool numeric = false;
        const int code = value.toInt(&numeric);
        if (numeric && code >= 0)
            m_exitCode = code;
        else
            m_errorValue = value.isEmpty() ? error.value(QLatin1String("ename")).toString() : value;
        m_complete = true;
    } else if (type == QLatin1String("execution_complete")) {
        if (m_exitCode < 0 && m_errorValue.isEmpty())
            m_exitCode = 0;
        m_complete = true;
    }
}

void OpenSandboxExecSession::deliver(Stream stream, const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return;
    m_delivered[stream == Stream::Stdout ? 0 : 1] += bytes.size();
    Q_EMIT received(stream, bytes);
}

void OpenSandboxExecSession::onStreamFinished(HttpReply* reply)
{
    reply->deleteLater();
    if (m_ended)
        return;
    const QByteArray last = m_parser.finish();
    if (!last.isEmpty())
        handleEvent(last);
    if ((reply->status() >= 300 || (reply->error().isError() && m_commandId.isEmpty())) &&
        m_backend)
        m_backend->forgetExecdEndpoint(m_sandboxId);
    if (reply->status() >= 300) {
        fail(OpenSandboxClient::errorFor(reply->status(), reply->body(),
                                         reply->header("x-request-id"),
                                         m_backend ? m_backend->config().apiKey : QString()));
        return;
    }
    if (m_complete && m_exitCode >= 0) {
        end(m_exitCode);
        return;
    }
    if (m_commandId.isEmpty()) {
        const Error error = reply->error();
        fail(Error::make(Error::Connection,
                         tr("The command's output stream ended before the command started."), {},
                         error.isError() ? error.message : QString()));
        return;
    }
    // Dropped, or ended with an error that is no exit code: the command's status tells.
    m_recovering = !m_complete;
    pollStatus();
}

void OpenSandboxExecSession::pollStatus()
{
    if (m_ended)
        return;
    HttpReply* reply = send("GET", "/command/status/" + QUrl::toPercentEncoding(m_commandId));
    connect(reply, &HttpReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_ended)
            return;
        const QJsonObject status = QJsonDocument::fromJson(reply->body()).object();
        if (reply->error().isError() || reply->status() != 200 ||
            !status.value(QLatin1String("running")).isBool()) {
            if (++m_statusFailures >= MaxStatusFailures) {
                fail(reply->error().isError()
                         ? reply->error()
                         : OpenSandboxClient::errorFor(reply->status(), reply->body(),
                                                       reply->header("x-request-id"), {}));
                return;
            }
            m_poll->start(m_statusPollMs);
            return;
        }
        m_statusFailures = 0;
        if (status.value(QLatin1String("running")).toBool()) {
            m_poll->start(m_statusPollMs);
            return;
        }
        if (m_exitCode < 0) {
            const QJsonValue code = status.value(QLatin1String("exit_code"));
            m_exitCode = code.isDouble() ? code.toInt() : -1;
        }
        if (m_exitCode < 0) {
            fail(Error::make(Error::Server, tr("execd could not run the command."), {},
                             m_errorValue.isEmpty()
                                 ? status.value(QLatin1String("error")).toString()
                                 : m_errorValue));
            return;
        }
        if (m_recovering)
            fetchRest(0);
        else
            end(m_exitCode);
    });
}

void OpenSandboxExecSession::fetchRest(int index)
{
    if (m_ended)
        return;
    if (index > 1) {
        end(m_exitCode);
        return;
    }
    const QString file =
        m_filePrefix + (index == 0 ? QStringLiteral(".out") : QStringLiteral(".err"));
    const qint64 from = m_delivered[index];
    HttpRequest request;
    request.target = m_pathPrefix + "/files/download?path=" + QUrl::toPercentEncoding(file);
    request.headers = m_headers;
    request.headers.append(
        qMakePair(QByteArray("Range"), "bytes=" + QByteArray::number(from) + '-'));
    HttpReply* reply = m_execd->send(request);
    connect(reply, &HttpReply::finished, this, [this, reply, index, from] {
        reply->deleteLater();
        if (m_ended)
            return;
        if (reply->error().isError()) {
            fail(reply->error());
            return;
        }
        // 206: the rest; 200: a server that ignores ranges sent everything; 416: nothing more;
        // 404: the wrapper could not make its copies, so what the stream lost is lost.
        if (reply->status() == 206)
            deliver(index == 0 ? Stream::Stdout : Stream::Stderr, reply->body());
        else if (reply->status() == 200)
            deliver(index == 0 ? Stream::Stdout : Stream::Stderr, reply->body().mid(from));
        fetchRest(index + 1);
    });
}

void OpenSandboxExecSession::cleanUp()
{
    if (!m_execd || !m_backend)
        return;
    // Outlives the session: the client goes to the backend until the files are gone, or the
    // terminal session (whose shell a closed session leaves running otherwise).
    HttpClient* execd = m_execd;
    m_execd = nullptr;
    execd->setParent(m_backend);
    HttpRequest request;
    request.method = "DELETE";
    if (!m_ptyId.isEmpty())
        request.target = m_pathPrefix + "/pty/" + QUrl::toPercentEncoding(m_ptyId);
    else
        request.target = m_pathPrefix + "/files?path=" +
                         QUrl::toPercentEncoding(m_filePrefix + QStringLiteral(".out")) +
                         "&path=" + QUrl::toPercentEncoding(m_filePrefix + QStringLiteral(".err"));
    request.headers = m_headers;
    HttpReply* reply = execd->send(request);
    connect(reply, &HttpReply::finished, execd, &QObject::deleteLater);
}

void OpenSandboxExecSession::end(int exitCode)
{
    if (m_ended)
        return;
    m_ended = true;
    m_poll->stop();
    cleanUp();
    Q_EMIT finished(exitCode);
}

void OpenSandboxExecSession::fail(const Error& error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_poll->stop();
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->abort();
    }
    if (m_pty) {
        m_pty->disconnect(this);
        m_pty->close();
    }
    cleanUp();
    Q_EMIT failed(error);
}

void OpenSandboxExecSession::write(const QByteArray& bytes)
{
    // execd's commands have no stdin (the session said so); its terminal sessions have.
    if (m_pty)
        m_pty->write(bytes);
    else if (!m_stream && !m_ended && !m_earlyStdinClosed)
        m_earlyInput.append(bytes);
}

void OpenSandboxExecSession::closeStdin()
{
    if (m_pty)
        m_pty->closeStdin();
    else
        m_earlyStdinClosed = true;
}

qint64 OpenSandboxExecSession::pendingInput() const
{
    return m_pty ? m_pty->pendingInput() : m_earlyInput.size();
}

void OpenSandboxExecSession::resize(int columns, int rows)
{
    if (columns <= 0 || rows <= 0)
        return;
    m_options.columns = columns;
    m_options.rows = rows;
    if (m_pty)
        m_pty->resize(columns, rows);
}

void OpenSandboxExecSession::close()
{
    m_ended = true;
    m_poll->stop();
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->abort();
    }
    if (m_pty) {
        m_pty->disconnect(this);
        m_pty->close();
        cleanUp();
    }
}
