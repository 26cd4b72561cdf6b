#pragma once

#include "terminal/SessionRecorder.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

// Writes a recording as plain text, HTML or an asciicast v2 file on a worker thread, through
// QSaveFile: a cancelled or failed export leaves nothing under the chosen name.
class SessionExporter final : public QObject
{
    Q_OBJECT
public:
    enum class Format
    {
        PlainText,
        Html,
        Asciicast
    };
    Q_ENUM(Format)
    enum class Outcome
    {
        Succeeded,
        Failed,
        Cancelled
    };
    Q_ENUM(Outcome)

    explicit SessionExporter(QObject* parent = nullptr);
    ~SessionExporter() override;
    Q_DISABLE_COPY_MOVE(SessionExporter)

    // One export at a time; finished() follows exactly once.
    bool start(SessionReader reader, Format format, const QString& filePath);
    void cancel();
    bool isRunning() const;

    // The export itself, on the calling thread.
    static Outcome run(SessionReader& reader, Format format, const QString& filePath,
                       const std::atomic<bool>& cancelled,
                       const std::function<void(qint64 done, qint64 total)>& progress,
                       QString* errorString);

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    void finished(SessionExporter::Outcome outcome, const QString& errorString);

private:
    struct Job;
    std::shared_ptr<Job> m_job;
    QThread* m_thread = nullptr;
};
