#include "SandboxJobs.h"

#include "RunScript.h"
#include "sandbox/Backend.h"
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

JobOutput::JobOutput(ExecSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    m_session->setParent(this);
    connect(m_session, &ExecSession::received, this,
            [this](ExecSession::Stream stream, const QByteArray& bytes) {
                if (stream == ExecSession::Stream::Stdout)
                    Q_EMIT received(bytes);
                else
                    appendBounded(&m_stderr, bytes, maxStderr);
            });
    connect(m_session, &ExecSession::finished, this, [this](int exitCode) {
        if (std::exchange(m_ended, true))
            return;
        if (exitCode == JobScript::NoSuchJob)
            Q_EMIT ended(Error::make(Error::NotFound, tr("There is no such job.")));
        else if (exitCode == JobScript::JobLost)
            Q_EMIT ended(
                Error::make(Error::Server, tr("The job stopped without an exit status; the sandbox "
                                              "may have restarted.")));
        else if (exitCode != 0)
            Q_EMIT ended(Error::make(Error::Server, tr("The job's output could not be read."),
                                     QString::number(exitCode), QString::fromUtf8(m_stderr)));
        else
            Q_EMIT ended({});
    });
    connect(m_session, &ExecSession::failed, this, [this](const Error& error) {
        if (!std::exchange(m_ended, true))
            Q_EMIT ended(error);
    });
}

void JobOutput::start()
{
    m_session->start();
    m_session->closeStdin();
}

void JobOutput::stop()
{
    m_ended = true;
    m_session->close();
}

SandboxJobs::SandboxJobs(Backend* backend, const QString& sandboxId, const QString& container,
                         QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_container(container)
{}

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
    const QString id = JobScript::newId();
    runScript(job,
              JobScript::start(id, RunScript::prelude(request), request.summary(), outputLimit),
              [job, id](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, id));
                  if (out.trimmed() != id.toLatin1())
                      return job->finishWithError(
                          Error::make(Error::Protocol, tr("The sandbox did not confirm the job."),
                                      {}, QString::fromUtf8(out + err)));
                  job->finishWithValue(id);
              });
    return job;
}

ResultJob<QList<JobInfo>>* SandboxJobs::list()
{
    auto* job = new ResultJob<QList<JobInfo>>(this);
    runScript(job, JobScript::list(),
              [job](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, {}));
                  job->finishWithValue(JobScript::parseList(out));
              });
    return job;
}

ResultJob<int>* SandboxJobs::wait(const QString& jobId)
{
    auto* job = new ResultJob<int>(this);
    if (!checkId(job, jobId))
        return job;
    runScript(job, JobScript::wait(jobId),
              [job, jobId](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, jobId));
                  bool ok = false;
                  const int status = out.trimmed().toInt(&ok);
                  if (!ok)
                      return job->finishWithError(
                          Error::make(Error::Protocol, tr("The sandbox sent no exit status."), {},
                                      QString::fromUtf8(out)));
                  job->finishWithValue(status);
              });
    return job;
}

Job* SandboxJobs::kill(const QString& jobId, int graceMs)
{
    auto* job = new Job(this);
    if (!checkId(job, jobId))
        return job;
    runScript(job, JobScript::kill(jobId, std::max(1, graceMs / 100)),
              [job, jobId](int exitCode, const QByteArray&, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, jobId));
                  job->finishWithResult({});
              });
    return job;
}

Job* SandboxJobs::remove(const QString& jobId)
{
    auto* job = new Job(this);
    if (!checkId(job, jobId))
        return job;
    runScript(job, JobScript::remove(jobId),
              [job, jobId](int exitCode, const QByteArray&, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, jobId));
                  job->finishWithResult({});
              });
    return job;
}

JobOutput* SandboxJobs::openOutput(const QString& jobId, bool follow)
{
    if (!JobScript::isValidId(jobId))
        return nullptr;
    ExecSession* session = open(JobScript::output(jobId, follow));
    if (!session)
        return nullptr;
    return new JobOutput(session);
}
