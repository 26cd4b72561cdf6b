#include "LogBuffer.h"

#include "sandbox/SpillFiles.h"

#include <QCoreApplication>
#include <QTemporaryFile>

#include <cstring>

namespace {

constexpr quint32 OffsetMask = 0x00ffffff;
constexpr int StreamShift = 24;
constexpr quint32 ContinuedBit = 1u << 26;
constexpr int CachedChunks = 4;

int streamIndex(LogStream::Stream stream)
{
    return stream == LogStream::Stream::Stderr ? 2 : 1;
}

} // namespace

qsizetype LogBuffer::Slice::start(qsizetype i) const
{
    return qsizetype(meta.at(i) & OffsetMask);
}

qsizetype LogBuffer::Slice::end(qsizetype i) const
{
    return i + 1 < meta.size() ? start(i + 1) : bytes.size();
}

QByteArrayView LogBuffer::Slice::line(qsizetype i) const
{
    const qsizetype from = start(i);
    const qsizetype to = end(i);
    // A lost chunk has no bytes; its lines read as empty.
    if (to > bytes.size())
        return {};
    return QByteArrayView(bytes.constData() + from, to - from);
}

LogStream::Stream LogBuffer::Slice::stream(qsizetype i) const
{
    return LogStream::Stream((meta.at(i) >> StreamShift) & 3);
}

bool LogBuffer::Slice::isContinued(qsizetype i) const
{
    return meta.at(i) & ContinuedBit;
}

LogBuffer::LogBuffer(qint64 memoryLimit, int chunkSize, int maxLineLength)
    : m_memoryLimit(qMax(memoryLimit, 2 * qint64(qBound(64, chunkSize, int(OffsetMask)))))
    , m_chunkSize(qBound(64, chunkSize, int(OffsetMask)))
    , m_maxLine(qBound(1, maxLineLength, m_chunkSize))
{}

LogBuffer::~LogBuffer()
{
    SpillFiles::release(m_spilledBytes);
}

void LogBuffer::append(LogStream::Stream stream, QByteArrayView bytes, qint64 timestamp)
{
    const int s = streamIndex(stream);
    QByteArray& tail = m_tail[s];
    const char* data = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        if (tail.isEmpty())
            m_tailTime[s] = timestamp;
        const qsizetype room = m_maxLine - tail.size();
        const auto* newline = static_cast<const char*>(std::memchr(data, '\n', size_t(left)));
        const qsizetype upTo = newline ? newline - data : left;
        if (newline && upTo <= room) {
            if (tail.isEmpty()) {
                addLine(s, data, upTo, timestamp, false);
            } else {
                tail.append(data, upTo);
                addLine(s, tail.constData(), tail.size(), m_tailTime[s], false);
                tail.clear();
            }
            data += upTo + 1;
            left -= upTo + 1;
        } else if (upTo >= room) {
            // Reaching the cap without a newline right behind it: cut the line here.
            if (tail.isEmpty()) {
                addLine(s, data, room, timestamp, true);
            } else {
                tail.append(data, room);
                addLine(s, tail.constData(), tail.size(), m_tailTime[s], true);
                tail.clear();
            }
            data += room;
            left -= room;
        } else {
            tail.append(data, left);
            left = 0;
        }
    }
}

void LogBuffer::flush()
{
    for (int s = 1; s <= 2; ++s) {
        if (m_tail[s].isEmpty())
            continue;
        addLine(s, m_tail[s].constData(), m_tail[s].size(), m_tailTime[s], false);
        m_tail[s].clear();
    }
}

void LogBuffer::clear()
{
    QMutexLocker locker(&m_mutex);
    m_chunks.clear();
    m_firstInMemory = 0;
    m_file.reset();
    m_cache.clear();
    m_error.clear();
    m_count.store(0, std::memory_order_release);
    m_totalBytes = 0;
    m_memoryBytes = 0;
    SpillFiles::release(m_spilledBytes);
    m_spilledBytes = 0;
    for (QByteArray& tail : m_tail)
        tail.clear();
}

void LogBuffer::addLine(int stream, const char* data, qsizetype size, qint64 timestamp,
                        bool continued)
{
    QMutexLocker locker(&m_mutex);
    if (m_chunks.empty() || m_chunks.back().size + size > m_chunkSize) {
        if (!m_chunks.empty()) {
            Chunk& sealed = m_chunks.back();
            if (sealed.bytes.capacity() > sealed.bytes.size() + sealed.bytes.size() / 4)
                sealed.bytes.squeeze();
            // The index grew by doubling; what is sealed keeps only what it holds.
            sealed.meta.squeeze();
            sealed.times.squeeze();
        }
        Chunk chunk;
        chunk.firstLine = m_count.load(std::memory_order_relaxed);
        chunk.bytes.reserve(m_chunkSize);
        m_chunks.push_back(std::move(chunk));
    }
    Chunk& chunk = m_chunks.back();
    chunk.meta.append(quint32(chunk.size) | quint32(stream) << StreamShift |
                      (continued ? ContinuedBit : 0));
    chunk.times.append(timestamp);
    chunk.bytes.append(data, size);
    chunk.size += size;
    m_totalBytes += size;
    m_memoryBytes += size;
    m_count.fetch_add(1, std::memory_order_release);
    if (m_memoryBytes > m_memoryLimit)
        spill();
}

void LogBuffer::spill()
{
    // Called with the mutex held. The open (last) chunk always stays in memory.
    while (m_memoryBytes > m_memoryLimit && m_firstInMemory + 1 < int(m_chunks.size())) {
        Chunk& chunk = m_chunks[size_t(m_firstInMemory)];
        if (!m_file && m_error.isEmpty()) {
            m_file = SpillFiles::create(QStringLiteral("log"));
            if (!m_file->open()) {
                m_error = QCoreApplication::translate("LogBuffer",
                                                      "Cannot create a temporary file for the "
                                                      "log (%1); the oldest lines are dropped.")
                              .arg(m_file->errorString());
                m_file.reset();
            }
        }
        qint64 offset = -2;
        // Past the disk limit the chunk is dropped; those on disk already stay readable.
        const bool room = m_file && SpillFiles::reserve(chunk.size);
        if (m_file && !room && m_error.isEmpty()) {
            m_error = QCoreApplication::translate("LogBuffer",
                                                  "The temporary files hold %1 MiB, the most they "
                                                  "may; the oldest lines are dropped.")
                          .arg(SpillFiles::diskLimit() / (1024 * 1024));
        }
        if (room) {
            offset = m_file->size();
            if (!m_file->seek(offset) || m_file->write(chunk.bytes) != chunk.bytes.size() ||
                !m_file->flush()) {
                m_error = QCoreApplication::translate("LogBuffer",
                                                      "Cannot write the log to a temporary file "
                                                      "(%1); the oldest lines are dropped.")
                              .arg(m_file->errorString());
                m_file.reset();
                offset = -2;
                SpillFiles::release(chunk.size);
            }
        }
        chunk.fileOffset = offset;
        m_memoryBytes -= chunk.size;
        if (offset >= 0)
            m_spilledBytes += chunk.size;
        chunk.bytes = QByteArray();
        ++m_firstInMemory;
    }
}

int LogBuffer::chunkIndex(qint64 line) const
{
    const auto it =
        std::upper_bound(m_chunks.begin(), m_chunks.end(), line,
                         [](qint64 value, const Chunk& chunk) { return value < chunk.firstLine; });
    return int(it - m_chunks.begin()) - 1;
}

QByteArray LogBuffer::chunkBytes(int index, bool cache) const
{
    // Called with the mutex held.
    const Chunk& chunk = m_chunks[size_t(index)];
    if (chunk.fileOffset == -1)
        return chunk.bytes;
    if (chunk.fileOffset == -2 || !m_file)
        return {};
    for (const auto& [cachedIndex, bytes] : std::as_const(m_cache)) {
        if (cachedIndex == index)
            return bytes;
    }
    QByteArray bytes;
    if (m_file->seek(chunk.fileOffset))
        bytes = m_file->read(chunk.size);
    m_file->seek(m_file->size());
    if (bytes.size() != chunk.size)
        return {};
    if (cache) {
        m_cache.prepend(qMakePair(index, bytes));
        if (m_cache.size() > CachedChunks)
            m_cache.removeLast();
    }
    return bytes;
}

LogBuffer::Slice LogBuffer::sliceOf(int index) const
{
    const Chunk& chunk = m_chunks[size_t(index)];
    Slice slice;
    slice.firstLine = chunk.firstLine;
    slice.bytes = chunkBytes(index, false);
    slice.meta = chunk.meta;
    slice.times = chunk.times;
    return slice;
}

LogBuffer::Slice LogBuffer::slice(qint64 index) const
{
    QMutexLocker locker(&m_mutex);
    if (index < 0 || index >= m_count.load(std::memory_order_acquire))
        return {};
    return sliceOf(chunkIndex(index));
}

QByteArray LogBuffer::line(qint64 index) const
{
    QMutexLocker locker(&m_mutex);
    if (index < 0 || index >= m_count.load(std::memory_order_acquire))
        return {};
    const int c = chunkIndex(index);
    const Chunk& chunk = m_chunks[size_t(c)];
    const qsizetype i = qsizetype(index - chunk.firstLine);
    const qsizetype from = qsizetype(chunk.meta.at(i) & OffsetMask);
    const qsizetype to =
        i + 1 < chunk.meta.size() ? qsizetype(chunk.meta.at(i + 1) & OffsetMask) : chunk.size;
    const QByteArray bytes = chunkBytes(c, true);
    if (bytes.size() < to)
        return {};
    return bytes.mid(from, to - from);
}

LogStream::Stream LogBuffer::stream(qint64 index) const
{
    QMutexLocker locker(&m_mutex);
    if (index < 0 || index >= m_count.load(std::memory_order_acquire))
        return LogStream::Stream::Stdout;
    const Chunk& chunk = m_chunks[size_t(chunkIndex(index))];
    return LogStream::Stream((chunk.meta.at(index - chunk.firstLine) >> StreamShift) & 3);
}

qint64 LogBuffer::timestamp(qint64 index) const
{
    QMutexLocker locker(&m_mutex);
    if (index < 0 || index >= m_count.load(std::memory_order_acquire))
        return 0;
    const Chunk& chunk = m_chunks[size_t(chunkIndex(index))];
    return chunk.times.at(index - chunk.firstLine);
}

bool LogBuffer::isContinued(qint64 index) const
{
    QMutexLocker locker(&m_mutex);
    if (index < 0 || index >= m_count.load(std::memory_order_acquire))
        return false;
    const Chunk& chunk = m_chunks[size_t(chunkIndex(index))];
    return chunk.meta.at(index - chunk.firstLine) & ContinuedBit;
}

qint64 LogBuffer::totalBytes() const
{
    QMutexLocker locker(&m_mutex);
    return m_totalBytes;
}

qint64 LogBuffer::memoryBytes() const
{
    QMutexLocker locker(&m_mutex);
    return m_memoryBytes;
}

qint64 LogBuffer::spilledBytes() const
{
    QMutexLocker locker(&m_mutex);
    return m_spilledBytes;
}

qint64 LogBuffer::pendingBytes() const
{
    return m_tail[1].size() + m_tail[2].size();
}

QString LogBuffer::errorString() const
{
    QMutexLocker locker(&m_mutex);
    return m_error;
}
