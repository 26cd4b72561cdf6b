#include "DockerTestEnvironment.h"

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

QTEST_GUILESS_MAIN(TestSandboxctl)
#include "tst_sandboxctl.moc"
