#pragma once

#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "eci/EciBackend.h"
#include "sandbox/Job.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <type_traits>

// An EciBackend on the emulator, in a region of its own so that what a test lists is only
// what it made.
inline std::unique_ptr<EciBackend> makeEciBackend(QNetworkAccessManager* network,
                                                  const QString& endpoint, const QString& region,
                                                  int pollIntervalMs = 200)
{
    EciBackendConfig config;
    config.accountName = QStringLiteral("test");
    config.regionId = region;
    config.endpoint = endpoint;
    config.credentials = {
        EciEmulatorProcess::accessKeyId(), EciEmulatorProcess::accessKeySecret(), {}};
    config.pollIntervalMs = pollIntervalMs;
    auto backend = std::make_unique<EciBackend>(config, network);
    backend->client()->setRetryPolicy(4, 50, 400);
    backend->setReconnectDelays(100, 500);
    return backend;
}

struct EciOutcome
{
    Error error;
    QVariant result;
};

// Waits for a job; one kept with setAutoDelete(false) may have finished already, and is
// deleted here. A typed job's value comes back in a QVariant, for the tests to compare.
template<typename J> EciOutcome awaitEci(J* job)
{
    const auto take = [job] {
        if constexpr (std::is_same_v<J, Job>)
            return job->result();
        else
            return QVariant::fromValue(job->value());
    };
    EciOutcome outcome;
    if (job->isFinished()) {
        outcome.error = job->error();
        outcome.result = take();
        delete job;
        return outcome;
    }
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&] {
        outcome.error = job->error();
        outcome.result = take();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 120000))
        outcome.error = Error::make(Error::Timeout, QStringLiteral("the job did not finish"));
    return outcome;
}

// A group whose one container runs `sh -c script` (default: sleeps) from the test image, once:
// ECI's default policy would restart it whenever it ends.
inline SandboxSpec eciSpec(const QString& name, const QString& script = QStringLiteral("sleep 600"))
{
    SandboxSpec spec;
    spec.image = DockerTestEnvironment::image();
    spec.name = name;
    spec.command = {QStringLiteral("sh"), QStringLiteral("-c")};
    spec.args = {script};
    spec.restartPolicy = QStringLiteral("Never");
    return spec;
}

inline QStringList eciIds(const Backend& backend)
{
    QStringList ids;
    const QList<Sandbox> sandboxes = backend.sandboxes();
    for (const Sandbox& sandbox : sandboxes)
        ids << sandbox.id;
    ids.sort();
    return ids;
}

// The emulator's group ids in a region, straight from the engine's labels.
inline QStringList engineGroupIds(const QString& region)
{
    const auto result = DockerTestEnvironment::docker(
        {QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--filter"),
         QStringLiteral("label=eci.sandboxdesk/region=") + region, QStringLiteral("--format"),
         QStringLiteral("{{.Label \"eci.sandboxdesk/id\"}}")});
    QStringList ids = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ids.sort();
    return ids;
}
