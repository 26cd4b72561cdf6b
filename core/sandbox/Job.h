#pragma once

#include "Error.h"

#include <QObject>
#include <QVariant>

// One call to a backend: it finishes once, with a result or an error, and can be cancelled.
// It deletes itself after finished() unless the caller keeps it with setAutoDelete(false).
class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QObject* parent = nullptr);
    ~Job() override;

    bool isFinished() const { return m_finished; }
    const Error& error() const { return m_error; }
    const QVariant& result() const { return m_result; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    void cancel();
    // For whoever runs the job: the first call wins, later ones are ignored.
    void finishWithResult(const QVariant& result);
    void finishWithError(const Error& error);
    void reportProgress(qint64 done, qint64 total, const QString& text);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total, const QString& text);
    void cancelRequested();
    void finished();

private:
    void finish();

    QVariant m_result;
    Error m_error;
    bool m_finished = false;
    bool m_autoDelete = true;
};
