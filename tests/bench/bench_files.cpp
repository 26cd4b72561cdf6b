// bench_files: sandboxctl cp beside docker cp, both ways, on the same engine in one run.
//   bench_files [--big-mb N] [--small-count N] [--small-kb N] [--rounds R] [--sandboxctl PATH]
// One file of N MiB (default 1024) and a tree of N small files (default 10 000 of 10 KiB; 0
// leaves either case out), each uploaded into a container and downloaded again by both tools;
// prints MB/s (the median over the rounds and their range), the ratio of the medians
// ours/docker, and sandboxctl's peak resident memory beside a tiny copy's. Rounds alternate which
// tool goes first, so that neither always meets the other's leftovers (dirty pages, a busy engine).
// Needs DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (scripts/test's environment, or any engine with a
// small image).
// --sandboxctl measures another build of it (an older one, to compare).
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char** environ;

namespace {

struct Run
{
    bool ok = false;
    double seconds = 0;
    qint64 peakBytes = 0; // the child's own VmHWM, from wait4
};

// Spawns the command with its output dropped and waits; wait4 gives that child's peak RSS.
Run runChild(const QStringList& command)
{
    QList<QByteArray> storage;
    std::vector<char*> argv;
    for (const QString& part : command)
        storage << part.toLocal8Bit();
    for (QByteArray& part : storage)
        argv.push_back(part.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    Run run;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv.front(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return run;
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid)
        return run;
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.peakBytes = qint64(usage.ru_maxrss) * 1024;
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return run;
}

QByteArray docker(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral("docker"), arguments);
    process.waitForFinished(600000);
    return process.exitCode() == 0 ? process.readAllStandardOutput().trimmed() : QByteArray();
}

bool writePattern(const QString& path, qint64 size, const QByteArray& block)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (qint64 done = 0; done < size;) {
        const qint64 n = qMin<qint64>(block.size(), size - done);
        if (file.write(block.constData(), n) != n)
            return false;
        done += n;
    }
    return true;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// "median (min-max)" when there was more than one round.
QByteArray figure(const QList<double>& values)
{
    QByteArray text = QByteArray::number(median(values), 'f', 1);
    if (values.size() > 1) {
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        text +=
            " (" + QByteArray::number(*low, 'f', 1) + '-' + QByteArray::number(*high, 'f', 1) + ')';
    }
    return text;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    qint64 bigMb = 1024;
    int smallCount = 10000;
    int smallKb = 10;
    int rounds = 1;
    QString ctl = QStringLiteral(SANDBOXCTL_PATH);
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString& option = args.at(i);
        const int value = args.at(i + 1).toInt();
        if (option == QLatin1String("--sandboxctl"))
            ctl = args.at(i + 1);
        else if (option == QLatin1String("--big-mb"))
            bigMb = value;
        else if (option == QLatin1String("--small-count"))
            smallCount = value;
        else if (option == QLatin1String("--small-kb"))
            smallKb = value;
        else if (option == QLatin1String("--rounds"))
            rounds = qMax(1, value);
    }
    const QString image = qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
    if (qEnvironmentVariableIsEmpty("DOCKER_HOST") || image.isEmpty()) {
        std::fprintf(stderr, "bench_files needs DOCKER_HOST and SANDBOXDESK_TEST_IMAGE\n");
        return 1;
    }

    QTemporaryDir work;
    const QString source = work.path() + QStringLiteral("/src");
    QDir().mkpath(source + QStringLiteral("/small"));
    QByteArray block(1 << 20, Qt::Uninitialized);
    QRandomGenerator generator(11);
    generator.fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
    if (!writePattern(source + QStringLiteral("/big"), bigMb << 20, block)) {
        std::fprintf(stderr, "could not write the big file\n");
        return 1;
    }
    for (int i = 0; i < smallCount; ++i) {
        const QString folder = source + QStringLiteral("/small/d%1").arg(i / 100);
        if (i % 100 == 0)
            QDir().mkpath(folder);
        writePattern(folder + QStringLiteral("/f%1").arg(i), qint64(smallKb) << 10,
                     block.mid((i * 4096) % (block.size() - (smallKb << 10)), smallKb << 10));
    }
    writePattern(source + QStringLiteral("/tiny"), 16, block);

    const QString container = QString::fromLatin1(docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--label"), QStringLiteral("sandboxdesk.bench=1"),
         image, QStringLiteral("sleep"), QStringLiteral("86400")}));
    if (container.isEmpty()) {
        std::fprintf(stderr, "could not start a container\n");
        return 1;
    }
    const QString remote = container.left(12) + QLatin1Char(':');
    auto inContainer = [&](const QString& script) {
        docker({QStringLiteral("exec"), container, QStringLiteral("sh"), QStringLiteral("-c"),
                script});
    };

    // A tiny copy's peak, so that the big one's can be read as what the transfer added.
    inContainer(QStringLiteral("mkdir -p /bench"));
    const Run tiny = runChild({ctl, QStringLiteral("cp"), source + QStringLiteral("/tiny"),
                               remote + QStringLiteral("/bench")});
    std::printf("sandboxctl peak RSS for a 16-byte copy: %.1f MB\n", tiny.peakBytes / 1e6);

    const double bigBytes = double(bigMb << 20);
    const double smallBytes = double(smallCount) * double(qint64(smallKb) << 10);
    struct Case
    {
        const char* label;
        QString item;
        double bytes;
    };
    QList<Case> cases;
    if (bigMb > 0)
        cases.append({"1 file", QStringLiteral("big"), bigBytes});
    if (smallCount > 0)
        cases.append({"small files", QStringLiteral("small"), smallBytes});
    std::printf("%-12s %-9s %20s %20s %8s %14s\n", "case", "way", "ours MB/s", "docker MB/s",
                "ratio", "ours peak MB");
    bool allOk = true;
    for (const Case& item : cases) {
        QList<double> ourUp, theirUp, ourDown, theirDown;
        qint64 peakUp = 0;
        qint64 peakDown = 0;
        for (int round = 0; round < rounds; ++round) {
            inContainer(QStringLiteral("rm -rf /bench/ours /bench/theirs && mkdir -p /bench/ours "
                                       "/bench/theirs"));
            const QString local = source + QLatin1Char('/') + item.item;
            const bool oursFirst = round % 2 == 0;
            // Both tools' runs in the order of this round.
            const auto both = [oursFirst](const QStringList& ourCommand,
                                          const QStringList& theirCommand) {
                std::pair<Run, Run> runs;
                if (oursFirst)
                    runs.first = runChild(ourCommand);
                runs.second = runChild(theirCommand);
                if (!oursFirst)
                    runs.first = runChild(ourCommand);
                return runs;
            };
            const auto [ours, theirs] =
                both({ctl, QStringLiteral("cp"), local, remote + QStringLiteral("/bench/ours")},
                     {QStringLiteral("docker"), QStringLiteral("cp"), local,
                      remote + QStringLiteral("/bench/theirs")});
            allOk = allOk && ours.ok && theirs.ok;
            ourUp << item.bytes / ours.seconds / 1e6;
            theirUp << item.bytes / theirs.seconds / 1e6;
            peakUp = qMax(peakUp, ours.peakBytes);

            const QString ourDir = work.path() + QStringLiteral("/ours");
            const QString theirDir = work.path() + QStringLiteral("/theirs");
            QDir(ourDir).removeRecursively();
            QDir(theirDir).removeRecursively();
            QDir().mkpath(ourDir);
            QDir().mkpath(theirDir);
            const QString from = QStringLiteral("/bench/ours/") + item.item;
            const auto [ourDownload, theirDownload] =
                both({ctl, QStringLiteral("cp"), remote + from, ourDir},
                     {QStringLiteral("docker"), QStringLiteral("cp"), remote + from, theirDir});
            allOk = allOk && ourDownload.ok && theirDownload.ok;
            ourDown << item.bytes / ourDownload.seconds / 1e6;
            theirDown << item.bytes / theirDownload.seconds / 1e6;
            peakDown = qMax(peakDown, ourDownload.peakBytes);
            if (item.item == QLatin1String("big") &&
                QFileInfo(ourDir + QStringLiteral("/big")).size() != qint64(bigMb << 20)) {
                std::fprintf(stderr, "the downloaded file has the wrong size\n");
                allOk = false;
            }
        }
        std::printf("%-12s %-9s %20s %20s %8.2f %14.1f\n", item.label, "upload",
                    figure(ourUp).constData(), figure(theirUp).constData(),
                    median(ourUp) / median(theirUp), peakUp / 1e6);
        std::printf("%-12s %-9s %20s %20s %8.2f %14.1f\n", item.label, "download",
                    figure(ourDown).constData(), figure(theirDown).constData(),
                    median(ourDown) / median(theirDown), peakDown / 1e6);
        std::fflush(stdout);
    }
    docker({QStringLiteral("rm"), QStringLiteral("-f"), container});
    if (!allOk)
        std::fprintf(stderr, "some copies failed\n");
    return allOk ? 0 : 1;
}
