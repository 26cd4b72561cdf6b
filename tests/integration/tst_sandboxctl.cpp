#include "DockerTestEnvironment.h"
#include "sandbox/LogStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

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
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

class TestSandboxctl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { REQUIRE_TEST_ENGINE(); }
    void lifecycle();
    void unknownSandboxIsExitCodeTwo();
    void usageErrors();
    void deadEngine();
    void exec();
    void logs();
};

void TestSandboxctl::lifecycle()
{
    const QString name = uniqueName(QStringLiteral("ctl"));
    const Result created = sandboxctl(
        {QStringLiteral("create"), QStringLiteral("--image"), image(), QStringLiteral("--name"),
         name, QStringLiteral("--network"), QStringLiteral("none"), QStringLiteral("--memory"),
         QStringLiteral("64m"), QStringLiteral("--start"), QStringLiteral("--"),
         QStringLiteral("sleep"), QStringLiteral("600")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString id = QString::fromUtf8(created.out).trimmed();
    QCOMPARE(id.size(), 64);

    const Result listed = sandboxctl({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    QJsonParseError parseError;
    const QJsonArray array = QJsonDocument::fromJson(listed.out, &parseError).array();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QStringList ids;
    QJsonObject mine;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        for (const char* key : {"id", "name", "image", "status", "backend"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
        ids << object.value(QLatin1String("id")).toString();
        if (ids.last() == id)
            mine = object;
    }
    ids.sort();
    QCOMPARE(ids, allIds());
    QCOMPARE(mine.value(QLatin1String("name")).toString(), name);
    QCOMPARE(mine.value(QLatin1String("image")).toString(), image());
    QCOMPARE(mine.value(QLatin1String("status")).toString(), QStringLiteral("running"));
    QCOMPARE(mine.value(QLatin1String("memoryBytes")).toDouble(), 64.0 * 1024 * 1024);

    const Result inspected = sandboxctl({QStringLiteral("inspect"), name});
    QCOMPARE(inspected.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(inspected.out).object().value(QLatin1String("Id")).toString(),
             id);

    for (const char* verb : {"pause", "unpause", "restart", "stop"}) {
        const Result result = sandboxctl({QLatin1String(verb), id.left(12)});
        QVERIFY2(result.exitCode == 0, result.err.constData());
    }
    QCOMPARE(docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                     QStringLiteral("{{.State.Status}}"), id})
                 .out.trimmed(),
             QByteArray("exited"));
    QCOMPARE(sandboxctl({QStringLiteral("rm"), name}).exitCode, 0);
    QVERIFY(docker({QStringLiteral("inspect"), id}).exitCode != 0);
}

void TestSandboxctl::unknownSandboxIsExitCodeTwo()
{
    const Result inspected = sandboxctl({QStringLiteral("inspect"), QStringLiteral("nope-nope")});
    QCOMPARE(inspected.exitCode, 2);
    QVERIFY(inspected.err.contains("nope-nope"));
    QVERIFY(inspected.out.isEmpty());
    QCOMPARE(sandboxctl({QStringLiteral("stop"), QStringLiteral("nope-nope")}).exitCode, 2);
    QCOMPARE(sandboxctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("nope-nope")})
                 .exitCode,
             2);
}

void TestSandboxctl::usageErrors()
{
    const Result noCommand = sandboxctl({});
    QCOMPARE(noCommand.exitCode, 64);
    QVERIFY(noCommand.err.contains("Usage"));
    QCOMPARE(sandboxctl({QStringLiteral("frobnicate")}).exitCode, 64);
    const Result badCreate =
        sandboxctl({QStringLiteral("create"), QStringLiteral("--memory"), QStringLiteral("12q")});
    QCOMPARE(badCreate.exitCode, 64);
    QVERIFY(badCreate.err.contains("12q"));
    const Result help = sandboxctl({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("list [--json]"));
    QVERIFY(sandboxctl({QStringLiteral("--version")}).out.startsWith("sandboxctl "));
}

void TestSandboxctl::deadEngine()
{
    const Result result =
        sandboxctl({QStringLiteral("--docker"), QStringLiteral("unix:///nonexistent/docker.sock"),
                    QStringLiteral("list")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("nonexistent"));
    QVERIFY(result.out.isEmpty());
}

void TestSandboxctl::exec()
{
    const QString name = uniqueName(QStringLiteral("ctlexec"));
    QCOMPARE(docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                     QStringLiteral("none"), QStringLiteral("--name"), name, image(),
                     QStringLiteral("sleep"), QStringLiteral("600")})
                 .exitCode,
             0);
    const Result streams =
        sandboxctl({QStringLiteral("exec"), name, QStringLiteral("--"), QStringLiteral("sh"),
                    QStringLiteral("-c"), QStringLiteral("echo out; echo err >&2; exit 42")});
    QCOMPARE(streams.exitCode, 42);
    QCOMPARE(streams.out, QByteArray("out\n"));
    QCOMPARE(streams.err, QByteArray("err\n"));

    const Result piped =
        sandboxctl({QStringLiteral("exec"), QStringLiteral("-i"), name, QStringLiteral("--"),
                    QStringLiteral("wc"), QStringLiteral("-l")},
                   "a\nb\nc\n");
    QCOMPARE(piped.exitCode, 0);
    QCOMPARE(piped.out.trimmed(), QByteArray("3"));

    QCOMPARE(sandboxctl({QStringLiteral("exec"), QStringLiteral("nope-nope"), QStringLiteral("--"),
                         QStringLiteral("true")})
                 .exitCode,
             2);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
}

void TestSandboxctl::logs()
{
    const QString name = uniqueName(QStringLiteral("logs"));
    const auto run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"), name, image(),
                QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("echo one; echo oops >&2; sleep 1.2; echo two; "
                               "printf 'three\\000x'")});
    QCOMPARE(run.exitCode, 0);
    docker({QStringLiteral("wait"), name});

    const Result all = sandboxctl({QStringLiteral("logs"), name});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out, QByteArray("one\ntwo\nthree\0x", 15));
    QCOMPARE(all.err, QByteArray("oops\n"));

    const Result tail =
        sandboxctl({QStringLiteral("logs"), QStringLiteral("--tail"), QStringLiteral("1"), name});
    QCOMPARE(tail.exitCode, 0);
    QCOMPARE(tail.out, QByteArray("three\0x", 7));

    const Result stamped =
        sandboxctl({QStringLiteral("logs"), QStringLiteral("--timestamps"), name});
    QCOMPARE(stamped.exitCode, 0);
    const auto cli = docker({QStringLiteral("logs"), QStringLiteral("-t"), name});
    QCOMPARE(stamped.out, cli.out);
    QCOMPARE(stamped.err, cli.err);

    // "two" came 1.2 s after "one"; a time between them leaves only the later lines.
    const QByteArray twoAt = cli.out.split('\n').value(1).left(30);
    qint64 nanoseconds = 0;
    QVERIFY(LogStream::parseTimestamp(twoAt.constData(), twoAt.size(), &nanoseconds) > 0);
    const QString between =
        QString::fromLatin1(LogStream::formatTimestamp(nanoseconds - 500000000));
    const Result since =
        sandboxctl({QStringLiteral("logs"), QStringLiteral("--since"), between, name});
    QCOMPARE(since.exitCode, 0);
    QCOMPARE(since.out, QByteArray("two\nthree\0x", 11));
    QCOMPARE(since.err, QByteArray());
    const Result recent = sandboxctl(
        {QStringLiteral("logs"), QStringLiteral("--since"), QStringLiteral("10m"), name});
    QCOMPARE(recent.out, all.out);
    const Result future = sandboxctl({QStringLiteral("logs"), QStringLiteral("--since"),
                                      QStringLiteral("2100-01-01T00:00:00Z"), name});
    QCOMPARE(future.exitCode, 0);
    QCOMPARE(future.out, QByteArray());

    // -f follows a running sandbox until it stops.
    const QString follower = uniqueName(QStringLiteral("follow"));
    QCOMPARE(docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                     QStringLiteral("none"), QStringLiteral("--name"), follower, image(),
                     QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("for i in 1 2 3 4; do echo $i; sleep 0.3; done")})
                 .exitCode,
             0);
    const Result followed = sandboxctl({QStringLiteral("logs"), QStringLiteral("-f"), follower});
    QCOMPARE(followed.exitCode, 0);
    QCOMPARE(followed.out, QByteArray("1\n2\n3\n4\n"));

    QCOMPARE(sandboxctl({QStringLiteral("logs"), QStringLiteral("no-such-sandbox")}).exitCode, 2);
    QCOMPARE(sandboxctl({QStringLiteral("logs")}).exitCode, 64);
    QCOMPARE(sandboxctl(
                 {QStringLiteral("logs"), QStringLiteral("--since"), QStringLiteral("soon"), name})
                 .exitCode,
             64);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), name, follower});
}

QTEST_GUILESS_MAIN(TestSandboxctl)
#include "tst_sandboxctl.moc"
