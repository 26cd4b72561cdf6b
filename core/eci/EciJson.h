#pragma once

#include "EciSigner.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QJsonObject>

// Translations between ECI's JSON (API 2018-08-08) and our value types, kept apart from the
// I/O so they can be tested on recorded and hostile bodies. Nothing here trusts a type.
namespace EciJson {

// ECI's words: Pending, Scheduling, ScheduleFailed, Running, Restarting, Updating,
// Terminating, Succeeded, Failed, Expired; anything else is Unknown.
SandboxStatus statusFromEci(const QString& status);
// One entry of DescribeContainerGroups' ContainerGroups.
Sandbox sandboxFromGroup(const QJsonObject& group, const QString& backendId);
// The entries of one DescribeContainerGroups page; entries that are not objects or have no
// id are skipped.
QList<Sandbox> sandboxesFromPage(const QJsonObject& page, const QString& backendId);

// What ECI would refuse in a spec, by field; SandboxSpec::problems() included.
QList<SpecProblem> specProblems(const SandboxSpec& spec);
// CreateContainerGroup's parameters for a spec (the group takes the spec's name; its one
// container too). Empty with *problems filled when ECI would refuse the spec.
EciParams createParams(const SandboxSpec& spec, const QString& regionId, QStringList* problems);
// ECI's rule for group and container names: 2 to 128 of a-z, 0-9 and "-", no "-" at either end.
bool isValidGroupName(const QString& name);

// DescribeContainerGroupMetric's Records, oldest first; records without a time are skipped.
QList<ResourceSample> samplesFromMetric(const QJsonObject& response);
// DescribeContainerGroupEvents' events for one group (Data[].Events, or Events).
QJsonArray eventsFromResponse(const QJsonObject& response, const QString& groupId);
// DescribeRegions' region ids.
QStringList regionIds(const QJsonObject& response);
// DescribeRegions' recommended zones of one region.
QStringList zoneIds(const QJsonObject& response, const QString& regionId);

// A number from a value that may be a number or a numeric string; 0 for anything else,
// for negative, infinite and NaN values.
double number(const QJsonValue& value);
// A string from a string or a number; empty for anything else.
QString text(const QJsonValue& value);

} // namespace EciJson
