#pragma once

#include "sandbox/Sandbox.h"
#include "sandbox/SandboxDetails.h"

#include <QJsonObject>

// Translations between the Engine API's JSON and our value types, kept apart from the I/O so
// they can be tested on recorded bodies.
namespace DockerJson {

// One entry of GET /containers/json.
Sandbox sandboxFromListEntry(const QJsonObject& entry, const QString& backendId);
// The body of POST /containers/create.
QJsonObject createBody(const SandboxSpec& spec);
SandboxStatus statusFromState(const QString& state);
// The engine's {"message": …} error body, or the raw text when it is not JSON.
QString errorMessage(const QByteArray& body);
// The details of GET /containers/{id}/json: state, times, exit code, addresses.
SandboxDetails detailsFromInspect(const QJsonObject& inspect);
// CPU and memory limits from GET /containers/{id}/json; 0 where there is none.
void limitsFromInspect(const QJsonObject& inspect, double* cpus, qint64* memoryBytes);

} // namespace DockerJson
