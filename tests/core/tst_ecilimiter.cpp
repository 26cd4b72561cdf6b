#include "eci/EciClient.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

namespace {

// At most `count` sends in any half-open window (t - windowMs, t].
bool keepsQuota(QList<qint64> sends, int count, qint64 windowMs)
{
    std::sort(sends.begin(), sends.end());
    for (qsizetype i = 0; i < sends.size(); ++i) {
        const qint64 t = sends.at(i);
        const auto inWindow = std::count_if(sends.begin(), sends.end(),
                                            [&](qint64 s) { return s > t - windowMs && s <= t; });
        if (inWindow > count)
            return false;
    }
    return true;
}

} // namespace

// The limiter is a pure function of the times it is given, so a fake clock is just numbers.
class TestEciLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstIsSpreadOverWindows();
    void slidingWindow();
    void randomArrivalsKeepQuotaAndOrder();
    void documentedQuotas();
    void actionsAreIndependent();
    void unknownActionsAreNotDelayed();
};

void TestEciLimiter::burstIsSpreadOverWindows()
{
    EciRateLimiter limiter;
    limiter.setLimit(QStringLiteral("A"), 5, 1000);
    QList<qint64> delays;
    for (int i = 0; i < 12; ++i)
        delays << limiter.reserve(QStringLiteral("A"), 0);
    // Nothing is dropped: every call gets a slot, the sixth waits one window, the eleventh two.
    QCOMPARE(delays, (QList<qint64>{0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000}));
    QVERIFY(keepsQuota(delays, 5, 1000));
}

void TestEciLimiter::slidingWindow()
{
    EciRateLimiter limiter;
    limiter.setLimit(QStringLiteral("A"), 3, 1000);
    QCOMPARE(limiter.reserve(QStringLiteral("A"), 0), 0);
    QCOMPARE(limiter.reserve(QStringLiteral("A"), 400), 0);
    QCOMPARE(limiter.reserve(QStringLiteral("A"), 800), 0);
    // The window is full until the first call leaves it at 1000.
    QCOMPARE(limiter.reserve(QStringLiteral("A"), 900), 100);
    // 400 leaves at 1400; 1000 is taken, so the next free slot is 1400.
    QCOMPARE(limiter.reserve(QStringLiteral("A"), 1000), 400);
    // Much later the log has emptied and nothing waits.
    QCOMPARE(limiter.reserve(QStringLiteral("A"), 10000), 0);
}

void TestEciLimiter::randomArrivalsKeepQuotaAndOrder()
{
    QRandomGenerator random(20240501);
    for (int round = 0; round < 20; ++round) {
        const int count = 1 + int(random.bounded(30));
        const qint64 window = 100 + random.bounded(5000);
        EciRateLimiter limiter;
        limiter.setLimit(QStringLiteral("A"), count, window);
        qint64 now = 0;
        QList<qint64> sends;
        qint64 previous = -1;
        const int calls = 50 + int(random.bounded(400));
        for (int i = 0; i < calls; ++i) {
            now += random.bounded(qint64(3) * window / count + 1);
            const qint64 delay = limiter.reserve(QStringLiteral("A"), now);
            QVERIFY(delay >= 0);
            const qint64 send = now + delay;
            QVERIFY2(send >= previous, "calls are sent in the order they were made");
            previous = send;
            sends << send;
        }
        QCOMPARE(sends.size(), calls);
        QVERIFY2(
            keepsQuota(sends, count, window),
            qPrintable(QStringLiteral("round %1: %2 per %3 ms").arg(round).arg(count).arg(window)));
    }
}

void TestEciLimiter::documentedQuotas()
{
    QCOMPARE(EciRateLimiter::documentedQuota(QStringLiteral("DescribeContainerGroups")), 2000);
    QCOMPARE(EciRateLimiter::documentedQuota(QStringLiteral("DescribeContainerGroupMetric")), 2000);
    QCOMPARE(EciRateLimiter::documentedQuota(QStringLiteral("CreateContainerGroup")), 1000);
    QCOMPARE(EciRateLimiter::documentedQuota(QStringLiteral("DeleteContainerGroup")), 1000);
    QCOMPARE(EciRateLimiter::documentedQuota(QStringLiteral("DescribeContainerLog")), 500);
    QCOMPARE(EciRateLimiter::documentedQuota(QStringLiteral("ExecContainerCommand")), 500);
    QCOMPARE(EciRateLimiter::documentedQuota(QStringLiteral("RestartContainerGroup")), 500);

    // Without setLimit the documented quota applies: the 501st log call in a minute waits.
    EciRateLimiter limiter;
    for (int i = 0; i < 500; ++i)
        QCOMPARE(limiter.reserve(QStringLiteral("DescribeContainerLog"), i), 0);
    QCOMPARE(limiter.reserve(QStringLiteral("DescribeContainerLog"), 500), 60000 - 500);
}

void TestEciLimiter::actionsAreIndependent()
{
    EciRateLimiter limiter;
    limiter.setLimit(QStringLiteral("A"), 1, 1000);
    limiter.setLimit(QStringLiteral("B"), 1, 1000);
    QCOMPARE(limiter.reserve(QStringLiteral("A"), 0), 0);
    QCOMPARE(limiter.reserve(QStringLiteral("A"), 0), 1000);
    QCOMPARE(limiter.reserve(QStringLiteral("B"), 0), 0);
}

void TestEciLimiter::unknownActionsAreNotDelayed()
{
    EciRateLimiter limiter;
    for (int i = 0; i < 5000; ++i)
        QCOMPARE(limiter.reserve(QStringLiteral("DescribeRegions"), 0), 0);
}

QTEST_GUILESS_MAIN(TestEciLimiter)
#include "tst_ecilimiter.moc"
