#include "FakeEngine.h"
#include "docker/DockerBackend.h"

#include <QSignalSpy>
#include <QTest>

// A Docker backend against engines that stop answering: each case ends in Lost with a reason
// (or a fresh list), never in a wait without end.
class TestDockerLiveness : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void peerThatNeverAnswersIsLost();
    void silentEventStreamIsLostAndRecovers();
    void stalledRefreshDoesNotBlockLaterRefreshes();

private:
    static std::unique_ptr<DockerBackend> backendFor(const FakeEngine& engine);
};

std::unique_ptr<DockerBackend> TestDockerLiveness::backendFor(const FakeEngine& engine)
{
    auto backend = std::make_unique<DockerBackend>(QStringLiteral("fake"), QStringLiteral("Fake"),
                                                   Endpoint::fromUrl(engine.url()));
    backend->setReconnectDelays(50, 200);
    backend->setTimeouts(1000, 500);
    backend->setLiveness(60000, 500);
    return backend;
}

void TestDockerLiveness::peerThatNeverAnswersIsLost()
{
    FakeEngine engine;
    engine.setSilent(true);
    auto backend = backendFor(engine);
    backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Lost, 10000);
    QCOMPARE(backend->lastError().kind, Error::Timeout);
    QVERIFY(!backend->lastError().message.isEmpty());
    QVERIFY(engine.accepted() >= 1);
}

void TestDockerLiveness::silentEventStreamIsLostAndRecovers()
{
    FakeEngine engine;
    engine.setContainer(QStringLiteral("c1"), QStringLiteral("one"), QStringLiteral("running"));
    auto backend = backendFor(engine);
    backend->setLiveness(200, 500);
    backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 10000);
    QCOMPARE(backend->sandboxes().size(), 1);

    // The event stream stays open and says nothing, as a stream cut by a NAT would.
    engine.setSilent(true);
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Lost, 10000);
    QCOMPARE(backend->lastError().kind, Error::Timeout);
    QCOMPARE(backend->lastError().message, DockerBackend::tr("The engine stopped answering."));
    QCOMPARE(backend->sandboxes().size(), 1); // what was known stays shown

    engine.setContainer(QStringLiteral("c2"), QStringLiteral("two"), QStringLiteral("exited"));
    engine.setSilent(false);
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 10000);
    QCOMPARE(backend->sandboxes().size(), 2);
}

void TestDockerLiveness::stalledRefreshDoesNotBlockLaterRefreshes()
{
    FakeEngine engine;
    engine.setContainer(QStringLiteral("c1"), QStringLiteral("one"), QStringLiteral("running"));
    auto backend = backendFor(engine);
    backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 10000);

    // The first refresh of c1 is never answered; the one after it is.
    bool stalled = false;
    engine.setStallIf([&stalled](const QByteArray& target) {
        if (stalled || !target.startsWith("/containers/json?all=1&filters="))
            return false;
        stalled = true;
        return true;
    });
    engine.setContainer(QStringLiteral("c1"), QStringLiteral("renamed"), QStringLiteral("running"));
    engine.pushEvent(QStringLiteral("c1"), QStringLiteral("rename"));
    QTRY_VERIFY_WITH_TIMEOUT(stalled, 10000);
    engine.pushEvent(QStringLiteral("c1"), QStringLiteral("rename"));
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(QStringLiteral("c1")).name,
                              QStringLiteral("renamed"), 10000);
    QCOMPARE(backend->state(), Backend::State::Connected);
}

QTEST_GUILESS_MAIN(TestDockerLiveness)
#include "tst_dockerliveness.moc"
