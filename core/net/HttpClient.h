#pragma once

#include "Endpoint.h"
#include "HttpResponseParser.h"
#include "sandbox/Error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <QIODevice>

class HttpClient;
class QTimer;
class SshMultiplexer;

struct HttpRequest
{
    QByteArray method = "GET";
    QByteArray target = "/"; // path and query, already encoded
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // A body read from this device as it comes, sent chunked; instead of body. Not owned.
    QIODevice* bodyDevice = nullptr;
    // The longest wait for a byte before the response is whole (streams: before its headers);
    // 0 takes the client's default, a negative value waits without limit.
    int timeoutMs = 0;

    static HttpRequest get(const QByteArray& target);
    static HttpRequest post(const QByteArray& target, const QByteArray& jsonBody = {});
};

// One request. Buffered replies collect the body (bounded) on a connection of the client's
// pool; streaming replies hand each piece on through dataReceived(); an upgrade hands over
// the connection. Streams and upgrades have a connection of their own.
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
    // Streaming replies: while paused nothing more is read from the connection, whose buffer
    // is bounded, so the sender waits.
    void setPaused(bool paused);
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
    HttpReply(HttpClient* client, const HttpRequest& request, Mode mode, qint64 maxBody);

    void attach(QIODevice* device, bool reused, int connectTimeoutMs);
    void waitForBytes();
    void onTimedOut();
    void onConnected();
    void onReadyRead();
    void onClosed();
    void failWith(const Error& error);
    void failTooLarge(bool together);
    // Body bytes counted against the client's total while the reply is read.
    void account(qint64 bytes);
    void finishOnce();
    void process(const QByteArray& bytes);
    void sendBody();
    // Gives the connection back to the pool when it can carry another request, else ends it.
    void releaseDevice();

    QPointer<HttpClient> m_client;
    QPointer<QIODevice> m_device; // the client's until the reply ends or is upgraded
    QByteArray m_request;
    bool m_idempotent = false;
    Mode m_mode;
    qint64 m_maxBody;
    HttpResponseParser m_parser;
    QByteArray m_body;
    qint64 m_accounted = 0;
    QByteArray m_leftover;
    Error m_error;
    QString m_peer; // the endpoint as the user wrote it, for messages
    QTimer* m_timer = nullptr;
    int m_requestTimeoutMs = -1;
    bool m_holdsSlot = false; // counts against the pool's bound
    bool m_reused = false;
    bool m_retried = false;
    bool m_connected = false;
    bool m_headersDone = false;
    bool m_gotBytes = false;
    bool m_finished = false;
    bool m_upgraded = false;
    bool m_paused = false;
    bool m_closedWhilePaused = false;
    QPointer<QIODevice> m_bodyDevice;
    bool m_bodySent = false;
};

// Sends requests to one endpoint. Buffered requests share a small pool of kept-alive
// connections (at most maxConnections() at once, the rest wait their turn); the replies are
// children of the client.
class HttpClient final : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(const Endpoint& endpoint, QObject* parent = nullptr);
    ~HttpClient() override;

    static constexpr qint64 DefaultMaxBufferedBody = 64 * 1024 * 1024;
    static constexpr qint64 DefaultMaxBufferedTotal = 128 * 1024 * 1024;

    const Endpoint& endpoint() const { return m_endpoint; }
    // The most one buffered reply may hold, and all of them together while they are read; a
    // reply past either fails with a reason that says so (streams hold nothing).
    void setMaxBufferedBody(qint64 bytes) { m_maxBufferedBody = bytes; }
    qint64 maxBufferedBody() const { return m_maxBufferedBody; }
    void setMaxBufferedTotal(qint64 bytes) { m_maxBufferedTotal = bytes; }
    qint64 maxBufferedTotal() const { return m_maxBufferedTotal; }
    // Body bytes held by the buffered replies not yet finished.
    qint64 bufferedBytes() const { return m_buffered; }
    // Until the connection is open (TLS: encrypted; ssh: started); a negative value: no limit.
    void setConnectTimeoutMs(int ms);
    int connectTimeoutMs() const { return m_connectTimeoutMs; }
    // The default of HttpRequest::timeoutMs.
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    int requestTimeoutMs() const { return m_requestTimeoutMs; }
    void setMaxConnections(int count) { m_maxConnections = qMax(1, count); }
    int maxConnections() const { return m_maxConnections; }
    // Connections (or ssh processes) opened so far, streams included.
    int connectionsOpened() const { return m_opened; }
    int idleConnections() const { return int(m_idle.size()); }
    // ssh:// engines: the logins that carry every connection's ssh session; null otherwise.
    SshMultiplexer* ssh() const { return m_ssh; }

    HttpReply* send(const HttpRequest& request, HttpReply::Mode mode = HttpReply::Mode::Buffered);

private:
    friend class HttpReply;
    struct Idle
    {
        QIODevice* device;
        qint64 since;
    };

    // A new connection for reply, its opening wired to the reply.
    QIODevice* openDevice(HttpReply* reply);
    // The device's signals to the reply, for a new connection or one from the pool.
    void wire(HttpReply* reply, QIODevice* device);
    void connectionFailed(HttpReply* reply, const QString& detail);
    void dispatch(HttpReply* reply);
    void pump();
    void recycle(QIODevice* device);
    void dropIdle(QIODevice* device);
    void sweepIdle();
    void slotFreed();

    Endpoint m_endpoint;
    qint64 m_maxBufferedBody = DefaultMaxBufferedBody;
    qint64 m_maxBufferedTotal = DefaultMaxBufferedTotal;
    qint64 m_buffered = 0;
    int m_connectTimeoutMs = 10000;
    int m_requestTimeoutMs = 60000;
    int m_maxConnections = 4;
    int m_busy = 0;
    int m_opened = 0;
    QList<Idle> m_idle;
    QList<QPointer<HttpReply>> m_waiting;
    QTimer* m_sweep = nullptr;
    SshMultiplexer* m_ssh = nullptr;
};
