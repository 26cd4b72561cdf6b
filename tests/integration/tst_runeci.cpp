#include "EciBackendFixture.h"
#include "JobResults.h"
#include "eci/EciClient.h"
#include "eci/EciSigner.h"
#include "run/AllJobsModel.h"
#include "run/Run.h"
#include "run/SandboxJobs.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>

#include <algorithm>

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
// ECI's exec channel, which has no end-of-file and a 20 × 256 command limit; the jobs of
// every container of a group listed apart.
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
    void jobsOfEveryContainer();
    void sandboxctlRunAndJobs();

private:
    Outcome runToEnd(const RunRequest& request);
    // sandboxctl --eci with the credentials in the environment, as ECI users set them.
    Result ctl(const QStringList& arguments, const QByteArray& input = {});

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

void TestRunEci::jobsOfEveryContainer()
{
    // A group of two containers, each running a job of its own: both are listed, each under
    // the container that keeps it, and one is stopped through the model's handle on it.
    const QString name = uniqueName(QStringLiteral("pair")).toLower();
    EciParams params{{QStringLiteral("RegionId"), m_region},
                     {QStringLiteral("ContainerGroupName"), name},
                     {QStringLiteral("RestartPolicy"), QStringLiteral("Never")}};
    const QStringList containers{QStringLiteral("main"), QStringLiteral("sidecar")};
    for (int i = 0; i < containers.size(); ++i) {
        const QString prefix = QStringLiteral("Container.%1.").arg(i + 1);
        params.append({prefix + QStringLiteral("Name"), containers.at(i)});
        params.append({prefix + QStringLiteral("Image"), image()});
        EciSigner::appendList(&params, prefix + QStringLiteral("Command"),
                              {QStringLiteral("sleep"), QStringLiteral("600")});
    }
    Job* create = m_backend->client()->call(QStringLiteral("CreateContainerGroup"), params);
    const EciOutcome created = awaitEci(create);
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    const QString group =
        created.result.toMap().value(QStringLiteral("ContainerGroupId")).toString();
    QVERIFY(!group.isEmpty());
    const auto removeGroup =
        qScopeGuard([this, group] { awaitEci(m_backend->remove(group, true)); });
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(group).status == SandboxStatus::Running &&
                                 m_backend->sandbox(group).containers == containers,
                             Generous);

    QHash<QString, QString> jobIds; // container: its job
    for (const QString& container : containers) {
        SandboxJobs jobs(m_backend.get(), group, container);
        RunRequest request;
        request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("echo in-%1; sleep 600").arg(container)};
        Error error;
        jobIds.insert(container, valueOf(jobs.start(request), &error));
        QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    }

    AllJobsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addBackend(m_backend.get());
    model.refresh();
    const QString backendId = m_backend->id();
    const auto rowOf = [&](const QString& container) {
        return model.rowOf(backendId, group, jobIds.value(container), container);
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(containers.at(0)) >= 0 && rowOf(containers.at(1)) >= 0,
                             Generous);
    for (const QString& container : containers) {
        const int row = rowOf(container);
        const AllJobsModel::Row& listed = model.row(row);
        QCOMPARE(listed.container, container);
        QCOMPARE(listed.sandboxName, name + QStringLiteral(" / ") + container);
        QVERIFY2(listed.job.command.contains(QStringLiteral("in-") + container),
                 qPrintable(listed.job.command));
        QCOMPARE(listed.job.state, JobInfo::State::Running);
        QCOMPARE(model.index(row, AllJobsModel::Sandbox).data().toString(), listed.sandboxName);
        QCOMPARE(model.index(row, 0).data(AllJobsModel::ContainerRole).toString(), container);
    }
    // The sidecar's job is not taken for one of the group's first container.
    QCOMPARE(model.rowOf(backendId, group, jobIds.value(QStringLiteral("sidecar"))), -1);
    QVERIFY(!model.jobsOf(backendId, group));

    SandboxJobs* sidecar = model.jobsOf(backendId, group, QStringLiteral("sidecar"));
    QVERIFY(sidecar);
    Job* kill = sidecar->kill(jobIds.value(QStringLiteral("sidecar")), 500);
    const EciOutcome killed = awaitEci(kill);
    QVERIFY2(!killed.error.isError(), qPrintable(killed.error.fullText()));
    model.refreshSandbox(backendId, group);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("sidecar")) >= 0 &&
                                 model.row(rowOf(QStringLiteral("sidecar"))).job.state ==
                                     JobInfo::State::Killed,
                             Generous);
    QCOMPARE(model.row(rowOf(QStringLiteral("main"))).job.state, JobInfo::State::Running);
    model.removeBackend(m_backend.get());

    // sandboxctl: --container starts in that container; the other commands find the
    // container that keeps the job, and the list names each one.
    const QString sidecarJob = QString::fromUtf8(
        ctl({QStringLiteral("jobs"), QStringLiteral("start"), group, QStringLiteral("--container"),
             QStringLiteral("sidecar"), QStringLiteral("--"), QStringLiteral("sh"),
             QStringLiteral("-c"), QStringLiteral("echo ctl-sidecar; exit 3")})
            .out.trimmed());
    QVERIFY(JobScript::isValidId(sidecarJob));
    QCOMPARE(ctl({QStringLiteral("jobs"), QStringLiteral("wait"), group, sidecarJob}).exitCode, 3);
    QCOMPARE(ctl({QStringLiteral("jobs"), QStringLiteral("logs"), QStringLiteral("--container"),
                  QStringLiteral("sidecar"), group, sidecarJob})
                 .out,
             QByteArray("ctl-sidecar\n"));
    const Result wrongContainer =
        ctl({QStringLiteral("jobs"), QStringLiteral("logs"), QStringLiteral("--container"),
             QStringLiteral("main"), group, sidecarJob});
    QVERIFY(wrongContainer.exitCode != 0);
    const QByteArray listed = ctl({QStringLiteral("jobs"), QStringLiteral("list"), group}).out;
    const auto listedIn = [&listed, &group](const QString& container, const QString& job) {
        const QByteArray prefix =
            (group.left(12) + QLatin1Char('/') + container + QLatin1Char(' ')).toUtf8();
        const QList<QByteArray> lines = listed.split('\n');
        return std::any_of(lines.begin(), lines.end(), [&](const QByteArray& line) {
            return line.startsWith(prefix) && line.contains(' ' + job.toUtf8() + ' ');
        });
    };
    for (const QString& container : containers)
        QVERIFY2(listedIn(container, jobIds.value(container)), listed.constData());
    QVERIFY2(listedIn(QStringLiteral("sidecar"), sidecarJob), listed.constData());
    QVERIFY2(!listedIn(QStringLiteral("main"), sidecarJob), listed.constData());
    const QByteArray mainOnly = ctl({QStringLiteral("jobs"), QStringLiteral("list"),
                                     QStringLiteral("--container"), QStringLiteral("main"), group})
                                    .out;
    QVERIFY2(mainOnly.contains(jobIds.value(QStringLiteral("main")).toUtf8()),
             mainOnly.constData());
    QVERIFY2(!mainOnly.contains(sidecarJob.toUtf8()), mainOnly.constData());
    const Result noSuch = ctl({QStringLiteral("jobs"), QStringLiteral("list"),
                               QStringLiteral("--container"), QStringLiteral("nosuch"), group});
    QCOMPARE(noSuch.exitCode, 2);
    QVERIFY2(noSuch.err.contains("nosuch") && noSuch.err.contains("main, sidecar"),
             noSuch.err.constData());
    QCOMPARE(ctl({QStringLiteral("jobs"), QStringLiteral("rm"), group, sidecarJob}).exitCode, 0);
}

Result TestRunEci::ctl(const QStringList& arguments, const QByteArray& input)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), EciEmulatorProcess::accessKeyId());
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
}

void TestRunEci::sandboxctlRunAndJobs()
{
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
