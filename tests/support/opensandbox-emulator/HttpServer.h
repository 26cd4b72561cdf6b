#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct ServerRequest
{
    QByteArray method;
    QByteArray path; // percent-decoded
    QByteArray query;
    HeaderList headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray& lowerName) const;
    // Every value of a query parameter, decoded ("+" is a space), in order.
    QStringList queryValues(const QString& name) const;
    QString queryValue(const QString& name) const { return queryValues(name).value(0); }
    bool hasQuery(const QString& name) const { return !queryValues(name).isEmpty(); }
};

// One request and its answer: either send() once, or beginStream(), writeChunk()… endStream()
// (chunked transfer encoding, as servers stream SSE). Owned by its connection.
class HttpExchange final : public QObject
{
    Q_OBJECT
public:
    const ServerRequest& request() const { return m_request; }
    // A header every answer to this request carries (X-Request-ID).
    void addResponseHeader(const QByteArray& name, const QByteArray& value)
    {
        m_extraHeaders.append({name, value});
    }

    void send(int status, const QByteArray& body,
              const QByteArray& contentType = "application/json", const HeaderList& headers = {});
    void beginStream(int status, const QByteArray& contentType, const HeaderList& headers = {});
    void writeChunk(const QByteArray& data);
    void endStream();
    // Cuts the connection without ending the response (fault injection).
    void drop();
    // Answers 101 Switching Protocols with these headers and hands over the socket, with the
    // bytes read past the request in *alreadyRead: its connection reads no more requests from
    // it. Null when the client has gone.
    QTcpSocket* switchProtocols(const HeaderList& headers, QByteArray* alreadyRead);
    bool isAnswered() const { return m_answered; }

Q_SIGNALS:
    // The client went away before the answer was complete.
    void clientGone();
    void finished();

private:
    friend class HttpConnection;
    HttpExchange(QTcpSocket* socket, ServerRequest request, QObject* parent);
    QByteArray head(int status, const QByteArray& contentType, const HeaderList& headers,
                    const QByteArray& lengthHeader) const;

    QPointer<QTcpSocket> m_socket;
    std::function<QByteArray()> m_release; // the connection lets go of the socket
    ServerRequest m_request;
    HeaderList m_extraHeaders;
    bool m_keepAlive = true;
    bool m_answered = false;
    bool m_streaming = false;
    bool m_done = false;
};

// A small HTTP/1.1 server on loopback: Content-Length and chunked request bodies, keep-alive,
// one request at a time per connection.
class HttpServer final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(HttpExchange*)>;

    explicit HttpServer(Handler handler, QObject* parent = nullptr);

    bool listen(const QHostAddress& address, quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }
    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }

private:
    void onNewConnection();

    QTcpServer m_server;
    Handler m_handler;
    qint64 m_maxBody = 512LL * 1024 * 1024;
};

QByteArray statusText(int status);
