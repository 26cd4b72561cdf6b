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
    return {};
}

// Output interleaved with what the user does to the window. Bytes 0xf8–0xff never occur in
// UTF-8, so here they are commands with the two bytes that follow as arguments:
//   0xff c r   resize to c % 131 columns and r % 61 rows (0 included: the widget can ask for it)
//   0xfe n     scrollback limit n % 50
//   0xfd a b   read the text of lines a and b, as copying a selection does
//   0xfc       shortcut for plain text off, 0xfb on
// The grid stays sound after each step.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The emulator's damage timer wants an application.
    static int argc = 1;
    static char name[] = "fuzz_terminal_resize";
    static char* argv[] = {name, nullptr};
    static const QCoreApplication app(argc, argv);
    size = std::min(size, size_t(2048));
    TerminalEmulator terminal(20, 6);
    terminal.setScrollbackLimit(30);
    size_t at = 0;
    while (at < size) {
        size_t end = at;
        while (end < size && data[end] < 0xfb)
            ++end;
        if (end > at)
            terminal.feed(reinterpret_cast<const char*>(data + at), qsizetype(end - at));
        checkSound(terminal);
        if (end >= size)
            break;
        const uint8_t command = data[end];
        const auto argument = [&](size_t i) {
            return end + i < size ? int(data[end + i]) : 0;
        };
        at = end + 1;
        switch (command) {
        case 0xff:
            terminal.resize(argument(1) % 131, argument(2) % 61);
            at += 2;
            break;
        case 0xfe:
            terminal.setScrollbackLimit(argument(1) % 50);
            at += 1;
            break;
        case 0xfd: {
            const int lines = terminal.lineCount();
            (void)terminal.text(argument(1) % (lines + 2) - 1, argument(2) % (lines + 2) - 1);
            at += 2;
            break;
        }
        default:
            terminal.setPlainTextShortcut(command == 0xfb);
            break;
        }
        checkSound(terminal);
    }
    return 0;
}
