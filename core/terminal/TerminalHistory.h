#pragma once

#include "terminal/TerminalCell.h"

#include <deque>
#include <memory>
#include <vector>

// The scrollback: line records in a ring, their cells in pooled chunks, so a line leaving the
// screen costs a copy and no allocation. Index 0 is the oldest line.
class TerminalHistory final
{
public:
    struct Line
    {
        const TerminalCell* cells = nullptr;
        std::vector<TerminalMarks> marks;
        qint64 chunk = 0;
        int count = 0;
        bool wrapped = false;
    };

    TerminalHistory() = default;
    Q_DISABLE_COPY_MOVE(TerminalHistory)

    int size() const { return int(m_size); }
    const Line& at(int index) const { return m_lines[slot(size_t(index))]; }
    TerminalLine line(int index) const
    {
        const Line& l = at(index);
        return TerminalLine(l.cells, l.count, l.marks.data(), int(l.marks.size()), l.wrapped);
    }

    // Appends a copy of the cells (marks past count are dropped); the oldest lines go first
    // while the history holds limit lines or more.
    void push(const TerminalCell* cells, int count, const std::vector<TerminalMarks>& marks,
              bool wrapped, int limit);
    void trim(int limit);

private:
    static constexpr int ChunkCells = 1 << 15;
    static constexpr size_t SpareChunks = 4;

    struct Chunk
    {
        std::unique_ptr<TerminalCell[]> cells;
        int capacity = 0;
        int used = 0;
        int live = 0;
    };

    size_t slot(size_t index) const
    {
        const size_t s = m_first + index;
        return s >= m_lines.size() ? s - m_lines.size() : s;
    }
    Chunk& chunkFor(int count);
    void popFront();
    void grow(int capacity);

    std::vector<Line> m_lines; // a ring of m_size lines from m_first
    size_t m_first = 0;
    size_t m_size = 0;
    std::deque<Chunk> m_chunks;
    qint64 m_firstChunk = 0; // the number of m_chunks.front()
    std::vector<Chunk> m_spare;
};
