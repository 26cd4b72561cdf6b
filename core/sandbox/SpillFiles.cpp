#include "SpillFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <sys/stat.h>

namespace SpillFiles {

QString folder()
{
    const QString path = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                         QLatin1String("/sandboxdesk/spill");
    // Created private; the files in it are private already, the folder keeps their names so too.
    if (QDir().mkpath(path))
        ::chmod(QFile::encodeName(path).constData(), 0700);
    return path;
}

std::unique_ptr<QTemporaryFile> create(const QString& kind)
{
    return std::make_unique<QTemporaryFile>(QStringLiteral("%1/%2-%3-XXXXXX")
                                                .arg(folder())
                                                .arg(QCoreApplication::applicationPid())
                                                .arg(kind));
}

namespace {
std::atomic<qint64> limit{DefaultDiskLimit};
std::atomic<qint64> used{0};
} // namespace

void setDiskLimit(qint64 bytes)
{
    limit.store(bytes);
}

qint64 diskLimit()
{
    return limit.load();
}

bool reserve(qint64 bytes)
{
    qint64 now = used.load();
    do {
        if (bytes > limit.load() - now)
            return false;
    } while (!used.compare_exchange_weak(now, now + bytes));
    return true;
}

void release(qint64 bytes)
{
    used.fetch_sub(bytes);
}

qint64 reserved()
{
    return used.load();
}

int removeStale()
{
    QDir dir(folder());
    int removed = 0;
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : names) {
        const qsizetype dash = name.indexOf(QLatin1Char('-'));
        bool ok = false;
        const int pid = dash > 0 ? name.left(dash).toInt(&ok) : 0;
        if (!ok || pid <= 0 || pid == QCoreApplication::applicationPid())
            continue;
        // ESRCH: no such process. EPERM means it runs under another user: not gone.
        if (::kill(pid, 0) == 0 || errno != ESRCH)
            continue;
        if (dir.remove(name))
            ++removed;
    }
    return removed;
}

} // namespace SpillFiles
