#include "CleanupPlan.h"

#include "Backend.h"
#include "Job.h"
#include "SandboxDetails.h"
#include "settings/IdleStore.h"

#include <QTimer>

#include <algorithm>

QString CleanupCandidate::reasonText(const QDateTime& now) const
{
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    switch (reason) {
    case Reason::Expired:
        return tr("expired %1 ago").arg(durationText(seconds));
    case Reason::Stopped:
        return tr("stopped for %1").arg(durationText(seconds));
    case Reason::Idle:
        return tr("idle for %1").arg(durationText(seconds));
    }
    return {};
}

CleanupPlanner::CleanupPlanner(Backend* backend, const CleanupOptions& options, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_options(options)
    , m_store(options.store)
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
        const QString endpoint = m_backend->endpointDescription();
        for (const Sandbox& sandbox : sandboxes) {
            if (sandbox.expiresAt.isValid() && sandbox.expiresAt <= m_options.now) {
                m_candidates.append(
                    {sandbox, CleanupCandidate::Reason::Expired, sandbox.expiresAt});
                continue;
            }
            if (m_options.idle && m_store && m_store->optedIn(sandbox.id, endpoint))
                m_toCheck.append(sandbox);
        }
        checkNext();
    });
}

void CleanupPlanner::checkNext()
{
    if (m_done)
        return;
    if (m_toCheck.isEmpty()) {
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
    if (!m_backend || !m_store) {
        finish(Error::make(Error::Connection, tr("The connection is gone.")));
        return;
    }
    const Sandbox sandbox = m_toCheck.takeFirst();
    switch (sandbox.status) {
    case SandboxStatus::Exited:
    case SandboxStatus::Created:
    case SandboxStatus::Dead:
        checkStopped(sandbox);
        return;
    case SandboxStatus::Running:
        checkRunning(sandbox);
        return;
    default:
        // Paused, restarting, being removed: neither stopped nor measurably idle.
        checkNext();
        return;
    }
}

void CleanupPlanner::checkStopped(const Sandbox& sandbox)
{
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
            if (since.isValid() && since.secsTo(m_options.now) >= m_options.rule.idleSeconds)
                m_candidates.append({sandbox, CleanupCandidate::Reason::Stopped, since});
        }
        checkNext();
    });
}

void CleanupPlanner::checkRunning(const Sandbox& sandbox)
{
    auto* check = new IdleCheck(m_backend, sandbox, m_options.rule, m_store, m_options.now, this);
    connect(check, &IdleCheck::finished, this,
            [this, check, sandbox](const IdleCheck::Verdict& verdict, const Error& error) {
                check->deleteLater();
                // One sandbox that cannot be looked at is not clean-up's failure: it stays.
                if (error.kind == Error::Connection) {
                    finish(error);
                    return;
                }
                if (!error.isError() && verdict.idle)
                    m_candidates.append({sandbox, CleanupCandidate::Reason::Idle, verdict.since});
                checkNext();
            });
    check->start();
}

void CleanupPlanner::finish(const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(error.isError() ? QList<CleanupCandidate>() : m_candidates, error);
}
