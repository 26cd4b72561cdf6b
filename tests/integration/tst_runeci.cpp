#include "EciBackendFixture.h"
#include "JobResults.h"
#include "run/Run.h"
#include "run/SandboxJobs.h"

#include <QProcess>
#include <QSignalSpy>

using namespace DockerTestEnvironment;

namespace {

const int Generous = 60000;

struct Outcome
{
    RunResult result;
    QByteArray out;
    QByteArray err;
};

} // namespace

// Run and background jobs on ECI through the emulator: the same loader and job runner over
// ECI's exec channel, which has no end-of-file and a 20 × 256 command limit.
class TestRunEci final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void streamsAndExitCode();
    void bigScript();
    void timeoutStopsTheTree();
    void jobs();
    void sandboxctlRunAndJobs();

private:
    Outcome runToEnd(const RunRequest& request);

    QNetworkAccessManager m_network;
    std::unique_ptr<EciEmulatorProcess> m_emulator;
    std::unique_ptr<EciBackend> m_backend;
    QString m_id;
    QString m_region;
};

void TestRunEci::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_emulator = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY(m_emulator->start());
    m_region = uniqueName(QStringLiteral("r"));
    m_backend = makeEciBackend(&m_network, m_emulator->endpoint(), m_region);
    QSignalSpy settled(m_backend.get(), &Backend::settled);
    m_backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
    QVERIFY(m_backend->capabilities().testFlag(Backend::CanExec));
    const EciOutcome created =
        awaitEci(m_backend->create(eciSpec(uniqueName(QStringLiteral("run")))));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    m_id = created.result.toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(m_id).status, SandboxStatus::Running, Generous);
}

void TestRunEci::cleanupTestCase()
{
    if (m_backend && !m_id.isEmpty())
        awaitEci(m_backend->remove(m_id, true));
    m_backend.reset();
}

Outcome TestRunEci::runToEnd(const RunRequest& request)
{
    Outcome outcome;
    Run run(m_backend.get(), m_id, request);
    run.setGraceMs(1000);
    connect(&run, &Run::received, this, [&](ExecSession::Stream stream, const QByteArray& bytes) {
        (stream == ExecSession::Stream::Stdout ? outcome.out : outcome.err).append(bytes);
    });
    run.start();
    if (!QTest::qWaitFor([&] { return run.isFinished(); }, Generous))
        outcome.result.error = Error::make(Error::Timeout, QStringLiteral("the run did not end"));
    else
        outcome.result = run.result();
    return outcome;
}

void TestRunEci::streamsAndExitCode()
{
    RunRequest request;
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo out1; echo err1 >&2; echo out2; echo \"$A\"; exit 7")};
    request.env = {QStringLiteral("A=from env")};
    const Outcome outcome = runToEnd(request);
    QVERIFY2(!outcome.result.error.isError(), qPrintable(outcome.result.error.fullText()));
    QCOMPARE(outcome.result.exitCode, 7);
    QCOMPARE(outcome.out, QByteArray("out1\nout2\nfrom env\n"));
    QCOMPARE(outcome.err, QByteArray("err1\n"));
}

void TestRunEci::bigScript()
{
    QByteArray text;
    for (int i = 0; text.size() < 100 * 1024; ++i)
        text += "eci line " + QByteArray::number(i) + " 'q' \"d\" $v\n";
    RunRequest request;
    request.script = "cat <<'END'\n" + text + "END\nexit 3\n";
    const Outcome outcome = runToEnd(request);
    QVERIFY2(!outcome.result.error.isError(), qPrintable(outcome.result.error.fullText()));
    QCOMPARE(outcome.result.exitCode, 3);
    QCOMPARE(outcome.out, text);
}

void TestRunEci::timeoutStopsTheTree()
{
    RunRequest request;
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("sleep 611 & sleep 612 & wait")};
    request.timeoutMs = 1000;
    const Outcome outcome = runToEnd(request);
    QVERIFY2(!outcome.result.error.isError(), qPrintable(outcome.result.error.fullText()));
    QVERIFY(outcome.result.timedOut);
    QCOMPARE(outcome.result.exitCode, 128 + 15);
    RunRequest ps;
    ps.command = {QStringLiteral("ps"), QStringLiteral("-o"), QStringLiteral("stat,args")};
    const Outcome listed = runToEnd(ps);
    QCOMPARE(listed.result.exitCode, 0);
    for (const QByteArray& line : listed.out.split('\n'))
        QVERIFY2(!line.contains("sleep 61") || line.trimmed().startsWith('Z'),
                 listed.out.constData());
}

void TestRunEci::jobs()
{
    SandboxJobs jobs(m_backend.get(), m_id);
    Error error;
    RunRequest request;
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo eci-job; sleep 0.5; exit 2")};
    const QString id = valueOf(jobs.start(request), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(valueOf(jobs.wait(id), &error), 2);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    const QList<JobInfo> listed = valueOf(jobs.list(), &error);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().state, JobInfo::State::Exited);
    QCOMPARE(listed.first().exitCode, 2);
    const QByteArray bytes = outputOf(&jobs, id, true, &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(bytes, QByteArray("eci-job\n"));
}

void TestRunEci::sandboxctlRunAndJobs()
{
    // sandboxctl --eci with the credentials in the environment, as ECI users set them.
    const auto ctl = [this](const QStringList& arguments, const QByteArray& input = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                   EciEmulatorProcess::accessKeyId());
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                   EciEmulatorProcess::accessKeySecret());
        env.insert(QStringLiteral("ECI_SANDBOX_ENDPOINT"), m_emulator->endpoint());
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SANDBOXCTL_PATH),
                      QStringList{QStringLiteral("--eci"), m_region} + arguments);
        process.write(input);
        process.closeWriteChannel();
        Result result;
        if (process.waitForFinished(Generous)) {
            result.exitCode = process.exitCode();
            result.out = process.readAllStandardOutput();
            result.err = process.readAllStandardError();
        }
        return result;
    };
    const Result ran =
        ctl({QStringLiteral("run"), m_id, QStringLiteral("--"), QStringLiteral("sh"),
             QStringLiteral("-c"), QStringLiteral("echo on-eci; echo err >&2; exit 5")});
    QCOMPARE(ran.exitCode, 5);
    QCOMPARE(ran.out, QByteArray("on-eci\n"));
    QCOMPARE(ran.err, QByteArray("err\n"));
    const Result script =
        ctl({QStringLiteral("run"), m_id, QStringLiteral("--script"), QStringLiteral("-")},
            "echo from-stdin\n");
    QCOMPARE(script.exitCode, 0);
    QCOMPARE(script.out, QByteArray("from-stdin\n"));

    const Result started =
        ctl({QStringLiteral("jobs"), QStringLiteral("start"), m_id, QStringLiteral("--"),
             QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo eci-bg; exit 9")});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    const QString job = QString::fromUtf8(started.out).trimmed();
    QCOMPARE(ctl({QStringLiteral("jobs"), QStringLiteral("wait"), m_id, job}).exitCode, 9);
    QCOMPARE(ctl({QStringLiteral("jobs"), QStringLiteral("logs"), m_id, job}).out,
             QByteArray("eci-bg\n"));
    QVERIFY(ctl({QStringLiteral("jobs"), QStringLiteral("list"), m_id}).out.contains(job.toUtf8()));
}

QTEST_GUILESS_MAIN(TestRunEci)
#include "tst_runeci.moc"
