#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>

// An incremental HTTP/1.1 response parser with fixed bounds, fed whatever bytes arrive.
// Hostile input ends in error(), never in unbounded memory: headers and chunk-size lines are
// capped, and the body is handed on as it arrives rather than collected here.
class HttpResponseParser
{
public:
    enum class State
    {
        StatusLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done,
        Upgraded,
        Failed
    };

    static constexpr int MaxLineBytes = 16 * 1024;
    static constexpr int MaxHeaderBytes = 64 * 1024;
    static constexpr int MaxHeaderCount = 128;

    std::function<void()> onHeaders;
    std::function<void(const QByteArray&)> onBody;
    std::function<void()> onDone;

    // HEAD responses and 1xx/204/304 carry no body whatever their headers say.
    void setHeadRequest(bool head) { m_head = head; }

    // Returns the bytes not consumed: after an upgrade (101), what follows the headers
    // belongs to the upgraded stream.
    QByteArray feed(const QByteArray& data);
    // The peer closed: completes a read-until-close body, else fails as truncated.
    void finishInput();

    State state() const { return m_state; }
    bool isFailed() const { return m_state == State::Failed; }
    const QByteArray& errorText() const { return m_error; }

    // Once Done: whether the connection may carry another request (HTTP/1.1, a body with
    // known length, no "Connection: close").
    bool keepsConnection() const;

    int status() const { return m_status; }
    const QByteArray& reason() const { return m_reason; }
    const QList<QPair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    QByteArray header(const QByteArray& name) const; // case-insensitive; first match

private:
    bool takeLine(QByteArray* line, int limit);
    // Hands on what the buffer holds of the current body or chunk; true once it is all there.
    // A chunk's bytes are gathered and handed on together at the end of feed(), so that a read
    // holding many small chunks (the engine writes 32 KiB ones) makes one onBody call.
    bool handOnBody(bool gather);
    void flushBody();
    bool parseStatusLine(const QByteArray& line);
    bool parseHeaderLine(const QByteArray& line);
    void headersComplete();
    void fail(const char* why);
    void done();

    State m_state = State::StatusLine;
    QByteArray m_buffer;
    int m_headerBytes = 0;
    int m_status = 0;
    QByteArray m_reason;
    QByteArray m_error;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    bool m_head = false;
    bool m_untilClose = false;
    bool m_http11 = false;
    qint64 m_remaining = 0;
    QByteArray m_gathered;
};
