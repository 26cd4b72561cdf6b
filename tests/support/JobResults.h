#pragma once

#include "run/RunRequest.h"
#include "run/SandboxJobs.h"
#include "sandbox/Job.h"

#include <QTest>

#include <memory>

// Waits for job: its error, or Timeout ("no answer") when it has not finished after timeoutMs.
inline Error waitForJob(Job* job, int timeoutMs)
{
    if (!job->isFinished())
        static_cast<void>(QTest::qWaitFor([job] { return job->isFinished(); }, timeoutMs));
    return job->isFinished() ? job->error()
                             : Error::make(Error::Timeout, QStringLiteral("no answer"));
}

// A job's value and error once it has finished (or timed out); the job is deleted afterwards.
template<typename T> T valueOf(ResultJob<T>* job, Error* error, int timeoutMs = 60000)
{
    job->setAutoDelete(false);
    const std::unique_ptr<ResultJob<T>> owned(job);
    *error = waitForJob(job, timeoutMs);
    return job->value();
}

// A job's error once it has finished (or timed out); the job is deleted afterwards.
inline Error errorOf(Job* job, int timeoutMs = 60000)
{
    job->setAutoDelete(false);
    const std::unique_ptr<Job> owned(job);
    return waitForJob(job, timeoutMs);
}

// A command run by sh -c.
inline RunRequest shell(const QString& script)
{
    RunRequest request;
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"), script};
    return request;
}

// A background job's output (to its end with follow, else what there is now), as openOutput()
// gives it; *error is the stream's error, or Timeout when it did not end after timeoutMs.
inline QByteArray outputOf(SandboxJobs* jobs, const QString& jobId, bool follow, Error* error,
                           int timeoutMs = 60000)
{
    const std::unique_ptr<JobOutput> output(jobs->openOutput(jobId, follow));
    if (!output) {
        *error = Error::make(Error::Invalid, QStringLiteral("no output stream"));
        return {};
    }
    QByteArray bytes;
    bool ended = false;
    QObject::connect(output.get(), &JobOutput::received, output.get(),
                     [&bytes](const QByteArray& chunk) { bytes += chunk; });
    QObject::connect(output.get(), &JobOutput::ended, output.get(), [&](const Error& e) {
        *error = e;
        ended = true;
    });
    output->start();
    if (!QTest::qWaitFor([&ended] { return ended; }, timeoutMs))
        *error = Error::make(Error::Timeout, QStringLiteral("the output did not end"));
    return bytes;
}
