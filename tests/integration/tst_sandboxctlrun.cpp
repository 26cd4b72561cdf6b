#include "DockerTestEnvironment.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryFile>
#include <QTest>

#include <csignal>

using namespace DockerTestEnvironment;

namespace {

Result sandboxctl(const QStringList& arguments, const QByteArray& input = {})
{
    QProcess process;
    process.start(QStringLiteral(SANDBOXCTL_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    Result result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

// sandboxctl run against a real container.
class TestSandboxctlRun final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void commandExitCodeAndStreams();
    void optionsReachTheCommand();
    void scriptFromStdinAndFile();
    void timeoutStopsTheProcess();
    void interruptStopsTheProcess_data();
    void interruptStopsTheProcess();
    void usageErrors();
    void jobSurvivesSandboxctl();
    void jobKillAndRemove();

private:
    QString m_id;
};

void TestSandboxctlRun::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    const Result run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                               QStringLiteral("--network"), QStringLiteral("none"),
                               QStringLiteral("--name"), uniqueName(QStringLiteral("ctlrun")),
                               image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    m_id = QString::fromUtf8(run.out).trimmed();
}

void TestSandboxctlRun::cleanupTestCase()
{
    if (!m_id.isEmpty())
        docker({QStringLiteral("rm"), QStringLiteral("-f"), m_id});
}

void TestSandboxctlRun::commandExitCodeAndStreams()
{
    const Result result = sandboxctl({QStringLiteral("run"), m_id.left(12), QStringLiteral("--"),
                                      QStringLiteral("sh"), QStringLiteral("-c"),
                                      QStringLiteral("echo to-out; echo to-err >&2; exit 9")});
    QCOMPARE(result.exitCode, 9);
    QCOMPARE(result.out, QByteArray("to-out\n"));
    QCOMPARE(result.err, QByteArray("to-err\n"));

    // Without --, the command starts at the first word after the sandbox.
    const Result plain = sandboxctl({QStringLiteral("run"), m_id, QStringLiteral("echo"),
                                     QStringLiteral("a  b"), QStringLiteral("-n")});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(plain.out, QByteArray("a  b -n\n"));
}

void TestSandboxctlRun::optionsReachTheCommand()
{
    const Result result =
        sandboxctl({QStringLiteral("run"), QStringLiteral("--workdir"), QStringLiteral("/etc"),
                    QStringLiteral("-e"), QStringLiteral("A=1 2"), QStringLiteral("-e"),
                    QStringLiteral("B=x"), m_id, QStringLiteral("--"), QStringLiteral("sh"),
                    QStringLiteral("-c"), QStringLiteral("pwd; echo \"$A/$B\"")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("/etc\n1 2/x\n"));
}

void TestSandboxctlRun::scriptFromStdinAndFile()
{
    const Result fromStdin =
        sandboxctl({QStringLiteral("run"), m_id, QStringLiteral("--script"), QStringLiteral("-")},
                   "set -e\necho first\nfalse\necho never\n");
    QCOMPARE(fromStdin.exitCode, 1);
    QCOMPARE(fromStdin.out, QByteArray("first\n"));

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("#!/bin/sh\nprintf '%s\\n' \"$0\" | grep -q . && echo script-ran\nexit 3\n");
    file.close();
    const Result fromFile =
        sandboxctl({QStringLiteral("run"), m_id, QStringLiteral("--script"), file.fileName()});
    QCOMPARE(fromFile.exitCode, 3);
    QCOMPARE(fromFile.out, QByteArray("script-ran\n"));
}

void TestSandboxctlRun::timeoutStopsTheProcess()
{
    QElapsedTimer clock;
    clock.start();
    const Result result =
        sandboxctl({QStringLiteral("run"), m_id, QStringLiteral("--timeout"), QStringLiteral("1s"),
                    QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("331")});
    QCOMPARE(result.exitCode, 128 + 15);
    QVERIFY2(result.err.contains("--timeout"), result.err.constData());
    QVERIFY(clock.elapsed() < 20000);
    const Result ps = docker({QStringLiteral("exec"), m_id, QStringLiteral("ps"),
                              QStringLiteral("-o"), QStringLiteral("stat,args")});
    for (const QByteArray& line : ps.out.split('\n'))
        QVERIFY2(!line.contains("sleep 331") || line.trimmed().startsWith('Z'), line.constData());
}

void TestSandboxctlRun::interruptStopsTheProcess_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("sleep");
    // As a shell says a child was stopped: 128 + the signal's number.
    QTest::newRow("Ctrl-C") << int(SIGINT) << 130 << QStringLiteral("sleep 341");
    QTest::newRow("TERM") << int(SIGTERM) << 143 << QStringLiteral("sleep 342");
}

void TestSandboxctlRun::interruptStopsTheProcess()
{
    QFETCH(int, signal);
    QFETCH(int, exitCode);
    QFETCH(QString, sleep);
    QProcess process;
    process.start(QStringLiteral(SANDBOXCTL_PATH),
                  {QStringLiteral("run"), m_id, QStringLiteral("--"), QStringLiteral("sh"),
                   QStringLiteral("-c"), QStringLiteral("echo up; ") + sleep});
    process.closeWriteChannel();
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("up"), 30000);
    ::kill(pid_t(process.processId()), signal);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY(process.readAllStandardError().contains("Stopped."));
    const Result ps = docker({QStringLiteral("exec"), m_id, QStringLiteral("ps"),
                              QStringLiteral("-o"), QStringLiteral("stat,args")});
    QCOMPARE(ps.exitCode, 0);
    for (const QByteArray& line : ps.out.split('\n'))
        QVERIFY2(!line.contains(sleep.toUtf8()) || line.trimmed().startsWith('Z'),
                 line.constData());
}

void TestSandboxctlRun::usageErrors()
{
    QCOMPARE(sandboxctl({QStringLiteral("run"), m_id}).exitCode, 64);
    QCOMPARE(sandboxctl({QStringLiteral("run"), m_id, QStringLiteral("--timeout"),
                         QStringLiteral("soon"), QStringLiteral("--"), QStringLiteral("true")})
                 .exitCode,
             64);
    QCOMPARE(sandboxctl({QStringLiteral("run"), QStringLiteral("no-such-sandbox"),
                         QStringLiteral("--"), QStringLiteral("true")})
                 .exitCode,
             2);
}

void TestSandboxctlRun::jobSurvivesSandboxctl()
{
    // Started by one sandboxctl that exits at once; found again, followed and waited for by
    // others.
    const Result started =
        sandboxctl({QStringLiteral("jobs"), QStringLiteral("start"), m_id, QStringLiteral("--"),
                    QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("for i in 1 2 3; do echo tick$i; sleep 0.5; done; exit 6")});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    const QString job = QString::fromUtf8(started.out).trimmed();
    QVERIFY2(!job.isEmpty() && !job.contains(QLatin1Char('\n')), started.out.constData());

    const Result listed = sandboxctl({QStringLiteral("jobs"), QStringLiteral("list"), m_id});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains(job.toUtf8()) && listed.out.contains("running"),
             listed.out.constData());
    const Result all = sandboxctl({QStringLiteral("jobs"), QStringLiteral("list")});
    QCOMPARE(all.exitCode, 0);
    QVERIFY2(all.out.contains(job.toUtf8()), all.out.constData());

    const Result followed = sandboxctl(
        {QStringLiteral("jobs"), QStringLiteral("logs"), QStringLiteral("-f"), m_id, job});
    QCOMPARE(followed.exitCode, 0);
    QCOMPARE(followed.out, QByteArray("tick1\ntick2\ntick3\n"));
    const Result waited = sandboxctl({QStringLiteral("jobs"), QStringLiteral("wait"), m_id, job});
    QCOMPARE(waited.exitCode, 6);
    const Result again = sandboxctl({QStringLiteral("jobs"), QStringLiteral("list"), m_id});
    QVERIFY2(again.out.contains("exited (6)"), again.out.constData());
    const Result logs = sandboxctl({QStringLiteral("jobs"), QStringLiteral("logs"), m_id, job});
    QCOMPARE(logs.out, QByteArray("tick1\ntick2\ntick3\n"));
}

void TestSandboxctlRun::jobKillAndRemove()
{
    const Result started =
        sandboxctl({QStringLiteral("jobs"), QStringLiteral("start"), m_id, QStringLiteral("--"),
                    QStringLiteral("sleep"), QStringLiteral("351")});
    QCOMPARE(started.exitCode, 0);
    const QString job = QString::fromUtf8(started.out).trimmed();
    const Result refused = sandboxctl({QStringLiteral("jobs"), QStringLiteral("rm"), m_id, job});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("still running"), refused.err.constData());
    QCOMPARE(sandboxctl({QStringLiteral("jobs"), QStringLiteral("kill"), m_id, job}).exitCode, 0);
    QCOMPARE(sandboxctl({QStringLiteral("jobs"), QStringLiteral("wait"), m_id, job}).exitCode,
             128 + 15);
    QVERIFY(sandboxctl({QStringLiteral("jobs"), QStringLiteral("list"), m_id})
                .out.contains("killed (143)"));
    QCOMPARE(sandboxctl({QStringLiteral("jobs"), QStringLiteral("rm"), m_id, job}).exitCode, 0);
    QVERIFY(!sandboxctl({QStringLiteral("jobs"), QStringLiteral("list"), m_id})
                 .out.contains(job.toUtf8()));
    QCOMPARE(sandboxctl({QStringLiteral("jobs"), QStringLiteral("wait"), m_id, job}).exitCode, 2);
    QCOMPARE(
        sandboxctl({QStringLiteral("jobs"), QStringLiteral("wait"), m_id, QStringLiteral("../x")})
            .exitCode,
        64);
}

QTEST_GUILESS_MAIN(TestSandboxctlRun)
#include "tst_sandboxctlrun.moc"
