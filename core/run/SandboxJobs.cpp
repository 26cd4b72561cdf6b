#include "SandboxJobs.h"

#include "RunScript.h"
#include "sandbox/Backend.h"
#include "sandbox/BackgroundCommands.h"
#include "sandbox/ExecSession.h"

#include <QTimer>

#include <memory>

namespace {

constexpr qsizetype maxScriptOutput = 16 * 1024 * 1024;
constexpr qsizetype maxStderr = 64 * 1024;

void appendBounded(QByteArray* to, const QByteArray& bytes, qsizetype bound)
{
    if (to->size() < bound)
        to->append(bytes.left(bound - to->size()));
}

} // namespace

JobOutput::JobOutput(SandboxJobs* jobs, const QString& jobId, bool follow, QObject* parent)
    : QObject(parent)
    , m_jobs(jobs)
    , m_jobId(jobId)
    , m_follow(follow)
{}

void JobOutput::end(const Error& error)
{
    if (std::exchange(m_ended, true))
        return;
    Q_EMIT ended(error);
}

void JobOutput::start()
{
    if (!m_jobs) {
        QTimer::singleShot(0, this, [this] {
            end(Error::make(Error::Invalid, tr("This sandbox cannot run commands.")));
        });
        return;
    }
    if (!m_jobs->hostCommands()) {
        readByExec();
        return;
    }
    auto* probe = new Job(this);
    connect(probe, &Job::finished, this, [this, probe] {
        if (probe->error().isError())
            end(probe->error());
    });
    m_jobs->kindOf(probe, m_jobId, [this, probe](const QString& commandId) {
        probe->finishWithResult({});
        if (commandId.isEmpty())
            readByExec();
        else
            readFromHost(commandId);
    });
}

void JobOutput::readByExec()
{
    m_session = m_jobs ? m_jobs->open(JobScript::output(m_jobId, m_follow)) : nullptr;
    if (!m_session) {
        QTimer::singleShot(0, this, [this] {
            end(Error::make(Error::Invalid, tr("This sandbox cannot run commands.")));
        });
        return;
    }
    m_session->setParent(this);
    connect(m_session, &ExecSession::received, this,
            [this](ExecSession::Stream stream, const QByteArray& bytes) {
                if (m_ended)
                    return;
                if (stream == ExecSession::Stream::Stdout)
                    Q_EMIT received(bytes);
                else
                    appendBounded(&m_stderr, bytes, maxStderr);
            });
    connect(m_session, &ExecSession::finished, this, [this](int exitCode) {
        if (exitCode == JobScript::NoSuchJob)
            end(Error::make(Error::NotFound, tr("There is no such job.")));
        else if (exitCode == JobScript::JobLost)
            end(Error::make(Error::Server, tr("The job stopped without an exit status; the "
                                              "sandbox may have restarted.")));
        else if (exitCode != 0)
            end(Error::make(Error::Server, tr("The job's output could not be read."),
                            QString::number(exitCode), QString::fromUtf8(m_stderr)));
        else
            end({});
    });
    connect(m_session, &ExecSession::failed, this, &JobOutput::end);
    m_session->start();
    m_session->closeStdin();
}

void JobOutput::readFromHost(const QString& commandId)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(pollMs);
    connect(m_timer, &QTimer::timeout, this, [this, commandId] { pollHost(commandId, false); });
    pollHost(commandId, !m_follow);
}

// Reads what came since the cursor; following, then asks whether the command still runs, and
// once it has ended reads a last time.
void JobOutput::pollHost(const QString& commandId, bool last)
{
    if (m_ended || !m_jobs || !m_jobs->hostCommands())
        return end(Error::make(Error::Connection, tr("The connection is gone.")));
    ResultJob<BackgroundOutput>* read = m_jobs->hostCommands()->output(commandId, m_cursor);
    connect(read, &Job::finished, this, [this, read, commandId, last] {
        if (m_ended)
            return;
        if (read->error().isError())
            return end(read->error().kind == Error::NotFound
                           ? Error::make(Error::NotFound,
                                         tr("The sandbox no longer keeps this job's output."),
                                         read->error().code, read->error().detail)
                           : read->error());
        m_cursor = read->value().cursor;
        if (!read->value().bytes.isEmpty())
            Q_EMIT received(read->value().bytes);
        if (last)
            return end({});
        if (!m_jobs || !m_jobs->hostCommands())
            return end(Error::make(Error::Connection, tr("The connection is gone.")));
        ResultJob<BackgroundCommandStatus>* status = m_jobs->hostCommands()->status(commandId);
        connect(status, &Job::finished, this, [this, status, commandId] {
            if (m_ended)
                return;
            if (status->error().isError())
                return end(status->error());
            if (status->value().running)
                m_timer->start();
            else
                pollHost(commandId, true);
        });
    });
}

void JobOutput::stop()
{
    m_ended = true;
    if (m_timer)
        m_timer->stop();
    if (m_session)
        m_session->close();
}

SandboxJobs::SandboxJobs(Backend* backend, const QString& sandboxId, const QString& container,
                         QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_container(container)
{
    if (backend && backend->capabilities().testFlag(Backend::HasBackgroundCommands)) {
        m_commands = backend->openBackgroundCommands(sandboxId);
        if (m_commands)
            m_commands->setParent(this);
    }
}

ExecSession* SandboxJobs::open(const QStringList& command)
{
    if (!m_backend)
        return nullptr;
    ExecOptions options;
    options.command = command;
    options.tty = false;
    // A long script goes through stdin where the backend limits commands (ECI).
    options.attachStdin = true;
    options.container = m_container;
    return m_backend->openExec(m_sandboxId, options);
}

Error SandboxJobs::scriptError(int exitCode, const QByteArray& err, const QString& jobId)
{
    const QString detail = QString::fromUtf8(err).trimmed();
    switch (exitCode) {
    case JobScript::NoSuchJob:
        return Error::make(Error::NotFound, tr("There is no job “%1” in this sandbox.").arg(jobId),
                           QString::number(exitCode), detail);
    case JobScript::JobExists:
        return Error::make(Error::Conflict, tr("A job “%1” exists already.").arg(jobId),
                           QString::number(exitCode), detail);
    case JobScript::StillRunning:
        return Error::make(Error::Conflict,
                           tr("Job “%1” is still running; stop it first.").arg(jobId),
                           QString::number(exitCode), detail);
    case JobScript::NotStarted:
        return Error::make(Error::Server,
                           tr("The job could not be started in the sandbox (it needs a "
                              "writable /tmp)."),
                           QString::number(exitCode), detail);
    case JobScript::JobLost:
        return Error::make(Error::Server,
                           tr("Job “%1” stopped without an exit status; the sandbox may have "
                              "restarted.")
                               .arg(jobId),
                           QString::number(exitCode), detail);
    default:
        return Error::make(Error::Server, tr("The command in the sandbox failed."),
                           QString::number(exitCode), detail);
    }
}

void SandboxJobs::runScript(Job* job, const QStringList& command, const Handler& onEnd)
{
    ExecSession* session = open(command);
    if (!session) {
        QTimer::singleShot(0, job, [job] {
            job->finishWithError(
                Error::make(Error::Invalid, tr("This sandbox cannot run commands.")));
        });
        return;
    }
    session->setParent(job);
    auto out = std::make_shared<QByteArray>();
    auto err = std::make_shared<QByteArray>();
    connect(session, &ExecSession::received, job,
            [out, err](ExecSession::Stream stream, const QByteArray& bytes) {
                appendBounded(stream == ExecSession::Stream::Stdout ? out.get() : err.get(), bytes,
                              stream == ExecSession::Stream::Stdout ? maxScriptOutput : maxStderr);
            });
    connect(session, &ExecSession::finished, job, [job, out, err, onEnd](int exitCode) {
        if (!job->isFinished())
            onEnd(exitCode, *out, *err);
    });
    connect(session, &ExecSession::failed, job,
            [job](const Error& error) { job->finishWithError(error); });
    connect(job, &Job::cancelRequested, session, &ExecSession::close);
    session->start();
    session->closeStdin();
}

bool SandboxJobs::checkId(Job* job, const QString& jobId)
{
    if (JobScript::isValidId(jobId))
        return true;
    QTimer::singleShot(0, job, [job, jobId] {
        job->finishWithError(Error::make(Error::Invalid, tr("“%1” is not a job id.").arg(jobId)));
    });
    return false;
}

ResultJob<QString>* SandboxJobs::start(const RunRequest& request, qint64 outputLimit)
{
    auto* job = new ResultJob<QString>(this);
    if (request.command.isEmpty()) {
        QTimer::singleShot(0, job, [job] {
            job->finishWithError(Error::make(Error::Invalid, tr("There is no command to run.")));
        });
        return job;
    }
    if (m_commands)
        startOnHost(job, request, outputLimit);
    else
        startWithRunner(job, request, outputLimit);
    return job;
}

void SandboxJobs::startWithRunner(ResultJob<QString>* job, const RunRequest& request,
                                  qint64 outputLimit)
{
    const QString id = JobScript::newId();
    runScript(job,
              JobScript::start(id, RunScript::prelude(request), request.summary(), outputLimit),
              [this, job, id](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, id));
                  if (out.trimmed() != id.toLatin1())
                      return job->finishWithError(
                          Error::make(Error::Protocol, tr("The sandbox did not confirm the job."),
                                      {}, QString::fromUtf8(out + err)));
                  m_commandIds.insert(id, QString());
                  job->finishWithValue(id);
              });
}

// The host starts the command; the record that lets it be listed and found again follows. An
// execd without background commands (404) gets the runner's job instead.
void SandboxJobs::startOnHost(ResultJob<QString>* job, const RunRequest& request,
                              qint64 outputLimit)
{
    ResultJob<QString>* started = m_commands->start(RunScript::prelude(request));
    connect(job, &Job::cancelRequested, started, &Job::cancel);
    connect(started, &Job::finished, job, [this, job, started, request, outputLimit] {
        if (started->error().kind == Error::NotFound) {
            m_commands->deleteLater();
            m_commands = nullptr;
            return startWithRunner(job, request, outputLimit);
        }
        if (started->error().isError())
            return job->finishWithError(started->error());
        const QString commandId = started->value();
        const QString id = JobScript::newId();
        runScript(
            job, JobScript::record(id, request.summary(), commandId),
            [this, job, id, commandId](int exitCode, const QByteArray&, const QByteArray& err) {
                if (exitCode != 0) {
                    if (m_commands)
                        m_commands->interrupt(commandId);
                    return job->finishWithError(scriptError(exitCode, err, id));
                }
                m_commandIds.insert(id, commandId);
                job->finishWithValue(id);
            });
    });
}

void SandboxJobs::kindOf(Job* job, const QString& jobId, const KindHandler& then)
{
    const auto known = m_commandIds.constFind(jobId);
    if (known != m_commandIds.constEnd()) {
        const QString commandId = *known;
        QTimer::singleShot(0, job, [then, commandId] { then(commandId); });
        return;
    }
    // job may be another object's (a JobOutput's probe) and outlive this one.
    QPointer<SandboxJobs> self(this);
    runScript(job, JobScript::hostCommandOf(jobId),
              [self, job, jobId, then](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, jobId));
                  const QString commandId = QString::fromUtf8(out.trimmed());
                  if (self)
                      self->m_commandIds.insert(jobId, commandId);
                  then(commandId);
              });
}

ResultJob<QList<JobInfo>>* SandboxJobs::list()
{
    auto* job = new ResultJob<QList<JobInfo>>(this);
    runScript(job, JobScript::list(),
              [this, job](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, {}));
                  QList<JobInfo> jobs = JobScript::parseList(out);
                  for (const JobInfo& info : std::as_const(jobs))
                      m_commandIds.insert(info.id, info.hostCommandId);
                  completeFromHost(job, std::move(jobs));
              });
    return job;
}

// A host's command with no exit written down yet is asked about: whether it runs, how it
// ended (then written down, so that the job stays known when the host forgets it) and how much
// output it has (read on from where the last list stopped).
void SandboxJobs::completeFromHost(ResultJob<QList<JobInfo>>* job, QList<JobInfo> jobs)
{
    struct Pending
    {
        QList<JobInfo> jobs;
        int waiting = 0;
        QList<QPair<QString, int>> exits;
    };
    auto pending = std::make_shared<Pending>();
    pending->jobs = std::move(jobs);
    const auto oneDone = [this, job, pending] {
        if (--pending->waiting > 0)
            return;
        if (!pending->exits.isEmpty()) {
            // Nothing waits for this: the next list writes them again if it fails.
            if (ExecSession* session = open(JobScript::recordExits(pending->exits))) {
                session->setParent(this);
                connect(session, &ExecSession::finished, session, &QObject::deleteLater);
                connect(session, &ExecSession::failed, session, &QObject::deleteLater);
                session->start();
                session->closeStdin();
            }
        }
        job->finishWithValue(pending->jobs);
    };
    ++pending->waiting;
    for (qsizetype i = 0; m_commands && i < pending->jobs.size(); ++i) {
        const JobInfo& info = pending->jobs.at(i);
        if (info.hostCommandId.isEmpty())
            continue;
        const QString commandId = info.hostCommandId;
        ++pending->waiting;
        ResultJob<BackgroundOutput>* output =
            m_commands->output(commandId, m_outputCursors.value(commandId, -1));
        connect(output, &Job::finished, job, [this, output, pending, i, commandId, oneDone] {
            if (!output->error().isError()) {
                m_outputCursors.insert(commandId, output->value().cursor);
                m_outputSizes[commandId] += output->value().bytes.size();
            }
            pending->jobs[i].outputBytes = m_outputSizes.value(commandId);
            oneDone();
        });
        if (info.state != JobInfo::State::Lost)
            continue;
        ++pending->waiting;
        ResultJob<BackgroundCommandStatus>* status = m_commands->status(commandId);
        connect(status, &Job::finished, job, [status, pending, i, oneDone] {
            JobInfo& target = pending->jobs[i];
            if (!status->error().isError()) {
                const BackgroundCommandStatus& value = status->value();
                if (value.running) {
                    target.state = JobInfo::State::Running;
                } else {
                    target.exitCode = value.exitCode;
                    target.state =
                        target.killRequested ? JobInfo::State::Killed : JobInfo::State::Exited;
                    if (value.exitCode >= 0)
                        pending->exits.append({target.id, value.exitCode});
                }
            }
            oneDone();
        });
    }
    oneDone();
}

ResultJob<int>* SandboxJobs::wait(const QString& jobId)
{
    auto* job = new ResultJob<int>(this);
    if (!checkId(job, jobId))
        return job;
    const auto byScript = [this, job, jobId] {
        runScript(job, JobScript::wait(jobId),
                  [job, jobId](int exitCode, const QByteArray& out, const QByteArray& err) {
                      if (exitCode != 0)
                          return job->finishWithError(scriptError(exitCode, err, jobId));
                      bool ok = false;
                      const int status = out.trimmed().toInt(&ok);
                      if (!ok)
                          return job->finishWithError(
                              Error::make(Error::Protocol, tr("The sandbox sent no exit status."),
                                          {}, QString::fromUtf8(out)));
                      job->finishWithValue(status);
                  });
    };
    if (!m_commands) {
        byScript();
        return job;
    }
    kindOf(job, jobId, [this, job, jobId, byScript](const QString& commandId) {
        if (commandId.isEmpty())
            byScript();
        else
            waitOnHost(job, jobId, commandId);
    });
    return job;
}

void SandboxJobs::waitOnHost(ResultJob<int>* job, const QString& jobId, const QString& commandId)
{
    if (!m_commands)
        return job->finishWithError(Error::make(Error::Connection, tr("The connection is gone.")));
    ResultJob<BackgroundCommandStatus>* status = m_commands->status(commandId);
    connect(job, &Job::cancelRequested, status, &Job::cancel);
    connect(status, &Job::finished, job, [this, job, jobId, commandId, status] {
        if (status->error().kind == Error::NotFound) {
            // The host forgot it (execd restarted): what the record says, or that it is lost.
            runScript(job, JobScript::wait(jobId),
                      [job, jobId](int exitCode, const QByteArray& out, const QByteArray& err) {
                          if (exitCode != 0)
                              return job->finishWithError(scriptError(exitCode, err, jobId));
                          job->finishWithValue(out.trimmed().toInt());
                      });
            return;
        }
        if (status->error().isError())
            return job->finishWithError(status->error());
        if (!status->value().running) {
            if (status->value().exitCode < 0)
                return job->finishWithError(
                    Error::make(Error::Server,
                                tr("The sandbox ended job “%1” without an exit status.").arg(jobId),
                                {}, status->value().error));
            return job->finishWithValue(status->value().exitCode);
        }
        QTimer::singleShot(waitPollMs, job,
                           [this, job, jobId, commandId] { waitOnHost(job, jobId, commandId); });
    });
}

Job* SandboxJobs::kill(const QString& jobId, int graceMs)
{
    auto* job = new Job(this);
    if (!checkId(job, jobId))
        return job;
    const auto byScript = [this, job, jobId, graceMs] {
        runScript(job, JobScript::kill(jobId, std::max(1, graceMs / 100)),
                  [job, jobId](int exitCode, const QByteArray&, const QByteArray& err) {
                      if (exitCode != 0)
                          return job->finishWithError(scriptError(exitCode, err, jobId));
                      job->finishWithResult({});
                  });
    };
    if (!m_commands) {
        byScript();
        return job;
    }
    kindOf(job, jobId, [this, job, jobId, byScript](const QString& commandId) {
        if (commandId.isEmpty())
            return byScript();
        // The host stops its own command; the record says a kill was asked.
        runScript(
            job, JobScript::markKilled(jobId),
            [this, job, jobId, commandId](int exitCode, const QByteArray&, const QByteArray& err) {
                if (exitCode != 0)
                    return job->finishWithError(scriptError(exitCode, err, jobId));
                if (!m_commands)
                    return job->finishWithError(
                        Error::make(Error::Connection, tr("The connection is gone.")));
                Job* interrupt = m_commands->interrupt(commandId);
                connect(interrupt, &Job::finished, job, [job, interrupt] {
                    // An ended command is no error: there is nothing left to stop.
                    if (interrupt->error().isError() && interrupt->error().kind != Error::NotFound)
                        return job->finishWithError(interrupt->error());
                    job->finishWithResult({});
                });
            });
    });
    return job;
}

Job* SandboxJobs::remove(const QString& jobId)
{
    auto* job = new Job(this);
    if (!checkId(job, jobId))
        return job;
    const auto byScript = [this, job, jobId] {
        runScript(job, JobScript::remove(jobId),
                  [this, job, jobId](int exitCode, const QByteArray&, const QByteArray& err) {
                      if (exitCode != 0)
                          return job->finishWithError(scriptError(exitCode, err, jobId));
                      m_commandIds.remove(jobId);
                      job->finishWithResult({});
                  });
    };
    if (!m_commands) {
        byScript();
        return job;
    }
    kindOf(job, jobId, [this, job, jobId, byScript](const QString& commandId) {
        if (commandId.isEmpty() || !m_commands)
            return byScript();
        ResultJob<BackgroundCommandStatus>* status = m_commands->status(commandId);
        connect(status, &Job::finished, job, [job, jobId, status, byScript] {
            if (status->error().isError() && status->error().kind != Error::NotFound)
                return job->finishWithError(status->error());
            if (!status->error().isError() && status->value().running)
                return job->finishWithError(scriptError(JobScript::StillRunning, {}, jobId));
            byScript();
        });
    });
    return job;
}

JobOutput* SandboxJobs::openOutput(const QString& jobId, bool follow)
{
    if (!JobScript::isValidId(jobId) || !m_backend)
        return nullptr;
    return new JobOutput(this, jobId, follow);
}
