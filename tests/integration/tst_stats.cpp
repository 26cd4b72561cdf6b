#include "BackendFixture.h"
#include "EciBackendFixture.h"
#include "sandbox/StatsStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace DockerTestEnvironment;

namespace {

// A size as the docker CLI prints it: "38.2MiB", "1.5GiB" (binary) or "12.3kB" (decimal).
double cliSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9.e+]+)([A-Za-z]*)$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return -1;
    static const QHash<QString, double> units = {
        {QStringLiteral("B"), 1},
        {QStringLiteral("KiB"), 1024.0},
        {QStringLiteral("MiB"), 1024.0 * 1024},
        {QStringLiteral("GiB"), 1024.0 * 1024 * 1024},
        {QStringLiteral("kB"), 1000.0},
        {QStringLiteral("MB"), 1e6},
        {QStringLiteral("GB"), 1e9},
    };
    if (!units.contains(match.captured(2)))
        return -1;
    return match.captured(1).toDouble() * units.value(match.captured(2));
}

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

struct CliStats
{
    double cpuPercent = -1;
    double memoryBytes = -1;
    double memoryLimitBytes = -1;
    QString memoryText; // "38.18MiB / 256MiB"
    int pids = -1;
};

// docker stats --no-stream for one container, as the CLI computes it.
CliStats cliStats(const QString& id)
{
    const Result result = docker({QStringLiteral("stats"), QStringLiteral("--no-stream"),
                                  QStringLiteral("--format"), QStringLiteral("{{json .}}"), id});
    CliStats stats;
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    if (result.exitCode != 0 || object.isEmpty())
        return stats;
    QString cpu = object.value(QLatin1String("CPUPerc")).toString();
    cpu.chop(1);
    stats.cpuPercent = cpu.toDouble();
    stats.memoryText = object.value(QLatin1String("MemUsage")).toString();
    const QStringList memory = stats.memoryText.split(QLatin1String(" / "));
    if (memory.size() == 2) {
        stats.memoryBytes = cliSize(memory.at(0));
        stats.memoryLimitBytes = cliSize(memory.at(1));
    }
    stats.pids = object.value(QLatin1String("PIDs")).toString().toInt();
    return stats;
}

QString createRunning(const QStringList& command, const QString& prefix)
{
    const Result created =
        docker(QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                           uniqueName(prefix), QStringLiteral("--network"), QStringLiteral("none"),
                           QStringLiteral("--memory"), QStringLiteral("256m"), image()} +
               command);
    return created.exitCode == 0 ? QString::fromUtf8(created.out).trimmed() : QString();
}

// Samples from a stream, kept for the test to look at.
struct Collector
{
    explicit Collector(StatsStream* opened)
        : stream(opened)
    {
        QObject::connect(opened, &StatsStream::sampled, opened,
                         [this](const ResourceSample& sample) { samples << sample; });
        QObject::connect(opened, &StatsStream::ended, opened, [this] { ended = true; });
        QObject::connect(opened, &StatsStream::failed, opened,
                         [this](const Error& e) { error = e; });
    }
    std::unique_ptr<StatsStream> stream;
    QList<ResourceSample> samples;
    bool ended = false;
    Error error;
};

} // namespace

class TestStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agreesWithDockerStats();
    void idleSandboxIsIdle();
    void endsWhenTheSandboxStops();
    void unknownSandboxFails();
    void sandboxctlStats();
    void eciThroughTheEmulator();

private:
    std::unique_ptr<DockerBackend> m_backend;
    QStringList m_created;
};

void TestStats::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QVERIFY(
        QTest::qWaitFor([&] { return m_backend->state() == Backend::State::Connected; }, 20000));
    QVERIFY(m_backend->capabilities() & Backend::HasLiveStats);
}

void TestStats::cleanupTestCase()
{
    if (!m_created.isEmpty())
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + m_created);
}

void TestStats::agreesWithDockerStats()
{
    // A known load: one core kept busy, and 40 MB written into the container's /dev/shm (tmpfs
    // counts as memory in use, never as reclaimable page cache).
    const QString id = createRunning({QStringLiteral("sh"), QStringLiteral("-c"),
                                      QStringLiteral("head -c 40000000 /dev/zero > /dev/shm/fill; "
                                                     "while :; do :; done")},
                                     QStringLiteral("stats-busy"));
    QVERIFY(!id.isEmpty());
    m_created << id;
    Collector ours(m_backend->openStats(id));
    QVERIFY(ours.stream);
    ours.stream->start();
    // Let the load settle, then measure with both at the same time.
    QVERIFY2(QTest::qWaitFor([&] { return ours.samples.size() >= 3; }, 20000),
             qPrintable(ours.error.fullText()));
    const qsizetype before = ours.samples.size();
    const CliStats theirs = cliStats(id);
    QVERIFY(QTest::qWaitFor([&] { return ours.samples.size() >= before + 1; }, 10000));
    QVERIFY(!ours.error.isError());
    QVERIFY2(theirs.cpuPercent >= 0, "docker stats --no-stream gave nothing");

    // CPU over the samples taken while the CLI measured (the machine is shared, so each interval
    // differs a little); the busy loop must show as one busy core in both.
    double cpu = 0;
    for (qsizetype i = before - 1; i < ours.samples.size(); ++i)
        cpu += ours.samples.at(i).cpuPercent;
    cpu /= double(ours.samples.size() - before + 1);
    qInfo("CPU %%: ours %.2f, docker stats %.2f", cpu, theirs.cpuPercent);
    // The machine running the tests may be busy with other work: the loop gets what is left.
    QVERIFY2(cpu > 10 && theirs.cpuPercent > 10, "the busy loop does not show as busy");
    QVERIFY2(qAbs(cpu - theirs.cpuPercent) < 15, "CPU % differs from docker stats");

    const ResourceSample& last = ours.samples.last();
    qInfo("memory: ours %lld of %lld, docker stats %s", last.memoryBytes, last.memoryLimitBytes,
          qPrintable(theirs.memoryText));
    QVERIFY2(last.memoryBytes > 40000000, "the 40 MB in /dev/shm is not counted");
    // The CLI prints four significant digits; the rest is what changed in between.
    QVERIFY2(qAbs(double(last.memoryBytes) - theirs.memoryBytes) < 0.02 * theirs.memoryBytes,
             "memory in use differs from docker stats");
    QCOMPARE(last.memoryLimitBytes, 256 * 1024 * 1024);
    QCOMPARE(theirs.memoryLimitBytes, 256.0 * 1024 * 1024);
    QCOMPARE(last.pids, theirs.pids);
    QVERIFY(last.pids >= 1);
    QVERIFY(last.time.isValid());
    QVERIFY(qAbs(last.time.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    ours.stream->stop();
    const qsizetype stopped = ours.samples.size();
    QTest::qWait(2500);
    QCOMPARE(ours.samples.size(), stopped); // nothing after stop()
    QVERIFY(!ours.ended);
}

void TestStats::idleSandboxIsIdle()
{
    const QString id = createRunning({QStringLiteral("sleep"), QStringLiteral("600")},
                                     QStringLiteral("stats-idle"));
    QVERIFY(!id.isEmpty());
    m_created << id;
    Collector ours(m_backend->openStats(id));
    ours.stream->start();
    QVERIFY2(QTest::qWaitFor([&] { return ours.samples.size() >= 2; }, 20000),
             qPrintable(ours.error.fullText()));
    const CliStats theirs = cliStats(id);
    QVERIFY(ours.samples.last().cpuPercent < 5);
    QVERIFY(theirs.cpuPercent >= 0 && theirs.cpuPercent < 5);
    QCOMPARE(ours.samples.last().pids, theirs.pids);
    QCOMPARE(ours.samples.last().networkRxBytes, 0); // --network none
}

void TestStats::endsWhenTheSandboxStops()
{
    const QString id = createRunning({QStringLiteral("sleep"), QStringLiteral("600")},
                                     QStringLiteral("stats-stop"));
    QVERIFY(!id.isEmpty());
    m_created << id;
    Collector ours(m_backend->openStats(id));
    ours.stream->start();
    QVERIFY(QTest::qWaitFor([&] { return !ours.samples.isEmpty(); }, 20000));
    QCOMPARE(docker({QStringLiteral("kill"), id}).exitCode, 0);
    QVERIFY(QTest::qWaitFor([&] { return ours.ended; }, 20000));
    QVERIFY(!ours.error.isError());
}

void TestStats::unknownSandboxFails()
{
    Collector ours(m_backend->openStats(QStringLiteral("no-such-sandbox-here")));
    ours.stream->start();
    QVERIFY(QTest::qWaitFor([&] { return ours.error.isError(); }, 20000));
    QCOMPARE(ours.error.kind, Error::NotFound);
    QVERIFY(!ours.ended);
}

void TestStats::sandboxctlStats()
{
    const QString busy = createRunning({QStringLiteral("sh"), QStringLiteral("-c"),
                                        QStringLiteral("head -c 30000000 /dev/zero > /dev/shm/f; "
                                                       "while :; do :; done")},
                                       QStringLiteral("ctl-stats-busy"));
    const QString idle = createRunning({QStringLiteral("sleep"), QStringLiteral("600")},
                                       QStringLiteral("ctl-stats-idle"));
    QVERIFY(!busy.isEmpty() && !idle.isEmpty());
    m_created << busy << idle;
    QTest::qWait(2000); // the busy loop has begun and /dev/shm is filled

    // Both measured at the same time, over about the same second.
    QProcess ctl;
    ctl.start(QStringLiteral(SANDBOXCTL_PATH),
              {QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("--json"),
               busy.left(12), idle});
    const CliStats theirs = cliStats(busy);
    QVERIFY(ctl.waitForFinished(60000));
    const Result json{ctl.exitCode(), ctl.readAllStandardOutput(), ctl.readAllStandardError()};
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(array.size(), 2);
    const QJsonObject busyRow = array.at(0).toObject();
    const QJsonObject idleRow = array.at(1).toObject();
    QCOMPARE(busyRow.value(QLatin1String("id")).toString(), busy);
    QCOMPARE(idleRow.value(QLatin1String("id")).toString(), idle);
    QVERIFY(busyRow.value(QLatin1String("measured")).toBool());
    const double cpu = busyRow.value(QLatin1String("cpuPercent")).toDouble();
    qInfo("sandboxctl stats: CPU %.2f%%, docker stats %.2f%%", cpu, theirs.cpuPercent);
    QVERIFY(cpu > 10 && qAbs(cpu - theirs.cpuPercent) < 15);
    const double memory = busyRow.value(QLatin1String("memoryBytes")).toDouble();
    QVERIFY(memory > 30000000 && qAbs(memory - theirs.memoryBytes) < 0.02 * theirs.memoryBytes);
    QCOMPARE(busyRow.value(QLatin1String("memoryLimitBytes")).toDouble(), 256.0 * 1024 * 1024);
    QCOMPARE(busyRow.value(QLatin1String("memoryPercent")).toDouble(),
             memory / (256.0 * 1024 * 1024) * 100);
    QCOMPARE(busyRow.value(QLatin1String("pids")).toInt(), theirs.pids);
    QVERIFY(idleRow.value(QLatin1String("cpuPercent")).toDouble() < 5);

    // The table: docker stats' columns, its units ("256MiB"), one row per sandbox named.
    const Result table = sandboxctl({QStringLiteral("stats"), QStringLiteral("--no-stream"), idle});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    const QStringList lines =
        QString::fromUtf8(table.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QStringList headers = lines.first().split(QRegularExpression(QStringLiteral(" {3,}")));
    QCOMPARE(headers, (QStringList{QStringLiteral("ID"), QStringLiteral("NAME"),
                                   QStringLiteral("CPU %"), QStringLiteral("MEM USAGE / LIMIT"),
                                   QStringLiteral("MEM %"), QStringLiteral("NET I/O"),
                                   QStringLiteral("BLOCK I/O"), QStringLiteral("PIDS")}));
    const QStringList cells = lines.last().split(QRegularExpression(QStringLiteral(" {3,}")));
    QCOMPARE(cells.size(), 8);
    QCOMPARE(cells.at(0), idle.left(12));
    QVERIFY2(cells.at(3).endsWith(QLatin1String(" / 256MiB")), qPrintable(cells.at(3)));
    QCOMPARE(cells.at(5), QStringLiteral("0B / 0B")); // --network none
    QCOMPARE(cells.at(7), QString::number(cliStats(idle).pids));

    // Mistakes: an unknown option is a usage error, an unknown sandbox exit code 2.
    QCOMPARE(sandboxctl({QStringLiteral("stats"), QStringLiteral("--bogus")}).exitCode, 64);
    QCOMPARE(sandboxctl({QStringLiteral("stats"), QStringLiteral("--no-stream"),
                         QStringLiteral("no-such-sandbox-anywhere")})
                 .exitCode,
             2);

    // Streaming, as JSON lines: each line one sandbox's sample, until the sandbox stops.
    QProcess stream;
    stream.start(QStringLiteral(SANDBOXCTL_PATH),
                 {QStringLiteral("stats"), QStringLiteral("--json"), idle});
    QVERIFY(QTest::qWaitFor(
        [&] {
            stream.waitForReadyRead(100);
            return stream.bytesAvailable() > 0 && stream.canReadLine();
        },
        20000));
    const QJsonObject line = QJsonDocument::fromJson(stream.readLine()).object();
    QCOMPARE(line.value(QLatin1String("id")).toString(), idle);
    QCOMPARE(docker({QStringLiteral("kill"), idle}).exitCode, 0);
    QVERIFY(stream.waitForFinished(20000));
    QCOMPARE(stream.exitCode(), 0);
}

void TestStats::eciThroughTheEmulator()
{
    // ECI's metric API through the emulator, which measures the group's container on the engine.
    EciEmulatorProcess emulator{QStringLiteral(ECI_EMULATOR_PATH)};
    QVERIFY2(emulator.start(), emulator.log().constData());
    QNetworkAccessManager network;
    EciBackendConfig config;
    config.accountName = QStringLiteral("test");
    config.regionId = QStringLiteral("cn-stats");
    config.endpoint = emulator.endpoint();
    config.credentials = {
        EciEmulatorProcess::accessKeyId(), EciEmulatorProcess::accessKeySecret(), {}};
    config.pollIntervalMs = 200;
    config.statsIntervalMs = 1000;
    EciBackend backend(config, &network);
    QVERIFY(backend.capabilities() & Backend::HasLiveStats);
    backend.connectToBackend();
    QVERIFY(QTest::qWaitFor([&] { return backend.state() == Backend::State::Connected; }, 20000));
    SandboxSpec spec =
        eciSpec(uniqueName(QStringLiteral("eci-stats")), QStringLiteral("while :; do :; done"));
    spec.memoryBytes = 1024LL * 1024 * 1024;
    spec.cpus = 1;
    const EciOutcome created = awaitEci(backend.create(spec));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    const QString id = created.result.toString();
    QVERIFY(QTest::qWaitFor([&] { return backend.sandbox(id).status == SandboxStatus::Running; },
                            60000));

    Collector ours(backend.openStats(id));
    QVERIFY(ours.stream);
    ours.stream->start();
    // The emulator keeps a point per 15 s period once asked; two give a CPU rate.
    QVERIFY2(
        QTest::qWaitFor([&] { return ours.samples.size() >= 2 || ours.error.isError(); }, 90000),
        qPrintable(ours.error.fullText()));
    QVERIFY2(!ours.error.isError(), qPrintable(ours.error.fullText()));
    const ResourceSample& last = ours.samples.last();
    qInfo("ECI: CPU %.1f%%, memory %lld of %lld", last.cpuPercent, last.memoryBytes,
          last.memoryLimitBytes);
    QVERIFY(last.cpuPercent > 1); // the machine may be busy: the loop gets what is left
    QVERIFY(last.memoryBytes > 0);
    QCOMPARE(last.memoryLimitBytes, 1024LL * 1024 * 1024);
    for (qsizetype i = 1; i < ours.samples.size(); ++i)
        QVERIFY(ours.samples.at(i - 1).time < ours.samples.at(i).time); // each point once

    const EciOutcome removed = awaitEci(backend.remove(id, true));
    QVERIFY2(!removed.error.isError(), qPrintable(removed.error.fullText()));
    QVERIFY(QTest::qWaitFor([&] { return ours.ended || ours.error.isError(); }, 30000));
    QVERIFY2(!ours.error.isError(), qPrintable(ours.error.fullText()));
}

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
