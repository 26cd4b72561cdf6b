#pragma once

#include "ActivityLog.h"

#include <QFile>
#include <QList>
#include <QObject>
#include <QString>

class SharedFile;

// The activity log on disk, one file that the window and sandboxctl both append to: JSON lines
// (ActivityLog::Format::JsonLines), written whole under a lock, readable by the user alone
// (0600). Past maxBytes the file becomes FILE.1 (replacing the one before) and a new one
// starts, so the log never holds more than twice maxBytes. Lines another program appends are
// read as they come while watching; what this object appended itself is never read back.
class ActivityLogFile final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMaxBytes = 1024 * 1024;

    // sandboxdesk/activity.jsonl in the user's data folder.
    static QString defaultPath();

    explicit ActivityLogFile(const QString& path, qint64 maxBytes = DefaultMaxBytes,
                             QObject* parent = nullptr);
    ~ActivityLogFile() override;

    const QString& path() const { return m_path; }
    // The entries on disk now, oldest first (the rotated file's, then the current one's), at
    // most the last maxEntries; from here on only what others append is reported.
    QList<ActivityLog::Entry> readExisting(int maxEntries);
    // Appends one entry (time 0: now); what others appended since the last read is reported
    // first.
    Error append(const ActivityLog::Entry& entry);
    // Reads what others append as they do; off by default (sandboxctl only writes).
    void setWatching(bool watching);

    // One line of the file, or false for a line that is not an entry.
    static bool parseLine(const QByteArray& line, ActivityLog::Entry* entry);

Q_SIGNALS:
    // Entries another program appended, in the file's order.
    void appended(const QList<ActivityLog::Entry>& entries);

private:
    void readNew();
    bool reopenIfReplaced();

    QString m_path;
    qint64 m_maxBytes;
    QFile m_reader;       // stays on a file that is rotated away until its last lines are read
    QByteArray m_partial; // a line still being written
    SharedFile* m_file;   // the lock and the watch
};
