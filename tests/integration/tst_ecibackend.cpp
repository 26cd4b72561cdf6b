#include "EciBackendFixture.h"
#include "sandbox/ExecSession.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

namespace {

const int Generous = 120000;

} // namespace

class TestEciBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void identityAndRegions();
    void listsAcrossPages();
    void lifecycleIsReflected();
    void refusesWhatEciCannotDo();
    void execPicksTheContainer();
    void statusAndTagFilters();
    void throttlingStorm();
    void deadEndpointIsLostThenRecovers();

private:
    bool startEmulator(const QStringList& arguments = {});
    std::unique_ptr<EciBackend> backendFor(const QString& region, int pollMs = 200)
    {
        return makeEciBackend(&m_network, m_emulator->endpoint(), region, pollMs);
    }
    // Creates groups through the backend, all at once; retries a create the service throttled.
    QStringList createGroups(EciBackend* backend, const QString& prefix, int count,
                             const QMap<QString, QString>& labels = {},
                             const QString& script = QStringLiteral("sleep 600"));

    QNetworkAccessManager m_network;
    std::unique_ptr<EciEmulatorProcess> m_emulator;
};

void TestEciBackend::init()
{
    REQUIRE_TEST_ENGINE();
}

void TestEciBackend::cleanup()
{
    m_emulator.reset();
}

bool TestEciBackend::startEmulator(const QStringList& arguments)
{
    m_emulator = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    return m_emulator->start(arguments);
}

QStringList TestEciBackend::createGroups(EciBackend* backend, const QString& prefix, int count,
                                         const QMap<QString, QString>& labels,
                                         const QString& script)
{
    QStringList ids;
    QList<QPair<QString, ResultJob<QString>*>> jobs;
    for (int i = 0; i < count; ++i) {
        SandboxSpec spec = eciSpec(prefix + QLatin1Char('-') + QString::number(i), script);
        spec.labels = labels;
        ResultJob<QString>* job = backend->create(spec);
        job->setAutoDelete(false); // they finish while the test waits on others
        jobs.append({spec.name, job});
    }
    for (int attempt = 0; attempt < 20 && !jobs.isEmpty(); ++attempt) {
        QList<QPair<QString, ResultJob<QString>*>> again;
        for (const auto& [name, job] : std::as_const(jobs)) {
            const EciOutcome outcome = awaitEci(job);
            if (outcome.error.code.startsWith(QLatin1String("Throttling"))) {
                SandboxSpec spec = eciSpec(name, script);
                spec.labels = labels;
                ResultJob<QString>* retry = backend->create(spec);
                retry->setAutoDelete(false);
                again.append({name, retry});
                continue;
            }
            if (outcome.error.isError())
                qWarning("create %s: %s", qPrintable(name), qPrintable(outcome.error.fullText()));
            else
                ids << outcome.result.toString();
        }
        jobs = again;
    }
    ids.sort();
    return ids;
}

void TestEciBackend::identityAndRegions()
{
    QVERIFY(startEmulator());
    auto backend = backendFor(QStringLiteral("cn-hangzhou"));
    QCOMPARE(backend->id(), QStringLiteral("eci:test/cn-hangzhou"));
    QVERIFY(backend->displayName().contains(QLatin1String("test")));
    QVERIFY(backend->displayName().contains(QLatin1String("cn-hangzhou")));
    QCOMPARE(backend->endpointDescription(), m_emulator->endpoint() + QLatin1Char('/'));
    const Backend::Capabilities capabilities = backend->capabilities();
    QVERIFY(capabilities.testFlag(Backend::CanRestart));
    QVERIFY(capabilities.testFlag(Backend::HasContainerGroups));
    QVERIFY(capabilities.testFlag(Backend::CanShowResourceHistory));
    QVERIFY(capabilities.testFlag(Backend::CanBrowseFiles));
    QVERIFY(!capabilities.testFlag(Backend::CanPause));
    QVERIFY(!capabilities.testFlag(Backend::CanListImages));
    QVERIFY(!capabilities.testFlag(Backend::CanPullImages));
    QCOMPARE(EciBackend::defaultEndpoint(QStringLiteral("cn-beijing")),
             QStringLiteral("https://eci.cn-beijing.aliyuncs.com"));

    const EciOutcome regions = awaitEci(backend->listRegions());
    QVERIFY2(!regions.error.isError(), qPrintable(regions.error.fullText()));
    QVERIFY(regions.result.toStringList().contains(QStringLiteral("cn-hangzhou")));
}

void TestEciBackend::listsAcrossPages()
{
    QVERIFY(startEmulator());
    const QString region = DockerTestEnvironment::uniqueName(QStringLiteral("pages"));
    auto backend = backendFor(region, 60000);
    const QStringList created = createGroups(backend.get(), region, 25,
                                             {{QStringLiteral("suite"), QStringLiteral("pages")}});
    QCOMPARE(created.size(), 25);
    QCOMPARE(engineGroupIds(region), created);

    // Four a page: seven pages, each one signed request.
    backend->setPageSize(4);
    QSignalSpy settled(backend.get(), &Backend::settled);
    QSignalSpy inserted(backend->sandboxSet(), &SandboxSet::inserted);
    const int before = m_emulator->requestCount();
    backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
    QCOMPARE(backend->state(), Backend::State::Connected);
    QVERIFY(backend->isSettled());
    // The whole first sweep arrives as one range.
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(backend->lastSweepPages(), 7);
    QCOMPARE(m_emulator->requestCount() - before, 7);
    QCOMPARE(eciIds(*backend), created);

    const QList<Sandbox> sandboxes = backend->sandboxes();
    for (const Sandbox& sandbox : sandboxes) {
        QCOMPARE(sandbox.backendId, backend->id());
        QVERIFY(sandbox.name.startsWith(region));
        QCOMPARE(sandbox.image, DockerTestEnvironment::image());
        QCOMPARE(sandbox.status, SandboxStatus::Running);
        QCOMPARE(sandbox.statusText, QStringLiteral("Running"));
        QCOMPARE(sandbox.containers, QStringList{sandbox.name});
        QCOMPARE(sandbox.labels.value(QStringLiteral("suite")), QStringLiteral("pages"));
        QVERIFY(sandbox.created.isValid());
    }
    // Newest first, as the service lists them.
    for (qsizetype i = 1; i < sandboxes.size(); ++i)
        QVERIFY(sandboxes.at(i - 1).created >= sandboxes.at(i).created);
}

void TestEciBackend::lifecycleIsReflected()
{
    QVERIFY(startEmulator());
    const QString region = DockerTestEnvironment::uniqueName(QStringLiteral("life"));
    auto backend = backendFor(region);
    QSignalSpy added(backend.get(), &Backend::sandboxAdded);
    QSignalSpy changed(backend.get(), &Backend::sandboxChanged);
    QSignalSpy removed(backend.get(), &Backend::sandboxRemoved);
    QSignalSpy settled(backend.get(), &Backend::settled);
    backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
    QVERIFY(backend->sandboxes().isEmpty());

    // One group first, then another to see the diffs.
    const QStringList first = createGroups(backend.get(), region + QStringLiteral("-a"), 1);
    QCOMPARE(first.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(eciIds(*backend) == first, Generous);

    SandboxSpec spec = eciSpec(region + QStringLiteral("-b"));
    spec.labels = {{QStringLiteral("owner"), QStringLiteral("tests")}};
    spec.env = {QStringLiteral("GREETING=hello there")};
    spec.cpus = 0.5;
    spec.memoryBytes = 1024LL * 1024 * 1024;
    spec.restartPolicy = QStringLiteral("Always");
    const EciOutcome created = awaitEci(backend->create(spec));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    const QString id = created.result.toString();
    QVERIFY(id.startsWith(QLatin1String("eci-")));

    QTRY_VERIFY_WITH_TIMEOUT(backend->sandbox(id).status == SandboxStatus::Running, Generous);
    QCOMPARE(added.size(), 2);
    QCOMPARE(added.last().first().value<Sandbox>().id, id);
    const Sandbox sandbox = backend->sandbox(id);
    QCOMPARE(sandbox.name, spec.name);
    QCOMPARE(sandbox.cpus, 0.5);
    QCOMPARE(sandbox.memoryBytes, spec.memoryBytes);
    QCOMPARE(sandbox.labels.value(QStringLiteral("owner")), QStringLiteral("tests"));
    QCOMPARE(sandbox.containers, QStringList{spec.name});
    const auto env = DockerTestEnvironment::docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                                    QStringLiteral("{{json .Config.Env}}"), id});
    QVERIFY2(env.out.contains("GREETING=hello there"), env.out.constData());

    // Details: the group's JSON, with its events when the service keeps them.
    const EciOutcome details = awaitEci(backend->inspect(id));
    QVERIFY2(!details.error.isError(), qPrintable(details.error.fullText()));
    const QJsonObject group = details.result.toJsonObject();
    QCOMPARE(group.value(QLatin1String("ContainerGroupId")).toString(), id);
    QCOMPARE(group.value(QLatin1String("Containers")).toArray().size(), 1);
    QVERIFY(group.value(QLatin1String("Events")).isArray());
    QVERIFY(!group.value(QLatin1String("Events")).toArray().isEmpty());

    // Resource history: CPU and memory samples, oldest first.
    QList<ResourceSample> samples;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const EciOutcome history = awaitEci(backend->resourceHistory(id));
            if (history.error.isError())
                qWarning("%s", qPrintable(history.error.fullText()));
            samples = history.result.value<QList<ResourceSample>>();
            return !samples.isEmpty();
        }(),
        Generous);
    QVERIFY(samples.last().memoryBytes > 0);
    for (qsizetype i = 1; i < samples.size(); ++i)
        QVERIFY(samples.at(i - 1).time < samples.at(i).time);
    const EciOutcome missing = awaitEci(backend->inspect(QStringLiteral("eci-nosuchgroup")));
    QCOMPARE(missing.error.kind, Error::NotFound);

    const EciOutcome restarted = awaitEci(backend->perform(Backend::Action::Restart, id));
    QVERIFY2(!restarted.error.isError(), qPrintable(restarted.error.fullText()));
    QTRY_VERIFY_WITH_TIMEOUT(backend->sandbox(id).status == SandboxStatus::Running, Generous);

    const EciOutcome deleted = awaitEci(backend->remove(id, true));
    QVERIFY2(!deleted.error.isError(), qPrintable(deleted.error.fullText()));
    const auto listed = [&] {
        bool found = false;
        backend->sandbox(id, &found);
        return found;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!listed(), Generous);
    QVERIFY(removed.contains(QVariantList{id}));
    QCOMPARE(eciIds(*backend), first);
    QCOMPARE(engineGroupIds(region), first);
    Q_UNUSED(changed)
}

void TestEciBackend::refusesWhatEciCannotDo()
{
    QVERIFY(startEmulator());
    auto backend = backendFor(DockerTestEnvironment::uniqueName(QStringLiteral("refuse")));
    for (const Backend::Action action :
         {Backend::Action::Start, Backend::Action::Stop, Backend::Action::Pause,
          Backend::Action::Unpause, Backend::Action::Kill}) {
        const EciOutcome outcome = awaitEci(backend->perform(action, QStringLiteral("eci-x")));
        QCOMPARE(outcome.error.kind, Error::Invalid);
        QVERIFY(outcome.error.message.contains(Backend::actionDisplayName(action)));
    }
    QCOMPARE(awaitEci(backend->listImages()).error.kind, Error::Invalid);
    QCOMPARE(awaitEci(backend->pullImage(QStringLiteral("busybox"))).error.kind, Error::Invalid);

    // Bad input is refused before anything is sent, with every problem named.
    const int before = m_emulator->requestCount();
    SandboxSpec spec = eciSpec(QStringLiteral("Not_A_Group_Name"));
    spec.autoRemove = true;
    const EciOutcome refused = awaitEci(backend->create(spec));
    QCOMPARE(refused.error.kind, Error::Invalid);
    QCOMPARE(refused.error.message.count(QLatin1Char('\n')), 1);
    QCOMPARE(m_emulator->requestCount(), before);

    // A call cancelled in flight ends once, as cancelled; so does a sweep on disconnecting.
    Job* inspect = backend->inspect(QStringLiteral("eci-x"));
    inspect->setAutoDelete(false);
    QTest::qWait(1); // sent
    inspect->cancel();
    QCOMPARE(awaitEci(inspect).error.kind, Error::Cancelled);
    backend->connectToBackend();
    QCOMPARE(backend->state(), Backend::State::Connecting);
    backend->disconnectFromBackend();
    QCOMPARE(backend->state(), Backend::State::Disconnected);
    QTest::qWait(500);
    QCOMPARE(backend->state(), Backend::State::Disconnected);

    // What the service refuses comes back with its code.
    const EciOutcome unknown = awaitEci(backend->remove(QStringLiteral("eci-nosuchgroup"), true));
    QVERIFY(unknown.error.isError());
    QVERIFY(unknown.error.code.contains(QLatin1String("NotFound")));
}

void TestEciBackend::execPicksTheContainer()
{
    QVERIFY(startEmulator());
    const QString region = DockerTestEnvironment::uniqueName(QStringLiteral("exec"));
    auto backend = backendFor(region);
    QSignalSpy settled(backend.get(), &Backend::settled);
    backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
    EciParams params{{QStringLiteral("RegionId"), region},
                     {QStringLiteral("ContainerGroupName"), region}};
    const QStringList names{QStringLiteral("first"), QStringLiteral("second")};
    for (int i = 0; i < names.size(); ++i) {
        const QString prefix = QStringLiteral("Container.%1.").arg(i + 1);
        params.append({prefix + QStringLiteral("Name"), names.at(i)});
        params.append({prefix + QStringLiteral("Image"), DockerTestEnvironment::image()});
        EciSigner::appendList(&params, prefix + QStringLiteral("Command"),
                              {QStringLiteral("sleep"), QStringLiteral("600")});
        EciSigner::appendObjects(&params, prefix + QStringLiteral("EnvironmentVar"),
                                 {{{QStringLiteral("Key"), QStringLiteral("WHO")},
                                   {QStringLiteral("Value"), names.at(i)}}});
    }
    const EciOutcome created =
        awaitEci(backend->client()->call(QStringLiteral("CreateContainerGroup"), params));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    const QString id = created.result.toMap().value(QStringLiteral("ContainerGroupId")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(backend->sandbox(id).status == SandboxStatus::Running, Generous);
    QCOMPARE(backend->sandbox(id).containers, names);

    const auto run = [&](const QString& container, QByteArray* out, QByteArray* err,
                         Error* failure) {
        ExecOptions options;
        options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("echo $WHO; echo oops >&2; exit 4")};
        options.tty = false;
        options.attachStdin = false;
        options.container = container;
        std::unique_ptr<ExecSession> session(backend->openExec(id, options));
        int exitCode = -100;
        connect(session.get(), &ExecSession::received, this,
                [&](ExecSession::Stream stream, const QByteArray& bytes) {
                    (stream == ExecSession::Stream::Stderr ? *err : *out) += bytes;
                });
        connect(session.get(), &ExecSession::finished, this, [&](int code) { exitCode = code; });
        connect(session.get(), &ExecSession::failed, this, [&](const Error& e) { *failure = e; });
        session->start();
        if (!QTest::qWaitFor([&] { return exitCode != -100 || failure->isError(); }, Generous))
            *failure = Error::make(Error::Timeout, QStringLiteral("exec did not end"));
        return exitCode;
    };
    QByteArray out;
    QByteArray err;
    Error failure;
    // No container named: the first.
    QCOMPARE(run({}, &out, &err, &failure), 4);
    QVERIFY2(!failure.isError(), qPrintable(failure.fullText()));
    QCOMPARE(out, QByteArray("first\n"));
    QCOMPARE(err, QByteArray("oops\n"));
    out.clear();
    err.clear();
    QCOMPARE(run(QStringLiteral("second"), &out, &err, &failure), 4);
    QCOMPARE(out, QByteArray("second\n"));
    out.clear();
    run(QStringLiteral("third"), &out, &err, &failure);
    QVERIFY(failure.isError());
    QVERIFY(!failure.message.isEmpty());
    QVERIFY(out.isEmpty());
}

void TestEciBackend::statusAndTagFilters()
{
    QVERIFY(startEmulator());
    const QString region = DockerTestEnvironment::uniqueName(QStringLiteral("filter"));
    auto backend = backendFor(region);
    const QStringList blueRunning =
        createGroups(backend.get(), region + QStringLiteral("-blue"), 2,
                     {{QStringLiteral("team"), QStringLiteral("blue")}});
    const QStringList blueDone =
        createGroups(backend.get(), region + QStringLiteral("-done"), 1,
                     {{QStringLiteral("team"), QStringLiteral("blue")}}, QStringLiteral("true"));
    const QStringList red = createGroups(backend.get(), region + QStringLiteral("-red"), 1,
                                         {{QStringLiteral("team"), QStringLiteral("red")}});
    QCOMPARE(blueRunning.size() + blueDone.size() + red.size(), 4);

    QStringList blue = blueRunning + blueDone;
    blue.sort();
    backend->setListFilter({}, {{QStringLiteral("team"), QStringLiteral("blue")}});
    QSignalSpy settled(backend.get(), &Backend::settled);
    backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
    QCOMPARE(eciIds(*backend), blue);

    // The group that ran `true` ends as Succeeded: exited, with ECI's word kept.
    QTRY_VERIFY_WITH_TIMEOUT(
        backend->sandbox(blueDone.first()).statusText == QLatin1String("Succeeded"), Generous);
    QCOMPARE(backend->sandbox(blueDone.first()).status, SandboxStatus::Exited);

    // Narrowing further takes effect with the next sweep; the others leave the live set.
    QSignalSpy removed(backend.get(), &Backend::sandboxRemoved);
    backend->setListFilter(QStringLiteral("Running"),
                           {{QStringLiteral("team"), QStringLiteral("blue")}});
    QTRY_COMPARE_WITH_TIMEOUT(eciIds(*backend), blueRunning, Generous);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), blueDone.first());
}

void TestEciBackend::throttlingStorm()
{
    // Every request is refused with Throttling.User until 40 have been.
    QVERIFY(startEmulator({QStringLiteral("--fault"), QStringLiteral("throttle:40")}));
    const QString region = DockerTestEnvironment::uniqueName(QStringLiteral("storm"));
    auto backend = backendFor(region);
    backend->client()->setRetryPolicy(3, 50, 400);

    QList<Backend::State> states;
    bool saidThrottled = false;
    int longestDelay = 0;
    connect(backend.get(), &Backend::stateChanged, this, [&](Backend::State state) {
        states << state;
        if (backend->lastError().code.startsWith(QLatin1String("Throttling")) &&
            !backend->lastError().message.isEmpty())
            saidThrottled = true;
        longestDelay = std::max(longestDelay, backend->nextPollDelayMs());
    });
    QSignalSpy throttled(backend.get(), &EciBackend::throttled);
    backend->connectToBackend();
    const QStringList created = createGroups(backend.get(), region, 3);
    QCOMPARE(created.size(), 3);

    QTRY_VERIFY_WITH_TIMEOUT(backend->state() == Backend::State::Connected &&
                                 !backend->lastError().isError() && eciIds(*backend) == created,
                             Generous);
    QVERIFY(throttled.size() > 0);
    QVERIFY(!throttled.first().first().toString().isEmpty());
    QVERIFY2(saidThrottled, "the user was told about the throttling");
    QVERIFY2(!states.contains(Backend::State::Lost), "throttling is not a lost connection");
    QVERIFY2(longestDelay > 200, "the polling backed off");
    QCOMPARE(engineGroupIds(region), created);
    // Once the storm is over the poll is back to its own pace.
    QTRY_COMPARE_WITH_TIMEOUT(backend->nextPollDelayMs(), backend->config().pollIntervalMs,
                              Generous);
}

void TestEciBackend::deadEndpointIsLostThenRecovers()
{
    QVERIFY(startEmulator());
    const quint16 port = m_emulator->port();
    const QString region = DockerTestEnvironment::uniqueName(QStringLiteral("dead"));
    auto backend = backendFor(region);
    backend->client()->setRetryPolicy(2, 50, 100);
    const QStringList before = createGroups(backend.get(), region, 1);
    QCOMPARE(before.size(), 1);
    QSignalSpy settled(backend.get(), &Backend::settled);
    backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
    QCOMPARE(eciIds(*backend), before);

    // The emulator goes away (and its groups with it).
    m_emulator->stop();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Lost, Generous);
    QCOMPARE(backend->lastError().kind, Error::Connection);
    QVERIFY(!backend->lastError().message.isEmpty());
    QVERIFY(!backend->isSettled());
    QCOMPARE(eciIds(*backend), before); // still shown until a sweep says otherwise

    // Back on the same port: the backend finds it by itself and lists afresh.
    QVERIFY(
        m_emulator->start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}));
    QCOMPARE(m_emulator->port(), port);
    QSignalSpy removed(backend.get(), &Backend::sandboxRemoved);
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, Generous);
    QVERIFY(!backend->lastError().isError());
    QTRY_VERIFY_WITH_TIMEOUT(eciIds(*backend).isEmpty(), Generous);
    QCOMPARE(removed.size(), 1);
    const QStringList after = createGroups(backend.get(), region + QStringLiteral("-x"), 1);
    QCOMPARE(after.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(eciIds(*backend), after, Generous);
}

QTEST_GUILESS_MAIN(TestEciBackend)
#include "tst_ecibackend.moc"
