#include "files/FileEntry.h"

#include <QTest>

class TestRemotePaths final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joinsWithOneSlash()
    {
        QCOMPARE(RemotePaths::join("/", "etc"), QByteArray("/etc"));
        QCOMPARE(RemotePaths::join("/etc", "hosts"), QByteArray("/etc/hosts"));
        QCOMPARE(RemotePaths::join("/etc/", "hosts"), QByteArray("/etc/hosts"));
    }

    void parentAndFileName()
    {
        QCOMPARE(RemotePaths::parent("/a/b"), QByteArray("/a"));
        QCOMPARE(RemotePaths::parent("/a/b/"), QByteArray("/a"));
        QCOMPARE(RemotePaths::parent("/a"), QByteArray("/"));
        QCOMPARE(RemotePaths::parent("/"), QByteArray("/"));
        QCOMPARE(RemotePaths::fileName("/a/b c"), QByteArray("b c"));
        QCOMPARE(RemotePaths::fileName("/a/b/"), QByteArray("b"));
    }

    void showsUnicodeAsItIs()
    {
        QCOMPARE(RemotePaths::displayName("报告 2024.txt"), QStringLiteral("报告 2024.txt"));
        QCOMPARE(RemotePaths::displayName("😀"), QStringLiteral("😀"));
    }

    void makesControlCharactersVisible()
    {
        QCOMPARE(RemotePaths::displayName("a\nb\tc"), QStringLiteral("a\\nb\\tc"));
        QCOMPARE(RemotePaths::displayName("bell\x07"), QStringLiteral("bell\\x07"));
        QCOMPARE(RemotePaths::displayName("esc\x1b[31m"), QStringLiteral("esc\\x1B[31m"));
        QCOMPARE(RemotePaths::displayName("back\\slash"), QStringLiteral("back\\\\slash"));
    }

    void makesBidiOverridesVisible()
    {
        // With U+202E shown as itself, "invoice<RLO>fdp.exe" would read as "invoiceexe.pdf".
        QCOMPARE(RemotePaths::displayName("invoice\xE2\x80\xAE"
                                          "fdp.exe"),
                 QStringLiteral("invoice\\u202Efdp.exe"));
        QCOMPARE(RemotePaths::displayName("\xE2\x81\xA6x"), QStringLiteral("\\u2066x"));
    }

    void showsInvalidUtf8AsBytes()
    {
        QCOMPARE(RemotePaths::displayName("caf\xE9"), QStringLiteral("caf\\xE9"));
        QCOMPARE(RemotePaths::displayName("\xC0\xAF"), QStringLiteral("\\xC0\\xAF")); // overlong
        QCOMPARE(RemotePaths::displayName("\xED\xA0\x80"), QStringLiteral("\\xED\\xA0\\x80"));
        QCOMPARE(RemotePaths::displayName("\xE4\xB8"), QStringLiteral("\\xE4\\xB8")); // cut short
    }
};

QTEST_GUILESS_MAIN(TestRemotePaths)
#include "tst_remotepaths.moc"
