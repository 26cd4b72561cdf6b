#include "IdleCheck.h"

#include "Backend.h"
#include "Job.h"
#include "SandboxDetails.h"
#include "StatsStream.h"
#include "run/SandboxJobs.h"
#include "settings/IdleStore.h"

#include <QTimer>

#include <algorithm>

IdleCheck::IdleCheck(Backend* backend, const Sandbox& sandbox, const IdleRule& rule,
                     IdleStore* store, const QDateTime& now, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_sandbox(sandbox)
    , m_rule(rule)
    , m_store(store)
    , m_now(now.isValid() ? now : QDateTime::currentDateTimeUtc())
{}

void IdleCheck::start()
{
    QTimer::singleShot(0, this, &IdleCheck::checkSessions);
}

void IdleCheck::checkSessions()
{
    if (!m_backend || !m_store) {
        finish({}, Error::make(Error::Connection, tr("The connection is gone.")));
        return;
    }
    ResultJob<int>* job = m_backend->openSessions(m_sandbox.id);
    if (!job) {
        finishBusy(tr("open terminals cannot be seen on this connection"), false);
        return;
    }
    connect(job, &Job::finished, this, [this, job] {
        if (job->error().isError()) {
            finish({}, job->error());
            return;
        }
        if (job->value() > 0) {
            finishBusy(tr("a terminal or command is open"), true);
            return;
        }
        checkJobs();
    });
}

void IdleCheck::checkJobs()
{
    if (!m_backend) {
        finish({}, Error::make(Error::Connection, tr("The connection is gone.")));
        return;
    }
    auto* jobs = new SandboxJobs(m_backend, m_sandbox.id, {}, this);
    ResultJob<QList<JobInfo>>* job = jobs->list();
    connect(job, &Job::finished, this, [this, job, jobs] {
        jobs->deleteLater();
        if (job->error().isError()) {
            finish({}, job->error());
            return;
        }
        const QList<JobInfo> found = job->value();
        if (std::any_of(found.begin(), found.end(), [](const JobInfo& info) {
                return info.state == JobInfo::State::Running;
            })) {
            finishBusy(tr("a job is running"), true);
            return;
        }
        sampleCpu();
    });
}

void IdleCheck::sampleCpu()
{
    m_stats = m_backend ? m_backend->openStats(m_sandbox.id) : nullptr;
    if (!m_stats) {
        finishBusy(tr("its CPU use cannot be measured on this connection"), false);
        return;
    }
    m_stats->setParent(this);
    connect(m_stats, &StatsStream::sampled, this, [this](const ResourceSample& sample) {
        m_maxCpu = std::max(m_maxCpu, sample.cpuPercent);
        if (++m_samples < Samples)
            return;
        m_stats->stop();
        // When it last started: a restart is activity too.
        ResultJob<SandboxDetails>* details = m_backend->details(m_sandbox.id);
        connect(details, &Job::finished, this, [this, details] {
            if (details->error().isError()) {
                finish({}, details->error());
                return;
            }
            judge(details->value().started);
        });
    });
    connect(m_stats, &StatsStream::ended, this,
            [this] { finishBusy(tr("it stopped while it was measured"), false); });
    connect(m_stats, &StatsStream::failed, this, [this](const Error& error) { finish({}, error); });
    QTimer::singleShot(SampleTimeoutMs, this, [this] {
        if (!m_done) {
            m_stats->stop();
            finish({}, Error::make(Error::Timeout, tr("Its CPU use could not be measured.")));
        }
    });
    m_stats->start();
}

void IdleCheck::judge(const QDateTime& started)
{
    const bool busy = m_maxCpu >= m_rule.cpuPercent;
    Error error;
    if (!m_store->noteSeen(m_sandbox.id, busy, m_now, &error)) {
        finish({}, error);
        return;
    }
    if (busy) {
        Verdict verdict;
        verdict.busy = tr("its CPU use is %1%").arg(m_maxCpu, 0, 'f', 1);
        finish(verdict);
        return;
    }
    const IdleStore::Seen seen = m_store->seen(m_sandbox.id);
    QDateTime since = seen.watchedSince;
    // Busy times are written sparingly: one stands for the resolution after it too.
    const QDateTime busyUntil = seen.activeAt.isValid()
                                    ? seen.activeAt.addSecs(IdleStore::BusyResolutionSeconds)
                                    : QDateTime();
    if (busyUntil.isValid() && busyUntil > since)
        since = busyUntil;
    if (started.isValid() && started > since)
        since = started;
    Verdict verdict;
    verdict.since = since;
    verdict.idle = since.isValid() && since.secsTo(m_now) >= m_rule.idleSeconds;
    if (!verdict.idle)
        verdict.busy = tr("not watched idle for long enough yet");
    finish(verdict);
}

void IdleCheck::finishBusy(const QString& why, bool seenBusy)
{
    // Busy now is busy: the record says so, so that the idle time starts again.
    if (seenBusy && m_store) {
        Error ignored; // the verdict stands whether or not it could be noted
        m_store->noteSeen(m_sandbox.id, true, m_now, &ignored);
    }
    Verdict verdict;
    verdict.busy = why;
    finish(verdict);
}

void IdleCheck::finish(const Verdict& verdict, const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(verdict, error);
}
