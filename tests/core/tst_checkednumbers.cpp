#include "sandbox/CheckedNumbers.h"
#include "sandbox/LogStream.h"

#include <QTest>

#include <cmath>
#include <limits>

class TestCheckedNumbers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hostileDoubles_data();
    void hostileDoubles();
    void boundsAreExact();
    void exactIntegers();
    void nanoseconds();
    void saturatingAdd();
    void timestampsOutsideNanoseconds_data();
    void timestampsOutsideNanoseconds();
};

void TestCheckedNumbers::hostileDoubles_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("fitsInt64");
    QTest::addColumn<bool>("fitsInt");
    QTest::addColumn<bool>("fitsUInt32");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("1e300") << 1e300 << false << false << false;
    QTest::newRow("-1e300") << -1e300 << false << false << false;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << false << false << false;
    QTest::newRow("inf") << inf << false << false << false;
    QTest::newRow("-inf") << -inf << false << false << false;
    QTest::newRow("9.3e18") << 9.3e18 << false << false << false;
    QTest::newRow("-9.3e18") << -9.3e18 << false << false << false;
    QTest::newRow("2^63") << 9223372036854775808.0 << false << false << false;
    QTest::newRow("-2^63") << -9223372036854775808.0 << true << false << false;
    QTest::newRow("2^31") << 2147483648.0 << true << false << true;
    QTest::newRow("2^32") << 4294967296.0 << true << false << false;
    QTest::newRow("-1") << -1.0 << true << true << false;
    QTest::newRow("-0.5") << -0.5 << true << true << true;
    QTest::newRow("42.9") << 42.9 << true << true << true;
}

void TestCheckedNumbers::hostileDoubles()
{
    QFETCH(double, value);
    QFETCH(bool, fitsInt64);
    QFETCH(bool, fitsInt);
    QFETCH(bool, fitsUInt32);
    const auto asInt64 = CheckedNumbers::toInteger<qint64>(value);
    QCOMPARE(asInt64.has_value(), fitsInt64);
    if (asInt64)
        QCOMPARE(double(*asInt64), std::trunc(value));
    QCOMPARE(CheckedNumbers::toInteger<int>(value).has_value(), fitsInt);
    QCOMPARE(CheckedNumbers::toInteger<quint32>(value).has_value(), fitsUInt32);
}

void TestCheckedNumbers::boundsAreExact()
{
    QCOMPARE(CheckedNumbers::toInteger<int>(2147483647.0), std::optional<int>(2147483647));
    QCOMPARE(CheckedNumbers::toInteger<int>(-2147483648.0), std::optional<int>(-2147483647 - 1));
    QCOMPARE(CheckedNumbers::toInteger<int>(2147483647.99), std::optional<int>(2147483647));
    // The largest double below 2^63.
    const double below = std::nextafter(9223372036854775808.0, 0.0);
    QCOMPARE(CheckedNumbers::toInteger<qint64>(below), std::optional<qint64>(qint64(below)));
    QCOMPARE(CheckedNumbers::toInteger<quint64>(18446744073709551616.0), std::nullopt);
}

void TestCheckedNumbers::exactIntegers()
{
    QCOMPARE(CheckedNumbers::toExactInteger<int>(42.0), std::optional<int>(42));
    QCOMPARE(CheckedNumbers::toExactInteger<int>(42.5), std::nullopt);
    QCOMPARE(CheckedNumbers::toExactInteger<int>(1e300), std::nullopt);
    QCOMPARE(CheckedNumbers::toExactInteger<int>(std::numeric_limits<double>::quiet_NaN()),
             std::nullopt);
}

void TestCheckedNumbers::nanoseconds()
{
    QCOMPARE(CheckedNumbers::nanosecondsFromMSecs(1500), std::optional<qint64>(1500000000));
    QCOMPARE(CheckedNumbers::nanosecondsFromMSecs(std::numeric_limits<qint64>::max() / 1000000 + 1),
             std::nullopt);
    QCOMPARE(CheckedNumbers::nanosecondsFromSeconds(9223372036, 854775807),
             std::optional<qint64>(std::numeric_limits<qint64>::max()));
    QCOMPARE(CheckedNumbers::nanosecondsFromSeconds(9223372036, 854775808), std::nullopt);

    const QDateTime year3000(QDate(3000, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime year1600(QDate(1600, 1, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(CheckedNumbers::nanosecondsFromDateTime(year3000), std::nullopt);
    QCOMPARE(CheckedNumbers::nanosecondsFromDateTime(year1600), std::nullopt);
    QCOMPARE(CheckedNumbers::nanosecondsFromDateTime(QDateTime()), std::nullopt);
    QCOMPARE(CheckedNumbers::clampedNanoseconds(year3000), std::numeric_limits<qint64>::max());
    QCOMPARE(CheckedNumbers::clampedNanoseconds(year1600), std::numeric_limits<qint64>::min());
    QCOMPARE(CheckedNumbers::clampedNanoseconds(QDateTime()), 0);
    const QDateTime year2000(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(CheckedNumbers::clampedNanoseconds(year2000), 946684800LL * 1000000000);

    QCOMPARE(CheckedNumbers::latestNanosecondTime().date(), QDate(2262, 4, 11));
    QCOMPARE(CheckedNumbers::earliestNanosecondTime().date(), QDate(1677, 9, 21));
    QVERIFY(CheckedNumbers::nanosecondsFromDateTime(CheckedNumbers::latestNanosecondTime()));
    QVERIFY(CheckedNumbers::nanosecondsFromDateTime(CheckedNumbers::earliestNanosecondTime()));
}

void TestCheckedNumbers::saturatingAdd()
{
    const qint64 max = std::numeric_limits<qint64>::max();
    const qint64 min = std::numeric_limits<qint64>::min();
    QCOMPARE(CheckedNumbers::saturatingAdd(2, 3), 5);
    QCOMPARE(CheckedNumbers::saturatingAdd(max, 1), max);
    QCOMPARE(CheckedNumbers::saturatingAdd(min, -1), min);
    QCOMPARE(CheckedNumbers::saturatingAdd(max, min), -1);
}

void TestCheckedNumbers::timestampsOutsideNanoseconds_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("inRange");
    QTest::newRow("3000") << QByteArray("3000-01-01T00:00:00Z") << false;
    QTest::newRow("1600") << QByteArray("1600-01-01T00:00:00Z") << false;
    QTest::newRow("9999") << QByteArray("9999-12-31T23:59:59.999999999Z") << false;
    QTest::newRow("0000") << QByteArray("0000-01-01T00:00:00Z") << false;
    QTest::newRow("just after the last") << QByteArray("2262-04-11T23:47:16.854775808Z") << false;
    QTest::newRow("the last") << QByteArray("2262-04-11T23:47:16.854775807Z") << true;
    QTest::newRow("the first") << QByteArray("1677-09-21T00:12:43.145224192Z") << true;
    QTest::newRow("just before the first") << QByteArray("1677-09-21T00:12:43.145224191Z") << false;
    // An offset moves a time that fits past the end.
    QTest::newRow("offset past the end") << QByteArray("2262-04-11T23:47:16-01:00") << false;
}

void TestCheckedNumbers::timestampsOutsideNanoseconds()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, inRange);
    qint64 nanoseconds = 12345;
    bool outOfRange = true;
    const qsizetype used =
        LogStream::parseTimestamp(text.constData(), text.size(), &nanoseconds, &outOfRange);
    QCOMPARE(outOfRange, !inRange);
    if (inRange) {
        QCOMPARE(used, text.size());
        QCOMPARE(LogStream::formatTimestamp(nanoseconds), text);
    } else {
        QCOMPARE(used, 0);
        QCOMPARE(nanoseconds, 12345); // untouched, never wrapped
    }
}

QTEST_GUILESS_MAIN(TestCheckedNumbers)
#include "tst_checkednumbers.moc"
