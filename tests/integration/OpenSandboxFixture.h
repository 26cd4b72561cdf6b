#pragma once

#include "DockerTestEnvironment.h"
#include "OpenSandboxEmulatorProcess.h"
#include "opensandbox/OpenSandboxBackend.h"
#include "sandbox/Job.h"

#include <QTest>

#include <memory>
#include <type_traits>

// An OpenSandboxBackend on the emulator, polling often and retrying quickly.
inline std::unique_ptr<OpenSandboxBackend>
makeOpenSandboxBackend(const OpenSandboxEmulatorProcess& emulator,
                       const QString& apiKey = OpenSandboxEmulatorProcess::apiKey(),
                       int pollIntervalMs = 200)
{
    OpenSandboxConfig config;
    config.name = QStringLiteral("test");
    config.domain = emulator.domain();
    config.apiKey = apiKey;
    config.pollIntervalMs = pollIntervalMs;
    auto backend = std::make_unique<OpenSandboxBackend>(config);
    backend->client()->setRetryPolicy(3, 50, 400);
    backend->setReconnectDelays(100, 500);
    return backend;
}

struct OpenSandboxOutcome
{
    Error error;
    QVariant result;
};

// Waits for a job; a typed job's value comes back in a QVariant.
template<typename J> OpenSandboxOutcome awaitJob(J* job)
{
    OpenSandboxOutcome outcome;
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&] {
        outcome.error = job->error();
        if constexpr (std::is_same_v<J, Job>)
            outcome.result = job->result();
        else
            outcome.result = QVariant::fromValue(job->value());
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 120000))
        outcome.error = Error::make(Error::Timeout, QStringLiteral("the job did not finish"));
    return outcome;
}

// A sandbox of the test image that sleeps, with metadata suite=SUITE.
inline SandboxSpec openSandboxSpec(const QString& suite, qint64 lifetimeSeconds = 0)
{
    SandboxSpec spec;
    spec.image = DockerTestEnvironment::image();
    spec.labels.insert(QStringLiteral("suite"), suite);
    spec.lifetimeSeconds = lifetimeSeconds;
    return spec;
}
