#include "DockerConnections.h"

#include "docker/DockerBackend.h"
#include "docker/DockerEndpoint.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace DockerConnections {

namespace {

const QString extraPrefix = QStringLiteral("docker-host:");

bool hasEndpoint(const QList<Backend*>& backends, const QString& url)
{
    for (const Backend* backend : backends) {
        if (backend->endpointDescription() == url)
            return true;
    }
    return false;
}

} // namespace

Discovery discover(const QProcessEnvironment& environment, const QString& hostOverride,
                   const QStringList& extraHosts, QObject* parent)
{
    Discovery discovery;
    const DockerEndpoint finder(environment);
    DockerEndpoint::Choice primary;
    QString error;
    if (hostOverride.isEmpty()) {
        primary = finder.primary(&error);
    } else {
        primary = {Endpoint::fromUrl(hostOverride, &error), QStringLiteral("--docker")};
    }

    if (primary.endpoint.isValid()) {
        discovery.backends << new DockerBackend(
            QStringLiteral("docker-local"),
            QCoreApplication::translate("DockerConnections", "Docker (%1)").arg(primary.source),
            primary.endpoint, parent);
    } else {
        discovery.problem =
            QCoreApplication::translate("DockerConnections",
                                        "The engine address from %1 cannot be used: %2")
                .arg(primary.source, error);
    }

    for (const QString& url : extraHosts) {
        if (hasEndpoint(discovery.backends, url))
            continue;
        if (Backend* backend = createExtra(url, parent))
            discovery.backends << backend;
    }

    // A Podman or rootless Docker user gets a list without configuring anything.
    if (primary.endpoint.kind == Endpoint::Kind::Unix &&
        !QFileInfo::exists(primary.endpoint.socketPath)) {
        const QList<DockerEndpoint::Choice> fallbacks = finder.fallbacks();
        for (const DockerEndpoint::Choice& fallback : fallbacks) {
            if (hasEndpoint(discovery.backends, fallback.endpoint.url))
                continue;
            discovery.backends << new DockerBackend(QStringLiteral("docker:") +
                                                        fallback.endpoint.url,
                                                    fallback.source, fallback.endpoint, parent);
        }
    }
    return discovery;
}

Backend* createExtra(const QString& url, QObject* parent, QString* error)
{
    const Endpoint endpoint = Endpoint::fromUrl(url, error);
    if (!endpoint.isValid())
        return nullptr;
    return new DockerBackend(
        extraPrefix + url, QCoreApplication::translate("DockerConnections", "Docker (%1)").arg(url),
        endpoint, parent);
}

bool isExtra(const Backend* backend)
{
    return backend->id().startsWith(extraPrefix);
}

} // namespace DockerConnections
