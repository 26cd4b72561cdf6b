#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class LogBuffer;
class QThread;

// Finds the lines of a LogBuffer that match, on a worker thread, and reports them in
// ascending batches. The lines found so far are the filter a view shows. The buffer must
// outlive the search; appends may go on meanwhile (lines appended after start() are not
// searched). Lines cut at the buffer's cap are searched piece by piece.
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

    struct Query
    {
        QString text;
        Mode mode = Mode::Plain;
        Qt::CaseSensitivity caseSensitivity = Qt::CaseSensitive;
    };

    explicit LogSearch(const LogBuffer* buffer, QObject* parent = nullptr);
    ~LogSearch() override; // cancels and waits for the worker

    // Searches lines [first, last); last -1 means up to the count at this call. A running
    // search is cancelled first.
    void start(const Query& query, qint64 first = 0, qint64 last = -1);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    const QList<qint64>& matches() const { return m_matches; }

Q_SIGNALS:
    void matchesFound(const QList<qint64>& lines);
    void progressed(qint64 searched, qint64 total);
    // complete is false when cancelled.
    void finished(bool complete);
    void failed(const QString& message); // an invalid regular expression; translated

private:
    void stopWorker();

    const LogBuffer* m_buffer;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    QList<qint64> m_matches;
};
