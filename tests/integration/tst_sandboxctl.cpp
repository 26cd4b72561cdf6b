#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "credentials/KeychainCredentialStore.h"
#include "sandbox/Job.h"
#include "sandbox/LogStream.h"
#include "sandbox/SpillFiles.h"
#include "settings/EciAccounts.h"
#include "text/TextWidth.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace DockerTestEnvironment;

namespace {

Result sandboxctl(const QStringList& arguments, const QByteArray& input = {},
                  const QString& inputFile = {})
{
    QProcess process;
    if (!inputFile.isEmpty())
        process.setStandardInputFile(inputFile);
    process.start(QStringLiteral(SANDBOXCTL_PATH), arguments);
    if (inputFile.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    Result result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// sandboxctl --eci against the emulator, with credentials in the environment as ECI users set
// them; `environment` adds to (or, with an empty value, removes from) what the test has.
Result eciCtl(const QStringList& arguments, const QMap<QString, QString>& environment,
              const QByteArray& input = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name :
         {"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
          "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_REGION_ID", "ECI_SANDBOX_ACCESS_KEY_ID",
          "ECI_SANDBOX_ACCESS_KEY_SECRET", "ECI_SANDBOX_REGION_ID", "ECI_SANDBOX_ENDPOINT",
          "ECI_SANDBOX_TIMEOUT_MS"})
        env.remove(QLatin1String(name));
    for (auto it = environment.begin(); it != environment.end(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SANDBOXCTL_PATH),
                  QStringList{QStringLiteral("--eci")} + arguments);
    process.write(input);
    process.closeWriteChannel();
    Result result;
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

Result dockerWithInput(const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    process.start(QStringLiteral("docker"), arguments);
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

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

class TestSandboxctl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { REQUIRE_TEST_ENGINE(); }
    void lifecycle();
    void listColumnsLineUpInChinese();
    void unknownSandboxIsExitCodeTwo();
    void usageErrors();
    void deadEngine();
    void peerThatNeverAnswers();
    void exec();
    void logs();
    void copyFiles();
    void copyTarStreams();
    void catAndPut();
    void filesErrors();
    void eciFiles();
    void eciLifecycle();
    void eciCredentialsAndRegion();
    void eciStoredAccount();
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

    const Result listed =
        sandboxctl({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--limits")});
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
    // Without --limits the list is one request, and says nothing of limits.
    const Result plain = sandboxctl({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(plain.exitCode, 0);
    const QJsonArray plainArray = QJsonDocument::fromJson(plain.out).array();
    QCOMPARE(plainArray.size(), array.size());
    for (const QJsonValue& value : plainArray)
        QVERIFY(!value.toObject().contains(QLatin1String("memoryBytes")));

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

void TestSandboxctl::listColumnsLineUpInChinese()
{
    // A name longer than its header, so the NAME column grows past the header's width.
    const QString name = uniqueName(QStringLiteral("ctl-list-columns-with-a-long-name"));
    const Result run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"), name, image(),
                QStringLiteral("sleep"), QStringLiteral("600")});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SANDBOXCTL_PATH), {QStringLiteral("list")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), name});

    QVERIFY(!lines.isEmpty());
    const QString header = lines.first();
    const QStringList headers = {QStringLiteral("名称"), QStringLiteral("镜像"),
                                 QStringLiteral("状态"), QStringLiteral("端口")};
    QList<int> headerColumns;
    for (const QString& title : headers) {
        const qsizetype at = header.indexOf(title);
        QVERIFY2(at > 0, qPrintable(header));
        headerColumns.append(TextWidth::columns(QStringView(header).left(at)));
    }
    const auto row = std::find_if(lines.begin(), lines.end(),
                                  [&name](const QString& line) { return line.contains(name); });
    QVERIFY(row != lines.end());
    // The row's cells start in the display column where their header starts.
    const QStringList cells = {name, image(), QStringLiteral("running")};
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const qsizetype at = row->indexOf(cells[i]);
        QVERIFY2(at > 0, qPrintable(*row));
        QCOMPARE(TextWidth::columns(QStringView(*row).left(at)), headerColumns[i]);
    }
    // The last cell (ports, empty here) comes after the status column's padding.
    QVERIFY(TextWidth::columns(*row) <= headerColumns.last());
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
    // One section for the files, with cp and ls in it.
    QCOMPARE(help.out.count("\nFiles ("), 1);
    const QByteArray files = help.out.mid(help.out.indexOf("\nFiles ("));
    const QByteArray section = files.left(files.indexOf("\n\n"));
    QVERIFY2(section.contains("cp [-a] SRC DST") && section.contains("ls [-l] [-a] ID:PATH") &&
                 section.contains("find ID:PATH"),
             section.constData());
    QVERIFY(sandboxctl({QStringLiteral("--version")}).out.startsWith("sandboxctl "));

    // A spill file left by a run that crashed goes at the next start.
    QProcess ended;
    ended.start(QStringLiteral("true"), {});
    QVERIFY(ended.waitForStarted());
    const qint64 gonePid = ended.processId();
    QVERIFY(ended.waitForFinished());
    const QString stale =
        QDir(SpillFiles::folder()).filePath(QStringLiteral("%1-upload-Crashed").arg(gonePid));
    QVERIFY(writeFile(stale, "left behind"));
    QVERIFY(sandboxctl({QStringLiteral("--version")}).out.startsWith("sandboxctl "));
    QVERIFY(!QFile::exists(stale));
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

void TestSandboxctl::peerThatNeverAnswers()
{
    // The kernel completes the handshakes; nothing ever reads or answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QString url = QStringLiteral("tcp://127.0.0.1:") + QString::number(silent.serverPort());

    const Result limited = sandboxctl({QStringLiteral("--docker"), url, QStringLiteral("--timeout"),
                                       QStringLiteral("2s"), QStringLiteral("list")});
    QCOMPARE(limited.exitCode, 1);
    QVERIFY2(limited.err.contains("--timeout") && limited.err.contains("2s"), limited.err);
    QVERIFY(limited.out.isEmpty());

    // Without --timeout the engine's own limits end it too.
    const Result unlimited = sandboxctl({QStringLiteral("--docker"), url, QStringLiteral("list")});
    QCOMPARE(unlimited.exitCode, 1);
    QVERIFY2(unlimited.err.contains("answer"), unlimited.err);

    const Result bad =
        sandboxctl({QStringLiteral("--timeout"), QStringLiteral("5x"), QStringLiteral("list")});
    QCOMPARE(bad.exitCode, 64);
    QVERIFY(bad.err.contains("5x"));
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
    // Times that nanoseconds cannot hold are refused, never wrapped round to print everything.
    for (const char* outside : {"3000-01-01T00:00:00Z", "1600-01-01T00:00:00Z"}) {
        const Result refused = sandboxctl(
            {QStringLiteral("logs"), QStringLiteral("--since"), QLatin1String(outside), name});
        QCOMPARE(refused.exitCode, 64);
        QCOMPARE(refused.out, QByteArray());
        QVERIFY2(refused.err.contains("out of range"), refused.err.constData());
    }

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

// A running sandbox for the file commands; removed by the caller.
static QString fileSandbox(const QString& prefix)
{
    const QString name = uniqueName(prefix);
    const Result run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"), name, image(),
                QStringLiteral("sleep"), QStringLiteral("600")});
    return run.exitCode == 0 ? name : QString();
}

static QByteArray inSandbox(const QString& name, const QString& script)
{
    return docker(
               {QStringLiteral("exec"), name, QStringLiteral("sh"), QStringLiteral("-c"), script})
        .out;
}

void TestSandboxctl::copyFiles()
{
    const QString name = fileSandbox(QStringLiteral("ctlcp"));
    QVERIFY(!name.isEmpty());
    QTemporaryDir local;
    QVERIFY(local.isValid());
    const QString dir = local.path();
    QVERIFY(writeFile(dir + QStringLiteral("/a file.txt"), "alpha\n"));
    QVERIFY(QDir(dir).mkpath(QStringLiteral("tree/sub")));
    QVERIFY(writeFile(dir + QStringLiteral("/tree/x"), "x\n"));
    QVERIFY(writeFile(dir + QStringLiteral("/tree/sub/y"), "y\n"));
    QVERIFY(writeFile(dir + QStringLiteral("/tree/sub/empty"), {}));

    // Up: into an existing folder the source goes inside it; otherwise it takes the new name.
    QCOMPARE(sandboxctl({QStringLiteral("cp"), dir + QStringLiteral("/a file.txt"),
                         name + QStringLiteral(":/tmp")})
                 .exitCode,
             0);
    QCOMPARE(inSandbox(name, QStringLiteral("cat '/tmp/a file.txt'")), QByteArray("alpha\n"));
    QCOMPARE(sandboxctl({QStringLiteral("cp"), dir + QStringLiteral("/a file.txt"),
                         name + QStringLiteral(":tmp/renamed")})
                 .exitCode,
             0);
    QCOMPARE(inSandbox(name, QStringLiteral("cat /tmp/renamed")), QByteArray("alpha\n"));
    QCOMPARE(sandboxctl({QStringLiteral("cp"), dir + QStringLiteral("/tree"),
                         name + QStringLiteral(":/tmp")})
                 .exitCode,
             0);
    QCOMPARE(inSandbox(name, QStringLiteral("cd /tmp/tree && find . | sort && cat x sub/y")),
             QByteArray(".\n./sub\n./sub/empty\n./sub/y\n./x\nx\ny\n"));
    QCOMPARE(sandboxctl({QStringLiteral("cp"), dir + QStringLiteral("/tree"),
                         name + QStringLiteral(":/tmp/copy")})
                 .exitCode,
             0);
    QCOMPARE(inSandbox(name, QStringLiteral("cat /tmp/copy/sub/y")), QByteArray("y\n"));

    // Down, the same rules.
    QTemporaryDir back;
    QCOMPARE(sandboxctl({QStringLiteral("cp"), name + QStringLiteral(":/tmp/tree"), back.path()})
                 .exitCode,
             0);
    QCOMPARE(readFile(back.path() + QStringLiteral("/tree/sub/y")), QByteArray("y\n"));
    QVERIFY(QFileInfo::exists(back.path() + QStringLiteral("/tree/sub/empty")));
    QCOMPARE(sandboxctl({QStringLiteral("cp"), name + QStringLiteral(":/tmp/tree"),
                         back.path() + QStringLiteral("/other")})
                 .exitCode,
             0);
    QCOMPARE(readFile(back.path() + QStringLiteral("/other/x")), QByteArray("x\n"));
    QCOMPARE(sandboxctl({QStringLiteral("cp"), name + QStringLiteral(":/tmp/a file.txt"),
                         back.path() + QStringLiteral("/b.txt")})
                 .exitCode,
             0);
    QCOMPARE(readFile(back.path() + QStringLiteral("/b.txt")), QByteArray("alpha\n"));
    docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
}

void TestSandboxctl::copyTarStreams()
{
    const QString name = fileSandbox(QStringLiteral("ctlcptar"));
    QVERIFY(!name.isEmpty());
    inSandbox(name,
              QStringLiteral(
                  "mkdir -p /src/sub /ours /theirs /kept /theirs-kept && printf 'one\\n' > /src/f "
                  "&& printf 'two' > /src/sub/g && ln -s f /src/link && "
                  "chown 1234:5678 /src/f"));

    // Out: the engine's tar unchanged, as docker cp gives it.
    const Result ours =
        sandboxctl({QStringLiteral("cp"), name + QStringLiteral(":/src"), QStringLiteral("-")});
    QCOMPARE(ours.exitCode, 0);
    const Result theirs =
        docker({QStringLiteral("cp"), name + QStringLiteral(":/src"), QStringLiteral("-")});
    QCOMPARE(theirs.exitCode, 0);
    QVERIFY(ours.out.size() > 1024);
    QCOMPARE(ours.out, theirs.out);

    // In: the same tar unpacked into a folder, compared with docker cp's result.
    QCOMPARE(
        sandboxctl({QStringLiteral("cp"), QStringLiteral("-"), name + QStringLiteral(":/ours")},
                   theirs.out)
            .exitCode,
        0);
    QCOMPARE(dockerWithInput(
                 {QStringLiteral("cp"), QStringLiteral("-"), name + QStringLiteral(":/theirs")},
                 theirs.out)
                 .exitCode,
             0);
    const QString listing =
        QStringLiteral("cd %1 && find . | sort && ls -l src/link | sed 's/.* -> //' "
                       "&& cat src/f src/sub/g");
    const QByteArray expected = inSandbox(name, listing.arg(QStringLiteral("/theirs")));
    QVERIFY(expected.contains("./src/sub/g"));
    QCOMPARE(inSandbox(name, listing.arg(QStringLiteral("/ours"))), expected);

    // Owners as docker cp gives them, without -a and with it.
    const QString owners = QStringLiteral("stat -c %u:%g %1/src/f");
    QCOMPARE(inSandbox(name, owners.arg(QStringLiteral("/ours"))),
             inSandbox(name, owners.arg(QStringLiteral("/theirs"))));
    QCOMPARE(sandboxctl({QStringLiteral("cp"), QStringLiteral("-a"), QStringLiteral("-"),
                         name + QStringLiteral(":/kept")},
                        theirs.out)
                 .exitCode,
             0);
    QCOMPARE(dockerWithInput({QStringLiteral("cp"), QStringLiteral("-a"), QStringLiteral("-"),
                              name + QStringLiteral(":/theirs-kept")},
                             theirs.out)
                 .exitCode,
             0);
    QCOMPARE(inSandbox(name, owners.arg(QStringLiteral("/kept"))), QByteArray("1234:5678\n"));
    QCOMPARE(inSandbox(name, owners.arg(QStringLiteral("/theirs-kept"))),
             QByteArray("1234:5678\n"));
    docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
}

void TestSandboxctl::catAndPut()
{
    const QString name = fileSandbox(QStringLiteral("ctlcat"));
    QVERIFY(!name.isEmpty());
    QByteArray bytes;
    for (int i = 0; i < 300000; ++i)
        bytes.append(char((i * 7919) % 251));

    // A pipe (size unknown, spooled) and a regular file on stdin.
    QCOMPARE(sandboxctl({QStringLiteral("put"), name + QStringLiteral(":/tmp/piped.bin")}, bytes)
                 .exitCode,
             0);
    QTemporaryDir local;
    const QString file = local.path() + QStringLiteral("/input.bin");
    QVERIFY(writeFile(file, bytes));
    QCOMPARE(sandboxctl({QStringLiteral("put"), name + QStringLiteral(":/tmp/file.bin")}, {}, file)
                 .exitCode,
             0);
    const QByteArray md5 = QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex();
    QCOMPARE(inSandbox(name, QStringLiteral("md5sum /tmp/piped.bin /tmp/file.bin | cut -d' ' -f1")),
             md5 + '\n' + md5 + '\n');
    QCOMPARE(sandboxctl({QStringLiteral("put"), name + QStringLiteral(":/tmp/empty")}, {}).exitCode,
             0);
    QCOMPARE(inSandbox(name, QStringLiteral("wc -c < /tmp/empty")).trimmed(), QByteArray("0"));

    const Result cat =
        sandboxctl({QStringLiteral("cat"), name + QStringLiteral(":/tmp/piped.bin")});
    QCOMPARE(cat.exitCode, 0);
    QCOMPARE(cat.out, bytes);
    // A symbolic link is followed, as cat does.
    inSandbox(name, QStringLiteral("ln -s piped.bin /tmp/link"));
    QCOMPARE(sandboxctl({QStringLiteral("cat"), name + QStringLiteral(":/tmp/link")}).out, bytes);
    const Result folder = sandboxctl({QStringLiteral("cat"), name + QStringLiteral(":/tmp")});
    QCOMPARE(folder.exitCode, 1);
    QVERIFY(folder.err.contains("folder"));
    docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
}

void TestSandboxctl::filesErrors()
{
    const QString name = fileSandbox(QStringLiteral("ctlcperr"));
    QVERIFY(!name.isEmpty());
    QTemporaryDir local;
    const QString nope = QStringLiteral("nope-nope:/etc/hosts");
    QCOMPARE(sandboxctl({QStringLiteral("cp"), nope, local.path()}).exitCode, 2);
    QCOMPARE(
        sandboxctl({QStringLiteral("cp"), local.path(), QStringLiteral("nope-nope:/tmp")}).exitCode,
        2);
    QCOMPARE(sandboxctl({QStringLiteral("cat"), nope}).exitCode, 2);
    QCOMPARE(sandboxctl({QStringLiteral("put"), nope}, "x").exitCode, 2);

    const Result missingDown =
        sandboxctl({QStringLiteral("cp"), name + QStringLiteral(":/no/such"), local.path()});
    QCOMPARE(missingDown.exitCode, 1);
    QVERIFY2(missingDown.err.contains("/no/such"), missingDown.err.constData());
    const Result missingCat =
        sandboxctl({QStringLiteral("cat"), name + QStringLiteral(":/no/such")});
    QCOMPARE(missingCat.exitCode, 1);
    QVERIFY(missingCat.err.contains("/no/such"));
    const Result missingUp =
        sandboxctl({QStringLiteral("cp"), local.path(), name + QStringLiteral(":/no/such/place")});
    QCOMPARE(missingUp.exitCode, 1);
    QVERIFY(missingUp.err.contains("/no/such"));
    const Result missingLocal =
        sandboxctl({QStringLiteral("cp"), local.path() + QStringLiteral("/absent"),
                    name + QStringLiteral(":/tmp")});
    QCOMPARE(missingLocal.exitCode, 1);
    QVERIFY(missingLocal.err.contains("absent"));
    QCOMPARE(
        sandboxctl({QStringLiteral("put"), name + QStringLiteral(":/no/such/file")}, "x").exitCode,
        1);
    QCOMPARE(sandboxctl({QStringLiteral("cp"), QStringLiteral("a"), QStringLiteral("b")}).exitCode,
             64);
    QCOMPARE(sandboxctl({QStringLiteral("cat")}).exitCode, 64);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
}

// The same commands on ECI, over the exec channel the emulator serves as the service does.
void TestSandboxctl::eciFiles()
{
    EciEmulatorProcess emulator{QStringLiteral(ECI_EMULATOR_PATH)};
    QVERIFY(emulator.start());
    const QString region = uniqueName(QStringLiteral("ctlf"));
    const QMap<QString, QString> env{
        {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), EciEmulatorProcess::accessKeyId()},
        {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), EciEmulatorProcess::accessKeySecret()},
        {QStringLiteral("ECI_SANDBOX_ENDPOINT"), emulator.endpoint()},
    };
    const QString name = uniqueName(QStringLiteral("ctlf"));
    const Result created = eciCtl({region, QStringLiteral("create"), QStringLiteral("--image"),
                                   image(), QStringLiteral("--name"), name, QStringLiteral("--"),
                                   QStringLiteral("sleep"), QStringLiteral("600")},
                                  env);
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString id = QString::fromUtf8(created.out).trimmed();

    QByteArray bytes;
    for (int i = 0; i < 200000; ++i)
        bytes.append(char((i * 131) % 253));
    Result put;
    QTRY_VERIFY_WITH_TIMEOUT(
        (put = eciCtl({region, QStringLiteral("put"), id + QStringLiteral(":/tmp/data.bin")}, env,
                      bytes))
                .exitCode == 0,
        60000);
    const Result cat =
        eciCtl({region, QStringLiteral("cat"), id + QStringLiteral(":/tmp/data.bin")}, env);
    QVERIFY2(cat.exitCode == 0, cat.err.constData());
    QCOMPARE(cat.out, bytes);

    QTemporaryDir local;
    QVERIFY(QDir(local.path()).mkpath(QStringLiteral("tree/sub")));
    QVERIFY(writeFile(local.path() + QStringLiteral("/tree/sub/y"), "y\n"));
    const Result up = eciCtl({region, QStringLiteral("cp"), local.path() + QStringLiteral("/tree"),
                              id + QStringLiteral(":/tmp")},
                             env);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(
        eciCtl({region, QStringLiteral("cat"), id + QStringLiteral(":/tmp/tree/sub/y")}, env).out,
        QByteArray("y\n"));
    const Result down = eciCtl({region, QStringLiteral("cp"), id + QStringLiteral(":/tmp/tree"),
                                local.path() + QStringLiteral("/back")},
                               env);
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QCOMPARE(readFile(local.path() + QStringLiteral("/back/sub/y")), QByteArray("y\n"));

    // ECI cannot keep owners: cp -a says so instead of quietly doing something else.
    const Result keep =
        eciCtl({region, QStringLiteral("cp"), QStringLiteral("-a"),
                local.path() + QStringLiteral("/tree"), id + QStringLiteral(":/tmp/kept")},
               env);
    QCOMPARE(keep.exitCode, 1);
    QVERIFY2(keep.err.contains("cannot promise to keep the owners"), keep.err.constData());
    QCOMPARE(eciCtl({region, QStringLiteral("cat"), id + QStringLiteral(":/tmp/kept/sub/y")}, env)
                 .exitCode,
             1);

    // A tar out and back in through -.
    const Result tar = eciCtl(
        {region, QStringLiteral("cp"), id + QStringLiteral(":/tmp/tree"), QStringLiteral("-")},
        env);
    QCOMPARE(tar.exitCode, 0);
    QVERIFY(tar.out.contains("sub/y"));
    QCOMPARE(eciCtl({region, QStringLiteral("cp"), QStringLiteral("-"), id + QStringLiteral(":/")},
                    env, tar.out)
                 .exitCode,
             0);
    QCOMPARE(eciCtl({region, QStringLiteral("cat"), id + QStringLiteral(":/tree/sub/y")}, env).out,
             QByteArray("y\n"));

    QCOMPARE(eciCtl({region, QStringLiteral("cat"), QStringLiteral("nope-nope:/x")}, env).exitCode,
             2);
    const Result missing =
        eciCtl({region, QStringLiteral("cat"), id + QStringLiteral(":/no/such")}, env);
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("/no/such"));
    QCOMPARE(eciCtl({region, QStringLiteral("rm"), QStringLiteral("-f"), id}, env).exitCode, 0);
}

void TestSandboxctl::eciLifecycle()
{
    EciEmulatorProcess emulator{QStringLiteral(ECI_EMULATOR_PATH)};
    QVERIFY(emulator.start());
    const QString region = uniqueName(QStringLiteral("ctl"));
    const QMap<QString, QString> env{
        {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), EciEmulatorProcess::accessKeyId()},
        {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), EciEmulatorProcess::accessKeySecret()},
        {QStringLiteral("ECI_SANDBOX_ENDPOINT"), emulator.endpoint()},
    };
    const QString name = uniqueName(QStringLiteral("ctl"));
    const Result created = eciCtl({region,
                                   QStringLiteral("create"),
                                   QStringLiteral("--image"),
                                   image(),
                                   QStringLiteral("--name"),
                                   name,
                                   QStringLiteral("--label"),
                                   QStringLiteral("team=blue"),
                                   QStringLiteral("--env"),
                                   QStringLiteral("WHO=ctl"),
                                   QStringLiteral("--cpus"),
                                   QStringLiteral("0.5"),
                                   QStringLiteral("--memory"),
                                   QStringLiteral("1g"),
                                   QStringLiteral("--restart"),
                                   QStringLiteral("Never"),
                                   QStringLiteral("--"),
                                   QStringLiteral("sh"),
                                   QStringLiteral("-c"),
                                   QStringLiteral("echo one; echo two; echo $WHO; sleep 600")},
                                  env);
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString id = QString::fromUtf8(created.out).trimmed();
    QVERIFY(id.startsWith(QLatin1String("eci-")));

    const Result listed = eciCtl({region, QStringLiteral("list"), QStringLiteral("--json")}, env);
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject group = array.first().toObject();
    QCOMPARE(group.value(QLatin1String("id")).toString(), id);
    QCOMPARE(group.value(QLatin1String("name")).toString(), name);
    QCOMPARE(group.value(QLatin1String("status")).toString(), QStringLiteral("running"));
    QCOMPARE(group.value(QLatin1String("statusText")).toString(), QStringLiteral("Running"));
    QCOMPARE(group.value(QLatin1String("cpus")).toDouble(), 0.5);
    QCOMPARE(group.value(QLatin1String("memoryBytes")).toDouble(), 1024.0 * 1024 * 1024);
    QCOMPARE(group.value(QLatin1String("labels")).toObject().value(QLatin1String("team")),
             QJsonValue(QStringLiteral("blue")));
    QCOMPARE(group.value(QLatin1String("containers")).toArray(), QJsonArray{name});
    QCOMPARE(group.value(QLatin1String("backend")).toString(), QStringLiteral("eci:env/") + region);

    // The region from the environment when none is named.
    QMap<QString, QString> withRegion = env;
    withRegion.insert(QStringLiteral("ALIBABA_CLOUD_REGION_ID"), region);
    const Result table = eciCtl({QStringLiteral("list")}, withRegion);
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(name.toUtf8()), table.out.constData());

    const Result inspected = eciCtl({region, QStringLiteral("inspect"), name}, env);
    QVERIFY2(inspected.exitCode == 0, inspected.err.constData());
    QCOMPARE(QJsonDocument::fromJson(inspected.out)
                 .object()
                 .value(QLatin1String("ContainerGroupId"))
                 .toString(),
             id);

    Result logs;
    QTRY_VERIFY_WITH_TIMEOUT(
        (logs =
             eciCtl({region, QStringLiteral("logs"), QStringLiteral("--container"), name, id}, env))
                .out == "one\ntwo\nctl\n",
        60000);
    QCOMPARE(logs.exitCode, 0);
    const Result tail = eciCtl({region, QStringLiteral("logs"), QStringLiteral("--tail"),
                                QStringLiteral("1"), QStringLiteral("--timestamps"), id},
                               env);
    QCOMPARE(tail.exitCode, 0);
    qint64 nanoseconds = 0;
    const qsizetype used =
        LogStream::parseTimestamp(tail.out.constData(), tail.out.size(), &nanoseconds);
    QVERIFY2(used > 0 && tail.out.mid(used) == " ctl\n", tail.out.constData());

    const Result exec =
        eciCtl({region, QStringLiteral("exec"), id, QStringLiteral("--"), QStringLiteral("sh"),
                QStringLiteral("-c"), QStringLiteral("echo out; echo err >&2; exit 5")},
               env);
    QCOMPARE(exec.exitCode, 5);
    QCOMPARE(exec.out, QByteArray("out\n"));
    QCOMPARE(exec.err, QByteArray("err\n"));

    const Result restarted = eciCtl({region, QStringLiteral("restart"), name}, env);
    QVERIFY2(restarted.exitCode == 0, restarted.err.constData());
    const Result stopped = eciCtl({region, QStringLiteral("stop"), name}, env);
    QCOMPARE(stopped.exitCode, 1);
    QVERIFY(!stopped.err.isEmpty());

    const Result removed = eciCtl(
        {region, QStringLiteral("rm"), QStringLiteral("-f"), id, QStringLiteral("eci-none")}, env);
    QCOMPARE(removed.exitCode, 2); // the second one does not exist
    QCOMPARE(removed.out, id.toUtf8() + '\n');
    QTRY_VERIFY_WITH_TIMEOUT(
        QJsonDocument::fromJson(
            eciCtl({region, QStringLiteral("list"), QStringLiteral("--json")}, env).out)
            .array()
            .isEmpty(),
        60000);
    // Nothing printed the secret.
    for (const Result* result : std::initializer_list<const Result*>{&created, &listed, &inspected,
                                                                     &logs, &exec, &removed}) {
        QVERIFY(!result->out.contains(EciEmulatorProcess::accessKeySecret().toUtf8()));
        QVERIFY(!result->err.contains(EciEmulatorProcess::accessKeySecret().toUtf8()));
    }
}

void TestSandboxctl::eciCredentialsAndRegion()
{
    EciEmulatorProcess emulator{QStringLiteral(ECI_EMULATOR_PATH)};
    QVERIFY(emulator.start());
    const QString region = uniqueName(QStringLiteral("creds"));
    const QString secret = EciEmulatorProcess::accessKeySecret();
    const QString wrong = QStringLiteral("wrong-secret-5d1e");
    QMap<QString, QString> env{
        {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), EciEmulatorProcess::accessKeyId()},
        {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), wrong},
        {QStringLiteral("ECI_SANDBOX_ENDPOINT"), emulator.endpoint()},
        {QStringLiteral("ECI_SANDBOX_REGION_ID"), region},
    };
    // A wrong secret: refused, said plainly, and the secret is not repeated.
    const Result refused = eciCtl({QStringLiteral("list")}, env);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("SignatureDoesNotMatch"), refused.err.constData());
    QVERIFY(!refused.err.contains(wrong.toUtf8()));
    QVERIFY(!refused.out.contains(wrong.toUtf8()));

    // ECI_SANDBOX_* overrides ALIBABA_CLOUD_*.
    env.insert(QStringLiteral("ECI_SANDBOX_ACCESS_KEY_ID"), EciEmulatorProcess::accessKeyId());
    env.insert(QStringLiteral("ECI_SANDBOX_ACCESS_KEY_SECRET"), secret);
    const Result overridden = eciCtl({QStringLiteral("list")}, env);
    QVERIFY2(overridden.exitCode == 0, overridden.err.constData());

    // The region on the command line wins over the environment's.
    env.insert(QStringLiteral("ECI_SANDBOX_REGION_ID"), QStringLiteral("cn-nowhere"));
    const Result named = eciCtl({region, QStringLiteral("list"), QStringLiteral("--json")}, env);
    QCOMPARE(named.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(named.out).array().size(), 0);

    // No region anywhere: a usage error that says where one comes from.
    env.insert(QStringLiteral("ECI_SANDBOX_REGION_ID"), QString());
    const Result noRegion = eciCtl({QStringLiteral("list")}, env);
    QCOMPARE(noRegion.exitCode, 64);
    QVERIFY(noRegion.err.contains("ECI_SANDBOX_REGION_ID"));

    // No key at all.
    const Result noKey = eciCtl({region, QStringLiteral("list")},
                                {{QStringLiteral("ECI_SANDBOX_ENDPOINT"), emulator.endpoint()}});
    QCOMPARE(noKey.exitCode, 1);
    QVERIFY(noKey.err.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"));

    // An endpoint that is not one, and one where nothing listens.
    env.insert(QStringLiteral("ECI_SANDBOX_ENDPOINT"), QStringLiteral("ftp://example.com/x"));
    const Result badEndpoint = eciCtl({region, QStringLiteral("list")}, env);
    QCOMPARE(badEndpoint.exitCode, 1);
    QVERIFY(badEndpoint.err.contains("ftp://example.com/x"));
    const QString gone = emulator.endpoint();
    emulator.stop();
    env.insert(QStringLiteral("ECI_SANDBOX_ENDPOINT"), gone);
    env.insert(QStringLiteral("ECI_SANDBOX_TIMEOUT_MS"), QStringLiteral("2000"));
    const Result dead = eciCtl({region, QStringLiteral("list")}, env);
    QCOMPARE(dead.exitCode, 1);
    QVERIFY(!dead.err.isEmpty());
    QVERIFY(!dead.err.contains(secret.toUtf8()));
}

void TestSandboxctl::eciStoredAccount()
{
    REQUIRE_SECRET_SERVICE();
    EciEmulatorProcess emulator{QStringLiteral(ECI_EMULATOR_PATH)};
    QVERIFY(emulator.start());
    const QString region = uniqueName(QStringLiteral("acct"));

    // An account as SandboxDesk saves it: settings under XDG_CONFIG_HOME, secret in the keychain.
    QTemporaryDir config;
    QVERIFY(config.isValid());
    EciAccount account;
    account.name = uniqueName(QStringLiteral("ctl-account"));
    account.accessKeyId = EciEmulatorProcess::accessKeyId();
    account.defaultRegion = region;
    account.endpoint = emulator.endpoint();
    {
        EciAccounts accounts(config.filePath(QStringLiteral("SandboxDesk/sandboxdesk.conf")));
        accounts.save(account);
        accounts.sync();
    }
    KeychainCredentialStore keychain;
    const auto run = [](Job* job) {
        bool done = false;
        Error error;
        QObject::connect(job, &Job::finished, job, [&] {
            error = job->error();
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 60000))
            error = Error::make(Error::Timeout, QStringLiteral("the keychain did not answer"));
        return error;
    };
    const Error stored =
        run(keychain.write(account.secretKey(), EciEmulatorProcess::accessKeySecret()));
    QVERIFY2(!stored.isError(), qPrintable(stored.fullText()));

    const QMap<QString, QString> env{{QStringLiteral("XDG_CONFIG_HOME"), config.path()}};
    const Result listed = eciCtl({QStringLiteral("--account"), account.name, QStringLiteral("list"),
                                  QStringLiteral("--json")},
                                 env);
    const Result unknown = eciCtl(
        {QStringLiteral("--account"), QStringLiteral("nobody"), QStringLiteral("list")}, env);
    run(keychain.remove(account.secretKey()));
    const Result noSecret =
        eciCtl({QStringLiteral("--account"), account.name, QStringLiteral("list")}, env);

    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QVERIFY(QJsonDocument::fromJson(listed.out).isArray());
    QVERIFY(!listed.out.contains(EciEmulatorProcess::accessKeySecret().toUtf8()));
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains("nobody"));
    QCOMPARE(noSecret.exitCode, 1);
    QVERIFY(!noSecret.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxctl)
#include "tst_sandboxctl.moc"
