#pragma once

#include "Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>

// What a log stream is asked for. Timestamps are always fetched (resuming depends on them);
// `timestamps` only tells the consumer whether to show them.
struct LogOptions
{
    bool follow = true;
    QDateTime since; // invalid: from the beginning
    int tail = -1;   // -1: all lines
    bool timestamps = true;
    QString container; // which container of a group (ECI); empty: the first
};

// A sandbox's output as it arrives. Each received() carries one piece of one stream as the
// backend stored it: the timestamp is stripped, a piece ending in '\n' completes a line, a
// piece without it (a long line the backend split, or unfinished output) continues on the
// next piece of the same stream. A following stream survives restarts of the sandbox and of
// the backend: it waits, resumes where it stopped, and delivers no line twice.
class LogStream : public QObject
{
    Q_OBJECT
public:
    enum class Stream : quint8
    {
        Stdout = 1,
        Stderr = 2
    };
    Q_ENUM(Stream)

    using QObject::QObject;

    // Ends the stream; neither ended() nor failed() follows.
    virtual void stop() = 0;

    // Nanoseconds since the epoch (UTC) as RFC 3339 with nine fractional digits.
    static QByteArray formatTimestamp(qint64 nanoseconds);
    // Parses an RFC 3339 time ("2024-05-01T10:00:00.123456789Z", offsets allowed) at the
    // start of data; returns how many bytes it took, 0 when there is none. A well-formed time
    // that nanoseconds cannot hold (before 1677-09-21 or after 2262-04-11) is none either;
    // outOfRange then says so.
    static qsizetype parseTimestamp(const char* data, qsizetype size, qint64* nanoseconds,
                                    bool* outOfRange = nullptr);
    static QDateTime toDateTime(qint64 nanoseconds);

Q_SIGNALS:
    // timestamp: nanoseconds since the epoch, 0 when the backend gave none.
    void received(LogStream::Stream stream, const QByteArray& bytes, qint64 timestamp);
    // A following stream lost its source (the sandbox stopped: no error; the backend went
    // away: the error) and waits to resume.
    void interrupted(const Error& reason);
    void resumed();
    // Everything was delivered (a stream that does not follow, or the sandbox was removed).
    void ended();
    void failed(const Error& error);
};

Q_DECLARE_METATYPE(LogStream::Stream)
