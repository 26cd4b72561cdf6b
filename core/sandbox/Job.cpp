#include "Job.h"

#include <QCoreApplication>

Job::Job(QObject* parent)
    : QObject(parent)
{}

Job::~Job() = default;

void Job::cancel()
{
    if (m_finished)
        return;
    Q_EMIT cancelRequested();
    finishWithError(
        Error::make(Error::Cancelled, QCoreApplication::translate("Job", "Cancelled.")));
}

void Job::finishWithResult(const QVariant& result)
{
    if (m_finished)
        return;
    m_result = result;
    finish();
}

void Job::finishWithError(const Error& error)
{
    if (m_finished)
        return;
    m_error = error;
    finish();
}

void Job::reportProgress(qint64 done, qint64 total, const QString& text)
{
    if (!m_finished)
        Q_EMIT progressed(done, total, text);
}

void Job::finish()
{
    m_finished = true;
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}
