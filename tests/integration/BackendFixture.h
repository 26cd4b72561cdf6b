#pragma once

#include "DockerTestEnvironment.h"
#include "docker/DockerBackend.h"
#include "docker/DockerEndpoint.h"
#include "sandbox/Job.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A DockerBackend on the test engine, and a way to run one of its jobs to the end.
inline std::unique_ptr<DockerBackend> connectedBackend()
{
    const auto choice = DockerEndpoint(QProcessEnvironment::systemEnvironment()).primary();
    auto backend =
        std::make_unique<DockerBackend>(QStringLiteral("test"), choice.source, choice.endpoint);
    backend->setReconnectDelays(100, 500);
    backend->connectToBackend();
    return backend;
}

// The ids a backend lists, sorted like DockerTestEnvironment::allIds().
inline QStringList backendIds(const Backend& backend)
{
    QStringList ids;
    const QList<Sandbox> sandboxes = backend.sandboxes();
    for (const Sandbox& sandbox : sandboxes)
        ids << sandbox.id;
    ids.sort();
    return ids;
}

struct JobOutcome
{
    Error error;
    QVariant result;
};

inline JobOutcome await(Job* job)
{
    JobOutcome outcome;
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&] {
        outcome.error = job->error();
        outcome.result = job->result();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        outcome.error = Error::make(Error::Timeout, QStringLiteral("the job did not finish"));
    return outcome;
}

// A typed job's value, wrapped for the tests that compare outcomes.
template<typename T> JobOutcome await(ResultJob<T>* job)
{
    JobOutcome outcome;
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&] {
        outcome.error = job->error();
        outcome.result = QVariant::fromValue(job->value());
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        outcome.error = Error::make(Error::Timeout, QStringLiteral("the job did not finish"));
    return outcome;
}

inline QString cliStatus(const QString& id)
{
    const auto result = DockerTestEnvironment::docker(
        {QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.State.Status}}"), id});
    return QString::fromUtf8(result.out).trimmed();
}
