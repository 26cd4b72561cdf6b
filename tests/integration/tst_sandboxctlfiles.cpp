#include "DockerTestEnvironment.h"

#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace DockerTestEnvironment;

namespace {

Result sandboxctl(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SANDBOXCTL_PATH), arguments);
    process.closeWriteChannel();
    Result result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QList<QByteArray> lines(const QByteArray& text)
{
    QList<QByteArray> result = text.split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

QList<QByteArray> words(const QByteArray& line)
{
    return line.simplified().split(' ');
}

} // namespace

// sandboxctl's file commands against a real container, checked with the container's own tools.
class TestSandboxctlFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listMatchesLs();
    void longListMatchesLsL();
    void listOfAFile();
    void makeFolder();
    void move();
    void remove();
    void changeMode();
    void find();
    void unknownSandboxAndMissingPath();

private:
    QString target(const QString& path) const { return m_id + QLatin1Char(':') + path; }
    Result inside(const QString& script) const
    {
        return docker(
            {QStringLiteral("exec"), m_id, QStringLiteral("sh"), QStringLiteral("-c"), script});
    }

    QString m_id;
};

void TestSandboxctlFiles::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    const Result run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                               QStringLiteral("--network"), QStringLiteral("none"),
                               QStringLiteral("--name"), uniqueName(QStringLiteral("ctlfiles")),
                               image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    m_id = QString::fromUtf8(run.out).trimmed();
    const Result made = inside(QStringLiteral(
        "mkdir -p /t/sub/deeper && echo hello > /t/a.txt && touch /t/.hidden /t/b /t/sub/c.txt "
        "/t/sub/deeper/d.txt && ln -s a.txt /t/link && chmod 4755 /t/b"));
    QVERIFY2(made.exitCode == 0, made.err.constData());
}

void TestSandboxctlFiles::cleanupTestCase()
{
    if (!m_id.isEmpty())
        docker({QStringLiteral("rm"), QStringLiteral("-f"), m_id});
}

void TestSandboxctlFiles::listMatchesLs()
{
    const Result listed = sandboxctl({QStringLiteral("ls"), target(QStringLiteral("/t"))});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    const Result ls = inside(QStringLiteral("ls -1 /t"));
    QCOMPARE(ls.exitCode, 0);
    QCOMPARE(lines(listed.out), lines(ls.out));
    QVERIFY(!lines(listed.out).contains(".hidden"));

    const Result all =
        sandboxctl({QStringLiteral("ls"), QStringLiteral("-a"), target(QStringLiteral("/t"))});
    QVERIFY2(all.exitCode == 0, all.err.constData());
    const Result lsA = inside(QStringLiteral("ls -1A /t"));
    QCOMPARE(lines(all.out), lines(lsA.out));
    QVERIFY(lines(all.out).contains(".hidden"));
}

void TestSandboxctlFiles::longListMatchesLsL()
{
    const Result listed = sandboxctl({QStringLiteral("ls"), QStringLiteral("-l"),
                                      QStringLiteral("-a"), target(QStringLiteral("/t"))});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    // ls -l's own lines without its "total" line and the "." and ".." entries.
    const Result ls = inside(QStringLiteral("ls -lA /t"));
    QCOMPARE(ls.exitCode, 0);
    QList<QByteArray> expected = lines(ls.out);
    expected.removeIf([](const QByteArray& line) { return line.startsWith("total"); });
    const QList<QByteArray> got = lines(listed.out);
    QCOMPARE(got.size(), expected.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        const QList<QByteArray> ours = words(got.at(i));
        const QList<QByteArray> theirs = words(expected.at(i));
        QVERIFY2(ours.size() >= 7, got.at(i).constData());
        QCOMPARE(ours.at(0), theirs.at(0).left(10)); // mode
        QCOMPARE(ours.at(1), theirs.at(2));          // owner
        QCOMPARE(ours.at(2), theirs.at(3));          // group
        QCOMPARE(ours.at(3), theirs.at(4));          // size
        // The name, and the target of a symlink.
        const qsizetype ourName = 6;
        QCOMPARE(ours.mid(ourName), theirs.mid(theirs.size() - (ours.size() - ourName)));
    }
    QVERIFY(std::any_of(got.begin(), got.end(), [](const QByteArray& line) {
        return line.startsWith("lrwxrwxrwx") && line.endsWith(" link -> a.txt");
    }));
    QVERIFY(std::any_of(got.begin(), got.end(), [](const QByteArray& line) {
        return line.startsWith("-rwsr-xr-x") && line.endsWith(" b");
    }));
}

void TestSandboxctlFiles::listOfAFile()
{
    const Result listed = sandboxctl({QStringLiteral("ls"), target(QStringLiteral("/t/a.txt"))});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QCOMPARE(listed.out, QByteArray("/t/a.txt\n"));
}

void TestSandboxctlFiles::makeFolder()
{
    const Result flat = sandboxctl({QStringLiteral("mkdir"), target(QStringLiteral("/t/m/n"))});
    QCOMPARE(flat.exitCode, 1);
    QVERIFY(!flat.err.isEmpty());
    const Result parents = sandboxctl(
        {QStringLiteral("mkdir"), QStringLiteral("-p"), target(QStringLiteral("/t/m/n/o"))});
    QVERIFY2(parents.exitCode == 0, parents.err.constData());
    QCOMPARE(inside(QStringLiteral("test -d /t/m/n/o")).exitCode, 0);
    const Result again = sandboxctl(
        {QStringLiteral("mkdir"), QStringLiteral("-p"), target(QStringLiteral("/t/m/n/o"))});
    QCOMPARE(again.exitCode, 0);
}

void TestSandboxctlFiles::move()
{
    QCOMPARE(inside(QStringLiteral("echo moved > /t/tomove")).exitCode, 0);
    const Result moved = sandboxctl({QStringLiteral("mv"), target(QStringLiteral("/t/tomove")),
                                     target(QStringLiteral("/t/sub/moved"))});
    QVERIFY2(moved.exitCode == 0, moved.err.constData());
    QCOMPARE(inside(QStringLiteral("test ! -e /t/tomove && cat /t/sub/moved")).out,
             QByteArray("moved\n"));
    const Result missing = sandboxctl({QStringLiteral("mv"), target(QStringLiteral("/t/nothing")),
                                       target(QStringLiteral("/t/x"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("/t/nothing"), missing.err.constData());
}

void TestSandboxctlFiles::remove()
{
    QCOMPARE(inside(QStringLiteral("mkdir -p /t/gone/a/b && touch /t/gone/a/b/f")).exitCode, 0);
    const Result notRecursive =
        sandboxctl({QStringLiteral("rm"), target(QStringLiteral("/t/gone"))});
    QCOMPARE(notRecursive.exitCode, 1);
    QCOMPARE(inside(QStringLiteral("test -e /t/gone/a/b/f")).exitCode, 0);
    const Result recursive =
        sandboxctl({QStringLiteral("rm"), QStringLiteral("-r"), target(QStringLiteral("/t/gone"))});
    QVERIFY2(recursive.exitCode == 0, recursive.err.constData());
    QVERIFY(inside(QStringLiteral("test -e /t/gone")).exitCode != 0);

    const Result forced = sandboxctl(
        {QStringLiteral("rm"), QStringLiteral("-f"), target(QStringLiteral("/t/never"))});
    QCOMPARE(forced.exitCode, 0);
    QCOMPARE(forced.err, QByteArray());
    const Result missing = sandboxctl({QStringLiteral("rm"), target(QStringLiteral("/t/never"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("/t/never"), missing.err.constData());

    // The sandbox itself is untouched.
    QCOMPARE(inside(QStringLiteral("true")).exitCode, 0);
}

void TestSandboxctlFiles::changeMode()
{
    const Result changed = sandboxctl(
        {QStringLiteral("chmod"), QStringLiteral("750"), target(QStringLiteral("/t/a.txt"))});
    QVERIFY2(changed.exitCode == 0, changed.err.constData());
    QCOMPARE(inside(QStringLiteral("stat -c %a /t/a.txt")).out, QByteArray("750\n"));
    const Result bad = sandboxctl(
        {QStringLiteral("chmod"), QStringLiteral("9z"), target(QStringLiteral("/t/a.txt"))});
    QCOMPARE(bad.exitCode, 64);
    const Result missing = sandboxctl(
        {QStringLiteral("chmod"), QStringLiteral("700"), target(QStringLiteral("/t/none"))});
    QCOMPARE(missing.exitCode, 1);
}

void TestSandboxctlFiles::find()
{
    const Result found = sandboxctl({QStringLiteral("find"), target(QStringLiteral("/t")),
                                     QStringLiteral("-name"), QStringLiteral("*.txt")});
    QVERIFY2(found.exitCode == 0, found.err.constData());
    const Result theirs = inside(QStringLiteral("find /t -name '*.txt' | sort"));
    QCOMPARE(lines(found.out), lines(theirs.out));
    QVERIFY(lines(found.out).contains("/t/sub/deeper/d.txt"));
}

void TestSandboxctlFiles::unknownSandboxAndMissingPath()
{
    const QString unknown = uniqueName(QStringLiteral("nosuch")) + QStringLiteral(":/t");
    for (const QStringList& command :
         {QStringList{QStringLiteral("ls"), unknown}, QStringList{QStringLiteral("rm"), unknown},
          QStringList{QStringLiteral("mkdir"), unknown}}) {
        const Result result = sandboxctl(command);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.isEmpty());
    }
    const Result missing = sandboxctl({QStringLiteral("ls"), target(QStringLiteral("/nope"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(":/nope"), missing.err.constData());
    QCOMPARE(missing.out, QByteArray());
    const Result relative = sandboxctl({QStringLiteral("ls"), target(QStringLiteral("t/a.txt"))});
    QCOMPARE(relative.exitCode, 0);
    QCOMPARE(relative.out, QByteArray("/t/a.txt\n"));
    const Result notTarget = sandboxctl({QStringLiteral("ls"), QStringLiteral("/t")});
    QCOMPARE(notTarget.exitCode, 64);
}

QTEST_GUILESS_MAIN(TestSandboxctlFiles)
#include "tst_sandboxctlfiles.moc"
