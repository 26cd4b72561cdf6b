#include "terminal/TerminalGrid.h"

#include <QTest>

namespace {

const TerminalCell Pen;

// Writes ASCII at (row, column) one glyph at a time, as libvterm hands text over.
void put(TerminalGrid& grid, int row, int column, const QByteArray& text,
         const TerminalCell& pen = Pen)
{
    for (char c : text) {
        const uint32_t chars[] = {uint32_t(static_cast<unsigned char>(c)), 0};
        if (!grid.putNarrow(row, column, chars, 1, pen))
            grid.putGlyph(row, column, chars, 1, pen);
        ++column;
    }
}

QString screenText(const TerminalGrid& grid)
{
    QStringList rows;
    for (int r = 0; r < grid.rows(); ++r)
        rows.append(grid.line(grid.scrollbackSize() + r).toString());
    return rows.join(QLatin1Char('|'));
}

TerminalGrid::Rect rows(int first, int end, int columns)
{
    return {first, end, 0, columns};
}

} // namespace

class TestTerminalGrid final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void glyphs()
    {
        TerminalGrid grid(10, 3);
        TerminalCell red;
        red.foreground = TerminalColor::indexed(1);
        put(grid, 0, 0, "hello", red);
        QCOMPARE(screenText(grid), QStringLiteral("hello||"));
        QCOMPARE(grid.line(0).cell(1).foreground, TerminalColor::indexed(1));
        const uint32_t wide[] = {U'中', 0};
        QVERIFY(grid.putGlyph(1, 0, wide, 2, Pen));
        QVERIFY(grid.line(1).cell(0).has(TerminalCell::Wide));
        QVERIFY(grid.line(1).cell(1).has(TerminalCell::WideTail));
        const uint32_t marked[] = {U'e', 0x301, 0x327, 0};
        QVERIFY(grid.putGlyph(1, 2, marked, 1, Pen));
        QCOMPARE(grid.line(1).text(2), QStringLiteral("e\u0301\u0327"));
        QCOMPARE(grid.line(1).toString(), QStringLiteral("中e\u0301\u0327"));
        // A glyph off the screen is not written.
        QVERIFY(!grid.putGlyph(3, 0, wide, 1, Pen));
        QVERIFY(!grid.putGlyph(0, 10, wide, 1, Pen));
    }

    void narrowGlyphsTakeTheShortPathInTheRowWrittenLast()
    {
        TerminalGrid grid(10, 3);
        const uint32_t a[] = {U'a', 0};
        QVERIFY(!grid.putNarrow(0, 1, a, 1, Pen)); // no row written yet
        QVERIFY(grid.putGlyph(0, 0, a, 1, Pen));
        QVERIFY(grid.putNarrow(0, 1, a, 1, Pen));
        QVERIFY(!grid.putNarrow(0, 9, a, 1, Pen)); // the last column may wrap
        QVERIFY(!grid.putNarrow(1, 1, a, 1, Pen));
        const uint32_t marked[] = {U'e', 0x301, 0};
        QVERIFY(!grid.putNarrow(0, 2, marked, 1, Pen));
        QVERIFY(grid.putGlyph(0, 2, marked, 1, Pen));
        QVERIFY(!grid.putNarrow(0, 3, a, 1, Pen)); // the row has marks now
    }

    void softWrap()
    {
        TerminalGrid grid(4, 3);
        put(grid, 0, 0, "abcd");
        put(grid, 1, 0, "ef");
        QVERIFY(grid.line(0).isWrapped());
        // A cursor move in between is a line break, not a wrap.
        grid.cursorMoved(1, 2, 0);
        put(grid, 1, 0, "ghij");
        grid.cursorMoved(1, 2, 0);
        put(grid, 2, 0, "k");
        QVERIFY(!grid.line(1).isWrapped());
    }

    void scrollIntoHistory()
    {
        TerminalGrid grid(5, 3);
        QList<QString> sunk;
        grid.setHistorySink([&](const TerminalLine& line) { sunk.append(line.toString()); });
        put(grid, 0, 0, "one");
        put(grid, 1, 0, "two");
        put(grid, 2, 0, "three");
        grid.takeDamage();
        QVERIFY(grid.scroll(rows(0, 3, 5), 1, 0, Pen));
        QCOMPARE(grid.scrollbackSize(), 1);
        QCOMPARE(grid.line(0).toString(), QStringLiteral("one"));
        QCOMPARE(screenText(grid), QStringLiteral("two|three|"));
        QCOMPARE(sunk, QList<QString>{QStringLiteral("one")});
        const TerminalDamage damage = grid.takeDamage();
        QCOMPARE(damage.scrolledLines, 1);
        QCOMPARE(damage.rows, (QList<int>{0, 1, 2}));
        // A region below the top scrolls without history; down scrolls too.
        QVERIFY(grid.scroll(rows(1, 3, 5), 1, 0, Pen));
        QCOMPARE(screenText(grid), QStringLiteral("two||"));
        QVERIFY(grid.scroll(rows(0, 3, 5), -1, 0, Pen));
        QCOMPARE(screenText(grid), QStringLiteral("|two|"));
        QCOMPARE(grid.scrollbackSize(), 1);
        // Part of the width, or sideways: left to moves and erases.
        QVERIFY(!grid.scroll({0, 3, 1, 5}, 1, 0, Pen));
        QVERIFY(!grid.scroll(rows(0, 3, 5), 0, 1, Pen));
    }

    void scrollbackLimit()
    {
        TerminalGrid grid(5, 2);
        grid.setScrollbackLimit(3);
        for (int i = 0; i < 6; ++i) {
            put(grid, 1, 0, QByteArray::number(i));
            grid.scroll(rows(0, 2, 5), 1, 0, Pen);
        }
        // The blank first row, then 0 to 4 went up: the last three are kept.
        QCOMPARE(grid.scrollbackSize(), 3);
        QCOMPARE(grid.line(0).toString(), QStringLiteral("2"));
        grid.setScrollbackLimit(1);
        QCOMPARE(grid.scrollbackSize(), 1);
        QCOMPARE(grid.line(0).toString(), QStringLiteral("4"));
    }

    void moveAndErase()
    {
        TerminalGrid grid(6, 2);
        put(grid, 0, 0, "abcdef");
        grid.move({0, 1, 0, 4}, {0, 1, 2, 6}); // delete two characters
        TerminalCell blue;
        blue.background = TerminalColor::indexed(4);
        grid.erase({0, 1, 4, 6}, blue);
        QCOMPARE(grid.line(0).toString(), QStringLiteral("cdef"));
        QCOMPARE(grid.line(0).cell(5).background, TerminalColor::indexed(4));
        grid.erase({0, 2, 0, 6}, Pen);
        QCOMPARE(screenText(grid), QStringLiteral("|"));
        QCOMPARE(grid.scrollbackSize(), 0);
    }

    void keptClearedScreen()
    {
        TerminalGrid grid(6, 3);
        grid.setKeepClearedScreenInHistory(true);
        put(grid, 0, 0, "top");
        put(grid, 1, 0, "mid");
        grid.erase(rows(0, 3, 6), Pen);
        // The screen up to its last written row goes into the history first.
        QCOMPARE(grid.scrollbackSize(), 2);
        QCOMPARE(grid.line(1).toString(), QStringLiteral("mid"));
        QCOMPARE(screenText(grid), QStringLiteral("||"));
    }

    void alternateScreen()
    {
        TerminalGrid grid(5, 2);
        put(grid, 0, 0, "main");
        QVERIFY(grid.setAlternate(true, Pen));
        QVERIFY(!grid.setAlternate(true, Pen));
        QVERIFY(grid.isAlternate());
        QCOMPARE(screenText(grid), QStringLiteral("|"));
        put(grid, 0, 0, "alt");
        grid.scroll(rows(0, 2, 5), 1, 0, Pen);
        QCOMPARE(grid.scrollbackSize(), 0); // the alternate screen keeps no history
        QVERIFY(grid.setAlternate(false, Pen));
        QCOMPARE(screenText(grid), QStringLiteral("main|"));
        QVERIFY(grid.setAlternate(true, Pen));
        QCOMPARE(screenText(grid), QStringLiteral("|")); // blanked again
    }

    void resizeKeepsTheCursorRow()
    {
        TerminalGrid grid(6, 4);
        for (int r = 0; r < 4; ++r)
            put(grid, r, 0, "row" + QByteArray::number(r));
        int delta = 0;
        grid.resize(2, 3, 3, &delta);
        QCOMPARE(delta, -2);
        QCOMPARE(grid.rows(), 2);
        QCOMPARE(grid.columns(), 3);
        QCOMPARE(screenText(grid), QStringLiteral("row|row"));
        QCOMPARE(grid.scrollbackSize(), 2);
        QCOMPARE(grid.line(0).toString(), QStringLiteral("row0"));
        QCOMPARE(grid.takeDamage().rows, (QList<int>{0, 1}));
    }

    void damage()
    {
        TerminalGrid grid(5, 4);
        grid.takeDamage();
        QVERIFY(!grid.hasDamage());
        put(grid, 2, 0, "x");
        put(grid, 2, 1, "y");
        grid.cursorMoved(0, 1, 0);
        QVERIFY(grid.hasDamage());
        TerminalDamage damage = grid.takeDamage();
        QCOMPARE(damage.rows, (QList<int>{0, 1, 2}));
        QVERIFY(damage.cursorMoved);
        QVERIFY(grid.takeDamage().isEmpty());
        grid.cursorChanged();
        damage = grid.takeDamage();
        QVERIFY(damage.rows.isEmpty());
        QVERIFY(damage.cursorMoved);
        grid.markAllDirty();
        QCOMPARE(grid.takeDamage().rows, (QList<int>{0, 1, 2, 3}));
        // Rectangles off the screen are ignored.
        grid.erase({3, 5, 0, 5}, Pen);
        grid.move({0, 1, 0, 2}, {0, 1, 4, 6});
        QVERIFY(!grid.hasDamage());
    }

    void plainText()
    {
        TerminalGrid grid(10, 2);
        QVERIFY(grid.selectRow(1));
        QVERIFY(!grid.selectRow(2));
        QVERIFY(grid.selectRow(1));
        TerminalCell bold;
        bold.attributes = TerminalCell::Bold;
        grid.writeText(2, "plain", 5, bold);
        QCOMPARE(grid.line(1).toString(), QStringLiteral("  plain"));
        QVERIFY(grid.line(1).cell(3).has(TerminalCell::Bold));
        QCOMPARE(grid.takeDamage().rows, (QList<int>{0, 1})); // all, from the start
    }
};

QTEST_GUILESS_MAIN(TestTerminalGrid)
#include "tst_terminalgrid.moc"
