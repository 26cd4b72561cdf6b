#include "terminal/TerminalShadowState.h"

#include <QTest>

namespace {

using Sequence = TerminalShadowState::Sequence;

Sequence note(TerminalShadowState& state, const QByteArray& seq, bool abandoned = false)
{
    return state.noteSequence(seq.constData(), size_t(seq.size()), abandoned);
}

} // namespace

class TestTerminalShadowState final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sequencesAreClassified_data()
    {
        QTest::addColumn<QByteArray>("sequence");
        QTest::addColumn<int>("kind");
        QTest::newRow("SGR") << QByteArray("\x1b[1;31m") << int(Sequence::Plain);
        QTest::newRow("REP") << QByteArray("\x1b[3b") << int(Sequence::Repeat);
        QTest::newRow("REP with a leader is another command")
            << QByteArray("\x1b[?3b") << int(Sequence::Plain);
        QTest::newRow("DECALN") << QByteArray("\x1b#8") << int(Sequence::Alignment);
        QTest::newRow("DECRC") << QByteArray("\x1b"
                                             "8")
                               << int(Sequence::RestoreCursor);
        QTest::newRow("DECRST 1049") << QByteArray("\x1b[?1049l") << int(Sequence::RestoreCursor);
        QTest::newRow("DECDWL") << QByteArray("\x1b#6") << int(Sequence::LineSize);
        QTest::newRow("OSC") << QByteArray("\x1b]0;title\x07") << int(Sequence::String);
        QTest::newRow("DCS") << QByteArray("\x1bP$qm\x1b\\") << int(Sequence::String);
        QTest::newRow("DEL inside") << QByteArray("\x1b\x7f#8") << int(Sequence::Alignment);
        QTest::newRow("17 arguments")
            << QByteArray("\x1b[?1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17h")
            << int(Sequence::TooLong);
        QTest::newRow("16 sub-parameters")
            << QByteArray("\x1b[38" + QByteArray(16, ':') + 'm') << int(Sequence::TooLong);
    }
    void sequencesAreClassified()
    {
        QFETCH(QByteArray, sequence);
        QFETCH(int, kind);
        TerminalShadowState state;
        QCOMPARE(int(note(state, sequence)), kind);
        QCOMPARE(int(note(state, sequence, true)), int(Sequence::Abandoned));
    }

    void charsets()
    {
        TerminalShadowState state;
        QVERIFY(state.asciiInGL());
        note(state, "\x1b(0"); // DEC line drawing into G0
        QVERIFY(!state.asciiInGL());
        QVERIFY(!state.printsAsciiAsIs());
        note(state, "\x1b(B");
        QVERIFY(state.asciiInGL());
        note(state, "\x1b)0");
        state.noteControls("\x0e", 1); // SO: G1 into GL
        QVERIFY(!state.asciiInGL());
        state.noteControls("\x0f", 1);
        QVERIFY(state.asciiInGL());
        note(state, "\x1b+A"); // G3: a national set
        note(state, "\x1bo");  // LS3
        QVERIFY(!state.asciiInGL());
        // A control inside a sequence runs where it stands.
        note(state, "\x1b(\x0f"
                    "B");
        QVERIFY(state.asciiInGL());
        note(state, "\x1b"
                    "c"); // RIS
        QVERIFY(state.asciiInGL());
    }

    void modes()
    {
        TerminalShadowState state;
        QVERIFY(state.printsAsciiAsIs());
        note(state, "\x1b[4h");
        QVERIFY(state.insertMode());
        QVERIFY(!state.printsAsciiAsIs());
        note(state, "\x1b[4l");
        QVERIFY(!state.insertMode());
        note(state, "\x1b[?6h");
        QVERIFY(state.originMode());
        note(state, "\x1b[?6l");
        QVERIFY(!state.originMode());
        // Only the first parameter counts, as in libvterm 0.1.4.
        note(state, "\x1b[1;4h");
        QVERIFY(!state.insertMode());
        note(state, "\x1b[4;1h");
        QVERIFY(state.insertMode());
        note(state, "\x1b"
                    "c");
        QVERIFY(!state.insertMode());
        // A number libvterm might overflow on: taken as the worst case.
        note(state, "\x1b[0000000004l");
        QVERIFY(state.insertMode());
        note(state, "\x1b"
                    "c");
        state.setParserInGround(false);
        QVERIFY(!state.printsAsciiAsIs());
        note(state, "\x1b[m");
        QVERIFY(state.printsAsciiAsIs());
    }

    void sgrConceal_data()
    {
        QTest::addColumn<QByteArray>("sequence");
        QTest::addColumn<int>("conceal");
        QTest::newRow("8") << QByteArray("\x1b[8m") << 1;
        QTest::newRow("reset") << QByteArray("\x1b[m") << 0;
        QTest::newRow("0") << QByteArray("\x1b[1;0m") << 0;
        QTest::newRow("28") << QByteArray("\x1b[28m") << 0;
        QTest::newRow("last wins") << QByteArray("\x1b[8;28m") << 0;
        QTest::newRow("bold") << QByteArray("\x1b[1m") << -1;
        QTest::newRow("256-colour index 8") << QByteArray("\x1b[38;5;8m") << -1;
        QTest::newRow("true colour 8") << QByteArray("\x1b[38;2;8;8;8m") << -1;
        QTest::newRow("after a colour") << QByteArray("\x1b[48;5;1;8m") << 1;
        QTest::newRow("sub-parameters") << QByteArray("\x1b[38:5:8;8m") << 1;
        QTest::newRow("a leader") << QByteArray("\x1b[?8m") << -1;
        QTest::newRow("not SGR") << QByteArray("\x1b[8H") << -1;
    }
    void sgrConceal()
    {
        QFETCH(QByteArray, sequence);
        QFETCH(int, conceal);
        QCOMPARE(TerminalShadowState::sgrConceal(sequence.constData(), size_t(sequence.size())),
                 conceal);
    }

    void concealFollowsThePen()
    {
        TerminalShadowState state;
        const QByteArray reset("\x1b[0m");
        // Not concealed: a reset leaves it so, and says nothing.
        QCOMPARE(state.concealSetBy(reset.constData(), size_t(reset.size())), -1);
        state.setConceal(true);
        QVERIFY(state.pen().has(TerminalCell::Conceal));
        QCOMPARE(state.concealSetBy(reset.constData(), size_t(reset.size())), 0);
        state.resetPen();
        QVERIFY(!state.pen().has(TerminalCell::Conceal));
    }

    void penAndCursor()
    {
        TerminalShadowState state;
        state.setPenAttribute(TerminalCell::Bold, true);
        state.setPenForeground(TerminalColor::indexed(3));
        state.setPenBackground(TerminalColor::rgb(1, 2, 3));
        QVERIFY(state.pen().has(TerminalCell::Bold));
        QCOMPARE(state.pen().foreground, TerminalColor::indexed(3));
        QCOMPARE(state.pen().background, TerminalColor::rgb(1, 2, 3));
        state.setPenAttribute(TerminalCell::Bold, false);
        QVERIFY(!state.pen().has(TerminalCell::Bold));
        state.setCursorPosition(4, 7);
        state.setCursorShape(TerminalCursor::Shape::Bar);
        state.setCursorVisible(false);
        QCOMPARE(state.cursor().row, 4);
        QCOMPARE(state.cursor().column, 7);
        QCOMPARE(state.cursor().shape, TerminalCursor::Shape::Bar);
        QVERIFY(!state.cursor().visible);
        QCOMPARE(state.repeatWidth(), 0);
        state.setRepeatWidth(2);
        QCOMPARE(state.repeatWidth(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTerminalShadowState)
#include "tst_terminalshadowstate.moc"
