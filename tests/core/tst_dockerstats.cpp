#include "docker/DockerStats.h"

#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestDockerStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cgroupV1();
    void cgroupV2();
    void primingAndStopped();
    void idleContainerIsZeroPercent();
    void lineErrorsInTheEnginesWords();
};

void TestDockerStats::cgroupV1()
{
    // As Docker 20.10 sends it on a cgroup v1 host: capitalised operations, total_* counters.
    const QByteArray json = R"({"read":"2026-12-03T06:20:01.5Z","preread":"2026-12-03T06:20:00.5Z",
        "pids_stats":{"current":3},
        "blkio_stats":{"io_service_bytes_recursive":[
            {"major":8,"minor":0,"op":"Read","value":4096},{"major":8,"minor":0,"op":"Write","value":8192},
            {"major":8,"minor":0,"op":"Sync","value":12288},{"major":8,"minor":0,"op":"Total","value":12288},
            {"major":8,"minor":16,"op":"Read","value":1000}]},
        "cpu_stats":{"cpu_usage":{"total_usage":2000000000,"percpu_usage":[1,2]},
                     "system_cpu_usage":20000000000,"online_cpus":2},
        "precpu_stats":{"cpu_usage":{"total_usage":1500000000},"system_cpu_usage":18000000000,
                        "online_cpus":2},
        "memory_stats":{"usage":104857600,"limit":268435456,
                        "stats":{"total_inactive_file":4194304,"cache":8388608,"inactive_file":1}},
        "networks":{"eth0":{"rx_bytes":1000,"tx_bytes":500},"eth1":{"rx_bytes":24,"tx_bytes":12}}})";
    ResourceSample sample;
    QCOMPARE(DockerStats::read(object(json), &sample), DockerStats::Reading::Sample);
    // 0.5 s of CPU over 2 s of two CPUs' time: 0.25 × 2 × 100.
    QCOMPARE(sample.cpuPercent, 50.0);
    QCOMPARE(sample.memoryBytes, 104857600 - 4194304);
    QCOMPARE(sample.memoryLimitBytes, 268435456);
    QCOMPARE(sample.networkRxBytes, 1024);
    QCOMPARE(sample.networkTxBytes, 512);
    QCOMPARE(sample.blockReadBytes, 5096);
    QCOMPARE(sample.blockWriteBytes, 8192);
    QCOMPARE(sample.pids, 3);
    QCOMPARE(sample.time, QDateTime(QDate(2026, 12, 3), QTime(6, 20, 1, 500), Qt::UTC));
}

void TestDockerStats::cgroupV2()
{
    // cgroup v2: lower-case operations, inactive_file, and an engine that leaves out online_cpus.
    const QByteArray json = R"({"read":"2026-12-03T06:20:01Z",
        "pids_stats":{"current":12},
        "blkio_stats":{"io_service_bytes_recursive":[
            {"major":254,"minor":0,"op":"read","value":300},{"major":254,"minor":0,"op":"write","value":700}]},
        "cpu_stats":{"cpu_usage":{"total_usage":4000000000,"percpu_usage":[1,2,3,4]},
                     "system_cpu_usage":110000000000},
        "precpu_stats":{"cpu_usage":{"total_usage":3000000000},"system_cpu_usage":100000000000},
        "memory_stats":{"usage":50000000,"limit":1000000000,"stats":{"inactive_file":10000000}},
        "networks":{"eth0":{"rx_bytes":5,"tx_bytes":7}}})";
    ResourceSample sample;
    QCOMPARE(DockerStats::read(object(json), &sample), DockerStats::Reading::Sample);
    QCOMPARE(sample.cpuPercent, 40.0); // 1e9 / 1e10 × 4 CPUs × 100
    QCOMPARE(sample.memoryBytes, 40000000);
    QCOMPARE(sample.blockReadBytes, 300);
    QCOMPARE(sample.blockWriteBytes, 700);
    QCOMPARE(sample.pids, 12);

    // inactive_file larger than usage (a race in the kernel's counters): usage as it is.
    const QByteArray odd =
        R"({"cpu_stats":{"system_cpu_usage":2},"precpu_stats":{"system_cpu_usage":1},
        "memory_stats":{"usage":100,"stats":{"inactive_file":200}}})";
    QCOMPARE(DockerStats::read(object(odd), &sample), DockerStats::Reading::Sample);
    QCOMPARE(sample.memoryBytes, 100);
}

void TestDockerStats::primingAndStopped()
{
    ResourceSample sample;
    sample.pids = 99;
    const QByteArray first = R"({"read":"2026-12-03T06:20:01Z",
        "cpu_stats":{"cpu_usage":{"total_usage":5},"system_cpu_usage":10,"online_cpus":1},
        "precpu_stats":{"cpu_usage":{"total_usage":0},"system_cpu_usage":0},
        "memory_stats":{"usage":10}})";
    QCOMPARE(DockerStats::read(object(first), &sample), DockerStats::Reading::Priming);
    const QByteArray stopped = R"({"read":"0001-01-01T00:00:00Z","preread":"0001-01-01T00:00:00Z",
        "pids_stats":{},"blkio_stats":{},"cpu_stats":{"cpu_usage":{"total_usage":0},"throttling_data":{}},
        "precpu_stats":{"cpu_usage":{"total_usage":0}},"memory_stats":{},
        "name":"/x","id":"abc"})";
    QCOMPARE(DockerStats::read(object(stopped), &sample), DockerStats::Reading::NotRunning);
    QCOMPARE(sample.pids, 99); // untouched unless it is a sample
}

void TestDockerStats::idleContainerIsZeroPercent()
{
    const QByteArray json =
        R"({"cpu_stats":{"cpu_usage":{"total_usage":7},"system_cpu_usage":20,"online_cpus":2},
        "precpu_stats":{"cpu_usage":{"total_usage":7},"system_cpu_usage":10},"memory_stats":{"usage":1}})";
    ResourceSample sample;
    QCOMPARE(DockerStats::read(object(json), &sample), DockerStats::Reading::Sample);
    QCOMPARE(sample.cpuPercent, 0.0);
}

void TestDockerStats::lineErrorsInTheEnginesWords()
{
    const Error tooLong = DockerStats::lineError(JsonLines::Problem::TooLong, {});
    QCOMPARE(tooLong.kind, Error::Protocol);
    QCOMPARE(tooLong.message, QStringLiteral("The engine sent a stats line that is too long."));
    const Error garbage =
        DockerStats::lineError(JsonLines::Problem::NotJson, QStringLiteral("illegal value"));
    QCOMPARE(garbage.kind, Error::Protocol);
    QCOMPARE(garbage.message, QStringLiteral("The engine sent stats that are not JSON."));
    QVERIFY(garbage.fullText().contains(QStringLiteral("illegal value")));
}

QTEST_GUILESS_MAIN(TestDockerStats)
#include "tst_dockerstats.moc"
