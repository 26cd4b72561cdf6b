#include "sandbox/SandboxDetails.h"

#include <QTest>

class TestStatusSummary final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void summaries_data();
    void summaries();
};

void TestStatusSummary::summaries_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("startedAgo"); // -1: not known
    QTest::addColumn<qint64>("finishedAgo");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("running") << int(SandboxStatus::Running) << qint64(17) << qint64(-1) << -1
                             << QStringLiteral("Running for 17 second(s)");
    QTest::newRow("running a moment") << int(SandboxStatus::Running) << qint64(0) << qint64(-1)
                                      << -1 << QStringLiteral("Running for 1 second(s)");
    QTest::newRow("running for hours")
        << int(SandboxStatus::Running) << qint64(3 * 3600 + 59) << qint64(-1) << -1
        << QStringLiteral("Running for 3 hour(s)");
    QTest::newRow("running, start unknown") << int(SandboxStatus::Running) << qint64(-1)
                                            << qint64(-1) << -1 << QStringLiteral("Running");
    QTest::newRow("exited") << int(SandboxStatus::Exited) << qint64(400) << qint64(300) << 2
                            << QStringLiteral("Exited (code 2) 5 minute(s) ago");
    QTest::newRow("exited just now") << int(SandboxStatus::Exited) << qint64(3) << qint64(0) << 0
                                     << QStringLiteral("Exited (code 0) just now");
    QTest::newRow("exited days ago")
        << int(SandboxStatus::Exited) << qint64(-1) << qint64(2 * 86400 + 10) << 137
        << QStringLiteral("Exited (code 137) 2 day(s) ago");
    QTest::newRow("exited, time unknown") << int(SandboxStatus::Exited) << qint64(-1) << qint64(-1)
                                          << 1 << QStringLiteral("Exited (code 1)");
    QTest::newRow("exited, code unknown")
        << int(SandboxStatus::Exited) << qint64(-1) << qint64(60) << -1 << QStringLiteral("Exited");
    QTest::newRow("paused") << int(SandboxStatus::Paused) << qint64(60) << qint64(-1) << -1
                            << QStringLiteral("Paused");
}

// No translator is installed here, so plurals read as their source: "second(s)".
void TestStatusSummary::summaries()
{
    QFETCH(int, status);
    QFETCH(qint64, startedAgo);
    QFETCH(qint64, finishedAgo);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const QDateTime now = QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC);
    const QDateTime started = startedAgo < 0 ? QDateTime() : now.addSecs(-startedAgo);
    const QDateTime finished = finishedAgo < 0 ? QDateTime() : now.addSecs(-finishedAgo);
    QCOMPARE(statusSummary(SandboxStatus(status), started, finished, exitCode, now), expected);
}

QTEST_GUILESS_MAIN(TestStatusSummary)
#include "tst_statussummary.moc"
