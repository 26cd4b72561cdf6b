#include "terminal/TerminalHistory.h"

#include <algorithm>

void TerminalHistory::push(const TerminalCell* cells, int count,
                           const std::vector<TerminalMarks>& marks, bool wrapped, int limit)
{
    while (int(m_size) >= limit)
        popFront();
    if (m_size == m_lines.size())
        grow(std::min(limit, std::max(256, int(m_lines.size()) * 2)));
    Chunk& chunk = chunkFor(count);
    TerminalCell* to = chunk.cells.get() + chunk.used;
    std::copy(cells, cells + count, to);
    chunk.used += count;
    ++chunk.live;
    Line& line = m_lines[slot(m_size)];
    line.cells = to;
    line.count = count;
    line.chunk = m_firstChunk + qint64(m_chunks.size()) - 1;
    line.wrapped = wrapped;
    if (!line.marks.empty())
        line.marks.clear();
    for (const TerminalMarks& m : marks) {
        if (m.column < count)
            line.marks.push_back(m);
    }
    ++m_size;
}

void TerminalHistory::trim(int limit)
{
    while (int(m_size) > std::max(0, limit))
        popFront();
}

TerminalHistory::Chunk& TerminalHistory::chunkFor(int count)
{
    if (!m_chunks.empty() && m_chunks.back().capacity - m_chunks.back().used >= count)
        return m_chunks.back();
    Chunk chunk;
    if (count <= ChunkCells && !m_spare.empty()) {
        chunk = std::move(m_spare.back());
        m_spare.pop_back();
    } else {
        chunk.capacity = std::max(ChunkCells, count);
        chunk.cells = std::make_unique<TerminalCell[]>(size_t(chunk.capacity));
    }
    m_chunks.push_back(std::move(chunk));
    return m_chunks.back();
}

void TerminalHistory::popFront()
{
    Line& line = m_lines[m_first];
    --m_chunks[size_t(line.chunk - m_firstChunk)].live;
    line.marks.clear();
    m_first = slot(1);
    --m_size;
    while (m_chunks.size() > 1 && m_chunks.front().live == 0) {
        Chunk& front = m_chunks.front();
        if (front.capacity == ChunkCells && m_spare.size() < SpareChunks) {
            front.used = 0;
            m_spare.push_back(std::move(front));
        }
        m_chunks.pop_front();
        ++m_firstChunk;
    }
}

void TerminalHistory::grow(int capacity)
{
    std::vector<Line> lines(size_t(std::max(capacity, 1)));
    for (size_t i = 0; i < m_size; ++i)
        lines[i] = std::move(m_lines[slot(i)]);
    m_lines = std::move(lines);
    m_first = 0;
}
