#include "FuzzDriver.h"
#include "eci/EciLogStream.h"

#include <cstdint>
#include <cstdlib>

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// DescribeContainerLog's Content with timestamps: lines that each end in '\n' and are taken
// from the input in order, and an unfinished rest.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    QByteArray unfinished;
    const QList<EciLogStream::Line> lines = EciLogStream::parseContent(input, &unfinished);
    qsizetype at = 0;
    for (const EciLogStream::Line& line : lines) {
        if (line.bytes.isEmpty() || !line.bytes.endsWith('\n'))
            std::abort();
        const qsizetype found = input.indexOf(line.bytes, at);
        if (found < 0)
            std::abort();
        at = found + line.bytes.size();
    }
    if (unfinished.contains('\n') || !input.endsWith(unfinished))
        std::abort();
    return 0;
}
