#include "OpenSandboxFixture.h"
#include "opensandbox/OpenSandboxExecSession.h"
#include "opensandbox/OpenSandboxStatsStream.h"
#include "sandbox/StatsStream.h"
#include "settings/Translations.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
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

// An interactive session's output and end, as they come.
struct Live
{
    explicit Live(ExecSession* session)
    {
        QObject::connect(session, &ExecSession::started, session, [this] { started = true; });
        QObject::connect(session, &ExecSession::received, session,
                         [this](ExecSession::Stream stream, const QByteArray& bytes) {
                             (stream == ExecSession::Stream::Stdout ? out : err) += bytes;
                         });
        QObject::connect(session, &ExecSession::finished, session, [this](int code) {
            exitCode = code;
            ended = true;
        });
        QObject::connect(session, &ExecSession::failed, session, [this](const Error& e) {
            error = e;
            ended = true;
        });
    }
    QByteArray out;
    QByteArray err;
    int exitCode = -1000;
    Error error;
    bool started = false;
    bool ended = false;
};

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
    void terminalTypesResizesAndExits();
    void terminalWithoutPtyEndpointFallsBack();
    void largeInputIsHeldBackNotQueued();

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

void TestOpenSandboxExec::terminalTypesResizesAndExits()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    const QString id = makeSandbox(backend.get());
    ExecOptions options; // the default: a shell in a terminal
    options.columns = 100;
    options.rows = 30;
    options.env = {QStringLiteral("TERM=xterm-256color"), QStringLiteral("GREETING=hello there")};
    std::unique_ptr<ExecSession> session(backend->openExec(id, options));
    Live live(session.get());
    session->start();
    QTRY_VERIFY2_WITH_TIMEOUT(live.started || live.ended, qPrintable(live.error.fullText()),
                              Generous);
    QVERIFY2(!live.ended, qPrintable(live.error.fullText()));
    QVERIFY(static_cast<OpenSandboxExecSession*>(session.get())->hasTerminal());
    QVERIFY(live.err.isEmpty()); // no note: this is a terminal

    // Typed as a terminal types: the shell sees a TTY of the asked size and the environment.
    session->write("stty size; [ -t 0 ] && echo \"tty:$TERM:$GREETING\"\r");
    QTRY_VERIFY2_WITH_TIMEOUT(live.out.contains("tty:xterm-256color:hello there"),
                              live.out.constData(), Generous);
    QVERIFY2(live.out.contains("30 100"), (live.out + m_emulator->log()).constData());
    // The echo of the typed line came back too: a terminal's line discipline did that.
    QVERIFY2(live.out.contains("tty:$TERM:$GREETING"), live.out.constData());

    session->resize(120, 40);
    session->write("stty size\r");
    QTRY_VERIFY2_WITH_TIMEOUT(live.out.contains("40 120"), live.out.constData(), Generous);

    session->write("exit 7\r");
    QTRY_VERIFY_WITH_TIMEOUT(live.ended, Generous);
    QVERIFY2(!live.error.isError(), qPrintable(live.error.fullText()));
    QCOMPARE(live.exitCode, 7);
    const QByteArray log = m_emulator->log();
    QVERIFY2(log.contains(" attached (pty)"), log.constData());
    // The ended session is removed from execd.
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->log().contains("execd DELETE /pty/"), Generous);
}

void TestOpenSandboxExec::terminalWithoutPtyEndpointFallsBack()
{
    // An execd from before interactive sessions: the command runs without a terminal, and the
    // user is told so in the language of the interface.
    m_emulator =
        std::make_unique<OpenSandboxEmulatorProcess>(QStringLiteral(OPENSANDBOX_EMULATOR_PATH));
    QVERIFY2(m_emulator->start({QStringLiteral("--no-pty")}), "opensandbox-emulator did not start");
    Translations translations;
    QCOMPARE(translations.apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    const char* source = "[This sandbox's execd has no terminal sessions: the command runs "
                         "without a terminal, and typed input is not passed on.]\n";
    const QString note = QCoreApplication::translate("OpenSandboxExecSession", source);
    QVERIFY(note != QLatin1String(source));

    auto backend = makeOpenSandboxBackend(*m_emulator);
    const QString id = makeSandbox(backend.get());
    ExecOptions options;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo out; [ -t 1 ] || echo no-tty; exit 3")};
    std::unique_ptr<ExecSession> session(backend->openExec(id, options));
    Live live(session.get());
    session->start();
    session->write("typed\r");
    QTRY_VERIFY_WITH_TIMEOUT(live.ended, Generous);
    QVERIFY2(!live.error.isError(), qPrintable(live.error.fullText()));
    QCOMPARE(live.out, QByteArray("out\nno-tty\n"));
    QCOMPARE(QString::fromUtf8(live.err), note);
    QCOMPARE(live.exitCode, 3);
    QVERIFY(!static_cast<OpenSandboxExecSession*>(session.get())->hasTerminal());
    QVERIFY(m_emulator->log().contains("execd POST /pty"));
    translations.apply(QStringLiteral("en"));
}

void TestOpenSandboxExec::largeInputIsHeldBackNotQueued()
{
    // 64 MiB into a terminal in raw mode, written while pendingInput() is below the bound: the
    // WebSocket, execd and the shell's terminal hold the writer back, and every byte arrives.
    QByteArray sent(64 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(64);
    generator.fillRange(reinterpret_cast<quint32*>(sent.data()), sent.size() / 4);
    // The emulator's terminals are Docker execs, which take Ctrl-P Ctrl-Q as "detach": none of
    // those in the input (execd itself has no such sequence).
    sent.replace('\x10', 'P');
    auto backend = makeOpenSandboxBackend(*m_emulator);
    const QString id = makeSandbox(backend.get());
    ExecOptions options;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("stty raw -echo -iexten; echo ready; head -c %1 | sha256sum")
                           .arg(sent.size())};
    std::unique_ptr<ExecSession> session(backend->openExec(id, options));
    Live live(session.get());
    constexpr qsizetype chunkBytes = 256 * 1024;
    qsizetype fed = 0;
    qint64 peakPending = 0;
    int heldBack = 0;
    bool ready = false;
    const auto feed = [&] {
        if (!ready)
            return;
        while (fed < sent.size() && session->pendingInput() < ExecSession::inputBound) {
            session->write(sent.mid(fed, chunkBytes));
            fed += chunkBytes;
            peakPending = qMax(peakPending, session->pendingInput());
        }
        if (fed < sent.size())
            ++heldBack;
    };
    connect(session.get(), &ExecSession::inputWritten, this, feed);
    session->start();
    // Input typed before the terminal is raw would be cooked: it waits for the word.
    QTRY_VERIFY2_WITH_TIMEOUT(live.out.contains("ready") || live.ended,
                              qPrintable(live.error.fullText()), Generous);
    ready = true;
    QElapsedTimer clock;
    clock.start();
    feed();
    QTRY_VERIFY_WITH_TIMEOUT(live.ended, 180000);
    QVERIFY2(!live.error.isError(), qPrintable(live.error.fullText()));
    QVERIFY2(live.exitCode == 0, live.out.right(300).toHex().constData());
    QCOMPARE(fed, sent.size());
    const QByteArray digest = QCryptographicHash::hash(sent, QCryptographicHash::Sha256).toHex();
    QVERIFY2(live.out.contains(digest + "  -"), live.out.right(200).constData());
    QVERIFY2(peakPending < ExecSession::inputBound + 2 * chunkBytes,
             QByteArray::number(peakPending));
    QVERIFY2(heldBack > 0, "the writer was never held back");
    QCOMPARE(session->pendingInput(), 0);
    qInfo("64 MiB in %lld ms, held back %d times, at most %lld bytes pending",
          qint64(clock.elapsed()), heldBack, peakPending);
}

QTEST_GUILESS_MAIN(TestOpenSandboxExec)
#include "tst_opensandboxexec.moc"
