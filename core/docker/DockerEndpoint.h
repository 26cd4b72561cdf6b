#pragma once

#include "net/Endpoint.h"

#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

// Finds the Docker engine the way the docker CLI does: DOCKER_HOST, DOCKER_CONTEXT, the current
// context of config.json, the default socket; then the rootless and Podman sockets.
class DockerEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(DockerEndpoint)

public:
    enum class Source
    {
        DockerHost,
        Context, // DOCKER_CONTEXT or config.json's current context; detail holds its name
        DefaultSocket,
        Rootless,
        PodmanUser,
        PodmanSystem
    };

    struct Choice
    {
        Endpoint endpoint;
        QString source; // where it came from, for the user: "DOCKER_HOST", "context “x”", …
        Source kind = Source::DefaultSocket;
        QString detail;
    };

    // Where an engine came from, in the current language.
    static QString describe(Source kind, const QString& detail);

    explicit DockerEndpoint(const QProcessEnvironment& environment);

    // The engine the docker CLI would talk to. On a broken context or address, returns an
    // invalid endpoint and says why in error.
    Choice primary(QString* error = nullptr) const;
    // Further sockets worth trying when the primary one does not answer.
    QList<Choice> fallbacks() const;

private:
    QString configDir() const;
    Choice fromContext(const QString& name, QString* error) const;
    void applyEnvironmentTls(Endpoint* endpoint) const;

    QProcessEnvironment m_env;
};
