#include "ExecdPtySession.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocket>
#include <QtEndian>

namespace {

enum Channel : char
{
    Stdin = 0x00,
    Stdout = 0x01,
    Stderr = 0x02,
    Replay = 0x03,
};

// Input goes in frames of at most this much, so that a large write does not hold the
// connection for other frames.
constexpr qsizetype maxInputFrame = 64 * 1024;
// execd sends 32 KiB of output at a time; anything far larger is not execd.
constexpr qint64 maxMessageBytes = 16 * 1024 * 1024;
// The close code of a session taken over by another client.
constexpr int closeTakenOver = 4001;

} // namespace

ExecdPtySession::ExecdPtySession(const ExecdAddress& address, const QString& sessionId,
                                 const ExecOptions& options, QObject* parent)
    : ExecSession(parent)
    , m_address(address)
    , m_sessionId(sessionId)
    , m_options(options)
{}

ExecdPtySession::~ExecdPtySession()
{
    if (m_socket)
        m_socket->disconnect(this);
}

QByteArray ExecdPtySession::inputFrame(const QByteArray& bytes)
{
    return char(Stdin) + bytes;
}

bool ExecdPtySession::parseOutput(const QByteArray& frame, Stream* stream, QByteArray* bytes)
{
    if (frame.isEmpty())
        return false;
    switch (frame.at(0)) {
    case Stdout:
        *stream = Stream::Stdout;
        *bytes = frame.mid(1);
        return true;
    case Stderr:
        *stream = Stream::Stderr;
        *bytes = frame.mid(1);
        return true;
    case Replay:
        if (frame.size() < 9)
            return false;
        *stream = Stream::Stdout;
        *bytes = frame.mid(9);
        return true;
    default:
        return false;
    }
}

QByteArray ExecdPtySession::resizeFrame(int columns, int rows)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("resize")},
                                     {QStringLiteral("cols"), columns},
                                     {QStringLiteral("rows"), rows}})
        .toJson(QJsonDocument::Compact);
}

void ExecdPtySession::start()
{
    const Endpoint& endpoint = m_address.endpoint;
    QUrl url;
    url.setScheme(endpoint.tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(endpoint.host);
    url.setPort(endpoint.port);
    url.setPath(QString::fromUtf8(m_address.pathPrefix) + QStringLiteral("/pty/") +
                    QString::fromUtf8(QUrl::toPercentEncoding(m_sessionId)) + QStringLiteral("/ws"),
                QUrl::TolerantMode);
    if (!m_options.tty)
        url.setQuery(QStringLiteral("pty=0"));
    QNetworkRequest request(url);
    for (const auto& header : std::as_const(m_address.headers)) {
        // The socket names the host itself.
        if (header.first.compare("Host", Qt::CaseInsensitive) != 0)
            request.setRawHeader(header.first, header.second);
    }

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(maxMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(maxMessageBytes));
    if (endpoint.tls) {
        QSslConfiguration config = m_socket->sslConfiguration();
        if (!endpoint.caFile.isEmpty())
            config.setCaCertificates(QSslCertificate::fromPath(endpoint.caFile));
        config.setPeerVerifyMode(endpoint.verifyPeer ? QSslSocket::VerifyPeer
                                                     : QSslSocket::VerifyNone);
        m_socket->setSslConfiguration(config);
    }
    connect(m_socket, &QWebSocket::disconnected, this, &ExecdPtySession::onDisconnected);
    connect(m_socket, &QWebSocket::bytesWritten, this, &ExecdPtySession::inputWritten);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ExecdPtySession::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ExecdPtySession::onBinary);
    // A connection that never opens may end with an error and no disconnected().
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (!m_ended && !m_connected && m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    m_socket->open(request);
}

void ExecdPtySession::onText(const QString& text)
{
    if (m_ended)
        return;
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QLatin1String("type")).toString();
    if (type == QLatin1String("connected")) {
        if (m_connected)
            return;
        m_connected = true;
        m_mode = frame.value(QLatin1String("mode")).toString();
        // The shell starts at 80x24: tell it the size the session was asked for.
        if (m_options.tty)
            m_socket->sendTextMessage(
                QString::fromUtf8(resizeFrame(m_options.columns, m_options.rows)));
        if (!m_pendingInput.isEmpty())
            sendInput(std::exchange(m_pendingInput, QByteArray()));
        Q_EMIT started();
    } else if (type == QLatin1String("exit")) {
        const QJsonValue code = frame.value(QLatin1String("exit_code"));
        m_ended = true;
        m_socket->close();
        Q_EMIT finished(code.isDouble() ? code.toInt() : -1);
    } else if (type == QLatin1String("error")) {
        const QString code = frame.value(QLatin1String("code")).toString();
        // A frame the server did not understand costs that frame only.
        if (code == QLatin1String("INVALID_FRAME"))
            return;
        end(Error::make(Error::Server, tr("execd stopped the terminal session."), code,
                        frame.value(QLatin1String("error")).toString()));
        m_socket->abort();
    }
    // "pong" and frames of later versions carry nothing the session needs.
}

void ExecdPtySession::onBinary(const QByteArray& frame)
{
    if (m_ended)
        return;
    Stream stream = Stream::Stdout;
    QByteArray bytes;
    if (parseOutput(frame, &stream, &bytes) && !bytes.isEmpty())
        Q_EMIT received(stream, bytes);
}

void ExecdPtySession::onDisconnected()
{
    if (m_ended)
        return;
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    const QString detail = reason.isEmpty() ? m_socket->errorString() : reason;
    if (!m_connected) {
        end(Error::make(Error::Connection, tr("Could not open the terminal session in execd."),
                        QString::number(code), detail));
    } else if (code == closeTakenOver) {
        end(Error::make(Error::Conflict,
                        tr("Another client took over this terminal session; its shell goes on "
                           "there."),
                        QString::number(code), detail));
    } else {
        end(Error::make(Error::Connection,
                        tr("The connection to the terminal session was lost before its shell "
                           "ended."),
                        QString::number(code), detail));
    }
}

void ExecdPtySession::write(const QByteArray& bytes)
{
    if (m_ended || m_stdinClosed || bytes.isEmpty())
        return;
    if (!m_connected)
        m_pendingInput.append(bytes);
    else
        sendInput(bytes);
}

void ExecdPtySession::sendInput(const QByteArray& bytes)
{
    for (qsizetype at = 0; at < bytes.size(); at += maxInputFrame)
        m_socket->sendBinaryMessage(inputFrame(bytes.mid(at, maxInputFrame)));
}

void ExecdPtySession::closeStdin()
{
    // A terminal ends its input with Ctrl-D, behind everything written before.
    if (m_options.tty)
        write(QByteArray(1, '\x04'));
    m_stdinClosed = true;
}

qint64 ExecdPtySession::pendingInput() const
{
    if (!m_connected)
        return m_pendingInput.size();
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void ExecdPtySession::resize(int columns, int rows)
{
    if (columns <= 0 || rows <= 0)
        return;
    m_options.columns = columns;
    m_options.rows = rows;
    if (m_connected && !m_ended && m_options.tty)
        m_socket->sendTextMessage(QString::fromUtf8(resizeFrame(columns, rows)));
}

void ExecdPtySession::close()
{
    m_ended = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ExecdPtySession::end(const Error& error)
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT failed(error);
}
