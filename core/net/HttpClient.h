#pragma once

#include "Endpoint.h"
#include "HttpResponseParser.h"
#include "sandbox/Error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

class QIODevice;
class QTimer;

struct HttpRequest
{
    QByteArray method = "GET";
    QByteArray target = "/"; // path and query, already encoded
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // The longest wait for a byte before the response is whole (streams: before its headers);
    // 0 takes the client's default, a negative value waits without limit.
    int timeoutMs = 0;

    static HttpRequest get(const QByteArray& target);
    static HttpRequest post(const QByteArray& target, const QByteArray& jsonBody = {});
};

// One request on its own connection. Buffered replies collect the body (bounded); streaming
// replies hand each piece on through dataReceived(); an upgrade hands over the connection.
class HttpReply final : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Buffered,
        Streaming,
        Upgrade
    };

    ~HttpReply() override;

    Mode mode() const { return m_mode; }
    bool isFinished() const { return m_finished; }
    const Error& error() const { return m_error; }
    int status() const { return m_parser.status(); }
    QByteArray header(const QByteArray& name) const { return m_parser.header(name); }
    const QByteArray& body() const { return m_body; }

    void abort();
    // After upgraded(): the raw connection, now owned by the caller, with any bytes that came
    // behind the response headers in leftover.
    QIODevice* takeConnection(QByteArray* leftover);

Q_SIGNALS:
    void headersReceived();
    void dataReceived(const QByteArray& data);
    void upgraded();
    void finished();

private:
    friend class HttpClient;
    HttpReply(QIODevice* device, const HttpRequest& request, Mode mode, qint64 maxBody,
              QObject* parent);

    void armTimer(int connectTimeoutMs, int requestTimeoutMs);
    void waitForBytes();
    void onTimedOut();

    void onConnected();
    void onReadyRead();
    void onClosed();
    void failWith(const Error& error);
    void finishOnce();
    void process(const QByteArray& bytes);

    QIODevice* m_device = nullptr;
    QByteArray m_request;
    Mode m_mode;
    qint64 m_maxBody;
    HttpResponseParser m_parser;
    QByteArray m_body;
    QByteArray m_leftover;
    Error m_error;
    QString m_peer; // the endpoint as the user wrote it, for messages
    QTimer* m_timer = nullptr;
    int m_requestTimeoutMs = -1;
    bool m_connected = false;
    bool m_headersDone = false;
    bool m_gotBytes = false;
    bool m_finished = false;
    bool m_upgraded = false;
};

// Opens a fresh connection to the endpoint for every request; the replies are children of
// the client.
class HttpClient final : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(const Endpoint& endpoint, QObject* parent = nullptr);

    const Endpoint& endpoint() const { return m_endpoint; }
    void setMaxBufferedBody(qint64 bytes) { m_maxBufferedBody = bytes; }
    // Until the connection is open (TLS: encrypted; ssh: started); a negative value: no limit.
    void setConnectTimeoutMs(int ms) { m_connectTimeoutMs = ms; }
    int connectTimeoutMs() const { return m_connectTimeoutMs; }
    // The default of HttpRequest::timeoutMs.
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    int requestTimeoutMs() const { return m_requestTimeoutMs; }

    HttpReply* send(const HttpRequest& request, HttpReply::Mode mode = HttpReply::Mode::Buffered);

private:
    QIODevice* openDevice(QObject* parent);

    Endpoint m_endpoint;
    qint64 m_maxBufferedBody = 256 * 1024 * 1024;
    int m_connectTimeoutMs = 10000;
    int m_requestTimeoutMs = 60000;
};
