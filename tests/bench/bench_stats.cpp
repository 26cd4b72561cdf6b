// bench_stats: 100 running containers shown in the sandbox table with live stats (one stream
// each, sparklines, totals), measured for a while: the process's CPU use and resident memory
// and the longest gap of a 1 ms timer on the UI thread; then `docker stats` itself following
// the same containers on the same engine, for its CPU use and memory. Needs DOCKER_HOST and
// SANDBOXDESK_TEST_IMAGE as scripts/test sets them; runs under the offscreen platform.
#include "BenchSupport.h"
#include "docker/DockerBackend.h"
#include "sandbox/SandboxTableModel.h"
#include "sandbox/StatsMonitor.h"
#include "window/SandboxFilterModel.h"
#include "window/SandboxTableView.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QTableView>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

namespace {

QByteArray run(const QStringList& arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.start(QStringLiteral("docker"), arguments);
    process.waitForFinished(timeoutMs);
    return process.readAllStandardOutput();
}

qint64 processCpuNs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000000000 +
           (qint64(usage.ru_utime.tv_usec) + usage.ru_stime.tv_usec) * 1000;
}

// utime + stime of another process, from /proc/PID/stat, in nanoseconds.
qint64 otherCpuNs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const qint64 ticks = fields.value(11).toLongLong() + fields.value(12).toLongLong();
    return ticks * 1000000000 / sysconf(_SC_CLK_TCK);
}

// Runs the event loop for ms milliseconds, sleeping while nothing happens (BenchSupport's
// waitUntil polls, which would add its own CPU use to what is measured).
void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = qEnvironmentVariableIntValue("SANDBOXDESK_BENCH_STATS_COUNT") > 0
                          ? qEnvironmentVariableIntValue("SANDBOXDESK_BENCH_STATS_COUNT")
                          : 100;
    const int seconds = 30;
    const QString image = qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
    const QString host = qEnvironmentVariable("DOCKER_HOST");
    if (image.isEmpty() || host.isEmpty()) {
        std::fprintf(stderr, "bench_stats: set DOCKER_HOST and SANDBOXDESK_TEST_IMAGE\n");
        return 1;
    }
    const QString prefix =
        QStringLiteral("bstats-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    QStringList names;
    for (int i = 0; i < count; ++i)
        names << QStringLiteral("%1-%2").arg(prefix).arg(i, 3, 10, QLatin1Char('0'));
    // Eight at a time: the engine makes containers faster in parallel.
    for (qsizetype at = 0; at < names.size(); at += 8) {
        QList<QProcess*> starting;
        for (qsizetype i = at; i < std::min(names.size(), at + 8); ++i) {
            auto* process = new QProcess;
            process->start(QStringLiteral("docker"),
                           {QStringLiteral("run"), QStringLiteral("-d"),
                            QStringLiteral("--network"), QStringLiteral("none"),
                            QStringLiteral("--name"), names.at(i), image, QStringLiteral("sleep"),
                            QStringLiteral("3600")});
            starting << process;
        }
        for (QProcess* process : starting) {
            process->waitForFinished(120000);
            delete process;
        }
    }
    std::printf("containers: %d running\n", count);

    DockerBackend backend(QStringLiteral("bench"), QStringLiteral("bench"),
                          Endpoint::fromUrl(host));
    backend.connectToBackend();
    SandboxTableModel model;
    model.addBackend(&backend);
    SandboxTableView view(&model);
    view.filter()->setSearchText(prefix);
    // Tall enough that every row is on screen, so that every row is watched.
    view.resize(1400, (count + 4) * view.table()->verticalHeader()->defaultSectionSize() + 120);
    view.show();
    StatsMonitor* monitor = view.stats();
    if (!BenchSupport::waitUntil(
            [&] {
                if (view.filter()->rowCount() < count)
                    return false;
                int measured = 0;
                for (const Sandbox& s : backend.sandboxes()) {
                    ResourceSample sample;
                    measured += monitor->latest(s.backendId, s.id, &sample) ? 1 : 0;
                }
                return measured >= count;
            },
            180000)) {
        std::printf("not every row was measured within 3 minutes (%d streams open)\n",
                    monitor->openStreams());
    }
    std::printf("streams open: %d\n", monitor->openStreams());

    // CPU and memory first, with nothing else running in the process: the 1 ms heartbeat that
    // measures the UI thread's gaps costs CPU of its own, so it runs afterwards.
    QElapsedTimer quiet;
    quiet.start();
    const qint64 quietCpuBefore = processCpuNs();
    runFor(seconds * 1000);
    const double quietCpuS = double(processCpuNs() - quietCpuBefore) / 1e9;
    const double quietWallS = double(quiet.nsecsElapsed()) / 1e9;

    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    qint64 longestGap = 0;
    std::vector<qint64> gaps;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, &heartbeat, [&] {
        const qint64 now = clock.nsecsElapsed();
        longestGap = std::max(longestGap, now - last);
        gaps.push_back(now - last);
        last = now;
    });
    const qint64 cpuBefore = processCpuNs();
    const qint64 wallBefore = clock.nsecsElapsed();
    heartbeat.start();
    runFor(seconds * 1000);
    heartbeat.stop();
    const double wallS = double(clock.nsecsElapsed() - wallBefore) / 1e9;
    const double cpuS = double(processCpuNs() - cpuBefore) / 1e9;
    std::sort(gaps.begin(), gaps.end());
    const auto gapMs = [&](double q) {
        return gaps.empty()
                   ? 0.0
                   : gaps[std::min(gaps.size() - 1, size_t(q * double(gaps.size())))] / 1e6;
    };
    std::printf("sandboxdesk (table, %d rows with live stats, %d s each part):\n", count, seconds);
    std::printf("  cpu: %.1f %% of one core\n", quietCpuS / quietWallS * 100.0);
    std::printf("  cpu with the 1 ms heartbeat running: %.1f %% of one core\n",
                cpuS / wallS * 100.0);
    std::printf("  rss: %.1f MiB\n", double(BenchSupport::residentBytes()) / 1048576.0);
    std::printf("  ui_gap_p50_ms: %.2f, ui_gap_p99_ms: %.2f, ui_longest_gap_ms: %.2f\n", gapMs(0.5),
                gapMs(0.99), double(longestGap) / 1e6);
    view.hide();
    BenchSupport::waitUntil([&] { return monitor->openStreams() == 0; }, 5000);
    std::printf("  streams open after the view hid: %d\n", monitor->openStreams());

    // docker stats itself, following the same containers.
    QProcess reference;
    reference.setStandardOutputFile(QProcess::nullDevice());
    reference.start(QStringLiteral("docker"), QStringList{QStringLiteral("stats")} + names);
    reference.waitForStarted();
    runFor(5000); // let it open its streams
    const qint64 referenceCpuBefore = otherCpuNs(reference.processId());
    QElapsedTimer referenceClock;
    referenceClock.start();
    qint64 referenceRss = 0;
    while (referenceClock.elapsed() < seconds * 1000) {
        runFor(1000);
        referenceRss = std::max(
            referenceRss, BenchSupport::residentBytes(QString::number(reference.processId())));
    }
    const double referenceCpuS =
        double(otherCpuNs(reference.processId()) - referenceCpuBefore) / 1e9;
    const double referenceWallS = double(referenceClock.elapsed()) / 1000.0;
    reference.kill();
    reference.waitForFinished(5000);
    std::printf("docker stats (same %d containers, %d s):\n", count, seconds);
    std::printf("  cpu: %.1f %% of one core\n", referenceCpuS / referenceWallS * 100.0);
    std::printf("  rss: %.1f MiB (peak)\n", double(referenceRss) / 1048576.0);

    run(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + names, 300000);
    return 0;
}
