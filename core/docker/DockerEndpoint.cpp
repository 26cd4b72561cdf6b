#include "DockerEndpoint.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QJsonObject readJsonObject(const QString& path, bool* exists)
{
    QFile file(path);
    *exists = file.exists();
    // Config files are small; a huge one is not ours to read whole.
    if (!file.open(QIODevice::ReadOnly) || file.size() > 4 * 1024 * 1024)
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

const QString defaultSocket = QStringLiteral("unix:///var/run/docker.sock");

} // namespace

DockerEndpoint::DockerEndpoint(const QProcessEnvironment& environment)
    : m_env(environment)
{}

QString DockerEndpoint::configDir() const
{
    const QString dir = m_env.value(QStringLiteral("DOCKER_CONFIG"));
    if (!dir.isEmpty())
        return dir;
    QString home = m_env.value(QStringLiteral("HOME"));
    if (home.isEmpty())
        home = QDir::homePath();
    return home + QStringLiteral("/.docker");
}

void DockerEndpoint::applyEnvironmentTls(Endpoint* endpoint) const
{
    const QString verify = m_env.value(QStringLiteral("DOCKER_TLS_VERIFY"));
    const bool tls = !verify.isEmpty() || !m_env.value(QStringLiteral("DOCKER_TLS")).isEmpty();
    if (endpoint->kind != Endpoint::Kind::Tcp || !tls)
        return;
    endpoint->tls = true;
    endpoint->verifyPeer = !verify.isEmpty() && verify != QLatin1String("0");
    QString certDir = m_env.value(QStringLiteral("DOCKER_CERT_PATH"));
    if (certDir.isEmpty())
        certDir = configDir();
    endpoint->caFile = certDir + QStringLiteral("/ca.pem");
    endpoint->certFile = certDir + QStringLiteral("/cert.pem");
    endpoint->keyFile = certDir + QStringLiteral("/key.pem");
    if (!QFileInfo::exists(endpoint->caFile))
        endpoint->caFile.clear();
}

DockerEndpoint::Choice DockerEndpoint::primary(QString* error) const
{
    const QString host = m_env.value(QStringLiteral("DOCKER_HOST"));
    if (!host.isEmpty()) {
        Choice choice{Endpoint::fromUrl(host, error),
                      describe(Source::DockerHost, {}),
                      Source::DockerHost,
                      {}};
        applyEnvironmentTls(&choice.endpoint);
        return choice;
    }
    QString context = m_env.value(QStringLiteral("DOCKER_CONTEXT"));
    if (context.isEmpty()) {
        bool exists = false;
        const QJsonObject config =
            readJsonObject(configDir() + QStringLiteral("/config.json"), &exists);
        context = config.value(QLatin1String("currentContext")).toString();
    }
    if (!context.isEmpty() && context != QLatin1String("default"))
        return fromContext(context, error);
    return {Endpoint::fromUrl(defaultSocket, error),
            describe(Source::DefaultSocket, {}),
            Source::DefaultSocket,
            {}};
}

DockerEndpoint::Choice DockerEndpoint::fromContext(const QString& name, QString* error) const
{
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
    bool exists = false;
    const QJsonObject meta = readJsonObject(configDir() + QStringLiteral("/contexts/meta/") + hash +
                                                QStringLiteral("/meta.json"),
                                            &exists);
    const QJsonObject docker =
        meta.value(QLatin1String("Endpoints")).toObject().value(QLatin1String("docker")).toObject();
    const QString host = docker.value(QLatin1String("Host")).toString();
    const QString source = describe(Source::Context, name);
    if (host.isEmpty()) {
        if (error) {
            *error = exists ? tr("Docker context “%1” has no engine address.").arg(name)
                            : tr("Docker context “%1” does not exist.").arg(name);
        }
        return {Endpoint(), source, Source::Context, name};
    }
    Choice choice{Endpoint::fromUrl(host, error), source, Source::Context, name};
    const QString tlsDir =
        configDir() + QStringLiteral("/contexts/tls/") + hash + QStringLiteral("/docker/");
    if (choice.endpoint.kind == Endpoint::Kind::Tcp && QFileInfo::exists(tlsDir)) {
        choice.endpoint.tls = true;
        choice.endpoint.verifyPeer = !docker.value(QLatin1String("SkipTLSVerify")).toBool();
        const auto existing = [&](const char* file) {
            const QString path = tlsDir + QLatin1String(file);
            return QFileInfo::exists(path) ? path : QString();
        };
        choice.endpoint.caFile = existing("ca.pem");
        choice.endpoint.certFile = existing("cert.pem");
        choice.endpoint.keyFile = existing("key.pem");
    }
    return choice;
}

QList<DockerEndpoint::Choice> DockerEndpoint::fallbacks() const
{
    QList<Choice> choices;
    const QString runtime = m_env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    const auto add = [&](const QString& path, Source kind) {
        if (QFileInfo::exists(path))
            choices.append({Endpoint::fromUrl(QStringLiteral("unix://") + path),
                            describe(kind, {}),
                            kind,
                            {}});
    };
    if (!runtime.isEmpty()) {
        add(runtime + QStringLiteral("/docker.sock"), Source::Rootless);
        add(runtime + QStringLiteral("/podman/podman.sock"), Source::PodmanUser);
    }
    add(QStringLiteral("/run/podman/podman.sock"), Source::PodmanSystem);
    return choices;
}

QString DockerEndpoint::describe(Source kind, const QString& detail)
{
    switch (kind) {
    case Source::DockerHost:
        return QStringLiteral("DOCKER_HOST");
    case Source::Context:
        return tr("context “%1”").arg(detail);
    case Source::DefaultSocket:
        return tr("default socket");
    case Source::Rootless:
        return tr("rootless Docker");
    case Source::PodmanUser:
        return tr("Podman (user)");
    case Source::PodmanSystem:
        return tr("Podman (system)");
    }
    return {};
}
