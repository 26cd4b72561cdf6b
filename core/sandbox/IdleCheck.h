#pragma once

#include "Error.h"
#include "Sandbox.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class Backend;
class IdleStore;
class StatsStream;

// What makes a running sandbox idle: CPU below cpuPercent (of one core) and no open terminal,
// command or job, for idleSeconds.
struct IdleRule
{
    qint64 idleSeconds = 0;
    double cpuPercent = 5;
};

// Looks at one running sandbox now and says whether it has been idle long enough, from what
// is seen now and what IdleStore remembers (the window's live stats and earlier checks note
// there when they saw it busy):
// - no process a client opened in it still runs (Backend::openSessions(); a backend that
//   cannot tell makes the sandbox never idle);
// - no background job runs (SandboxJobs);
// - a short sample of its live stats stays below the threshold;
// - and it has been neither busy nor restarted for idleSeconds. Idle time counts only from
//   when it was first watched: a sandbox never looked at before is not idle yet, however long
//   it has been quiet, because nobody saw it quiet.
// Every check notes in the store what it saw, so that cron runs of sandboxctl gc build the
// record the next one judges by.
class IdleCheck final : public QObject
{
    Q_OBJECT
public:
    struct Verdict
    {
        bool idle = false;
        QDateTime since; // idle since (when idle)
        QString busy;    // why not, translated ("a terminal or command is open")
    };

    // Samples of live stats a check waits for.
    static constexpr int Samples = 2;
    static constexpr int SampleTimeoutMs = 10000;

    IdleCheck(Backend* backend, const Sandbox& sandbox, const IdleRule& rule, IdleStore* store,
              const QDateTime& now, QObject* parent = nullptr);

    // Finishes with finished() once, from the event loop at the earliest.
    void start();

Q_SIGNALS:
    void finished(const IdleCheck::Verdict& verdict, const Error& error);

private:
    void checkSessions();
    void checkJobs();
    void sampleCpu();
    void judge(const QDateTime& started);
    // Not idle; seenBusy: it was seen in use now, which the store notes.
    void finishBusy(const QString& why, bool seenBusy);
    void finish(const Verdict& verdict, const Error& error = {});

    QPointer<Backend> m_backend;
    Sandbox m_sandbox;
    IdleRule m_rule;
    QPointer<IdleStore> m_store;
    QDateTime m_now;
    StatsStream* m_stats = nullptr;
    int m_samples = 0;
    double m_maxCpu = 0;
    bool m_done = false;
};

Q_DECLARE_METATYPE(IdleCheck::Verdict)
