#include "ConnectionOrigin.h"

#include "docker/DockerEndpoint.h"

bool ConnectionOrigin::isDiscovered() const
{
    switch (kind) {
    case Kind::CommandLine:
    case Kind::DockerHost:
    case Kind::DockerContext:
    case Kind::DefaultSocket:
    case Kind::RootlessDocker:
    case Kind::PodmanUser:
    case Kind::PodmanSystem:
        return true;
    case Kind::Given:
    case Kind::Preference:
    case Kind::EciAccount:
    case Kind::EciEnvironment:
    case Kind::OpenSandboxServer:
    case Kind::OpenSandboxEnvironment:
        return false;
    }
    return false;
}

QString ConnectionOrigin::description() const
{
    switch (kind) {
    case Kind::Given:
        return tr("added by the application");
    case Kind::CommandLine:
        return QStringLiteral("--docker");
    case Kind::DockerHost:
        return DockerEndpoint::describe(DockerEndpoint::Source::DockerHost, detail);
    case Kind::DockerContext:
        return DockerEndpoint::describe(DockerEndpoint::Source::Context, detail);
    case Kind::DefaultSocket:
        return DockerEndpoint::describe(DockerEndpoint::Source::DefaultSocket, detail);
    case Kind::RootlessDocker:
        return DockerEndpoint::describe(DockerEndpoint::Source::Rootless, detail);
    case Kind::PodmanUser:
        return DockerEndpoint::describe(DockerEndpoint::Source::PodmanUser, detail);
    case Kind::PodmanSystem:
        return DockerEndpoint::describe(DockerEndpoint::Source::PodmanSystem, detail);
    case Kind::Preference:
        return tr("Preferences: %1").arg(detail);
    case Kind::EciAccount:
        return tr("account “%1”, region %2").arg(detail, region);
    case Kind::EciEnvironment:
        return tr("AccessKey from the environment, region %1").arg(region);
    case Kind::OpenSandboxServer:
        return tr("OpenSandbox server “%1”").arg(detail);
    case Kind::OpenSandboxEnvironment:
        return tr("OpenSandbox server %1 from the environment").arg(detail);
    }
    return {};
}
