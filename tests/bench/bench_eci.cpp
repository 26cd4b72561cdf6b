// bench_eci: EciBackend against the ECI emulator, in one run.
//   bench_eci [--groups N] [--page 20] [--poll-seconds S] [--keystrokes K]
// Needs DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (scripts/test's environment). The groups for
// the list are created (not started) as containers of the engine with the emulator's labels,
// so that a thousand of them cost no processes; the emulator lists them as Pending groups.
// Everything made is removed at the end.
#include "BenchSupport.h"
#include "EciEmulatorProcess.h"
#include "docker/DockerEndpoint.h"
#include "eci/EciBackend.h"
#include "net/HttpClient.h"
#include "sandbox/ExecSession.h"
#include "sandbox/Job.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <type_traits>

namespace {

const QString LabelPrefix = QStringLiteral("eci.sandboxdesk/");

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(values.size() - 1, qsizetype(values.size() * p)));
}

// Sends requests with a few in flight at once and waits for all of them.
int sendAll(HttpClient& http, const QList<HttpRequest>& requests)
{
    int failures = 0;
    int next = 0;
    int running = 0;
    std::function<void()> pump = [&] {
        while (running < 8 && next < requests.size()) {
            HttpReply* reply = http.send(requests.at(next++));
            ++running;
            QObject::connect(reply, &HttpReply::finished, reply, [&, reply] {
                if (reply->error().isError() || reply->status() >= 300)
                    ++failures;
                reply->deleteLater();
                --running;
                pump();
            });
        }
    };
    pump();
    BenchSupport::waitUntil([&] { return running == 0 && next == requests.size(); }, 1200000);
    return failures;
}

template<typename J> bool awaitJob(J* job, QVariant* result, QString* error)
{
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&] {
        if constexpr (!std::is_same_v<J, Job>)
            *result = QVariant::fromValue(job->value());
        *error = job->error().fullText();
        done = !job->error().isError();
    });
    BenchSupport::waitUntil([&] { return done || !error->isEmpty(); }, 120000);
    return done;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int groups = 1000;
    int page = 20;
    int pollSeconds = 30;
    int keystrokes = 200;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--groups"))
            groups = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--page"))
            page = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--poll-seconds"))
            pollSeconds = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--keystrokes"))
            keystrokes = args.at(i + 1).toInt();
    }
    const QString image = qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
    if (qEnvironmentVariableIsEmpty("DOCKER_HOST") || image.isEmpty()) {
        std::fprintf(stderr, "Set DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (see README).\n");
        return 1;
    }
    EciEmulatorProcess emulator{QStringLiteral(ECI_EMULATOR_PATH)};
    if (!emulator.start()) {
        std::fprintf(stderr, "The emulator did not start.\n");
        return 1;
    }
    const auto choice = DockerEndpoint(QProcessEnvironment::systemEnvironment()).primary();
    HttpClient http(choice.endpoint);
    const QString region = QStringLiteral("bench-%1").arg(QCoreApplication::applicationPid());

    QList<HttpRequest> creates;
    for (int i = 0; i < groups; ++i) {
        const QString id = QStringLiteral("eci-bench%1-%2")
                               .arg(QCoreApplication::applicationPid())
                               .arg(i, 5, 10, QLatin1Char('0'));
        const QJsonObject labels{
            {LabelPrefix + QStringLiteral("id"), id},
            {LabelPrefix + QStringLiteral("group"), QStringLiteral("bench-%1").arg(i)},
            {LabelPrefix + QStringLiteral("region"), region},
            {LabelPrefix + QStringLiteral("container"), QStringLiteral("main")},
            {LabelPrefix + QStringLiteral("index"), QStringLiteral("1")},
            {LabelPrefix + QStringLiteral("cpu"), QStringLiteral("1")},
            {LabelPrefix + QStringLiteral("memory"), QStringLiteral("2")},
            {EciEmulatorProcess::instanceLabel(), emulator.instance()},
        };
        const QJsonObject body{
            {QStringLiteral("Image"), image},
            {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("true")}},
            {QStringLiteral("Labels"), labels},
            {QStringLiteral("HostConfig"),
             QJsonObject{{QStringLiteral("NetworkMode"), QStringLiteral("none")}}}};
        creates << HttpRequest::post("/containers/create?name=" + id.toUtf8(),
                                     QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QElapsedTimer timer;
    timer.start();
    const int failures = sendAll(http, creates);
    std::printf("groups: %d (page size %d), setup %.1f s, failures %d\n", groups, page,
                timer.elapsed() / 1000.0, failures);

    QNetworkAccessManager network;
    EciBackendConfig config;
    config.accountName = QStringLiteral("bench");
    config.regionId = region;
    config.endpoint = emulator.endpoint();
    config.credentials = {
        EciEmulatorProcess::accessKeyId(), EciEmulatorProcess::accessKeySecret(), {}};
    // As fast as the backend lets itself go: its own quota floor decides.
    config.pollIntervalMs = 100;

    // The first complete list, from connect to settled, a fresh backend each round.
    QList<double> seconds;
    for (int round = 0; round < 3; ++round) {
        EciBackend backend(config, &network);
        backend.setPageSize(page);
        const int before = emulator.requestCount();
        timer.restart();
        backend.connectToBackend();
        BenchSupport::waitUntil([&] { return backend.isSettled(); }, 600000);
        const double elapsed = timer.elapsed() / 1000.0;
        seconds << elapsed;
        std::printf("list round %d: %.3f s, %lld groups, %d pages, %d requests\n", round + 1,
                    elapsed, qlonglong(backend.sandboxes().size()), backend.lastSweepPages(),
                    emulator.requestCount() - before);
    }
    std::printf("list_wall_s median: %.3f\n", percentile(seconds, 0.5));

    // Polling left running: requests per minute against the quota of 2000.
    {
        EciBackend backend(config, &network);
        backend.setPageSize(page);
        backend.connectToBackend();
        BenchSupport::waitUntil([&] { return backend.isSettled(); }, 600000);
        int sweeps = 0;
        QObject::connect(&backend, &EciBackend::listed, &backend, [&] { ++sweeps; });
        const int before = emulator.requestCount();
        timer.restart();
        BenchSupport::waitUntil([] { return false; }, pollSeconds * 1000);
        const double minutes = timer.elapsed() / 60000.0;
        const int requests = emulator.requestCount() - before;
        std::printf("polling %d s with pollIntervalMs=100: %d sweeps, %d requests, %.0f "
                    "requests/min (DescribeContainerGroups quota 2000/min), next poll in %d ms\n",
                    pollSeconds, sweeps, requests, requests / minutes, backend.nextPollDelayMs());
    }

    // Keystroke to echo through the exec WebSocket: one character at a time into `cat` on a
    // terminal, timed until the terminal echoes it.
    if (keystrokes > 0) {
        EciBackend backend(config, &network);
        backend.connectToBackend();
        BenchSupport::waitUntil([&] { return backend.isSettled(); }, 600000);
        SandboxSpec spec;
        spec.image = image;
        spec.name = QStringLiteral("bench-exec");
        spec.command = {QStringLiteral("sleep"), QStringLiteral("600")};
        QVariant result;
        QString error;
        if (!awaitJob(backend.create(spec), &result, &error)) {
            std::fprintf(stderr, "create: %s\n", qPrintable(error));
            return 1;
        }
        const QString id = result.toString();
        BenchSupport::waitUntil(
            [&] { return backend.sandbox(id).status == SandboxStatus::Running; }, 120000);
        ExecOptions options;
        options.command = {QStringLiteral("cat")};
        options.tty = true;
        std::unique_ptr<ExecSession> session(backend.openExec(id, options));
        QByteArray received;
        bool started = false;
        bool ended = false;
        QObject::connect(session.get(), &ExecSession::started, session.get(),
                         [&] { started = true; });
        QObject::connect(session.get(), &ExecSession::received, session.get(),
                         [&](ExecSession::Stream, const QByteArray& bytes) { received += bytes; });
        QObject::connect(session.get(), &ExecSession::failed, session.get(), [&](const Error& e) {
            std::fprintf(stderr, "exec failed: %s\n", qPrintable(e.fullText()));
            ended = true;
        });
        timer.restart();
        session->start();
        BenchSupport::waitUntil([&] { return started || ended; }, 60000);
        std::printf("exec session open: %.1f ms\n", timer.nsecsElapsed() / 1e6);
        QList<double> latencies;
        for (int i = 0; i < keystrokes && started && !ended; ++i) {
            const char key = char('a' + i % 26);
            received.clear();
            timer.restart();
            session->write(QByteArray(1, key));
            if (!BenchSupport::waitUntil([&] { return received.contains(key); }, 10000))
                break;
            latencies << timer.nsecsElapsed() / 1e6;
        }
        std::printf("keystroke_to_echo_ms over %lld keys: p50 %.2f, p95 %.2f, max %.2f\n",
                    qlonglong(latencies.size()), percentile(latencies, 0.5),
                    percentile(latencies, 0.95), percentile(latencies, 1.0));
        session->disconnect();
        session->close();
        awaitJob(backend.remove(id, true), &result, &error);
    }

    // The emulator's fixture removes every container labelled with its instance.
    emulator.stop();
    std::printf("cleanup done\n");
    return 0;
}
