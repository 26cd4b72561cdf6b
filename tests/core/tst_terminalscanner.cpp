#include "terminal/TerminalGrid.h"
#include "terminal/TerminalScanner.h"
#include "terminal/TerminalShadowState.h"

#include <QTest>

namespace {

// Records what the scanner gives libvterm. Its cursor follows printable ASCII and HPA, enough
// for plain runs on one row; `followsHpa` off plays a libvterm whose cursor went elsewhere.
class RecordingParser final : public TerminalScanner::Parser
{
public:
    void write(const char* bytes, size_t size) override
    {
        const QByteArray chunk(bytes, qsizetype(size));
        written += chunk;
        writes.append(chunk);
        if (chunk.startsWith("\x1b[") && chunk.endsWith('`')) {
            if (followsHpa)
                column = chunk.mid(2, chunk.size() - 3).toInt() - 1;
            return;
        }
        for (char c : chunk) {
            if (c >= 0x20 && c < 0x7f)
                ++column;
        }
    }
    void cursorPosition(int* r, int* c) const override
    {
        *r = row;
        *c = column;
    }

    QByteArray written;
    QList<QByteArray> writes;
    int row = 0;
    int column = 0;
    bool followsHpa = true;
};

struct Rig
{
    RecordingParser parser;
    TerminalShadowState state;
    TerminalGrid grid{80, 24};
    TerminalScanner scanner{parser, state, grid};

    void feed(const QByteArray& bytes) { scanner.feed(bytes.constData(), size_t(bytes.size())); }
};

// What libvterm gets for input, fed whole and byte by byte: the same either way.
void checkWritten(const QByteArray& input, const QByteArray& expected)
{
    Rig whole;
    whole.feed(input);
    QCOMPARE(whole.parser.written, expected);
    // Byte by byte the same reaches libvterm.
    Rig bytewise;
    for (char c : input)
        bytewise.feed(QByteArray(1, c));
    QCOMPARE(bytewise.parser.written, expected);
}

} // namespace

class TestTerminalScanner final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesTextAndSequences_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("short text") << QByteArray("hi\r\n") << QByteArray("hi\r\n");
        QTest::newRow("SGR") << QByteArray("\x1b[1;31mred\x1b[m")
                             << QByteArray("\x1b[1;31mred\x1b[m");
        QTest::newRow("UTF-8") << QByteArray("\xe4\xb8\xad") << QByteArray("\xe4\xb8\xad");
        QTest::newRow("cut UTF-8") << QByteArray("\xe4\r") << QByteArray("\xef\xbf\xbd\r");
        QTest::newRow("C1 as UTF-8") << QByteArray("a\xc2\x85"
                                                   "b")
                                     << QByteArray("a\xef\xbf\xbd"
                                                   "b");
        QTest::newRow("string controls")
            << QByteArray("\x1b]2;ti\x0etle\x07") << QByteArray("\x1b]2;title\x07");
        QTest::newRow("DCS dropped") << QByteArray("a\x1bP$qm\x1b\\b") << QByteArray("ab");
        QTest::newRow("REP before any glyph") << QByteArray("\x1b[3b") << QByteArray();
        QTest::newRow("line size") << QByteArray("\x1b#6x") << QByteArray("x");
        QTest::newRow("abandoned keeps controls")
            << QByteArray("\x1b[1\r\x1b[m") << QByteArray("\r\x1b[m");
        QTest::newRow("unterminated string")
            << QByteArray("\x1b]2;x\x1b[31mz") << QByteArray("\x1b[31mz");
    }
    void keepsLongCsiFromLibvterm_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray sixteen("\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16m");
        QTest::newRow("16 arguments") << sixteen << sixteen;
        QTest::newRow("17 arguments")
            << QByteArray("a\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17mb") << QByteArray("ab");
        QTest::newRow("sub-parameters count")
            << QByteArray("a\x1b[38" + QByteArray(16, ':') + "mb") << QByteArray("ab");
        QTest::newRow("controls inside still run")
            << QByteArray("a\x1b[" + QByteArray(8, ';') + '\r' + QByteArray(8, ';') + "Hb")
            << QByteArray("a\rb");
    }
    void keepsLongCsiFromLibvterm()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        checkWritten(input, expected);
    }

    void hugeCsiIsDropped()
    {
        Rig rig;
        rig.feed("a\x1b[");
        for (int i = 0; i < 20; ++i)
            rig.feed(QByteArray(64 * 1024, ';'));
        rig.feed("mb\x1b[1m");
        QCOMPARE(rig.parser.written, QByteArray("ab\x1b[1m"));
    }

    void passesTextAndSequences()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        checkWritten(input, expected);
    }

    void incompleteInputWaits()
    {
        Rig rig;
        rig.feed("\xe4\xb8");
        QVERIFY(rig.parser.written.isEmpty());
        rig.feed("\xad");
        QCOMPARE(rig.parser.written, QByteArray("\xe4\xb8\xad"));
        rig.feed("\x1b]2;ti");
        QCOMPARE(rig.parser.written, QByteArray("\xe4\xb8\xad"));
        rig.feed("tle\x07");
        // A string goes to libvterm in one write.
        QCOMPARE(rig.parser.writes.last(), QByteArray("\x1b]2;title\x07"));
    }

    void repeatPassesAfterAGlyph()
    {
        Rig rig;
        rig.state.setRepeatWidth(1);
        rig.feed("\x1b[3b");
        QCOMPARE(rig.parser.written, QByteArray("\x1b[3b"));
    }

    void plainRunGoesIntoTheGrid()
    {
        Rig rig;
        rig.feed("0123456789ABCDEFGHIJ");
        // libvterm prints the first and the last character and moves its cursor over the rest.
        QCOMPARE(rig.parser.written, QByteArray("0\x1b[20`J"));
        const TerminalLine line = rig.grid.line(rig.grid.scrollbackSize());
        QCOMPARE(line.toString(), QStringLiteral(" 123456789ABCDEFGHI"));
        QVERIFY(rig.scanner.plainRuns());
    }

    void plainRunsFollowTheShadowState()
    {
        Rig rig;
        rig.feed("\x1b[4h0123456789ABCDEFGHIJ");
        QCOMPARE(rig.parser.written, QByteArray("\x1b[4h0123456789ABCDEFGHIJ"));
        rig.parser.written.clear();
        rig.feed("\x1b[4l\x1b(0"
                 "0123456789ABCDEFGHIJ");
        QCOMPARE(rig.parser.written, QByteArray("\x1b[4l\x1b(0"
                                                "0123456789ABCDEFGHIJ"));
        rig.parser.written.clear();
        rig.scanner.setPlainRuns(false);
        rig.feed("\x1b(B0123456789ABCDEFGHIJ");
        QCOMPARE(rig.parser.written, QByteArray("\x1b(B0123456789ABCDEFGHIJ"));
    }

    void lostCursorTurnsPlainRunsOff()
    {
        Rig rig;
        rig.parser.followsHpa = false;
        QTest::ignoreMessage(
            QtWarningMsg, "terminal: libvterm moved the cursor elsewhere; plain-text shortcut off");
        rig.feed("0123456789ABCDEFGHIJ");
        QVERIFY(!rig.scanner.plainRuns());
        // Nothing is lost: libvterm prints the rest itself.
        QCOMPARE(rig.parser.written, QByteArray("0\x1b[20`123456789ABCDEFGHIJ"));
        QCOMPARE(rig.grid.line(0).toString(), QString());
    }

    void concealIsFollowed()
    {
        Rig rig;
        rig.feed("\x1b[8m");
        QVERIFY(rig.state.pen().has(TerminalCell::Conceal));
        rig.feed("\x1b[28m");
        QVERIFY(!rig.state.pen().has(TerminalCell::Conceal));
    }

    void hugeStringIsDropped()
    {
        Rig rig;
        rig.feed("a\x1b]2;");
        for (int i = 0; i < 20; ++i)
            rig.feed(QByteArray(64 * 1024, 'z'));
        rig.feed("\x07"
                 "b");
        QCOMPARE(rig.parser.written, QByteArray("ab"));
    }
};

QTEST_GUILESS_MAIN(TestTerminalScanner)
#include "tst_terminalscanner.moc"
