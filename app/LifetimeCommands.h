#pragma once

#include "sandbox/CleanupPlan.h"

#include <QObject>
#include <QStringList>

#include <functional>

class ActivityLogFile;
class Backend;
class IdleStore;

// sandboxctl's lifetime commands: ttl sets when a sandbox expires (or that it never does)
// through Backend::setExpiry(), on every backend that keeps lifetimes (CanExpire); renew is
// OpenSandboxCommands'. idle opts a sandbox or the connection in to idle clean-up (IdleStore).
// gc removes what has expired (and, when asked, what was opted in and has been idle), as
// CleanupPlanner decides, and records each removal in the activity log.
class LifetimeCommands final : public QObject
{
public:
    // An id or name to a sandbox id, or empty with *problem set.
    using Resolver = std::function<QString(const QString& idOrName, QString* problem)>;
    // Ends the command: message (if any) to stderr, then exit with code.
    using Finisher = std::function<void(const QString& message, int code)>;

    LifetimeCommands(Backend* backend, Resolver resolve, Finisher finish,
                     QObject* parent = nullptr);

    static bool handles(const QString& verb);
    // The lines --help shows for these commands, translated.
    static QString usage();
    void run(const QString& verb, const QStringList& args);

private:
    void runGc(const QStringList& args);
    void runIdle(const QStringList& args);
    IdleStore* idleStore();
    void collect(bool dryRun, const CleanupOptions& options);
    void removeNext(QList<CleanupCandidate> left);
    // Every removal goes to the activity log the window shows.
    void record(const CleanupCandidate& candidate, const Error& error);

    Backend* m_backend;
    Resolver m_resolve;
    Finisher m_finish;
    int m_failures = 0;
    QList<CleanupCandidate> m_removed;
    ActivityLogFile* m_activityFile = nullptr;
    IdleStore* m_idleStore = nullptr;
};
