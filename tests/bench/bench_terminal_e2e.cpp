// bench_terminal_e2e: terminal output end to end, from `cat` in a container through the engine,
// DockerExecSession and the emulator, beside the docker CLI doing the same into /dev/null; and
// keystroke-to-echo latency over the same engine.
//   bench_terminal_e2e [--capture FILE] [--keystrokes N]
// Needs DOCKER_HOST pointing at a test engine that has the test image (SANDBOXDESK_TEST_IMAGE,
// default sandboxdesk/busybox:test); the container runs with --network none. The capture is
// the one bench_terminal caches beside itself (run that first) or any file given.
#include "docker/DockerBackend.h"
#include "docker/DockerEndpoint.h"
#include "sandbox/ExecSession.h"
#include "terminal/SessionRecorder.h"
#include "terminal/TerminalEmulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

struct Cli
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Cli docker(const QStringList& arguments, const QString& outputFile = {})
{
    QProcess process;
    if (!outputFile.isEmpty())
        process.setStandardOutputFile(outputFile);
    process.start(QStringLiteral("docker"), arguments);
    process.waitForFinished(-1);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// Runs the event loop until done() or the time is up; false on time out.
bool spin(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

enum class Sink
{
    Nothing,
    Emulator,
    EmulatorAndRecorder
};

// `cat FILE` over a TTY exec; returns MB/s of the file's size, 0 on failure.
double catThroughSession(DockerBackend& backend, const QString& id, const QString& file,
                         qint64 fileSize, Sink sink, qint64* received)
{
    TerminalEmulator emulator(120, 40);
    SessionRecorder recorder(120, 40);
    // As the view does: it takes the damage when told there is some.
    QObject::connect(&emulator, &TerminalEmulator::damaged, &emulator,
                     [&emulator] { emulator.takeDamage(); });
    ExecOptions options;
    options.command = {QStringLiteral("cat"), file};
    options.tty = true;
    options.attachStdin = false;
    options.columns = 120;
    options.rows = 40;
    std::unique_ptr<ExecSession> session(backend.openExec(id, options));
    bool ended = false;
    int exitCode = -1;
    *received = 0;
    QObject::connect(session.get(), &ExecSession::received, session.get(),
                     [&](ExecSession::Stream, const QByteArray& bytes) {
                         *received += bytes.size();
                         if (sink == Sink::EmulatorAndRecorder)
                             recorder.recordOutput(bytes);
                         if (sink != Sink::Nothing)
                             emulator.feed(bytes);
                     });
    QObject::connect(session.get(), &ExecSession::finished, session.get(), [&](int code) {
        exitCode = code;
        ended = true;
    });
    QObject::connect(session.get(), &ExecSession::failed, session.get(), [&](const Error& error) {
        std::fprintf(stderr, "exec failed: %s\n", qPrintable(error.fullText()));
        ended = true;
    });
    QElapsedTimer timer;
    timer.start();
    session->start();
    if (!spin([&] { return ended; }, 30 * 60 * 1000) || exitCode != 0)
        return 0;
    return fileSize / 1e6 / (timer.nsecsElapsed() / 1e9);
}

double catThroughCli(const QStringList& execArguments, qint64 fileSize)
{
    QElapsedTimer timer;
    timer.start();
    const Cli result = docker(execArguments, QStringLiteral("/dev/null"));
    if (result.exitCode != 0) {
        std::fprintf(stderr, "docker %s: %s\n", qPrintable(execArguments.join(QLatin1Char(' '))),
                     result.err.constData());
        return 0;
    }
    return fileSize / 1e6 / (timer.nsecsElapsed() / 1e9);
}

// One byte at a time into `cat` on a TTY: the terminal line discipline echoes it, and the
// time runs until the emulator's cursor has moved past it.
std::vector<double> echoLatencies(DockerBackend& backend, const QString& id, int keystrokes)
{
    std::vector<double> latencies;
    TerminalEmulator emulator(120, 40);
    ExecOptions options;
    options.command = {QStringLiteral("cat")};
    options.tty = true;
    options.columns = 120;
    options.rows = 40;
    std::unique_ptr<ExecSession> session(backend.openExec(id, options));
    bool started = false;
    bool ended = false;
    QObject::connect(session.get(), &ExecSession::started, session.get(), [&] { started = true; });
    QObject::connect(session.get(), &ExecSession::received, session.get(),
                     [&](ExecSession::Stream, const QByteArray& bytes) { emulator.feed(bytes); });
    QObject::connect(session.get(), &ExecSession::finished, session.get(), [&] { ended = true; });
    QObject::connect(session.get(), &ExecSession::failed, session.get(), [&] { ended = true; });
    session->start();
    if (!spin([&] { return started || ended; }, 30000) || ended)
        return latencies;
    constexpr int LineLength = 40;
    QElapsedTimer timer;
    for (int k = 0; k < keystrokes; ++k) {
        const int column = k % LineLength;
        const int row = emulator.cursor().row;
        const char typed = char('a' + k % 26);
        timer.start();
        session->write(QByteArray(1, typed));
        if (!spin(
                [&] {
                    return ended || (emulator.cursor().column == column + 1 &&
                                     emulator.cell(row, column).codepoint == char32_t(typed));
                },
                30000) ||
            ended)
            break;
        latencies.push_back(timer.nsecsElapsed() / 1e6);
        if (column == LineLength - 1) {
            // Enter: the echo of the line feed, then cat's copy of the line, end at column 0.
            const int rowBefore = emulator.cursor().row;
            session->write("\r");
            if (!spin(
                    [&] {
                        return ended || (emulator.cursor().column == 0 &&
                                         (emulator.cursor().row >= rowBefore + 2 ||
                                          emulator.cursor().row == emulator.rows() - 1));
                    },
                    30000))
                break;
            spin([] { return false; }, 20); // cat's output may come in two pieces
        }
    }
    session->write("\x04"); // end of input: cat exits
    spin([&] { return ended; }, 10000);
    return latencies;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto at = size_t(std::min<double>(double(values.size() - 1), p * double(values.size())));
    return values[at];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QString capturePath =
        QCoreApplication::applicationDirPath() + QStringLiteral("/bench-terminal-capture.bin");
    int keystrokes = 400;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--capture"))
            capturePath = args.at(i + 1);
        if (args.at(i) == QLatin1String("--keystrokes"))
            keystrokes = args.at(i + 1).toInt();
    }
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("DOCKER_HOST"))) {
        std::fprintf(stderr, "DOCKER_HOST must point at a test engine\n");
        return 1;
    }
    const QFileInfo capture(capturePath);
    if (!capture.exists()) {
        std::fprintf(stderr, "no capture at %s: run bench_terminal first or pass --capture\n",
                     qPrintable(capturePath));
        return 1;
    }
    const QString image = environment.value(QStringLiteral("SANDBOXDESK_TEST_IMAGE"),
                                            QStringLiteral("sandboxdesk/busybox:test"));

    const Cli run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), image, QStringLiteral("sleep"), QStringLiteral("3600")});
    if (run.exitCode != 0) {
        std::fprintf(stderr, "docker run failed: %s\n", run.err.constData());
        return 1;
    }
    const QString id = QString::fromUtf8(run.out).trimmed();
    const QString file = QStringLiteral("/tmp/capture.bin");
    int status = 1;
    if (docker({QStringLiteral("cp"), capturePath, id + QLatin1Char(':') + file}).exitCode == 0) {
        const auto choice = DockerEndpoint(environment).primary();
        DockerBackend backend(QStringLiteral("bench"), choice.source, choice.endpoint);
        backend.connectToBackend();
        if (spin([&] { return backend.state() == Backend::State::Connected; }, 30000)) {
            const qint64 size = capture.size();
            std::printf("capture_mb: %.1f\n", size / 1e6);
            std::fflush(stdout);
            const double cliPlain =
                catThroughCli({QStringLiteral("exec"), id, QStringLiteral("cat"), file}, size);
            std::printf("docker_exec_cat_devnull_mb_s: %.1f\n", cliPlain);
            const double cliTty = catThroughCli(
                {QStringLiteral("exec"), QStringLiteral("-t"), id, QStringLiteral("cat"), file},
                size);
            std::printf("docker_exec_tty_cat_devnull_mb_s: %.1f\n", cliTty);
            std::fflush(stdout);
            qint64 received = 0;
            const double bare =
                catThroughSession(backend, id, file, size, Sink::Nothing, &received);
            std::printf("exec_session_tty_discard_mb_s: %.1f\n", bare);
            std::fflush(stdout);
            const double model =
                catThroughSession(backend, id, file, size, Sink::Emulator, &received);
            std::printf("exec_session_tty_emulator_mb_s: %.1f\n", model);
            std::fflush(stdout);
            const double recorded =
                catThroughSession(backend, id, file, size, Sink::EmulatorAndRecorder, &received);
            std::printf("exec_session_tty_emulator_recorder_mb_s: %.1f\n", recorded);
            std::printf("tty_bytes_received: %lld\n", received);
            std::printf("ratio_emulator_vs_docker_cli: %.2f\n",
                        cliPlain > 0 ? model / cliPlain : 0.0);
            std::printf("ratio_emulator_vs_docker_cli_tty: %.2f\n",
                        cliTty > 0 ? model / cliTty : 0.0);
            std::fflush(stdout);

            const std::vector<double> latencies = echoLatencies(backend, id, keystrokes);
            std::printf("echo_keystrokes: %zu\n", latencies.size());
            std::printf("echo_latency_ms_p50: %.3f\n", percentile(latencies, 0.50));
            std::printf("echo_latency_ms_p95: %.3f\n", percentile(latencies, 0.95));
            std::printf("echo_latency_ms_max: %.3f\n", percentile(latencies, 1.0));
            status = latencies.empty() || model == 0 ? 1 : 0;
        } else {
            std::fprintf(stderr, "could not connect to the engine\n");
        }
    } else {
        std::fprintf(stderr, "docker cp of the capture failed\n");
    }
    docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
    return status;
}
