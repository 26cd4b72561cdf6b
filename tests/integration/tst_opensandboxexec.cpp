#include "OpenSandboxFixture.h"
#include "opensandbox/OpenSandboxExecSession.h"
#include "opensandbox/OpenSandboxStatsStream.h"
#include "sandbox/StatsStream.h"

#include <QElapsedTimer>
#include <QSignalSpy>

namespace {

const int Generous = 60000;

struct Run
{
    QByteArray out;
    QByteArray err;
    int exitCode = -1000;
    Error error;
    bool started = false;
    qint64 firstOutputMs = -1;
    qint64 finishedMs = -1;
};

Run run(OpenSandboxBackend* backend, const QString& id, const ExecOptions& options,
        bool* recovered = nullptr)
{
    Run result;
    std::unique_ptr<ExecSession> session(backend->openExec(id, options));
    QElapsedTimer clock;
    clock.start();
    bool done = false;
    QObject::connect(session.get(), &ExecSession::started, session.get(),
                     [&] { result.started = true; });
    QObject::connect(session.get(), &ExecSession::received, session.get(),
                     [&](ExecSession::Stream stream, const QByteArray& bytes) {
                         if (result.firstOutputMs < 0)
                             result.firstOutputMs = clock.elapsed();
                         (stream == ExecSession::Stream::Stdout ? result.out : result.err) += bytes;
                     });
    QObject::connect(session.get(), &ExecSession::finished, session.get(), [&](int code) {
        result.exitCode = code;
        result.finishedMs = clock.elapsed();
        done = true;
    });
    QObject::connect(session.get(), &ExecSession::failed, session.get(), [&](const Error& error) {
        result.error = error;
        done = true;
    });
    session->start();
    if (!QTest::qWaitFor([&] { return done; }, Generous))
        result.error = Error::make(Error::Timeout, QStringLiteral("the command did not end"));
    if (recovered)
        *recovered = static_cast<OpenSandboxExecSession*>(session.get())->recovered();
    return result;
}

ExecOptions shell(const QString& script)
{
    ExecOptions options;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"), script};
    options.tty = false;
    options.attachStdin = false;
    return options;
}

} // namespace

class TestOpenSandboxExec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void streamsStdoutAndStderrApart();
    void environmentAndWorkingDirectory();
    void droppedStreamLosesNothing();
    void malformedEventIsSkipped();
    void throughTheServerProxyWithAToken();
    void pausedSandboxFails();
    void liveStatsFromExecdMetrics();

private:
    QString makeSandbox(OpenSandboxBackend* backend);

    std::unique_ptr<OpenSandboxEmulatorProcess> m_emulator;
};

void TestOpenSandboxExec::init()
{
    REQUIRE_TEST_ENGINE();
    m_emulator =
        std::make_unique<OpenSandboxEmulatorProcess>(QStringLiteral(OPENSANDBOX_EMULATOR_PATH));
    QVERIFY2(m_emulator->start({QStringLiteral("--execd-token"), QStringLiteral("tok-3f9")}),
             "opensandbox-emulator did not start");
}

void TestOpenSandboxExec::cleanup()
{
    m_emulator.reset();
}

QString TestOpenSandboxExec::makeSandbox(OpenSandboxBackend* backend)
{
    backend->connectToBackend();
    const OpenSandboxOutcome outcome = awaitJob(
        backend->create(openSandboxSpec(DockerTestEnvironment::uniqueName(QStringLiteral("x")))));
    const QString id = outcome.result.toString();
    if (!QTest::qWaitFor([&] { return backend->sandbox(id).status == SandboxStatus::Running; },
                         Generous))
        qWarning("sandbox %s did not run", qPrintable(id));
    return id;
}

void TestOpenSandboxExec::streamsStdoutAndStderrApart()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    QVERIFY(backend->capabilities().testFlag(Backend::CanExec));
    const QString id = makeSandbox(backend.get());
    const Run result =
        run(backend.get(), id,
            shell(QStringLiteral("echo hi; echo oops >&2; sleep 1; echo later; exit 3")));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.fullText()));
    QVERIFY(result.started);
    QCOMPARE(result.out, QByteArray("hi\nlater\n"));
    QCOMPARE(result.err, QByteArray("oops\n"));
    QCOMPARE(result.exitCode, 3);
    // Streamed: the first line came while the command still slept.
    QVERIFY2(result.finishedMs - result.firstOutputMs >= 700,
             qPrintable(QStringLiteral("%1 %2").arg(result.firstOutputMs).arg(result.finishedMs)));

    // The wrapper's copies are gone afterwards (looked at past execd, which would make its own).
    const auto leftOver = [&id] {
        return DockerTestEnvironment::docker(
                   {QStringLiteral("exec"), QStringLiteral("sandbox-") + id, QStringLiteral("sh"),
                    QStringLiteral("-c"),
                    QStringLiteral("ls /tmp/.sandboxdesk-exec-* 2>/dev/null | wc -l")})
            .out.trimmed();
    };
    QTRY_COMPARE_WITH_TIMEOUT(leftOver(), QByteArray("0"), Generous);
}

void TestOpenSandboxExec::environmentAndWorkingDirectory()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    const QString id = makeSandbox(backend.get());
    ExecOptions options = shell(QStringLiteral("pwd; echo \"$X\"; printf 'no newline'"));
    options.workingDir = QStringLiteral("/tmp");
    options.env = {QStringLiteral("X=y z")};
    const Run result = run(backend.get(), id, options);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.fullText()));
    QCOMPARE(result.out, QByteArray("/tmp\ny z\nno newline"));
    QCOMPARE(result.exitCode, 0);

    // A command that cannot start is an exit code, as in a shell.
    ExecOptions missing;
    missing.command = {QStringLiteral("no-such-program-here")};
    missing.tty = false;
    missing.attachStdin = false;
    const Run notFound = run(backend.get(), id, missing);
    QCOMPARE(notFound.exitCode, 127);
}

void TestOpenSandboxExec::droppedStreamLosesNothing()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    const QString id = makeSandbox(backend.get());
    QVERIFY(m_emulator->injectFault(QStringLiteral("drop:1")));
    bool recovered = false;
    const Run result = run(backend.get(), id,
                           shell(QStringLiteral("echo first; sleep 1; echo second; echo err2 >&2; "
                                                "sleep 1; echo third; exit 4")),
                           &recovered);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.fullText()));
    QVERIFY(recovered);
    QVERIFY(m_emulator->log().contains("fault: stream"));
    QCOMPARE(result.out, QByteArray("first\nsecond\nthird\n"));
    QCOMPARE(result.err, QByteArray("err2\n"));
    QCOMPARE(result.exitCode, 4);
}

void TestOpenSandboxExec::malformedEventIsSkipped()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    const QString id = makeSandbox(backend.get());
    QVERIFY(m_emulator->injectFault(QStringLiteral("malformed:1")));
    const Run result =
        run(backend.get(), id, shell(QStringLiteral("echo a; sleep 0.3; echo b >&2; echo c")));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.fullText()));
    QCOMPARE(result.out, QByteArray("a\nc\n"));
    QCOMPARE(result.err, QByteArray("b\n"));
    QCOMPARE(result.exitCode, 0);
}

void TestOpenSandboxExec::throughTheServerProxyWithAToken()
{
    // Direct and proxied both carry the execd token the endpoint named.
    auto direct = makeOpenSandboxBackend(*m_emulator);
    const QString id = makeSandbox(direct.get());
    QCOMPARE(run(direct.get(), id, shell(QStringLiteral("echo direct"))).out,
             QByteArray("direct\n"));
    OpenSandboxConfig config = direct->config();
    config.useServerProxy = true;
    OpenSandboxBackend proxied(config);
    const Run result = run(&proxied, id, shell(QStringLiteral("echo proxied; exit 2")));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.fullText()));
    QCOMPARE(result.out, QByteArray("proxied\n"));
    QCOMPARE(result.exitCode, 2);
    QVERIFY(m_emulator->log().contains("execd POST /command"));
}

void TestOpenSandboxExec::pausedSandboxFails()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    const QString id = makeSandbox(backend.get());
    QVERIFY(!awaitJob(backend->perform(Backend::Action::Pause, id)).error.isError());
    const Run result = run(backend.get(), id, shell(QStringLiteral("echo never")));
    QVERIFY(result.error.isError());
    QCOMPARE(result.error.code, QStringLiteral("RUNTIME_ERROR"));
    QVERIFY(result.out.isEmpty());
    // And an unknown sandbox is one.
    const Run unknown =
        run(backend.get(), QStringLiteral("no-such-id"), shell(QStringLiteral("true")));
    QCOMPARE(unknown.error.kind, Error::NotFound);
}

void TestOpenSandboxExec::liveStatsFromExecdMetrics()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    QVERIFY(backend->capabilities().testFlag(Backend::HasLiveStats));
    backend->connectToBackend();
    SandboxSpec spec = openSandboxSpec(DockerTestEnvironment::uniqueName(QStringLiteral("m")));
    spec.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("while :; do :; done")};
    const QString id = awaitJob(backend->create(spec)).result.toString();
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(id).status, SandboxStatus::Running, Generous);

    std::unique_ptr<StatsStream> stream(backend->openStats(id));
    QList<ResourceSample> samples;
    Error failure;
    QObject::connect(stream.get(), &StatsStream::sampled, stream.get(),
                     [&samples](const ResourceSample& sample) { samples << sample; });
    QObject::connect(stream.get(), &StatsStream::failed, stream.get(),
                     [&failure](const Error& error) { failure = error; });
    stream->start();
    QTRY_VERIFY2_WITH_TIMEOUT(samples.size() >= 3 || failure.isError(),
                              qPrintable(failure.fullText()), Generous);
    QVERIFY2(!failure.isError(), qPrintable(failure.fullText()));
    const ResourceSample& last = samples.last();
    // A busy loop: most of a core once the engine has a CPU delta to measure.
    double most = 0;
    for (const ResourceSample& sample : std::as_const(samples))
        most = qMax(most, sample.cpuPercent);
    QVERIFY2(most > 20, qPrintable(QString::number(most)));
    QVERIFY(last.memoryBytes > 0);
    QVERIFY(last.memoryLimitBytes > last.memoryBytes);
    QVERIFY(qAbs(last.time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    stream->stop();

    // Parsing: execd's fields, in an event stream's framing or bare.
    ResourceSample parsed;
    QVERIFY(OpenSandboxStatsStream::sampleFrom(
        QJsonObject{{QStringLiteral("cpu_count"), 2},
                    {QStringLiteral("cpu_used_pct"), 25.0},
                    {QStringLiteral("mem_total_mib"), 1024},
                    {QStringLiteral("mem_used_mib"), 1.5},
                    {QStringLiteral("timestamp"), 1700000000000LL}},
        &parsed));
    QCOMPARE(parsed.cpuPercent, 50.0);
    QCOMPARE(parsed.memoryBytes, qint64(1.5 * 1024 * 1024));
    QCOMPARE(parsed.memoryLimitBytes, qint64(1024) * 1024 * 1024);
    QCOMPARE(parsed.time.toMSecsSinceEpoch(), 1700000000000LL);
    QVERIFY(!OpenSandboxStatsStream::sampleFrom(
        QJsonObject{{QStringLiteral("error"), QStringLiteral("x")}}, &parsed));
}

QTEST_GUILESS_MAIN(TestOpenSandboxExec)
#include "tst_opensandboxexec.moc"
