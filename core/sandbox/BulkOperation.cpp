#include "BulkOperation.h"

#include "logs/ActivityLog.h"
#include "sandbox/Backend.h"
#include "sandbox/Job.h"

BulkOperation::BulkOperation(const QString& title, const QList<Target>& targets,
                             const JobStarter& startJob, QObject* parent)
    : QObject(parent)
    , m_title(title)
    , m_targets(targets)
    , m_startJob(startJob)
{}

void BulkOperation::setActivityLog(ActivityLog* log)
{
    m_activity = log;
}

void BulkOperation::start()
{
    if (m_targets.isEmpty()) {
        Q_EMIT finished(m_failures);
        deleteLater();
        return;
    }
    const QList<Target> targets = m_targets;
    for (const Target& target : targets) {
        if (!target.backend) {
            onJobFinished(target, nullptr);
            continue;
        }
        Job* job = m_startJob(target.backend, target.id);
        if (!job) {
            onJobFinished(target, nullptr);
            continue;
        }
        m_jobs.append(job);
        connect(job, &Job::finished, this, [this, target, job] {
            m_jobs.removeAll(job);
            onJobFinished(target, job);
        });
        // A job deleted unfinished (a backend that broke the contract) still counts as ended.
        connect(job, &QObject::destroyed, this, [this, target, job] {
            if (m_jobs.removeAll(job) > 0)
                onJobFinished(target, nullptr);
        });
    }
}

void BulkOperation::cancel()
{
    const QList<Job*> jobs = m_jobs;
    for (Job* job : jobs)
        job->cancel();
}

void BulkOperation::onJobFinished(const Target& target, Job* job)
{
    if (!job) {
        m_failures.append(
            {target.name, Error::make(Error::Connection, tr("The connection is gone."))});
    } else if (job->error().isError() && job->error().kind != Error::Cancelled) {
        m_failures.append({target.name, job->error()});
    }
    if (m_activity) {
        const Error error = !job ? m_failures.last().error : job->error();
        ActivityLog::Entry entry;
        entry.action = m_title;
        entry.sandbox = target.name;
        entry.sandboxId = target.id;
        entry.connection = target.backend ? target.backend->displayName() : QString();
        entry.result = error.kind == Error::Cancelled ? ActivityLog::Result::Cancelled
                       : error.isError()              ? ActivityLog::Result::Failed
                                                      : ActivityLog::Result::Done;
        QStringList detail;
        if (!target.why.isEmpty())
            detail << target.why;
        if (entry.result == ActivityLog::Result::Failed)
            detail << error.fullText();
        entry.detail = detail.join(QStringLiteral("; "));
        m_activity->record(std::move(entry));
    }
    ++m_done;
    Q_EMIT progressed(m_done, total());
    if (m_done == total()) {
        Q_EMIT finished(m_failures);
        deleteLater();
    }
}
