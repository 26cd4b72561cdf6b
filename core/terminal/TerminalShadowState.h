#pragma once

#include "terminal/TerminalCell.h"
#include "terminal/TerminalTypes.h"

#include <cstddef>
#include <cstring>

// What libvterm 0.1.4 keeps to itself and applies to printable text, followed from the bytes it
// is given: whether its parser is between sequences, the character sets, insert and origin mode,
// the width REP repeats, and the concealed attribute it lacks. Besides, the pen and cursor its
// callbacks report. The scanner writes ASCII into the grid itself only while this says libvterm
// would print it as it is.
class TerminalShadowState final
{
public:
    // What a complete sequence asks of the scanner besides passing it on.
    enum class Sequence
    {
        Plain,
        Repeat,        // REP
        Alignment,     // DECALN
        String,        // OSC or DCS
        RestoreCursor, // DECRC, or a DECRST (which may end mode 1048 or 1049)
        LineSize,      // DECDHL, DECSWL, DECDWL
        Abandoned,     // cut short by the ESC of the next sequence
        TooLong        // a CSI with more arguments than libvterm has room for
    };

    // libvterm 0.1.4 writes past its array of 16 CSI arguments when given more.
    static constexpr int MaxCsiArguments = 16;

    TerminalShadowState() = default;
    Q_DISABLE_COPY_MOVE(TerminalShadowState)

    // Follows a complete sequence from its ESC to its final byte; abandoned when the ESC of the
    // next sequence cut it short.
    Sequence noteSequence(const char* seq, size_t size, bool abandoned);
    // Follows SO and SI among C0 controls that libvterm runs where they stand.
    void noteControls(const char* p, size_t n);
    // libvterm's parser is inside a sequence the scanner gave up following.
    void setParserInGround(bool ground) { m_parserInGround = ground; }

    // Printable ASCII shows as itself: the set in GL is ASCII.
    bool asciiInGL() const { return m_asciiCharsets >> m_glCharset & 1; }
    // libvterm would print printable ASCII one cell after another, as it is.
    bool printsAsciiAsIs() const
    {
        return m_parserInGround && !m_insertMode && !m_originMode && asciiInGL();
    }
    bool insertMode() const { return m_insertMode; }
    bool originMode() const { return m_originMode; }

    // Width of the last glyph libvterm printed from text: the one REP repeats. libvterm 0.1.4
    // loops forever on REP when that width is 0 (nothing printed yet, or a zero-width glyph).
    int repeatWidth() const { return m_repeatWidth; }
    void setRepeatWidth(int width) { m_repeatWidth = width; }

    // The concealment an SGR sequence sets (libvterm has none): 1 or 0, or -1 when it leaves it.
    // The pen may not yet show bytes still pending for libvterm (RIS resets it): so SGR 8 always
    // counts, and SGR 0/28 whenever the pen conceals now.
    int concealSetBy(const char* seq, size_t size) const
    {
        const bool current = m_pen.attributes & TerminalCell::Conceal;
        // Only SGR 8 conceals: a sequence without an 8 cannot start it.
        if (!current && !std::memchr(seq, '8', size))
            return -1;
        const int after = sgrConceal(seq, size);
        return after == 0 && !current ? -1 : after;
    }
    // The concealment after an SGR sequence (ESC [ ... m): 1 on, 0 off, -1 untouched or not SGR.
    static int sgrConceal(const char* seq, size_t size);
    void setConceal(bool on) { setPenAttribute(TerminalCell::Conceal, on); }

    const TerminalCell& pen() const { return m_pen; }
    void resetPen() { m_pen = TerminalCell(); }
    void setPenAttribute(quint16 attribute, bool on)
    {
        m_pen.attributes =
            on ? quint16(m_pen.attributes | attribute) : quint16(m_pen.attributes & ~attribute);
    }
    void setPenForeground(TerminalColor color) { m_pen.foreground = color; }
    void setPenBackground(TerminalColor color) { m_pen.background = color; }

    const TerminalCursor& cursor() const { return m_cursor; }
    void setCursorPosition(int row, int column)
    {
        m_cursor.row = row;
        m_cursor.column = column;
    }
    void setCursorVisible(bool visible) { m_cursor.visible = visible; }
    void setCursorBlinking(bool blinking) { m_cursor.blinking = blinking; }
    void setCursorShape(TerminalCursor::Shape shape) { m_cursor.shape = shape; }

private:
    void noteModes(const char* body, size_t n);

    bool m_parserInGround = true;  // libvterm's parser is surely between sequences
    quint8 m_asciiCharsets = 0x0f; // bit n: G<n> shows printable ASCII as itself
    int m_glCharset = 0;           // the set in GL (SI, SO, LS2, LS3)
    bool m_insertMode = false;     // IRM
    bool m_originMode = false;     // DECOM: any cursor move pulls the cursor into the region
    int m_repeatWidth = 0;
    TerminalCell m_pen;
    TerminalCursor m_cursor;
};
