#include "ActivityLogFile.h"

#include "sandbox/LogStream.h"
#include "settings/SharedFile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

#include <sys/stat.h>

#include <deque>

namespace {

// An entry is a few hundred bytes; a longer line is not one of ours.
constexpr qsizetype MaxLineBytes = 64 * 1024;

const QFile::Permissions OwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

ActivityLog::Result resultFromKey(const QString& key, bool* known)
{
    *known = true;
    if (key == QLatin1String("done"))
        return ActivityLog::Result::Done;
    if (key == QLatin1String("failed"))
        return ActivityLog::Result::Failed;
    if (key == QLatin1String("cancelled"))
        return ActivityLog::Result::Cancelled;
    *known = false;
    return ActivityLog::Result::Done;
}

// Whether path names another file than the one open as handle (it was rotated away).
bool replaced(const QString& path, const QFile& handle)
{
    struct stat onDisk = {};
    struct stat open = {};
    if (::stat(QFile::encodeName(path).constData(), &onDisk) != 0)
        return false; // not there yet: the next append makes it
    if (!handle.isOpen())
        return true;
    if (::fstat(handle.handle(), &open) != 0)
        return true;
    return onDisk.st_ino != open.st_ino || onDisk.st_dev != open.st_dev;
}

} // namespace

QString ActivityLogFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/sandboxdesk/activity.jsonl");
}

ActivityLogFile::ActivityLogFile(const QString& path, qint64 maxBytes, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_maxBytes(qMax<qint64>(4096, maxBytes))
    , m_file(new SharedFile(path, this))
{
    connect(m_file, &SharedFile::changed, this, &ActivityLogFile::readNew);
}

ActivityLogFile::~ActivityLogFile() = default;

bool ActivityLogFile::parseLine(const QByteArray& line, ActivityLog::Entry* entry)
{
    if (line.size() > MaxLineBytes)
        return false;
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    const QByteArray time = object.value(QLatin1String("time")).toString().toLatin1();
    qint64 nanoseconds = 0;
    if (time.isEmpty() ||
        LogStream::parseTimestamp(time.constData(), time.size(), &nanoseconds) != time.size())
        return false;
    bool known = false;
    const ActivityLog::Result result =
        resultFromKey(object.value(QLatin1String("result")).toString(), &known);
    const QString action = object.value(QLatin1String("action")).toString();
    if (!known || action.isEmpty())
        return false;
    entry->time = nanoseconds;
    entry->action = action;
    entry->sandbox = object.value(QLatin1String("sandbox")).toString();
    entry->sandboxId = object.value(QLatin1String("id")).toString();
    entry->connection = object.value(QLatin1String("connection")).toString();
    entry->result = result;
    entry->detail = object.value(QLatin1String("detail")).toString();
    entry->by = object.value(QLatin1String("by")).toString();
    return true;
}

QList<ActivityLog::Entry> ActivityLogFile::readExisting(int maxEntries)
{
    std::deque<ActivityLog::Entry> entries;
    const auto take = [&](const QByteArray& bytes) {
        for (const QByteArray& line : bytes.split('\n')) {
            ActivityLog::Entry entry;
            if (!line.isEmpty() && parseLine(line, &entry)) {
                entries.push_back(std::move(entry));
                if (int(entries.size()) > maxEntries)
                    entries.pop_front();
            }
        }
    };
    QFile rotated(m_path + QStringLiteral(".1"));
    if (rotated.open(QIODevice::ReadOnly) && rotated.size() <= 2 * m_maxBytes)
        take(rotated.readAll());
    m_reader.close();
    m_reader.setFileName(m_path);
    m_partial.clear();
    if (m_reader.open(QIODevice::ReadOnly)) {
        // A file grown past what this program would let it is not read whole.
        if (m_reader.size() > 2 * m_maxBytes)
            m_reader.seek(m_reader.size() - m_maxBytes);
        QByteArray bytes = m_reader.readAll();
        const qsizetype end = bytes.lastIndexOf('\n') + 1;
        m_partial = bytes.mid(end);
        bytes.truncate(end);
        take(bytes);
    }
    return QList<ActivityLog::Entry>(entries.begin(), entries.end());
}

void ActivityLogFile::readNew()
{
    QList<ActivityLog::Entry> found;
    const auto drain = [&] {
        if (!m_reader.isOpen())
            return;
        while (true) {
            const QByteArray chunk = m_reader.read(256 * 1024);
            if (chunk.isEmpty())
                break;
            m_partial += chunk;
            qsizetype start = 0;
            qsizetype newline;
            while ((newline = m_partial.indexOf('\n', start)) >= 0) {
                ActivityLog::Entry entry;
                if (parseLine(m_partial.mid(start, newline - start), &entry))
                    found.append(std::move(entry));
                start = newline + 1;
            }
            m_partial.remove(0, start);
            if (m_partial.size() > MaxLineBytes)
                m_partial.clear(); // no line of ours; skip to the next newline
        }
    };
    drain();
    if (reopenIfReplaced())
        drain();
    if (!found.isEmpty())
        Q_EMIT appended(found);
}

bool ActivityLogFile::reopenIfReplaced()
{
    if (!replaced(m_path, m_reader))
        return false;
    m_reader.close();
    m_reader.setFileName(m_path);
    m_partial.clear();
    return m_reader.open(QIODevice::ReadOnly);
}

Error ActivityLogFile::append(const ActivityLog::Entry& unscrubbed)
{
    // Nothing shaped like a secret reaches the disk, whoever calls.
    ActivityLog::Entry entry = ActivityLog::scrubbed(unscrubbed);
    if (entry.time == 0) // now, as ActivityLog::record() has it
        entry.time = QDateTime::currentMSecsSinceEpoch() * 1000000;
    QByteArray line =
        QJsonDocument(QJsonObject{
                          {QStringLiteral("time"),
                           QString::fromLatin1(LogStream::formatTimestamp(entry.time))},
                          {QStringLiteral("action"), entry.action},
                          {QStringLiteral("sandbox"), entry.sandbox},
                          {QStringLiteral("id"), entry.sandboxId},
                          {QStringLiteral("connection"), entry.connection},
                          {QStringLiteral("result"), ActivityLog::resultKey(entry.result)},
                          {QStringLiteral("detail"), entry.detail},
                          {QStringLiteral("by"), entry.by},
                      })
            .toJson(QJsonDocument::Compact);
    line.append('\n');

    // Writers take turns, so that every line is whole and rotation happens once.
    Error error;
    const std::unique_ptr<QLockFile> lock = m_file->lock(&error);
    if (!lock)
        return error;
    readNew();
    QFile file(m_path);
    if (file.exists() && file.size() + line.size() > m_maxBytes) {
        const QString rotated = m_path + QStringLiteral(".1");
        QFile::remove(rotated);
        if (!QFile::rename(m_path, rotated))
            return Error::make(Error::Server, tr("Cannot write %1.").arg(m_path));
        readNew(); // now on the new file, which does not exist yet
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append, OwnerOnly))
        return Error::make(Error::Server, tr("Cannot write %1.").arg(m_path), {},
                           file.errorString());
    // An earlier writer that died mid-line must not swallow this entry.
    if (file.size() > 0 && !m_partial.isEmpty())
        line.prepend('\n');
    const bool written = file.write(line) == line.size() && file.flush();
    file.close();
    if (!written)
        return Error::make(Error::Server, tr("Cannot write %1.").arg(m_path), {},
                           file.errorString());
    // Past this entry: it is ours, not something to report.
    if (!m_reader.isOpen() || replaced(m_path, m_reader))
        reopenIfReplaced();
    if (m_reader.isOpen())
        m_reader.seek(m_reader.size());
    m_partial.clear();
    return {};
}

void ActivityLogFile::setWatching(bool watching)
{
    m_file->setWatching(watching);
}
