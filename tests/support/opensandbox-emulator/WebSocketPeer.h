#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class HttpExchange;
class QTcpSocket;

// The server side of one WebSocket (RFC 6455) on a socket taken over from an HTTP exchange:
// whole messages in, unmasked single-frame messages out. Reading can be paused, which leaves
// the client's bytes in the socket so that TCP holds the client back.
class WebSocketPeer final : public QObject
{
    Q_OBJECT
public:
    // Answers the handshake of exchange; null (with a 400 sent) when it is not one.
    static WebSocketPeer* accept(HttpExchange* exchange, QObject* parent);

    void sendText(const QByteArray& utf8);
    void sendBinary(const QByteArray& bytes);
    // Sends a close frame and closes the socket once it is written.
    void close(quint16 code, const QByteArray& reason);
    void setPaused(bool paused);
    bool isOpen() const;

    static constexpr qint64 maxMessageBytes = 16 * 1024 * 1024;

Q_SIGNALS:
    void textReceived(const QByteArray& utf8);
    void binaryReceived(const QByteArray& bytes);
    // The client closed the WebSocket or the socket went away.
    void closed();

private:
    WebSocketPeer(QTcpSocket* socket, const QByteArray& alreadyRead, QObject* parent);
    void onReadyRead();
    // Takes one frame off the buffer; false when it is not complete yet.
    bool takeFrame();
    void sendFrame(quint8 opcode, const QByteArray& payload);
    void fail(quint16 code);

    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    QByteArray m_message;
    quint8 m_messageOpcode = 0;
    bool m_paused = false;
    bool m_closing = false;
    bool m_gone = false;
};
