#pragma once

#include "Error.h"
#include "IdleCheck.h"
#include "Sandbox.h"

#include <QList>
#include <QObject>
#include <QPointer>

class Backend;
class IdleStore;

struct CleanupOptions
{
    // Idle clean-up, only when the user asks, and only of what the store says was opted in.
    bool idle = false;
    IdleRule rule;              // idleSeconds: how long stopped, or idle while running
    IdleStore* store = nullptr; // the opt-ins and what was seen; no store: nothing is idle
    QDateTime now;              // invalid: the current time
};

// A sandbox clean-up would remove, and why.
struct CleanupCandidate
{
    Q_DECLARE_TR_FUNCTIONS(CleanupCandidate)

public:
    enum class Reason
    {
        Expired, // its lifetime has passed
        Stopped, // opted in, stopped for longer than the idle time
        Idle     // opted in, running but idle for longer than the idle time
    };
    Sandbox sandbox;
    Reason reason = Reason::Expired;
    QDateTime since; // when it expired, stopped, or was last seen busy

    // "expired 5 minutes ago", "stopped for 2 hours", "idle for 30 minutes"; translated.
    QString reasonText(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
};

// Decides what clean-up removes from one backend's live set, the same way for the window's
// preview, its timer and sandboxctl gc, so that a preview lists exactly what then goes:
// - a sandbox whose lifetime has passed, whatever its state;
// - with idle clean-up chosen, a sandbox that the user opted in (itself or its connection, in
//   IdleStore) and that either is not running (exited, created, dead) and stopped at least
//   idleSeconds ago (never started: was created that long ago), or runs and IdleCheck finds
//   it idle for that long (no open terminal or job, CPU below the threshold).
// A sandbox without a lifetime is never removed unless it was opted in to idle clean-up.
class CleanupPlanner final : public QObject
{
    Q_OBJECT
public:
    CleanupPlanner(Backend* backend, const CleanupOptions& options, QObject* parent = nullptr);

    // Finishes with finished() once, from the event loop at the earliest.
    void start();

Q_SIGNALS:
    void finished(const QList<CleanupCandidate>& candidates, const Error& error);

private:
    void checkNext();
    void checkStopped(const Sandbox& sandbox);
    void checkRunning(const Sandbox& sandbox);
    void finish(const Error& error = {});

    QPointer<Backend> m_backend;
    CleanupOptions m_options;
    QPointer<IdleStore> m_store;
    QList<CleanupCandidate> m_candidates;
    QList<Sandbox> m_toCheck; // opted in: asked when each stopped, or checked for idleness
    bool m_done = false;
};

Q_DECLARE_METATYPE(CleanupCandidate)
