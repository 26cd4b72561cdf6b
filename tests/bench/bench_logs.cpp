// bench_logs: a big container log through DockerLogStream into LogBuffer, then a search over
// it, each beside the reference tool (docker logs, grep -c) in the same run.
//   bench_logs [--lines N] [--memory-limit MIB] [--log-driver DRIVER]
// Needs DOCKER_HOST and SANDBOXDESK_TEST_IMAGE. The container is removed afterwards.
#include "BenchSupport.h"
#include "docker/DockerBackend.h"
#include "docker/DockerEndpoint.h"
#include "logs/LogBuffer.h"
#include "logs/LogExporter.h"
#include "logs/LogSearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

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

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    qint64 lines = 10000000;
    qint64 memoryLimitMiB = LogBuffer::DefaultMemoryLimit / (1024 * 1024);
    QString driver = QStringLiteral("json-file");
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lines"))
            lines = args.at(++i).toLongLong();
        else if (args.at(i) == QLatin1String("--memory-limit"))
            memoryLimitMiB = args.at(++i).toLongLong();
        else if (args.at(i) == QLatin1String("--log-driver"))
            driver = args.at(++i);
    }
    const QString image = qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
    if (qEnvironmentVariableIsEmpty("DOCKER_HOST") || image.isEmpty()) {
        std::fprintf(stderr, "Set DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (see README).\n");
        return 1;
    }
    const QString docker = QStringLiteral("docker");

    // 100 bytes and a newline a line; one line in a thousand holds the word searched for.
    const QString script =
        QStringLiteral("seq 1 ") + QString::number(lines) +
        QStringLiteral(
            " | awk '{ printf \"%010d %s %s\\n\", $1, ($1 % 1000 == 0) ? \"needle\" : "
            "\"hay...\", \"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij"
            "klmnopqrstuvwxyz0123\" }'");
    QElapsedTimer timer;
    timer.start();
    const QString id =
        QString::fromUtf8(
            run(docker, {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                         QStringLiteral("none"), QStringLiteral("--log-driver"), driver, image,
                         QStringLiteral("sh"), QStringLiteral("-c"), script}))
            .trimmed();
    if (id.isEmpty())
        return 1;
    run(docker, {QStringLiteral("wait"), id});
    std::printf("lines: %lld\n", qlonglong(lines));
    std::printf("log_driver: %s\n", qPrintable(driver));
    std::printf("setup_generate_s: %.1f\n", timer.elapsed() / 1000.0);

    double cliSeconds = 0;
    run(docker, {QStringLiteral("logs"), id}, &cliSeconds, true);
    double cliStampedSeconds = 0;
    run(docker, {QStringLiteral("logs"), QStringLiteral("-t"), id}, &cliStampedSeconds, true);

    const auto choice = DockerEndpoint(QProcessEnvironment::systemEnvironment()).primary();
    DockerBackend backend(QStringLiteral("bench"), choice.source, choice.endpoint);
    backend.connectToBackend();
    if (!BenchSupport::waitUntil([&] { return backend.state() == Backend::State::Connected; },
                                 30000)) {
        std::fprintf(stderr, "no engine\n");
        return 1;
    }
    const qint64 rssBefore = BenchSupport::residentBytes();
    LogBuffer buffer(memoryLimitMiB * 1024 * 1024);
    LogOptions options;
    options.follow = false;
    bool done = false;
    timer.restart();
    LogStream* stream = backend.openLogs(id, options);
    QObject::connect(stream, &LogStream::received, stream,
                     [&buffer](LogStream::Stream which, const QByteArray& bytes, qint64 time) {
                         buffer.append(which, bytes, time);
                     });
    QObject::connect(stream, &LogStream::ended, stream, [&] { done = true; });
    QObject::connect(stream, &LogStream::failed, stream, [&](const Error& error) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(error.fullText()));
        done = true;
    });
    BenchSupport::waitUntil([&] { return done; }, 3600 * 1000);
    buffer.flush();
    const double oursSeconds = timer.nsecsElapsed() / 1e9;
    const double megabytes = (buffer.totalBytes() + buffer.count()) / 1e6;
    const qint64 rss = BenchSupport::residentBytes() - rssBefore;
    std::printf("ingested_lines: %lld\n", qlonglong(buffer.count()));
    std::printf("ingested_mb: %.1f\n", megabytes);
    std::printf("ingest_s: %.2f\n", oursSeconds);
    std::printf("ingest_mb_per_s: %.1f\n", megabytes / oursSeconds);
    std::printf("docker_logs_s: %.2f\n", cliSeconds);
    std::printf("docker_logs_mb_per_s: %.1f\n", megabytes / cliSeconds);
    std::printf("docker_logs_t_s: %.2f\n", cliStampedSeconds);
    std::printf("ingest_ratio_vs_docker_logs: %.2f\n", oursSeconds / cliSeconds);
    std::printf("memory_limit_mib: %lld\n", qlonglong(memoryLimitMiB));
    std::printf("buffer_memory_mib: %.1f\n", buffer.memoryBytes() / 1048576.0);
    std::printf("buffer_spilled_mib: %.1f\n", buffer.spilledBytes() / 1048576.0);
    std::printf("rss_growth_mib: %.1f\n", rss / 1048576.0);
    std::printf("held_plus_8_per_line_mib: %.1f\n",
                (buffer.memoryBytes() + 8 * buffer.count()) / 1048576.0);
    std::printf("rss_bytes_per_line: %.1f\n",
                double(rss) / double(qMax<qint64>(1, buffer.count())));

    QTemporaryDir dir;
    const QString textFile = dir.filePath(QStringLiteral("log.txt"));
    LogExporter exporter(&buffer);
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

    for (const auto& [name, sensitivity] :
         {std::pair{"plain", Qt::CaseSensitive}, std::pair{"plain_nocase", Qt::CaseInsensitive}}) {
        LogSearch search(&buffer);
        bool finished = false;
        QObject::connect(&search, &LogSearch::finished, &search, [&] { finished = true; });
        timer.restart();
        search.start({QStringLiteral("needle"), LogSearch::Mode::Plain, sensitivity});
        BenchSupport::waitUntil([&] { return finished; }, 3600 * 1000);
        std::printf("search_%s_s: %.2f\n", name, timer.nsecsElapsed() / 1e9);
        std::printf("search_%s_matches: %lld\n", name, qlonglong(search.matches().size()));
    }
    double grepSeconds = 0;
    const QByteArray grepCount =
        run(QStringLiteral("grep"), {QStringLiteral("-c"), QStringLiteral("needle"), textFile},
            &grepSeconds);
    std::printf("grep_c_s: %.2f\n", grepSeconds);
    std::printf("grep_c_matches: %s\n", grepCount.trimmed().constData());
    double grepNoCaseSeconds = 0;
    run(QStringLiteral("grep"), {QStringLiteral("-ci"), QStringLiteral("needle"), textFile},
        &grepNoCaseSeconds);
    std::printf("grep_ci_s: %.2f\n", grepNoCaseSeconds);

    delete stream;
    run(docker, {QStringLiteral("rm"), QStringLiteral("-f"), id});
    return 0;
}
