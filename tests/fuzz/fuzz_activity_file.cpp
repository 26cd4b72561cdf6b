#include "FuzzDriver.h"
#include "logs/ActivityLog.h"
#include "logs/ActivityLogFile.h"

#include <cstdint>
#include <cstdlib>

QList<QByteArray> fuzzSeeds()
{
    return {
        QByteArrayLiteral("{\"time\":\"2024-05-01T10:00:00.000000005Z\",\"action\":\"Clean Up\","
                          "\"sandbox\":\"old\",\"id\":\"0123\",\"connection\":\"Docker (local)\","
                          "\"result\":\"done\",\"detail\":\"idle for 3 minutes\","
                          "\"by\":\"sandboxctl\"}"),
        QByteArrayLiteral("{\"time\":\"2024-05-01T10:00:00+08:00\",\"action\":\"Stop\","
                          "\"result\":\"failed\",\"detail\":\"token=abc\"}"),
    };
}

// A line of the activity file, which another program (or another version) wrote: read into an
// entry or refused, and an entry read writes back as a line that reads the same.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // Entries are a few hundred bytes; 8 KiB stays under the line limit however JSON escapes it
    // when written back.
    const QByteArray line(reinterpret_cast<const char*>(data), qsizetype(qMin<size_t>(size, 8192)));
    ActivityLog::Entry entry;
    if (!ActivityLogFile::parseLine(line, &entry))
        return 0;
    static ActivityLog log(4);
    const QByteArray written = log.format(entry, ActivityLog::Format::JsonLines);
    ActivityLog::Entry again;
    if (!ActivityLogFile::parseLine(written.chopped(1), &again))
        std::abort();
    if (again.time != entry.time || again.action != entry.action ||
        again.sandbox != entry.sandbox || again.sandboxId != entry.sandboxId ||
        again.detail != entry.detail || again.by != entry.by || again.result != entry.result)
        std::abort();
    log.record(entry);
    return 0;
}
