#pragma once

#include "sandbox/Error.h"

#include <QList>
#include <QObject>
#include <QString>

#include <QPointer>

#include <memory>

class LogBuffer;
class QThread;

// Writes a LogBuffer's lines to a file on a worker thread, streaming (a gigabyte is never held
// in memory) through QSaveFile: a failed or cancelled export leaves no file under the name.
// The worker shares the buffer, so neither cancelling nor deleting the exporter waits for it.
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

    explicit LogExporter(std::shared_ptr<const LogBuffer> buffer, QObject* parent = nullptr);
    ~LogExporter() override; // cancels without waiting; the worker removes its partial file

    // Every line there is at this call.
    void exportAll(const QString& fileName, Format format);
    // The given lines, in the order given (for instance a search's matches).
    void exportLines(const QString& fileName, Format format, const QList<qint64>& lines);
    // Returns at once; finished() with Error::Cancelled follows when the worker has stopped and
    // its partial file is gone. Until then isRunning() stays true.
    void cancel();
    bool isRunning() const { return m_running; }

    static QByteArray jsonLine(QByteArrayView text, int stream, qint64 timestamp, bool continued);

Q_SIGNALS:
    void progressed(qint64 lines, qint64 total);
    void finished(const Error& error); // no error on success

private:
    void run(const QString& fileName, Format format, qint64 count, const QList<qint64>& lines);
    void done(quint64 generation, const Error& error);

    std::shared_ptr<const LogBuffer> m_buffer;
    QPointer<QThread> m_thread;
    bool m_running = false;
    quint64 m_generation = 0;
};
