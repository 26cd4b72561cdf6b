#include "FuzzDriver.h"
#include "logs/AnsiText.h"

#include <cstdint>
#include <cstdlib>

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// A log line with whatever escapes a program wrote: the runs' text is the plain text, no run
// is empty, neighbours differ in style, and no escape or control character (but a tab) is left.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // Longer lines only repeat what their start does, at a cost on every ctest run.
    const QByteArrayView line(reinterpret_cast<const char*>(data),
                              qsizetype(qMin<size_t>(size, 4096)));
    const QList<AnsiRun> runs = AnsiText::parse(line);
    QString joined;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const AnsiRun& run = runs.at(i);
        if (run.text.isEmpty())
            std::abort();
        if (i > 0 && run.sameStyle(runs.at(i - 1)))
            std::abort();
        joined += run.text;
    }
    if (joined != AnsiText::plainText(line))
        std::abort();
    for (const QChar c : joined) {
        if ((c.unicode() < 0x20 && c != u'\t') || c.unicode() == 0x7f)
            std::abort();
    }
    return 0;
}
