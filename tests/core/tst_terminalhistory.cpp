#include "terminal/TerminalHistory.h"

#include <QTest>

namespace {

std::vector<TerminalCell> cellsOf(const QString& text)
{
    std::vector<TerminalCell> cells;
    for (const QChar c : text) {
        TerminalCell cell;
        cell.codepoint = c.unicode();
        cells.push_back(cell);
    }
    return cells;
}

void push(TerminalHistory& history, const QString& text, int limit,
          const std::vector<TerminalMarks>& marks = {}, bool wrapped = false)
{
    const std::vector<TerminalCell> cells = cellsOf(text);
    history.push(cells.data(), int(cells.size()), marks, wrapped, limit);
}

} // namespace

class TestTerminalHistory final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsOrderUpToTheLimit()
    {
        TerminalHistory history;
        QCOMPARE(history.size(), 0);
        for (int i = 0; i < 1000; ++i)
            push(history, QStringLiteral("line %1").arg(i), 300);
        QCOMPARE(history.size(), 300);
        QCOMPARE(history.line(0).toString(), QStringLiteral("line 700"));
        QCOMPARE(history.line(299).toString(), QStringLiteral("line 999"));
        history.trim(2);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.line(0).toString(), QStringLiteral("line 998"));
        history.trim(0);
        QCOMPARE(history.size(), 0);
    }

    void cellsOutliveRecycledChunks()
    {
        // Long lines fill several chunks; dropped chunks are reused for new lines.
        TerminalHistory history;
        const QString wide(3000, QLatin1Char('w'));
        for (int i = 0; i < 200; ++i)
            push(history, QString::number(i) + wide, 50);
        QCOMPARE(history.size(), 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(history.line(i).toString(), QString::number(150 + i) + wide);
        // A line larger than a chunk gets one of its own.
        const QString huge(40000, QLatin1Char('h'));
        push(history, huge, 50);
        QCOMPARE(history.line(49).toString(), huge);
        QCOMPARE(history.line(48).toString(), QStringLiteral("199") + wide);
    }

    void marksAndWrap()
    {
        TerminalHistory history;
        std::vector<TerminalMarks> marks(2);
        marks[0].column = 0;
        marks[0].marks[0] = 0x301;
        marks[1].column = 7; // past the stored cells: dropped
        marks[1].marks[0] = 0x302;
        std::vector<TerminalCell> cells = cellsOf(QStringLiteral("ab"));
        cells[0].attributes = TerminalCell::HasMarks;
        history.push(cells.data(), int(cells.size()), marks, true, 10);
        QCOMPARE(history.at(0).marks.size(), size_t(1));
        QVERIFY(history.line(0).isWrapped());
        QCOMPARE(history.line(0).text(0), QStringLiteral("a\u0301"));
        push(history, QStringLiteral("plain"), 10);
        QVERIFY(!history.line(1).isWrapped());
        QVERIFY(history.at(1).marks.empty());
    }
};

QTEST_GUILESS_MAIN(TestTerminalHistory)
#include "tst_terminalhistory.moc"
