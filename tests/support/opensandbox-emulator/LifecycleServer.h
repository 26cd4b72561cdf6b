#pragma once

#include "Faults.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class DockerCalls;
class ExecdService;
class HttpExchange;
class HttpServer;
struct Endpoint;

// The OpenSandbox lifecycle server (specs/sandbox-lifecycle.yml, and the diagnostics and proxy
// routes of the server) on loopback. Sandboxes are containers of a Docker engine; each sandbox
// also gets a loopback port of its own that stands for the host port the Docker runtime maps
// to execd, so its endpoints look like the real ones: 127.0.0.1:PORT/proxy/44772.
class LifecycleServer final : public QObject
{
public:
    LifecycleServer(const Endpoint& docker, QString apiKey, QObject* parent = nullptr);

    Faults faults;
    QString instance;    // every container is labelled with it
    int provisionMs = 0; // how long a new sandbox stays Pending
    int expiryCheckMs = 1000;

    void setExecdToken(const QString& token);
    ExecdService* execd() const { return m_execd; }
    bool listen(const QHostAddress& address, quint16 port, QString* error);
    quint16 port() const;

    static const QString instanceLabel;

private:
    struct Sandbox
    {
        QString id;
        QString container;
        QString image;
        QStringList entrypoint;
        QJsonObject metadata;
        QJsonObject resourceLimits;
        QDateTime createdAt;
        QDateTime expiresAt; // invalid: no automatic expiry
        HttpServer* execd = nullptr;
        QStringList events; // lifecycle diagnostics, one line each
    };
    using SandboxPtr = std::shared_ptr<Sandbox>;
    struct Status
    {
        QString state;
        QString reason;
        QString message;
    };

    void onRequest(HttpExchange* exchange);
    void route(HttpExchange* exchange, const QByteArray& path);
    void onExecdRequest(HttpExchange* exchange, const QString& sandboxId);
    void proxy(HttpExchange* exchange, const QString& sandboxId, const QByteArray& portAndPath);

    void create(HttpExchange* exchange);
    void list(HttpExchange* exchange);
    void get(HttpExchange* exchange, const SandboxPtr& sandbox);
    void remove(HttpExchange* exchange, const SandboxPtr& sandbox);
    void pause(HttpExchange* exchange, const SandboxPtr& sandbox, bool resume);
    void renew(HttpExchange* exchange, const SandboxPtr& sandbox);
    void patchMetadata(HttpExchange* exchange, const SandboxPtr& sandbox);
    void endpoint(HttpExchange* exchange, const SandboxPtr& sandbox, const QString& port);
    void diagnostics(HttpExchange* exchange, const SandboxPtr& sandbox, const QString& kind);

    // The Docker state of one sandbox's container; found false when the container is gone.
    void inspect(const SandboxPtr& sandbox,
                 const std::function<void(bool engineOk, bool found, const Status&)>& done);
    static Status statusOf(const QString& dockerState, int exitCode);
    QJsonObject describe(const SandboxPtr& sandbox, const Status& status, bool full) const;
    void drop(const SandboxPtr& sandbox, const QString& why);
    void expire();
    void note(const SandboxPtr& sandbox, const QString& line);
    static bool validMetadata(const QJsonObject& metadata, QString* why);

    DockerCalls* m_docker;
    ExecdService* m_execd;
    HttpServer* m_server;
    QString m_apiKey;
    QString m_execdToken;
    QHash<QString, SandboxPtr> m_sandboxes;
    QTimer m_expiry;
};
