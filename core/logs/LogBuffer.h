#pragma once

#include "sandbox/LogStream.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QTemporaryFile;

// Log lines kept as bytes in chunks with a compact index (12 bytes a line: offset, stream and
// a flag in 4, the timestamp in 8), never one QString per line. Past the memory limit the
// oldest chunks move to a temporary file that is removed with the buffer, and are read back
// when asked for. Appends happen on one thread; slice() and the line accessors may be called
// from any thread at the same time.
class LogBuffer final
{
public:
    static constexpr qint64 DefaultMemoryLimit = 256 * 1024 * 1024;
    static constexpr int DefaultChunkSize = 1024 * 1024;

    // maxLineLength is clamped to chunkSize; memoryLimit to at least two chunks.
    explicit LogBuffer(qint64 memoryLimit = DefaultMemoryLimit, int chunkSize = DefaultChunkSize,
                       int maxLineLength = DefaultChunkSize);
    ~LogBuffer();
    Q_DISABLE_COPY_MOVE(LogBuffer)

    // Splits on '\n' (which is not stored); an unterminated piece waits for the rest of its
    // stream's line. A line longer than maxLineLength is cut into pieces, all but the last
    // marked continued. timestamp: nanoseconds since the epoch of the line's first piece.
    void append(LogStream::Stream stream, QByteArrayView bytes, qint64 timestamp = 0);
    // Turns the unterminated pieces into lines, for when a stream has ended.
    void flush();
    void clear();

    qint64 count() const { return m_count.load(std::memory_order_acquire); }
    QByteArray line(qint64 index) const;
    LogStream::Stream stream(qint64 index) const;
    qint64 timestamp(qint64 index) const;
    // The line was cut at maxLineLength and goes on in the next line of the same stream.
    bool isContinued(qint64 index) const;

    qint64 totalBytes() const; // bytes of all lines, newlines not counted
    qint64 memoryBytes() const;
    qint64 spilledBytes() const;
    qint64 pendingBytes() const; // unterminated pieces not yet lines
    int maxLineLength() const { return m_maxLine; }
    // Set when the temporary file failed; the oldest lines are then dropped (shown empty).
    QString errorString() const;

    // One chunk's lines, shared rather than copied; stays valid while the buffer grows.
    struct Slice
    {
        qint64 firstLine = 0;
        QByteArray bytes;
        QList<quint32> meta;
        QList<qint64> times;

        qsizetype size() const { return meta.size(); }
        qsizetype start(qsizetype i) const;
        qsizetype end(qsizetype i) const;
        QByteArrayView line(qsizetype i) const;
        LogStream::Stream stream(qsizetype i) const;
        bool isContinued(qsizetype i) const;
    };
    // The chunk holding line index (an empty slice past the end), read back when spilled.
    Slice slice(qint64 index) const;

private:
    struct Chunk
    {
        qint64 firstLine = 0;
        QByteArray bytes; // empty once spilled
        QList<quint32> meta;
        QList<qint64> times;
        qint64 size = 0;
        qint64 fileOffset = -1; // -1: in memory; -2: lost
    };

    void addLine(int stream, const char* data, qsizetype size, qint64 timestamp, bool continued);
    void spill();
    int chunkIndex(qint64 line) const;
    QByteArray chunkBytes(int index, bool cache) const;
    Slice sliceOf(int index) const;

    const qint64 m_memoryLimit;
    const int m_chunkSize;
    const int m_maxLine;

    mutable QMutex m_mutex;
    std::vector<Chunk> m_chunks;
    int m_firstInMemory = 0;
    std::unique_ptr<QTemporaryFile> m_file;
    mutable QList<QPair<int, QByteArray>> m_cache; // recently read spilled chunks
    QString m_error;

    std::atomic<qint64> m_count{0};
    qint64 m_totalBytes = 0;
    qint64 m_memoryBytes = 0;
    qint64 m_spilledBytes = 0;
    QByteArray m_tail[3];
    qint64 m_tailTime[3] = {};
};
