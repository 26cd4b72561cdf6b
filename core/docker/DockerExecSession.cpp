#include "DockerExecSession.h"

#include "DockerJson.h"
#include "net/ConnectionReaper.h"
#include "net/HttpClient.h"

#include <QAbstractSocket>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QSslSocket>
#include <QUrl>

#include <sys/socket.h>

#include <utility>

namespace {

Error httpError(HttpReply* reply, const QString& what)
{
    if (reply->error().isError())
        return reply->error();
    const QString detail = DockerJson::errorMessage(reply->body());
    const Error::Kind kind = reply->status() == 404   ? Error::NotFound
                             : reply->status() == 409 ? Error::Conflict
                                                      : Error::Server;
    return Error::make(kind, what, QString::number(reply->status()), detail);
}

} // namespace

DockerExecSession::DockerExecSession(HttpClient* http, const QString& containerId,
                                     const ExecOptions& options, QObject* parent)
    : ExecSession(parent)
    , m_http(http)
    , m_containerId(containerId)
    , m_options(options)
{
    m_demuxer.onPayload = [this](DockerStreamDemuxer::Stream stream, const QByteArray& payload) {
        if (stream == DockerStreamDemuxer::Stderr || stream == DockerStreamDemuxer::EngineError)
            Q_EMIT received(Stream::Stderr, payload);
        else
            Q_EMIT received(Stream::Stdout, payload);
    };
    // An attached process streams without the client; anything else ends with it.
    connect(http, &QObject::destroyed, this, [this] {
        if (!m_connection)
            end(Error::make(Error::Connection, tr("The connection was closed.")));
    });
}

DockerExecSession::~DockerExecSession()
{
    abortCall();
    releaseConnection();
}

QStringList DockerExecSession::defaultShell()
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi")};
}

void DockerExecSession::start()
{
    QJsonObject body;
    body.insert(QLatin1String("AttachStdin"), m_options.attachStdin);
    body.insert(QLatin1String("AttachStdout"), true);
    body.insert(QLatin1String("AttachStderr"), true);
    body.insert(QLatin1String("Tty"), m_options.tty);
    body.insert(QLatin1String("Cmd"),
                QJsonArray::fromStringList(m_options.command.isEmpty() ? defaultShell()
                                                                       : m_options.command));
    if (!m_options.env.isEmpty())
        body.insert(QLatin1String("Env"), QJsonArray::fromStringList(m_options.env));
    if (!m_options.workingDir.isEmpty())
        body.insert(QLatin1String("WorkingDir"), m_options.workingDir);
    if (!m_options.user.isEmpty())
        body.insert(QLatin1String("User"), m_options.user);
    if (!m_http) {
        end(Error::make(Error::Connection, tr("The connection was closed.")));
        return;
    }
    HttpReply* reply = m_http->send(
        HttpRequest::post("/containers/" + QUrl::toPercentEncoding(m_containerId) + "/exec",
                          QJsonDocument(body).toJson(QJsonDocument::Compact)));
    m_call = reply;
    // The reply goes when it ends even if this session went first.
    connect(reply, &HttpReply::finished, reply, &QObject::deleteLater);
    connect(reply, &HttpReply::finished, this, [this, reply] {
        m_call = nullptr;
        onCreated(reply);
    });
}

void DockerExecSession::onCreated(HttpReply* reply)
{
    if (m_ended)
        return;
    if (reply->error().isError() || reply->status() >= 300) {
        end(httpError(reply, tr("The sandbox refused to run the command.")));
        return;
    }
    m_execId =
        QJsonDocument::fromJson(reply->body()).object().value(QLatin1String("Id")).toString();
    if (m_execId.isEmpty()) {
        end(Error::make(Error::Protocol, tr("The engine did not name the new process.")));
        return;
    }
    if (!m_http) {
        end(Error::make(Error::Connection, tr("The connection was closed.")));
        return;
    }
    QJsonObject body;
    body.insert(QLatin1String("Detach"), false);
    body.insert(QLatin1String("Tty"), m_options.tty);
    HttpReply* start =
        m_http->send(HttpRequest::post("/exec/" + QUrl::toPercentEncoding(m_execId) + "/start",
                                       QJsonDocument(body).toJson(QJsonDocument::Compact)),
                     HttpReply::Mode::Upgrade);
    m_call = start;
    connect(start, &HttpReply::upgraded, this, [this, start] { onUpgraded(start); });
    // Deleting an upgraded reply whose connection nobody took closes that connection.
    connect(start, &HttpReply::finished, start, &QObject::deleteLater);
    connect(start, &HttpReply::finished, this, [this, start] {
        m_call = nullptr;
        if (!m_connection)
            end(httpError(start, tr("The engine did not start the command.")));
    });
}

void DockerExecSession::onUpgraded(HttpReply* reply)
{
    QByteArray leftover;
    m_connection = reply->takeConnection(&leftover);
    if (m_ended) {
        releaseConnection();
        return;
    }
    if (!m_connection) {
        end(Error::make(Error::Protocol, tr("The engine did not hand over the stream.")));
        return;
    }
    connect(m_connection, &QIODevice::readyRead, this, [this] { onData(m_connection->readAll()); });
    if (auto* local = qobject_cast<QLocalSocket*>(m_connection))
        connect(local, &QLocalSocket::disconnected, this, &DockerExecSession::onStreamEnded);
    else if (auto* socket = qobject_cast<QAbstractSocket*>(m_connection)) {
        connect(socket, &QAbstractSocket::disconnected, this, &DockerExecSession::onStreamEnded);
        // Over TLS the engine ends the stream with a close_notify, which Qt reports as an error
        // without disconnecting.
        connect(socket, &QAbstractSocket::errorOccurred, this, &DockerExecSession::onStreamEnded);
    } else if (auto* process = qobject_cast<QProcess*>(m_connection))
        connect(process, &QProcess::finished, this, &DockerExecSession::onStreamEnded);
    connect(m_connection, &QIODevice::bytesWritten, this, &DockerExecSession::onInputWritten);
    // With TLS, bytesWritten() tells what was encrypted; this, what went to the system.
    if (auto* ssl = qobject_cast<QSslSocket*>(m_connection))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &DockerExecSession::onInputWritten);
    // Input written before the stream opened goes ahead of any written from a slot of started().
    if (!m_pendingInput.isEmpty())
        m_connection->write(std::exchange(m_pendingInput, QByteArray()));
    Q_EMIT started();
    if (m_ended || !m_connection)
        return; // closed from a slot of started()
    if (m_options.tty)
        sendResize();
    if (!leftover.isEmpty())
        onData(leftover);
    endInputWhenWritten();
}

void DockerExecSession::onData(const QByteArray& bytes)
{
    if (m_ended || bytes.isEmpty())
        return;
    if (m_options.tty) {
        Q_EMIT received(Stream::Stdout, bytes);
        return;
    }
    if (!m_demuxer.feed(bytes)) {
        end(Error::make(Error::Protocol, tr("The engine sent a malformed output frame.")));
        close();
    }
}

void DockerExecSession::onStreamEnded()
{
    if (m_ended || m_streamEnded)
        return;
    m_streamEnded = true;
    if (m_connection && m_connection->bytesAvailable() > 0)
        onData(m_connection->readAll());
    // The stream is gone; whether the process ended or only the connection broke, the
    // engine's record of the exec says.
    if (!m_http) {
        end(Error::make(Error::Connection, tr("The connection was closed.")));
        return;
    }
    HttpReply* reply =
        m_http->send(HttpRequest::get("/exec/" + QUrl::toPercentEncoding(m_execId) + "/json"));
    connect(reply, &HttpReply::finished, reply, &QObject::deleteLater);
    connect(reply, &HttpReply::finished, this, [this, reply] {
        if (reply->error().isError() || reply->status() >= 300) {
            end(Error::make(Error::Connection, tr("The connection to the sandbox was lost."), {},
                            reply->error().isError() ? reply->error().fullText()
                                                     : DockerJson::errorMessage(reply->body())));
            return;
        }
        const QJsonObject state = QJsonDocument::fromJson(reply->body()).object();
        if (state.value(QLatin1String("Running")).toBool()) {
            end(Error::make(Error::Connection,
                            tr("The connection to the sandbox was lost; the command is still "
                               "running.")));
            return;
        }
        if (m_ended)
            return;
        m_ended = true;
        Q_EMIT finished(state.value(QLatin1String("ExitCode")).toInt(-1));
    });
}

void DockerExecSession::write(const QByteArray& bytes)
{
    if (m_ended || m_stdinClosePending || m_stdinClosed)
        return;
    if (!m_connection)
        m_pendingInput.append(bytes);
    else
        m_connection->write(bytes);
}

void DockerExecSession::closeStdin()
{
    if (m_ended || m_stdinClosed)
        return;
    m_stdinClosePending = true;
    endInputWhenWritten();
}

qint64 DockerExecSession::pendingInput() const
{
    if (!m_connection)
        return m_pendingInput.size();
    qint64 queued = m_connection->bytesToWrite();
    if (const auto* ssl = qobject_cast<const QSslSocket*>(m_connection))
        queued += ssl->encryptedBytesToWrite();
    return queued;
}

void DockerExecSession::onInputWritten()
{
    endInputWhenWritten();
    Q_EMIT inputWritten();
}

void DockerExecSession::endInputWhenWritten()
{
    // What is still queued would be lost behind the end of input.
    if (!m_stdinClosePending || !m_connection || pendingInput() > 0)
        return;
    m_stdinClosePending = false;
    m_stdinClosed = true;
    if (auto* process = qobject_cast<QProcess*>(m_connection)) {
        process->closeWriteChannel();
        return;
    }
    // Half-close: the engine passes end-of-file to the process and keeps sending its output.
    qintptr descriptor = -1;
    if (auto* local = qobject_cast<QLocalSocket*>(m_connection))
        descriptor = local->socketDescriptor();
    else if (auto* socket = qobject_cast<QAbstractSocket*>(m_connection))
        descriptor = socket->socketDescriptor();
    if (descriptor >= 0)
        ::shutdown(int(descriptor), SHUT_WR);
}

void DockerExecSession::resize(int columns, int rows)
{
    if (columns <= 0 || rows <= 0)
        return;
    m_options.columns = columns;
    m_options.rows = rows;
    if (m_connection && m_options.tty)
        sendResize();
}

void DockerExecSession::sendResize()
{
    if (!m_http)
        return;
    HttpReply* reply =
        m_http->send(HttpRequest::post("/exec/" + QUrl::toPercentEncoding(m_execId) +
                                       "/resize?h=" + QByteArray::number(m_options.rows) +
                                       "&w=" + QByteArray::number(m_options.columns)));
    connect(reply, &HttpReply::finished, reply, &QObject::deleteLater);
}

void DockerExecSession::close()
{
    abortCall();
    releaseConnection();
    if (!m_ended)
        end(Error::make(Error::Cancelled, tr("The session was closed.")));
}

void DockerExecSession::abortCall()
{
    HttpReply* call = std::exchange(m_call, nullptr);
    if (!call || call->isFinished())
        return;
    call->disconnect(this);
    call->abort(); // closes its connection; the reply deletes itself when it has finished
}

void DockerExecSession::releaseConnection()
{
    if (!m_connection)
        return;
    m_connection->disconnect(this);
    // A stdio transport (ssh, docker dial-stdio) may take its time to exit: never wait for it.
    if (qobject_cast<QProcess*>(m_connection)) {
        ConnectionReaper::instance()->reap(std::exchange(m_connection, nullptr));
        return;
    }
    m_connection->close();
    // close() may come from a slot of the connection's own signal.
    std::exchange(m_connection, nullptr)->deleteLater();
}

void DockerExecSession::end(const Error& error)
{
    if (m_ended)
        return;
    m_ended = true;
    abortCall();
    Q_EMIT failed(error);
}
