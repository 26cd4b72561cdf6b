#pragma once

#include "JobScript.h"
#include "RunRequest.h"
#include "sandbox/Job.h"

#include <QObject>
#include <QPointer>

#include <functional>

class Backend;
class ExecSession;

// A job's output as a stream: what is kept, then (following) what comes until the job ends.
class JobOutput final : public QObject
{
    Q_OBJECT
public:
    explicit JobOutput(ExecSession* session, QObject* parent = nullptr);
    void start();
    void stop();

Q_SIGNALS:
    void received(const QByteArray& bytes);
    // The job has ended and all its output came (or, without follow, all there was); an
    // error when the output could not be read.
    void ended(const Error& error);

private:
    ExecSession* m_session;
    QByteArray m_stderr;
    bool m_ended = false;
};

// Background jobs in one sandbox, kept by the sandbox itself (JobScript): they run on when
// the window closes, sandboxctl exits or the connection drops, and are found again by id.
// Every call is one exec session; any backend that can exec has them.
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

private:
    using Handler = std::function<void(int exitCode, const QByteArray& out, const QByteArray& err)>;
    ExecSession* open(const QStringList& command);
    void runScript(Job* job, const QStringList& command, const Handler& onEnd);
    bool checkId(Job* job, const QString& jobId);
    static Error scriptError(int exitCode, const QByteArray& err, const QString& jobId);

    QPointer<Backend> m_backend;
    QString m_sandboxId;
    QString m_container;
};
