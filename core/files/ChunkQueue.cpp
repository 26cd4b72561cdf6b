#include "ChunkQueue.h"

#include <cstring>

bool ChunkQueue::pushWaiting(const QByteArray& chunk)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_aborted || m_size < m_limit; });
    if (m_aborted)
        return false;
    m_chunks.push_back(chunk);
    m_size += chunk.size();
    m_changed.notify_all();
    return true;
}

bool ChunkQueue::push(const QByteArray& chunk)
{
    std::lock_guard lock(m_mutex);
    if (m_aborted)
        return false;
    if (!chunk.isEmpty()) {
        m_chunks.push_back(chunk);
        m_size += chunk.size();
    }
    m_changed.notify_all();
    return true;
}

bool ChunkQueue::popWaiting(QByteArray* chunk)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_aborted || m_closed || !m_chunks.empty(); });
    if (m_aborted || m_chunks.empty())
        return false;
    *chunk = m_chunks.front().mid(m_offset);
    m_chunks.pop_front();
    m_offset = 0;
    m_size -= chunk->size();
    m_changed.notify_all();
    return true;
}

qint64 ChunkQueue::read(char* data, qint64 max)
{
    std::lock_guard lock(m_mutex);
    qint64 done = 0;
    while (done < max && !m_chunks.empty()) {
        const QByteArray& front = m_chunks.front();
        const qint64 n = qMin(max - done, qint64(front.size()) - m_offset);
        std::memcpy(data + done, front.constData() + m_offset, size_t(n));
        done += n;
        m_offset += n;
        if (m_offset == front.size()) {
            m_chunks.pop_front();
            m_offset = 0;
        }
    }
    m_size -= done;
    if (done > 0)
        m_changed.notify_all();
    return done;
}

void ChunkQueue::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
}

void ChunkQueue::abort()
{
    std::lock_guard lock(m_mutex);
    m_aborted = true;
    m_chunks.clear();
    m_size = 0;
    m_changed.notify_all();
}

bool ChunkQueue::isAborted() const
{
    std::lock_guard lock(m_mutex);
    return m_aborted;
}

bool ChunkQueue::isDrained() const
{
    std::lock_guard lock(m_mutex);
    return m_closed && m_chunks.empty();
}

qint64 ChunkQueue::size() const
{
    std::lock_guard lock(m_mutex);
    return m_size;
}
