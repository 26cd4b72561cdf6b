#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class Backend;
class QObject;

// The Docker connections the app starts with, and those the user adds in Preferences.
namespace DockerConnections {

struct Discovery
{
    QList<Backend*> backends;
    QString problem; // why the primary engine could not be used, when it could not
};

// The primary engine (hostOverride, else found like the docker CLI finds it), one connection
// per extra address, and the rootless and Podman sockets when the primary socket is missing.
Discovery discover(const QProcessEnvironment& environment, const QString& hostOverride,
                   const QStringList& extraHosts, QObject* parent);

// A connection for an address from Preferences; nullptr with the reason in error when the
// address is not one.
Backend* createExtra(const QString& url, QObject* parent, QString* error = nullptr);
bool isExtra(const Backend* backend);

} // namespace DockerConnections
