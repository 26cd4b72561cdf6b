// bench_files_eci: file transfers over ECI's exec channel through the emulator, in one run.
//   bench_files_eci [--mb N]
// Uploads a tar holding one file of N MiB (default 64) into a group, downloads it again, and
// prints MB/s each way, exec sessions and API requests per transfer. Needs DOCKER_HOST and
// SANDBOXDESK_TEST_IMAGE (scripts/test's environment).
#include "BenchSupport.h"
#include "EciEmulatorProcess.h"
#include "eci/EciBackend.h"
#include "files/ExecSandboxFiles.h"
#include "sandbox/Job.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace {

bool run(Job* job, QString* error)
{
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&] {
        *error = job->error().fullText();
        done = true;
    });
    BenchSupport::waitUntil([&] { return done; }, 1800000);
    return done && error->isEmpty();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    qint64 megabytes = 64;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i)
        if (args.at(i) == QLatin1String("--mb"))
            megabytes = args.at(i + 1).toLongLong();
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

    QTemporaryDir here;
    const qint64 bytes = megabytes * 1024 * 1024;
    {
        QFile data(here.filePath(QStringLiteral("data.bin")));
        if (!data.open(QIODevice::WriteOnly))
            return 1;
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (qint64 done = 0; done < bytes; done += block.size()) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()),
                                                  block.size() / 4);
            data.write(block);
        }
    }
    QProcess tar;
    tar.setStandardOutputFile(here.filePath(QStringLiteral("up.tar")));
    tar.start(QStringLiteral("tar"), {QStringLiteral("-C"), here.path(), QStringLiteral("-cf"),
                                      QStringLiteral("-"), QStringLiteral("data.bin")});
    tar.waitForFinished(-1);

    QNetworkAccessManager network;
    EciBackendConfig config;
    config.accountName = QStringLiteral("bench");
    config.regionId = QStringLiteral("bench-files-%1").arg(QCoreApplication::applicationPid());
    config.endpoint = emulator.endpoint();
    config.credentials = {
        EciEmulatorProcess::accessKeyId(), EciEmulatorProcess::accessKeySecret(), {}};
    config.pollIntervalMs = 500;
    EciBackend backend(config, &network);
    backend.connectToBackend();
    BenchSupport::waitUntil([&] { return backend.isSettled(); }, 120000);
    SandboxSpec spec;
    spec.image = image;
    spec.name = QStringLiteral("bench-files");
    spec.command = {QStringLiteral("sleep"), QStringLiteral("3600")};
    spec.restartPolicy = QStringLiteral("Never");
    auto* create = backend.create(spec);
    QString id;
    bool created = false;
    QObject::connect(create, &Job::finished, create, [&] {
        id = create->value();
        created = true;
    });
    BenchSupport::waitUntil([&] { return created; }, 120000);
    BenchSupport::waitUntil([&] { return backend.sandbox(id).status == SandboxStatus::Running; },
                            120000);
    std::unique_ptr<SandboxFiles> opened(backend.openFiles(id));
    auto* files = qobject_cast<ExecSandboxFiles*>(opened.get());
    if (id.isEmpty() || !files) {
        std::fprintf(stderr, "No running group to copy into.\n");
        return 1;
    }

    QString error;
    QFile source(here.filePath(QStringLiteral("up.tar")));
    source.open(QIODevice::ReadOnly);
    int execs = files->execCount();
    int requests = emulator.requestCount();
    QElapsedTimer timer;
    timer.start();
    if (!run(files->writeArchive("/tmp", &source, SandboxFiles::Owners::Sandbox), &error)) {
        std::fprintf(stderr, "upload: %s\n", qPrintable(error));
        return 1;
    }
    const double upSeconds = timer.elapsed() / 1000.0;
    std::printf("upload %lld MiB: %.2f s, %.1f MB/s, %d exec session(s), %d API request(s)\n",
                qlonglong(megabytes), upSeconds, bytes / 1e6 / upSeconds,
                files->execCount() - execs, emulator.requestCount() - requests);

    QFile sink(here.filePath(QStringLiteral("down.tar")));
    sink.open(QIODevice::WriteOnly);
    execs = files->execCount();
    requests = emulator.requestCount();
    const qint64 rssBefore = BenchSupport::residentBytes();
    timer.restart();
    if (!run(files->readArchive("/tmp/data.bin", &sink), &error)) {
        std::fprintf(stderr, "download: %s\n", qPrintable(error));
        return 1;
    }
    const double downSeconds = timer.elapsed() / 1000.0;
    sink.close();
    std::printf("download %lld MiB: %.2f s, %.1f MB/s, %d exec session(s), %d API request(s), "
                "resident memory %+.1f MiB\n",
                qlonglong(megabytes), downSeconds, bytes / 1e6 / downSeconds,
                files->execCount() - execs, emulator.requestCount() - requests,
                (BenchSupport::residentBytes() - rssBefore) / 1048576.0);

    QProcess untar;
    untar.setWorkingDirectory(here.path());
    untar.start(QStringLiteral("tar"), {QStringLiteral("-xOf"), QStringLiteral("down.tar")});
    untar.waitForFinished(-1);
    QFile original(here.filePath(QStringLiteral("data.bin")));
    original.open(QIODevice::ReadOnly);
    const bool same = untar.readAllStandardOutput() == original.readAll();
    std::printf("round trip: %s\n", same ? "byte for byte" : "DIFFERENT");
    backend.remove(id, true);
    return same ? 0 : 1;
}
