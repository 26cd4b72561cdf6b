#pragma once

#include "Backend.h"
#include "Job.h"

#include <QElapsedTimer>
#include <QPointer>

class QTimer;

// One page of a backend's sandbox list, and where the next one starts (empty: the last page).
struct SweepPage
{
    QList<Sandbox> sandboxes;
    QString next;
};

// A backend whose live set comes from a paged list call: swept page by page, one sweep at a
// time, faster for a while after the user acts. A failed sweep loses the connection and is
// tried again with backoff while the last list stays shown; a complete sweep replaces it.
class PolledBackend : public Backend
{
    Q_OBJECT
public:
    bool isSettled() const override { return m_settled && state() == State::Connected; }

    void connectToBackend() override;
    void disconnectFromBackend() override;

    // Delay before a sweep is tried again after one failed; tests shorten it.
    void setReconnectDelays(int firstMs, int maxMs);
    // How many requests the last complete sweep took.
    int lastSweepPages() const { return m_lastSweepPages; }
    // The time to the next sweep that the poll would choose now (for tests and benchmarks).
    virtual int nextPollDelayMs() const;

Q_SIGNALS:
    // A sweep of the live set completed.
    void listed();

protected:
    PolledBackend(int pollIntervalMs, QObject* parent);
    // Subclasses call it first in their destructor, with cancelOpenJobs().
    void dropSweep();

    // The request for the page that starts at cursor (empty: the first page).
    virtual ResultJob<SweepPage>* requestPage(const QString& cursor) = 0;
    // Why a list that keeps naming further pages is refused.
    virtual Error endlessListError() const = 0;
    // Hooks for a backend that slows down when throttled: a sweep starts; a sweep completed
    // (the notice to show with the connected state); a sweep failed, true when handled.
    virtual void sweepStarting() {}
    virtual Error sweepCompleted() { return {}; }
    virtual bool sweepFailedHandled(const Error& error);

    // The filter of the list changed: pages under the old one and under the new one do not make
    // one list, so the sweep starts again.
    void restartSweep();
    // The user acted: look again soon, and often for a while.
    void nudge();
    void scheduleNextSweep();
    bool isWanted() const { return m_wanted; }
    bool isSweeping() const { return !m_sweepJob.isNull(); }
    int pollIntervalMs() const { return m_pollIntervalMs; }

private:
    void sweep();
    void fetchPage(const QString& cursor);
    void sweepFinished();
    void sweepFailed(const Error& error);

    int m_pollIntervalMs;
    QTimer* m_pollTimer;
    QElapsedTimer m_clock;

    bool m_wanted = false;
    bool m_settled = false;
    quint64 m_generation = 0; // bumps on every (dis)connection; stale replies are dropped
    QPointer<Job> m_sweepJob;
    bool m_sweepAgain = false;
    int m_sweepPages = 0;
    int m_lastSweepPages = 1;
    QList<Sandbox> m_sweepFound;

    qint64 m_fastUntilMs = 0;
    int m_firstDelayMs = 500;
    int m_maxDelayMs = 30000;
    int m_nextDelayMs = 500;
};
