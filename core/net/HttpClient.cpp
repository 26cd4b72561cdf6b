#include "HttpClient.h"

#include "ConnectionReaper.h"
#include "SshMultiplexer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <limits>

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

// What a streaming reply's connection holds unread while the reply is paused.
constexpr qint64 StreamingReadBuffer = 1024 * 1024;

// Kept-alive connections idle this long are closed: peers close theirs sooner or later, and
// an idle ssh process is a login held open.
constexpr int MaxIdleMs = 30000;
constexpr int IdleSweepMs = 5000;

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

HttpReply::HttpReply(HttpClient* client, const HttpRequest& request, Mode mode, qint64 maxBody)
    : QObject(client)
    , m_client(client)
    , m_idempotent(request.method == "GET" || request.method == "HEAD")
    , m_mode(mode)
    , m_maxBody(maxBody)
    , m_peer(client->endpoint().url)
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
    else if (mode == Mode::Streaming)
        m_request += "Connection: close\r\n";
    if (request.bodyDevice)
        m_request += "Transfer-Encoding: chunked\r\n";
    else if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT")
        m_request += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    m_request += "\r\n";
    m_request += request.body;
    m_parser.setHeadRequest(request.method == "HEAD");
    m_bodyDevice = request.bodyDevice;

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HttpReply::onTimedOut);
    const int timeoutMs = request.timeoutMs == 0 ? client->requestTimeoutMs() : request.timeoutMs;
    m_requestTimeoutMs = timeoutMs;

    m_parser.onHeaders = [this] {
        m_headersDone = true;
        // A declared length past the limit is refused before a byte of it is read.
        bool known = false;
        const qint64 length = m_parser.header("Content-Length").trimmed().toLongLong(&known);
        const bool buffering =
            m_mode == Mode::Buffered || (m_mode == Mode::Streaming && m_parser.status() >= 300);
        if (buffering && known && length > m_maxBody) {
            failTooLarge(false);
            return;
        }
        Q_EMIT headersReceived();
        if (m_mode == Mode::Upgrade && m_parser.status() != 101 && m_parser.status() < 300)
            failWith(Error::make(Error::Protocol, tr("The engine did not switch protocols.")));
    };
    m_parser.onBody = [this](const QByteArray& data) {
        if (m_finished)
            return;
        if (m_mode == Mode::Streaming && m_parser.status() < 300) {
            Q_EMIT dataReceived(data);
            return;
        }
        if (m_body.size() + data.size() > m_maxBody) {
            failTooLarge(false);
            return;
        }
        if (m_client && m_client->m_buffered + data.size() > m_client->m_maxBufferedTotal) {
            failTooLarge(true);
            return;
        }
        m_body.append(data);
        account(data.size());
    };
    m_parser.onDone = [this] {
        finishOnce();
    };
}

HttpReply::~HttpReply()
{
    account(-m_accounted);
    if (m_device) {
        m_device->disconnect(this);
        // A stdio transport is a child process, which may take a while to exit: never wait.
        ConnectionReaper::instance()->reap(m_device);
    }
    if (m_holdsSlot && m_client)
        QMetaObject::invokeMethod(m_client.data(), &HttpClient::slotFreed, Qt::QueuedConnection);
}

void HttpReply::attach(QIODevice* device, bool reused, int connectTimeoutMs)
{
    m_device = device;
    m_reused = reused;
    if (reused) {
        // Not from here: send() returns before anything about the reply is told.
        QMetaObject::invokeMethod(this, &HttpReply::onConnected, Qt::QueuedConnection);
    } else if (connectTimeoutMs > 0) {
        m_timer->start(connectTimeoutMs);
    }
}

void HttpReply::waitForBytes()
{
    if (m_finished)
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
    if (m_finished || !m_device)
        return;
    m_connected = true;
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device.data()))
        enableKeepAlive(socket);
    // Kept until the answer begins: a kept-alive connection the peer had closed meanwhile
    // gets the request again on a fresh one.
    m_device->write(m_request);
    waitForBytes();
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
    if (m_finished || m_upgraded || !m_device || m_paused)
        return;
    const QByteArray bytes = m_device->readAll();
    if (!bytes.isEmpty() && !m_gotBytes) {
        m_gotBytes = true;
        m_request.clear();
    }
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
    if (m_finished || m_upgraded || !m_device)
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
    if (m_reused && !m_gotBytes && m_idempotent && !m_retried && m_client) {
        // The peer had closed the kept-alive connection before it saw the request.
        m_retried = true;
        m_device->disconnect(this);
        ConnectionReaper::instance()->reap(m_device);
        m_device = nullptr;
        m_connected = false;
        attach(m_client->openDevice(this), false, m_client->connectTimeoutMs());
        return;
    }
    m_parser.finishInput();
    if (m_parser.isFailed()) {
        const bool nothing = m_parser.status() == 0;
        failWith(Error::make(Error::Connection,
                             nothing ? tr("The connection closed before the engine answered.")
                                     : tr("The connection closed in the middle of a response."),
                             {}, QString::fromLatin1(m_parser.errorText())));
    }
}

void HttpReply::account(qint64 bytes)
{
    if (!m_client)
        return;
    m_accounted += bytes;
    m_client->m_buffered += bytes;
}

void HttpReply::failTooLarge(bool together)
{
    const auto mib = [](qint64 bytes) {
        return int(std::min<qint64>(bytes / (1024 * 1024), std::numeric_limits<int>::max()));
    };
    const QString text =
        together
            ? tr("The answers from %1 being read at once would hold more than %2 MiB together; "
                 "this one was stopped.")
                  .arg(m_peer)
                  .arg(mib(m_client ? m_client->m_maxBufferedTotal : 0))
            : tr("The answer from %1 is larger than %2 MiB, the most one request may hold.")
                  .arg(m_peer)
                  .arg(mib(m_maxBody));
    m_body.clear();
    failWith(Error::make(Error::Protocol, text, QString::number(m_parser.status())));
}

void HttpReply::failWith(const Error& error)
{
    if (m_finished)
        return;
    m_error = error;
    finishOnce();
}

void HttpReply::releaseDevice()
{
    QIODevice* device = m_device;
    m_device = nullptr;
    if (m_holdsSlot) {
        m_holdsSlot = false;
        if (m_client)
            QMetaObject::invokeMethod(m_client.data(), &HttpClient::slotFreed,
                                      Qt::QueuedConnection);
    }
    if (!device)
        return;
    device->disconnect(this);
    const auto* process = qobject_cast<QProcess*>(device);
    const bool reusable = m_client && !m_error.isError() && m_mode == Mode::Buffered &&
                          m_parser.keepsConnection() && device->isOpen() &&
                          device->bytesAvailable() == 0 &&
                          (!process || process->state() == QProcess::Running);
    if (reusable)
        m_client->recycle(device);
    else
        ConnectionReaper::instance()->reap(device); // closes without waiting on this thread
}

void HttpReply::finishOnce()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    // Read whole: what it holds is its owner's now, no longer in flight.
    account(-m_accounted);
    if (!m_upgraded)
        releaseDevice();
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
    , m_sweep(new QTimer(this))
{
    m_sweep->setInterval(IdleSweepMs);
    connect(m_sweep, &QTimer::timeout, this, &HttpClient::sweepIdle);
    if (m_endpoint.kind == Endpoint::Kind::Process && !m_endpoint.sshDestination.isEmpty()) {
        m_ssh = new SshMultiplexer(m_endpoint, this);
        m_ssh->setConnectTimeoutMs(m_connectTimeoutMs);
    }
}

void HttpClient::setConnectTimeoutMs(int ms)
{
    m_connectTimeoutMs = ms;
    if (m_ssh)
        m_ssh->setConnectTimeoutMs(ms);
}

HttpClient::~HttpClient()
{
    // Replies first, while the pool they give back to is still whole.
    m_waiting.clear();
    const QList<HttpReply*> replies = findChildren<HttpReply*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(replies);
    for (const Idle& idle : std::as_const(m_idle))
        ConnectionReaper::instance()->reap(idle.device);
    m_idle.clear();
}

HttpReply* HttpClient::send(const HttpRequest& request, HttpReply::Mode mode)
{
    HttpRequest withHost = request;
    withHost.headers.prepend(qMakePair(QByteArray("Host"), m_endpoint.hostHeader()));
    auto* reply = new HttpReply(this, withHost, mode, m_maxBufferedBody);

    if (m_endpoint.kind == Endpoint::Kind::Invalid) {
        QMetaObject::invokeMethod(
            reply,
            [reply] { reply->failWith(Error::make(Error::Connection, tr("No valid address."))); },
            Qt::QueuedConnection);
        return reply;
    }
    if (mode != HttpReply::Mode::Buffered) {
        reply->attach(openDevice(reply), false, m_connectTimeoutMs);
        return reply;
    }
    m_waiting.append(reply);
    pump();
    return reply;
}

void HttpClient::pump()
{
    while (!m_waiting.isEmpty() && (m_busy < m_maxConnections)) {
        HttpReply* reply = m_waiting.takeFirst();
        if (!reply || reply->isFinished())
            continue;
        dispatch(reply);
    }
}

void HttpClient::dispatch(HttpReply* reply)
{
    ++m_busy;
    reply->m_holdsSlot = true;
    while (!m_idle.isEmpty()) {
        QIODevice* device = m_idle.takeLast().device;
        device->disconnect(this);
        const auto* process = qobject_cast<QProcess*>(device);
        if (device->isOpen() && (!process || process->state() == QProcess::Running)) {
            device->setParent(this);
            wire(reply, device);
            reply->attach(device, true, m_connectTimeoutMs);
            return;
        }
        ConnectionReaper::instance()->reap(device);
    }
    reply->attach(openDevice(reply), false, m_connectTimeoutMs);
}

void HttpClient::slotFreed()
{
    m_busy = qMax(0, m_busy - 1);
    pump();
}

void HttpClient::recycle(QIODevice* device)
{
    if (m_idle.size() >= m_maxConnections) {
        ConnectionReaper::instance()->reap(device);
        return;
    }
    device->setParent(this);
    // Anything from an idle connection is its end (or a peer out of step): drop it.
    const auto drop = [this, device] {
        dropIdle(device);
    };
    if (auto* socket = qobject_cast<QAbstractSocket*>(device)) {
        connect(socket, &QAbstractSocket::disconnected, this, drop);
        connect(socket, &QAbstractSocket::errorOccurred, this, drop);
    } else if (auto* local = qobject_cast<QLocalSocket*>(device)) {
        connect(local, &QLocalSocket::disconnected, this, drop);
        connect(local, &QLocalSocket::errorOccurred, this, drop);
    } else if (auto* process = qobject_cast<QProcess*>(device)) {
        connect(process, &QProcess::finished, this, drop);
        connect(process, &QProcess::readyReadStandardOutput, this, drop);
    }
    if (!qobject_cast<QProcess*>(device))
        connect(device, &QIODevice::readyRead, this, drop);
    m_idle.append({device, QDateTime::currentMSecsSinceEpoch()});
    if (!m_sweep->isActive())
        m_sweep->start();
}

void HttpClient::dropIdle(QIODevice* device)
{
    for (qsizetype i = 0; i < m_idle.size(); ++i) {
        if (m_idle.at(i).device == device) {
            m_idle.removeAt(i);
            device->disconnect(this);
            ConnectionReaper::instance()->reap(device);
            break;
        }
    }
    if (m_idle.isEmpty())
        m_sweep->stop();
}

void HttpClient::sweepIdle()
{
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - MaxIdleMs;
    while (!m_idle.isEmpty() && m_idle.first().since < cutoff)
        dropIdle(m_idle.first().device);
    if (m_idle.isEmpty())
        m_sweep->stop();
}

void HttpClient::wire(HttpReply* reply, QIODevice* device)
{
    connect(device, &QIODevice::bytesWritten, reply, &HttpReply::waitForBytes);
    if (auto* local = qobject_cast<QLocalSocket*>(device)) {
        connect(local, &QLocalSocket::readyRead, reply, &HttpReply::onReadyRead);
        connect(local, &QLocalSocket::disconnected, reply, &HttpReply::onClosed);
        connect(local, &QLocalSocket::errorOccurred, reply,
                [this, reply, local](QLocalSocket::LocalSocketError code) {
                    if (code == QLocalSocket::PeerClosedError || reply->m_connected)
                        reply->onClosed();
                    else
                        connectionFailed(reply, localSocketProblem(code, local->errorString()));
                });
    } else if (auto* socket = qobject_cast<QAbstractSocket*>(device)) {
        connect(socket, &QAbstractSocket::readyRead, reply, &HttpReply::onReadyRead);
        connect(socket, &QAbstractSocket::disconnected, reply, &HttpReply::onClosed);
        connect(socket, &QAbstractSocket::errorOccurred, reply,
                [this, reply, socket](QAbstractSocket::SocketError code) {
                    if (code == QAbstractSocket::RemoteHostClosedError || reply->m_connected)
                        reply->onClosed();
                    else
                        connectionFailed(reply, socket->errorString());
                });
    } else if (auto* process = qobject_cast<QProcess*>(device)) {
        connect(process, &QProcess::readyReadStandardOutput, reply, &HttpReply::onReadyRead);
        connect(process, &QProcess::finished, reply, &HttpReply::onClosed);
        connect(process, &QProcess::errorOccurred, reply,
                [this, reply, process](QProcess::ProcessError code) {
                    if (code == QProcess::FailedToStart)
                        connectionFailed(reply, process->errorString());
                });
    }
}

void HttpClient::connectionFailed(HttpReply* reply, const QString& detail)
{
    reply->failWith(Error::make(
        Error::Connection, tr("Cannot reach the engine at %1.").arg(m_endpoint.url), {}, detail));
}

QIODevice* HttpClient::openDevice(HttpReply* reply)
{
    ++m_opened;
    QIODevice* device = nullptr;
    switch (m_endpoint.kind) {
    case Endpoint::Kind::Unix: {
        auto* socket = new QLocalSocket(this);
        if (reply->m_mode == HttpReply::Mode::Streaming)
            socket->setReadBufferSize(StreamingReadBuffer);
        connect(socket, &QLocalSocket::connected, reply, &HttpReply::onConnected);
        const QString path = m_endpoint.socketPath;
        // Started from the event loop so that a failure reaches slots connected after send().
        QMetaObject::invokeMethod(
            socket, [socket, path] { socket->connectToServer(path); }, Qt::QueuedConnection);
        device = socket;
        break;
    }
    case Endpoint::Kind::Tcp: {
        if (m_endpoint.tls) {
            auto* ssl = new QSslSocket(this);
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
            if (reply->m_mode == HttpReply::Mode::Streaming)
                ssl->setReadBufferSize(StreamingReadBuffer);
            connect(ssl, &QSslSocket::encrypted, reply, &HttpReply::onConnected);
            connect(ssl, &QSslSocket::sslErrors, reply, [this, reply](const auto& errors) {
                connectionFailed(reply,
                                 errors.isEmpty() ? QString() : errors.first().errorString());
            });
            QMetaObject::invokeMethod(
                ssl,
                [ssl, host = m_endpoint.host, port = m_endpoint.port] {
                    ssl->connectToHostEncrypted(host, port);
                },
                Qt::QueuedConnection);
            device = ssl;
        } else {
            auto* socket = new QTcpSocket(this);
            if (reply->m_mode == HttpReply::Mode::Streaming)
                socket->setReadBufferSize(StreamingReadBuffer);
            connect(socket, &QTcpSocket::connected, reply, &HttpReply::onConnected);
            QMetaObject::invokeMethod(
                socket,
                [socket, host = m_endpoint.host, port = m_endpoint.port] {
                    socket->connectToHost(host, port);
                },
                Qt::QueuedConnection);
            device = socket;
        }
        break;
    }
    case Endpoint::Kind::Process: {
        if (m_ssh) {
            // A session of the engine's shared login, started once the login has room.
            SshSession* session = m_ssh->open(this);
            connect(session, &QProcess::started, reply, &HttpReply::onConnected);
            connect(session, &SshSession::refused, reply,
                    [this, reply](const QString& reason) { connectionFailed(reply, reason); });
            device = session;
            break;
        }
        auto* process = new QProcess(this);
        process->setProgram(m_endpoint.program);
        process->setArguments(m_endpoint.arguments);
        connect(process, &QProcess::started, reply, &HttpReply::onConnected);
        QMetaObject::invokeMethod(
            process, [process] { process->start(QIODevice::ReadWrite); }, Qt::QueuedConnection);
        device = process;
        break;
    }
    case Endpoint::Kind::Invalid:
        Q_UNREACHABLE();
    }
    wire(reply, device);
    return device;
}
