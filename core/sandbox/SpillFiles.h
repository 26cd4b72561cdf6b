#pragma once

#include <QString>
#include <QTemporaryFile>

#include <memory>

// Temporary files for what should not stay in memory (older log lines, long recordings, a
// spooled upload). They live in one folder of ours that only the user can enter, are readable
// by the user only, and carry the id of the process that made them, so that what a crash left
// behind is removed at the next start.
namespace SpillFiles {

// <cache>/sandboxdesk/spill (XDG_CACHE_HOME on Linux): on disk, not in a RAM-backed /tmp.
QString folder();
// A file named "<pid>-<kind>-XXXXXX" in folder(), not yet opened; open() creates it (0600).
std::unique_ptr<QTemporaryFile> create(const QString& kind);
// Removes the files of processes that are gone; returns how many. Run once at start.
int removeStale();

// What the spill files of this process may hold together on disk: past it a log drops its
// oldest lines and a recording stops, each saying so. 4 GiB unless set.
constexpr qint64 DefaultDiskLimit = qint64(4) * 1024 * 1024 * 1024;
void setDiskLimit(qint64 bytes);
qint64 diskLimit();
// Takes bytes from what is left; false, taking nothing, when that would pass the limit.
bool reserve(qint64 bytes);
// Gives back bytes written earlier, once their file is gone.
void release(qint64 bytes);
qint64 reserved();

} // namespace SpillFiles
