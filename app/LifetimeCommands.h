#pragma once

#include "sandbox/CleanupPlan.h"

#include <QObject>
#include <QStringList>

#include <functional>

class Backend;

// sandboxctl's lifetime commands: ttl sets when a sandbox expires (or that it never does)
// through Backend::setExpiry(), on every backend that keeps lifetimes (CanExpire); renew is
// OpenSandboxCommands'. gc removes what has expired (and, when asked, what has stayed
// stopped), as CleanupPlanner decides.
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
    void collect(bool dryRun, const CleanupOptions& options);
    void removeNext(QList<CleanupCandidate> left);

    Backend* m_backend;
    Resolver m_resolve;
    Finisher m_finish;
    int m_failures = 0;
    QList<CleanupCandidate> m_removed;
};
