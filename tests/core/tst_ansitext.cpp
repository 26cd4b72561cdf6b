#include "logs/AnsiText.h"

#include <QTest>

class TestAnsiText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainLine();
    void colours();
    void extendedColours();
    void attributes();
    void otherSequencesAreRemoved();
    void controlsAreShown();
    void invalidUtf8IsReplaced();
    void truncatedSequences();
};

void TestAnsiText::plainLine()
{
    const auto runs = AnsiText::parse("hello, 世界");
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].text, QStringLiteral("hello, 世界"));
    QCOMPARE(runs[0].foreground.kind, AnsiColor::Kind::Default);
    QVERIFY(!runs[0].bold);
    QVERIFY(AnsiText::parse("").isEmpty());
}

void TestAnsiText::colours()
{
    const auto runs = AnsiText::parse("a\x1b[31mred\x1b[42;97mon green\x1b[39mx\x1b[0mplain");
    QCOMPARE(runs.size(), 5);
    QCOMPARE(runs[0].text, QStringLiteral("a"));
    QCOMPARE(runs[1].text, QStringLiteral("red"));
    QCOMPARE(runs[1].foreground, AnsiColor::indexed(1));
    QCOMPARE(runs[2].text, QStringLiteral("on green"));
    QCOMPARE(runs[2].foreground, AnsiColor::indexed(15));
    QCOMPARE(runs[2].background, AnsiColor::indexed(2));
    QCOMPARE(runs[3].text, QStringLiteral("x"));
    QCOMPARE(runs[3].foreground.kind, AnsiColor::Kind::Default);
    QCOMPARE(runs[3].background, AnsiColor::indexed(2));
    QCOMPARE(runs[4].text, QStringLiteral("plain"));
    QVERIFY(runs[4].sameStyle(AnsiRun()));
    // ESC[m is a reset too; a style with no text makes no run.
    const auto reset = AnsiText::parse("\x1b[1m\x1b[mx\x1b[32m");
    QCOMPARE(reset.size(), 1);
    QVERIFY(!reset[0].bold);
}

void TestAnsiText::extendedColours()
{
    const auto runs = AnsiText::parse("\x1b[38;5;208mo\x1b[48;2;1;2;300mr\x1b[38:2::10:20:30mc");
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs[0].foreground, AnsiColor::indexed(208));
    QCOMPARE(runs[1].background, AnsiColor::rgb(1, 2, 255));
    QCOMPARE(runs[1].foreground, AnsiColor::indexed(208));
    QCOMPARE(runs[2].foreground, AnsiColor::rgb(10, 20, 30));
    // The colon forms, with and without the colour space, and the indexed one.
    QCOMPARE(AnsiText::parse("\x1b[38:2:40:50:60mx").value(0).foreground,
             AnsiColor::rgb(40, 50, 60));
    QCOMPARE(AnsiText::parse("\x1b[48:5:9;1mx").value(0).background, AnsiColor::indexed(9));
    QVERIFY(AnsiText::parse("\x1b[48:5:9;1mx").value(0).bold);
}

void TestAnsiText::attributes()
{
    const auto runs = AnsiText::parse("\x1b[1;3;4mall\x1b[22mni\x1b[23;24;7mv");
    QCOMPARE(runs.size(), 3);
    QVERIFY(runs[0].bold && runs[0].italic && runs[0].underline);
    QVERIFY(!runs[1].bold && runs[1].italic && runs[1].underline);
    QVERIFY(!runs[2].italic && !runs[2].underline && runs[2].inverse);
}

void TestAnsiText::otherSequencesAreRemoved()
{
    QCOMPARE(AnsiText::plainText("a\x1b[2Jb\x1b[10;20Hc\x1b[?25ld\x1b]0;title\x07"
                                 "e\x1b]8;;http://x\x1b\\f\x1b(Bg\x1bPdcs\x1b\\h\x1b"
                                 "7i"),
             QStringLiteral("abcdefghi"));
    // A private mode ending in m is not SGR.
    const auto runs = AnsiText::parse("\x1b[?1mx");
    QCOMPARE(runs.size(), 1);
    QVERIFY(!runs[0].bold);
}

void TestAnsiText::controlsAreShown()
{
    QCOMPARE(AnsiText::plainText(QByteArrayView("a\0b\x07"
                                                "c\x7f"
                                                "d\te\rf\r",
                                                12)),
             QStringLiteral("a\u2400b\u2407c\u2421d\te\u240df"));
    QCOMPARE(AnsiText::plainText("\x08\x1b"), QStringLiteral("\u2408"));
    QCOMPARE(AnsiText::plainText("x\x08"), QStringLiteral("x\u2408"));
    // C1 controls in UTF-8 (U+009B is an 8-bit CSI) are shown, not carried out.
    QCOMPARE(AnsiText::plainText("a\xc2\x9b"
                                 "31mb"),
             QStringLiteral("a\uFFFD31mb"));
}

void TestAnsiText::invalidUtf8IsReplaced()
{
    const QString text = AnsiText::plainText("ok\xff\xfe end \xc3(");
    QVERIFY(text.startsWith(QStringLiteral("ok\uFFFD")));
    QVERIFY(text.contains(QStringLiteral(" end ")));
    QVERIFY(text.endsWith(QStringLiteral("\uFFFD(")));
    QVERIFY(!text.contains(QChar(0xff)));
}

void TestAnsiText::truncatedSequences()
{
    QCOMPARE(AnsiText::plainText("a\x1b["), QStringLiteral("a"));
    QCOMPARE(AnsiText::plainText("a\x1b[31"), QStringLiteral("a"));
    QCOMPARE(AnsiText::plainText("a\x1b]0;never ends"), QStringLiteral("a"));
    // Parameters without end stay bounded.
    const QByteArray many = "\x1b[" + QByteArray(100000, ';') + "1mz";
    const auto runs = AnsiText::parse(many);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].text, QStringLiteral("z"));
}

QTEST_GUILESS_MAIN(TestAnsiText)
#include "tst_ansitext.moc"
