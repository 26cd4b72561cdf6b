// bench_opensandbox: OpenSandboxBackend against the OpenSandbox emulator, beside the official
// JavaScript SDK on the same emulator when it is installed (build-test/opensandbox-sdk, where
// ctest's SDK tests put it).
//   bench_opensandbox [--sandboxes N] [--page P] [--runs R] [--keystrokes K] [--sdk DIR]
// Needs DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (scripts/test's environment). The listed
// sandboxes stay Pending (the emulator is told to provision them in an hour), so a thousand
// of them are created containers that cost no processes; the commands run in a sandbox of a
// second emulator. Everything made is removed at the end.
#include "BenchSupport.h"
#include "OpenSandboxEmulatorProcess.h"
#include "docker/DockerBackend.h"
#include "files/SandboxFiles.h"
#include "files/TarPacker.h"
#include "net/HttpClient.h"
#include "opensandbox/OpenSandboxBackend.h"
#include "sandbox/ExecSession.h"
#include "sandbox/Job.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, qsizetype(p * double(values.size()))));
}

// One key at a time into `cat` on a terminal: the terminal's line discipline echoes it, and
// the time runs from write() until that byte is back. The line never ends (fewer keys than a
// terminal line's 4095 bytes), so each echo is exactly the key typed.
QList<double> echoLatencies(ExecSession* session, int keystrokes)
{
    QList<double> latencies;
    QByteArray echoed;
    bool started = false;
    bool ended = false;
    QObject::connect(session, &ExecSession::started, session, [&] { started = true; });
    QObject::connect(session, &ExecSession::received, session,
                     [&](ExecSession::Stream, const QByteArray& bytes) { echoed += bytes; });
    QObject::connect(session, &ExecSession::finished, session, [&] { ended = true; });
    QObject::connect(session, &ExecSession::failed, session, [&](const Error& error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.fullText()));
        ended = true;
    });
    session->start();
    if (!BenchSupport::waitUntil([&] { return started || ended; }, 30000) || ended)
        return latencies;
    BenchSupport::waitUntil([] { return false; }, 300); // cat settles on its terminal
    QElapsedTimer timer;
    for (int k = 0; k < keystrokes; ++k) {
        const char typed = char('a' + k % 26);
        const qsizetype before = echoed.size();
        timer.start();
        session->write(QByteArray(1, typed));
        if (!BenchSupport::waitUntil([&] { return ended || echoed.size() > before; }, 30000) ||
            ended)
            break;
        latencies << double(timer.nsecsElapsed()) / 1e6;
        if (echoed.size() != before + 1 || echoed.back() != typed) {
            std::fprintf(stderr, "unexpected echo: %s\n", echoed.mid(before).toHex().constData());
            break;
        }
    }
    session->close();
    return latencies;
}

// Creates sandboxes through the lifecycle API with a few requests in flight at once.
int createSandboxes(const OpenSandboxEmulatorProcess& emulator, int count)
{
    HttpClient http(Endpoint::fromUrl(emulator.endpoint()));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("image"),
                                   QJsonObject{{QStringLiteral("uri"),
                                                qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE")}}},
                                  {QStringLiteral("entrypoint"),
                                   QJsonArray{QStringLiteral("sleep"), QStringLiteral("600")}},
                                  {QStringLiteral("resourceLimits"), QJsonObject()}})
            .toJson(QJsonDocument::Compact);
    int failures = 0;
    int next = 0;
    int running = 0;
    std::function<void()> pump = [&] {
        while (running < 8 && next < count) {
            ++next;
            HttpRequest request = HttpRequest::post("/v1/sandboxes", body);
            request.headers.append(qMakePair(QByteArray("Host"), QByteArray("127.0.0.1")));
            request.headers.append(qMakePair(QByteArray("OPEN-SANDBOX-API-KEY"),
                                             OpenSandboxEmulatorProcess::apiKey().toUtf8()));
            HttpReply* reply = http.send(request);
            ++running;
            QObject::connect(reply, &HttpReply::finished, reply, [&, reply] {
                if (reply->error().isError() || reply->status() != 202)
                    ++failures;
                reply->deleteLater();
                --running;
                pump();
            });
        }
    };
    pump();
    BenchSupport::waitUntil([&] { return running == 0 && next == count; }, 3600000);
    return failures;
}

OpenSandboxConfig configFor(const OpenSandboxEmulatorProcess& emulator)
{
    OpenSandboxConfig config;
    config.name = QStringLiteral("bench");
    config.domain = emulator.domain();
    config.apiKey = OpenSandboxEmulatorProcess::apiKey();
    config.pollIntervalMs = 3600000; // one sweep is measured, not the polling
    return config;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int sandboxes = 1000;
    int page = 100;
    int runs = 20;
    int keystrokes = 200;
    QString sdkDir = QDir::current().absoluteFilePath(QStringLiteral("opensandbox-sdk"));
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--sandboxes"))
            sandboxes = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--page"))
            page = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--runs"))
            runs = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--keystrokes"))
            keystrokes = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--sdk"))
            sdkDir = args.at(i + 1);
    }
    if (qEnvironmentVariableIsEmpty("DOCKER_HOST") ||
        qEnvironmentVariableIsEmpty("SANDBOXDESK_TEST_IMAGE")) {
        std::fprintf(stderr, "Set DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (see README).\n");
        return 1;
    }
    OpenSandboxEmulatorProcess listed{QStringLiteral(OPENSANDBOX_EMULATOR_PATH)};
    OpenSandboxEmulatorProcess running{QStringLiteral(OPENSANDBOX_EMULATOR_PATH)};
    if (!listed.start({QStringLiteral("--provision-ms"), QStringLiteral("3600000")}) ||
        !running.start()) {
        std::fprintf(stderr, "The emulator did not start.\n");
        return 1;
    }

    QElapsedTimer clock;
    clock.start();
    const int failed = createSandboxes(listed, sandboxes);
    std::printf("created %d sandboxes in %.1f s (%d failed)\n", sandboxes,
                double(clock.elapsed()) / 1000, failed);

    // The list: one complete sweep, as the window's first look at a server.
    OpenSandboxBackend backend(configFor(listed));
    backend.setPageSize(page);
    clock.restart();
    backend.connectToBackend();
    if (!BenchSupport::waitUntil([&] { return backend.isSettled(); }, 600000)) {
        std::fprintf(stderr, "The list did not settle: %s\n",
                     qPrintable(backend.lastError().fullText()));
        return 1;
    }
    const double listMs = double(clock.elapsed());
    std::printf("list %d sandboxes, page %d: %d requests, %.0f ms\n",
                int(backend.sandboxes().size()), page, backend.client()->requestsSent(), listMs);

    // Commands: from start() to the first byte of stdout, and to the exit code.
    OpenSandboxBackend runner(configFor(running));
    runner.connectToBackend();
    SandboxSpec spec;
    spec.image = qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
    ResultJob<QString>* create = runner.create(spec);
    QString id;
    QObject::connect(create, &Job::finished, create, [&] { id = create->value(); });
    if (!BenchSupport::waitUntil([&] { return !id.isEmpty(); }, 60000) ||
        !BenchSupport::waitUntil(
            [&] { return runner.sandbox(id).status == SandboxStatus::Running; }, 60000)) {
        std::fprintf(stderr, "The command sandbox did not start.\n");
        return 1;
    }
    QList<double> firstByte;
    QList<double> whole;
    for (int i = 0; i < runs; ++i) {
        ExecOptions options;
        options.command = {QStringLiteral("echo"), QStringLiteral("x")};
        options.tty = false;
        options.attachStdin = false;
        std::unique_ptr<ExecSession> session(runner.openExec(id, options));
        double first = -1;
        bool done = false;
        QElapsedTimer started;
        QObject::connect(session.get(), &ExecSession::received, session.get(), [&] {
            if (first < 0)
                first = double(started.nsecsElapsed()) / 1e6;
        });
        QObject::connect(session.get(), &ExecSession::finished, session.get(),
                         [&] { done = true; });
        QObject::connect(session.get(), &ExecSession::failed, session.get(),
                         [&](const Error& error) {
                             std::fprintf(stderr, "%s\n", qPrintable(error.fullText()));
                             done = true;
                         });
        started.start();
        session->start();
        BenchSupport::waitUntil([&] { return done; }, 60000);
        firstByte << first;
        whole << double(started.nsecsElapsed()) / 1e6;
    }
    std::printf("command start to first byte: median %.1f ms, whole command median %.1f ms "
                "(%d runs)\n",
                median(firstByte), median(whole), runs);

    // Keystroke to echo: through execd's terminal session (its WebSocket), then through a
    // Docker exec with a TTY (what `docker exec -it` opens) into the same sandbox's container
    // on the same engine. The official SDK opens no terminals, so it has no figure here.
    {
        ExecOptions options;
        options.command = {QStringLiteral("cat")};
        options.columns = 120;
        options.rows = 40;
        std::unique_ptr<ExecSession> execd(runner.openExec(id, options));
        const QList<double> throughExecd = echoLatencies(execd.get(), keystrokes);
        DockerBackend docker(QStringLiteral("bench-docker"), QStringLiteral("Docker"),
                             Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
        docker.connectToBackend();
        BenchSupport::waitUntil([&] { return docker.state() == Backend::State::Connected; }, 30000);
        std::unique_ptr<ExecSession> direct(
            docker.openExec(QStringLiteral("sandbox-") + id, options));
        const QList<double> throughDocker = echoLatencies(direct.get(), keystrokes);
        std::printf("keystroke to echo through execd's terminal: median %.2f ms, p95 %.2f ms "
                    "(%d keys)\n",
                    median(throughExecd), percentile(throughExecd, 0.95), int(throughExecd.size()));
        std::printf("keystroke to echo through docker exec -it (same container): median %.2f ms, "
                    "p95 %.2f ms (%d keys)\n",
                    median(throughDocker), percentile(throughDocker, 0.95),
                    int(throughDocker.size()));
    }

    // Download: a file of downloadMiB through readArchive into /dev/null.
    const int downloadMiB = 64;
    const QString bigFile = QStringLiteral("/tmp/bench-download");
    {
        ExecOptions options;
        options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("head -c %1 /dev/urandom > %2")
                               .arg(qint64(downloadMiB) << 20)
                               .arg(bigFile)};
        options.tty = false;
        options.attachStdin = false;
        std::unique_ptr<ExecSession> session(runner.openExec(id, options));
        bool done = false;
        QObject::connect(session.get(), &ExecSession::finished, session.get(),
                         [&] { done = true; });
        session->start();
        BenchSupport::waitUntil([&] { return done; }, 120000);
    }
    std::unique_ptr<SandboxFiles> files(runner.openFiles(id));
    QFile devNull(QStringLiteral("/dev/null"));
    devNull.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    Job* download = files->readArchive(bigFile.toUtf8(), &devNull);
    bool downloaded = false;
    QString downloadError;
    QObject::connect(download, &Job::finished, download, [&] {
        downloadError = download->error().fullText();
        downloaded = true;
    });
    clock.restart();
    BenchSupport::waitUntil([&] { return downloaded; }, 600000);
    const double downloadSeconds = double(clock.elapsed()) / 1000;
    if (downloadError.isEmpty())
        std::printf("download %d MiB through execd (readArchive): %.2f s, %.1f MiB/s\n",
                    downloadMiB, downloadSeconds, downloadMiB / downloadSeconds);
    else
        std::printf("download failed: %s\n", qPrintable(downloadError));

    // Upload: a local file of the same size through writeArchive, from a tar packed as it goes.
    QTemporaryDir uploadDir;
    const QString uploadFile = uploadDir.filePath(QStringLiteral("bench-upload"));
    {
        QFile random(QStringLiteral("/dev/urandom"));
        QFile out(uploadFile);
        random.open(QIODevice::ReadOnly);
        out.open(QIODevice::WriteOnly);
        for (int i = 0; i < downloadMiB; ++i)
            out.write(random.read(1 << 20));
    }
    TarPacker packer({{uploadFile, "bench-upload"}});
    packer.open(QIODevice::ReadOnly);
    Job* upload = files->writeArchive("/tmp", &packer, SandboxFiles::Owners::Sandbox);
    bool uploaded = false;
    QString uploadError;
    QObject::connect(upload, &Job::finished, upload, [&] {
        uploadError = upload->error().fullText();
        uploaded = true;
    });
    clock.restart();
    BenchSupport::waitUntil([&] { return uploaded; }, 600000);
    const double uploadSeconds = double(clock.elapsed()) / 1000;
    if (uploadError.isEmpty())
        std::printf("upload %d MiB through execd (writeArchive): %.2f s, %.1f MiB/s\n", downloadMiB,
                    uploadSeconds, downloadMiB / uploadSeconds);
    else
        std::printf("upload failed: %s\n", qPrintable(uploadError));

    // The same through the official SDK, when it is there.
    if (!QFileInfo::exists(sdkDir + QStringLiteral("/node_modules/@alibaba-group/opensandbox"))) {
        std::printf("official SDK: not installed in %s; no reference figures\n",
                    qPrintable(sdkDir));
    } else {
        QProcess node;
        node.start(QStringLiteral("node"),
                   {QStringLiteral(OPENSANDBOX_BENCH_SOURCE_DIR "/opensandbox_sdk_bench.mjs"),
                    sdkDir, listed.domain(), OpenSandboxEmulatorProcess::apiKey(),
                    QString::number(page), QStringLiteral("-"), QString::number(0)});
        // The list part first, on the listed server; then the commands on the running one.
        node.waitForFinished(600000);
        const QJsonObject listFigures =
            QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        QProcess commands;
        commands.start(QStringLiteral("node"),
                       {QStringLiteral(OPENSANDBOX_BENCH_SOURCE_DIR "/opensandbox_sdk_bench.mjs"),
                        sdkDir, running.domain(), OpenSandboxEmulatorProcess::apiKey(),
                        QString::number(page), id, QString::number(runs), bigFile, uploadFile});
        commands.waitForFinished(600000);
        const QJsonObject commandFigures =
            QJsonDocument::fromJson(commands.readAllStandardOutput()).object();
        if (listFigures.isEmpty() || commandFigures.isEmpty()) {
            std::printf("official SDK: failed: %s%s\n", node.readAllStandardError().constData(),
                        commands.readAllStandardError().constData());
        } else {
            QList<double> sdkFirst;
            QList<double> sdkWhole;
            for (const QJsonValue& v : commandFigures.value(QLatin1String("firstByte")).toArray())
                sdkFirst << v.toDouble();
            for (const QJsonValue& v : commandFigures.value(QLatin1String("whole")).toArray())
                sdkWhole << v.toDouble();
            std::printf("official SDK: list %d sandboxes, page %d: %d requests, %.0f ms\n",
                        listFigures.value(QLatin1String("total")).toInt(), page,
                        listFigures.value(QLatin1String("pages")).toInt(),
                        listFigures.value(QLatin1String("listMs")).toDouble());
            std::printf("official SDK: command start to first byte: median %.1f ms, whole "
                        "command median %.1f ms (%d runs)\n",
                        median(sdkFirst), median(sdkWhole), runs);
            const double sdkBytes = commandFigures.value(QLatin1String("downloadBytes")).toDouble();
            const double sdkSeconds =
                commandFigures.value(QLatin1String("downloadMs")).toDouble() / 1000;
            if (sdkSeconds > 0)
                std::printf(
                    "official SDK: download %.0f MiB (files.readBytes): %.2f s, %.1f MiB/s\n",
                    sdkBytes / (1 << 20), sdkSeconds, sdkBytes / (1 << 20) / sdkSeconds);
            const double sdkUpBytes = commandFigures.value(QLatin1String("uploadBytes")).toDouble();
            const double sdkUpSeconds =
                commandFigures.value(QLatin1String("uploadMs")).toDouble() / 1000;
            if (sdkUpSeconds > 0)
                std::printf(
                    "official SDK: upload %.0f MiB (files.writeFiles): %.2f s, %.1f MiB/s\n",
                    sdkUpBytes / (1 << 20), sdkUpSeconds, sdkUpBytes / (1 << 20) / sdkUpSeconds);
        }
    }
    return 0;
}
