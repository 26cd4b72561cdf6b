#include "JobResults.h"
#include "OpenSandboxFixture.h"
#include "run/JobScript.h"
#include "run/SandboxJobs.h"
#include "sandbox/BackgroundCommands.h"

#include <QProcess>

namespace {

const int Generous = 60000;

} // namespace

// Background jobs on OpenSandbox are execd's background commands: started with
// POST /command {background: true}, followed through /command/{id}/logs, waited for through
// /command/status/{id}, stopped with DELETE /command; recorded in the sandbox beside the
// runner's jobs so that a new app (a new SandboxJobs, sandboxctl) lists and finds them.
class TestOpenSandboxJobs final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startListFollowWait();
    void killAndRemove();
    void foundAgainByANewApp();
    void sandboxctlJobs();
    void runnerWhenExecdHasNoBackgroundCommands();

private:
    JobInfo find(SandboxJobs* jobs, const QString& jobId, Error* error);
    QByteArray inside(const QString& script)
    {
        return DockerTestEnvironment::docker({QStringLiteral("exec"),
                                              QStringLiteral("sandbox-") + m_id,
                                              QStringLiteral("sh"), QStringLiteral("-c"), script})
            .out;
    }

    std::unique_ptr<OpenSandboxEmulatorProcess> m_emulator;
    std::unique_ptr<OpenSandboxBackend> m_backend;
    std::unique_ptr<SandboxJobs> m_jobs;
    QString m_id;
    QString m_finishedJob; // ended with 4, for the new app to find
};

void TestOpenSandboxJobs::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_emulator =
        std::make_unique<OpenSandboxEmulatorProcess>(QStringLiteral(OPENSANDBOX_EMULATOR_PATH));
    QVERIFY2(m_emulator->start(), "opensandbox-emulator did not start");
    m_backend = makeOpenSandboxBackend(*m_emulator);
    QVERIFY(m_backend->capabilities().testFlag(Backend::HasBackgroundCommands));
    m_backend->connectToBackend();
    const OpenSandboxOutcome created = awaitJob(m_backend->create(
        openSandboxSpec(DockerTestEnvironment::uniqueName(QStringLiteral("jobs")))));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    m_id = created.result.toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(m_id).status, SandboxStatus::Running, Generous);
    m_jobs = std::make_unique<SandboxJobs>(m_backend.get(), m_id);
    QVERIFY(m_jobs->hostCommands());
}

void TestOpenSandboxJobs::cleanupTestCase()
{
    m_jobs.reset();
    m_backend.reset();
    m_emulator.reset();
}

JobInfo TestOpenSandboxJobs::find(SandboxJobs* jobs, const QString& jobId, Error* error)
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

void TestOpenSandboxJobs::startListFollowWait()
{
    Error error;
    RunRequest request = shell(QStringLiteral(
        "echo one in $PWD with $GREETING; sleep 1; echo two >&2; sleep 1; echo three; exit 4"));
    request.workingDir = QStringLiteral("/tmp");
    request.env = {QStringLiteral("GREETING=hello")};
    const QString jobId = valueOf(m_jobs->start(request), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QVERIFY(JobScript::isValidId(jobId));

    // Kept by execd, not by a runner of ours: the record names execd's command.
    const QByteArray commandId =
        inside(QStringLiteral("cat /tmp/.sandboxdesk/jobs/%1/command-id").arg(jobId)).trimmed();
    QVERIFY2(!commandId.isEmpty(), "no command-id in the job's record");
    QCOMPARE(inside(QStringLiteral("ls /tmp/.sandboxdesk/jobs/%1").arg(jobId)),
             QByteArray("cmd\ncommand-id\nstarted\n"));

    const JobInfo running = find(m_jobs.get(), jobId, &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(running.state, JobInfo::State::Running);
    QCOMPARE(running.hostCommandId, QString::fromUtf8(commandId));
    QCOMPARE(running.command, request.summary());
    QVERIFY(running.started.isValid());

    // Followed from the start to the end, while it runs.
    const QByteArray followed = outputOf(m_jobs.get(), jobId, true, &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(followed, QByteArray("one in /tmp with hello\ntwo\nthree\n"));
    QCOMPARE(valueOf(m_jobs->wait(jobId), &error), 4);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    const JobInfo ended = find(m_jobs.get(), jobId, &error);
    QCOMPARE(ended.state, JobInfo::State::Exited);
    QCOMPARE(ended.exitCode, 4);
    QCOMPARE(ended.outputBytes, qint64(followed.size()));
    // The exit is written down, so the job stays known when execd forgets the command.
    QTRY_COMPARE_WITH_TIMEOUT(
        inside(QStringLiteral("cat /tmp/.sandboxdesk/jobs/%1/exit").arg(jobId)).trimmed(),
        QByteArray("4"), Generous);
    QCOMPARE(outputOf(m_jobs.get(), jobId, false, &error), followed);

    // Every step went through execd's own background-command API.
    const QByteArray log = m_emulator->log();
    QVERIFY2(log.contains("execd GET /command/status/" + commandId), log.constData());
    QVERIFY2(log.contains("execd GET /command/" + commandId + "/logs"), log.constData());
    m_finishedJob = jobId;
}

void TestOpenSandboxJobs::killAndRemove()
{
    Error error;
    const QString jobId =
        valueOf(m_jobs->start(shell(QStringLiteral("echo up; sleep 300"))), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QTRY_COMPARE_WITH_TIMEOUT(find(m_jobs.get(), jobId, &error).outputBytes, qint64(3), Generous);
    QCOMPARE(find(m_jobs.get(), jobId, &error).state, JobInfo::State::Running);

    // A running job is not removed.
    error = errorOf(m_jobs->remove(jobId));
    QCOMPARE(error.kind, Error::Conflict);

    QVERIFY(!errorOf(m_jobs->kill(jobId)).isError());
    const int status = valueOf(m_jobs->wait(jobId), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QVERIFY2(status > 128, qPrintable(QString::number(status)));
    const JobInfo killed = find(m_jobs.get(), jobId, &error);
    QCOMPARE(killed.state, JobInfo::State::Killed);
    QCOMPARE(killed.exitCode, status);
    QCOMPARE(inside(QStringLiteral("ps -o args | grep -c '[s]leep 300'")).trimmed(),
             QByteArray("0"));

    QVERIFY(!errorOf(m_jobs->remove(jobId)).isError());
    find(m_jobs.get(), jobId, &error);
    QCOMPARE(error.kind, Error::NotFound);
    valueOf(m_jobs->wait(jobId), &error);
    QCOMPARE(error.kind, Error::NotFound);
    // A job id that is not one.
    valueOf(m_jobs->wait(QStringLiteral("../x")), &error);
    QCOMPARE(error.kind, Error::Invalid);
}

void TestOpenSandboxJobs::foundAgainByANewApp()
{
    QVERIFY(!m_finishedJob.isEmpty());
    Error error;
    const QString runningJob =
        valueOf(m_jobs->start(shell(QStringLiteral("echo still; sleep 300"))), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));

    // A new backend and SandboxJobs: nothing remembered but what the sandbox keeps.
    std::unique_ptr<OpenSandboxBackend> backend = makeOpenSandboxBackend(*m_emulator);
    backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(m_id).status, SandboxStatus::Running, Generous);
    SandboxJobs jobs(backend.get(), m_id);
    const JobInfo ended = find(&jobs, m_finishedJob, &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(ended.state, JobInfo::State::Exited);
    QCOMPARE(ended.exitCode, 4);
    QCOMPARE(outputOf(&jobs, m_finishedJob, false, &error),
             QByteArray("one in /tmp with hello\ntwo\nthree\n"));
    QCOMPARE(valueOf(jobs.wait(m_finishedJob), &error), 4);
    QTRY_COMPARE_WITH_TIMEOUT(find(&jobs, runningJob, &error).outputBytes, qint64(6), Generous);
    QCOMPARE(find(&jobs, runningJob, &error).state, JobInfo::State::Running);
    QVERIFY(!errorOf(jobs.kill(runningJob)).isError());
    QCOMPARE(valueOf(m_jobs->wait(runningJob), &error) > 128, true);
}

void TestOpenSandboxJobs::sandboxctlJobs()
{
    const auto sandboxctl = [this](const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OPEN_SANDBOX_API_KEY"),
                           OpenSandboxEmulatorProcess::apiKey());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SANDBOXCTL_PATH),
                      QStringList{QStringLiteral("--opensandbox"), m_emulator->domain()} +
                          arguments);
        process.waitForFinished(Generous);
        return std::make_pair(process.exitCode(),
                              process.readAllStandardOutput() + process.readAllStandardError());
    };
    const auto started =
        sandboxctl({QStringLiteral("jobs"), QStringLiteral("start"), m_id, QStringLiteral("--"),
                    QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("for i in 1 2 3; do echo tick$i; sleep 0.3; done; exit 6")});
    QVERIFY2(started.first == 0,
             (QByteArray::number(started.first) + ": " + started.second).constData());
    const QString jobId = QString::fromUtf8(started.second).trimmed();
    QVERIFY(JobScript::isValidId(jobId));
    QVERIFY(!inside(QStringLiteral("cat /tmp/.sandboxdesk/jobs/%1/command-id").arg(jobId))
                 .trimmed()
                 .isEmpty());
    const auto followed = sandboxctl(
        {QStringLiteral("jobs"), QStringLiteral("logs"), QStringLiteral("-f"), m_id, jobId});
    QCOMPARE(followed.first, 0);
    QCOMPARE(followed.second, QByteArray("tick1\ntick2\ntick3\n"));
    QCOMPARE(sandboxctl({QStringLiteral("jobs"), QStringLiteral("wait"), m_id, jobId}).first, 6);
    const auto listed = sandboxctl({QStringLiteral("jobs"), QStringLiteral("list"), m_id});
    QVERIFY2(listed.second.contains(jobId.toUtf8()) && listed.second.contains("exited (6)"),
             listed.second.constData());
}

void TestOpenSandboxJobs::runnerWhenExecdHasNoBackgroundCommands()
{
    QVERIFY(m_emulator->injectFault(QStringLiteral("nobackground:1")));
    SandboxJobs jobs(m_backend.get(), m_id);
    Error error;
    const QString jobId =
        valueOf(jobs.start(shell(QStringLiteral("echo by the runner; exit 9"))), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    // The sh runner keeps it: a runner's pid and output segments, no execd command.
    const QByteArray kept = inside(QStringLiteral("ls /tmp/.sandboxdesk/jobs/%1").arg(jobId));
    QVERIFY2(kept.contains("runner\n") && !kept.contains("command-id"), kept.constData());
    QVERIFY(!jobs.hostCommands());
    QCOMPARE(valueOf(jobs.wait(jobId), &error), 9);
    // And any other app, which still asks execd, finds it as the runner's.
    QCOMPARE(valueOf(m_jobs->wait(jobId), &error), 9);
    QCOMPARE(outputOf(m_jobs.get(), jobId, false, &error), QByteArray("by the runner\n"));
    const JobInfo found = find(m_jobs.get(), jobId, &error);
    QCOMPARE(found.state, JobInfo::State::Exited);
    QCOMPARE(found.hostCommandId, QString());
}

QTEST_GUILESS_MAIN(TestOpenSandboxJobs)
#include "tst_opensandboxjobs.moc"
