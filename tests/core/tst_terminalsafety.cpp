#include "terminal/TerminalEmulator.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// Everything the emulator sent back to the program while fed `payload`, whole and byte by byte.
QByteArray repliesTo(const QByteArray& payload, bool bytewise = false)
{
    TerminalEmulator t(80, 24);
    QByteArray out;
    QObject::connect(&t, &TerminalEmulator::outputToProgram, &t,
                     [&](const QByteArray& bytes) { out += bytes; });
    if (bytewise) {
        for (char c : payload)
            t.feed(&c, 1);
    } else {
        t.feed(payload);
    }
    return out;
}

} // namespace

class TestTerminalSafety final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replies_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("expected");
        // What a shell needs gets through, rebuilt from digits only.
        QTest::newRow("DA1") << QByteArray("\x1b[c") << QByteArray("\x1b[?1;2c");
        QTest::newRow("DA2") << QByteArray("\x1b[>c") << QByteArray("\x1b[>0;100;0c");
        QTest::newRow("DSR") << QByteArray("\x1b[5n") << QByteArray("\x1b[0n");
        QTest::newRow("CPR") << QByteArray("ab\x1b[6n") << QByteArray("\x1b[1;3R");
        // xterm CVE-2003-0063: set the title, then ask for it back (and the icon label).
        QTest::newRow("CVE-2003-0063 title report")
            << QByteArray("\x1b]2;;rm -rf ~\n\x07\x1b[21t\x1b[20t") << QByteArray();
        QTest::newRow("window reports")
            << QByteArray("\x1b[18t\x1b[14t\x1b[13t\x1b[11t") << QByteArray();
        // CVE-2008-2383: DECRQSS echoing an arbitrary status string.
        QTest::newRow("CVE-2008-2383 DECRQSS")
            << QByteArray(
                   "\x1bP$q;1;2;3;rm -rf /\n\x1b\\\x1bP$qm\x1b\\\x1bP$qr\x1b\\\x1bP$q q\x1b\\")
            << QByteArray();
        QTest::newRow("DECRQM") << QByteArray("\x1b[?1$p\x1b[?25$p\x1b[4$p") << QByteArray();
        QTest::newRow("XTGETTCAP") << QByteArray("\x1bP+q544e\x1b\\") << QByteArray();
        QTest::newRow("XTVERSION") << QByteArray("\x1b[>0q\x1b[>q") << QByteArray();
        // CVE-2022-45063: OSC 50 font query answered with attacker-chosen text.
        QTest::newRow("CVE-2022-45063 OSC 50")
            << QByteArray("\x1b]50;?\x07\x1b]50;#+1\x07\x1b]50;?\x1b\\") << QByteArray();
        QTest::newRow("colour queries")
            << QByteArray("\x1b]10;?\x07\x1b]11;?\x07\x1b]4;1;?\x07\x1b]12;?\x1b\\")
            << QByteArray();
        // iTerm2 CVE-2024-38396: title / tmux-style sequences carrying newlines and commands.
        QTest::newRow("CVE-2024-38396 injection")
            << QByteArray("\x1b]0;\ntouch pwned\n\x07\x1b]1337;SetUserVar=x=Y2F0\x07"
                          "\x1bP1000p%session-changed $9 s\n\x1b\\\x1b]2;\x1b[21t\x07\x1b[21t")
            << QByteArray();
        QTest::newRow("OSC 52 read")
            << QByteArray("\x1b]52;c;?\x07\x1b]52;p;?\x1b\\") << QByteArray();
        QTest::newRow("8-bit controls")
            << QByteArray("\x1b G\x1b[c\x1bP$qm\x1b\\\x1b[21t") << QByteArray("\x1b[?1;2c");
        QTest::newRow("mixed") << QByteArray("\x1b]2;x\x07\x1b[21t\x1b[6n\x1bP$qm\x1b\\\x1b[c")
                               << QByteArray("\x1b[1;1R\x1b[?1;2c");
        QTest::newRow("key modes are not echoed")
            << QByteArray("\x1b[?1h\x1b=\x1b[?2004h\x1b[?1000h") << QByteArray();
    }

    void replies()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, expected);
        QCOMPARE(repliesTo(payload), expected);
        QCOMPARE(repliesTo(payload, true), expected);
    }

    void titleCannotCarryControls()
    {
        TerminalEmulator t(80, 24);
        t.feed("\x1b]0;\ntouch pwned\r\xc2\x9b\n\x07");
        QCOMPARE(t.title(), QStringLiteral("touch pwned"));
    }

    void clipboardWritesFollowPolicy()
    {
        TerminalEmulator t(80, 24);
        QSignalSpy spy(&t, &TerminalEmulator::clipboardWriteRequested);
        QSignalSpy replies(&t, &TerminalEmulator::outputToProgram);
        t.feed("\x1b]52;c;aGVsbG8=\x07");
        QCOMPARE(spy.count(), 0); // off by default
        t.setClipboardWritesAllowed(true);
        t.feed("\x1b]52;c;aGVs");
        t.feed("bG8=\x1b");
        t.feed("\\");
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toByteArray(), QByteArray("hello"));
        t.feed("\x1b]52;c;?\x07\x1b]52;c;!!notbase64\x07");
        QCOMPARE(spy.count(), 1);
        QCOMPARE(replies.count(), 0);
    }

    void unterminatedStringSwallowsNoReplies()
    {
        // An unterminated DCS must not let later bytes turn into a reply request inside it.
        QCOMPARE(repliesTo(QByteArray("\x1bP$q") + QByteArray(100, 'm') + "\x1b[c"),
                 QByteArray("\x1b[?1;2c"));
    }
};

QTEST_GUILESS_MAIN(TestTerminalSafety)
#include "tst_terminalsafety.moc"
