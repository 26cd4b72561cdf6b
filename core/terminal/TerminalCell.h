#pragma once

#include <QString>
#include <QtGlobal>

// A colour as the program asked for it; the view maps Default and Indexed to its palette.
struct TerminalColor
{
    enum Kind : quint8
    {
        Default,
        Indexed, // index in red
        Rgb
    };
    quint8 kind = Default;
    quint8 red = 0;
    quint8 green = 0;
    quint8 blue = 0;

    static TerminalColor indexed(int index) { return {Indexed, quint8(index), 0, 0}; }
    static TerminalColor rgb(int r, int g, int b) { return {Rgb, quint8(r), quint8(g), quint8(b)}; }
    int index() const { return red; }
    bool isDefault() const { return kind == Default; }
    // 0xRRGGBB through the xterm palette; Default answers fallback.
    quint32 toRgb(quint32 fallback) const;
    friend bool operator==(TerminalColor a, TerminalColor b)
    {
        return a.kind == b.kind && a.red == b.red && a.green == b.green && a.blue == b.blue;
    }
    friend bool operator!=(TerminalColor a, TerminalColor b) { return !(a == b); }
};

struct TerminalCell
{
    enum Attribute : quint16
    {
        Bold = 0x0001,
        Italic = 0x0002,
        Underline = 0x0004,
        DoubleUnderline = 0x0008,
        Reverse = 0x0010,
        Strike = 0x0020,
        Blink = 0x0040,
        Conceal = 0x0080,
        // The cell holds combining marks besides codepoint (TerminalLine::text).
        HasMarks = 0x0100,
        // Right half of a wide character; codepoint is 0.
        WideTail = 0x0200,
        Wide = 0x0400
    };

    char32_t codepoint = 0; // 0: never written (shown as a space)
    TerminalColor foreground;
    TerminalColor background;
    quint16 attributes = 0;
    quint16 reserved = 0;

    bool has(Attribute a) const { return attributes & a; }
    int width() const { return (attributes & Wide) ? 2 : 1; }
    bool isBlank() const
    {
        return (codepoint == 0 || codepoint == U' ') && background.isDefault() &&
               !(attributes & (Reverse | Underline | DoubleUnderline | Strike | WideTail));
    }
    friend bool operator==(const TerminalCell& a, const TerminalCell& b)
    {
        return a.codepoint == b.codepoint && a.foreground == b.foreground &&
               a.background == b.background && a.attributes == b.attributes;
    }
    friend bool operator!=(const TerminalCell& a, const TerminalCell& b) { return !(a == b); }
};
static_assert(sizeof(TerminalCell) == 16, "a cell stays 16 bytes");

struct TerminalMarks
{
    static constexpr int Max = 5; // libvterm keeps at most 6 codepoints per cell
    quint16 column = 0;
    char32_t marks[Max] = {};
};

// A read-only window on one line of the screen or the scrollback; valid until the next
// feed(), resize() or scrollback change.
class TerminalLine
{
public:
    TerminalLine() = default;
    TerminalLine(const TerminalCell* cells, int count, const TerminalMarks* marks, int markCount,
                 bool wrapped)
        : m_cells(cells)
        , m_count(count)
        , m_marks(marks)
        , m_markCount(markCount)
        , m_wrapped(wrapped)
    {}

    // Cells actually stored; blanks at the end of history lines are trimmed.
    int size() const { return m_count; }
    // A blank default cell past size().
    TerminalCell cell(int column) const
    {
        return column >= 0 && column < m_count ? m_cells[column] : TerminalCell();
    }
    const TerminalCell* cells() const { return m_cells; }
    // The cell's text: base codepoint and combining marks ("" for a wide tail, " " when blank).
    QString text(int column) const;
    // The line's text, one character per column, trailing blanks removed.
    QString toString() const;
    // True when the program's output continued on the next line (soft wrap).
    bool isWrapped() const { return m_wrapped; }

private:
    const TerminalCell* m_cells = nullptr;
    int m_count = 0;
    const TerminalMarks* m_marks = nullptr;
    int m_markCount = 0;
    bool m_wrapped = false;
};
