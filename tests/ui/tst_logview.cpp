#include "logs/LogBuffer.h"
#include "logs/LogView.h"

#include <QApplication>
#include <QClipboard>
#include <QPushButton>
#include <QScrollBar>
#include <QTest>

#include <algorithm>
#include <numeric>

class TestLogView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paintsOnlyVisibleLinesOfAMillion();
    void followsPausesAndJumpsToLatest();
    void copiesSelectedLinesAsPlainText();
    void showsControlCharactersVisibly();
    void filtersAndHighlights();
    void wrapsOnlyTheVisibleLines();

private:
    static void appendLines(LogBuffer& buffer, qint64 first, qint64 count);
};

void TestLogView::appendLines(LogBuffer& buffer, qint64 first, qint64 count)
{
    QByteArray batch;
    for (qint64 i = first; i < first + count; ++i) {
        batch += "line " + QByteArray::number(i) + '\n';
        if (batch.size() > 64 * 1024) {
            buffer.append(LogStream::Stream::Stdout, batch, 1'700'000'000'000'000'000 + i);
            batch.clear();
        }
    }
    if (!batch.isEmpty())
        buffer.append(LogStream::Stream::Stdout, batch, 1'700'000'000'000'000'000);
}

void TestLogView::paintsOnlyVisibleLinesOfAMillion()
{
    LogBuffer buffer;
    appendLines(buffer, 0, 1'000'000);
    QCOMPARE(buffer.count(), 1'000'000);

    LogView view;
    view.resize(800, 400);
    view.setBuffer(&buffer);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.viewport()->repaint();

    QCOMPARE(view.rowCount(), 1'000'000);
    const int visible = view.visibleRowCount();
    QVERIFY(visible > 5 && visible < 100);
    QVERIFY(view.linesConvertedInLastPaint() > 0);
    QVERIFY(view.linesConvertedInLastPaint() <= visible + 1);
    // Following: the last line is on screen.
    QVERIFY(view.isFollowing());
    QCOMPARE(view.firstVisibleRow(), 1'000'000 - visible);
    QCOMPARE(view.rowText(999'999), QStringLiteral("line 999999"));

    view.verticalScrollBar()->setValue(500'000);
    view.viewport()->repaint();
    QVERIFY(view.linesConvertedInLastPaint() <= visible + 1);
    QCOMPARE(view.rowText(view.firstVisibleRow()), QStringLiteral("line 500000"));
}

void TestLogView::followsPausesAndJumpsToLatest()
{
    LogBuffer buffer;
    appendLines(buffer, 0, 100);
    LogView view;
    view.resize(600, 300);
    view.setBuffer(&buffer);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* jump = view.findChild<QPushButton*>(QStringLiteral("jumpToLatestButton"));
    QVERIFY(jump);
    QVERIFY(view.isFollowing());

    // At the bottom, new lines keep it there (after the coalescing tick).
    appendLines(buffer, 100, 20);
    view.linesAppended();
    QTRY_COMPARE(view.rowCount(), 120);
    QVERIFY(view.isFollowing());
    QCOMPARE(view.firstVisibleRow(), 120 - view.visibleRowCount());
    QVERIFY(jump->isHidden());

    view.verticalScrollBar()->setValue(10);
    QVERIFY(!view.isFollowing());
    appendLines(buffer, 120, 7);
    view.linesAppended();
    QTRY_COMPARE(view.rowCount(), 127);
    QCOMPARE(view.firstVisibleRow(), 10);
    QCOMPARE(view.unseenLines(), 7);
    QVERIFY(jump->isVisible());
    QVERIFY(jump->text().contains(QLatin1String("7")));
    appendLines(buffer, 127, 3);
    view.linesAppended();
    QTRY_COMPARE(view.unseenLines(), 10);
    QVERIFY(jump->text().contains(QLatin1String("10")));

    QTest::mouseClick(jump, Qt::LeftButton);
    QVERIFY(view.isFollowing());
    QCOMPARE(view.unseenLines(), 0);
    QVERIFY(jump->isHidden());
    QCOMPARE(view.firstVisibleRow(), 130 - view.visibleRowCount());

    // Scrolling back down by hand resumes following too.
    view.verticalScrollBar()->setValue(0);
    QVERIFY(!view.isFollowing());
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    QVERIFY(view.isFollowing());
}

void TestLogView::copiesSelectedLinesAsPlainText()
{
    LogBuffer buffer;
    buffer.append(LogStream::Stream::Stdout, "zero\none \x1b[31mred\x1b[0m\n");
    buffer.append(LogStream::Stream::Stderr, "two\t\x1b[1;32mbold\x1b[m\n");
    buffer.append(LogStream::Stream::Stdout, "three\n");
    LogView view;
    view.resize(600, 300);
    view.setBuffer(&buffer);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    view.selectRows(1, 2);
    QCOMPARE(view.selectedText(), QStringLiteral("one red\ntwo\tbold"));
    QApplication::clipboard()->clear();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("one red\ntwo\tbold"));

    // Press on one row, shift-press on another: both and those between are selected.
    const int height = view.viewport()->height() / view.visibleRowCount();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(20, height / 2));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      QPoint(20, 3 * height + height / 2));
    QCOMPARE(view.selectedText(), QStringLiteral("zero\none red\ntwo\tbold\nthree"));
}

void TestLogView::showsControlCharactersVisibly()
{
    LogBuffer buffer;
    static const char hostile[] = "a\0b\xff\x1b[2Jc\x07\x1b]0;title\x07z\n";
    buffer.append(LogStream::Stream::Stdout, QByteArrayView(hostile, sizeof(hostile) - 1));
    LogView view;
    view.resize(600, 200);
    view.setBuffer(&buffer);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.viewport()->repaint();

    const QString text = view.rowText(0);
    QVERIFY2(text.startsWith(QStringLiteral("a\u2400b\uFFFD")), qPrintable(text));
    QVERIFY2(text.contains(QChar(0x2407)), qPrintable(text));
    QVERIFY2(text.endsWith(QLatin1Char('z')), qPrintable(text));
    for (const QChar c : text)
        QVERIFY2(c.unicode() >= 0x20, qPrintable(text)); // nothing left to interpret
    QCOMPARE(view.linesConvertedInLastPaint(), 1);
}

void TestLogView::filtersAndHighlights()
{
    LogBuffer buffer;
    appendLines(buffer, 0, 50);
    LogView view;
    view.resize(600, 300);
    view.setBuffer(&buffer);
    view.setFilter({3, 13, 23});
    QCOMPARE(view.rowCount(), 3);
    QCOMPARE(view.rowText(1), QStringLiteral("line 13"));
    view.setHighlight({QStringLiteral("3"), LogSearch::Mode::Plain, Qt::CaseSensitive});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.viewport()->repaint();
    QCOMPARE(view.linesConvertedInLastPaint(), 3);
    view.clearFilter();
    QCOMPARE(view.rowCount(), 50);
}

void TestLogView::wrapsOnlyTheVisibleLines()
{
    // A million lines, one in a thousand far wider than the view, and a wide one last.
    LogBuffer buffer;
    const QByteArray wide = QByteArray(1500, 'w');
    QByteArray batch;
    for (int i = 0; i < 1'000'000; ++i) {
        batch += "line " + QByteArray::number(i) + (i % 1000 == 500 ? " " + wide : "") + '\n';
        if (batch.size() > 64 * 1024) {
            buffer.append(LogStream::Stream::Stdout, batch);
            batch.clear();
        }
    }
    buffer.append(LogStream::Stream::Stdout, batch + "last " + wide + '\n');
    LogView view;
    view.setTimestampsShown(false);
    view.resize(600, 300);
    view.setBuffer(&buffer);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int visible = view.visibleRowCount();

    // Unwrapped, the wide line runs past the edge and the view scrolls sideways.
    view.scrollToLine(500);
    view.viewport()->repaint();
    QList<int> rows = view.paintedRowCounts();
    QVERIFY(std::all_of(rows.cbegin(), rows.cend(), [](int r) { return r == 1; }));
    QTRY_VERIFY(view.horizontalScrollBar()->maximum() > 0);

    view.setWrap(true);
    QVERIFY(view.wrapsLines());
    QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
    view.verticalScrollBar()->setValue(495);
    view.viewport()->repaint();
    // Only what fits is laid out: at most a screenful of lines, and of rows.
    QVERIFY(view.linesConvertedInLastPaint() <= visible + 1);
    rows = view.paintedRowCounts();
    QCOMPARE(rows.size(), view.linesConvertedInLastPaint());
    QCOMPARE(rows.first(), 1);
    QVERIFY(rows.size() > 5);
    QVERIFY(rows.at(5) > 5); // line 500: 1500 characters in rows of well under 600 pixels
    QVERIFY(std::accumulate(rows.cbegin(), rows.cend(), 0) <= visible + 1);
    QCOMPARE(view.rowText(500).size(), 1500 + 9);

    // A click on a later row of a wrapped line selects that line.
    const int rowHeight = view.viewport()->height() / visible;
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(50, rowHeight * 7 + 2));
    QCOMPARE(view.selectedText(), QString::fromLatin1("line 500 " + wide));

    // Following with wrap on: the last line is shown whole, at the bottom.
    view.jumpToLatest();
    view.viewport()->repaint();
    rows = view.paintedRowCounts();
    QVERIFY(rows.last() > 1);
    QVERIFY(view.linesConvertedInLastPaint() <= visible + 1);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      QPoint(50, view.viewport()->height() - rowHeight / 2));
    QCOMPARE(view.selectedText(), QString::fromLatin1("last " + wide));

    view.setWrap(false);
    view.viewport()->repaint();
    rows = view.paintedRowCounts();
    QVERIFY(std::all_of(rows.cbegin(), rows.cend(), [](int r) { return r == 1; }));
}

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
