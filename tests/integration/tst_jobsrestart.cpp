#include "BackendFixture.h"
#include "JobResults.h"
#include "run/SandboxJobs.h"

#include <QProcess>

using namespace DockerTestEnvironment;

namespace {

const int Generous = 60000;

Result sandboxctl(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SANDBOXCTL_PATH), arguments);
    process.closeWriteChannel();
    Result result;
    if (!process.waitForFinished(Generous))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

// A background job outlives the app that started it and the engine under it: sandboxctl starts
// it and exits, dockerd is killed and started again (with live restore, so that the container
// and the job's processes live on), and a new backend with a new SandboxJobs — a new app —
// finds the job still running, sees its output go on growing without a gap, and gets its exit
// code and whole output once it ends; so does another sandboxctl.
//
// It restarts the private engine: CTest runs it alone (RUN_SERIAL), and it turns live restore
// off again before it ends, so the tests after it find the engine as scripts/test made it.
class TestJobsRestart final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void jobOutlivesTheAppAndTheEngine();

private:
    JobInfo find(SandboxJobs* jobs, const QString& jobId, Error* error);

    QString m_id;
    bool m_liveRestore = false;
};

void TestJobsRestart::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    QVERIFY2(!qEnvironmentVariableIsEmpty("SANDBOXDESK_ENGINE_SCRIPT"),
             "SANDBOXDESK_ENGINE_SCRIPT is not set: run the tests through scripts/test.");
    const Result on = engine(QStringLiteral("live-restore"), {QStringLiteral("on")});
    QVERIFY2(on.exitCode == 0, on.err.constData());
    m_liveRestore = true;
    const Result run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                               QStringLiteral("--network"), QStringLiteral("none"),
                               QStringLiteral("--name"), uniqueName(QStringLiteral("jobsrestart")),
                               image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    m_id = QString::fromUtf8(run.out).trimmed();
}

void TestJobsRestart::cleanupTestCase()
{
    // Whatever happened, the engine answers again and without live restore.
    engine(QStringLiteral("start"));
    if (m_liveRestore) {
        const Result off = engine(QStringLiteral("live-restore"), {QStringLiteral("off")});
        if (off.exitCode != 0)
            qWarning("live restore stays on: %s", off.err.constData());
    }
    if (!m_id.isEmpty())
        docker({QStringLiteral("rm"), QStringLiteral("-f"), m_id});
}

JobInfo TestJobsRestart::find(SandboxJobs* jobs, const QString& jobId, Error* error)
{
    const QList<JobInfo> listed = valueOf(jobs->list(), error);
    for (const JobInfo& job : listed) {
        if (job.id == jobId)
            return job;
    }
    if (!error->isError())
        *error = Error::make(Error::NotFound, QStringLiteral("job %1 is not listed").arg(jobId));
    return {};
}

void TestJobsRestart::jobOutlivesTheAppAndTheEngine()
{
    // Counts until told to stop, then ends with 7.
    const QString script =
        QStringLiteral("i=0; while [ ! -e /tmp/stop ]; do echo tick $i; i=$((i+1)); sleep 0.2; "
                       "done; echo stopped after $i; exit 7");
    const Result started =
        sandboxctl({QStringLiteral("jobs"), QStringLiteral("start"), m_id, QStringLiteral("--"),
                    QStringLiteral("sh"), QStringLiteral("-c"), script});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    const QString jobId = QString::fromUtf8(started.out).trimmed();
    QVERIFY2(JobScript::isValidId(jobId), started.out.constData());
    const auto outputInside = [this, &jobId] {
        return docker({QStringLiteral("exec"), m_id, QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("cat /tmp/.sandboxdesk/jobs/%1/out.*").arg(jobId)})
            .out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(outputInside().contains("tick 3\n"), Generous);

    // The engine dies as in a crash and comes back; the container and the job live on.
    const Result killed = engine(QStringLiteral("kill"));
    QVERIFY2(killed.exitCode == 0, killed.err.constData());
    QVERIFY(docker({QStringLiteral("version")}).exitCode != 0);
    const Result restarted = engine(QStringLiteral("start"));
    QVERIFY2(restarted.exitCode == 0, restarted.err.constData());

    // A new app: a backend and SandboxJobs that never saw the job.
    std::unique_ptr<DockerBackend> backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, Generous);
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(m_id).status, SandboxStatus::Running, Generous);
    SandboxJobs jobs(backend.get(), m_id);
    Error error;
    const JobInfo found = find(&jobs, jobId, &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(found.state, JobInfo::State::Running);
    QCOMPARE(found.command,
             QStringLiteral("sh -c ") + QStringLiteral("'") + script + QStringLiteral("'"));
    // Still writing after the restart.
    const qint64 before = found.outputBytes;
    QTRY_VERIFY_WITH_TIMEOUT(find(&jobs, jobId, &error).outputBytes > before + 20, Generous);

    QCOMPARE(
        docker({QStringLiteral("exec"), m_id, QStringLiteral("touch"), QStringLiteral("/tmp/stop")})
            .exitCode,
        0);
    QCOMPARE(valueOf(jobs.wait(jobId), &error), 7);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    const JobInfo ended = find(&jobs, jobId, &error);
    QCOMPARE(ended.state, JobInfo::State::Exited);
    QCOMPARE(ended.exitCode, 7);

    // Every line, from before the restart to the end, with none missing.
    const QByteArray output = outputOf(&jobs, jobId, false, &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    const QList<QByteArray> lines = output.trimmed().split('\n');
    QVERIFY2(lines.size() > 10, output.constData());
    for (int i = 0; i + 1 < lines.size(); ++i)
        QCOMPARE(lines.at(i), QByteArray("tick ") + QByteArray::number(i));
    QCOMPARE(lines.last(), QByteArray("stopped after ") + QByteArray::number(lines.size() - 1));

    // And another sandboxctl, a third app, agrees.
    QCOMPARE(sandboxctl({QStringLiteral("jobs"), QStringLiteral("wait"), m_id, jobId}).exitCode, 7);
    const Result logs = sandboxctl({QStringLiteral("jobs"), QStringLiteral("logs"), m_id, jobId});
    QCOMPARE(logs.exitCode, 0);
    QCOMPARE(logs.out, output);
}

QTEST_GUILESS_MAIN(TestJobsRestart)
#include "tst_jobsrestart.moc"
