#pragma once

#include "Error.h"
#include "Sandbox.h"

#include <QList>
#include <QObject>
#include <QPointer>

class Backend;

struct CleanupOptions
{
    // Idle clean-up also removes sandboxes that have no lifetime; only when the user asks.
    bool idle = false;
    qint64 idleSeconds = 0;
    QDateTime now; // invalid: the current time
};

// A sandbox clean-up would remove, and why.
struct CleanupCandidate
{
    Q_DECLARE_TR_FUNCTIONS(CleanupCandidate)

public:
    enum class Reason
    {
        Expired, // its lifetime has passed
        Idle     // stopped for longer than the idle time, with no lifetime still to run
    };
    Sandbox sandbox;
    Reason reason = Reason::Expired;
    QDateTime since; // when it expired, or stopped

    // "expired 5 minutes ago", "stopped for 2 hours"; translated.
    QString reasonText(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
};

// Decides what clean-up removes from one backend's live set, the same way for the window's
// preview, its timer and sandboxctl gc, so that a preview lists exactly what then goes:
// - a sandbox whose lifetime has passed, whatever its state;
// - with idle clean-up chosen, a sandbox that is not running (exited, created, dead), has no
//   lifetime still to run, and stopped at least idleSeconds ago (never started: was created
//   that long ago). A running sandbox is never taken for idle: a terminal or a job another
//   client holds open in it cannot be seen from here.
// A sandbox without a lifetime is never removed unless idle clean-up was chosen.
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
    void finish(const Error& error = {});

    QPointer<Backend> m_backend;
    CleanupOptions m_options;
    QList<CleanupCandidate> m_candidates;
    QList<Sandbox> m_stopped; // to ask when each stopped
    bool m_done = false;
};

Q_DECLARE_METATYPE(CleanupCandidate)
