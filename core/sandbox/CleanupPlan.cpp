#include "CleanupPlan.h"

#include "Backend.h"
#include "Job.h"
#include "SandboxDetails.h"

#include <QTimer>

#include <algorithm>

QString CleanupCandidate::reasonText(const QDateTime& now) const
{
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    return reason == Reason::Expired ? tr("expired %1 ago").arg(durationText(seconds))
                                     : tr("stopped for %1").arg(durationText(seconds));
}

CleanupPlanner::CleanupPlanner(Backend* backend, const CleanupOptions& options, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_options(options)
{
    if (!m_options.now.isValid())
        m_options.now = QDateTime::currentDateTimeUtc();
}

void CleanupPlanner::start()
{
    QTimer::singleShot(0, this, [this] {
        if (!m_backend) {
            finish(Error::make(Error::Connection, tr("The connection is gone.")));
            return;
        }
        const QList<Sandbox> sandboxes = m_backend->sandboxes();
        for (const Sandbox& sandbox : sandboxes) {
            if (sandbox.expiresAt.isValid() && sandbox.expiresAt <= m_options.now) {
                m_candidates.append(
                    {sandbox, CleanupCandidate::Reason::Expired, sandbox.expiresAt});
                continue;
            }
            const bool stopped = sandbox.status == SandboxStatus::Exited ||
                                 sandbox.status == SandboxStatus::Created ||
                                 sandbox.status == SandboxStatus::Dead;
            if (m_options.idle && stopped && !sandbox.expiresAt.isValid())
                m_stopped.append(sandbox);
        }
        checkNext();
    });
}

void CleanupPlanner::checkNext()
{
    if (m_done)
        return;
    if (m_stopped.isEmpty()) {
        // In the backend's order, whatever order the answers came in.
        const QList<Sandbox> order = m_backend ? m_backend->sandboxes() : QList<Sandbox>();
        std::stable_sort(m_candidates.begin(), m_candidates.end(),
                         [&order](const CleanupCandidate& a, const CleanupCandidate& b) {
                             const auto at = [&order](const QString& id) {
                                 return std::find_if(
                                            order.begin(), order.end(),
                                            [&id](const Sandbox& s) { return s.id == id; }) -
                                        order.begin();
                             };
                             return at(a.sandbox.id) < at(b.sandbox.id);
                         });
        finish();
        return;
    }
    if (!m_backend) {
        finish(Error::make(Error::Connection, tr("The connection is gone.")));
        return;
    }
    const Sandbox sandbox = m_stopped.takeFirst();
    ResultJob<SandboxDetails>* job = m_backend->details(sandbox.id);
    connect(job, &Job::finished, this, [this, job, sandbox] {
        if (job->error().isError()) {
            // Removed meanwhile: nothing to clean up.
            if (job->error().kind != Error::NotFound) {
                finish(job->error());
                return;
            }
        } else {
            const SandboxDetails details = job->value();
            QDateTime since = details.finished.isValid() ? details.finished : details.created;
            if (!since.isValid())
                since = sandbox.created;
            if (since.isValid() && since.secsTo(m_options.now) >= m_options.idleSeconds)
                m_candidates.append({sandbox, CleanupCandidate::Reason::Idle, since});
        }
        checkNext();
    });
}

void CleanupPlanner::finish(const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(error.isError() ? QList<CleanupCandidate>() : m_candidates, error);
}
