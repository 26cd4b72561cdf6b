#include "WebSocketPeer.h"

#include "HttpServer.h"
#include "Replies.h"

#include <QCryptographicHash>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

namespace {

enum Opcode : quint8
{
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// The client's bytes a paused peer lets the socket hold before TCP pushes back.
constexpr qint64 socketReadBuffer = 256 * 1024;

} // namespace

WebSocketPeer* WebSocketPeer::accept(HttpExchange* exchange, QObject* parent)
{
    const ServerRequest& request = exchange->request();
    const QByteArray key = request.header("sec-websocket-key");
    if (request.method != "GET" || !request.header("upgrade").toLower().contains("websocket") ||
        key.isEmpty() || request.header("sec-websocket-version") != "13") {
        Replies::error(exchange, 400, QStringLiteral("INVALID_REQUEST"),
                       QStringLiteral("a WebSocket handshake is expected here"));
        return nullptr;
    }
    const QByteArray accept = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                       QCryptographicHash::Sha1)
                                  .toBase64();
    QByteArray alreadyRead;
    QTcpSocket* socket = exchange->switchProtocols(
        {{"Upgrade", "websocket"}, {"Connection", "Upgrade"}, {"Sec-WebSocket-Accept", accept}},
        &alreadyRead);
    if (!socket)
        return nullptr;
    return new WebSocketPeer(socket, alreadyRead, parent);
}

WebSocketPeer::WebSocketPeer(QTcpSocket* socket, const QByteArray& alreadyRead, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_buffer(alreadyRead)
{
    socket->setReadBufferSize(socketReadBuffer);
    connect(socket, &QTcpSocket::readyRead, this, &WebSocketPeer::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (!std::exchange(m_gone, true))
            Q_EMIT closed();
    });
    if (!m_buffer.isEmpty())
        QTimer::singleShot(0, this, &WebSocketPeer::onReadyRead);
}

bool WebSocketPeer::isOpen() const
{
    return m_socket && !m_gone && !m_closing;
}

void WebSocketPeer::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused)
        QTimer::singleShot(0, this, &WebSocketPeer::onReadyRead);
}

void WebSocketPeer::onReadyRead()
{
    while (m_socket && !m_paused && !m_gone) {
        // Frame by frame, reading more only when the buffer holds no whole frame.
        if (takeFrame())
            continue;
        if (m_socket->bytesAvailable() == 0)
            return;
        m_buffer += m_socket->read(socketReadBuffer);
    }
}

bool WebSocketPeer::takeFrame()
{
    if (m_buffer.size() < 2)
        return false;
    const auto* bytes = reinterpret_cast<const uchar*>(m_buffer.constData());
    const bool fin = bytes[0] & 0x80;
    const quint8 opcode = bytes[0] & 0x0F;
    const bool masked = bytes[1] & 0x80;
    quint64 length = bytes[1] & 0x7F;
    qsizetype at = 2;
    if (length == 126) {
        if (m_buffer.size() < 4)
            return false;
        length = qFromBigEndian<quint16>(bytes + 2);
        at = 4;
    } else if (length == 127) {
        if (m_buffer.size() < 10)
            return false;
        length = qFromBigEndian<quint64>(bytes + 2);
        at = 10;
    }
    if (!masked || length > quint64(maxMessageBytes)) {
        fail(masked ? 1009 : 1002);
        return false;
    }
    if (m_buffer.size() < at + 4 + qsizetype(length))
        return false;
    const uchar* mask = bytes + at;
    QByteArray payload = m_buffer.mid(at + 4, qsizetype(length));
    char* data = payload.data();
    for (qsizetype i = 0; i < payload.size(); ++i)
        data[i] = char(data[i] ^ mask[i % 4]);
    m_buffer.remove(0, at + 4 + qsizetype(length));

    switch (opcode) {
    case Ping:
        sendFrame(Pong, payload);
        return true;
    case Pong:
        return true;
    case Close:
        if (!m_closing)
            close(1000, {});
        if (!std::exchange(m_gone, true))
            Q_EMIT closed();
        return false;
    case Continuation:
        if (m_messageOpcode == 0) {
            fail(1002);
            return false;
        }
        break;
    case Text:
    case Binary:
        if (m_messageOpcode != 0) {
            fail(1002);
            return false;
        }
        m_messageOpcode = opcode;
        break;
    default:
        fail(1002);
        return false;
    }
    if (m_message.size() + payload.size() > maxMessageBytes) {
        fail(1009);
        return false;
    }
    m_message += payload;
    if (!fin)
        return true;
    const quint8 type = std::exchange(m_messageOpcode, 0);
    const QByteArray message = std::exchange(m_message, QByteArray());
    if (type == Text)
        Q_EMIT textReceived(message);
    else
        Q_EMIT binaryReceived(message);
    return true;
}

void WebSocketPeer::sendFrame(quint8 opcode, const QByteArray& payload)
{
    if (!m_socket || m_gone)
        return;
    QByteArray head(1, char(0x80 | opcode));
    const qsizetype size = payload.size();
    if (size < 126) {
        head += char(size);
    } else if (size < 65536) {
        head += char(126);
        head += char(size >> 8);
        head += char(size & 0xFF);
    } else {
        head += char(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            head += char((quint64(size) >> shift) & 0xFF);
    }
    m_socket->write(head + payload);
}

void WebSocketPeer::sendText(const QByteArray& utf8)
{
    if (isOpen())
        sendFrame(Text, utf8);
}

void WebSocketPeer::sendBinary(const QByteArray& bytes)
{
    if (isOpen())
        sendFrame(Binary, bytes);
}

void WebSocketPeer::close(quint16 code, const QByteArray& reason)
{
    if (m_closing || !m_socket || m_gone)
        return;
    m_closing = true;
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian<quint16>(code, payload.data());
    sendFrame(Close, payload + reason.left(123));
    m_socket->disconnectFromHost();
}

void WebSocketPeer::fail(quint16 code)
{
    close(code, {});
    if (!std::exchange(m_gone, true))
        Q_EMIT closed();
}
