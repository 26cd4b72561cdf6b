#include "EciStatsStream.h"

#include "EciBackend.h"
#include "sandbox/Job.h"

#include <QTimer>

namespace {

// Enough history for the first look to show something, and to bridge a missed poll.
constexpr int WindowSeconds = 120;

} // namespace

EciStatsStream::EciStatsStream(EciBackend* backend, const QString& id, int intervalMs)
    : StatsStream(nullptr)
    , m_backend(backend)
    , m_id(id)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &EciStatsStream::poll);
    connect(backend, &Backend::sandboxRemoved, this, [this](const QString& removed) {
        if (m_started && removed == m_id)
            finishWith({});
    });
}

EciStatsStream::~EciStatsStream()
{
    if (m_job)
        m_job->disconnect(this);
}

void EciStatsStream::start()
{
    if (m_started || m_done)
        return;
    m_started = true;
    // From the event loop, so that a caller connecting after start() hears everything.
    QTimer::singleShot(0, this, &EciStatsStream::poll);
}

void EciStatsStream::stop()
{
    m_done = true;
    m_timer->stop();
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

void EciStatsStream::poll()
{
    if (m_done)
        return;
    if (!m_backend) {
        finishWith(Error::make(Error::Connection, tr("The connection was closed.")));
        return;
    }
    bool found = false;
    const Sandbox group = m_backend->sandbox(m_id, &found);
    if (found && group.status != SandboxStatus::Running) {
        finishWith({});
        return;
    }
    ResultJob<QList<ResourceSample>>* job = m_backend->recentSamples(m_id, WindowSeconds);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        m_job = nullptr;
        if (m_done)
            return;
        if (job->error().isError()) {
            // A group that is gone has ended, as a Docker container's stream ends.
            finishWith(job->error().kind == Error::NotFound ? Error() : job->error());
            return;
        }
        const qint64 limit = m_backend ? m_backend->sandbox(m_id).memoryBytes : 0;
        const QList<ResourceSample> samples = job->value();
        for (ResourceSample sample : samples) {
            if (m_last.isValid() && sample.time <= m_last)
                continue;
            m_last = sample.time;
            if (sample.memoryLimitBytes == 0)
                sample.memoryLimitBytes = limit;
            Q_EMIT sampled(sample);
            if (m_done)
                return;
        }
        m_timer->start();
    });
}

void EciStatsStream::finishWith(const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    if (error.isError())
        Q_EMIT failed(error);
    else
        Q_EMIT ended();
}
