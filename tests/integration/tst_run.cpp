#include "BackendFixture.h"
#include "run/Interpreters.h"
#include "run/Run.h"
#include "run/RunScript.h"

#include <QElapsedTimer>

using namespace DockerTestEnvironment;

namespace {

struct Outcome
{
    RunResult result;
    QByteArray out;
    QByteArray err;
    // Every chunk in arrival order, to check that each stream keeps its own order.
    QList<QPair<ExecSession::Stream, QByteArray>> chunks;
};

} // namespace

// Run on the real engine: streams apart, exit codes, time limits and cancel that stop the
// whole process tree in the container (checked with its ps), a script of 100 KB on stdin.
class TestRun final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void streamsApartInOrder();
    void exitCodes_data();
    void exitCodes();
    void workdirAndEnvironment();
    void timeoutStopsTheTree();
    void cancelEscalatesToKill();
    void bigScriptThroughStdin();
    void interpreters();
    void nothingLeftBehind();

private:
    Outcome runToEnd(const RunRequest& request, const std::function<void(Run*)>& whileRunning = {});
    // The container's processes that are still alive, one "pid args" line each.
    QStringList liveProcesses();

    std::unique_ptr<DockerBackend> m_backend;
    QString m_id;
};

void TestRun::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 15000);
    const auto run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"), uniqueName(QStringLiteral("run")),
                image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    m_id = QString::fromUtf8(run.out).trimmed();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(m_id).status == SandboxStatus::Running, 15000);
}

void TestRun::cleanupTestCase()
{
    if (!m_id.isEmpty())
        docker({QStringLiteral("rm"), QStringLiteral("-f"), m_id});
}

Outcome TestRun::runToEnd(const RunRequest& request, const std::function<void(Run*)>& whileRunning)
{
    Outcome outcome;
    Run run(m_backend.get(), m_id, request);
    run.setGraceMs(1000);
    connect(&run, &Run::received, this, [&](ExecSession::Stream stream, const QByteArray& bytes) {
        (stream == ExecSession::Stream::Stdout ? outcome.out : outcome.err).append(bytes);
        outcome.chunks.append({stream, bytes});
    });
    run.start();
    if (whileRunning)
        whileRunning(&run);
    if (!QTest::qWaitFor([&] { return run.isFinished(); }, 60000))
        outcome.result.error = Error::make(Error::Timeout, QStringLiteral("the run did not end"));
    else
        outcome.result = run.result();
    return outcome;
}

QStringList TestRun::liveProcesses()
{
    const auto ps = docker({QStringLiteral("exec"), m_id, QStringLiteral("ps"),
                            QStringLiteral("-o"), QStringLiteral("pid,stat,args")});
    QStringList alive;
    const QList<QByteArray> lines = ps.out.split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 3 || fields.at(0) == "PID" || fields.at(1).startsWith('Z'))
            continue;
        const QByteArray args = line.simplified().split(' ').mid(2).join(' ');
        // The container's own sleep and the ps itself.
        if (fields.at(0) == "1" || args.startsWith("ps "))
            continue;
        alive << QString::fromUtf8(fields.at(0) + ' ' + args);
    }
    return alive;
}

void TestRun::streamsApartInOrder()
{
    RunRequest request;
    // Each line its own write, alternating streams, with pauses so that they arrive apart.
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; "
                                      "sleep 0.05; done; exit 3")};
    const Outcome outcome = runToEnd(request);
    QVERIFY2(!outcome.result.error.isError(), qPrintable(outcome.result.error.fullText()));
    QCOMPARE(outcome.result.exitCode, 3);
    QCOMPARE(outcome.out, QByteArray("out1\nout2\nout3\nout4\nout5\n"));
    QCOMPARE(outcome.err, QByteArray("err1\nerr2\nerr3\nerr4\nerr5\n"));
    QVERIFY(outcome.chunks.size() >= 4); // they came as they were written, not at the end
    QVERIFY(outcome.result.durationMs >= 250);
    QVERIFY(!outcome.result.timedOut && !outcome.result.cancelled);
}

void TestRun::exitCodes_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("true") << QStringList{QStringLiteral("true")} << 0;
    QTest::newRow("false") << QStringList{QStringLiteral("false")} << 1;
    QTest::newRow("exit 42") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                            QStringLiteral("exit 42")}
                             << 42;
    QTest::newRow("killed") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                           QStringLiteral("kill -9 $$")}
                            << 137;
    QTest::newRow("missing") << QStringList{QStringLiteral("no-such-command")} << 127;
}

void TestRun::exitCodes()
{
    QFETCH(QStringList, command);
    QFETCH(int, exitCode);
    RunRequest request;
    request.command = command;
    const Outcome outcome = runToEnd(request);
    QVERIFY2(!outcome.result.error.isError(), qPrintable(outcome.result.error.fullText()));
    QCOMPARE(outcome.result.exitCode, exitCode);
    QVERIFY(!outcome.err.contains(RunScript::pidPrefix));
}

void TestRun::workdirAndEnvironment()
{
    RunRequest request;
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("pwd; echo \"$GREETING\"; id -u")};
    request.workingDir = QStringLiteral("/etc");
    request.env = {QStringLiteral("GREETING=hello 'there' $HOME")};
    request.user = QStringLiteral("65534");
    const Outcome outcome = runToEnd(request);
    QCOMPARE(outcome.result.exitCode, 0);
    QCOMPARE(outcome.out, QByteArray("/etc\nhello 'there' $HOME\n65534\n"));

    request.workingDir = QStringLiteral("/no/such/folder");
    const Outcome missing = runToEnd(request);
    QCOMPARE(missing.result.exitCode, RunScript::setupFailed);
    QVERIFY(!missing.err.isEmpty());
}

void TestRun::timeoutStopsTheTree()
{
    RunRequest request;
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("sleep 311 & sleep 312 & (sleep 313; true) & echo up; wait")};
    request.timeoutMs = 1500;
    QElapsedTimer clock;
    clock.start();
    const Outcome outcome = runToEnd(request);
    QVERIFY2(!outcome.result.error.isError(), qPrintable(outcome.result.error.fullText()));
    QVERIFY(outcome.result.timedOut);
    QVERIFY(!outcome.result.cancelled);
    QCOMPARE(outcome.out, QByteArray("up\n"));
    QCOMPARE(outcome.result.exitCode, 128 + 15);
    QVERIFY(clock.elapsed() >= 1500);
    QVERIFY(clock.elapsed() < 15000);
    const QStringList alive = liveProcesses();
    QVERIFY2(alive.filter(QStringLiteral("sleep 31")).isEmpty(), qPrintable(alive.join(u'\n')));
}

void TestRun::cancelEscalatesToKill()
{
    RunRequest request;
    // TERM is ignored, by the shell and by the sleeps that inherit that: KILL must follow.
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("trap '' TERM; sleep 321 & sleep 322 & echo up; wait")};
    QElapsedTimer clock;
    const Outcome outcome = runToEnd(request, [&](Run* run) {
        connect(run, &Run::received, run, [run, &clock](ExecSession::Stream, const QByteArray&) {
            if (!clock.isValid()) {
                clock.start();
                run->cancel();
            }
        });
    });
    QVERIFY2(!outcome.result.error.isError(), qPrintable(outcome.result.error.fullText()));
    QVERIFY(outcome.result.cancelled);
    QCOMPARE(outcome.result.exitCode, 128 + 9);
    // The grace (1 s here) passed before KILL.
    QVERIFY2(clock.elapsed() >= 900, QByteArray::number(clock.elapsed()).constData());
    const QStringList alive = liveProcesses();
    QVERIFY2(alive.filter(QStringLiteral("sleep 32")).isEmpty(), qPrintable(alive.join(u'\n')));
}

void TestRun::bigScriptThroughStdin()
{
    // 100 KB of text in a here-document, printed back byte for byte, then a status.
    QByteArray text;
    for (int i = 0; text.size() < 100 * 1024; ++i)
        text += "line " + QByteArray::number(i) + " of a long script 'quoted' \"too\" \\ $x\n";
    RunRequest request;
    request.script = "cat <<'END_OF_TEXT'\n" + text + "END_OF_TEXT\nexit 5\n";
    QVERIFY(request.script.size() > 100 * 1024);
    const Outcome outcome = runToEnd(request);
    QVERIFY2(!outcome.result.error.isError(), qPrintable(outcome.result.error.fullText()));
    QCOMPARE(outcome.result.exitCode, 5);
    QCOMPARE(outcome.out.size(), text.size());
    QCOMPARE(outcome.out, text);
    QCOMPARE(outcome.err, QByteArray());
}

void TestRun::interpreters()
{
    // busybox: sh only.
    auto* job = Interpreters::detect(m_backend.get(), m_id, {}, nullptr);
    job->setAutoDelete(false);
    std::unique_ptr<ResultJob<QMap<Interpreters::Language, QString>>> owned(job);
    QVERIFY(QTest::qWaitFor([job] { return job->isFinished(); }, 30000));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().fullText()));
    QCOMPARE(job->value().keys(), QList<Interpreters::Language>{Interpreters::Language::Shell});
    QCOMPARE(job->value().value(Interpreters::Language::Shell), QStringLiteral("/bin/sh"));
    const Outcome outcome =
        runToEnd(Interpreters::request(QStringLiteral("/bin/sh"), "echo $((2 + 3))"));
    QCOMPARE(outcome.result.exitCode, 0);
    QCOMPARE(outcome.out, QByteArray("5\n"));
    QCOMPARE(Interpreters::parse(
                 "python3 /usr/bin/python3\npython /usr/bin/python\nnodejs /usr/bin/nodejs\n"),
             (QMap<Interpreters::Language, QString>{
                 {Interpreters::Language::Python, QStringLiteral("/usr/bin/python3")},
                 {Interpreters::Language::Node, QStringLiteral("/usr/bin/nodejs")}}));
}

void TestRun::nothingLeftBehind()
{
    // The scripts' files are gone, and no process of ours runs on.
    const auto tmp = docker({QStringLiteral("exec"), m_id, QStringLiteral("ls"),
                             QStringLiteral("-A"), QStringLiteral("/tmp")});
    QCOMPARE(tmp.exitCode, 0);
    QCOMPARE(tmp.out, QByteArray());
    QCOMPARE(liveProcesses(), QStringList());
}

QTEST_GUILESS_MAIN(TestRun)
#include "tst_run.moc"
