#include "run/RunScript.h"

#include <QFile>
#include <QProcess>
#include <QTest>

Q_DECLARE_METATYPE(RunRequest)

// RunScript's loader and stopper run here by the host's sh and by busybox sh, as they would
// in a sandbox: what the command prints, its status, the pid line, the script on stdin.
class TestRunScript final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void quoting();
    void pidLine();
    void runs_data();
    void runs();
    void stopsTheGroup();

private:
    struct Outcome
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Outcome run(const QString& shell, const RunRequest& request);
    QStringList m_shells;
};

void TestRunScript::initTestCase()
{
    m_shells << QStringLiteral("/bin/sh");
    // Debian's busybox-static is what the test image is made of.
    QVERIFY2(QFile::exists(QStringLiteral("/bin/busybox")), "busybox is missing");
    m_shells << QStringLiteral("/bin/busybox");
}

TestRunScript::Outcome TestRunScript::run(const QString& shell, const RunRequest& request)
{
    QStringList command = RunScript::command(request);
    QProcess process;
    if (shell.endsWith(QLatin1String("busybox")))
        command.replace(0, QStringLiteral("sh"));
    else
        command.removeFirst();
    process.start(shell, command);
    process.write(RunScript::input(request));
    process.closeWriteChannel();
    Outcome outcome;
    if (!process.waitForFinished(20000))
        return outcome;
    outcome.exitCode = process.exitCode();
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    return outcome;
}

void TestRunScript::quoting()
{
    QCOMPARE(RunScript::quoted(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    QCOMPARE(RunScript::quoted(QString()), QStringLiteral("''"));
}

void TestRunScript::pidLine()
{
    QCOMPARE(RunScript::parsePidLine("#sdk-run 4242"), qint64(4242));
    QCOMPARE(RunScript::parsePidLine("#sdk-run 1"), qint64(-1));
    QCOMPARE(RunScript::parsePidLine("#sdk-run x"), qint64(-1));
    QCOMPARE(RunScript::parsePidLine("error: 4242"), qint64(-1));
    QCOMPARE(RunScript::input(RunRequest{}), QByteArray("0\n"));
}

void TestRunScript::runs_data()
{
    QTest::addColumn<RunRequest>("request");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");

    RunRequest plain;
    plain.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("echo out; echo err >&2; exit 7")};
    QTest::newRow("argv") << plain << 7 << QByteArray("out\n") << QByteArray("err\n");

    RunRequest quoting;
    quoting.command = {QStringLiteral("printf"), QStringLiteral("%s|"),   QStringLiteral("a b"),
                       QStringLiteral("it's"),   QStringLiteral("$HOME"), QStringLiteral("`x`")};
    QTest::newRow("no shell between")
        << quoting << 0 << QByteArray("a b|it's|$HOME|`x`|") << QByteArray();

    RunRequest setting;
    setting.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("pwd; echo \"$A\"; read x || echo no-stdin")};
    setting.workingDir = QStringLiteral("/");
    setting.env = {QStringLiteral("A=b 'c'")};
    QTest::newRow("workdir env stdin")
        << setting << 0 << QByteArray("/\nb 'c'\nno-stdin\n") << QByteArray();

    RunRequest script;
    script.script = "echo one\nx=$((2 + 3))\necho $x\nexit 4\n";
    QTest::newRow("script") << script << 4 << QByteArray("one\n5\n") << QByteArray();

    RunRequest shebang;
    shebang.script = "#!/bin/sh -e\necho before\nfalse\necho never\n";
    QTest::newRow("shebang") << shebang << 1 << QByteArray("before\n") << QByteArray();

    RunRequest missing;
    missing.command = {QStringLiteral("true")};
    missing.workingDir = QStringLiteral("/no/such/folder");
    QTest::newRow("no folder") << missing << RunScript::setupFailed << QByteArray()
                               << QByteArray("*");
}

void TestRunScript::runs()
{
    QFETCH(RunRequest, request);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);
    for (const QString& shell : std::as_const(m_shells)) {
        const Outcome outcome = run(shell, request);
        QCOMPARE(outcome.exitCode, exitCode);
        QCOMPARE(outcome.out, out);
        QList<QByteArray> lines = outcome.err.split('\n');
        QVERIFY2(RunScript::parsePidLine(lines.value(0)) > 1, outcome.err.constData());
        const QByteArray rest = outcome.err.mid(lines.value(0).size() + 1);
        if (err == "*")
            QVERIFY(!rest.isEmpty());
        else
            QCOMPARE(rest, err);
    }
}

void TestRunScript::stopsTheGroup()
{
    for (const QString& shell : std::as_const(m_shells)) {
        // Ignoring TERM, with children that inherit that: only KILL ends them.
        RunRequest request;
        request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("trap '' TERM; sleep 300 & sleep 301 & echo up; wait")};
        QStringList command = RunScript::command(request);
        const bool busybox = shell.endsWith(QLatin1String("busybox"));
        busybox ? command.replace(0, QStringLiteral("sh")) : command.removeFirst();
        QProcess process;
        process.start(shell, command);
        process.write(RunScript::input(request));
        process.closeWriteChannel();
        QByteArray out;
        QTRY_VERIFY((out += process.readAllStandardOutput()).contains("up"));
        const qint64 pid = RunScript::parsePidLine(process.readAllStandardError().split('\n')[0]);
        QVERIFY(pid > 1);

        QStringList stop = RunScript::kill(pid, 5);
        busybox ? stop.replace(0, QStringLiteral("sh")) : stop.removeFirst();
        QProcess stopper;
        stopper.start(shell, stop);
        QVERIFY(stopper.waitForFinished(10000));
        QCOMPARE(stopper.exitCode(), 0);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 128 + 9);
        // Nothing of the group is left running (zombies aside, whose parent is gone).
        QProcess ps;
        ps.start(QStringLiteral("ps"), {QStringLiteral("-o"), QStringLiteral("stat="),
                                        QStringLiteral("-g"), QString::number(pid)});
        QVERIFY(ps.waitForFinished(10000));
        for (const QByteArray& state : ps.readAllStandardOutput().split('\n'))
            QVERIFY2(state.isEmpty() || state.startsWith('Z'), state.constData());
    }
}

QTEST_GUILESS_MAIN(TestRunScript)
#include "tst_runscript.moc"
