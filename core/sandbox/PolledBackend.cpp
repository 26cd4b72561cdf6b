#include "PolledBackend.h"

#include "SandboxSet.h"

#include <QTimer>

#include <algorithm>
#include <utility>

namespace {

constexpr int FastPollMs = 1000;
constexpr int FastPollWindowMs = 30000;
// No list has this many pages; a service that keeps naming further ones is broken.
constexpr int MaxPages = 100000;

} // namespace

PolledBackend::PolledBackend(int pollIntervalMs, QObject* parent)
    : Backend(parent)
    , m_pollIntervalMs(pollIntervalMs)
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &PolledBackend::sweep);
    m_clock.start();
}

void PolledBackend::setReconnectDelays(int firstMs, int maxMs)
{
    m_firstDelayMs = std::max(1, firstMs);
    m_maxDelayMs = std::max(m_firstDelayMs, maxMs);
    m_nextDelayMs = m_firstDelayMs;
}

void PolledBackend::connectToBackend()
{
    if (m_wanted && state() != State::Disconnected)
        return;
    m_wanted = true;
    m_settled = false;
    m_nextDelayMs = m_firstDelayMs;
    setState(State::Connecting);
    sweep();
}

void PolledBackend::disconnectFromBackend()
{
    m_wanted = false;
    m_settled = false;
    ++m_generation;
    m_pollTimer->stop();
    dropSweep();
    setState(State::Disconnected);
}

void PolledBackend::restartSweep()
{
    if (!m_wanted)
        return;
    dropSweep();
    m_fastUntilMs = m_clock.elapsed() + FastPollWindowMs;
    if (state() != State::Lost)
        sweep();
}

void PolledBackend::dropSweep()
{
    // Deleting the call aborts its request without a word; no finished() follows.
    delete m_sweepJob.data();
    m_sweepJob = nullptr;
}

void PolledBackend::sweep()
{
    if (!m_wanted || m_sweepJob)
        return;
    m_pollTimer->stop();
    m_sweepAgain = false;
    m_sweepPages = 0;
    m_sweepFound.clear();
    sweepStarting();
    fetchPage({});
}

void PolledBackend::fetchPage(const QString& cursor)
{
    const quint64 generation = m_generation;
    ResultJob<SweepPage>* job = requestPage(cursor);
    m_sweepJob = job;
    connect(job, &Job::finished, this, [this, job, generation, cursor] {
        if (generation != m_generation || job != m_sweepJob)
            return;
        m_sweepJob = nullptr;
        if (job->error().isError()) {
            sweepFailed(job->error());
            return;
        }
        ++m_sweepPages;
        // Sandboxes made between two pages shift the pages; the set counts each one once.
        m_sweepFound.append(job->value().sandboxes);
        const QString next = job->value().next;
        if (next.isEmpty()) {
            sweepFinished();
            return;
        }
        if (next == cursor || m_sweepPages >= MaxPages) {
            sweepFailed(endlessListError());
            return;
        }
        fetchPage(next);
    });
}

void PolledBackend::sweepFinished()
{
    m_lastSweepPages = std::max(1, m_sweepPages);
    liveSet()->assign(std::exchange(m_sweepFound, {}));
    m_nextDelayMs = m_firstDelayMs;
    const Error notice = sweepCompleted();
    const bool firstTime = !m_settled;
    m_settled = true;
    setState(State::Connected, notice);
    if (firstTime)
        Q_EMIT settled();
    Q_EMIT listed();
    scheduleNextSweep();
}

bool PolledBackend::sweepFailedHandled(const Error& error)
{
    Q_UNUSED(error)
    return false;
}

void PolledBackend::sweepFailed(const Error& error)
{
    m_sweepFound.clear();
    if (!m_wanted || sweepFailedHandled(error))
        return;
    m_settled = false;
    // Keep showing what we had; the next complete sweep replaces it.
    setState(State::Lost, error);
    m_pollTimer->start(m_nextDelayMs);
    m_nextDelayMs = std::min(m_nextDelayMs * 2, m_maxDelayMs);
}

int PolledBackend::nextPollDelayMs() const
{
    const bool fast = m_sweepAgain || m_clock.elapsed() < m_fastUntilMs;
    return fast ? std::min(FastPollMs, m_pollIntervalMs) : m_pollIntervalMs;
}

void PolledBackend::scheduleNextSweep()
{
    if (!m_wanted || m_sweepJob)
        return;
    m_pollTimer->start(nextPollDelayMs());
}

void PolledBackend::nudge()
{
    m_fastUntilMs = m_clock.elapsed() + FastPollWindowMs;
    if (!m_wanted)
        return;
    if (m_sweepJob) {
        m_sweepAgain = true;
        return;
    }
    if (state() == State::Lost)
        return; // the reconnection timer runs
    const int delay = nextPollDelayMs();
    if (!m_pollTimer->isActive() || m_pollTimer->remainingTime() > delay)
        m_pollTimer->start(delay);
}
