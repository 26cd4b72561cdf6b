#include "text/Duration.h"

#include <QTest>

class TestDuration final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void format_data();
    void format();
    void formatReadsBack();
};

void TestDuration::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milliseconds");
    QTest::newRow("seconds") << QStringLiteral("90s") << qint64(90000);
    QTest::newRow("minutes") << QStringLiteral("10m") << qint64(600000);
    QTest::newRow("hours") << QStringLiteral("2h") << qint64(7200000);
    QTest::newRow("day") << QStringLiteral("1d") << qint64(86400000);
    QTest::newRow("ms") << QStringLiteral("250ms") << qint64(250);
    QTest::newRow("combined") << QStringLiteral("1h30m") << qint64(5400000);
    QTest::newRow("fraction") << QStringLiteral("1.5h") << qint64(5400000);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("bare number") << QStringLiteral("90") << qint64(-1);
    QTest::newRow("unknown unit") << QStringLiteral("3w") << qint64(-1);
    QTest::newRow("trailing junk") << QStringLiteral("3s!") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-3s") << qint64(-1);
    QTest::newRow("blank inside") << QStringLiteral("1h 30m") << qint64(-1);
    QTest::newRow("centuries") << QStringLiteral("40000d") << qint64(-1);
}

void TestDuration::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, milliseconds);
    QCOMPARE(Duration::parse(text), milliseconds);
}

void TestDuration::format_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0ms");
    QTest::newRow("ms") << qint64(250) << QStringLiteral("250ms");
    QTest::newRow("tenths") << qint64(1530) << QStringLiteral("1.5s");
    QTest::newRow("whole seconds") << qint64(12000) << QStringLiteral("12s");
    QTest::newRow("minutes") << qint64(90000) << QStringLiteral("1m30s");
    QTest::newRow("hours") << qint64(2 * 3600000 + 5 * 60000) << QStringLiteral("2h5m");
    QTest::newRow("days") << qint64(86400000 + 3 * 3600000 + 999) << QStringLiteral("1d3h");
}

void TestDuration::format()
{
    QFETCH(qint64, milliseconds);
    QFETCH(QString, text);
    QCOMPARE(Duration::format(milliseconds), text);
}

void TestDuration::formatReadsBack()
{
    for (const qint64 ms : {qint64(250), qint64(1500), qint64(61000), qint64(93784000)})
        QCOMPARE(Duration::parse(Duration::format(ms)), ms);
}

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
