#include "terminal/TerminalReplies.h"

#include <QTest>

class TestTerminalReplies final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyReportsPass_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("allowed");
        QTest::newRow("DA1") << QByteArray("\x1b[?1;2c") << QByteArray("\x1b[?1;2c");
        QTest::newRow("DA2") << QByteArray("\x1b[>0;100;0c") << QByteArray("\x1b[>0;100;0c");
        QTest::newRow("DSR") << QByteArray("\x1b[0n") << QByteArray("\x1b[0n");
        QTest::newRow("CPR") << QByteArray("\x1b[12;40R") << QByteArray("\x1b[12;40R");
        QTest::newRow("8-bit CSI") << QByteArray("\x9b?1;2c") << QByteArray("\x1b[?1;2c");
        QTest::newRow("DA without a leader") << QByteArray("\x1b[1;2c") << QByteArray();
        QTest::newRow("DSR other than ready") << QByteArray("\x1b[3n") << QByteArray();
        QTest::newRow("CPR with one number") << QByteArray("\x1b[12R") << QByteArray();
        QTest::newRow("DECRPM") << QByteArray("\x1b[?1;2$y") << QByteArray();
        QTest::newRow("DECRQSS reply") << QByteArray("\x1bP1$r0m\x1b\\") << QByteArray();
        QTest::newRow("8-bit DCS reply") << QByteArray("\x90"
                                                       "1$r0m\x9c")
                                         << QByteArray();
        QTest::newRow("OSC reply") << QByteArray("\x1b]l;title\x07") << QByteArray();
        QTest::newRow("text in a report") << QByteArray("\x1b[?1;x2c") << QByteArray();
        QTest::newRow("a long report")
            << QByteArray("\x1b[?" + QByteArray(40, '1') + 'c') << QByteArray();
        QTest::newRow("cut short") << QByteArray("\x1b[12;4") << QByteArray();
        QTest::newRow("among others") << QByteArray("\x1bP1$r0m\x1b\\\x1b[0n\x1b[?1$y\x1b[3;4R")
                                      << QByteArray("\x1b[0n\x1b[3;4R");
    }
    void onlyReportsPass()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, allowed);
        QCOMPARE(TerminalReplies::allowed(raw), allowed);
    }

    void pendingRepliesAreTakenOnce()
    {
        TerminalReplies replies;
        QVERIFY(!replies.hasPending());
        replies.append("\x1b[0", 3);
        replies.append("n", 1);
        QVERIFY(replies.hasPending());
        QCOMPARE(replies.takeAllowed(), QByteArray("\x1b[0n"));
        QVERIFY(!replies.hasPending());
        QCOMPARE(replies.takeAllowed(), QByteArray());
        replies.append("\x1b[0n", 4);
        replies.discardPending();
        QVERIFY(!replies.hasPending());
    }

    void clipboardWritesOnlyWhenAllowed()
    {
        TerminalReplies replies;
        QVERIFY(!replies.clipboardWritesAllowed());
        replies.noteOsc("52;c;aGVsbG8=");
        QVERIFY(replies.takeClipboardWrites().isEmpty());
        replies.setClipboardWritesAllowed(true);
        replies.noteOsc("52;c;aGVsbG8=");
        replies.noteOsc("52;c;?");           // a read
        replies.noteOsc("52;c;not base64!"); // not decodable
        replies.noteOsc("52;c");             // no data
        replies.noteOsc("10;?");             // a colour query
        replies.noteOsc("52;;d29ybGQ=");
        QCOMPARE(replies.takeClipboardWrites(),
                 (QList<QByteArray>{QByteArray("hello"), QByteArray("world")}));
        QVERIFY(replies.takeClipboardWrites().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTerminalReplies)
#include "tst_terminalreplies.moc"
