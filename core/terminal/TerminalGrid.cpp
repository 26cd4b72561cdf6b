#include "terminal/TerminalGrid.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

void TerminalGrid::Screen::reset(int newRows, int newColumns)
{
    rows = newRows;
    columns = newColumns;
    base = 0;
    cells.assign(size_t(rows) * size_t(columns), TerminalCell());
    info.assign(size_t(rows), Row());
    order.resize(size_t(rows));
    for (int r = 0; r < rows; ++r)
        order[size_t(r)] = r;
}

TerminalLine TerminalGrid::Screen::line(int row) const
{
    const int p = physical(row);
    const Row& i = info[size_t(p)];
    return TerminalLine(cellsOf(p), columns, i.marks.data(), int(i.marks.size()), i.wrapped);
}

// Rows [top, bottom) move up by n (down when n < 0); the rows scrolled out come back in.
void TerminalGrid::Screen::rotate(int top, int bottom, int n, std::vector<int>& scratch)
{
    if (top == 0 && bottom == rows) {
        base = (base + n % rows + rows) % rows;
        return;
    }
    const int height = bottom - top;
    scratch.resize(size_t(height));
    for (int k = 0; k < height; ++k)
        scratch[size_t(k)] = order[size_t(slot(top + k))];
    std::rotate(scratch.begin(), scratch.begin() + (n > 0 ? n : height + n), scratch.end());
    for (int k = 0; k < height; ++k)
        order[size_t(slot(top + k))] = scratch[size_t(k)];
}

void TerminalGrid::removeMarksIn(Row& row, int first, int end)
{
    row.marks.erase(
        std::remove_if(row.marks.begin(), row.marks.end(),
                       [&](const TerminalMarks& m) { return m.column >= first && m.column < end; }),
        row.marks.end());
}

int TerminalGrid::trimmedLength(const TerminalCell* cells, int used, int columns)
{
    int length = std::min(used, columns);
    while (length > 0 && cells[length - 1].isBlank())
        --length;
    return length;
}

TerminalCell TerminalGrid::blank(const TerminalCell& pen)
{
    TerminalCell c;
    c.background = pen.background;
    return c;
}

TerminalGrid::TerminalGrid(int columns, int rows)
    : m_columns(std::max(1, columns))
    , m_rows(std::max(1, rows))
{
    m_innerColumns = unsigned(std::max(0, m_columns - 2));
    m_primary.reset(m_rows, m_columns);
    m_alternate.reset(m_rows, m_columns);
    m_dirty.assign(size_t(m_rows), 1);
}

void TerminalGrid::setScrollbackLimit(int lines)
{
    m_historyLimit = std::max(0, lines);
    m_history.trim(m_historyLimit);
}

void TerminalGrid::setHistorySink(std::function<void(const TerminalLine&)> sink)
{
    m_historySink = std::move(sink);
}

TerminalLine TerminalGrid::line(int index) const
{
    const int history = m_history.size();
    if (index < 0 || index >= history + m_rows)
        return {};
    if (index < history)
        return m_history.line(index);
    return m_screen->line(index - history);
}

void TerminalGrid::blankRow(Screen& s, int row, const TerminalCell& pen)
{
    const TerminalCell b = blank(pen);
    const bool plain = b == TerminalCell();
    const int p = s.physical(row);
    Row& info = s.info[size_t(p)];
    TerminalCell* cells = s.cellsOf(p);
    if (plain) // a default cell is all zero bytes
        std::memset(static_cast<void*>(cells), 0,
                    size_t(std::min(info.used, s.columns)) * sizeof(TerminalCell));
    else
        std::fill(cells, cells + s.columns, b);
    info.used = plain ? 0 : s.columns;
    info.marks.clear();
    info.wrapped = false;
}

// Rectangles outside the screen or reversed (libvterm 0.1.4 made those on double-width lines,
// which it no longer gets) are ignored.
bool TerminalGrid::inside(const Rect& r) const
{
    return r.startRow >= 0 && r.startRow < r.endRow && r.endRow <= m_rows && r.startColumn >= 0 &&
           r.startColumn < r.endColumn && r.endColumn <= m_columns;
}

void TerminalGrid::markDirty(int first, int end)
{
    if (first <= 0 && end >= m_rows) {
        m_allDirty = true;
        m_anyDirty = true;
        return;
    }
    for (int r = std::max(0, first); r < std::min(end, m_rows); ++r)
        m_dirty[size_t(r)] = 1;
    m_anyDirty = true;
}

void TerminalGrid::pushHistory(const Screen& s, int row)
{
    if (!m_historySink && m_historyLimit <= 0)
        return;
    const int p = s.physical(row);
    const Row& info = s.info[size_t(p)];
    const TerminalCell* cells = s.cellsOf(p);
    const int length = trimmedLength(cells, info.used, s.columns);
    if (m_historySink)
        m_historySink(
            TerminalLine(cells, length, info.marks.data(), int(info.marks.size()), info.wrapped));
    if (m_historyLimit > 0)
        m_history.push(cells, length, info.marks, info.wrapped, m_historyLimit);
}

bool TerminalGrid::putGlyph(int row, int column, const uint32_t* chars, int width,
                            const TerminalCell& pen)
{
    const int lastColumn = m_columns - 1;
    if (row != m_cachedRow && !cacheRow(row))
        return false;
    if (column < 0 || column > lastColumn)
        return false;
    // libvterm wraps inside one text run without moving the cursor in between.
    if (column == 0 && m_wrapCandidate && row > 0)
        m_screen->info[size_t(m_screen->physical(row - 1))].wrapped = true;
    m_wrapCandidate = column + width > lastColumn;
    m_wrapRow = row;
    m_wrapColumn = column;

    Row& info = *m_cachedInfo;
    TerminalCell* cell = m_cachedCells + column;
    // Cells are only written, never read: the row's marks say whether old marks need removing.
    if (!info.marks.empty())
        removeMarksIn(info, column, column + width);
    TerminalCell glyph = pen;
    glyph.codepoint = chars[0];
    if (chars[0] && chars[1]) {
        TerminalMarks marks;
        marks.column = quint16(column);
        for (int i = 0; i < TerminalMarks::Max && chars[i + 1]; ++i)
            marks.marks[i] = chars[i + 1];
        info.marks.push_back(marks);
        m_fastRow = -1;
        glyph.attributes |= TerminalCell::HasMarks;
    }
    if (width == 2 && column + 1 <= lastColumn) {
        glyph.attributes |= TerminalCell::Wide;
        TerminalCell tail = pen;
        tail.attributes |= TerminalCell::WideTail;
        cell[1] = tail;
    }
    cell[0] = glyph;
    const int end = std::min(column + width, lastColumn + 1);
    if (end > info.used)
        info.used = end;
    return true;
}

void TerminalGrid::writeText(int column, const char* chars, int count, const TerminalCell& pen)
{
    Row& row = *m_cachedInfo;
    if (!row.marks.empty())
        removeMarksIn(row, column, column + count);
    TerminalCell glyph = pen;
    TerminalCell* cells = m_cachedCells + column;
    for (int j = 0; j < count; ++j) {
        glyph.codepoint = static_cast<unsigned char>(chars[j]);
        cells[j] = glyph;
    }
    row.used = std::max(row.used, column + count);
}

bool TerminalGrid::scroll(const Rect& rect, int downward, int rightward, const TerminalCell& pen)
{
    if (!inside(rect))
        return true;
    if (rightward != 0 || rect.startColumn != 0 || rect.endColumn != m_columns)
        return false;
    Screen& s = *m_screen;
    forgetRow();
    const int top = rect.startRow;
    const int bottom = rect.endRow;
    const int height = bottom - top;
    const int n = std::min(std::abs(downward), height);
    if (n <= 0)
        return true;
    if (downward > 0) {
        if (top == 0 && !m_alternateActive) {
            for (int r = 0; r < n; ++r)
                pushHistory(s, r);
            m_scrolled += n;
        }
        s.rotate(top, bottom, n, m_scratchOrder);
        for (int r = bottom - n; r < bottom; ++r)
            blankRow(s, r, pen);
    } else {
        s.rotate(top, bottom, -n, m_scratchOrder);
        for (int r = top; r < top + n; ++r)
            blankRow(s, r, pen);
    }
    markDirty(top, bottom);
    return true;
}

void TerminalGrid::move(const Rect& dest, const Rect& src)
{
    if (!inside(dest) || !inside(src) || dest.endRow - dest.startRow != src.endRow - src.startRow ||
        dest.endColumn - dest.startColumn != src.endColumn - src.startColumn)
        return;
    Screen& s = *m_screen;
    const int height = dest.endRow - dest.startRow;
    const int width = dest.endColumn - dest.startColumn;
    const int shift = dest.startColumn - src.startColumn;
    const bool fullWidth = dest.startColumn == 0 && dest.endColumn == m_columns;
    // Source and destination may overlap: copy out first.
    m_scratchCells.resize(size_t(height) * size_t(width));
    m_scratchInfo.resize(size_t(height));
    for (int r = 0; r < height; ++r) {
        const int p = s.physical(src.startRow + r);
        const TerminalCell* from = s.cellsOf(p) + src.startColumn;
        std::copy(from, from + width, m_scratchCells.begin() + qsizetype(r) * width);
        Row& copy = m_scratchInfo[size_t(r)];
        copy.marks.clear();
        for (const TerminalMarks& m : s.info[size_t(p)].marks) {
            if (m.column >= src.startColumn && m.column < src.endColumn) {
                TerminalMarks moved = m;
                moved.column = quint16(m.column + shift);
                copy.marks.push_back(moved);
            }
        }
        copy.wrapped = s.info[size_t(p)].wrapped;
    }
    for (int r = 0; r < height; ++r) {
        const int p = s.physical(dest.startRow + r);
        Row& to = s.info[size_t(p)];
        const Row& copy = m_scratchInfo[size_t(r)];
        const auto from = m_scratchCells.begin() + qsizetype(r) * width;
        std::copy(from, from + width, s.cellsOf(p) + dest.startColumn);
        if (!to.marks.empty())
            removeMarksIn(to, dest.startColumn, dest.endColumn);
        to.marks.insert(to.marks.end(), copy.marks.begin(), copy.marks.end());
        if (fullWidth)
            to.wrapped = copy.wrapped;
        to.used = std::max(to.used, dest.endColumn);
    }
    m_fastRow = -1; // the rows may have gained marks
    markDirty(dest.startRow, dest.endRow);
}

void TerminalGrid::erase(const Rect& rect, const TerminalCell& pen)
{
    if (!inside(rect))
        return;
    Screen& s = *m_screen;
    if (m_keepCleared && !m_alternateActive && rect.startRow == 0 && rect.endRow == m_rows &&
        rect.startColumn == 0 && rect.endColumn == m_columns) {
        int last = m_rows - 1;
        while (last >= 0) {
            const int p = s.physical(last);
            if (trimmedLength(s.cellsOf(p), s.info[size_t(p)].used, s.columns) > 0)
                break;
            --last;
        }
        for (int r = 0; r <= last; ++r)
            pushHistory(s, r);
    }
    const TerminalCell b = blank(pen);
    const bool plain = b == TerminalCell();
    for (int r = rect.startRow; r < rect.endRow; ++r) {
        const int p = s.physical(r);
        Row& row = s.info[size_t(p)];
        TerminalCell* cells = s.cellsOf(p);
        std::fill(cells + rect.startColumn, cells + rect.endColumn, b);
        if (!row.marks.empty())
            removeMarksIn(row, rect.startColumn, rect.endColumn);
        if (rect.endColumn == m_columns)
            row.wrapped = false;
        if (!plain)
            row.used = std::max(row.used, rect.endColumn);
        else if (rect.endColumn >= row.used)
            row.used = std::min(row.used, rect.startColumn);
    }
    markDirty(rect.startRow, rect.endRow);
}

bool TerminalGrid::setAlternate(bool on, const TerminalCell& pen)
{
    if (on == m_alternateActive)
        return false;
    m_alternateActive = on;
    m_screen = on ? &m_alternate : &m_primary;
    forgetRow();
    if (on) {
        for (int r = 0; r < m_alternate.rows; ++r)
            blankRow(m_alternate, r, pen);
    }
    markDirty(0, m_rows);
    return true;
}

void TerminalGrid::resizeScreen(Screen& s, int newRows, int newColumns, bool active, int cursorRow,
                                int* cursorRowDelta)
{
    const int oldRows = s.rows;
    int drop = 0;
    if (newRows < oldRows) {
        // Keep the cursor's row on screen, as other terminals do: the top goes to the history.
        drop = active ? std::max(0, std::min(cursorRow - (newRows - 1), oldRows - newRows)) : 0;
        if (&s == &m_primary) {
            for (int r = 0; r < drop; ++r)
                pushHistory(s, r);
        }
        if (active && cursorRowDelta)
            *cursorRowDelta -= drop;
    }
    Screen resized;
    resized.reset(newRows, newColumns);
    const int kept = std::min(newRows, oldRows - drop);
    const int width = std::min(s.columns, newColumns);
    for (int r = 0; r < kept; ++r) {
        const int from = s.physical(r + drop);
        const TerminalCell* cells = s.cellsOf(from);
        std::copy(cells, cells + width, resized.cellsOf(r));
        Row& info = resized.info[size_t(r)];
        info = std::move(s.info[size_t(from)]);
        if (newColumns < s.columns) {
            removeMarksIn(info, newColumns, s.columns);
            info.wrapped = false;
            info.used = std::min(info.used, newColumns);
        }
    }
    s = std::move(resized);
}

void TerminalGrid::resize(int rows, int columns, int cursorRow, int* cursorRowDelta)
{
    forgetRow();
    resizeScreen(m_primary, rows, columns, !m_alternateActive, cursorRow, cursorRowDelta);
    resizeScreen(m_alternate, rows, columns, m_alternateActive, cursorRow, cursorRowDelta);
    m_rows = rows;
    m_columns = columns;
    m_innerColumns = unsigned(std::max(0, columns - 2));
    m_dirty.assign(size_t(rows), 1);
    m_anyDirty = true;
}

TerminalDamage TerminalGrid::takeDamage()
{
    TerminalDamage damage;
    for (int r = 0; r < m_rows; ++r) {
        if (m_dirty[size_t(r)] || m_allDirty)
            damage.rows.append(r);
        m_dirty[size_t(r)] = 0;
    }
    m_allDirty = false;
    forgetRow();
    damage.scrolledLines = std::exchange(m_scrolled, 0);
    damage.cursorMoved = std::exchange(m_cursorMoved, false);
    m_anyDirty = false;
    return damage;
}
