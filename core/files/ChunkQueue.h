#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <mutex>

// Bytes handed between the UI thread and a tar worker. The side that may block is the worker;
// the UI thread never waits: it pushes without a bound (its producer honours bytesToWrite())
// or reads what is there.
class ChunkQueue final
{
public:
    explicit ChunkQueue(qint64 limit)
        : m_limit(limit)
    {}
    Q_DISABLE_COPY_MOVE(ChunkQueue)

    // Waits while the queue holds limit bytes or more; false once aborted.
    bool pushWaiting(const QByteArray& chunk);
    // Never waits; false once aborted.
    bool push(const QByteArray& chunk);
    // Waits for a chunk; false at the end of input or once aborted.
    bool popWaiting(QByteArray* chunk);
    // Never waits: copies up to max bytes.
    qint64 read(char* data, qint64 max);
    void close();
    void abort();

    bool isAborted() const;
    // Closed and nothing left to read.
    bool isDrained() const;
    qint64 size() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_chunks;
    qint64 m_size = 0;
    qint64 m_offset = 0; // read() position in the front chunk
    const qint64 m_limit;
    bool m_closed = false;
    bool m_aborted = false;
};
