// bench_terminal: terminal output throughput of our emulator beside bare libvterm and
// @xterm/headless, on the same capture, in the same chunk size. Each figure comes twice: by the
// wall clock and by CPU time, which holds on a shared machine. Ours is also measured with the
// plain-text shortcut off (every character through libvterm's callbacks).
//   bench_terminal [--capture FILE] [--megabytes N] [--chunk BYTES]
// The capture (ls -lR --color=always /usr, 256-colour and true-colour SGR runs, CJK text; at
// least N MB, default 200) is built once and cached beside the executable. The xterm.js figure
// needs node and `npm install --prefix <build dir>/bench-node @xterm/headless`.
#include "terminal/TerminalEmulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

#include <vterm.h>

#include <cstdio>
#include <ctime>

namespace {

QByteArray colourSample()
{
    QByteArray b;
    for (int line = 0; line < 2000; ++line) {
        for (int i = 0; i < 24; ++i) {
            const int n = (line * 24 + i) % 256;
            if (i % 2)
                b += "\x1b[38;5;" + QByteArray::number(n) + ";48;5;" + QByteArray::number(255 - n) +
                     "mcol";
            else
                b += "\x1b[38;2;" + QByteArray::number(n) + ';' + QByteArray::number(line % 256) +
                     ';' + QByteArray::number(i * 10) + "mrgb";
        }
        b += "\x1b[0m\r\n";
    }
    return b;
}

QByteArray cjkSample()
{
    const QByteArray words[] = {"终端", "日本語のテキスト", "한국어", "沙箱容器", "输出"};
    QByteArray b;
    for (int line = 0; line < 4000; ++line) {
        for (int i = 0; i < 8; ++i)
            b += words[(line + i) % 5] + ' ';
        b += "\r\n";
    }
    return b;
}

QByteArray buildCapture(qint64 minimumBytes)
{
    QProcess ls;
    ls.start(QStringLiteral("ls"),
             {QStringLiteral("-lR"), QStringLiteral("--color=always"), QStringLiteral("/usr")});
    ls.waitForFinished(600000);
    QByteArray listing = ls.readAllStandardOutput();
    // A program writing to a pty gets \n turned into \r\n; that is what a terminal sees.
    listing.replace("\n", "\r\n");
    const QByteArray unit = listing + colourSample() + cjkSample();
    QByteArray capture;
    capture.reserve(minimumBytes + unit.size());
    while (capture.size() < minimumBytes)
        capture += unit;
    return capture;
}

// Throughput by the wall clock and by the CPU time the work took: on a shared machine the
// second does not depend on what else runs.
struct Rate
{
    double wall = 0;
    double cpu = 0;
};

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

class Meter
{
public:
    Meter()
        : m_cpu(cpuSeconds())
    {
        m_wall.start();
    }
    Rate rate(qint64 bytes) const
    {
        return {bytes / 1e6 / (m_wall.nsecsElapsed() / 1e9), bytes / 1e6 / (cpuSeconds() - m_cpu)};
    }

private:
    QElapsedTimer m_wall;
    double m_cpu;
};

Rate feedOurs(const QByteArray& capture, int chunk, bool shortcut)
{
    TerminalEmulator emulator(120, 40);
    emulator.setScrollbackLimit(10000);
    emulator.setPlainTextShortcut(shortcut);
    const Meter meter;
    for (qsizetype at = 0; at < capture.size(); at += chunk) {
        emulator.feed(capture.constData() + at, qMin<qsizetype>(chunk, capture.size() - at));
        emulator.takeDamage();
    }
    return meter.rate(capture.size());
}

// Bare libvterm: its parser and state layer with callbacks that do nothing (scrollrect says it
// handled the scroll, so libvterm does not fall back to moverect/erase either).
int nothing(void*)
{
    return 1;
}
int noGlyph(VTermGlyphInfo*, VTermPos, void*)
{
    return 1;
}
int noMove(VTermPos, VTermPos, int, void*)
{
    return 1;
}
int noScroll(VTermRect, int, int, void*)
{
    return 1;
}
int noMoveRect(VTermRect, VTermRect, void*)
{
    return 1;
}
int noErase(VTermRect, int, void*)
{
    return 1;
}
int noPen(VTermAttr, VTermValue*, void*)
{
    return 1;
}
int noProp(VTermProp, VTermValue*, void*)
{
    return 1;
}
int noResize(int, int, VTermPos*, void*)
{
    return 1;
}
int noLineInfo(int, const VTermLineInfo*, const VTermLineInfo*, void*)
{
    return 1;
}
void noOutput(const char*, size_t, void*) {}

Rate feedBareLibvterm(const QByteArray& capture, int chunk)
{
    VTerm* vt = vterm_new(40, 120);
    vterm_set_utf8(vt, 1);
    vterm_output_set_callback(vt, &noOutput, nullptr);
    VTermState* state = vterm_obtain_state(vt);
    static const VTermStateCallbacks callbacks = {&noGlyph, &noMove,   &noScroll,  &noMoveRect,
                                                  &noErase, &nothing,  &noPen,     &noProp,
                                                  &nothing, &noResize, &noLineInfo};
    vterm_state_set_callbacks(state, &callbacks, nullptr);
    vterm_state_reset(state, 1);
    const Meter meter;
    for (qsizetype at = 0; at < capture.size(); at += chunk)
        vterm_input_write(vt, capture.constData() + at,
                          size_t(qMin<qsizetype>(chunk, capture.size() - at)));
    const Rate result = meter.rate(capture.size());
    vterm_free(vt);
    return result;
}

Rate runXterm(const QString& capturePath, int chunk)
{
    const QString prefix =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../bench-node");
    const QString runner = QStringLiteral(SANDBOXDESK_BENCH_SOURCE_DIR "/xterm_headless_bench.mjs");
    if (!QFileInfo::exists(prefix + QStringLiteral("/node_modules/@xterm/headless"))) {
        std::fprintf(stderr, "@xterm/headless is not installed under %s\n", qPrintable(prefix));
        return {};
    }
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XTERM_NODE_PREFIX"), QDir(prefix).absolutePath());
    node.setProcessEnvironment(env);
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QStringLiteral("node"), {runner, capturePath, QString::number(chunk)});
    if (!node.waitForFinished(3600000) || node.exitCode() != 0) {
        std::fprintf(stderr, "node runner failed\n");
        return {};
    }
    const QByteArray out = node.readAllStandardOutput();
    auto figure = [&out](const QByteArray& name) {
        for (const QByteArray& line : out.split('\n')) {
            if (line.startsWith(name + ':'))
                return line.mid(name.size() + 1).trimmed().toDouble();
        }
        return 0.0;
    };
    return {figure("xtermjs_headless_mb_s"), figure("xtermjs_headless_cpu_mb_s")};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    qint64 megabytes = 200;
    int chunk = 64 * 1024;
    QString capturePath =
        QCoreApplication::applicationDirPath() + QStringLiteral("/bench-terminal-capture.bin");
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--capture"))
            capturePath = args.at(i + 1);
        if (args.at(i) == QLatin1String("--megabytes"))
            megabytes = args.at(i + 1).toLongLong();
        if (args.at(i) == QLatin1String("--chunk"))
            chunk = args.at(i + 1).toInt();
    }
    QFile file(capturePath);
    if (!file.exists() || file.size() < megabytes * 1000 * 1000) {
        std::printf("building capture %s …\n", qPrintable(capturePath));
        const QByteArray capture = buildCapture(megabytes * 1000 * 1000);
        if (!file.open(QIODevice::WriteOnly) || file.write(capture) != capture.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(capturePath));
            return 1;
        }
        file.close();
    }
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray capture = file.readAll();
    std::printf("capture_mb: %.1f\nchunk_bytes: %d\n", capture.size() / 1e6, chunk);

    const Rate ours = feedOurs(capture, chunk, true);
    std::printf("ours_mb_s: %.1f\nours_cpu_mb_s: %.1f\n", ours.wall, ours.cpu);
    const Rate throughCallbacks = feedOurs(capture, chunk, false);
    std::printf("ours_without_shortcut_mb_s: %.1f\nours_without_shortcut_cpu_mb_s: %.1f\n",
                throughCallbacks.wall, throughCallbacks.cpu);
    const Rate bare = feedBareLibvterm(capture, chunk);
    std::printf("libvterm_bare_mb_s: %.1f\nlibvterm_bare_cpu_mb_s: %.1f\n", bare.wall, bare.cpu);
    std::fflush(stdout);
    const Rate xterm = runXterm(capturePath, chunk);
    std::printf("xtermjs_headless_mb_s: %.1f\nxtermjs_headless_cpu_mb_s: %.1f\n", xterm.wall,
                xterm.cpu);
    auto ratio = [](double a, double b) {
        return b > 0 ? a / b : 0.0;
    };
    std::printf("ratio_vs_bare_libvterm_cpu: %.2f\n", ratio(ours.cpu, bare.cpu));
    std::printf("ratio_vs_xtermjs_cpu: %.2f\n", ratio(ours.cpu, xterm.cpu));
    std::printf("ratio_vs_bare_libvterm: %.2f\n", ratio(ours.wall, bare.wall));
    std::printf("ratio_vs_xtermjs: %.2f\n", ratio(ours.wall, xterm.wall));
    return 0;
}
