#pragma once

#include "net/JsonLines.h"
#include "sandbox/Error.h"
#include "sandbox/Sandbox.h"

#include <QJsonObject>

// The Engine API's stats objects (GET /containers/{id}/stats) read the way the docker CLI
// reads them, kept apart from the I/O so that recorded bodies can be tested.
namespace DockerStats {

enum class Reading
{
    Sample,    // a measurement over an interval: the sample is filled
    Priming,   // the stream's first object, with no earlier one to measure CPU against
    NotRunning // the engine's empty object for a stopped container
};

// CPU % = CPU delta / system delta × online CPUs × 100, over the interval between the object's
// precpu_stats and cpu_stats. Memory in use = usage − total_inactive_file (cgroup v1) or
// − inactive_file (cgroup v2), as the docker CLI has computed it since 20.10 (19.03 took
// − cache). Block I/O sums io_service_bytes_recursive by operation; network sums every
// interface.
Reading read(const QJsonObject& object, ResourceSample* sample);

// The longest line a stats stream may send (see JsonLines).
constexpr qsizetype MaxLine = 1024 * 1024;
// What the stream's failed line means, in the engine's words.
Error lineError(JsonLines::Problem problem, const QString& detail);

} // namespace DockerStats
