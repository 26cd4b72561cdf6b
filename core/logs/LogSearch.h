#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class LogBuffer;
class QThread;

// Finds the lines of a LogBuffer that match, on a worker thread, and reports them in
// ascending batches. The lines found so far are the filter a view shows. The worker shares the
// buffer, so neither cancelling nor deleting the search waits for it; appends may go on
// meanwhile (lines appended after start() are not searched). Lines cut at the buffer's cap are
// searched piece by piece.
class LogSearch final : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Plain,
        RegularExpression
    };
    Q_ENUM(Mode)

    enum class Streams
    {
        Both,
        Stdout,
        Stderr
    };
    Q_ENUM(Streams)

    struct Query
    {
        QString text;
        Mode mode = Mode::Plain;
        Qt::CaseSensitivity caseSensitivity = Qt::CaseSensitive;
        Streams streams = Streams::Both; // lines of the other stream never match
    };

    explicit LogSearch(std::shared_ptr<const LogBuffer> buffer, QObject* parent = nullptr);
    ~LogSearch() override; // stops the worker without waiting for it

    // Searches lines [first, last); last -1 means up to the count at this call. A running
    // search is cancelled first.
    void start(const Query& query, qint64 first = 0, qint64 last = -1);
    // finished(false) follows at once; nothing of the cancelled search arrives after it.
    void cancel();
    bool isRunning() const { return m_running; }
    const QList<qint64>& matches() const { return m_matches; }

    // Whether text contains query.text as the search compares (plain queries only): bytes for
    // ASCII, Unicode simple case folding once a line or the text is not ASCII.
    static bool containsPlain(QByteArrayView line, const Query& query);

Q_SIGNALS:
    void matchesFound(const QList<qint64>& lines);
    void progressed(qint64 searched, qint64 total);
    // complete is false when cancelled.
    void finished(bool complete);
    void failed(const QString& message); // an invalid regular expression; translated

private:
    void stopWorker();
    void deliver(quint64 generation, const QList<qint64>& batch, qint64 searched, qint64 total,
                 bool done);

    std::shared_ptr<const LogBuffer> m_buffer;
    QPointer<QThread> m_thread;
    bool m_running = false;
    quint64 m_generation = 0;
    QList<qint64> m_matches;
};
