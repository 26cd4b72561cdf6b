#pragma once

#include "JobScript.h"
#include "RunRequest.h"
#include "sandbox/Job.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class Backend;
class BackgroundCommands;
class ExecSession;
class QTimer;
class SandboxJobs;

// A job's output as a stream: what is kept, then (following) what comes until the job ends.
// Read by an exec of JobScript's reader, or from the host for a job the host runs itself.
class JobOutput final : public QObject
{
    Q_OBJECT
public:
    JobOutput(SandboxJobs* jobs, const QString& jobId, bool follow, QObject* parent = nullptr);
    void start();
    void stop();

    // Between two reads of a host's command's output while following.
    static constexpr int pollMs = 300;

Q_SIGNALS:
    void received(const QByteArray& bytes);
    // The job has ended and all its output came (or, without follow, all there was); an
    // error when the output could not be read.
    void ended(const Error& error);

private:
    void readByExec();
    void readFromHost(const QString& commandId);
    void pollHost(const QString& commandId, bool last);
    void end(const Error& error);

    QPointer<SandboxJobs> m_jobs;
    QString m_jobId;
    bool m_follow;
    ExecSession* m_session = nullptr;
    QTimer* m_timer = nullptr;
    QByteArray m_stderr;
    qint64 m_cursor = -1;
    bool m_ended = false;
};

// Background jobs in one sandbox, kept by the sandbox itself (JobScript): they run on when
// the window closes, sandboxctl exits or the connection drops, and are found again by id.
// Every call is one exec session; any backend that can exec has them. Where the host runs
// background commands itself (HasBackgroundCommands: OpenSandbox's execd) a job is one of
// those, recorded in the same folder so that it is listed and found again the same way; its
// state, output and stop then come from the host.
class SandboxJobs final : public QObject
{
    Q_OBJECT
public:
    SandboxJobs(Backend* backend, const QString& sandboxId, const QString& container = {},
                QObject* parent = nullptr);

    // Starts request.command (a script is not for jobs) detached; the job's id.
    ResultJob<QString>* start(const RunRequest& request, qint64 outputLimit = defaultOutputLimit);
    ResultJob<QList<JobInfo>>* list();
    // The job's exit status once it has ended.
    ResultJob<int>* wait(const QString& jobId);
    // TERM to the job's process group, KILL after graceMs.
    Job* kill(const QString& jobId, int graceMs = 2000);
    // Forgets an ended job and its output; a running one is refused.
    Job* remove(const QString& jobId);
    // Null when the job id is not valid.
    JobOutput* openOutput(const QString& jobId, bool follow);

    // Output kept per segment; a job keeps two.
    static constexpr qint64 defaultOutputLimit = 1024 * 1024;
    // While waiting for a host's command to end, between two questions.
    static constexpr int waitPollMs = 300;

    // The host's background commands; null when every job is one of JobScript's runner.
    BackgroundCommands* hostCommands() const { return m_commands; }

private:
    friend class JobOutput;
    using Handler = std::function<void(int exitCode, const QByteArray& out, const QByteArray& err)>;
    // What keeps the job: its host command's id, or empty for JobScript's runner.
    using KindHandler = std::function<void(const QString& commandId)>;
    ExecSession* open(const QStringList& command);
    void runScript(Job* job, const QStringList& command, const Handler& onEnd);
    bool checkId(Job* job, const QString& jobId);
    static Error scriptError(int exitCode, const QByteArray& err, const QString& jobId);
    void startWithRunner(ResultJob<QString>* job, const RunRequest& request, qint64 outputLimit);
    void startOnHost(ResultJob<QString>* job, const RunRequest& request, qint64 outputLimit);
    // Finds out (once per job) how the job is kept, then goes on; job fails if it is not there.
    void kindOf(Job* job, const QString& jobId, const KindHandler& then);
    // Asks the host about the listed jobs it runs, then finishes job with all of them.
    void completeFromHost(ResultJob<QList<JobInfo>>* job, QList<JobInfo> jobs);
    void waitOnHost(ResultJob<int>* job, const QString& jobId, const QString& commandId);

    QPointer<Backend> m_backend;
    QString m_sandboxId;
    QString m_container;
    BackgroundCommands* m_commands = nullptr;
    QHash<QString, QString> m_commandIds;   // job id: its host command's id ("" for a runner)
    QHash<QString, qint64> m_outputCursors; // host command id: the cursor its last read gave
    QHash<QString, qint64> m_outputSizes;   // host command id: the bytes of output read so far
};
