#include "BackendFixture.h"
#include "LogCollector.h"

using namespace DockerTestEnvironment;

class TestLogsResume : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void survivesAnEngineRestart();
};

void TestLogsResume::survivesAnEngineRestart()
{
    REQUIRE_TEST_ENGINE();
    QVERIFY2(!qEnvironmentVariableIsEmpty("SANDBOXDESK_ENGINE_SCRIPT"),
             "SANDBOXDESK_ENGINE_SCRIPT is not set: run the tests through scripts/test.");
    // Comes back by itself when the engine does, and starts counting again.
    const QString id = runContainer(
        {QStringLiteral("--restart"), QStringLiteral("always")},
        QStringLiteral("echo up >&2; i=0; while [ $i -lt 2000 ]; do i=$((i+1)); echo \"n $i\"; "
                       "sleep 0.05; done"));
    QVERIFY(!id.isEmpty());
    auto backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 15000);
    LogStream* stream = backend->openLogs(id, LogOptions());
    LogCollector logs(stream);
    QTRY_VERIFY_WITH_TIMEOUT(logs.raw[1].contains("n 5\n"), 15000);

    const auto stopped = engine(QStringLiteral("stop"));
    QVERIFY2(stopped.exitCode == 0, stopped.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(logs.interruptions >= 1, 15000);
    const auto started = engine(QStringLiteral("start"));
    QVERIFY2(started.exitCode == 0, started.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(logs.raw[2].count("up\n") == 2, 30000);
    QVERIFY(logs.resumptions >= 1);
    const qsizetype before = logs.raw[1].size();
    QTRY_VERIFY_WITH_TIMEOUT(logs.raw[1].size() > before + 40, 15000);

    QCOMPARE(
        docker({QStringLiteral("update"), QStringLiteral("--restart"), QStringLiteral("no"), id})
            .exitCode,
        0);
    const int interruptions = logs.interruptions;
    QCOMPARE(
        docker({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), id}).exitCode,
        0);
    QTRY_VERIFY_WITH_TIMEOUT(logs.interruptions > interruptions, 15000);
    QTest::qWait(500);
    // The engine's own record, line for line and timestamp for timestamp.
    const auto cli = cliLogs(id);
    QVERIFY(cli[1].count('\n') > 10);
    QCOMPARE(logs.stamped[1], cli[1]);
    QCOMPARE(logs.stamped[2], cli[2]);
    QVERIFY(!logs.failure.isError());
    delete stream;
    docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
}

QTEST_GUILESS_MAIN(TestLogsResume)
#include "tst_logsresume.moc"
