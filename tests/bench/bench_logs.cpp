// bench_logs: a big container log through DockerLogStream into LogBuffer, then a search over
// it, each beside the reference tool (docker logs, grep -c) in the same run; then, in the GUI
// build, the longest UI-thread stall of a log window following a container that writes about
// 100 000 lines a second.
//   bench_logs [--lines N] [--memory-limit MIB] [--log-driver DRIVER] [--container ID] [--keep]
//              [--skip-cli] [--skip-follow] [--follow-only] [--follow-seconds S]
// Needs DOCKER_HOST and SANDBOXDESK_TEST_IMAGE. A container it made is removed afterwards
// unless --keep; --container reuses one (from --keep) instead of printing the lines again.
#include "BenchSupport.h"
#include "docker/DockerBackend.h"
#include "docker/DockerEndpoint.h"
#include "logs/LogBuffer.h"
#include "logs/LogExporter.h"
#include "logs/LogSearch.h"

#ifdef SANDBOXDESK_BENCH_GUI
#include "logs/LogView.h"
#include "logs/LogWindow.h"

#include <QApplication>
#endif

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

namespace {

QByteArray run(const QString& program, const QStringList& arguments, double* seconds = nullptr,
               bool discardOutput = false)
{
    QProcess process;
    if (discardOutput)
        process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(-1);
    if (seconds)
        *seconds = timer.nsecsElapsed() / 1e9;
    if (process.exitCode() != 0)
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

QString startContainer(const QString& image, const QString& driver, const QString& script)
{
    QStringList arguments{QStringLiteral("run"),          QStringLiteral("-d"),
                          QStringLiteral("--network"),    QStringLiteral("none"),
                          QStringLiteral("--log-driver"), driver};
    // The local driver keeps 100 MB by default and drops older lines past that.
    if (driver == QLatin1String("local") || driver == QLatin1String("json-file"))
        arguments << QStringLiteral("--log-opt") << QStringLiteral("max-size=16g");
    arguments << image << QStringLiteral("sh") << QStringLiteral("-c") << script;
    return QString::fromUtf8(run(QStringLiteral("docker"), arguments)).trimmed();
}

#ifdef SANDBOXDESK_BENCH_GUI
qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// A log window follows a container writing batches of 10 000 lines ten times a second; a timer
// that should fire every millisecond records the longest gap between its ticks.
void benchFollow(DockerBackend& backend, const QString& image, int seconds)
{
    const int batches = seconds * 10;
    // Batch i is due at i tenths of a second (/proc/uptime counts hundredths); a batch that is
    // late goes at once, so the rate holds on average when the machine can keep up.
    const QString script =
        QStringLiteral("sleep 2; read up rest < /proc/uptime; t0=${up%.*}${up#*.}; i=0; "
                       "while [ $i -lt %1 ]; do yes "
                       "'follow 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ "
                       "abcdefghijklmnopqrstuvwxyz 0123' | head -n 10000; i=$((i+1)); "
                       "read up rest < /proc/uptime; now=${up%.*}${up#*.}; "
                       "left=$(( (t0 + i * 10 - now) * 10000 )); "
                       "if [ $left -gt 0 ]; then usleep $left; fi; done; sleep 3600")
            .arg(batches);
    const QString id = startContainer(image, QStringLiteral("local"), script);
    if (id.isEmpty())
        return;
    BenchSupport::waitUntil([&] { return backend.sandbox(id).id == id; }, 10000);
    Sandbox sandbox = backend.sandbox(id);
    sandbox.id = id;
    LogWindow window(&backend, sandbox);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.resize(1200, 800);
    window.show();

    const qint64 expected = qint64(batches) * 10000;
    // Wall time between ticks, and the UI thread's CPU time in it: a long gap with little CPU
    // time is the thread waiting for a core (the machine is shared), not work it did.
    std::vector<qint64> gaps;
    std::vector<qint64> busyGaps;
    qint64 longestGap = 0;
    qint64 longestGapBusy = 0;
    qint64 lastCpu = threadCpuNs();
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    qint64 firstLineAt = -1;
    qint64 lastLineAt = -1;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, &heartbeat, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 count = window.buffer().count();
        if (count > 0 && firstLineAt < 0)
            firstLineAt = now;
        const qint64 cpu = threadCpuNs();
        if (firstLineAt >= 0 && lastLineAt < 0) {
            if (now - last > longestGap) {
                longestGap = now - last;
                longestGapBusy = cpu - lastCpu;
            }
            gaps.push_back(now - last);
            busyGaps.push_back(cpu - lastCpu);
        }
        lastCpu = cpu;
        if (count >= expected && lastLineAt < 0)
            lastLineAt = now;
        last = now;
    });
    heartbeat.start();
    BenchSupport::waitUntil([&] { return lastLineAt >= 0; }, (seconds + 120) * 1000);
    heartbeat.stop();
    const qint64 received = window.buffer().count();
    if (lastLineAt < 0)
        lastLineAt = clock.nsecsElapsed();
    std::sort(gaps.begin(), gaps.end());
    std::sort(busyGaps.begin(), busyGaps.end());
    const auto gapMs = [&](double quantile) {
        if (gaps.empty())
            return 0.0;
        return gaps[std::min(gaps.size() - 1, size_t(quantile * double(gaps.size())))] / 1e6;
    };
    const double followSeconds = (lastLineAt - firstLineAt) / 1e9;
    std::printf("follow_lines_expected: %lld\n", qlonglong(expected));
    std::printf("follow_lines_received: %lld\n", qlonglong(received));
    std::printf("follow_s: %.2f\n", followSeconds);
    std::printf("follow_lines_per_s: %.0f\n", double(received) / qMax(0.001, followSeconds));
    std::printf("follow_view_rows: %lld\n", qlonglong(window.view()->rowCount()));
    std::printf("ui_heartbeat_ticks: %zu\n", gaps.size());
    std::printf("ui_gap_p50_ms: %.2f\n", gapMs(0.5));
    std::printf("ui_gap_p99_ms: %.2f\n", gapMs(0.99));
    std::printf("ui_longest_stall_ms: %.2f (goal <= 16)\n", gaps.empty() ? 0.0 : gaps.back() / 1e6);
    std::printf("ui_longest_stall_cpu_ms: %.2f\n", longestGapBusy / 1e6);
    std::printf("ui_longest_busy_between_ticks_ms: %.2f\n",
                busyGaps.empty() ? 0.0 : busyGaps.back() / 1e6);
    std::printf(
        "ui_busy_p99_ms: %.2f\n",
        busyGaps.empty()
            ? 0.0
            : busyGaps[std::min(busyGaps.size() - 1, size_t(0.99 * double(busyGaps.size())))] /
                  1e6);
    run(QStringLiteral("docker"), {QStringLiteral("rm"), QStringLiteral("-f"), id});
}
#endif

double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + now.tv_nsec / 1e9;
}

} // namespace

int main(int argc, char* argv[])
{
#ifdef SANDBOXDESK_BENCH_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    qint64 lines = 10000000;
    qint64 memoryLimitMiB = LogBuffer::DefaultMemoryLimit / (1024 * 1024);
    QString driver = QStringLiteral("local");
    QString container;
    bool keep = false;
    bool skipCli = false;
    bool follow = true;
    bool followOnly = false;
    int followSeconds = 10;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--lines") && hasValue)
            lines = args.at(++i).toLongLong();
        else if (arg == QLatin1String("--memory-limit") && hasValue)
            memoryLimitMiB = args.at(++i).toLongLong();
        else if (arg == QLatin1String("--log-driver") && hasValue)
            driver = args.at(++i);
        else if (arg == QLatin1String("--container") && hasValue)
            container = args.at(++i);
        else if (arg == QLatin1String("--follow-seconds") && hasValue)
            followSeconds = args.at(++i).toInt();
        else if (arg == QLatin1String("--keep"))
            keep = true;
        else if (arg == QLatin1String("--skip-cli"))
            skipCli = true;
        else if (arg == QLatin1String("--skip-follow"))
            follow = false;
        else if (arg == QLatin1String("--follow-only"))
            followOnly = true;
    }
    const QString image = qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
    if (qEnvironmentVariableIsEmpty("DOCKER_HOST") || image.isEmpty()) {
        std::fprintf(stderr, "Set DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (see README).\n");
        return 1;
    }
    const QString docker = QStringLiteral("docker");
    std::printf("load: %s\n", run(QStringLiteral("uptime"), {}).trimmed().constData());

    const auto choice = DockerEndpoint(QProcessEnvironment::systemEnvironment()).primary();
    DockerBackend backend(QStringLiteral("bench"), choice.source, choice.endpoint);
    backend.connectToBackend();
    if (!BenchSupport::waitUntil([&] { return backend.state() == Backend::State::Connected; },
                                 30000)) {
        std::fprintf(stderr, "no engine\n");
        return 1;
    }

    if (followOnly) {
#ifdef SANDBOXDESK_BENCH_GUI
        benchFollow(backend, image, followSeconds);
        return 0;
#else
        std::fprintf(stderr, "--follow-only needs the GUI build\n");
        return 1;
#endif
    }

    // 100 bytes and a newline a line; one line in a thousand holds the word searched for.
    QElapsedTimer timer;
    timer.start();
    QString id = container;
    if (id.isEmpty()) {
        const QString script =
            QStringLiteral("seq 1 ") + QString::number(lines) +
            QStringLiteral(" | awk '{ printf \"%010d %s %s\\n\", $1, ($1 % 1000 == 0) ? "
                           "\"needle\" : \"hay...\", \"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
                           "OPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123\" }'");
        id = startContainer(image, driver, script);
        if (id.isEmpty())
            return 1;
        run(docker, {QStringLiteral("wait"), id});
        std::printf("setup_generate_s: %.1f\n", timer.elapsed() / 1000.0);
    }
    std::printf("container: %s\n", qPrintable(id));
    std::printf("lines: %lld\n", qlonglong(lines));
    std::printf("log_driver: %s\n", qPrintable(driver));

    double cliSeconds = 0;
    double cliStampedSeconds = 0;
    if (!skipCli) {
        run(docker, {QStringLiteral("logs"), id}, &cliSeconds, true);
        run(docker, {QStringLiteral("logs"), QStringLiteral("-t"), id}, &cliStampedSeconds, true);
    }

    const qint64 rssBefore = BenchSupport::residentBytes();
    const auto buffer = std::make_shared<LogBuffer>(memoryLimitMiB * 1024 * 1024);
    LogOptions options;
    options.follow = false;
    bool done = false;
    const double cpuBefore = processCpuSeconds();
    timer.restart();
    LogStream* stream = backend.openLogs(id, options);
    QObject::connect(stream, &LogStream::received, stream,
                     [&buffer](LogStream::Stream which, const QByteArray& bytes, qint64 time) {
                         buffer->append(which, bytes, time);
                     });
    QObject::connect(stream, &LogStream::ended, stream, [&] { done = true; });
    QObject::connect(stream, &LogStream::failed, stream, [&](const Error& error) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(error.fullText()));
        done = true;
    });
    BenchSupport::waitUntil([&] { return done; }, 3600 * 1000);
    buffer->flush();
    const double oursSeconds = timer.nsecsElapsed() / 1e9;
    // Far below the wall time: the engine, not this process, set the pace.
    const double oursCpuSeconds = processCpuSeconds() - cpuBefore;
    const double megabytes = (buffer->totalBytes() + buffer->count()) / 1e6;
    const qint64 rss = BenchSupport::residentBytes() - rssBefore;
    std::printf("ingested_lines: %lld%s\n", qlonglong(buffer->count()),
                buffer->count() == lines ? "" : " (MISSING LINES)");
    std::printf("ingested_mb: %.1f\n", megabytes);
    std::printf("ingest_s: %.2f\n", oursSeconds);
    std::printf("ingest_mb_per_s: %.1f\n", megabytes / oursSeconds);
    std::printf("ingest_cpu_s: %.2f\n", oursCpuSeconds);
    if (!skipCli) {
        std::printf("docker_logs_s: %.2f\n", cliSeconds);
        std::printf("docker_logs_t_s: %.2f\n", cliStampedSeconds);
        std::printf("ingest_ratio_vs_docker_logs: %.2f (goal <= 1.00)\n", oursSeconds / cliSeconds);
        std::printf("ingest_ratio_vs_docker_logs_t: %.2f\n", oursSeconds / cliStampedSeconds);
    }
    const double heldPlusIndex = double(buffer->memoryBytes()) + 8.0 * double(buffer->count());
    std::printf("memory_limit_mib: %lld\n", qlonglong(memoryLimitMiB));
    std::printf("buffer_memory_mib: %.1f\n", buffer->memoryBytes() / 1048576.0);
    std::printf("buffer_spilled_mib: %.1f\n", buffer->spilledBytes() / 1048576.0);
    std::printf("rss_growth_mib: %.1f\n", rss / 1048576.0);
    std::printf("held_plus_8_per_line_mib: %.1f\n", heldPlusIndex / 1048576.0);
    std::printf("rss_ratio_vs_held_plus_8_per_line: %.2f (goal <= 1.10 when it fits)\n",
                double(rss) / heldPlusIndex);
    std::printf("rss_bytes_per_line: %.1f\n",
                double(rss) / double(qMax<qint64>(1, buffer->count())));

    QTemporaryDir dir;
    const QString textFile = dir.filePath(QStringLiteral("log.txt"));
    LogExporter exporter(buffer);
    bool exported = false;
    timer.restart();
    QObject::connect(&exporter, &LogExporter::finished, &exporter, [&](const Error& error) {
        if (error.isError())
            std::fprintf(stderr, "export failed: %s\n", qPrintable(error.fullText()));
        exported = true;
    });
    exporter.exportAll(textFile, LogExporter::Format::PlainText);
    BenchSupport::waitUntil([&] { return exported; }, 3600 * 1000);
    std::printf("export_text_s: %.2f\n", timer.nsecsElapsed() / 1e9);

    // grep first, so that both read bytes that are in memory.
    double grepSeconds = 0;
    const QByteArray grepCount =
        run(QStringLiteral("grep"), {QStringLiteral("-c"), QStringLiteral("needle"), textFile},
            &grepSeconds);
    double grepNoCaseSeconds = 0;
    run(QStringLiteral("grep"), {QStringLiteral("-ci"), QStringLiteral("needle"), textFile},
        &grepNoCaseSeconds);
    double searchSeconds[2] = {};
    for (const auto& [index, sensitivity] :
         {std::pair{0, Qt::CaseSensitive}, std::pair{1, Qt::CaseInsensitive}}) {
        LogSearch search(buffer);
        bool finished = false;
        QObject::connect(&search, &LogSearch::finished, &search, [&] { finished = true; });
        timer.restart();
        search.start({QStringLiteral("needle"), LogSearch::Mode::Plain, sensitivity});
        BenchSupport::waitUntil([&] { return finished; }, 3600 * 1000);
        searchSeconds[index] = timer.nsecsElapsed() / 1e9;
        std::printf("search_%s_s: %.2f\n", index ? "plain_nocase" : "plain", searchSeconds[index]);
        std::printf("search_%s_matches: %lld\n", index ? "plain_nocase" : "plain",
                    qlonglong(search.matches().size()));
    }
    std::printf("grep_c_s: %.2f\n", grepSeconds);
    std::printf("grep_c_matches: %s\n", grepCount.trimmed().constData());
    std::printf("grep_ci_s: %.2f\n", grepNoCaseSeconds);
    std::printf("search_ratio_vs_grep_c: %.2f (goal <= 1.50)\n", searchSeconds[0] / grepSeconds);
    std::printf("search_nocase_ratio_vs_grep_ci: %.2f (goal <= 1.50)\n",
                searchSeconds[1] / grepNoCaseSeconds);
    delete stream;

#ifdef SANDBOXDESK_BENCH_GUI
    if (follow)
        benchFollow(backend, image, followSeconds);
#else
    Q_UNUSED(follow)
    Q_UNUSED(followSeconds)
#endif
    if (container.isEmpty() && !keep)
        run(docker, {QStringLiteral("rm"), QStringLiteral("-f"), id});
    return 0;
}
