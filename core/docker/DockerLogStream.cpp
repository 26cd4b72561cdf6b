#include "DockerLogStream.h"

#include "DockerBackend.h"
#include "net/HttpClient.h"
#include "sandbox/CheckedNumbers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <cstring>

namespace {

constexpr int HeaderSize = 8;
constexpr int FirstRetryMs = 250;
constexpr int MaxRetryMs = 5000;
// An RFC 3339 timestamp with an offset and nine digits, and its space, fit in this.
constexpr int MaxTimestampPrefix = 40;

qint64 nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000;
}

} // namespace

bool DockerLogParser::feed(QByteArrayView data, const Sink& sink)
{
    if (m_error.isError())
        return false;
    m_buffer.append(data.data(), data.size());
    if (m_tty) {
        feedRaw(false, sink);
        return true;
    }
    return feedFrames(sink);
}

void DockerLogParser::finish(const Sink& sink)
{
    if (m_tty && !m_error.isError())
        feedRaw(true, sink);
}

void DockerLogParser::reset()
{
    m_buffer.clear();
    m_error = {};
    m_streamingLeft = 0;
    m_streamingStarted = false;
}

void DockerLogParser::deliver(LogStream::Stream stream, QByteArray payload, const Sink& sink)
{
    qint64 timestamp = 0;
    const qsizetype used =
        LogStream::parseTimestamp(payload.constData(), payload.size(), &timestamp);
    if (used > 0 && used < payload.size() && payload.at(used) == ' ') {
        payload.remove(0, used + 1);
        m_lastTimestamp = timestamp;
    } else {
        timestamp = m_lastTimestamp;
    }
    sink(Message{stream, std::move(payload), timestamp});
}

bool DockerLogParser::feedFrames(const Sink& sink)
{
    qsizetype at = 0;
    const auto failWith = [&](const Error& error) {
        m_buffer.remove(0, at);
        m_error = error;
        return false;
    };
    for (;;) {
        const qsizetype available = m_buffer.size() - at;
        if (m_streamingLeft > 0) {
            if (!m_streamingStarted) {
                // The timestamp opens the frame; wait for it before passing pieces on.
                if (available < qMin<qint64>(MaxTimestampPrefix, m_streamingLeft))
                    break;
                m_streamingStarted = true;
                const qsizetype take = qsizetype(qMin<qint64>(MaxTimestampPrefix, m_streamingLeft));
                qint64 timestamp = 0;
                const qsizetype used =
                    LogStream::parseTimestamp(m_buffer.constData() + at, take, &timestamp);
                if (used > 0 && used < take && m_buffer.at(at + used) == ' ') {
                    m_lastTimestamp = timestamp;
                    at += used + 1;
                    m_streamingLeft -= used + 1;
                }
                continue;
            }
            if (available == 0)
                break;
            const qsizetype take = qsizetype(qMin<qint64>(available, m_streamingLeft));
            sink(Message{m_streamingStream, m_buffer.mid(at, take), m_lastTimestamp});
            at += take;
            m_streamingLeft -= take;
            continue;
        }
        if (available < HeaderSize)
            break;
        const auto* header = reinterpret_cast<const uchar*>(m_buffer.constData() + at);
        const quint32 size = quint32(header[4]) << 24 | quint32(header[5]) << 16 |
                             quint32(header[6]) << 8 | quint32(header[7]);
        const uchar type = header[0];
        if (type == 3) {
            // Newer engines report a failure in the stream itself.
            if (available < HeaderSize + qsizetype(qMin<quint32>(size, 4096)))
                break;
            const QString detail = QString::fromUtf8(m_buffer.constData() + at + HeaderSize,
                                                     qMin<quint32>(size, 4096));
            return failWith(
                Error::make(Error::Server,
                            QCoreApplication::translate("DockerLogStream",
                                                        "The engine failed to read the log."),
                            {}, detail));
        }
        if ((type != 1 && type != 2) || header[1] != 0 || header[2] != 0 || header[3] != 0) {
            return failWith(Error::make(
                Error::Protocol,
                QCoreApplication::translate("DockerLogStream",
                                            "The engine sent a log frame of unknown kind (%1).")
                    .arg(type)));
        }
        const auto stream = type == 2 ? LogStream::Stream::Stderr : LogStream::Stream::Stdout;
        if (size > quint32(MaxWholeFrame)) {
            at += HeaderSize;
            m_streamingLeft = size;
            m_streamingStarted = false;
            m_streamingStream = stream;
            continue;
        }
        if (available < HeaderSize + qsizetype(size))
            break;
        deliver(stream, m_buffer.mid(at + HeaderSize, size), sink);
        at += HeaderSize + size;
    }
    m_buffer.remove(0, at);
    return true;
}

void DockerLogParser::feedRaw(bool atEnd, const Sink& sink)
{
    // With a TTY there are no frames: each message is a timestamp, then bytes up to and with
    // '\n', or exactly EngineLineSplit bytes when the engine cut a long line.
    qsizetype at = 0;
    for (;;) {
        const qsizetype available = m_buffer.size() - at;
        if (available == 0)
            break;
        const char* data = m_buffer.constData() + at;
        qint64 timestamp = 0;
        const qsizetype used = LogStream::parseTimestamp(
            data, qMin<qsizetype>(available, MaxTimestampPrefix), &timestamp);
        qsizetype contentStart = 0;
        if (used > 0 && used < available && data[used] == ' ') {
            contentStart = used + 1;
        } else if (available < MaxTimestampPrefix && !atEnd &&
                   !std::memchr(data, '\n', size_t(available))) {
            break; // the timestamp may still be arriving
        }
        const qsizetype contentAvailable = available - contentStart;
        const qsizetype limit = qMin<qsizetype>(contentAvailable, EngineLineSplit);
        const auto* newline =
            static_cast<const char*>(std::memchr(data + contentStart, '\n', size_t(limit)));
        qsizetype contentSize = 0;
        if (newline)
            contentSize = newline - (data + contentStart) + 1;
        else if (contentAvailable >= EngineLineSplit)
            contentSize = EngineLineSplit;
        else if (atEnd)
            contentSize = contentAvailable;
        else
            break;
        if (contentStart > 0)
            m_lastTimestamp = timestamp;
        sink(Message{LogStream::Stream::Stdout, m_buffer.mid(at + contentStart, contentSize),
                     m_lastTimestamp});
        at += contentStart + contentSize;
    }
    m_buffer.remove(0, at);
}

size_t LogResumeFilter::keyOf(qint64 timestamp, LogStream::Stream stream, const QByteArray& bytes)
{
    return qHashMulti(0, timestamp, int(stream), bytes.size(), qHash(bytes));
}

bool LogResumeFilter::accept(qint64 timestamp, LogStream::Stream stream, const QByteArray& bytes)
{
    if (timestamp == 0)
        return true;
    const size_t key = keyOf(timestamp, stream, bytes);
    if (m_catchingUp) {
        if (timestamp > m_resumeNewest) {
            m_catchingUp = false;
            m_toSkip.clear();
        } else if (timestamp < m_resumeNewest - WindowNs) {
            return false; // older than anything the engine should send again
        } else if (const auto it = m_toSkip.find(key); it != m_toSkip.end() && *it > 0) {
            --*it;
            return false;
        }
    }
    m_seen = true;
    m_newest = qMax(m_newest, timestamp);
    m_recent.push_back({timestamp, key});
    while (!m_recent.empty() && m_recent.front().timestamp < m_newest - WindowNs)
        m_recent.pop_front();
    return true;
}

void LogResumeFilter::rewind()
{
    if (!m_seen)
        return;
    m_catchingUp = true;
    m_resumeNewest = m_newest;
    m_toSkip.clear();
    for (const Delivered& delivered : m_recent)
        ++m_toSkip[delivered.key];
}

DockerLogStream::DockerLogStream(DockerBackend* backend, HttpClient* http, const QString& id,
                                 const LogOptions& options)
    : LogStream(nullptr)
    , m_backend(backend)
    , m_http(http)
    , m_id(id)
    , m_options(options)
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &DockerLogStream::open);
    connect(http, &QObject::destroyed, this, [this] {
        if (!m_stopped)
            finishWith(Error::make(Error::Connection, tr("The connection was closed.")));
    });
    connect(backend, &Backend::sandboxChanged, this, &DockerLogStream::onSandboxChanged);
    connect(backend, &Backend::sandboxAdded, this, &DockerLogStream::onSandboxChanged);
    connect(backend, &Backend::stateChanged, this, &DockerLogStream::onBackendState);
    connect(backend, &Backend::sandboxRemoved, this, [this](const QString& removed) {
        if (m_waiting && removed == m_id)
            finishWith({});
    });
    // Started from the event loop so that whoever asked can connect first.
    QTimer::singleShot(0, this, &DockerLogStream::inspect);
}

DockerLogStream::~DockerLogStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void DockerLogStream::stop()
{
    m_stopped = true;
    m_retry->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void DockerLogStream::inspect()
{
    if (m_stopped)
        return;
    HttpReply* reply =
        m_http->send(HttpRequest::get("/containers/" + QUrl::toPercentEncoding(m_id) + "/json"));
    m_reply = reply;
    connect(reply, &HttpReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_reply = nullptr;
        if (m_stopped)
            return;
        if (reply->error().isError()) {
            finishWith(reply->error());
            return;
        }
        if (reply->status() == 404) {
            finishWith(Error::make(Error::NotFound, tr("No such sandbox: %1").arg(m_id),
                                   QStringLiteral("404")));
            return;
        }
        const QJsonObject details = QJsonDocument::fromJson(reply->body()).object();
        if (reply->status() >= 300 || details.isEmpty()) {
            finishWith(Error::make(Error::Server, tr("The engine did not describe the sandbox."),
                                   QString::number(reply->status()),
                                   QString::fromUtf8(reply->body().left(512))));
            return;
        }
        m_id = details.value(QLatin1String("Id")).toString(m_id);
        m_tty =
            details.value(QLatin1String("Config")).toObject().value(QLatin1String("Tty")).toBool();
        m_openedAt = nowNs();
        open();
    });
}

void DockerLogStream::open()
{
    if (m_stopped || m_reply)
        return;
    const bool resuming = m_waiting;
    m_waiting = false;
    m_receivedThisTime = false;
    m_parser = DockerLogParser(m_tty);
    QByteArray target =
        "/containers/" + QUrl::toPercentEncoding(m_id) +
        "/logs?stdout=1&stderr=1&timestamps=1&follow=" + (m_options.follow ? "1" : "0");
    // A time past 2262 asks for nothing older than 2262, one before 1677 for everything.
    qint64 since = CheckedNumbers::clampedNanoseconds(m_options.since);
    int tail = m_options.tail;
    if (resuming) {
        m_filter.rewind();
        tail = -1;
        if (m_filter.hasSeen())
            since = m_filter.since();
        else if (m_options.tail >= 0)
            since = qMax(since, m_openedAt);
    }
    if (since > 0) {
        target += "&since=" + QByteArray::number(since / 1000000000) + '.' +
                  QByteArray::number(since % 1000000000).rightJustified(9, '0');
    }
    target += "&tail=" + (tail >= 0 ? QByteArray::number(tail) : QByteArray("all"));
    HttpReply* reply = m_http->send(HttpRequest::get(target), HttpReply::Mode::Streaming);
    m_reply = reply;
    connect(reply, &HttpReply::dataReceived, this, &DockerLogStream::onData);
    connect(reply, &HttpReply::finished, this, [this, reply] { onFinished(reply); });
    if (resuming)
        Q_EMIT resumed();
}

void DockerLogStream::onData(const QByteArray& data)
{
    const bool ok = m_parser.feed(data, [this](DockerLogParser::Message&& message) {
        if (m_stopped || !m_filter.accept(message.timestamp, message.stream, message.bytes))
            return;
        m_receivedThisTime = true;
        m_retryMs = 0;
        Q_EMIT received(message.stream, message.bytes, message.timestamp);
    });
    if (!ok && m_reply) {
        HttpReply* reply = m_reply.data();
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        finishWith(m_parser.error());
    }
}

void DockerLogStream::onFinished(HttpReply* reply)
{
    reply->deleteLater();
    if (m_reply != reply)
        return;
    m_reply = nullptr;
    if (m_stopped)
        return;
    Error error = reply->error();
    if (!error.isError() && reply->status() >= 300) {
        if (reply->status() == 404 && m_filter.hasSeen()) {
            finishWith({}); // removed after we had its output
            return;
        }
        error =
            Error::make(reply->status() == 404 ? Error::NotFound : Error::Server,
                        tr("The engine refused to send the log."), QString::number(reply->status()),
                        QString::fromUtf8(reply->body().left(512)));
        finishWith(error);
        return;
    }
    if (!error.isError()) {
        m_parser.finish([this](DockerLogParser::Message&& message) {
            if (m_filter.accept(message.timestamp, message.stream, message.bytes))
                Q_EMIT received(message.stream, message.bytes, message.timestamp);
        });
    }
    if (!m_options.follow) {
        finishWith(error);
        return;
    }
    wait(error);
}

void DockerLogStream::wait(const Error& reason)
{
    m_waiting = true;
    Q_EMIT interrupted(reason);
    if (m_stopped)
        return;
    retryLater();
}

void DockerLogStream::retryLater()
{
    // The backend's word may lag behind the engine; while it says the sandbox runs, look
    // again now and then. Otherwise its signals say when to look.
    if (!m_backend || m_backend->state() != Backend::State::Connected)
        return;
    bool found = false;
    const Sandbox sandbox = m_backend->sandbox(m_id, &found);
    if (found && sandbox.status != SandboxStatus::Running)
        return;
    m_retryMs = m_retryMs == 0 ? FirstRetryMs : qMin(m_retryMs * 2, MaxRetryMs);
    m_retry->start(m_retryMs);
}

void DockerLogStream::onSandboxChanged(const Sandbox& sandbox)
{
    if (m_waiting && !m_stopped && sandbox.id == m_id && sandbox.status == SandboxStatus::Running &&
        !m_retry->isActive())
        m_retry->start(0);
}

void DockerLogStream::onBackendState(Backend::State state)
{
    // After the engine was away, look once: lines may have come between the break and the end.
    if (m_waiting && !m_stopped && state == Backend::State::Connected && !m_retry->isActive())
        m_retry->start(0);
}

void DockerLogStream::finishWith(const Error& error)
{
    m_stopped = true;
    m_retry->stop();
    if (error.isError())
        Q_EMIT failed(error);
    else
        Q_EMIT ended();
}
