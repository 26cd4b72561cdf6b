#pragma once

#include "RunRequest.h"
#include "sandbox/Job.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Backend;

// One installed package as its manager lists it.
struct Package
{
    QString name;
    QString version;

    bool operator==(const Package& other) const
    {
        return name == other.name && version == other.version;
    }
};

// The package managers a sandbox has (apt with dpkg, apk, pip, npm), found along its PATH by
// one probe in the sandbox itself, and the commands that list, install and remove packages
// with them. What runs is a RunRequest for core's Run, so output streams as it comes and a
// cancel stops the manager inside the sandbox.
namespace PackageManagers {

enum class Manager
{
    Apt,
    Apk,
    Pip,
    Npm
};

// A manager found in a sandbox: the program that installs, and the one that lists (dpkg-query
// for apt, the same program for the others), as paths.
struct Found
{
    Manager manager = Manager::Apt;
    QString path;
    QString queryPath;

    bool operator==(const Found& other) const
    {
        return manager == other.manager && path == other.path && queryPath == other.queryPath;
    }
};

QList<Manager> all();
// The short name sandboxctl takes and prints: apt, apk, pip, npm.
QString key(Manager manager);
// A key, or another usual name of the same manager (dpkg, apt-get, pip3); nullopt for none.
std::optional<Manager> fromKey(const QString& text);
// The programs looked for, in order of preference.
QStringList programs(Manager manager);

// The exec command that prints "<name> <path>" for each program found along the PATH.
QStringList detectCommand();
// The managers found, in the order of all(); apt only with both apt-get and dpkg-query.
QList<Found> parseDetected(const QByteArray& output);
// Translated: no manager was found, and which programs were looked for.
QString noneFoundMessage();

RunRequest listRequest(const Found& found);
// Installed packages, sorted by name; nullopt when the output is not what the manager prints.
std::optional<QList<Package>> parseList(Manager manager, const QByteArray& output);

// Package names (with a version or other spec the manager understands, such as
// name=1.0, name==1.0 or @scope/name@1): empty ones, ones that begin with '-' (an option)
// and ones with blanks or control characters are refused, with *problem saying why.
bool checkNames(const QStringList& names, QString* problem);
// apt: apt-get update, then apt-get install (no prompt); apk add; pip install; npm install -g.
RunRequest installRequest(const Found& found, const QStringList& names);
RunRequest removeRequest(const Found& found, const QStringList& names);

// Looks the managers up in a running sandbox.
ResultJob<QList<Found>>* detect(Backend* backend, const QString& sandboxId,
                                const QString& container, QObject* parent);
// Lists what found's manager has installed.
ResultJob<QList<Package>>* list(Backend* backend, const QString& sandboxId,
                                const QString& container, const Found& found, QObject* parent);

} // namespace PackageManagers
