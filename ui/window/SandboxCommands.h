#pragma once

#include "sandbox/BulkOperation.h"
#include "window/WindowActions.h"

#include <QObject>
#include <QPointer>

class ActivityLog;
class IdleStore;
class Preferences;
class QMainWindow;

// What the lifecycle and Delete actions do to the selected sandboxes: one bulk operation
// each, its progress in the status bar, deletion asked first, failures reported together.
class SandboxCommands final : public QObject
{
    Q_OBJECT
public:
    SandboxCommands(Preferences& preferences, QMainWindow* window);

    void setActivityLog(ActivityLog* log) { m_activity = log; }
    // Where idle clean-up's opt-ins and watch live; none: nothing is removed for idleness.
    void setIdleStore(IdleStore* store);
    // On the sandboxes the action applies to; the others are left alone.
    void run(Backend::Action action, const QList<SelectedSandbox>& selected);
    // After asking, when Preferences say so; running ones only when the user forces it.
    void remove(const QList<SelectedSandbox>& selected);
    // Asks for how long, then each sandbox expires that long from now.
    void renew(const QList<SelectedSandbox>& selected);
    // Shows what clean-up would remove on these connections; removes it if the user agrees.
    void cleanUp(const QList<Backend*>& backends);
    // The timer's clean-up: removes what has expired on these connections and, when
    // Preferences say so, what was opted in to idle clean-up and has been idle that long,
    // asking nothing (the user chose it); each removal goes to the activity log. A run that
    // is still looking when the timer fires again is left to finish.
    void cleanUpOnTimer(const QList<Backend*>& backends);
    // Lets idle clean-up remove these sandboxes (or not), as sandboxctl idle ID on|off.
    void setIdleCleanup(const QList<SelectedSandbox>& selected, bool on);
    // The same for every sandbox of a connection.
    void setConnectionIdleCleanup(Backend* backend, bool on);

private:
    void removeNow(const QList<BulkOperation::Target>& targets, bool force);
    void runBulk(const QString& title, const QList<BulkOperation::Target>& targets,
                 const BulkOperation::JobStarter& startJob);
    void reportFailures(const QString& title, int total,
                        const QList<BulkOperation::Failure>& failures);

    Preferences& m_preferences;
    QMainWindow* m_window;
    QPointer<ActivityLog> m_activity;
    QPointer<IdleStore> m_idleStore;
    int m_timerPlans = 0; // the timer's clean-up planners still looking
};
