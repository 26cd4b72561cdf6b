#pragma once

#include <QList>

// Values the terminal model hands out besides its cells.
struct TerminalCursor
{
    enum class Shape
    {
        Block,
        Underline,
        Bar
    };
    int row = 0;
    int column = 0;
    bool visible = true;
    bool blinking = true;
    Shape shape = Shape::Block;
};

// Rows of the screen that changed since the last takeDamage(), and how far the screen
// scrolled into the history meanwhile (a view showing history keeps its place with it).
struct TerminalDamage
{
    QList<int> rows; // screen rows, ascending
    int scrolledLines = 0;
    bool cursorMoved = false;
    bool isEmpty() const { return rows.isEmpty() && scrolledLines == 0 && !cursorMoved; }
};

struct TerminalMatch
{
    int line = 0;   // as line(): 0 is the oldest history line
    int column = 0; // first cell
    int length = 0; // in cells
    friend bool operator==(const TerminalMatch& a, const TerminalMatch& b)
    {
        return a.line == b.line && a.column == b.column && a.length == b.length;
    }
};
