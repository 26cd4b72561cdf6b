#include "HttpClient.h"

#include "ConnectionReaper.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace {

// A peer that vanished without a word (a NAT that forgot the connection, a host powered off)
// is found within about a minute instead of the system's two hours.
void enableKeepAlive(QAbstractSocket* socket)
{
    socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
#ifdef Q_OS_LINUX
    const auto fd = int(socket->socketDescriptor());
    if (fd < 0)
        return;
    const int idleSeconds = 30;
    const int intervalSeconds = 10;
    const int probes = 3;
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idleSeconds, sizeof idleSeconds);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intervalSeconds, sizeof intervalSeconds);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
#endif
}

int secondsIn(int ms)
{
    return (ms + 999) / 1000;
}

// Qt's own words for these ("Invalid name") mislead; say what it means for an engine socket.
QString localSocketProblem(QLocalSocket::LocalSocketError code, const QString& qtText)
{
    switch (code) {
    case QLocalSocket::ServerNotFoundError:
        return HttpClient::tr("The socket does not exist.");
    case QLocalSocket::ConnectionRefusedError:
        return HttpClient::tr("Nothing is listening on the socket.");
    case QLocalSocket::SocketAccessError:
        return HttpClient::tr("Permission denied; the socket may need membership of its group "
                              "(for Docker: docker).");
    default:
        return qtText;
    }
}

} // namespace

HttpRequest HttpRequest::get(const QByteArray& target)
{
    HttpRequest request;
    request.target = target;
    return request;
}

HttpRequest HttpRequest::post(const QByteArray& target, const QByteArray& jsonBody)
{
    HttpRequest request;
    request.method = "POST";
    request.target = target;
    request.body = jsonBody;
    if (!jsonBody.isEmpty())
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return request;
}

HttpReply::HttpReply(QIODevice* device, const HttpRequest& request, Mode mode, qint64 maxBody,
                     QObject* parent)
    : QObject(parent)
    , m_device(device)
    , m_mode(mode)
    , m_maxBody(maxBody)
{
    m_request = request.method + ' ' + request.target + " HTTP/1.1\r\n";
    bool hasHost = false;
    for (const auto& [name, value] : request.headers) {
        m_request += name + ": " + value + "\r\n";
        hasHost = hasHost || name.compare("Host", Qt::CaseInsensitive) == 0;
    }
    if (!hasHost)
        m_request += "Host: docker\r\n";
    m_request += "User-Agent: SandboxDesk/" SANDBOXDESK_VERSION "\r\n";
    if (mode == Mode::Upgrade)
        m_request += "Connection: Upgrade\r\nUpgrade: tcp\r\n";
    else
        m_request += "Connection: close\r\n";
    if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT")
        m_request += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    m_request += "\r\n";
    m_request += request.body;
    m_parser.setHeadRequest(request.method == "HEAD");

    m_parser.onHeaders = [this] {
        m_headersDone = true;
        Q_EMIT headersReceived();
        if (m_mode == Mode::Upgrade && m_parser.status() != 101 && m_parser.status() < 300)
            failWith(Error::make(Error::Protocol, tr("The engine did not switch protocols.")));
    };
    m_parser.onBody = [this](const QByteArray& data) {
        if (m_mode == Mode::Streaming && m_parser.status() < 300) {
            Q_EMIT dataReceived(data);
            return;
        }
        if (m_body.size() + data.size() > m_maxBody) {
            failWith(Error::make(Error::Protocol, tr("The response is too large."),
                                 QString::number(m_parser.status())));
            return;
        }
        m_body.append(data);
    };
    m_parser.onDone = [this] {
        finishOnce();
    };
}

HttpReply::~HttpReply()
{
    if (!m_device || m_upgraded)
        return;
    m_device->disconnect(this);
    // A stdio transport is a child process, which may take a while to exit: never wait for it.
    if (auto* process = qobject_cast<QProcess*>(m_device))
        ConnectionReaper::instance()->reap(process);
}

void HttpReply::armTimer(int connectTimeoutMs, int requestTimeoutMs)
{
    m_requestTimeoutMs = requestTimeoutMs;
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HttpReply::onTimedOut);
    if (connectTimeoutMs > 0)
        m_timer->start(connectTimeoutMs);
}

void HttpReply::waitForBytes()
{
    if (!m_timer || m_finished)
        return;
    // A stream may rightly stay silent once it has begun; a complete answer may not.
    const bool expectingMore =
        m_mode == Mode::Buffered || !m_headersDone || m_parser.status() >= 300;
    if (expectingMore && m_requestTimeoutMs > 0)
        m_timer->start(m_requestTimeoutMs);
    else
        m_timer->stop();
}

void HttpReply::onTimedOut()
{
    if (m_finished)
        return;
    if (!m_connected) {
        const int seconds = secondsIn(int(m_timer->interval()));
        failWith(Error::make(
            Error::Timeout,
            tr("The engine at %1 did not accept the connection within %n s.", nullptr, seconds)
                .arg(m_peer)));
        return;
    }
    const int seconds = secondsIn(m_requestTimeoutMs);
    failWith(Error::make(
        Error::Timeout,
        m_gotBytes
            ? tr("The engine stopped sending in the middle of a response (nothing for %n s).",
                 nullptr, seconds)
            : tr("The engine did not answer within %n s.", nullptr, seconds)));
}

void HttpReply::onConnected()
{
    if (m_finished)
        return;
    m_connected = true;
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device))
        enableKeepAlive(socket);
    m_device->write(m_request);
    m_request.clear();
    waitForBytes();
}

void HttpReply::onReadyRead()
{
    if (m_finished || m_upgraded)
        return;
    const QByteArray bytes = m_device->readAll();
    m_gotBytes = m_gotBytes || !bytes.isEmpty();
    process(bytes);
    waitForBytes();
}

void HttpReply::process(const QByteArray& bytes)
{
    const QByteArray rest = m_parser.feed(bytes);
    if (m_finished)
        return;
    if (m_parser.isFailed()) {
        failWith(Error::make(Error::Protocol, tr("The engine sent a malformed response (%1).")
                                                  .arg(QString::fromLatin1(m_parser.errorText()))));
        return;
    }
    if (m_parser.state() == HttpResponseParser::State::Upgraded) {
        if (m_mode != Mode::Upgrade) {
            failWith(Error::make(Error::Protocol, tr("Unexpected protocol switch.")));
            return;
        }
        m_leftover = rest;
        m_upgraded = true;
        m_device->disconnect(this);
        Q_EMIT upgraded();
        finishOnce();
    }
}

void HttpReply::onClosed()
{
    if (m_finished || m_upgraded)
        return;
    if (m_device->bytesAvailable() > 0)
        process(m_device->readAll());
    if (m_finished)
        return;
    m_parser.finishInput();
    if (m_parser.isFailed()) {
        const bool nothing = m_parser.status() == 0;
        failWith(Error::make(Error::Connection,
                             nothing ? tr("The connection closed before the engine answered.")
                                     : tr("The connection closed in the middle of a response."),
                             {}, QString::fromLatin1(m_parser.errorText())));
    }
}

void HttpReply::failWith(const Error& error)
{
    if (m_finished)
        return;
    m_error = error;
    finishOnce();
}

void HttpReply::finishOnce()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timer)
        m_timer->stop();
    if (!m_upgraded && m_device) {
        m_device->disconnect(this);
        // QProcess::close() waits for the process to exit; the reaper does not.
        if (auto* process = qobject_cast<QProcess*>(m_device)) {
            ConnectionReaper::instance()->reap(process);
            m_device = nullptr;
        } else {
            m_device->close();
        }
    }
    Q_EMIT finished();
}

void HttpReply::abort()
{
    failWith(Error::make(Error::Cancelled, tr("Cancelled.")));
}

QIODevice* HttpReply::takeConnection(QByteArray* leftover)
{
    if (!m_upgraded || !m_device)
        return nullptr;
    if (leftover)
        *leftover = m_leftover;
    QIODevice* device = m_device;
    m_device = nullptr;
    device->setParent(nullptr);
    return device;
}

HttpClient::HttpClient(const Endpoint& endpoint, QObject* parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{}

HttpReply* HttpClient::send(const HttpRequest& request, HttpReply::Mode mode)
{
    HttpRequest withHost = request;
    withHost.headers.prepend(qMakePair(QByteArray("Host"), m_endpoint.hostHeader()));

    auto* reply = new HttpReply(nullptr, withHost, mode, m_maxBufferedBody, this);
    reply->m_peer = m_endpoint.url;
    if (m_endpoint.kind != Endpoint::Kind::Invalid)
        reply->armTimer(m_connectTimeoutMs,
                        request.timeoutMs == 0 ? m_requestTimeoutMs : request.timeoutMs);
    const auto connectionError = [reply, this](const QString& detail) {
        reply->failWith(Error::make(Error::Connection,
                                    tr("Cannot reach the engine at %1.").arg(m_endpoint.url), {},
                                    detail));
    };

    switch (m_endpoint.kind) {
    case Endpoint::Kind::Unix: {
        auto* socket = new QLocalSocket(reply);
        reply->m_device = socket;
        connect(socket, &QLocalSocket::connected, reply, &HttpReply::onConnected);
        connect(socket, &QLocalSocket::readyRead, reply, &HttpReply::onReadyRead);
        connect(socket, &QLocalSocket::disconnected, reply, &HttpReply::onClosed);
        connect(socket, &QLocalSocket::errorOccurred, reply,
                [reply, socket, connectionError](QLocalSocket::LocalSocketError code) {
                    if (code == QLocalSocket::PeerClosedError || reply->m_parser.status() != 0)
                        reply->onClosed();
                    else
                        connectionError(localSocketProblem(code, socket->errorString()));
                });
        const QString path = m_endpoint.socketPath;
        // Started from the event loop so that a failure reaches slots connected after send().
        QMetaObject::invokeMethod(
            socket, [socket, path] { socket->connectToServer(path); }, Qt::QueuedConnection);
        break;
    }
    case Endpoint::Kind::Tcp: {
        QTcpSocket* socket = nullptr;
        if (m_endpoint.tls) {
            auto* ssl = new QSslSocket(reply);
            QSslConfiguration config = ssl->sslConfiguration();
            if (!m_endpoint.caFile.isEmpty())
                config.setCaCertificates(QSslCertificate::fromPath(m_endpoint.caFile));
            if (!m_endpoint.certFile.isEmpty()) {
                const auto certs = QSslCertificate::fromPath(m_endpoint.certFile);
                if (!certs.isEmpty())
                    config.setLocalCertificate(certs.first());
            }
            if (!m_endpoint.keyFile.isEmpty()) {
                QFile keyFile(m_endpoint.keyFile);
                if (keyFile.open(QIODevice::ReadOnly)) {
                    const QByteArray pem = keyFile.readAll();
                    QSslKey key(pem, QSsl::Rsa);
                    if (key.isNull())
                        key = QSslKey(pem, QSsl::Ec);
                    config.setPrivateKey(key);
                }
            }
            config.setPeerVerifyMode(m_endpoint.verifyPeer ? QSslSocket::VerifyPeer
                                                           : QSslSocket::VerifyNone);
            ssl->setSslConfiguration(config);
            connect(ssl, &QSslSocket::encrypted, reply, &HttpReply::onConnected);
            connect(ssl, &QSslSocket::sslErrors, reply, [connectionError](const auto& errors) {
                connectionError(errors.isEmpty() ? QString() : errors.first().errorString());
            });
            socket = ssl;
            QMetaObject::invokeMethod(
                ssl,
                [ssl, host = m_endpoint.host, port = m_endpoint.port] {
                    ssl->connectToHostEncrypted(host, port);
                },
                Qt::QueuedConnection);
        } else {
            socket = new QTcpSocket(reply);
            connect(socket, &QTcpSocket::connected, reply, &HttpReply::onConnected);
            QMetaObject::invokeMethod(
                socket,
                [socket, host = m_endpoint.host, port = m_endpoint.port] {
                    socket->connectToHost(host, port);
                },
                Qt::QueuedConnection);
        }
        reply->m_device = socket;
        connect(socket, &QTcpSocket::readyRead, reply, &HttpReply::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, reply, &HttpReply::onClosed);
        connect(socket, &QTcpSocket::errorOccurred, reply,
                [reply, socket, connectionError](QAbstractSocket::SocketError code) {
                    if (code == QAbstractSocket::RemoteHostClosedError ||
                        reply->m_parser.status() != 0)
                        reply->onClosed();
                    else
                        connectionError(socket->errorString());
                });
        break;
    }
    case Endpoint::Kind::Process: {
        auto* process = new QProcess(reply);
        reply->m_device = process;
        process->setProgram(m_endpoint.program);
        process->setArguments(m_endpoint.arguments);
        connect(process, &QProcess::started, reply, &HttpReply::onConnected);
        connect(process, &QProcess::readyReadStandardOutput, reply, &HttpReply::onReadyRead);
        connect(process, &QProcess::finished, reply, &HttpReply::onClosed);
        connect(process, &QProcess::errorOccurred, reply,
                [process, connectionError](QProcess::ProcessError code) {
                    if (code == QProcess::FailedToStart)
                        connectionError(process->errorString());
                });
        QMetaObject::invokeMethod(
            process, [process] { process->start(QIODevice::ReadWrite); }, Qt::QueuedConnection);
        break;
    }
    case Endpoint::Kind::Invalid:
        break;
    }
    if (reply->m_device) {
        // A large request body being written counts as progress.
        connect(reply->m_device, &QIODevice::bytesWritten, reply, &HttpReply::waitForBytes);
        return reply;
    }
    QMetaObject::invokeMethod(
        reply, [connectionError] { connectionError(tr("No valid address.")); },
        Qt::QueuedConnection);
    return reply;
}
