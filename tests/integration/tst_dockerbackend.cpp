#include "BackendFixture.h"

#include <QElapsedTimer>

using namespace DockerTestEnvironment;

class TestDockerBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listEqualsTheCli();
    void lifecycleThroughCore();
    void cliChangesReachTheModel();
    void errorsAreClear();
    void inspectAndImages();

private:
    std::unique_ptr<DockerBackend> m_backend;
    Sandbox find(const QString& id)
    {
        bool found = false;
        const Sandbox sandbox = m_backend->sandbox(id, &found);
        return found ? sandbox : Sandbox();
    }
};

void TestDockerBackend::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 15000);
    QVERIFY(!m_backend->serverVersion().isEmpty());
}

void TestDockerBackend::listEqualsTheCli()
{
    const QString name = uniqueName(QStringLiteral("list"));
    QCOMPARE(docker({QStringLiteral("create"), QStringLiteral("--network"), QStringLiteral("none"),
                     QStringLiteral("--name"), name, image()})
                 .exitCode,
             0);
    QTRY_COMPARE_WITH_TIMEOUT(backendIds(*m_backend), allIds(), 5000);
    QVERIFY(!allIds().isEmpty());
    docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
}

void TestDockerBackend::lifecycleThroughCore()
{
    SandboxSpec spec;
    spec.image = image();
    spec.name = uniqueName(QStringLiteral("life"));
    spec.command = {QStringLiteral("sleep"), QStringLiteral("600")};
    spec.env = {QStringLiteral("GREETING=hello world")};
    spec.labels.insert(QStringLiteral("sandboxdesk.test"), QStringLiteral("yes"));
    spec.workingDir = QStringLiteral("/tmp");
    spec.cpus = 0.5;
    spec.memoryBytes = 32 * 1024 * 1024;
    spec.networkMode = QStringLiteral("none");
    QVERIFY(spec.validate().isEmpty());

    const JobOutcome created = await(m_backend->create(spec));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    const QString id = created.result.toString();
    QCOMPARE(cliStatus(id), QStringLiteral("created"));
    const auto config = docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                QStringLiteral("{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} "
                                               "{{.Config.WorkingDir}} {{.HostConfig.NetworkMode}} "
                                               "{{index .Config.Labels \"sandboxdesk.test\"}}"),
                                id});
    QCOMPARE(QString::fromUtf8(config.out).trimmed(),
             QStringLiteral("500000000 33554432 /tmp none yes"));
    QVERIFY(docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                    QStringLiteral("{{json .Config.Env}}"), id})
                .out.contains("GREETING=hello world"));
    QTRY_COMPARE_WITH_TIMEOUT(find(id).status, SandboxStatus::Created, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(find(id).memoryBytes, qint64(32 * 1024 * 1024), 5000);
    QCOMPARE(find(id).cpus, 0.5);

    const struct
    {
        Backend::Action action;
        const char* cli;
        SandboxStatus model;
    } steps[] = {
        {Backend::Action::Start, "running", SandboxStatus::Running},
        {Backend::Action::Pause, "paused", SandboxStatus::Paused},
        {Backend::Action::Unpause, "running", SandboxStatus::Running},
        {Backend::Action::Restart, "running", SandboxStatus::Running},
        {Backend::Action::Stop, "exited", SandboxStatus::Exited},
    };
    for (const auto& step : steps) {
        const JobOutcome outcome = await(m_backend->perform(step.action, id));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
        QCOMPARE(cliStatus(id), QLatin1String(step.cli));
        QTRY_COMPARE_WITH_TIMEOUT(find(id).status, step.model, 5000);
    }

    const JobOutcome removed = await(m_backend->remove(id, false));
    QVERIFY2(!removed.error.isError(), qPrintable(removed.error.fullText()));
    QVERIFY(docker({QStringLiteral("inspect"), id}).exitCode != 0);
    QTRY_VERIFY_WITH_TIMEOUT(find(id).id.isEmpty(), 5000);
}

void TestDockerBackend::cliChangesReachTheModel()
{
    const QString name = uniqueName(QStringLiteral("cli"));
    const auto run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"), name, image(),
                QStringLiteral("sleep"), QStringLiteral("600")});
    QCOMPARE(run.exitCode, 0);
    const QString id = QString::fromUtf8(run.out).trimmed();
    // The bar: through events, within a second of the CLI returning.
    QTRY_COMPARE_WITH_TIMEOUT(find(id).status, SandboxStatus::Running, 1000);
    QCOMPARE(find(id).name, name);

    QCOMPARE(docker({QStringLiteral("pause"), id}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(find(id).status, SandboxStatus::Paused, 1000);
    QCOMPARE(docker({QStringLiteral("rename"), id, name + QStringLiteral("-renamed")}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(find(id).name, name + QStringLiteral("-renamed"), 1000);
    QCOMPARE(docker({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(find(id).id.isEmpty(), 1000);
}

void TestDockerBackend::errorsAreClear()
{
    const JobOutcome missing =
        await(m_backend->perform(Backend::Action::Start, QStringLiteral("no-such-sandbox")));
    QCOMPARE(missing.error.kind, Error::NotFound);
    QCOMPARE(missing.error.code, QStringLiteral("404"));
    QVERIFY(missing.error.detail.contains(QStringLiteral("no-such-sandbox")));

    SandboxSpec spec;
    spec.image = QStringLiteral("sandboxdesk/not-here:1");
    spec.networkMode = QStringLiteral("none");
    const JobOutcome noImage = await(m_backend->create(spec));
    QCOMPARE(noImage.error.kind, Error::NotFound);

    spec.image = image();
    spec.name = uniqueName(QStringLiteral("dup"));
    const JobOutcome first = await(m_backend->create(spec));
    QVERIFY(!first.error.isError());
    const JobOutcome second = await(m_backend->create(spec));
    QCOMPARE(second.error.kind, Error::Conflict);
    QVERIFY(!second.error.message.isEmpty());

    const JobOutcome pauseStopped =
        await(m_backend->perform(Backend::Action::Pause, first.result.toString()));
    QCOMPARE(pauseStopped.error.kind, Error::Conflict);
    QVERIFY(!await(m_backend->remove(first.result.toString(), true)).error.isError());
}

void TestDockerBackend::inspectAndImages()
{
    const QString name = uniqueName(QStringLiteral("inspect"));
    const auto run = docker({QStringLiteral("create"), QStringLiteral("--network"),
                             QStringLiteral("none"), QStringLiteral("--name"), name, image()});
    const QString id = QString::fromUtf8(run.out).trimmed();
    const JobOutcome inspected = await(m_backend->inspect(id));
    QVERIFY(!inspected.error.isError());
    QCOMPARE(inspected.result.toJsonObject().value(QLatin1String("Id")).toString(), id);

    const JobOutcome images = await(m_backend->listImages());
    QVERIFY(images.result.toStringList().contains(image()));

    // No registry is reachable: the pull must fail with a reason, not hang or pretend.
    const JobOutcome pulled =
        await(m_backend->pullImage(QStringLiteral("127.0.0.1:9/none/such:1")));
    QVERIFY(pulled.error.isError());
    QVERIFY(!pulled.error.fullText().isEmpty());
    docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
}

QTEST_GUILESS_MAIN(TestDockerBackend)
#include "tst_dockerbackend.moc"
