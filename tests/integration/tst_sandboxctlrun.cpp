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
    void interruptStopsTheProcess();
    void usageErrors();

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

void TestSandboxctlRun::interruptStopsTheProcess()
{
    QProcess process;
    process.start(QStringLiteral(SANDBOXCTL_PATH),
                  {QStringLiteral("run"), m_id, QStringLiteral("--"), QStringLiteral("sh"),
                   QStringLiteral("-c"), QStringLiteral("echo up; sleep 341")});
    process.closeWriteChannel();
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("up"), 30000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 128 + 15);
    const Result ps = docker({QStringLiteral("exec"), m_id, QStringLiteral("ps"),
                              QStringLiteral("-o"), QStringLiteral("stat,args")});
    for (const QByteArray& line : ps.out.split('\n'))
        QVERIFY2(!line.contains("sleep 341") || line.trimmed().startsWith('Z'), line.constData());
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

QTEST_GUILESS_MAIN(TestSandboxctlRun)
#include "tst_sandboxctlrun.moc"
