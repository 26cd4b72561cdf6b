#pragma once

#include "sandbox/Error.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class LogBuffer;
class QThread;

// Writes a LogBuffer's lines to a file on a worker thread, streaming (a gigabyte is never held
// in memory) through QSaveFile: a failed or cancelled export leaves no file under the name.
// The buffer must outlive the export.
class LogExporter final : public QObject
{
    Q_OBJECT
public:
    enum class Format
    {
        PlainText, // the bytes of each line and '\n'; lines cut at the cap are joined again
        JsonLines  // {"time":"…"|null,"stream":"stdout|stderr","text":"…"} a line;
                   // "continued":true on a line cut at the cap; invalid UTF-8 as U+FFFD
    };
    Q_ENUM(Format)

    explicit LogExporter(const LogBuffer* buffer, QObject* parent = nullptr);
    ~LogExporter() override; // cancels and waits for the worker

    // Every line there is at this call.
    void exportAll(const QString& fileName, Format format);
    // The given lines, in the order given (for instance a search's matches).
    void exportLines(const QString& fileName, Format format, const QList<qint64>& lines);
    // finished() with Error::Cancelled follows at once; the partial file is gone by then.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

    static QByteArray jsonLine(QByteArrayView text, int stream, qint64 timestamp, bool continued);

Q_SIGNALS:
    void progressed(qint64 lines, qint64 total);
    void finished(const Error& error); // no error on success

private:
    void run(const QString& fileName, Format format, qint64 count, const QList<qint64>& lines);
    void stopWorker();

    const LogBuffer* m_buffer;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
};
