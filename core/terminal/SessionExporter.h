#pragma once

#include "terminal/SessionRecorder.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;
class SessionRecorder;

// Writes a recording as plain text, HTML or an asciicast v2 file on a WorkerThread, through
// QSaveFile: a cancelled or failed export leaves nothing under the chosen name. Neither cancelling
// nor deleting the exporter waits for the worker; a deleted exporter's worker stops on its own.
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
    QPointer<QThread> m_thread;
    bool m_running = false;
};

// Saves a session's log into a folder, one file per format, on a WorkerThread. It belongs to the
// application, not to whoever started it (a tab that closes), and deletes itself once saved; at
// exit the application waits for the worker. Each file is complete under its name or not at all.
class SessionLogWriter final : public QObject
{
    Q_OBJECT
public:
    ~SessionLogWriter() override;
    Q_DISABLE_COPY_MOVE(SessionLogWriter)

    // "text", "html", "asciicast"; unknown names are left out.
    static QList<SessionExporter::Format> formatsFromNames(const QStringList& names);
    static QString suffix(SessionExporter::Format format); // ".txt", ".html", ".cast"
    // "<name>-<yyyyMMdd-HHmmss>", with characters unfit for a file name replaced by "_".
    static QString baseName(const QString& sessionName, const QDateTime& startedAt);
    // Starts saving a snapshot of the recording; nullptr when there are no formats. withInput:
    // the recording's input events too (the user's preference; off, they are left out).
    static SessionLogWriter* save(const SessionRecorder& recorder, const QString& folder,
                                  const QString& sessionName,
                                  const QList<SessionExporter::Format>& formats, bool withInput);

    QStringList filePaths() const { return m_paths; }

Q_SIGNALS:
    // The files saved; errorString is empty when all of them were.
    void finished(const QStringList& saved, const QString& errorString);

private:
    explicit SessionLogWriter(QObject* parent);

    QStringList m_paths;
};
