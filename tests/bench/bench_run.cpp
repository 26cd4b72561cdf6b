// bench_run: a command's start to its first output byte and to its exit, through core's Run
// (the loader, setsid, the pid line), through a bare ExecSession, and through `docker exec`, on
// the same engine and container.
//   bench_run [--rounds N] [--jobs N] [--sandboxes N]
// Then N background jobs (default 100) started, listed and followed at once, with the longest
// gap of the event loop meanwhile; then the jobs of N running sandboxes (default 20, each with
// jobs) listed into the model of the window over all sandboxes, round after round. Needs
// DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (scripts/test's environment, or any engine with a small
// image).
#include "docker/DockerBackend.h"
#include "docker/DockerEndpoint.h"
#include "run/AllJobsModel.h"
#include "run/Run.h"
#include "run/SandboxJobs.h"
#include "sandbox/ExecSession.h"

#include "BenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

struct Timing
{
    double firstByteMs = -1;
    double exitMs = -1;
};

struct Series
{
    QList<double> firstByte;
    QList<double> exit;
    void add(const Timing& timing)
    {
        if (timing.firstByteMs >= 0)
            firstByte << timing.firstByteMs;
        if (timing.exitMs >= 0)
            exit << timing.exitMs;
    }
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

Timing viaRun(Backend* backend, const QString& id, const QStringList& command)
{
    RunRequest request;
    request.command = command;
    Run run(backend, id, request);
    Timing timing;
    QElapsedTimer clock;
    QObject::connect(&run, &Run::received, &run, [&](ExecSession::Stream, const QByteArray&) {
        if (timing.firstByteMs < 0)
            timing.firstByteMs = double(clock.nsecsElapsed()) / 1e6;
    });
    clock.start();
    run.start();
    BenchSupport::waitUntil([&] { return run.isFinished(); }, 30000);
    timing.exitMs = double(clock.nsecsElapsed()) / 1e6;
    if (run.result().error.isError() || run.result().exitCode != 0)
        std::fprintf(stderr, "run failed: %s\n", qPrintable(run.result().error.fullText()));
    return timing;
}

Timing viaExec(Backend* backend, const QString& id, const QStringList& command)
{
    ExecOptions options;
    options.command = command;
    options.tty = false;
    options.attachStdin = false;
    std::unique_ptr<ExecSession> session(backend->openExec(id, options));
    Timing timing;
    bool done = false;
    QElapsedTimer clock;
    QObject::connect(session.get(), &ExecSession::received, session.get(),
                     [&](ExecSession::Stream, const QByteArray&) {
                         if (timing.firstByteMs < 0)
                             timing.firstByteMs = double(clock.nsecsElapsed()) / 1e6;
                     });
    QObject::connect(session.get(), &ExecSession::finished, session.get(), [&] { done = true; });
    QObject::connect(session.get(), &ExecSession::failed, session.get(), [&] { done = true; });
    clock.start();
    session->start();
    BenchSupport::waitUntil([&] { return done; }, 30000);
    timing.exitMs = double(clock.nsecsElapsed()) / 1e6;
    return timing;
}

Timing viaDockerCli(const QString& id, const QStringList& command)
{
    QProcess docker;
    Timing timing;
    QElapsedTimer clock;
    QObject::connect(&docker, &QProcess::readyReadStandardOutput, &docker, [&] {
        if (timing.firstByteMs < 0)
            timing.firstByteMs = double(clock.nsecsElapsed()) / 1e6;
        docker.readAllStandardOutput();
    });
    clock.start();
    docker.start(QStringLiteral("docker"), QStringList{QStringLiteral("exec"), id} + command);
    BenchSupport::waitUntil([&] { return docker.state() == QProcess::NotRunning; }, 30000);
    timing.exitMs = double(clock.nsecsElapsed()) / 1e6;
    return timing;
}

void print(const char* name, const Series& series)
{
    std::printf("%-22s first byte median %7.1f ms  p90 %7.1f ms   exit median %7.1f ms  p90 %7.1f "
                "ms\n",
                name, percentile(series.firstByte, 0.5), percentile(series.firstByte, 0.9),
                percentile(series.exit, 0.5), percentile(series.exit, 0.9));
}

// The longest time the event loop did not run, while work() is in progress.
struct GapWatch
{
    QTimer tick;
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    GapWatch()
    {
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, &tick, [this] {
            const qint64 now = clock.nsecsElapsed();
            longest = std::max(longest, now - last);
            last = now;
        });
        clock.start();
        tick.start();
    }
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int rounds = 30;
    int jobCount = 100;
    int sandboxCount = 20;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rounds"))
            rounds = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--jobs"))
            jobCount = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--sandboxes"))
            sandboxCount = args.at(i + 1).toInt();
    }
    const QString image = qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
    if (qEnvironmentVariableIsEmpty("DOCKER_HOST") || image.isEmpty()) {
        std::fprintf(stderr, "bench_run needs DOCKER_HOST and SANDBOXDESK_TEST_IMAGE\n");
        return 1;
    }
    QProcess create;
    create.start(QStringLiteral("docker"),
                 {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                  QStringLiteral("none"), image, QStringLiteral("sleep"), QStringLiteral("3600")});
    create.waitForFinished(60000);
    const QString id = QString::fromUtf8(create.readAllStandardOutput()).trimmed();
    if (create.exitCode() != 0 || id.isEmpty()) {
        std::fprintf(stderr, "could not start a container\n");
        return 1;
    }
    const auto choice = DockerEndpoint(QProcessEnvironment::systemEnvironment()).primary();
    DockerBackend backend(QStringLiteral("bench"), choice.source, choice.endpoint);
    backend.connectToBackend();
    BenchSupport::waitUntil([&] { return backend.sandbox(id).status == SandboxStatus::Running; },
                            30000);

    const QStringList echo{QStringLiteral("echo"), QStringLiteral("x")};
    const QStringList truth{QStringLiteral("true")};
    // One of each first, so that no figure pays for a cold start.
    viaRun(&backend, id, truth);
    viaExec(&backend, id, truth);
    viaDockerCli(id, truth);
    Series run;
    Series exec;
    Series cli;
    Series runTrue;
    Series execTrue;
    Series cliTrue;
    for (int i = 0; i < rounds; ++i) {
        run.add(viaRun(&backend, id, echo));
        exec.add(viaExec(&backend, id, echo));
        cli.add(viaDockerCli(id, echo));
        runTrue.add(viaRun(&backend, id, truth));
        execTrue.add(viaExec(&backend, id, truth));
        cliTrue.add(viaDockerCli(id, truth));
    }
    std::printf("%d rounds, `echo x` (first byte) and `true` (exit):\n", rounds);
    print("Run echo x", run);
    print("ExecSession echo x", exec);
    print("docker exec echo x", cli);
    print("Run true", runTrue);
    print("ExecSession true", execTrue);
    print("docker exec true", cliTrue);
    std::printf("ratio Run/docker exec: first byte %.2f, exit of true %.2f\n",
                percentile(run.firstByte, 0.5) / percentile(cli.firstByte, 0.5),
                percentile(runTrue.exit, 0.5) / percentile(cliTrue.exit, 0.5));

    // Many jobs at once: started, listed, each followed, with the event loop's longest gap.
    SandboxJobs jobs(&backend, id);
    GapWatch gaps;
    QElapsedTimer clock;
    clock.start();
    int started = 0;
    for (int i = 0; i < jobCount; ++i) {
        RunRequest request;
        request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("for i in 1 2 3 4 5; do echo job %1 line $i; sleep 0.2; "
                                          "done")
                               .arg(i)};
        ResultJob<QString>* job = jobs.start(request);
        QObject::connect(job, &Job::finished, job, [&started] { ++started; });
    }
    BenchSupport::waitUntil([&] { return started == jobCount; }, 300000);
    const double startMs = double(clock.nsecsElapsed()) / 1e6;
    ResultJob<QList<JobInfo>>* listing = jobs.list();
    listing->setAutoDelete(false);
    BenchSupport::waitUntil([&] { return listing->isFinished(); }, 120000);
    const QList<JobInfo> listed = listing->value();
    delete listing;
    const double listMs = double(clock.nsecsElapsed()) / 1e6 - startMs;
    int ended = 0;
    qint64 bytes = 0;
    std::vector<std::unique_ptr<JobOutput>> outputs;
    for (const JobInfo& info : listed) {
        outputs.emplace_back(jobs.openOutput(info.id, true));
        JobOutput* output = outputs.back().get();
        QObject::connect(output, &JobOutput::received, output,
                         [&bytes](const QByteArray& more) { bytes += more.size(); });
        QObject::connect(output, &JobOutput::ended, output, [&ended] { ++ended; });
        output->start();
    }
    BenchSupport::waitUntil([&] { return ended == int(listed.size()); }, 300000);
    const double followMs = double(clock.nsecsElapsed()) / 1e6 - startMs - listMs;
    std::printf("%d jobs: started in %.0f ms, listed (%lld) in %.0f ms, all followed to their end "
                "in %.0f ms (%lld bytes); longest event-loop gap %.1f ms\n",
                jobCount, startMs, qlonglong(listed.size()), listMs, followMs, qlonglong(bytes),
                double(gaps.longest) / 1e6);

    // The window over all sandboxes: more containers, each with a few jobs, listed together.
    QStringList extra;
    for (int i = 1; i < sandboxCount; ++i) {
        QProcess more;
        more.start(QStringLiteral("docker"),
                   {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                    QStringLiteral("none"), image, QStringLiteral("sleep"),
                    QStringLiteral("3600")});
        more.waitForFinished(60000);
        extra << QString::fromUtf8(more.readAllStandardOutput()).trimmed();
    }
    BenchSupport::waitUntil(
        [&] {
            return std::all_of(extra.begin(), extra.end(), [&backend](const QString& other) {
                return backend.sandbox(other).status == SandboxStatus::Running;
            });
        },
        60000);
    int extraJobs = 0;
    for (const QString& other : std::as_const(extra)) {
        SandboxJobs theirs(&backend, other);
        for (int j = 0; j < 5; ++j) {
            RunRequest request;
            request.command = {QStringLiteral("sleep"), QStringLiteral("600")};
            ResultJob<QString>* job = theirs.start(request);
            job->setAutoDelete(false);
            BenchSupport::waitUntil([job] { return job->isFinished(); }, 60000);
            extraJobs += job->error().isError() ? 0 : 1;
            delete job;
        }
    }
    AllJobsModel all;
    all.addBackend(&backend);
    GapWatch roundGaps;
    QList<double> roundMs;
    for (int round = 0; round < 5; ++round) {
        bool done = false;
        QMetaObject::Connection once =
            QObject::connect(&all, &AllJobsModel::refreshed, &all, [&done] { done = true; });
        QElapsedTimer roundClock;
        roundClock.start();
        all.refresh();
        BenchSupport::waitUntil([&done] { return done; }, 120000);
        roundMs << double(roundClock.nsecsElapsed()) / 1e6;
        QObject::disconnect(once);
    }
    std::printf("jobs over all sandboxes: %d sandboxes, %d rows (%d jobs started there), a round "
                "(%d lists at once) median %.0f ms, max %.0f ms; longest event-loop gap %.1f ms\n",
                sandboxCount, all.rowCount(), jobCount + extraJobs, AllJobsModel::concurrentLists,
                percentile(roundMs, 0.5), percentile(roundMs, 1.0),
                double(roundGaps.longest) / 1e6);

    QProcess::execute(QStringLiteral("docker"),
                      QStringList{QStringLiteral("rm"), QStringLiteral("-f"), id} + extra);
    return 0;
}
