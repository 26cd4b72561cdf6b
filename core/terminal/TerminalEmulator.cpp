#include "terminal/TerminalEmulator.h"

#include <QTimer>

#include <vterm.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <vector>

namespace {

constexpr qsizetype MaxHeldSequence = 1 << 20; // longest OSC/DCS string we keep (OSC 52)
// Shortest stretch of printable ASCII worth writing into the grid without libvterm: below it the
// cursor move that follows costs more than it saves.
constexpr int MinPlainRun = 8;
constexpr char Replacement[] = "\xef\xbf\xbd"; // U+FFFD

// Bytes in a UTF-8 character by its lead byte, as libvterm reads them; 0 for 0xf8 and above.
size_t utf8Length(unsigned char lead)
{
    return lead >= 0xf8 ? 0 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

// U+0080..U+009F written as UTF-8 (a complete character at s). libvterm 0.1.4 prints them with
// a width of -1, moving its cursor back, to column -1 at the left edge, where HTS then writes
// before its tab stops.
bool isC1(const char* s)
{
    return static_cast<unsigned char>(s[0]) == 0xc2 && static_cast<unsigned char>(s[1]) < 0xa0;
}

// Writes value (>= 0) in decimal at out; returns the digits written.
size_t decimal(int value, char* out)
{
    char reversed[12];
    size_t n = 0;
    do {
        reversed[n++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (size_t k = 0; k < n; ++k)
        out[k] = reversed[n - 1 - k];
    return n;
}
constexpr int MaxTitleLength = 1024;

const quint32 xtermBase16[16] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
                                 0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
                                 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};

// Per physical row of a screen.
struct RowInfo
{
    std::vector<TerminalMarks> marks;
    // Cells at and past `used` are default blanks, so trimming and clearing stop there.
    int used = 0;
    bool wrapped = false;
};

void removeMarksIn(RowInfo& row, int first, int end)
{
    row.marks.erase(
        std::remove_if(row.marks.begin(), row.marks.end(),
                       [&](const TerminalMarks& m) { return m.column >= first && m.column < end; }),
        row.marks.end());
}

// One screen as a flat cell array. Screen row r lives in physical row order[(base + r) % rows],
// so a full-screen scroll only moves base and a scroll region only permutes order.
struct Screen
{
    std::vector<TerminalCell> cells;
    std::vector<RowInfo> info;
    std::vector<int> order;
    int columns = 0;
    int rows = 0;
    int base = 0;

    void reset(int newRows, int newColumns)
    {
        rows = newRows;
        columns = newColumns;
        base = 0;
        cells.assign(size_t(rows) * size_t(columns), TerminalCell());
        info.assign(size_t(rows), RowInfo());
        order.resize(size_t(rows));
        for (int r = 0; r < rows; ++r)
            order[size_t(r)] = r;
    }
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
    TerminalLine line(int row) const
    {
        const int p = physical(row);
        const RowInfo& i = info[size_t(p)];
        return TerminalLine(cellsOf(p), columns, i.marks.data(), int(i.marks.size()), i.wrapped);
    }
    // Rows [top, bottom) move up by n (down when n < 0); the rows scrolled out come back in.
    void rotate(int top, int bottom, int n, std::vector<int>& scratch)
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
};

int trimmedLength(const TerminalCell* cells, int used, int columns)
{
    int length = std::min(used, columns);
    while (length > 0 && cells[length - 1].isBlank())
        --length;
    return length;
}

// The scrollback: line records in a ring, their cells in pooled chunks, so a line leaving the
// screen costs a copy and no allocation.
class History
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

    int size() const { return int(m_size); }
    const Line& at(int index) const { return m_lines[slot(size_t(index))]; }

    void push(const TerminalCell* cells, int count, const std::vector<TerminalMarks>& marks,
              bool wrapped, int limit)
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

    void trim(int limit)
    {
        while (int(m_size) > std::max(0, limit))
            popFront();
    }

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

    Chunk& chunkFor(int count)
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

    void popFront()
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

    void grow(int capacity)
    {
        std::vector<Line> lines(size_t(std::max(capacity, 1)));
        for (size_t i = 0; i < m_size; ++i)
            lines[i] = std::move(m_lines[slot(i)]);
        m_lines = std::move(lines);
        m_first = 0;
    }

    std::vector<Line> m_lines; // a ring of m_size lines from m_first
    size_t m_first = 0;
    size_t m_size = 0;
    std::deque<Chunk> m_chunks;
    qint64 m_firstChunk = 0; // the number of m_chunks.front()
    std::vector<Chunk> m_spare;
};

TerminalColor fromVterm(const VTermColor& c, bool foreground)
{
    if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&c) : VTERM_COLOR_IS_DEFAULT_BG(&c))
        return {};
    if (VTERM_COLOR_IS_INDEXED(&c))
        return TerminalColor::indexed(c.indexed.idx);
    return TerminalColor::rgb(c.rgb.red, c.rgb.green, c.rgb.blue);
}

bool isDigits(const QByteArray& s)
{
    return !s.isEmpty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The concealment after an SGR sequence (ESC [ ... m): 1 on, 0 off, -1 untouched or not SGR.
int sgrConceal(const char* seq, size_t size)
{
    if (size < 3 || seq[1] != '[' || seq[size - 1] != 'm')
        return -1;
    const char* p = seq + 2;
    const char* const end = seq + size - 1;
    if (p == end)
        return 0;
    int result = -1;
    int skip = 0;
    bool colour = false; // the previous parameter was 38/48/58 without sub-parameters
    while (p <= end) {
        int value = 0;
        bool sub = false;
        while (p < end && *p >= '0' && *p <= '9') {
            value = std::min(value * 10 + (*p - '0'), 100000);
            ++p;
        }
        while (p < end && *p == ':') {
            sub = true;
            ++p;
            while (p < end && *p >= '0' && *p <= '9')
                ++p;
        }
        if (p < end && *p != ';')
            return -1; // a leader or intermediate: not SGR
        if (colour) {
            colour = false;
            skip = value == 5 ? 1 : value == 2 ? 3 : 0;
        } else if (skip > 0) {
            --skip;
        } else if (value == 0 || value == 28) {
            result = 0;
        } else if (value == 8) {
            result = 1;
        } else if ((value == 38 || value == 48 || value == 58) && !sub) {
            colour = true;
        }
        ++p; // past ';' (or past the end)
    }
    return result;
}

} // namespace

quint32 TerminalColor::toRgb(quint32 fallback) const
{
    if (kind == Rgb)
        return quint32(red) << 16 | quint32(green) << 8 | blue;
    if (kind == Default)
        return fallback;
    const int i = red;
    if (i < 16)
        return xtermBase16[i];
    if (i < 232) {
        static const int levels[6] = {0, 95, 135, 175, 215, 255};
        const int c = i - 16;
        return quint32(levels[c / 36]) << 16 | quint32(levels[c / 6 % 6]) << 8 | levels[c % 6];
    }
    const quint32 grey = quint32(8 + 10 * (i - 232));
    return grey << 16 | grey << 8 | grey;
}

QString TerminalLine::text(int column) const
{
    const TerminalCell c = cell(column);
    if (c.attributes & TerminalCell::WideTail)
        return {};
    if (c.codepoint == 0)
        return QStringLiteral(" ");
    QString s = QString::fromUcs4(&c.codepoint, 1);
    if (c.attributes & TerminalCell::HasMarks) {
        for (int i = 0; i < m_markCount; ++i) {
            if (m_marks[i].column != column)
                continue;
            for (char32_t mark : m_marks[i].marks) {
                if (mark)
                    s += QString::fromUcs4(&mark, 1);
            }
        }
    }
    return s;
}

QString TerminalLine::toString() const
{
    QString s;
    s.reserve(m_count);
    for (int column = 0; column < m_count; ++column)
        s += text(column);
    while (s.endsWith(QLatin1Char(' ')))
        s.chop(1);
    return s;
}

struct TerminalEmulator::Private
{
    enum class Scan
    {
        Ground,
        Esc,
        EscIntermediate,
        Csi,
        String,
        StringEsc,
        Discard,
        DiscardEsc
    };

    TerminalEmulator* q = nullptr;
    VTerm* vt = nullptr;
    VTermState* state = nullptr;
    int columns = 0;
    int rowCount = 0;
    Screen primary;
    Screen alternate;
    Screen* screen = &primary;
    bool altScreen = false;
    History history;
    std::vector<int> scratchOrder;
    std::vector<TerminalCell> scratchCells;
    std::vector<RowInfo> scratchInfo;
    int historyLimit = DefaultScrollbackLimit;
    std::function<void(const TerminalLine&)> historySink;
    bool keepCleared = false;

    TerminalCell pen;
    TerminalCursor cursor;
    bool wrapCandidate = false;
    VTermPos wrapPos{-1, -1};

    std::vector<quint8> dirty;
    // The screen row putglyph wrote last, already marked dirty; -1 after anything that moves
    // rows or clears the damage.
    int cachedRow = -1;
    int fastRow = -1;          // cachedRow while that row has no combining marks
    unsigned innerColumns = 0; // columns - 2: all but the first and the last
    TerminalCell* cachedCells = nullptr;
    RowInfo* cachedInfo = nullptr;
    bool allDirty = false;
    bool anyDirty = false;
    int scrolled = 0;
    bool cursorMoved = false;
    QTimer damageTimer;

    Scan scan = Scan::Ground;
    QByteArray held;
    QByteArray utf8Tail;
    size_t pendingFrom = 0; // start of the bytes of this feed not yet given to libvterm
    bool abandoned = false; // the sequence advance() ended was cut short by a new ESC

    // Printable ASCII is written straight into the grid where libvterm would put it (see
    // plainRun()). That needs the state libvterm keeps to itself and applies to text; it is
    // followed here from the bytes libvterm gets, as libvterm 0.1.4 reads them.
    bool plainRunsEnabled = true;
    bool parserInGround = true;  // libvterm's parser is surely between sequences
    quint8 asciiCharsets = 0x0f; // bit n: G<n> shows printable ASCII as itself
    int glCharset = 0;           // the set in GL (SI, SO, LS2, LS3)
    bool insertMode = false;     // IRM
    bool originMode = false;     // DECOM: any cursor move pulls the cursor into the region
    // Width of the last glyph libvterm printed from text: the one REP repeats. libvterm 0.1.4
    // loops forever on REP when that width is 0 (nothing printed yet, or a zero-width glyph).
    int repeatWidth = 0;

    bool capturing = false;
    QByteArray captured;
    QByteArray replies;

    QString title;
    bool titlePending = false;
    int bells = 0;
    QList<QByteArray> clipboardWrites;
    bool clipboardAllowed = false;
    bool altChanged = false;
    MouseMode mouse = MouseMode::None;
    bool mouseChanged = false;
    bool reverseVideo = false;

    TerminalCell blank() const
    {
        TerminalCell c;
        c.background = pen.background;
        return c;
    }

    void blankRow(Screen& s, int row)
    {
        const TerminalCell b = blank();
        const bool plain = b == TerminalCell();
        const int p = s.physical(row);
        RowInfo& info = s.info[size_t(p)];
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

    void forgetRow() { cachedRow = fastRow = -1; }

    // Rectangles outside the screen or reversed (libvterm 0.1.4 made those on double-width
    // lines, which it no longer gets) are ignored.
    bool inside(const VTermRect& r) const
    {
        return r.start_row >= 0 && r.start_row < r.end_row && r.end_row <= rowCount &&
               r.start_col >= 0 && r.start_col < r.end_col && r.end_col <= columns;
    }

    bool cacheRow(int row)
    {
        if (row < 0 || row >= rowCount)
            return false;
        const int p = screen->physical(row);
        cachedCells = screen->cellsOf(p);
        cachedInfo = &screen->info[size_t(p)];
        cachedRow = row;
        fastRow = cachedInfo->marks.empty() ? row : -1;
        dirty[size_t(row)] = 1;
        anyDirty = true;
        return true;
    }

    void markDirty(int first, int end)
    {
        if (first <= 0 && end >= rowCount) {
            allDirty = true;
            anyDirty = true;
            return;
        }
        for (int r = std::max(0, first); r < std::min(end, rowCount); ++r)
            dirty[size_t(r)] = 1;
        anyDirty = true;
    }

    void pushHistory(const Screen& s, int row)
    {
        if (!historySink && historyLimit <= 0)
            return;
        const int p = s.physical(row);
        const RowInfo& info = s.info[size_t(p)];
        const TerminalCell* cells = s.cellsOf(p);
        const int length = trimmedLength(cells, info.used, s.columns);
        if (historySink)
            historySink(TerminalLine(cells, length, info.marks.data(), int(info.marks.size()),
                                     info.wrapped));
        if (historyLimit > 0)
            history.push(cells, length, info.marks, info.wrapped, historyLimit);
    }

    void write(const char* bytes, size_t size)
    {
        if (size)
            vterm_input_write(vt, bytes, size);
    }

    // The concealment an SGR sequence sets (libvterm has none): 1 or 0, or -1 when it leaves it.
    // Our pen may not yet show bytes still pending for libvterm (RIS resets it): so SGR 8 always
    // counts, and SGR 0/28 whenever the pen conceals now.
    int concealSetBy(const char* seq, size_t size) const
    {
        const bool current = pen.attributes & TerminalCell::Conceal;
        // Only SGR 8 conceals: a sequence without an 8 cannot start it.
        if (!current && !std::memchr(seq, '8', size))
            return -1;
        const int after = sgrConceal(seq, size);
        return after == 0 && !current ? -1 : after;
    }

    void setConceal(bool on)
    {
        pen.attributes = on ? quint16(pen.attributes | TerminalCell::Conceal)
                            : quint16(pen.attributes & ~TerminalCell::Conceal);
    }

    bool advance(const char* p, size_t n, size_t from, size_t* end);
    void frame(const char* p, size_t n);
    size_t completeUtf8Tail(const char* p, size_t n);
    void text(const char* p, size_t from, size_t to, bool endOfFeed);
    void flushPending(const char* p, size_t upTo)
    {
        write(p + pendingFrom, upTo - pendingFrom);
        pendingFrom = upTo;
    }
    bool plainRunsAllowed() const
    {
        return plainRunsEnabled && parserInGround && !insertMode && !originMode &&
               (asciiCharsets >> glCharset & 1);
    }
    void plainRun(const char* p, size_t from, size_t to);
    enum class Special
    {
        None,
        Repeat,        // REP
        Alignment,     // DECALN
        String,        // OSC or DCS
        RestoreCursor, // DECRC, or a DECRST (which may end mode 1048 or 1049)
        LineSize,      // DECDHL, DECSWL, DECDWL
        Abandoned      // cut short by the ESC of the next sequence
    };
    Special noteSequence(const char* seq, size_t size);
    void writeSequence(const char* seq, size_t size, Special special);
    void writeString(const char* seq, size_t size);
    void writeControls(const char* seq, size_t size)
    {
        for (const char* c = seq; c < seq + size; ++c) {
            if (static_cast<unsigned char>(*c) < 0x20 && *c != 0x1b)
                write(c, 1);
        }
    }
    void noteControls(const char* p, size_t n);
    void noteModes(const char* seq, size_t size);
    void holdTail(const char* p, size_t n);
    void filterReplies();
    void resizeScreen(Screen& s, int newRows, int newColumns, bool active, VTermPos* delta);

    static int onPutglyph(VTermGlyphInfo* info, VTermPos pos, void* user);
    Q_NEVER_INLINE int putGlyph(const VTermGlyphInfo* info, VTermPos pos);
    static int onMovecursor(VTermPos pos, VTermPos oldpos, int visible, void* user);
    static int onScrollrect(VTermRect rect, int downward, int rightward, void* user);
    static int onMoverect(VTermRect dest, VTermRect src, void* user);
    static int onErase(VTermRect rect, int selective, void* user);
    static int onInitpen(void* user);
    static int onSetpenattr(VTermAttr attr, VTermValue* val, void* user);
    static int onSettermprop(VTermProp prop, VTermValue* val, void* user);
    static int onBell(void* user);
    static int onResize(int rows, int cols, VTermPos* delta, void* user);
    static int onSetlineinfo(int, const VTermLineInfo*, const VTermLineInfo*, void*) { return 1; }
    static int onOsc(const char* command, size_t size, void* user);
    static int onIgnoredCsi(const char*, const long[], int, const char*, char, void*) { return 1; }
    static int onIgnoredString(const char*, size_t, void*) { return 1; }
    static void onOutput(const char* s, size_t len, void* user);
};

// The common case (one narrow character inside the row we wrote last) in few instructions;
// the rest goes through putGlyph().
int TerminalEmulator::Private::onPutglyph(VTermGlyphInfo* info, VTermPos pos, void* user)
{
    auto* d = static_cast<Private*>(user);
    // Not the first or last column (one unsigned compare): no wrap to note or to prepare.
    if (pos.row == d->fastRow && unsigned(pos.col - 1) < d->innerColumns && info->width == 1 &&
        info->chars[1] == 0) {
        TerminalCell glyph = d->pen;
        glyph.codepoint = info->chars[0];
        d->cachedCells[pos.col] = glyph;
        d->wrapCandidate = false;
        d->repeatWidth = 1;
        if (pos.col + 1 > d->cachedInfo->used)
            d->cachedInfo->used = pos.col + 1;
        return 1;
    }
    return d->putGlyph(info, pos);
}

int TerminalEmulator::Private::putGlyph(const VTermGlyphInfo* info, VTermPos pos)
{
    Private* d = this;
    const int lastColumn = d->columns - 1;
    if (pos.row != d->cachedRow && !d->cacheRow(pos.row))
        return 1;
    if (pos.col < 0 || pos.col > lastColumn)
        return 1;
    // libvterm wraps inside one text run without moving the cursor in between.
    if (pos.col == 0 && d->wrapCandidate && pos.row > 0)
        d->screen->info[size_t(d->screen->physical(pos.row - 1))].wrapped = true;
    const int width = info->width;
    d->repeatWidth = width;
    d->wrapCandidate = pos.col + width > lastColumn;
    d->wrapPos = pos;

    RowInfo& row = *d->cachedInfo;
    TerminalCell* cell = d->cachedCells + pos.col;
    // Cells are only written, never read: the row's marks say whether old marks need removing.
    if (!row.marks.empty())
        removeMarksIn(row, pos.col, pos.col + width);
    TerminalCell glyph = d->pen;
    glyph.codepoint = info->chars[0];
    if (info->chars[0] && info->chars[1]) {
        TerminalMarks marks;
        marks.column = quint16(pos.col);
        for (int i = 0; i < TerminalMarks::Max && info->chars[i + 1]; ++i)
            marks.marks[i] = info->chars[i + 1];
        row.marks.push_back(marks);
        d->fastRow = -1;
        glyph.attributes |= TerminalCell::HasMarks;
    }
    if (width == 2 && pos.col + 1 <= lastColumn) {
        glyph.attributes |= TerminalCell::Wide;
        TerminalCell tail = d->pen;
        tail.attributes |= TerminalCell::WideTail;
        cell[1] = tail;
    }
    cell[0] = glyph;
    const int end = std::min(pos.col + width, lastColumn + 1);
    if (end > row.used)
        row.used = end;
    return 1;
}

int TerminalEmulator::Private::onMovecursor(VTermPos pos, VTermPos oldpos, int visible, void* user)
{
    Q_UNUSED(visible) // the CURSORVISIBLE property carries the same
    auto* d = static_cast<Private*>(user);
    if (pos.row != d->wrapPos.row || pos.col != d->wrapPos.col)
        d->wrapCandidate = false;
    d->cursor.row = pos.row;
    d->cursor.column = pos.col;
    if (oldpos.row >= 0 && oldpos.row < d->rowCount)
        d->dirty[size_t(oldpos.row)] = 1;
    if (pos.row >= 0 && pos.row < d->rowCount)
        d->dirty[size_t(pos.row)] = 1;
    d->cursorMoved = true;
    return 1;
}

int TerminalEmulator::Private::onScrollrect(VTermRect rect, int downward, int rightward, void* user)
{
    auto* d = static_cast<Private*>(user);
    if (!d->inside(rect))
        return 1;
    if (rightward != 0 || rect.start_col != 0 || rect.end_col != d->columns)
        return 0; // libvterm falls back to moverect + erase
    Screen& s = *d->screen;
    d->forgetRow();
    const int top = rect.start_row;
    const int bottom = rect.end_row;
    const int height = bottom - top;
    const int n = std::min(std::abs(downward), height);
    if (n <= 0)
        return 1;
    if (downward > 0) {
        if (top == 0 && !d->altScreen) {
            for (int r = 0; r < n; ++r)
                d->pushHistory(s, r);
            d->scrolled += n;
        }
        s.rotate(top, bottom, n, d->scratchOrder);
        for (int r = bottom - n; r < bottom; ++r)
            d->blankRow(s, r);
    } else {
        s.rotate(top, bottom, -n, d->scratchOrder);
        for (int r = top; r < top + n; ++r)
            d->blankRow(s, r);
    }
    d->markDirty(top, bottom);
    return 1;
}

int TerminalEmulator::Private::onMoverect(VTermRect dest, VTermRect src, void* user)
{
    auto* d = static_cast<Private*>(user);
    if (!d->inside(dest) || !d->inside(src) ||
        dest.end_row - dest.start_row != src.end_row - src.start_row ||
        dest.end_col - dest.start_col != src.end_col - src.start_col)
        return 1;
    Screen& s = *d->screen;
    const int height = dest.end_row - dest.start_row;
    const int width = dest.end_col - dest.start_col;
    const int shift = dest.start_col - src.start_col;
    const bool fullWidth = dest.start_col == 0 && dest.end_col == d->columns;
    // Source and destination may overlap: copy out first.
    d->scratchCells.resize(size_t(height) * size_t(width));
    d->scratchInfo.resize(size_t(height));
    for (int r = 0; r < height; ++r) {
        const int p = s.physical(src.start_row + r);
        const TerminalCell* from = s.cellsOf(p) + src.start_col;
        std::copy(from, from + width, d->scratchCells.begin() + qsizetype(r) * width);
        RowInfo& copy = d->scratchInfo[size_t(r)];
        copy.marks.clear();
        for (const TerminalMarks& m : s.info[size_t(p)].marks) {
            if (m.column >= src.start_col && m.column < src.end_col) {
                TerminalMarks moved = m;
                moved.column = quint16(m.column + shift);
                copy.marks.push_back(moved);
            }
        }
        copy.wrapped = s.info[size_t(p)].wrapped;
    }
    for (int r = 0; r < height; ++r) {
        const int p = s.physical(dest.start_row + r);
        RowInfo& to = s.info[size_t(p)];
        const RowInfo& copy = d->scratchInfo[size_t(r)];
        const auto from = d->scratchCells.begin() + qsizetype(r) * width;
        std::copy(from, from + width, s.cellsOf(p) + dest.start_col);
        if (!to.marks.empty())
            removeMarksIn(to, dest.start_col, dest.end_col);
        to.marks.insert(to.marks.end(), copy.marks.begin(), copy.marks.end());
        if (fullWidth)
            to.wrapped = copy.wrapped;
        to.used = std::max(to.used, dest.end_col);
    }
    d->fastRow = -1; // the rows may have gained marks
    d->markDirty(dest.start_row, dest.end_row);
    return 1;
}

int TerminalEmulator::Private::onErase(VTermRect rect, int selective, void* user)
{
    Q_UNUSED(selective)
    auto* d = static_cast<Private*>(user);
    if (!d->inside(rect))
        return 1;
    Screen& s = *d->screen;
    if (d->keepCleared && !d->altScreen && rect.start_row == 0 && rect.end_row == d->rowCount &&
        rect.start_col == 0 && rect.end_col == d->columns) {
        int last = d->rowCount - 1;
        while (last >= 0) {
            const int p = s.physical(last);
            if (trimmedLength(s.cellsOf(p), s.info[size_t(p)].used, s.columns) > 0)
                break;
            --last;
        }
        for (int r = 0; r <= last; ++r)
            d->pushHistory(s, r);
    }
    const TerminalCell blank = d->blank();
    const bool plain = blank == TerminalCell();
    for (int r = rect.start_row; r < rect.end_row; ++r) {
        const int p = s.physical(r);
        RowInfo& row = s.info[size_t(p)];
        TerminalCell* cells = s.cellsOf(p);
        std::fill(cells + rect.start_col, cells + rect.end_col, blank);
        if (!row.marks.empty())
            removeMarksIn(row, rect.start_col, rect.end_col);
        if (rect.end_col == d->columns)
            row.wrapped = false;
        if (!plain)
            row.used = std::max(row.used, rect.end_col);
        else if (rect.end_col >= row.used)
            row.used = std::min(row.used, rect.start_col);
    }
    d->markDirty(rect.start_row, rect.end_row);
    return 1;
}

int TerminalEmulator::Private::onInitpen(void* user)
{
    static_cast<Private*>(user)->pen = TerminalCell();
    return 1;
}

int TerminalEmulator::Private::onSetpenattr(VTermAttr attr, VTermValue* val, void* user)
{
    auto* d = static_cast<Private*>(user);
    auto set = [d](quint16 flag, bool on) {
        d->pen.attributes =
            on ? quint16(d->pen.attributes | flag) : quint16(d->pen.attributes & ~flag);
    };
    switch (attr) {
    case VTERM_ATTR_BOLD:
        set(TerminalCell::Bold, val->boolean);
        break;
    case VTERM_ATTR_UNDERLINE:
        set(TerminalCell::Underline, val->number == 1 || val->number == 3);
        set(TerminalCell::DoubleUnderline, val->number == 2);
        break;
    case VTERM_ATTR_ITALIC:
        set(TerminalCell::Italic, val->boolean);
        break;
    case VTERM_ATTR_BLINK:
        set(TerminalCell::Blink, val->boolean);
        break;
    case VTERM_ATTR_REVERSE:
        set(TerminalCell::Reverse, val->boolean);
        break;
    case VTERM_ATTR_STRIKE:
        set(TerminalCell::Strike, val->boolean);
        break;
    case VTERM_ATTR_FOREGROUND:
        d->pen.foreground = fromVterm(val->color, true);
        break;
    case VTERM_ATTR_BACKGROUND:
        d->pen.background = fromVterm(val->color, false);
        break;
    default:
        break;
    }
    return 1;
}

int TerminalEmulator::Private::onSettermprop(VTermProp prop, VTermValue* val, void* user)
{
    auto* d = static_cast<Private*>(user);
    switch (prop) {
    case VTERM_PROP_CURSORVISIBLE:
        d->cursor.visible = val->boolean;
        d->cursorMoved = true;
        break;
    case VTERM_PROP_CURSORBLINK:
        d->cursor.blinking = val->boolean;
        d->cursorMoved = true;
        break;
    case VTERM_PROP_CURSORSHAPE:
        d->cursor.shape =
            val->number == VTERM_PROP_CURSORSHAPE_UNDERLINE  ? TerminalCursor::Shape::Underline
            : val->number == VTERM_PROP_CURSORSHAPE_BAR_LEFT ? TerminalCursor::Shape::Bar
                                                             : TerminalCursor::Shape::Block;
        d->cursorMoved = true;
        break;
    case VTERM_PROP_ALTSCREEN: {
        const bool on = val->boolean;
        if (on == d->altScreen)
            break;
        d->altScreen = on;
        d->screen = on ? &d->alternate : &d->primary;
        d->forgetRow();
        if (on) {
            for (int r = 0; r < d->alternate.rows; ++r)
                d->blankRow(d->alternate, r);
        }
        d->altChanged = true;
        d->markDirty(0, d->rowCount);
        break;
    }
    case VTERM_PROP_TITLE: {
        // Control characters would let a title carry commands into a title report or a shell.
        QString title;
        const QString raw = QString::fromUtf8(val->string);
        for (const QChar c : raw) {
            const char16_t u = c.unicode();
            if (u < 0x20 || (u >= 0x7f && u < 0xa0))
                continue;
            title += c;
        }
        title.truncate(MaxTitleLength);
        if (title != d->title) {
            d->title = title;
            d->titlePending = true;
        }
        break;
    }
    case VTERM_PROP_REVERSE:
        d->reverseVideo = val->boolean;
        d->markDirty(0, d->rowCount);
        break;
    case VTERM_PROP_MOUSE: {
        const MouseMode mode = val->number == VTERM_PROP_MOUSE_CLICK  ? MouseMode::Click
                               : val->number == VTERM_PROP_MOUSE_DRAG ? MouseMode::Drag
                               : val->number == VTERM_PROP_MOUSE_MOVE ? MouseMode::Move
                                                                      : MouseMode::None;
        if (mode != d->mouse) {
            d->mouse = mode;
            d->mouseChanged = true;
        }
        break;
    }
    default:
        break;
    }
    return 1;
}

int TerminalEmulator::Private::onBell(void* user)
{
    ++static_cast<Private*>(user)->bells;
    return 1;
}

void TerminalEmulator::Private::resizeScreen(Screen& s, int newRows, int newColumns, bool active,
                                             VTermPos* delta)
{
    const int oldRows = s.rows;
    int drop = 0;
    if (newRows < oldRows) {
        // Keep the cursor's row on screen, as other terminals do: the top goes to the history.
        drop = active ? std::max(0, std::min(cursor.row - (newRows - 1), oldRows - newRows)) : 0;
        if (&s == &primary) {
            for (int r = 0; r < drop; ++r)
                pushHistory(s, r);
        }
        if (active && delta)
            delta->row -= drop;
    }
    Screen resized;
    resized.reset(newRows, newColumns);
    const int kept = std::min(newRows, oldRows - drop);
    const int width = std::min(s.columns, newColumns);
    for (int r = 0; r < kept; ++r) {
        const int from = s.physical(r + drop);
        const TerminalCell* cells = s.cellsOf(from);
        std::copy(cells, cells + width, resized.cellsOf(r));
        RowInfo& info = resized.info[size_t(r)];
        info = std::move(s.info[size_t(from)]);
        if (newColumns < s.columns) {
            removeMarksIn(info, newColumns, s.columns);
            info.wrapped = false;
            info.used = std::min(info.used, newColumns);
        }
    }
    s = std::move(resized);
}

int TerminalEmulator::Private::onResize(int rows, int cols, VTermPos* delta, void* user)
{
    auto* d = static_cast<Private*>(user);
    d->forgetRow();
    d->resizeScreen(d->primary, rows, cols, !d->altScreen, delta);
    d->resizeScreen(d->alternate, rows, cols, d->altScreen, delta);
    d->rowCount = rows;
    d->columns = cols;
    d->innerColumns = unsigned(std::max(0, cols - 2));
    d->dirty.assign(size_t(rows), 1);
    d->anyDirty = true;
    return 1;
}

int TerminalEmulator::Private::onOsc(const char* command, size_t size, void* user)
{
    auto* d = static_cast<Private*>(user);
    // libvterm 0.1.4 hands over a bogus length for some split strings; we never split them.
    if (size > size_t(MaxHeldSequence))
        return 1;
    const QByteArray osc = QByteArray::fromRawData(command, qsizetype(size));
    if (!osc.startsWith("52;"))
        return 1; // colour, font and other queries are never answered
    const qsizetype separator = osc.indexOf(';', 3);
    if (separator < 0)
        return 1;
    const QByteArray data = osc.mid(separator + 1);
    if (data == "?" || !d->clipboardAllowed)
        return 1; // reading the clipboard is refused
    auto decoded = QByteArray::fromBase64Encoding(data, QByteArray::AbortOnBase64DecodingErrors);
    if (decoded)
        d->clipboardWrites.append(decoded.decoded);
    return 1;
}

void TerminalEmulator::Private::onOutput(const char* s, size_t len, void* user)
{
    auto* d = static_cast<Private*>(user);
    (d->capturing ? d->captured : d->replies).append(s, qsizetype(len));
}

// Runs the sequence scanner from `from`; true with *end just past the sequence when it ended.
bool TerminalEmulator::Private::advance(const char* p, size_t n, size_t from, size_t* end)
{
    abandoned = false;
    for (size_t k = from; k < n; ++k) {
        const auto c = static_cast<unsigned char>(p[k]);
        const bool cancel = c == 0x18 || c == 0x1a;
        switch (scan) {
        case Scan::Ground:
            *end = k;
            return true;
        case Scan::Esc:
        case Scan::EscIntermediate: // libvterm starts a string or CSI even after intermediates
            if (c == ']' || c == 'P') {
                scan = Scan::String;
                continue;
            }
            if (c == '[') {
                scan = Scan::Csi;
                continue;
            }
            if (c == 0x1b) { // a new sequence starts here
                scan = Scan::Ground;
                abandoned = true;
                *end = k;
                return true;
            }
            if (c >= 0x20 && c <= 0x2f) {
                scan = Scan::EscIntermediate;
                continue;
            }
            // libvterm runs C0 controls where they stand and stays in the sequence past DEL and
            // bytes above 0x7f.
            if ((c < 0x20 && !cancel) || c >= 0x7f)
                continue;
            break;
        case Scan::Csi:
            if (c == 0x1b) {
                scan = Scan::Ground;
                abandoned = true;
                *end = k;
                return true;
            }
            if (!cancel && (c < 0x40 || c > 0x7e))
                continue;
            break;
        case Scan::String:
        case Scan::Discard: {
            const bool discard = scan == Scan::Discard;
            while (k < n) {
                const auto b = static_cast<unsigned char>(p[k]);
                if (b == 0x07 || b == 0x18 || b == 0x1a || b == 0x1b)
                    break;
                ++k;
            }
            if (k == n)
                return false;
            if (static_cast<unsigned char>(p[k]) == 0x1b) {
                scan = discard ? Scan::DiscardEsc : Scan::StringEsc;
                continue;
            }
            break;
        }
        case Scan::StringEsc:
            if (c == '\\' || cancel)
                break;       // ST, or cancelled
            if (c == 0x1b) { // libvterm drops the string and starts a new sequence
                scan = Scan::Ground;
                abandoned = true;
                *end = k;
                return true;
            }
            if (c < 0x20 || c == 0x7f)
                continue;
            // libvterm drops the string and reads this byte as the one after an ESC.
            if (c == ']' || c == 'P') {
                scan = Scan::String;
                continue;
            }
            if (c == '[') {
                scan = Scan::Csi;
                continue;
            }
            if (c >= 0x20 && c <= 0x2f) {
                scan = Scan::EscIntermediate;
                continue;
            }
            if (c >= 0x80) {
                scan = Scan::Esc;
                continue;
            }
            break;
        case Scan::DiscardEsc:
            break;
        }
        scan = Scan::Ground;
        *end = k + 1;
        return true;
    }
    return false;
}

void TerminalEmulator::Private::holdTail(const char* p, size_t n)
{
    if (scan == Scan::Discard || scan == Scan::DiscardEsc)
        return;
    held.append(p, qsizetype(n));
    if (held.size() <= MaxHeldSequence)
        return;
    if (scan == Scan::String || scan == Scan::StringEsc) {
        // Too long to be anything we honour: drop it up to its terminator.
        scan = scan == Scan::String ? Scan::Discard : Scan::DiscardEsc;
    } else {
        write(held.constData(), size_t(held.size()));
        scan = Scan::Ground;
        parserInGround = false; // libvterm is still inside it
    }
    held.clear();
}

// libvterm 0.1.4 gets OSC/DCS strings split over two writes wrong (it drops the first part, and
// once reports a length of SIZE_MAX), so incomplete sequences are held back until complete. It
// also has no concealed attribute: SGR 8/28 are followed here, splitting the write after them.
void TerminalEmulator::Private::frame(const char* p, size_t n)
{
    size_t i = 0;
    if (!utf8Tail.isEmpty()) {
        i = completeUtf8Tail(p, n);
        if (!utf8Tail.isEmpty())
            return;
    }
    if (scan != Scan::Ground) {
        const bool discarding = scan == Scan::Discard || scan == Scan::DiscardEsc;
        size_t end = 0;
        if (!advance(p, n, i, &end)) {
            holdTail(p + i, n - i);
            return;
        }
        if (!discarding) {
            held.append(p + i, qsizetype(end - i));
            writeSequence(held.constData(), size_t(held.size()),
                          noteSequence(held.constData(), size_t(held.size())));
            const int conceal = concealSetBy(held.constData(), size_t(held.size()));
            if (conceal >= 0)
                setConceal(conceal);
        }
        held.clear();
        i = end;
    }
    pendingFrom = i;
    while (i < n) {
        const void* found = std::memchr(p + i, 0x1b, n - i);
        const size_t start = found ? size_t(static_cast<const char*>(found) - p) : n;
        text(p, i, start, !found);
        if (!found)
            break;
        scan = Scan::Esc;
        size_t end = 0;
        if (!advance(p, n, start + 1, &end)) {
            flushPending(p, start);
            holdTail(p + start, n - start);
            return;
        }
        const Special special = noteSequence(p + start, end - start);
        if (special != Special::None) {
            flushPending(p, start);
            writeSequence(p + start, end - start, special);
            pendingFrom = end;
        }
        const int conceal = p[end - 1] == 'm' ? concealSetBy(p + start, end - start) : -1;
        if (conceal >= 0) {
            flushPending(p, end);
            setConceal(conceal);
        }
        i = end;
    }
    flushPending(p, n);
}

// Takes continuation bytes for a character left incomplete by the previous feed; returns how
// many bytes of p it used.
size_t TerminalEmulator::Private::completeUtf8Tail(const char* p, size_t n)
{
    const qsizetype need = utf8Length(static_cast<unsigned char>(utf8Tail.at(0)));
    size_t used = 0;
    while (utf8Tail.size() < need && used < n &&
           (static_cast<unsigned char>(p[used]) & 0xc0) == 0x80)
        utf8Tail.append(p[used++]);
    if (utf8Tail.size() < need && used == n)
        return used; // still incomplete: wait for more
    if (utf8Tail.size() == need && !isC1(utf8Tail.constData()))
        write(utf8Tail.constData(), size_t(utf8Tail.size()));
    else
        write(Replacement, sizeof Replacement - 1);
    utf8Tail.clear();
    return used;
}

// Text between sequences, [from, to): long runs of printable ASCII go to plainRun(), the rest to
// libvterm. A character cut short by a control, a sequence or another character becomes U+FFFD
// here: libvterm would keep the partial character and spoil later text with it. One cut by the
// end of the feed waits for the next. C1 controls written as UTF-8 become U+FFFD too.
void TerminalEmulator::Private::text(const char* p, size_t from, size_t to, bool endOfFeed)
{
    size_t k = from;
    while (k < to) {
        const auto c = static_cast<unsigned char>(p[k]);
        if (c >= 0x20 && c < 0x7f) {
            // libvterm decodes a run that starts above 0x7f as UTF-8 throughout, so ASCII after
            // such bytes would miss the charset in GL (DEC line drawing): it starts a write.
            if (k > from && static_cast<unsigned char>(p[k - 1]) >= 0x80 &&
                !(asciiCharsets >> glCharset & 1))
                flushPending(p, k);
            size_t e = k + 1;
            while (e < to && unsigned(static_cast<unsigned char>(p[e]) - 0x20) < 0x5f)
                ++e;
            if (e - k >= MinPlainRun + 2 && plainRunsAllowed())
                plainRun(p, k, e);
            k = e;
            continue;
        }
        if (c < 0x80) { // C0 control or DEL
            if (c == 0x0e || c == 0x0f)
                noteControls(p + k, 1);
            ++k;
            continue;
        }
        if (c < 0xc0) { // a stray continuation byte: libvterm shows U+FFFD for it
            ++k;
            continue;
        }
        const size_t length = utf8Length(c);
        size_t e = k + 1;
        while (e < to && e < k + length && (static_cast<unsigned char>(p[e]) & 0xc0) == 0x80)
            ++e;
        if (length && e == k + length && !isC1(p + k)) {
            k = e;
            continue;
        }
        flushPending(p, k);
        if (length && e < k + length && e == to && endOfFeed) {
            utf8Tail = QByteArray(p + k, qsizetype(to - k));
            pendingFrom = to;
            return;
        }
        write(Replacement, sizeof Replacement - 1);
        pendingFrom = k = std::max(e, k + 1);
    }
}

// Writes printable ASCII [from, to) into the grid where libvterm would have put it, with the pen
// libvterm gave us, and moves libvterm's cursor past it. libvterm itself prints the run's first
// character (taking a pending wrap or single shift) and its last one (so that a combining mark
// or REP after the run finds it); the rest must stay short of the row's last column, where
// libvterm's wrap rules start.
void TerminalEmulator::Private::plainRun(const char* p, size_t from, size_t to)
{
    flushPending(p, from + 1);
    VTermPos at{};
    vterm_state_get_cursorpos(state, &at);
    const int count = std::min(int(to - from) - 2, columns - 1 - at.col);
    if (count < MinPlainRun || (at.row != cachedRow && !cacheRow(at.row)))
        return;
    // HPA: libvterm's cursor to the column after them.
    char hpa[16] = "\x1b[";
    size_t length = 2 + decimal(at.col + count + 1, hpa + 2);
    hpa[length++] = '`';
    write(hpa, length);
    VTermPos after{};
    vterm_state_get_cursorpos(state, &after);
    if (after.row != at.row || after.col != at.col + count) {
        // State we failed to follow: libvterm prints the rest, from where its cursor is, and
        // all text from now on.
        qWarning("terminal: libvterm moved the cursor elsewhere; plain-text shortcut off");
        plainRunsEnabled = false;
        return;
    }
    RowInfo& row = *cachedInfo; // cached above; the HPA leaves it
    if (!row.marks.empty())
        removeMarksIn(row, at.col, at.col + count);
    TerminalCell glyph = pen;
    TerminalCell* cells = cachedCells + at.col;
    const char* chars = p + from + 1;
    for (int j = 0; j < count; ++j) {
        glyph.codepoint = static_cast<unsigned char>(chars[j]);
        cells[j] = glyph;
    }
    row.used = std::max(row.used, at.col + count);
    pendingFrom = from + 1 + count;
}

// A sequence cut short by the next ESC only runs the controls inside it: libvterm would drop the
// rest too, unless what we drop after it (a DCS) let its ESC meet the bytes that follow.
// REP is dropped where libvterm would loop forever on it; DECALN prints without being text; a
// restored cursor is kept on the screen. Double-width and double-height lines are not kept:
// libvterm 0.1.4 gets them wrong in several ways (reversed rectangles, a cursor in column -1
// that then indexes its tab stops), and our grid draws every line at single width anyway.
// Strings lose their controls (libvterm 0.1.4 would run them, and ESC, a control and then "\\"
// make it read the string with a length of SIZE_MAX); one that an ESC left unterminated is
// dropped, and what follows the ESC is a sequence of its own. DCS strings are dropped whole: the
// only one libvterm acts on is DECRQSS, whose answers never reach the program, and its reply
// for an unknown request passes an int where its format wants a string.
void TerminalEmulator::Private::writeSequence(const char* seq, size_t size, Special special)
{
    if (special == Special::String) {
        writeString(seq, size);
        return;
    }
    if ((special == Special::Repeat && repeatWidth == 0) || special == Special::LineSize)
        return;
    if (special == Special::Abandoned) {
        writeControls(seq, size);
        return;
    }
    const int width = repeatWidth;
    write(seq, size);
    if (special == Special::Alignment)
        repeatWidth = width;
    if (special == Special::RestoreCursor) {
        // libvterm 0.1.4 restores a position saved before the screen shrank without checking
        // it, then reads and writes its line table past the end: back onto the screen.
        VTermPos at{};
        vterm_state_get_cursorpos(state, &at);
        if (at.row >= rowCount || at.col >= columns) {
            const QByteArray cup = "\x1b[" +
                                   QByteArray::number(std::min(at.row, rowCount - 1) + 1) + ';' +
                                   QByteArray::number(std::min(at.col, columns - 1) + 1) + 'H';
            write(cup.constData(), size_t(cup.size()));
        }
    }
}

void TerminalEmulator::Private::writeString(const char* seq, size_t size)
{
    const auto* esc = static_cast<const char*>(std::memchr(seq + 1, 0x1b, size - 1));
    const char* const end = seq + size;
    if (esc) {
        const char* next = esc + 1;
        while (next < end && (static_cast<unsigned char>(*next) < 0x20 || *next == 0x7f) &&
               *next != 0x18 && *next != 0x1a)
            ++next;
        if (next == end) { // ESC and the next sequence's ESC: nothing of it is left
            writeControls(esc, size_t(end - esc));
            return;
        }
        if (*next != '\\') {
            const size_t rest = size_t(end - esc);
            writeSequence(esc, rest, noteSequence(esc, rest));
            const int conceal = concealSetBy(esc, rest);
            if (conceal >= 0)
                setConceal(conceal);
            return;
        }
    }
    const char* introducer = seq + 1;
    while (introducer < end && *introducer != ']' && *introducer != 'P')
        ++introducer;
    if (introducer < end && *introducer == 'P')
        return;
    // The last byte may end it (BEL, CAN, SUB); ST is kept whole.
    QByteArray clean;
    clean.reserve(qsizetype(size));
    for (const char* c = seq; c < end; ++c) {
        const auto b = static_cast<unsigned char>(*c);
        if ((b >= 0x20 && b != 0x7f) || b == 0x1b || c == end - 1)
            clean.append(*c);
    }
    write(clean.constData(), size_t(clean.size()));
}

// Follows what a complete sequence does to the state plainRun() depends on. libvterm 0.1.4 runs
// C0 controls inside sequences where they stand and skips DEL; SM/RM and DECSET/DECRST act on
// their first parameter only.
TerminalEmulator::Private::Special TerminalEmulator::Private::noteSequence(const char* seq,
                                                                           size_t size)
{
    parserInGround = true;
    if (abandoned) {
        noteControls(seq, size);
        return Special::Abandoned;
    }
    // After ESC libvterm gathers intermediates, skipping DEL and bytes above 0x7f; the first
    // other byte decides: [ a CSI, ] or P a string, anything else the escape's final byte.
    char intermediate = 0;
    int intermediates = 0;
    size_t k = 1;
    for (; k < size; ++k) {
        const auto c = static_cast<unsigned char>(seq[k]);
        if (c >= 0x20 && c <= 0x2f) {
            intermediate = char(c);
            ++intermediates;
        } else if (c >= 0x30 && c < 0x7f) {
            break;
        }
    }
    if (k < size && (seq[k] == ']' || seq[k] == 'P'))
        return Special::String; // written without its controls
    noteControls(seq, size);
    if (k == size)
        return Special::None;
    const char decider = seq[k];
    if (decider != '[') {
        if (intermediates == 1 && intermediate == '#' && decider == '8')
            return Special::Alignment;
        if (intermediates == 0 && decider == '8')
            return Special::RestoreCursor;
        if (intermediates == 1 && intermediate == '#' && decider >= '3' && decider <= '6')
            return Special::LineSize;
        if (intermediates == 1 && intermediate >= '(' && intermediate <= '+') { // SCS
            const int set = intermediate - '(';
            if (decider == 'B')
                asciiCharsets |= quint8(1 << set);
            else if (decider == '0' || decider == 'A')
                asciiCharsets &= quint8(~(1 << set));
        } else if (intermediates == 0 && (decider == 'n' || decider == 'o')) { // LS2, LS3
            glCharset = decider == 'n' ? 2 : 3;
        } else if (intermediates == 0 && decider == 'c') { // RIS
            asciiCharsets = 0x0f;
            glCharset = 0;
            insertMode = originMode = false;
        }
        return Special::None;
    }
    // A CSI: its body without controls, up to the final byte the scanner ended it on.
    char body[32];
    size_t n = 0;
    for (++k; k < size && n < sizeof body; ++k) {
        const auto c = static_cast<unsigned char>(seq[k]);
        if (c >= 0x20 && c != 0x7f)
            body[n++] = char(c);
    }
    const char final = seq[size - 1];
    if (final == 'h' || final == 'l')
        noteModes(k == size ? body : nullptr, n);
    if (final == 'l' && n > 0 && body[0] == '?') // among them 1048 and 1049
        return Special::RestoreCursor;
    // REP: no leader or intermediate, else libvterm reads another command.
    const bool plain = std::all_of(
        body, body + n - 1, [](char c) { return (c >= '0' && c <= '9') || c == ':' || c == ';'; });
    return final == 'b' && n > 0 && plain ? Special::Repeat : Special::None;
}

void TerminalEmulator::Private::noteControls(const char* p, size_t n)
{
    for (size_t k = 0; k < n; ++k) {
        if (p[k] == 0x0e) // SO: G1 into GL
            glCharset = 1;
        else if (p[k] == 0x0f) // SI: G0 into GL
            glCharset = 0;
    }
}

// SM/RM (IRM) and DECSET/DECRST (DECOM): a CSI body after "[" without controls. Null
// means one we could not read; the modes are then taken as the worst case.
void TerminalEmulator::Private::noteModes(const char* body, size_t n)
{
    if (!body) {
        insertMode = true;
        return;
    }
    size_t k = 0;
    int leaders = 0;
    char leader = 0;
    for (; k < n && body[k] >= 0x3c && body[k] <= 0x3f; ++k) {
        leader = body[k];
        ++leaders;
    }
    int first = -1; // missing
    int digits = 0;
    bool inFirst = true;
    for (; k < n && ((body[k] >= '0' && body[k] <= '9') || body[k] == ':' || body[k] == ';'); ++k) {
        if (body[k] == ':' || body[k] == ';') {
            inFirst = false;
        } else if (inFirst) {
            first = std::max(first, 0) * 10 + (body[k] - '0');
            if (++digits > 8) // libvterm's number would overflow somewhere: unknowable
                return noteModes(nullptr, 0);
        }
    }
    // libvterm drops anything else; an intermediate makes it another command.
    if (k != n - 1 || leaders > 1 || first < 0)
        return;
    const bool on = body[k] == 'h';
    if (leaders == 0 && first == 4)
        insertMode = on;
    else if (leader == '?' && first == 6)
        originMode = on;
}

void TerminalEmulator::Private::filterReplies()
{
    // libvterm also answers DECRQSS and DECRQM; only DA, DSR and CPR may reach the program.
    QByteArray allowed;
    const QByteArray& r = replies;
    qsizetype i = 0;
    while (i < r.size()) {
        const auto c = static_cast<unsigned char>(r.at(i));
        qsizetype bodyStart = -1;
        if (c == 0x1b && i + 1 < r.size() && r.at(i + 1) == '[')
            bodyStart = i + 2;
        else if (c == 0x9b)
            bodyStart = i + 1;
        if (bodyStart < 0) {
            // Not a CSI: skip a whole string reply (DCS/OSC) or the single byte.
            const bool string =
                (c == 0x1b && i + 1 < r.size() && (r.at(i + 1) == 'P' || r.at(i + 1) == ']')) ||
                c == 0x90 || c == 0x9d;
            if (!string) {
                ++i;
                continue;
            }
            qsizetype k = i + (c == 0x1b ? 2 : 1);
            while (k < r.size() && r.at(k) != '\a' && uchar(r.at(k)) != 0x9c &&
                   !(r.at(k) == '\x1b' && k + 1 < r.size() && r.at(k + 1) == '\\'))
                ++k;
            i = k + (k < r.size() && r.at(k) == '\x1b' ? 2 : 1);
            continue;
        }
        qsizetype k = bodyStart;
        while (k < r.size() && (uchar(r.at(k)) < 0x40 || uchar(r.at(k)) > 0x7e))
            ++k;
        if (k >= r.size())
            break;
        const char final = r.at(k);
        QByteArray body = r.mid(bodyStart, k - bodyStart);
        i = k + 1;
        char leader = 0;
        if (!body.isEmpty() && (body.at(0) == '?' || body.at(0) == '>')) {
            leader = body.at(0);
            body.remove(0, 1);
        }
        const QList<QByteArray> params = body.split(';');
        const bool numeric =
            body.isEmpty() || std::all_of(params.begin(), params.end(),
                                          [](const QByteArray& v) { return isDigits(v); });
        if (!numeric || body.size() > 32)
            continue;
        if (final == 'c' && leader) // DA1 (?) and DA2 (>)
            allowed += "\x1b[" + QByteArray(1, leader) + body + 'c';
        else if (final == 'n' && !leader && body == "0") // DSR: ready
            allowed += "\x1b[0n";
        else if (final == 'R' && !leader && params.size() == 2) // CPR
            allowed += "\x1b[" + body + 'R';
    }
    replies.clear();
    if (!allowed.isEmpty())
        Q_EMIT q->outputToProgram(allowed);
}

TerminalEmulator::TerminalEmulator(int columns, int rows, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->columns = std::max(1, columns);
    d->rowCount = std::max(1, rows);
    d->innerColumns = unsigned(std::max(0, d->columns - 2));
    d->primary.reset(d->rowCount, d->columns);
    d->alternate.reset(d->rowCount, d->columns);
    d->dirty.assign(size_t(d->rowCount), 1);

    d->damageTimer.setSingleShot(true);
    d->damageTimer.setInterval(16);
    connect(&d->damageTimer, &QTimer::timeout, this, &TerminalEmulator::damaged);

    d->vt = vterm_new(d->rowCount, d->columns);
    vterm_set_utf8(d->vt, 1);
    vterm_output_set_callback(d->vt, &Private::onOutput, d.get());
    d->state = vterm_obtain_state(d->vt);
    static const VTermStateCallbacks callbacks = {
        &Private::onPutglyph,   &Private::onMovecursor,  &Private::onScrollrect,
        &Private::onMoverect,   &Private::onErase,       &Private::onInitpen,
        &Private::onSetpenattr, &Private::onSettermprop, &Private::onBell,
        &Private::onResize,     &Private::onSetlineinfo};
    vterm_state_set_callbacks(d->state, &callbacks, d.get());
    static const VTermParserCallbacks fallbacks = {nullptr,         nullptr,
                                                   nullptr,         &Private::onIgnoredCsi,
                                                   &Private::onOsc, &Private::onIgnoredString,
                                                   nullptr};
    vterm_state_set_unrecognised_fallbacks(d->state, &fallbacks, d.get());
    vterm_state_reset(d->state, 1);
    d->replies.clear();
    d->titlePending = false;
}

TerminalEmulator::~TerminalEmulator()
{
    vterm_free(d->vt);
}

void TerminalEmulator::feed(const QByteArray& bytes)
{
    feed(bytes.constData(), bytes.size());
}

void TerminalEmulator::feed(const char* bytes, qsizetype size)
{
    if (size <= 0)
        return;
    d->frame(bytes, size_t(size));
    // Signals go out after libvterm returned, so a slot may feed again safely.
    if (!d->replies.isEmpty())
        d->filterReplies();
    if (d->titlePending) {
        d->titlePending = false;
        Q_EMIT titleChanged(d->title);
    }
    for (; d->bells > 0; --d->bells)
        Q_EMIT bellRang();
    const QList<QByteArray> writes = std::exchange(d->clipboardWrites, {});
    for (const QByteArray& data : writes)
        Q_EMIT clipboardWriteRequested(data);
    if (d->altChanged) {
        d->altChanged = false;
        Q_EMIT alternateScreenChanged(d->altScreen);
    }
    if (d->mouseChanged) {
        d->mouseChanged = false;
        Q_EMIT mouseModeChanged(d->mouse);
    }
    if ((d->anyDirty || d->cursorMoved || d->scrolled) && !d->damageTimer.isActive())
        d->damageTimer.start();
}

void TerminalEmulator::resize(int columns, int rows)
{
    columns = std::max(1, columns);
    rows = std::max(1, rows);
    if (columns == d->columns && rows == d->rowCount)
        return;
    const bool fewerRows = rows < d->rowCount;
    vterm_set_size(d->vt, rows, columns);
    if (fewerRows) {
        // libvterm 0.1.4 keeps a scroll region whose top is now past the last row, and its next
        // scroll moves memory by a negative size. The region goes back to the whole screen (as
        // in xterm), and the cursor back where it was (DECSTBM homes it).
        VTermPos at{};
        vterm_state_get_cursorpos(d->state, &at);
        const QByteArray reset = "\x1b[r\x1b[" + QByteArray::number(at.row + 1) + ';' +
                                 QByteArray::number(at.col + 1) + 'H';
        d->write(reset.constData(), size_t(reset.size()));
    }
    if (!d->damageTimer.isActive())
        d->damageTimer.start();
}

int TerminalEmulator::columns() const
{
    return d->columns;
}

int TerminalEmulator::rows() const
{
    return d->rowCount;
}

int TerminalEmulator::scrollbackSize() const
{
    return d->history.size();
}

int TerminalEmulator::scrollbackLimit() const
{
    return d->historyLimit;
}

void TerminalEmulator::setScrollbackLimit(int lines)
{
    d->historyLimit = std::max(0, lines);
    d->history.trim(d->historyLimit);
}

int TerminalEmulator::lineCount() const
{
    return scrollbackSize() + d->rowCount;
}

TerminalLine TerminalEmulator::line(int index) const
{
    const int history = scrollbackSize();
    if (index < 0 || index >= history + d->rowCount)
        return {};
    if (index < history) {
        const History::Line& l = d->history.at(index);
        return TerminalLine(l.cells, l.count, l.marks.data(), int(l.marks.size()), l.wrapped);
    }
    return d->screen->line(index - history);
}

TerminalLine TerminalEmulator::screenRow(int row) const
{
    return line(scrollbackSize() + row);
}

TerminalCell TerminalEmulator::cell(int row, int column) const
{
    return screenRow(row).cell(column);
}

QString TerminalEmulator::text(int firstLine, int lastLine) const
{
    QString result;
    firstLine = std::max(0, firstLine);
    lastLine = std::min(lastLine, lineCount() - 1);
    for (int i = firstLine; i <= lastLine; ++i) {
        const TerminalLine l = line(i);
        if (l.isWrapped() && i < lastLine) {
            for (int column = 0; column < l.size(); ++column)
                result += l.text(column);
        } else {
            result += l.toString();
            if (i < lastLine)
                result += QLatin1Char('\n');
        }
    }
    return result;
}

QList<TerminalMatch> TerminalEmulator::find(const QString& needle, Qt::CaseSensitivity cs) const
{
    QList<TerminalMatch> matches;
    if (needle.isEmpty())
        return matches;
    QString text;
    QList<int> columnOf; // for each QChar of text, its cell
    for (int i = 0; i < lineCount(); ++i) {
        const TerminalLine l = line(i);
        text.clear();
        columnOf.clear();
        for (int column = 0; column < l.size(); ++column) {
            const QString piece = l.text(column);
            text += piece;
            for (qsizetype k = 0; k < piece.size(); ++k)
                columnOf.append(column);
        }
        qsizetype from = 0;
        while ((from = text.indexOf(needle, from, cs)) >= 0) {
            const int first = columnOf.at(from);
            const int lastCell = columnOf.at(from + needle.size() - 1);
            const int end = lastCell + l.cell(lastCell).width();
            matches.append({i, first, end - first});
            from += needle.size();
        }
    }
    return matches;
}

TerminalCursor TerminalEmulator::cursor() const
{
    return d->cursor;
}

QString TerminalEmulator::title() const
{
    return d->title;
}

bool TerminalEmulator::isAlternateScreen() const
{
    return d->altScreen;
}

bool TerminalEmulator::isReverseVideo() const
{
    return d->reverseVideo;
}

// libvterm 0.1.4 keeps these modes private; its keyboard encoder shows them exactly.
bool TerminalEmulator::bracketedPaste() const
{
    d->capturing = true;
    d->captured.clear();
    vterm_keyboard_start_paste(d->vt);
    d->capturing = false;
    return !std::exchange(d->captured, {}).isEmpty();
}

bool TerminalEmulator::applicationCursorKeys() const
{
    d->capturing = true;
    d->captured.clear();
    vterm_keyboard_key(d->vt, VTERM_KEY_UP, VTERM_MOD_NONE);
    d->capturing = false;
    return std::exchange(d->captured, {}).startsWith("\x1bO");
}

bool TerminalEmulator::applicationKeypad() const
{
    d->capturing = true;
    d->captured.clear();
    vterm_keyboard_key(d->vt, VTERM_KEY_KP_0, VTERM_MOD_NONE);
    d->capturing = false;
    return std::exchange(d->captured, {}).startsWith("\x1bO");
}

TerminalEmulator::MouseMode TerminalEmulator::mouseMode() const
{
    return d->mouse;
}

TerminalDamage TerminalEmulator::takeDamage()
{
    TerminalDamage damage;
    for (int r = 0; r < d->rowCount; ++r) {
        if (d->dirty[size_t(r)] || d->allDirty)
            damage.rows.append(r);
        d->dirty[size_t(r)] = 0;
    }
    d->allDirty = false;
    d->forgetRow();
    damage.scrolledLines = std::exchange(d->scrolled, 0);
    damage.cursorMoved = std::exchange(d->cursorMoved, false);
    d->anyDirty = false;
    return damage;
}

void TerminalEmulator::setDamageInterval(int ms)
{
    d->damageTimer.setInterval(std::max(0, ms));
}

static VTermModifier toVterm(TerminalEmulator::Modifiers modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & TerminalEmulator::Modifier::Shift)
        mod |= VTERM_MOD_SHIFT;
    if (modifiers & TerminalEmulator::Modifier::Alt)
        mod |= VTERM_MOD_ALT;
    if (modifiers & TerminalEmulator::Modifier::Ctrl)
        mod |= VTERM_MOD_CTRL;
    return VTermModifier(mod);
}

static VTermKey toVterm(TerminalEmulator::Key key)
{
    using Key = TerminalEmulator::Key;
    switch (key) {
    case Key::Up:
        return VTERM_KEY_UP;
    case Key::Down:
        return VTERM_KEY_DOWN;
    case Key::Left:
        return VTERM_KEY_LEFT;
    case Key::Right:
        return VTERM_KEY_RIGHT;
    case Key::Home:
        return VTERM_KEY_HOME;
    case Key::End:
        return VTERM_KEY_END;
    case Key::PageUp:
        return VTERM_KEY_PAGEUP;
    case Key::PageDown:
        return VTERM_KEY_PAGEDOWN;
    case Key::Insert:
        return VTERM_KEY_INS;
    case Key::Delete:
        return VTERM_KEY_DEL;
    case Key::Backspace:
        return VTERM_KEY_BACKSPACE;
    case Key::Tab:
        return VTERM_KEY_TAB;
    case Key::Enter:
        return VTERM_KEY_ENTER;
    case Key::Escape:
        return VTERM_KEY_ESCAPE;
    default:
        return VTermKey(VTERM_KEY_FUNCTION(1 + int(key) - int(Key::F1)));
    }
}

QByteArray TerminalEmulator::keyBytes(Key key, Modifiers modifiers)
{
    d->capturing = true;
    d->captured.clear();
    vterm_keyboard_key(d->vt, toVterm(key), toVterm(modifiers));
    d->capturing = false;
    return std::exchange(d->captured, {});
}

QByteArray TerminalEmulator::textBytes(const QString& text, Modifiers modifiers)
{
    d->capturing = true;
    d->captured.clear();
    const QList<uint> codepoints = text.toUcs4();
    for (uint c : codepoints)
        vterm_keyboard_unichar(d->vt, c, toVterm(modifiers));
    d->capturing = false;
    return std::exchange(d->captured, {});
}

QByteArray TerminalEmulator::pasteBytes(const QString& text)
{
    QString clean = text;
    // A paste must not end the bracket early; removing one marker may form another.
    for (;;) {
        const qsizetype before = clean.size();
        clean.remove(QStringLiteral("\x1b[201~"));
        clean.remove(QStringLiteral("\x1b[200~"));
        if (clean.size() == before)
            break;
    }
    clean.replace(QStringLiteral("\r\n"), QStringLiteral("\r"));
    clean.replace(QLatin1Char('\n'), QLatin1Char('\r'));
    d->capturing = true;
    d->captured.clear();
    vterm_keyboard_start_paste(d->vt);
    d->captured += clean.toUtf8();
    vterm_keyboard_end_paste(d->vt);
    d->capturing = false;
    return std::exchange(d->captured, {});
}

QByteArray TerminalEmulator::mouseMoveBytes(int row, int column, Modifiers modifiers)
{
    if (d->mouse == MouseMode::None)
        return {};
    d->capturing = true;
    d->captured.clear();
    vterm_mouse_move(d->vt, row, column, toVterm(modifiers));
    d->capturing = false;
    return std::exchange(d->captured, {});
}

QByteArray TerminalEmulator::mouseButtonBytes(int row, int column, int button, bool pressed,
                                              Modifiers modifiers)
{
    // libvterm 0.1.4 reports buttons even with mouse reporting off.
    if (d->mouse == MouseMode::None)
        return {};
    d->capturing = true;
    vterm_mouse_move(d->vt, row, column, toVterm(modifiers));
    d->captured.clear(); // the press carries the position itself
    vterm_mouse_button(d->vt, button, pressed, toVterm(modifiers));
    d->capturing = false;
    return std::exchange(d->captured, {});
}

void TerminalEmulator::setClipboardWritesAllowed(bool allowed)
{
    d->clipboardAllowed = allowed;
}

bool TerminalEmulator::clipboardWritesAllowed() const
{
    return d->clipboardAllowed;
}

void TerminalEmulator::setKeepClearedScreenInHistory(bool keep)
{
    d->keepCleared = keep;
}

void TerminalEmulator::setPlainTextShortcut(bool on)
{
    d->plainRunsEnabled = on;
}

void TerminalEmulator::setHistorySink(std::function<void(const TerminalLine&)> sink)
{
    d->historySink = std::move(sink);
}
