#include "BackendFixture.h"

using namespace DockerTestEnvironment;

class TestEngineRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void comesBackByItself();
};

void TestEngineRestart::comesBackByItself()
{
    REQUIRE_TEST_ENGINE();
    QVERIFY2(!qEnvironmentVariableIsEmpty("SANDBOXDESK_ENGINE_SCRIPT"),
             "SANDBOXDESK_ENGINE_SCRIPT is not set: run the tests through scripts/test.");
    const QString before = uniqueName(QStringLiteral("before"));
    QCOMPARE(docker({QStringLiteral("create"), QStringLiteral("--network"), QStringLiteral("none"),
                     QStringLiteral("--name"), before, image()})
                 .exitCode,
             0);

    auto backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 15000);
    QSignalSpy states(backend.get(), &Backend::stateChanged);

    const auto stopped = engine(QStringLiteral("stop"));
    QVERIFY2(stopped.exitCode == 0, stopped.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Lost, 15000);
    QVERIFY(!backend->lastError().message.isEmpty());
    // What was listed stays visible while the engine is away.
    QVERIFY(!backend->sandboxes().isEmpty());

    const auto started = engine(QStringLiteral("start"));
    QVERIFY2(started.exitCode == 0, started.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 30000);

    QCOMPARE(backendIds(*backend), allIds());

    // Events flow again: a container made now shows up without any refresh.
    const QString after = uniqueName(QStringLiteral("after"));
    const auto created = docker({QStringLiteral("create"), QStringLiteral("--network"),
                                 QStringLiteral("none"), QStringLiteral("--name"), after, image()});
    QCOMPARE(created.exitCode, 0);
    const QString id = QString::fromUtf8(created.out).trimmed();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            bool found = false;
            backend->sandbox(id, &found);
            return found;
        }(),
        5000);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), before, after});
}

QTEST_GUILESS_MAIN(TestEngineRestart)
#include "tst_enginerestart.moc"
