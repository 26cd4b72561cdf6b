#include "BackendFixture.h"
#include "JobResults.h"
#include "run/SandboxJobs.h"

using namespace DockerTestEnvironment;

namespace {

const int Generous = 60000;

} // namespace

// Background jobs on the real engine: kept by the container, found again by a new SandboxJobs,
// followed to their end, stopped with KILL when TERM is ignored, their output bounded.
class TestJobs final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startListOutputWait();
    void followToTheEnd();
    void killEscalates();
    void fastWriterStaysBounded();
    void removeOnlyEnded();
    void unknownJob();

private:
    JobInfo find(const QString& jobId, Error* error);
    QByteArray inside(const QString& script)
    {
        return docker({QStringLiteral("exec"), m_id, QStringLiteral("sh"), QStringLiteral("-c"),
                       script})
            .out;
    }

    std::unique_ptr<DockerBackend> m_backend;
    std::unique_ptr<SandboxJobs> m_jobs;
    QString m_id;
};

void TestJobs::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 15000);
    const auto run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                             QStringLiteral("--network"), QStringLiteral("none"),
                             QStringLiteral("--name"), uniqueName(QStringLiteral("jobs")), image(),
                             QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    m_id = QString::fromUtf8(run.out).trimmed();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(m_id).status == SandboxStatus::Running, 15000);
    m_jobs = std::make_unique<SandboxJobs>(m_backend.get(), m_id);
}

void TestJobs::cleanupTestCase()
{
    m_jobs.reset();
    if (!m_id.isEmpty())
        docker({QStringLiteral("rm"), QStringLiteral("-f"), m_id});
}

JobInfo TestJobs::find(const QString& jobId, Error* error)
{
    // A new SandboxJobs each time: nothing is remembered on this side.
    SandboxJobs fresh(m_backend.get(), m_id);
    const QList<JobInfo> jobs = valueOf(fresh.list(), error);
    for (const JobInfo& job : jobs) {
        if (job.id == jobId)
            return job;
    }
    return {};
}

void TestJobs::startListOutputWait()
{
    Error error;
    RunRequest request = shell(QStringLiteral("echo hello; echo oops >&2; sleep 1; echo \"$X\"; "
                                              "pwd; exit 4"));
    request.env = {QStringLiteral("X=an env value")};
    request.workingDir = QStringLiteral("/etc");
    const QString id = valueOf(m_jobs->start(request), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QVERIFY(JobScript::isValidId(id));

    JobInfo info = find(id, &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(info.id, id);
    QCOMPARE(info.state, JobInfo::State::Running);
    QVERIFY(info.pid > 1);
    QVERIFY(info.command.startsWith(QLatin1String("sh -c")));
    QVERIFY(qAbs(info.started.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    QCOMPARE(valueOf(m_jobs->wait(id), &error), 4);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    info = find(id, &error);
    QCOMPARE(info.state, JobInfo::State::Exited);
    QCOMPARE(info.exitCode, 4);
    const QByteArray expected("hello\noops\nan env value\n/etc\n");
    QCOMPARE(info.outputBytes, qint64(expected.size()));
    QCOMPARE(outputOf(m_jobs.get(), id, false, &error), expected);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
}

void TestJobs::followToTheEnd()
{
    Error error;
    const QString id = valueOf(
        m_jobs->start(shell(QStringLiteral("for i in 1 2 3 4 5; do echo line$i; sleep 0.3; done"))),
        &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(outputOf(m_jobs.get(), id, true, &error),
             QByteArray("line1\nline2\nline3\nline4\nline5\n"));
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(find(id, &error).state, JobInfo::State::Exited);
}

void TestJobs::killEscalates()
{
    Error error;
    const QString id = valueOf(
        m_jobs->start(shell(QStringLiteral("trap '' TERM; sleep 401 & echo up; wait"))), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QTRY_VERIFY_WITH_TIMEOUT(find(id, &error).outputBytes > 0, 10000);
    QElapsedTimer clock;
    clock.start();
    error = errorOf(m_jobs->kill(id, 1000));
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QVERIFY(clock.elapsed() >= 900); // TERM was ignored: KILL came after the grace
    QCOMPARE(valueOf(m_jobs->wait(id), &error), 128 + 9);
    const JobInfo info = find(id, &error);
    QCOMPARE(info.state, JobInfo::State::Killed);
    QCOMPARE(info.exitCode, 128 + 9);
    const QByteArray ps = inside(QStringLiteral("ps -o stat,args | grep 'sleep 401' | grep -v "
                                                "grep | grep -v '^Z' || true"));
    QCOMPARE(ps, QByteArray());
}

void TestJobs::fastWriterStaysBounded()
{
    Error error;
    const qint64 limit = 64 * 1024;
    // 8 MB as fast as the sandbox can write it, in lines.
    const QString id = valueOf(
        m_jobs->start(shell(QStringLiteral("yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c "
                                           "8000000; echo; echo last-line")),
                      limit),
        &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    // While it writes, what is kept never passes two segments.
    const qint64 bound = 2 * (limit + 64 * 1024);
    const QString folder = QLatin1String(JobScript::jobsRoot) + QLatin1Char('/') + id;
    for (int i = 0; i < 10; ++i) {
        const qint64 kept =
            inside(QStringLiteral("cat %1/out.* | wc -c").arg(folder)).trimmed().toLongLong();
        QVERIFY2(kept <= bound, QByteArray::number(kept).constData());
        QTest::qWait(100);
    }
    QCOMPARE(valueOf(m_jobs->wait(id), &error), 0);
    const JobInfo info = find(id, &error);
    QVERIFY(info.outputBytes <= bound);
    QVERIFY(info.outputBytes >= limit);
    // Rotated many times, and the end is there.
    const QByteArray segments = inside(QStringLiteral("ls %1").arg(folder));
    const QList<QByteArray> names = segments.split('\n');
    QVERIFY2(std::count_if(names.begin(), names.end(),
                           [](const QByteArray& name) { return name.startsWith("out."); }) <= 2,
             segments.constData());
    const QByteArray output = outputOf(m_jobs.get(), id, false, &error);
    QVERIFY(output.endsWith("\nlast-line\n"));
    QCOMPARE(qint64(output.size()), info.outputBytes);
    int highest = 0;
    for (const QByteArray& name : names) {
        if (name.startsWith("out."))
            highest = std::max(highest, name.mid(4).toInt());
    }
    QVERIFY2(highest >= 8000000 / (limit + 64 * 1024) - 1, segments.constData());
}

void TestJobs::removeOnlyEnded()
{
    Error error;
    const QString id = valueOf(m_jobs->start(shell(QStringLiteral("sleep 402"))), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    error = errorOf(m_jobs->remove(id));
    QCOMPARE(error.kind, Error::Conflict);
    QVERIFY(!errorOf(m_jobs->kill(id, 500)).isError());
    QCOMPARE(valueOf(m_jobs->wait(id), &error), 128 + 15);
    error = errorOf(m_jobs->remove(id));
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(find(id, &error).id, QString());
    QVERIFY(!error.isError());
}

void TestJobs::unknownJob()
{
    Error error;
    valueOf(m_jobs->wait(QStringLiteral("nosuchjob")), &error);
    QCOMPARE(error.kind, Error::NotFound);
    QCOMPARE(errorOf(m_jobs->kill(QStringLiteral("nosuchjob"), 500)).kind, Error::NotFound);
    QCOMPARE(errorOf(m_jobs->remove(QStringLiteral("../etc"))).kind, Error::Invalid);
    QCOMPARE(m_jobs->openOutput(QStringLiteral("a/b"), false), nullptr);
}

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
