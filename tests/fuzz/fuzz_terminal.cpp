#include "FuzzDriver.h"
#include "terminal/TerminalEmulator.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkSound(TerminalEmulator& t)
{
    const TerminalCursor c = t.cursor();
    check(c.row >= 0 && c.row < t.rows() && c.column >= 0 && c.column <= t.columns());
    check(t.scrollbackSize() <= t.scrollbackLimit());
    check(t.lineCount() == t.scrollbackSize() + t.rows());
    for (int r = 0; r < t.rows(); ++r)
        check(t.screenRow(r).size() == t.columns());
    const TerminalDamage damage = t.takeDamage();
    for (int row : damage.rows)
        check(row >= 0 && row < t.rows());
}

} // namespace

QList<QByteArray> fuzzSeeds()
{
    return {
        "plain text that is long enough for the shortcut\r\nand a second line\r\n",
        "\x1b[1;31mred\x1b[0m \x1b[38;5;202m256\x1b[48;2;1;2;3mtrue\x1b[m\r\n\x1b[8mhidden\x1b[28m",
        "\xe4\xb8\xad\xe6\x96\x87 e\xcc\x81 \xf0\x9f\x98\x80 \xe4\xb8 \xc2\x85 \x80\xff",
        "\x1b(0lqqk\x1b(B\x0e"
        "abc\x0f\x1bn\x1b)0\x1b*B\x1b[4h insert \x1b[4l\x1b[?6h\x1b[2;5r x",
        "\x1b]0;title\x07\x1b]2;ti\x0etle\x1b\\\x1b]52;c;aGVsbG8=\x07\x1bP$qm\x1b\\\x1b]2;x\x1b["
        "31m",
        "\x1b[3b\x1b#8\x1b#6\x1b"
        "7\x1b[?1049h\x1b[?1049l\x1b"
        "8\x1b"
        "c\x1b[?7l\x1b[10G\x1b[5@",
        "\x1b[c\x1b[>c\x1b[5n\x1b[6n\x1bP+q544e\x1b\\\x1b[?1$p\x1b[18t\x1b]10;?\x07",
        "\x1b[2J\x1b[H\x1b[3L\x1b[2M\x1b[S\x1b[2T\x1bM\x1b[2K\x1b[1J\x1b[3P\x1b[2X\x1b[?5h",
    };
}

// The bytes through the scanner into libvterm and the grid: never a crash (libvterm 0.1.4 has
// several on hostile input that the scanner keeps from it) and a sound grid, however the bytes
// are split.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The emulator's damage timer wants an application.
    static int argc = 1;
    static char name[] = "fuzz_terminal";
    static char* argv[] = {name, nullptr};
    static const QCoreApplication app(argc, argv);
    // Longer inputs only repeat what their start does, at a cost on every ctest run.
    size = std::min(size, size_t(4096));
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    TerminalEmulator whole(20, 6);
    whole.setScrollbackLimit(40);
    whole.feed(input);
    checkSound(whole);

    TerminalEmulator split(20, 6);
    split.setScrollbackLimit(40);
    const qsizetype step = size ? 1 + qsizetype(data[0]) % 97 : 1;
    for (qsizetype at = 0; at < input.size(); at += step)
        split.feed(input.constData() + at, qMin(step, input.size() - at));
    checkSound(split);

    // A resize half way, and on with the plain-text shortcut off.
    TerminalEmulator resized(20, 6);
    resized.setPlainTextShortcut(false);
    resized.feed(input.left(input.size() / 2));
    resized.resize(7 + int(size % 30), 2 + int(size % 9));
    resized.feed(input.mid(input.size() / 2));
    checkSound(resized);
    return 0;
}
