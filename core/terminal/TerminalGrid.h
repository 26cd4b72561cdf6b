#pragma once

#include "terminal/TerminalCell.h"
#include "terminal/TerminalHistory.h"
#include "terminal/TerminalTypes.h"

#include <cstdint>
#include <functional>
#include <vector>

// The cells of the main and the alternate screen, the history the main screen scrolls into, and
// which rows changed since the last takeDamage(). It is written with libvterm's screen operations
// (glyphs, scrolls, moves, erases) in screen coordinates, with the pen they are written with.
class TerminalGrid final
{
public:
    // Rows [startRow, endRow) by columns [startColumn, endColumn).
    struct Rect
    {
        int startRow = 0;
        int endRow = 0;
        int startColumn = 0;
        int endColumn = 0;
    };

    TerminalGrid(int columns, int rows);
    Q_DISABLE_COPY_MOVE(TerminalGrid)

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    bool isAlternate() const { return m_alternateActive; }

    int scrollbackSize() const { return m_history.size(); }
    int scrollbackLimit() const { return m_historyLimit; }
    void setScrollbackLimit(int lines);
    void setHistorySink(std::function<void(const TerminalLine&)> sink);
    // A full-screen erase on the main screen first moves the screen into history.
    void setKeepClearedScreenInHistory(bool keep) { m_keepCleared = keep; }
    // 0 is the oldest history line; screen row r is line scrollbackSize() + r.
    TerminalLine line(int index) const;

    // The common glyph, one narrow character without marks in the row written last and not in
    // its first or last column, in few instructions; false when putGlyph() must take it.
    bool putNarrow(int row, int column, const uint32_t* chars, int width, const TerminalCell& pen)
    {
        // One unsigned compare: not the first or last column, so no wrap to note or to prepare.
        if (row != m_fastRow || unsigned(column - 1) >= m_innerColumns || width != 1 ||
            chars[1] != 0)
            return false;
        TerminalCell glyph = pen;
        glyph.codepoint = chars[0];
        m_cachedCells[column] = glyph;
        m_wrapCandidate = false;
        if (column + 1 > m_cachedInfo->used)
            m_cachedInfo->used = column + 1;
        return true;
    }
    // A glyph of width 1 or 2: its codepoint and combining marks, zero-ended after the first.
    // False when it lies off the screen and nothing was written.
    bool putGlyph(int row, int column, const uint32_t* chars, int width, const TerminalCell& pen);
    // Printable ASCII written straight into a row, as libvterm would print it without wrapping;
    // selectRow() first.
    bool selectRow(int row) { return row == m_cachedRow || cacheRow(row); }
    void writeText(int column, const char* chars, int count, const TerminalCell& pen);

    // Where libvterm moved its cursor (oldRow may be off the screen).
    void cursorMoved(int oldRow, int row, int column)
    {
        if (row != m_wrapRow || column != m_wrapColumn)
            m_wrapCandidate = false;
        if (oldRow >= 0 && oldRow < m_rows)
            m_dirty[size_t(oldRow)] = 1;
        if (row >= 0 && row < m_rows)
            m_dirty[size_t(row)] = 1;
        m_cursorMoved = true;
    }
    // The cursor's look changed: a damage without a changed row.
    void cursorChanged() { m_cursorMoved = true; }
    // Whole rows of rect move up by downward (down when negative). False for a part of the width
    // or a sideways scroll: the caller then moves and erases instead.
    bool scroll(const Rect& rect, int downward, int rightward, const TerminalCell& pen);
    void move(const Rect& dest, const Rect& src);
    void erase(const Rect& rect, const TerminalCell& pen);
    // Shows the alternate screen (blanked) or the main one again; false when already shown.
    bool setAlternate(bool on, const TerminalCell& pen);
    void markAllDirty() { markDirty(0, m_rows); }
    // Rows dropped at the top to keep cursorRow on the screen go to the history and are taken
    // off *cursorRowDelta.
    void resize(int rows, int columns, int cursorRow, int* cursorRowDelta);

    bool hasDamage() const { return m_anyDirty || m_cursorMoved || m_scrolled; }
    TerminalDamage takeDamage();

private:
    struct Row
    {
        std::vector<TerminalMarks> marks;
        // Cells at and past `used` are default blanks, so trimming and clearing stop there.
        int used = 0;
        bool wrapped = false;
    };

    // One screen as a flat cell array. Screen row r lives in physical row
    // order[(base + r) % rows], so a full-screen scroll only moves base and a scroll region only
    // permutes order.
    struct Screen
    {
        std::vector<TerminalCell> cells;
        std::vector<Row> info;
        std::vector<int> order;
        int columns = 0;
        int rows = 0;
        int base = 0;

        void reset(int newRows, int newColumns);
        int slot(int row) const
        {
            const int s = base + row;
            return s >= rows ? s - rows : s;
        }
        int physical(int row) const { return order[size_t(slot(row))]; }
        TerminalCell* cellsOf(int physicalRow)
        {
            return cells.data() + size_t(physicalRow) * size_t(columns);
        }
        const TerminalCell* cellsOf(int physicalRow) const
        {
            return cells.data() + size_t(physicalRow) * size_t(columns);
        }
        TerminalLine line(int row) const;
        void rotate(int top, int bottom, int n, std::vector<int>& scratch);
    };

    static void removeMarksIn(Row& row, int first, int end);
    static int trimmedLength(const TerminalCell* cells, int used, int columns);
    static TerminalCell blank(const TerminalCell& pen);

    void blankRow(Screen& s, int row, const TerminalCell& pen);
    void forgetRow() { m_cachedRow = m_fastRow = -1; }
    bool inside(const Rect& r) const;
    bool cacheRow(int row)
    {
        if (row < 0 || row >= m_rows)
            return false;
        const int p = m_screen->physical(row);
        m_cachedCells = m_screen->cellsOf(p);
        m_cachedInfo = &m_screen->info[size_t(p)];
        m_cachedRow = row;
        m_fastRow = m_cachedInfo->marks.empty() ? row : -1;
        m_dirty[size_t(row)] = 1;
        m_anyDirty = true;
        return true;
    }
    void markDirty(int first, int end);
    void pushHistory(const Screen& s, int row);
    void resizeScreen(Screen& s, int newRows, int newColumns, bool active, int cursorRow,
                      int* cursorRowDelta);

    int m_columns = 0;
    int m_rows = 0;
    Screen m_primary;
    Screen m_alternate;
    Screen* m_screen = &m_primary;
    bool m_alternateActive = false;

    TerminalHistory m_history;
    int m_historyLimit = 10000;
    std::function<void(const TerminalLine&)> m_historySink;
    bool m_keepCleared = false;

    std::vector<int> m_scratchOrder;
    std::vector<TerminalCell> m_scratchCells;
    std::vector<Row> m_scratchInfo;

    // The last glyph may be continued on the next row without a cursor move (a soft wrap).
    bool m_wrapCandidate = false;
    int m_wrapRow = -1;
    int m_wrapColumn = -1;

    // The screen row putGlyph wrote last, already marked dirty; -1 after anything that moves
    // rows or clears the damage.
    int m_cachedRow = -1;
    int m_fastRow = -1;          // m_cachedRow while that row has no combining marks
    unsigned m_innerColumns = 0; // columns - 2: all but the first and the last
    TerminalCell* m_cachedCells = nullptr;
    Row* m_cachedInfo = nullptr;

    std::vector<quint8> m_dirty;
    bool m_allDirty = false;
    bool m_anyDirty = false;
    int m_scrolled = 0;
    bool m_cursorMoved = false;
};
