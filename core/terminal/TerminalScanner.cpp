#include "terminal/TerminalScanner.h"

#include "terminal/TerminalGrid.h"

#include <QtGlobal>

#include <algorithm>
#include <cstring>

namespace {

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

} // namespace

using Sequence = TerminalShadowState::Sequence;

TerminalScanner::TerminalScanner(Parser& parser, TerminalShadowState& state, TerminalGrid& grid)
    : m_parser(parser)
    , m_state(state)
    , m_grid(grid)
{}

// Runs the sequence scanner from `from`; true with *end just past the sequence when it ended.
bool TerminalScanner::advance(const char* p, size_t n, size_t from, size_t* end)
{
    m_abandoned = false;
    for (size_t k = from; k < n; ++k) {
        const auto c = static_cast<unsigned char>(p[k]);
        const bool cancel = c == 0x18 || c == 0x1a;
        switch (m_scan) {
        case Scan::Ground:
            *end = k;
            return true;
        case Scan::Esc:
        case Scan::EscIntermediate: // libvterm starts a string or CSI even after intermediates
            if (c == ']' || c == 'P') {
                m_scan = Scan::String;
                continue;
            }
            if (c == '[') {
                m_scan = Scan::Csi;
                continue;
            }
            if (c == 0x1b) { // a new sequence starts here
                m_scan = Scan::Ground;
                m_abandoned = true;
                *end = k;
                return true;
            }
            if (c >= 0x20 && c <= 0x2f) {
                m_scan = Scan::EscIntermediate;
                continue;
            }
            // libvterm runs C0 controls where they stand and stays in the sequence past DEL and
            // bytes above 0x7f.
            if ((c < 0x20 && !cancel) || c >= 0x7f)
                continue;
            break;
        case Scan::Csi:
        case Scan::DiscardCsi:
            if (c == 0x1b) {
                m_scan = Scan::Ground;
                m_abandoned = true;
                *end = k;
                return true;
            }
            if (!cancel && (c < 0x40 || c > 0x7e))
                continue;
            break;
        case Scan::String:
        case Scan::Discard: {
            const bool discard = m_scan == Scan::Discard;
            while (k < n) {
                const auto b = static_cast<unsigned char>(p[k]);
                if (b == 0x07 || b == 0x18 || b == 0x1a || b == 0x1b)
                    break;
                ++k;
            }
            if (k == n)
                return false;
            if (static_cast<unsigned char>(p[k]) == 0x1b) {
                m_scan = discard ? Scan::DiscardEsc : Scan::StringEsc;
                continue;
            }
            break;
        }
        case Scan::StringEsc:
            if (c == '\\' || cancel)
                break;       // ST, or cancelled
            if (c == 0x1b) { // libvterm drops the string and starts a new sequence
                m_scan = Scan::Ground;
                m_abandoned = true;
                *end = k;
                return true;
            }
            if (c < 0x20 || c == 0x7f)
                continue;
            // libvterm drops the string and reads this byte as the one after an ESC.
            if (c == ']' || c == 'P') {
                m_scan = Scan::String;
                continue;
            }
            if (c == '[') {
                m_scan = Scan::Csi;
                continue;
            }
            if (c >= 0x20 && c <= 0x2f) {
                m_scan = Scan::EscIntermediate;
                continue;
            }
            if (c >= 0x80) {
                m_scan = Scan::Esc;
                continue;
            }
            break;
        case Scan::DiscardEsc:
            break;
        }
        m_scan = Scan::Ground;
        *end = k + 1;
        return true;
    }
    return false;
}

void TerminalScanner::holdTail(const char* p, size_t n)
{
    if (m_scan == Scan::Discard || m_scan == Scan::DiscardEsc || m_scan == Scan::DiscardCsi)
        return;
    m_held.append(p, qsizetype(n));
    if (m_held.size() <= MaxHeldSequence)
        return;
    if (m_scan == Scan::String || m_scan == Scan::StringEsc) {
        // Too long to be anything we honour: drop it up to its terminator.
        m_scan = m_scan == Scan::String ? Scan::Discard : Scan::DiscardEsc;
    } else if (m_scan == Scan::Csi) {
        // Far more arguments than libvterm has room for: dropped up to its final byte.
        m_scan = Scan::DiscardCsi;
    } else {
        write(m_held.constData(), size_t(m_held.size()));
        m_scan = Scan::Ground;
        m_state.setParserInGround(false); // libvterm is still inside it
    }
    m_held.clear();
}

// libvterm 0.1.4 gets OSC/DCS strings split over two writes wrong (it drops the first part, and
// once reports a length of SIZE_MAX), so incomplete sequences are held back until complete. It
// also has no concealed attribute: SGR 8/28 are followed here, splitting the write after them.
void TerminalScanner::feed(const char* p, size_t n)
{
    size_t i = 0;
    if (!m_utf8Tail.isEmpty()) {
        i = completeUtf8Tail(p, n);
        if (!m_utf8Tail.isEmpty())
            return;
    }
    if (m_scan != Scan::Ground) {
        const bool discarding =
            m_scan == Scan::Discard || m_scan == Scan::DiscardEsc || m_scan == Scan::DiscardCsi;
        size_t end = 0;
        if (!advance(p, n, i, &end)) {
            holdTail(p + i, n - i);
            return;
        }
        if (!discarding) {
            m_held.append(p + i, qsizetype(end - i));
            const char* seq = m_held.constData();
            const auto size = size_t(m_held.size());
            writeSequence(seq, size, m_state.noteSequence(seq, size, m_abandoned));
            const int conceal = m_state.concealSetBy(seq, size);
            if (conceal >= 0)
                m_state.setConceal(conceal);
        }
        m_held.clear();
        i = end;
    }
    m_pendingFrom = i;
    while (i < n) {
        const void* found = std::memchr(p + i, 0x1b, n - i);
        const size_t start = found ? size_t(static_cast<const char*>(found) - p) : n;
        text(p, i, start, !found);
        if (!found)
            break;
        m_scan = Scan::Esc;
        size_t end = 0;
        if (!advance(p, n, start + 1, &end)) {
            flushPending(p, start);
            holdTail(p + start, n - start);
            return;
        }
        const Sequence sequence = m_state.noteSequence(p + start, end - start, m_abandoned);
        if (sequence != Sequence::Plain) {
            flushPending(p, start);
            writeSequence(p + start, end - start, sequence);
            m_pendingFrom = end;
        }
        const int conceal = p[end - 1] == 'm' ? m_state.concealSetBy(p + start, end - start) : -1;
        if (conceal >= 0) {
            flushPending(p, end);
            m_state.setConceal(conceal);
        }
        i = end;
    }
    flushPending(p, n);
}

// Takes continuation bytes for a character left incomplete by the previous feed; returns how
// many bytes of p it used.
size_t TerminalScanner::completeUtf8Tail(const char* p, size_t n)
{
    const qsizetype need = utf8Length(static_cast<unsigned char>(m_utf8Tail.at(0)));
    size_t used = 0;
    while (m_utf8Tail.size() < need && used < n &&
           (static_cast<unsigned char>(p[used]) & 0xc0) == 0x80)
        m_utf8Tail.append(p[used++]);
    if (m_utf8Tail.size() < need && used == n)
        return used; // still incomplete: wait for more
    if (m_utf8Tail.size() == need && !isC1(m_utf8Tail.constData()))
        write(m_utf8Tail.constData(), size_t(m_utf8Tail.size()));
    else
        write(Replacement, sizeof Replacement - 1);
    m_utf8Tail.clear();
    return used;
}

// Text between sequences, [from, to): long runs of printable ASCII go to plainRun(), the rest to
// libvterm. A character cut short by a control, a sequence or another character becomes U+FFFD
// here: libvterm would keep the partial character and spoil later text with it. One cut by the
// end of the feed waits for the next. C1 controls written as UTF-8 become U+FFFD too.
void TerminalScanner::text(const char* p, size_t from, size_t to, bool endOfFeed)
{
    size_t k = from;
    while (k < to) {
        const auto c = static_cast<unsigned char>(p[k]);
        if (c >= 0x20 && c < 0x7f) {
            // libvterm decodes a run that starts above 0x7f as UTF-8 throughout, so ASCII after
            // such bytes would miss the charset in GL (DEC line drawing): it starts a write.
            if (k > from && static_cast<unsigned char>(p[k - 1]) >= 0x80 && !m_state.asciiInGL())
                flushPending(p, k);
            size_t e = k + 1;
            while (e < to && unsigned(static_cast<unsigned char>(p[e]) - 0x20) < 0x5f)
                ++e;
            if (e - k >= MinPlainRun + 2 && m_plainRuns && m_state.printsAsciiAsIs())
                plainRun(p, k, e);
            k = e;
            continue;
        }
        if (c < 0x80) { // C0 control or DEL
            if (c == 0x0e || c == 0x0f)
                m_state.noteControls(p + k, 1);
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
            m_utf8Tail = QByteArray(p + k, qsizetype(to - k));
            m_pendingFrom = to;
            return;
        }
        write(Replacement, sizeof Replacement - 1);
        m_pendingFrom = k = std::max(e, k + 1);
    }
}

// Writes printable ASCII [from, to) into the grid where libvterm would have put it, with the pen
// libvterm gave us, and moves libvterm's cursor past it. libvterm itself prints the run's first
// character (taking a pending wrap or single shift) and its last one (so that a combining mark
// or REP after the run finds it); the rest must stay short of the row's last column, where
// libvterm's wrap rules start.
void TerminalScanner::plainRun(const char* p, size_t from, size_t to)
{
    flushPending(p, from + 1);
    int row = 0;
    int column = 0;
    m_parser.cursorPosition(&row, &column);
    const int count = std::min(int(to - from) - 2, m_grid.columns() - 1 - column);
    if (count < MinPlainRun || !m_grid.selectRow(row))
        return;
    // HPA: libvterm's cursor to the column after them.
    char hpa[16] = "\x1b[";
    size_t length = 2 + decimal(column + count + 1, hpa + 2);
    hpa[length++] = '`';
    write(hpa, length);
    int afterRow = 0;
    int afterColumn = 0;
    m_parser.cursorPosition(&afterRow, &afterColumn);
    if (afterRow != row || afterColumn != column + count) {
        // State we failed to follow: libvterm prints the rest, from where its cursor is, and
        // all text from now on.
        qWarning("terminal: libvterm moved the cursor elsewhere; plain-text shortcut off");
        m_plainRuns = false;
        return;
    }
    m_grid.writeText(column, p + from + 1, count, m_state.pen()); // the HPA left the row selected
    m_pendingFrom = from + 1 + count;
}

// A sequence cut short by the next ESC only runs the controls inside it: libvterm would drop the
// rest too, unless what we drop after it (a DCS) let its ESC meet the bytes that follow. So does
// a CSI with more arguments than libvterm 0.1.4 has room for (it writes past its array).
// REP is dropped where libvterm would loop forever on it; DECALN prints without being text; a
// restored cursor is kept on the screen. Double-width and double-height lines are not kept:
// libvterm 0.1.4 gets them wrong in several ways (reversed rectangles, a cursor in column -1
// that then indexes its tab stops), and our grid draws every line at single width anyway.
// Strings lose their controls (libvterm 0.1.4 would run them, and ESC, a control and then "\\"
// make it read the string with a length of SIZE_MAX); one that an ESC left unterminated is
// dropped, and what follows the ESC is a sequence of its own. DCS strings are dropped whole: the
// only one libvterm acts on is DECRQSS, whose answers never reach the program, and its reply
// for an unknown request passes an int where its format wants a string.
void TerminalScanner::writeSequence(const char* seq, size_t size, Sequence sequence)
{
    if (sequence == Sequence::String) {
        writeString(seq, size);
        return;
    }
    if ((sequence == Sequence::Repeat && m_state.repeatWidth() == 0) ||
        sequence == Sequence::LineSize)
        return;
    if (sequence == Sequence::Abandoned || sequence == Sequence::TooLong) {
        writeControls(seq, size);
        return;
    }
    const int width = m_state.repeatWidth();
    write(seq, size);
    if (sequence == Sequence::Alignment)
        m_state.setRepeatWidth(width);
    if (sequence == Sequence::RestoreCursor) {
        // libvterm 0.1.4 restores a position saved before the screen shrank without checking
        // it, then reads and writes its line table past the end: back onto the screen.
        int row = 0;
        int column = 0;
        m_parser.cursorPosition(&row, &column);
        const int rows = m_grid.rows();
        const int columns = m_grid.columns();
        if (row >= rows || column >= columns) {
            const QByteArray cup = "\x1b[" + QByteArray::number(std::min(row, rows - 1) + 1) + ';' +
                                   QByteArray::number(std::min(column, columns - 1) + 1) + 'H';
            write(cup.constData(), size_t(cup.size()));
        }
        // Leaving the alternate screen, it reports the saved position to its cursor callback,
        // then puts its cursor on the screen without telling: the cursor follows it there.
        m_parser.cursorPosition(&row, &column);
        const TerminalCursor& reported = m_state.cursor();
        if (reported.row != row || reported.column != column) {
            m_grid.cursorMoved(reported.row, row, column);
            m_state.setCursorPosition(row, column);
        }
    }
}

void TerminalScanner::writeString(const char* seq, size_t size)
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
            writeSequence(esc, rest, m_state.noteSequence(esc, rest, m_abandoned));
            const int conceal = m_state.concealSetBy(esc, rest);
            if (conceal >= 0)
                m_state.setConceal(conceal);
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

void TerminalScanner::writeControls(const char* seq, size_t size)
{
    for (const char* c = seq; c < seq + size; ++c) {
        if (static_cast<unsigned char>(*c) < 0x20 && *c != 0x1b)
            write(c, 1);
    }
}
