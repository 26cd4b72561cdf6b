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

namespace {

// What a streaming reply's connection holds unread while the reply is paused.
constexpr qint64 StreamingReadBuffer = 1024 * 1024;

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
    if (request.bodyDevice)
        m_request += "Transfer-Encoding: chunked\r\n";
    else if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT")
        m_request += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    m_request += "\r\n";
    m_request += request.body;
    m_parser.setHeadRequest(request.method == "HEAD");
    m_bodyDevice = request.bodyDevice;

    m_parser.onHeaders = [this] {
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

void HttpReply::onConnected()
{
    if (m_finished)
        return;
    m_device->write(m_request);
    m_request.clear();
    if (!m_bodyDevice)
        return;
    connect(m_bodyDevice, &QIODevice::readyRead, this, &HttpReply::sendBody);
    connect(m_bodyDevice, &QIODevice::readChannelFinished, this, &HttpReply::sendBody);
    connect(m_device, &QIODevice::bytesWritten, this, &HttpReply::sendBody);
    sendBody();
}

void HttpReply::sendBody()
{
    constexpr qint64 MaxQueued = 1024 * 1024;
    if (m_finished || m_bodySent || !m_device)
        return;
    if (!m_bodyDevice) {
        failWith(Error::make(Error::Cancelled, tr("Cancelled.")));
        return;
    }
    // Only as much as the connection takes: the body's producer waits meanwhile.
    while (m_device->bytesToWrite() < MaxQueued) {
        const QByteArray piece = m_bodyDevice->read(256 * 1024);
        if (piece.isEmpty())
            break;
        m_device->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
    }
    const bool ended = m_bodyDevice->isSequential()
                           ? !m_bodyDevice->isOpen() || m_bodyDevice->atEnd()
                           : m_bodyDevice->atEnd();
    if (ended && m_bodyDevice->bytesAvailable() == 0) {
        m_bodySent = true;
        m_device->write("0\r\n\r\n");
    }
}

void HttpReply::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused)
        QMetaObject::invokeMethod(
            this,
            [this] {
                onReadyRead();
                if (m_closedWhilePaused && !m_paused)
                    onClosed();
            },
            Qt::QueuedConnection);
}

void HttpReply::onReadyRead()
{
    if (m_finished || m_upgraded || !m_device)
        return;
    if (m_paused)
        return;
    process(m_device->readAll());
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
    // A paused reply reads the rest when resumed, before the end is taken as such.
    if (m_paused && m_device->bytesAvailable() > 0) {
        m_closedWhilePaused = true;
        return;
    }
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
    const auto connectionError = [reply, this](const QString& detail) {
        reply->failWith(Error::make(Error::Connection,
                                    tr("Cannot reach the engine at %1.").arg(m_endpoint.url), {},
                                    detail));
    };

    switch (m_endpoint.kind) {
    case Endpoint::Kind::Unix: {
        auto* socket = new QLocalSocket(reply);
        if (mode == HttpReply::Mode::Streaming)
            socket->setReadBufferSize(StreamingReadBuffer);
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
        if (mode == HttpReply::Mode::Streaming)
            socket->setReadBufferSize(StreamingReadBuffer);
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
        QMetaObject::invokeMethod(
            reply, [connectionError] { connectionError(tr("No valid address.")); },
            Qt::QueuedConnection);
        break;
    }
    return reply;
}
