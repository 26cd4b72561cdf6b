#include "FuzzDriver.h"
#include "sandbox/LogStream.h"

#include <QDateTime>

#include <cstdint>
#include <cstdlib>
#include <cstring>

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// RFC 3339 times at the start of log lines: never a read past the end, a length within the
// input, and a time that formats and parses back to itself.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // An exact-size copy, so that AddressSanitizer sees a read one byte too far.
    char* copy = static_cast<char*>(std::malloc(size ? size : 1));
    if (size)
        std::memcpy(copy, data, size);
    qint64 nanoseconds = 0;
    const qsizetype used = LogStream::parseTimestamp(copy, qsizetype(size), &nanoseconds);
    std::free(copy);
    if (used < 0 || used > qsizetype(size))
        std::abort();
    if (used > 0) {
        const QByteArray text = LogStream::formatTimestamp(nanoseconds);
        qint64 again = 0;
        if (LogStream::parseTimestamp(text.constData(), text.size(), &again) != text.size() ||
            again != nanoseconds)
            std::abort();
        (void)LogStream::toDateTime(nanoseconds);
    }
    return 0;
}
