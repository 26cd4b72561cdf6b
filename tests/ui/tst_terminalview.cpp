#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

// The view paints what the emulator holds and turns keys, selections and pastes into bytes.
class TestTerminalView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void paintsTextWhereTheCellsAre();
    void paintsColours();
    void paintsWideCharactersOverTwoCells();
    void copiesTheSelectionExactly();
    void selectionStaysInsideAShrunkGrid();
    void pastesBracketedOnlyWhenAsked();
    void turnsKeysIntoBytes();
    void zoomsWithTheKeyboard();
    void findsInTheScrollback();
    void cursorBlinksWhenAskedAndAllowed();
    void linksOnVisibleRowsOpenWithCtrlClick();

public Q_SLOTS:
    // Stands in for the desktop's browser through QDesktopServices::setUrlHandler().
    void openUrl(const QUrl& url) { m_opened << url; }

private:
    QImage viewportImage() const;
    int inkIn(const QImage& image, const QRect& cellRect) const;
    void feed(const QByteArray& bytes);

    TerminalEmulator* m_emulator = nullptr;
    TerminalView* m_view = nullptr;
    QList<QUrl> m_opened;
};

void TestTerminalView::init()
{
    m_emulator = new TerminalEmulator(80, 24);
    m_emulator->setDamageInterval(0);
    m_view = new TerminalView(m_emulator);
    m_view->resize(700, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->setFocus();
}

void TestTerminalView::cleanup()
{
    delete m_view;
    m_view = nullptr;
    delete m_emulator;
    m_emulator = nullptr;
}

void TestTerminalView::feed(const QByteArray& bytes)
{
    m_emulator->feed(bytes);
    QTest::qWait(30); // the damage timer and the repaint
}

QImage TestTerminalView::viewportImage() const
{
    return m_view->viewport()->grab().toImage();
}

int TestTerminalView::inkIn(const QImage& image, const QRect& cellRect) const
{
    const qreal ratio = image.devicePixelRatio();
    const QColor background = image.pixelColor(QPoint(image.width() - 2, image.height() - 2));
    int ink = 0;
    for (int y = int(cellRect.top() * ratio); y < int((cellRect.bottom() + 1) * ratio); ++y) {
        for (int x = int(cellRect.left() * ratio); x < int((cellRect.right() + 1) * ratio); ++x) {
            if (image.pixelColor(x, y) != background)
                ++ink;
        }
    }
    return ink;
}

void TestTerminalView::paintsTextWhereTheCellsAre()
{
    const int columns = m_emulator->columns();
    QVERIFY2(columns >= 20 && columns != 80, "the view sizes the grid to itself");
    feed("hello");
    QCOMPARE(m_view->visibleRowText(0), QStringLiteral("hello"));
    const QImage image = viewportImage();
    for (int column = 0; column < 5; ++column)
        QVERIFY2(inkIn(image, m_view->cellRect(0, column)) > 0, "a letter leaves ink");
    QCOMPARE(inkIn(image, m_view->cellRect(2, 10)), 0);
}

void TestTerminalView::paintsColours()
{
    feed("\x1b[41m  \x1b[0m\r\n\x1b[48;2;10;200;30m  \x1b[0m\r\n\x1b[48;5;33m  \x1b[0m");
    const QImage image = viewportImage();
    const qreal ratio = image.devicePixelRatio();
    auto centre = [&](int row) {
        return image.pixelColor((QPointF(m_view->cellRect(row, 0).center()) * ratio).toPoint());
    };
    QCOMPARE(centre(0), QColor(QRgb(TerminalColor::indexed(1).toRgb(0))));
    QCOMPARE(centre(1), QColor(10, 200, 30));
    QCOMPARE(centre(2), QColor(QRgb(TerminalColor::indexed(33).toRgb(0))));
}

void TestTerminalView::paintsWideCharactersOverTwoCells()
{
    feed("\xe4\xb8\xad\xe6\x96\x87x"); // 中文x
    QCOMPARE(m_emulator->cell(0, 0).width(), 2);
    QCOMPARE(m_view->visibleRowText(0), QStringLiteral("中文x"));
    const QImage image = viewportImage();
    QVERIFY(inkIn(image, m_view->cellRect(0, 0).united(m_view->cellRect(0, 1))) > 0);
    QVERIFY(inkIn(image, m_view->cellRect(0, 2).united(m_view->cellRect(0, 3))) > 0);
    QVERIFY2(inkIn(image, m_view->cellRect(0, 4)) > 0, "x sits after the two wide cells");
}

void TestTerminalView::copiesTheSelectionExactly()
{
    feed("alpha beta   \r\ngamma delta");
    QWidget* viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, m_view->cellRect(0, 6).center());
    QTest::mouseMove(viewport, m_view->cellRect(1, 2).center());
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, m_view->cellRect(1, 2).center());
    QVERIFY(m_view->hasSelection());
    QCOMPARE(m_view->selectedText(), QStringLiteral("beta\ngam"));

    QApplication::clipboard()->clear();
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("beta\ngam"));

    // Without a selection, Ctrl+C is the program's.
    m_view->clearSelection();
    QSignalSpy input(m_view, &TerminalView::inputProduced);
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(input.count(), 1);
    QCOMPARE(input.first().first().toByteArray(), QByteArray("\x03"));
}

// A selection made on a wide grid is cut to the grid's bounds when the view gets smaller.
void TestTerminalView::selectionStaysInsideAShrunkGrid()
{
    feed("one two three four five six seven eight nine ten\r\nsecond line");
    const int wide = m_emulator->columns();
    QVERIFY(wide > 40);
    m_view->setSelection({m_emulator->lineCount() - m_emulator->rows(), 30},
                         {m_emulator->lineCount() - 1, wide - 1});
    m_view->resize(200, 60);
    QTRY_VERIFY(m_emulator->columns() < 30);
    QVERIFY(m_view->hasSelection());
    for (const TerminalView::Position& p : {m_view->selectionStart(), m_view->selectionEnd()}) {
        QVERIFY(p.line >= 0 && p.line < m_emulator->lineCount());
        QVERIFY(p.column >= 0 && p.column < m_emulator->columns());
    }
    // The selected text comes from cells that exist.
    QVERIFY(m_view->selectedText().size() <= m_emulator->lineCount() * (m_emulator->columns() + 1));
}

void TestTerminalView::pastesBracketedOnlyWhenAsked()
{
    QSignalSpy input(m_view, &TerminalView::inputProduced);
    QApplication::clipboard()->setText(QStringLiteral("ls -l"));
    QTest::keyClick(m_view, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(input.count(), 1);
    QCOMPARE(input.takeFirst().first().toByteArray(), QByteArray("ls -l"));

    feed("\x1b[?2004h");
    QVERIFY(m_emulator->bracketedPaste());
    QTest::keyClick(m_view, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(input.count(), 1);
    QCOMPARE(input.takeFirst().first().toByteArray(), QByteArray("\x1b[200~ls -l\x1b[201~"));
}

void TestTerminalView::turnsKeysIntoBytes()
{
    QSignalSpy input(m_view, &TerminalView::inputProduced);
    auto sent = [&] {
        QByteArray all;
        for (const QList<QVariant>& args : std::as_const(input))
            all += args.first().toByteArray();
        input.clear();
        return all;
    };
    QTest::keyClicks(m_view, QStringLiteral("ls"));
    QCOMPARE(sent(), QByteArray("ls"));
    QTest::keyClick(m_view, Qt::Key_Return);
    QCOMPARE(sent(), QByteArray("\r"));
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(sent(), QByteArray("\x1b[A"));
    QTest::keyClick(m_view, Qt::Key_Tab);
    QCOMPARE(sent(), QByteArray("\t"));
    QTest::keyClick(m_view, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(sent(), QByteArray("\x04"));
    QTest::keyClick(m_view, Qt::Key_B, Qt::AltModifier);
    QCOMPARE(sent(), QByteArray("\x1b"
                                "b"));
    QTest::keyClick(m_view, Qt::Key_F1);
    QCOMPARE(sent(), QByteArray("\x1bOP"));
    QTest::keyClick(m_view, Qt::Key_Backspace);
    QCOMPARE(sent(), QByteArray("\x7f"));

    feed("\x1b[?1h"); // application cursor keys
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(sent(), QByteArray("\x1bOA"));
}

void TestTerminalView::zoomsWithTheKeyboard()
{
    const QSize before = m_view->cellSize();
    const int columns = m_emulator->columns();
    QSignalSpy resized(m_view, &TerminalView::gridSizeChanged);
    QTest::keyClick(m_view, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(m_view, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(m_view->cellSize().height() > before.height());
    QVERIFY(m_emulator->columns() < columns);
    QVERIFY(resized.count() >= 1);
    QTest::keyClick(m_view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(m_view->cellSize(), before);
    QCOMPARE(m_emulator->columns(), columns);
}

void TestTerminalView::findsInTheScrollback()
{
    QByteArray lines;
    for (int i = 0; i < 100; ++i)
        lines += "line " + QByteArray::number(i) + (i == 5 ? " needle" : "") + "\r\n";
    feed(lines);
    QVERIFY(m_emulator->scrollbackSize() > 50);
    QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    auto* edit = m_view->findChild<QLineEdit*>(QStringLiteral("terminalFindEdit"));
    QVERIFY(edit);
    QVERIFY(edit->isVisible());
    edit->setText(QStringLiteral("needle"));
    QCOMPARE(m_view->matches().size(), 1);
    const int line = m_view->matches().first().line;
    QVERIFY2(line >= m_view->firstVisibleLine() &&
                 line < m_view->firstVisibleLine() + m_emulator->rows(),
             "the view scrolled back to the match");
    QVERIFY(m_emulator->line(line).toString().contains(QStringLiteral("needle")));
    auto* label = m_view->findChild<QLabel*>(QStringLiteral("matchLabel"));
    QCOMPARE(label->text(), QStringLiteral("1 of 1"));

    // Case matters when asked; F3 and Shift+F3 walk the matches from the text.
    feed("NEEDLE\r\n");
    edit->setText(QStringLiteral("needl"));
    QCOMPARE(m_view->matches().size(), 2);
    // The view still shows the first: the search starts there, not at the bottom.
    QCOMPARE(label->text(), QStringLiteral("1 of 2"));
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view));
    QTest::keyClick(edit, Qt::Key_F3);
    QCOMPARE(label->text(), QStringLiteral("2 of 2"));
    QTest::keyClick(edit, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(label->text(), QStringLiteral("1 of 2"));
    m_view->findChild<QAction*>(QStringLiteral("caseSensitiveAction"))->setChecked(true);
    QCOMPARE(m_view->matches().size(), 1);
    edit->setText(QStringLiteral("needle"));

    // Esc closes the bar, forgets the matches and gives the keys back to the terminal.
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!edit->isVisible());
    QVERIFY(m_view->matches().isEmpty());
    QVERIFY(m_view->hasFocus());
}

void TestTerminalView::cursorBlinksWhenAskedAndAllowed()
{
    QVERIFY(QApplication::cursorFlashTime() > 0);
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view));
    m_view->setFocus();
    QTRY_VERIFY(m_view->hasFocus());
    feed("\x1b[H");
    const QRect cursorCell = m_view->cellRect(0, 0);

    // libvterm starts with a blinking cursor: it goes away and comes back.
    QVERIFY(m_view->isCursorBlinkEnabled());
    QTRY_VERIFY(m_view->isCursorBlinking());
    QTRY_VERIFY(!m_view->isCursorDrawn());
    QCOMPARE(inkIn(viewportImage(), cursorCell), 0);
    QTRY_VERIFY(m_view->isCursorDrawn());
    QVERIFY(inkIn(viewportImage(), cursorCell) > 0);

    // The program turns blinking off (ATT610), then asks for a blinking bar (DECSCUSR 5).
    feed("\x1b[?12l");
    QTRY_VERIFY(!m_view->isCursorBlinking());
    QVERIFY(m_view->isCursorDrawn());
    QTest::qWait(QApplication::cursorFlashTime());
    QVERIFY(m_view->isCursorDrawn());
    feed("\x1b[5 q");
    QCOMPARE(m_emulator->cursor().shape, TerminalCursor::Shape::Bar);
    QTRY_VERIFY(m_view->isCursorBlinking());

    // The preference wins over the program; an unfocused view does not blink either.
    m_view->setCursorBlinkEnabled(false);
    QVERIFY(!m_view->isCursorBlinking());
    QVERIFY(m_view->isCursorDrawn());
    m_view->setCursorBlinkEnabled(true);
    QVERIFY(m_view->isCursorBlinking());
    m_view->clearFocus();
    QTRY_VERIFY(!m_view->isCursorBlinking());
    QVERIFY(m_view->isCursorDrawn());
}

void TestTerminalView::linksOnVisibleRowsOpenWithCtrlClick()
{
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
    m_opened.clear();
    feed("see https://example.com/a?b=1. or not\r\n");
    QWidget* viewport = m_view->viewport();
    const QPoint onLink = m_view->cellRect(0, 12).center();
    const QPoint offLink = m_view->cellRect(0, 2).center();

    QTest::mouseMove(viewport, onLink);
    QTRY_COMPARE(viewport->toolTip(),
                 QStringLiteral("Ctrl+click to open https://example.com/a?b=1"));
    QCOMPARE(viewport->cursor().shape(), Qt::PointingHandCursor);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, onLink);
    QVERIFY(m_opened.isEmpty()); // a plain click selects, it does not open
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, offLink);
    QVERIFY(m_opened.isEmpty());
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, onLink);
    QCOMPARE(m_opened, QList<QUrl>{QUrl(QStringLiteral("https://example.com/a?b=1"))});

    // Scrolled off the screen, the row is no longer looked at; scrolled back into view, it is.
    feed(QByteArray("\r\n").repeated(m_emulator->rows() + 5));
    QVERIFY(m_emulator->scrollbackSize() > 0);
    QTest::mouseMove(viewport, offLink);
    QTest::mouseMove(viewport, onLink);
    QTRY_VERIFY(viewport->toolTip().isEmpty());
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, onLink);
    QCOMPARE(m_opened.size(), 1);
    m_view->verticalScrollBar()->setValue(0);
    QTest::mouseMove(viewport, offLink);
    QTest::mouseMove(viewport, onLink);
    QTRY_VERIFY(viewport->toolTip().contains(QLatin1String("https://example.com/a?b=1")));
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, onLink);
    QCOMPARE(m_opened.size(), 2);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

QTEST_MAIN(TestTerminalView)
#include "tst_terminalview.moc"
