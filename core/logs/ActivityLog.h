#pragma once

#include "sandbox/Error.h"

#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <memory>

class ActivityLogFile;
class LogBuffer;

// What the user did in this session, recorded as it happens: the action, the sandbox (name and
// id) and connection it was done to, when, and how it ended. Only names, ids and actions are
// kept; error texts are scrubbed of anything shaped like a secret before they are stored. The
// oldest entries go past maxEntries. The entries are also lines of a LogBuffer (one a line,
// failures on the stderr stream), so a log view can show, search and filter them. With a file
// (ActivityLogFile) the log outlives the session and holds what other programs recorded too.
class ActivityLog final : public QObject
{
    Q_OBJECT
public:
    enum class Result
    {
        Done,
        Failed,
        Cancelled
    };
    Q_ENUM(Result)

    struct Entry
    {
        qint64 time = 0; // nanoseconds since the epoch, UTC
        QString action;  // as the user saw it, translated ("Stop", "Open Terminal")
        QString sandbox; // name, or empty for what concerns no sandbox
        QString sandboxId;
        QString connection; // display name of the backend
        Result result = Result::Done;
        QString detail; // what went wrong, or what was done (a file name); scrubbed
        QString by;     // the program that did it ("sandboxdesk", "sandboxctl")
    };

    enum class Format
    {
        PlainText, // one line an entry: time (UTC), then the text a view shows
        JsonLines  // {"time","action","sandbox","id","connection","result","detail"} a line
    };
    Q_ENUM(Format)

    static constexpr int DefaultMaxEntries = 10000;

    explicit ActivityLog(int maxEntries = DefaultMaxEntries, QObject* parent = nullptr);
    ~ActivityLog() override;

    // Entries also go to file, and what other programs append to it comes in here; the file's
    // entries so far are read first. file must outlive the log.
    void setFile(ActivityLogFile* file);
    // Entries recorded here name this program (default: the application's name).
    void setOrigin(const QString& by) { m_origin = by; }

    void record(Entry entry); // time 0 means now
    void record(const QString& action, const QString& sandbox, const QString& sandboxId,
                const QString& connection, const Error& error = {});

    qsizetype size() const { return qsizetype(m_entries.size()); }
    const Entry& at(qsizetype index) const { return m_entries.at(size_t(index)); }
    // Line i of the buffer is entry i; the buffer is rebuilt when the oldest entries go.
    std::shared_ptr<const LogBuffer> buffer() const { return m_buffer; }

    // The line a view shows for an entry (without the time).
    static QString describe(const Entry& entry);
    static QString resultName(Result result); // translated
    static QString resultKey(Result result);  // "done", "failed", "cancelled"

    // Replaces the value of anything that looks like key=value, key: value, a bearer token or a
    // password in a URL, where the key names a secret, with "***".
    static QString scrub(const QString& text);
    // The entry with every text field scrubbed.
    static Entry scrubbed(Entry entry);

    // Writes the given entries (all when lines is null) at once: the log is small by design.
    // The file appears complete or not at all.
    Error exportTo(const QString& fileName, Format format,
                   const QList<qint64>* lines = nullptr) const;
    QByteArray format(const Entry& entry, Format format) const;

Q_SIGNALS:
    void recorded(const ActivityLog::Entry& entry);
    // The oldest entries went and the buffer was rebuilt; views start over.
    void trimmed();

private:
    void appendLine(const Entry& entry);
    void add(Entry entry);

    ActivityLogFile* m_file = nullptr;
    QString m_origin;

    const int m_maxEntries;
    std::deque<Entry> m_entries;
    std::shared_ptr<LogBuffer> m_buffer;
};
