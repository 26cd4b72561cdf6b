#pragma once

#include "CreateForm.h"
#include "Error.h"
#include "Job.h"
#include "LogStream.h"
#include "Sandbox.h"
#include "SandboxDetails.h"
#include "SandboxSet.h"

#include <QJsonObject>
#include <QObject>

class BackgroundCommands;
class ExecSession;
class SandboxFiles;
class StatsStream;
struct ExecOptions;

// The contract every kind of sandbox host implements (Docker engine, ECI, …). The UI only
// asks what a backend can do through capabilities(), never which kind it is.
//
// Ownership, one rule for everything a backend hands out:
// - Jobs are children of the backend and delete themselves after finished() (unless kept with
//   setAutoDelete(false)). Every job finishes exactly once: when the backend is destroyed
//   first, its open jobs finish with Error::Cancelled before they go.
// - What an open…() call returns has no parent and belongs to the caller, who deletes it (or
//   gives it a parent). It may outlive its backend; it then ends and does nothing more.
class Backend : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Lost
    };
    Q_ENUM(State)

    enum Capability
    {
        CanPause = 1 << 0,
        CanRestart = 1 << 1,
        CanPullImages = 1 << 2,
        CanListImages = 1 << 3,
        CanKill = 1 << 4,
        CanExec = 1 << 5,
        HasContainerGroups = 1 << 6, // a sandbox holds several containers; the user picks one
        CanShowResourceHistory = 1 << 7,
        CanBrowseFiles = 1 << 8, // openFiles() gives a sandbox's files
        CanExpire = 1 << 9,      // sandboxes have lifetimes: setExpiry(), Sandbox::expiresAt
        HasLiveStats = 1 << 10,  // openStats() streams a running sandbox's resource use
        HasBackgroundCommands = 1 << 11, // openBackgroundCommands(): the host keeps commands
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)

    enum class Action
    {
        Start,
        Stop,
        Restart,
        Pause,
        Unpause,
        Kill
    };
    Q_ENUM(Action)

    explicit Backend(QObject* parent = nullptr);

    virtual QString id() const = 0;          // stable, unique among connections
    virtual QString displayName() const = 0; // what the connections list shows
    virtual QString endpointDescription() const = 0;
    virtual Capabilities capabilities() const = 0;

    State state() const { return m_state; }
    const Error& lastError() const { return m_lastError; }
    QString serverVersion() const { return m_serverVersion; }

    // The live set, kept current by the backend itself; views mirror it through its signals.
    const SandboxSet* sandboxSet() const { return m_sandboxes; }
    QList<Sandbox> sandboxes() const { return m_sandboxes->items(); }
    Sandbox sandbox(const QString& id, bool* found = nullptr) const;
    // True once details fetched in the background after a list (limits) have all arrived.
    virtual bool isSettled() const = 0;
    // Whether details a list leaves out (limits) are fetched one by one after it; on by
    // default, off for a caller that needs only the list.
    virtual void setDetailsInBackground(bool wanted) { Q_UNUSED(wanted) }
    // Whether the live set follows changes after the first list; on by default, off for a
    // caller that lists once and is done (sandboxctl).
    virtual void setWatchesChanges(bool wanted) { Q_UNUSED(wanted) }

    virtual void connectToBackend() = 0;
    virtual void disconnectFromBackend() = 0;

    // What create() asks for: the fields that apply, their limits and choices. The default
    // is a container engine's form.
    virtual CreateForm createForm() const;
    // Fetches the choices createForm() offers that the backend must ask for (zones); the form
    // has them once the job has finished. Null when there is nothing to fetch.
    virtual Job* loadCreateChoices();
    // What the backend would refuse in spec, by field, before anything is sent.
    virtual QList<SpecProblem> validate(const SandboxSpec& spec) const;
    // The new sandbox's id.
    virtual ResultJob<QString>* create(const SandboxSpec& spec) = 0;
    virtual Job* perform(Action action, const QString& id) = 0;
    virtual Job* remove(const QString& id, bool force) = 0;
    // The backend's own description of the sandbox, for the Inspect tab only.
    virtual ResultJob<QJsonObject>* inspect(const QString& id) = 0;
    // The sandbox's details in typed values, its inspect() JSON kept in raw for the Inspect tab.
    ResultJob<SandboxDetails>* details(const QString& id);
    // The image references the host has, sorted.
    virtual ResultJob<QStringList>* listImages() = 0;
    virtual Job* pullImage(const QString& reference) = 0;
    // A stream of the sandbox's output, not yet started.
    virtual LogStream* openLogs(const QString& id, const LogOptions& options) = 0;
    // A process in the sandbox, not yet started. Null when the backend cannot run processes
    // (capabilities() has no CanExec).
    virtual ExecSession* openExec(const QString& id, const ExecOptions& options);
    // The files of a sandbox (of one container of a group: empty is the first), not yet
    // asked anything. Null without CanBrowseFiles.
    virtual SandboxFiles* openFiles(const QString& id, const QString& container = {});
    // CPU, memory and network over the last hour, oldest first. Null without
    // CanShowResourceHistory.
    virtual ResultJob<QList<ResourceSample>>* resourceHistory(const QString& id);
    // Live resource use of a running sandbox, not yet started. Null without HasLiveStats.
    virtual StatsStream* openStats(const QString& id);
    // Commands the host itself keeps running in the sandbox and reports on by id. Null without
    // HasBackgroundCommands.
    virtual BackgroundCommands* openBackgroundCommands(const QString& id);
    // Sets when the sandbox expires (a renewal is a later time); an invalid time removes its
    // lifetime where the backend allows that. Null without CanExpire.
    virtual Job* setExpiry(const QString& id, const QDateTime& expiresAt);

    static QString stateDisplayName(State state); // translated
    static QString actionDisplayName(Action action);

Q_SIGNALS:
    void stateChanged(Backend::State state);
    // The live set's own per-sandbox signals, forwarded.
    void sandboxAdded(const Sandbox& sandbox);
    void sandboxChanged(const Sandbox& sandbox);
    void sandboxRemoved(const QString& id);
    void settled();

protected:
    void setState(State state, const Error& error = {});
    // What details() makes of inspect()'s JSON; the default knows nothing more.
    virtual SandboxDetails detailsFromInspect(const QJsonObject& inspect) const;
    // Every backend's destructor calls this first, while the backend is still whole: the jobs
    // still open finish cancelled instead of vanishing with their parent.
    void cancelOpenJobs();
    void setServerVersion(const QString& version) { m_serverVersion = version; }
    SandboxSet* liveSet() const { return m_sandboxes; }

private:
    State m_state = State::Disconnected;
    Error m_lastError;
    QString m_serverVersion;
    SandboxSet* m_sandboxes; // a child, so that it outlives destroyed() for views
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Backend::Capabilities)
