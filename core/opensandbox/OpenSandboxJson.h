#pragma once

#include "sandbox/Sandbox.h"
#include "sandbox/SandboxDetails.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>

// Translations between the OpenSandbox lifecycle API's JSON (specs/sandbox-lifecycle.yml) and
// our value types, kept apart from the I/O so they can be tested on recorded and hostile
// bodies. Nothing here trusts a type.
namespace OpenSandboxJson {

// The spec's states: Pending, Running, Pausing, Paused, Stopping, Terminated, Failed. The spec
// says new ones will come: those are Unknown, and Sandbox::statusText keeps the server's word.
SandboxStatus statusFromState(const QString& state);
// One Sandbox object of a list or a get.
Sandbox sandboxFromJson(const QJsonObject& object, const QString& backendId);
// The items of one list page; entries that are not objects or have no id are skipped.
QList<Sandbox> sandboxesFromPage(const QJsonObject& page, const QString& backendId);
// Whether a list page says another one follows.
bool hasNextPage(const QJsonObject& page);

// "500m" is half a core, "2" two; 0 when it is no CPU quantity.
double cpuQuantity(const QString& text);
// "512Mi", "1Gi", "1G", "1048576"; 0 when it is no memory quantity.
qint64 memoryQuantity(const QString& text);
// Kubernetes-style quantities as the spec's examples write them: "500m", "512Mi".
QString cpuText(double cpus);
QString memoryText(qint64 bytes);

// The shortest and longest timeout the spec allows, in seconds.
constexpr qint64 MinTimeoutSeconds = 60;
constexpr qint64 MaxTimeoutSeconds = 86400;
// The entry process a sandbox gets when the spec has no command, as the SDKs choose it.
QStringList defaultEntrypoint();

// What the server would refuse in a spec, by field; SandboxSpec::problems() included.
QList<SpecProblem> specProblems(const SandboxSpec& spec);
// The body of POST /sandboxes for a spec: the name goes into metadata "name", as the spec
// advises; a spec without lifetime gets a null timeout (no automatic expiry).
QJsonObject createBody(const SandboxSpec& spec);
// The list query: page, page size, states (any of them) and metadata (every pair).
QByteArray listQuery(int page, int pageSize, const QStringList& states,
                     const QMap<QString, QString>& metadata);

// The details of a GET /sandboxes/{id} answer, events from the diagnostics text under
// "events" when inspect() added them.
SandboxDetails detailsFromJson(const QJsonObject& object);
// Lines of the diagnostics events text ("TIME SOURCE TYPE REASON MESSAGE…").
QList<SandboxEvent> eventsFromText(const QString& text);

// RFC 3339 in UTC, as the server takes times.
QString timeText(const QDateTime& time);
QDateTime parseTime(const QJsonValue& value);

} // namespace OpenSandboxJson
