#include "sandbox/ShellWords.h"

#include <QTest>

class TestShellWords final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splits_data();
    void splits();
    void reportsUnclosedQuotes_data();
    void reportsUnclosedQuotes();
    void joinRoundTrips_data();
    void joinRoundTrips();
};

void TestShellWords::splits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("blanks") << QStringLiteral(" \t ") << QStringList();
    QTest::newRow("plain") << QStringLiteral("sleep  3600")
                           << QStringList{QStringLiteral("sleep"), QStringLiteral("3600")};
    QTest::newRow("single quotes")
        << QStringLiteral("sh -c 'while true; do date; sleep 1; done'")
        << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("while true; do date; sleep 1; done")};
    QTest::newRow("double quotes keep single ones")
        << QStringLiteral("echo \"it's $HOME\"")
        << QStringList{QStringLiteral("echo"), QStringLiteral("it's $HOME")};
    QTest::newRow("backslash in double quotes")
        << QStringLiteral("echo \"a \\\"b\\\" \\\\ \\n\"")
        << QStringList{QStringLiteral("echo"), QStringLiteral("a \"b\" \\ \\n")};
    QTest::newRow("backslash outside quotes")
        << QStringLiteral("echo a\\ b \\'c")
        << QStringList{QStringLiteral("echo"), QStringLiteral("a b"), QStringLiteral("'c")};
    QTest::newRow("backslash inside single quotes stays")
        << QStringLiteral("printf '%s\\n'")
        << QStringList{QStringLiteral("printf"), QStringLiteral("%s\\n")};
    QTest::newRow("empty quoted word")
        << QStringLiteral("a '' \"\"") << QStringList{QStringLiteral("a"), QString(), QString()};
    QTest::newRow("quotes join into one word")
        << QStringLiteral("a'b c'\"d\"") << QStringList{QStringLiteral("ab cd")};
    QTest::newRow("escaped newline joins lines")
        << QStringLiteral("echo a\\\nb")
        << QStringList{QStringLiteral("echo"), QStringLiteral("ab")};
}

void TestShellWords::splits()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QString error = QStringLiteral("not cleared");
    QCOMPARE(ShellWords::split(text, &error), words);
    QVERIFY(error.isEmpty());
}

void TestShellWords::reportsUnclosedQuotes_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("single") << QStringLiteral("sh -c 'date");
    QTest::newRow("double") << QStringLiteral("echo \"a");
    QTest::newRow("trailing backslash") << QStringLiteral("echo a\\");
}

void TestShellWords::reportsUnclosedQuotes()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(ShellWords::split(text, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestShellWords::joinRoundTrips_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << QStringList{QStringLiteral("sleep"), QStringLiteral("3600")};
    QTest::newRow("script") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                           QStringLiteral("echo 'hi'; exit 2")};
    QTest::newRow("empty word") << QStringList{QStringLiteral("a"), QString()};
    QTest::newRow("specials") << QStringList{QStringLiteral("$HOME"), QStringLiteral("a\"b\\c")};
}

void TestShellWords::joinRoundTrips()
{
    QFETCH(QStringList, words);
    QCOMPARE(ShellWords::split(ShellWords::join(words)), words);
}

QTEST_GUILESS_MAIN(TestShellWords)
#include "tst_shellwords.moc"
