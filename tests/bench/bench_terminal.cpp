// bench_terminal: terminal output throughput of our emulator beside bare libvterm and
// @xterm/headless, on the same capture, in the same chunk size.
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

double feedOurs(const QByteArray& capture, int chunk)
{
    TerminalEmulator emulator(120, 40);
    emulator.setScrollbackLimit(10000);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype at = 0; at < capture.size(); at += chunk) {
        emulator.feed(capture.constData() + at, qMin<qsizetype>(chunk, capture.size() - at));
        emulator.takeDamage();
    }
    return capture.size() / 1e6 / (timer.nsecsElapsed() / 1e9);
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

double feedBareLibvterm(const QByteArray& capture, int chunk)
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
    QElapsedTimer timer;
    timer.start();
    for (qsizetype at = 0; at < capture.size(); at += chunk)
        vterm_input_write(vt, capture.constData() + at,
                          size_t(qMin<qsizetype>(chunk, capture.size() - at)));
    const double result = capture.size() / 1e6 / (timer.nsecsElapsed() / 1e9);
    vterm_free(vt);
    return result;
}

double runXterm(const QString& capturePath, int chunk)
{
    const QString prefix =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../bench-node");
    const QString runner = QStringLiteral(SANDBOXDESK_BENCH_SOURCE_DIR "/xterm_headless_bench.mjs");
    if (!QFileInfo::exists(prefix + QStringLiteral("/node_modules/@xterm/headless"))) {
        std::fprintf(stderr, "@xterm/headless is not installed under %s\n", qPrintable(prefix));
        return 0;
    }
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XTERM_NODE_PREFIX"), QDir(prefix).absolutePath());
    node.setProcessEnvironment(env);
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QStringLiteral("node"), {runner, capturePath, QString::number(chunk)});
    if (!node.waitForFinished(3600000) || node.exitCode() != 0) {
        std::fprintf(stderr, "node runner failed\n");
        return 0;
    }
    const QByteArray out = node.readAllStandardOutput();
    const qsizetype at = out.indexOf("xtermjs_headless_mb_s:");
    return at < 0 ? 0 : out.mid(at + 22).trimmed().toDouble();
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

    const double ours = feedOurs(capture, chunk);
    std::printf("ours_mb_s: %.1f\n", ours);
    const double bare = feedBareLibvterm(capture, chunk);
    std::printf("libvterm_bare_mb_s: %.1f\n", bare);
    std::fflush(stdout);
    const double xterm = runXterm(capturePath, chunk);
    std::printf("xtermjs_headless_mb_s: %.1f\n", xterm);
    std::printf("ratio_vs_bare_libvterm: %.2f\n", bare > 0 ? ours / bare : 0.0);
    std::printf("ratio_vs_xtermjs: %.2f\n", xterm > 0 ? ours / xterm : 0.0);
    return 0;
}
