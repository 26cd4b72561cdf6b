#pragma once

#include <QHash>

#include "sandbox/Backend.h"
#include "sandbox/LogStream.h"

#include <QByteArray>
#include <QPointer>

#include <deque>
#include <functional>

class HttpClient;
class HttpReply;
class QTimer;

// The body of GET /containers/{id}/logs with timestamps=1, cut into the engine's messages:
// 8-byte frames without a TTY, raw bytes with one. Memory stays bounded whatever a frame
// header announces.
class DockerLogParser final
{
public:
    struct Message
    {
        LogStream::Stream stream = LogStream::Stream::Stdout;
        QByteArray bytes;
        qint64 timestamp = 0;
    };
    using Sink = std::function<void(Message&& message)>;

    // The engine cuts lines longer than this into messages of exactly this size.
    static constexpr int EngineLineSplit = 16 * 1024;
    // Frames up to this size are delivered whole; larger ones (no engine sends them) in pieces.
    static constexpr int MaxWholeFrame = 1024 * 1024;

    explicit DockerLogParser(bool tty)
        : m_tty(tty)
    {}

    // False once the input is malformed; error() says why. Messages before it are delivered.
    bool feed(QByteArrayView data, const Sink& sink);
    // The body ended cleanly: a TTY stream's unfinished last message is delivered.
    void finish(const Sink& sink);
    void reset();
    const Error& error() const { return m_error; }

private:
    bool feedFrames(const Sink& sink);
    void feedRaw(bool atEnd, const Sink& sink);
    void deliver(LogStream::Stream stream, QByteArray payload, const Sink& sink);

    bool m_tty;
    QByteArray m_buffer;
    Error m_error;
    qint64 m_lastTimestamp = 0;
    // A frame too large to hold: what of it is still to come, and its stream and timestamp.
    qint64 m_streamingLeft = 0;
    bool m_streamingStarted = false;
    LogStream::Stream m_streamingStream = LogStream::Stream::Stdout;
};

// Decides which messages of a re-opened stream were delivered before. The engine's `since`
// is inclusive, so the messages at the last timestamp seen come again; as many of them as
// were delivered are dropped.
class LogResumeFilter final
{
public:
    // The engine copies stdout and stderr separately, so a line can arrive after one with a
    // later time. Resuming from the newest time less this window, and dropping what was already
    // delivered in it, neither loses nor repeats such lines.
    static constexpr qint64 WindowNs = 2000000000;

    bool accept(qint64 timestamp, LogStream::Stream stream = LogStream::Stream::Stdout,
                const QByteArray& bytes = {});
    // Called when the stream re-opens from since().
    void rewind();
    bool hasSeen() const { return m_seen; }
    qint64 since() const { return qMax<qint64>(1, m_newest - WindowNs); }

private:
    struct Delivered
    {
        qint64 timestamp;
        size_t key;
    };
    static size_t keyOf(qint64 timestamp, LogStream::Stream stream, const QByteArray& bytes);

    bool m_seen = false;
    qint64 m_newest = 0;
    // In arrival order, pruned to the window below m_newest; counted up only on rewind(), as
    // a burst puts hundreds of thousands of lines in the window.
    std::deque<Delivered> m_recent;
    bool m_catchingUp = false;
    qint64 m_resumeNewest = 0;
    QHash<size_t, int> m_toSkip;
};

class DockerBackend;

class DockerLogStream final : public LogStream
{
    Q_OBJECT
public:
    DockerLogStream(DockerBackend* backend, HttpClient* http, const QString& id,
                    const LogOptions& options);
    ~DockerLogStream() override;

    void stop() override;
    bool isTty() const { return m_tty; }

private:
    void inspect();
    void open();
    void onData(const QByteArray& data);
    void onFinished(HttpReply* reply);
    void wait(const Error& reason);
    void retryLater();
    void onSandboxChanged(const Sandbox& sandbox);
    void onBackendState(Backend::State state);
    void finishWith(const Error& error);

    QPointer<DockerBackend> m_backend;
    QPointer<HttpClient> m_http; // the backend's; it may go first
    QString m_id;
    LogOptions m_options;
    bool m_tty = false;
    bool m_stopped = false;
    bool m_waiting = false;
    bool m_receivedThisTime = false;
    qint64 m_openedAt = 0;
    int m_retryMs = 0;
    DockerLogParser m_parser{false};
    LogResumeFilter m_filter;
    QPointer<HttpReply> m_reply; // a child of the backend's client, which may go first
    QTimer* m_retry = nullptr;
};
