#include "LifecycleServer.h"

#include "DockerCalls.h"
#include "ExecdService.h"
#include "HttpServer.h"
#include "Replies.h"
#include "net/Endpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cstdio>

namespace {

const QString idLabel = QStringLiteral("opensandbox.io/id");
const QString expiresLabel = QStringLiteral("opensandbox.io/expires-at");
const QString manualCleanupLabel = QStringLiteral("opensandbox.io/manual-cleanup");
const QString notFoundCode = QStringLiteral("DOCKER::SANDBOX_NOT_FOUND");
const QString invalidParameter = QStringLiteral("SANDBOX::INVALID_PARAMETER");
const QString queryFailed = QStringLiteral("DOCKER::SANDBOX_QUERY_FAILED");
const int execdPort = 44772;

bool validLabelName(const QString& name)
{
    static const QRegularExpression rx(
        QStringLiteral("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$"));
    return !name.isEmpty() && name.size() <= 63 && rx.match(name).hasMatch();
}

QByteArray containerPath(const QString& container)
{
    return "/containers/" + QUrl::toPercentEncoding(container);
}

} // namespace

const QString LifecycleServer::instanceLabel = QStringLiteral("sandboxdesk.opensandbox/emulator");

LifecycleServer::LifecycleServer(const Endpoint& docker, QString apiKey, QObject* parent)
    : QObject(parent)
    , m_docker(new DockerCalls(docker, this))
    , m_execd(new ExecdService(m_docker, &faults, this))
    , m_server(new HttpServer([this](HttpExchange* exchange) { onRequest(exchange); }, this))
    , m_apiKey(std::move(apiKey))
{
    connect(&m_expiry, &QTimer::timeout, this, &LifecycleServer::expire);
}

void LifecycleServer::setExecdToken(const QString& token)
{
    m_execdToken = token;
    m_execd->accessToken = token;
}

bool LifecycleServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    if (!m_server->listen(address, port)) {
        *error = m_server->errorString();
        return false;
    }
    m_expiry.start(expiryCheckMs);
    return true;
}

quint16 LifecycleServer::port() const
{
    return m_server->port();
}

void LifecycleServer::note(const SandboxPtr& sandbox, const QString& line)
{
    sandbox->events.append(Replies::time(QDateTime::currentDateTimeUtc()) + QLatin1Char(' ') +
                           line);
}

void LifecycleServer::onRequest(HttpExchange* exchange)
{
    const ServerRequest& request = exchange->request();
    QByteArray requestId = request.header("x-request-id");
    if (requestId.isEmpty())
        requestId = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    exchange->addResponseHeader("X-Request-ID", requestId);

    QByteArray path = request.path;
    if (path == "/__emulator/stats")
        return Replies::json(exchange, 200,
                             QJsonObject{{QStringLiteral("requests"), faults.requests},
                                         {QStringLiteral("sandboxes"), m_sandboxes.size()}});
    if (path == "/__emulator/fault") {
        const bool ok = faults.apply(QUrl::fromPercentEncoding(request.query));
        return Replies::json(exchange, ok ? 200 : 400,
                             QJsonObject{{QStringLiteral("applied"), ok}});
    }
    if (path.startsWith("/v1/") || path == "/v1")
        path = path.mid(3);
    if (path == "/health" && request.method == "GET")
        return Replies::json(exchange, 200,
                             QJsonObject{{QStringLiteral("status"), QStringLiteral("healthy")}});

    // The server proxies to sandboxes without the API key: the route is the credential.
    static const QRegularExpression proxyRx(QStringLiteral("^/sandboxes/([^/]+)/proxy/(.*)$"));
    const auto proxyMatch = proxyRx.match(QString::fromUtf8(path));
    if (proxyMatch.hasMatch() && !path.contains(".."))
        return proxy(exchange, proxyMatch.captured(1), proxyMatch.captured(2).toUtf8());

    const QByteArray key = request.header("open-sandbox-api-key");
    if (key.isEmpty())
        return Replies::error(exchange, 401, QStringLiteral("MISSING_API_KEY"),
                              QStringLiteral("Authentication credentials are missing. Provide "
                                             "API key via OPEN-SANDBOX-API-KEY header."));
    if (key != m_apiKey.toUtf8()) {
        std::fprintf(stderr, "opensandbox-emulator: refused a request with a wrong API key\n");
        return Replies::error(exchange, 401, QStringLiteral("INVALID_API_KEY"),
                              QStringLiteral("Authentication credentials are invalid. Check your "
                                             "API key and try again."));
    }
    ++faults.requests;
    std::fprintf(stderr, "opensandbox-emulator: %s %s\n", request.method.constData(),
                 path.constData());
    if (Faults::take(faults.serverErrors))
        return Replies::error(exchange, 503, QStringLiteral("SANDBOX::UNKNOWN_ERROR"),
                              QStringLiteral("The emulator was told to fail this request."),
                              {{"Retry-After", "1"}});
    if (faults.slowMs > 0) {
        QPointer<HttpExchange> guard(exchange);
        QTimer::singleShot(faults.slowMs, this, [this, guard, path] {
            if (guard)
                route(guard, path);
        });
        return;
    }
    route(exchange, path);
}

void LifecycleServer::route(HttpExchange* exchange, const QByteArray& path)
{
    const QByteArray& method = exchange->request().method;
    if (path == "/sandboxes") {
        if (method == "GET")
            return list(exchange);
        if (method == "POST")
            return create(exchange);
        return Replies::error(exchange, 405, invalidParameter,
                              QStringLiteral("Method Not Allowed"));
    }
    static const QRegularExpression sandboxRx(QStringLiteral("^/sandboxes/([^/]+)(/.*)?$"));
    const auto match = sandboxRx.match(QString::fromUtf8(path));
    if (!match.hasMatch())
        return Replies::error(exchange, 404, QStringLiteral("NOT_FOUND"),
                              QStringLiteral("Not Found"));
    const QString id = match.captured(1);
    const QString rest = match.captured(2);
    const SandboxPtr sandbox = m_sandboxes.value(id);
    if (!sandbox)
        return Replies::error(exchange, 404, notFoundCode,
                              QStringLiteral("Sandbox %1 not found.").arg(id));
    if (rest.isEmpty() && method == "GET")
        return get(exchange, sandbox);
    if (rest.isEmpty() && method == "DELETE")
        return remove(exchange, sandbox);
    if (rest == QLatin1String("/pause") && method == "POST")
        return pause(exchange, sandbox, false);
    if (rest == QLatin1String("/resume") && method == "POST")
        return pause(exchange, sandbox, true);
    if (rest == QLatin1String("/renew-expiration") && method == "POST")
        return renew(exchange, sandbox);
    if (rest == QLatin1String("/metadata") && method == "PATCH")
        return patchMetadata(exchange, sandbox);
    if (rest.startsWith(QLatin1String("/endpoints/")) && method == "GET")
        return endpoint(exchange, sandbox, rest.mid(11));
    if (rest == QLatin1String("/diagnostics/logs") && method == "GET")
        return diagnostics(exchange, sandbox, QStringLiteral("logs"));
    if (rest == QLatin1String("/diagnostics/events") && method == "GET")
        return diagnostics(exchange, sandbox, QStringLiteral("events"));
    Replies::error(exchange, 404, QStringLiteral("NOT_FOUND"), QStringLiteral("Not Found"));
}

LifecycleServer::Status LifecycleServer::statusOf(const QString& dockerState, int exitCode)
{
    if (dockerState == QLatin1String("running"))
        return {QStringLiteral("Running"), QStringLiteral("running"),
                QStringLiteral("Sandbox is running.")};
    if (dockerState == QLatin1String("paused"))
        return {QStringLiteral("Paused"), QStringLiteral("paused"),
                QStringLiteral("Sandbox is paused.")};
    if (dockerState == QLatin1String("created") || dockerState == QLatin1String("restarting"))
        return {QStringLiteral("Pending"), QStringLiteral("provisioning"),
                QStringLiteral("Sandbox is being provisioned.")};
    if (dockerState == QLatin1String("removing"))
        return {QStringLiteral("Stopping"), QStringLiteral("user_delete"),
                QStringLiteral("Sandbox is being removed.")};
    if (exitCode == 0)
        return {QStringLiteral("Terminated"), QStringLiteral("exited"),
                QStringLiteral("The entry process exited with code 0.")};
    return {QStringLiteral("Failed"), QStringLiteral("runtime_error"),
            QStringLiteral("The entry process exited with code %1.").arg(exitCode)};
}

QJsonObject LifecycleServer::describe(const SandboxPtr& sandbox, const Status& status,
                                      bool full) const
{
    QJsonObject out{
        {QStringLiteral("id"), sandbox->id},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("state"), status.state},
                                               {QStringLiteral("reason"), status.reason},
                                               {QStringLiteral("message"), status.message}}},
        {QStringLiteral("metadata"), sandbox->metadata},
        {QStringLiteral("entrypoint"), QJsonArray::fromStringList(sandbox->entrypoint)},
        {QStringLiteral("createdAt"), Replies::time(sandbox->createdAt)},
    };
    if (sandbox->expiresAt.isValid())
        out.insert(QStringLiteral("expiresAt"), Replies::time(sandbox->expiresAt));
    if (full)
        out.insert(QStringLiteral("image"), QJsonObject{{QStringLiteral("uri"), sandbox->image}});
    return out;
}

void LifecycleServer::inspect(const SandboxPtr& sandbox,
                              const std::function<void(bool, bool, const Status&)>& done)
{
    m_docker->call(
        "GET", containerPath(sandbox->container) + "/json", {},
        [done](int status, const QByteArray& body) {
            if (status == 404)
                return done(true, false, {});
            if (status != 200)
                return done(false, false, {});
            const QJsonObject state =
                QJsonDocument::fromJson(body).object().value(QLatin1String("State")).toObject();
            done(true, true,
                 statusOf(state.value(QLatin1String("Status")).toString(),
                          state.value(QLatin1String("ExitCode")).toInt()));
        });
}

void LifecycleServer::drop(const SandboxPtr& sandbox, const QString& why)
{
    std::fprintf(stderr, "opensandbox-emulator: sandbox %s removed (%s)\n", qPrintable(sandbox->id),
                 qPrintable(why));
    m_sandboxes.remove(sandbox->id);
    m_execd->forget(sandbox->container);
    if (sandbox->execd) {
        sandbox->execd->deleteLater();
        sandbox->execd = nullptr;
    }
}

bool LifecycleServer::validMetadata(const QJsonObject& metadata, QString* why)
{
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        const QString& key = it.key();
        if (key.startsWith(QLatin1String("opensandbox.io/"))) {
            *why = QStringLiteral("Metadata key %1 uses the reserved prefix opensandbox.io/.")
                       .arg(key);
            return false;
        }
        const qsizetype slash = key.indexOf(QLatin1Char('/'));
        const QString name = slash < 0 ? key : key.mid(slash + 1);
        const QString prefix = slash < 0 ? QString() : key.left(slash);
        static const QRegularExpression dns(
            QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
        if (!validLabelName(name) ||
            (slash >= 0 && (prefix.size() > 253 || !dns.match(prefix).hasMatch()))) {
            *why = QStringLiteral("Metadata key %1 is not a valid label name.").arg(key);
            return false;
        }
        if (!it.value().isString() ||
            (!it.value().toString().isEmpty() && !validLabelName(it.value().toString()))) {
            *why = QStringLiteral("Metadata value of %1 is not a valid label value.").arg(key);
            return false;
        }
    }
    return true;
}

void LifecycleServer::create(HttpExchange* exchange)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->request().body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Replies::error(exchange, 400, invalidParameter,
                              QStringLiteral("The request body is not a JSON object."));
    const QJsonObject body = doc.object();
    if (body.contains(QLatin1String("snapshotId")))
        return Replies::error(exchange, 400, QStringLiteral("SANDBOX::API_NOT_SUPPORTED"),
                              QStringLiteral("Snapshots are not supported by the emulator."));
    const QString image =
        body.value(QLatin1String("image")).toObject().value(QLatin1String("uri")).toString();
    if (image.isEmpty())
        return Replies::error(exchange, 400, invalidParameter,
                              QStringLiteral("Exactly one of image or snapshotId is required."));
    const QJsonArray entrypointJson = body.value(QLatin1String("entrypoint")).toArray();
    QStringList entrypoint;
    for (const QJsonValue& v : entrypointJson)
        entrypoint.append(v.toString());
    if (entrypoint.isEmpty() || entrypoint.first().isEmpty())
        return Replies::error(exchange, 400, QStringLiteral("DOCKER::INVALID_ENTRYPOINT"),
                              QStringLiteral("entrypoint is required when image is provided."));
    const QJsonValue timeout = body.value(QLatin1String("timeout"));
    if (!timeout.isNull() && !timeout.isUndefined() &&
        (!timeout.isDouble() || timeout.toDouble() != double(timeout.toInteger()) ||
         timeout.toInteger() < 60))
        return Replies::error(exchange, 400, invalidParameter,
                              QStringLiteral("timeout must be an integer of at least 60 seconds."));
    const QJsonObject metadata = body.value(QLatin1String("metadata")).toObject();
    QString why;
    if (!validMetadata(metadata, &why))
        return Replies::error(exchange, 400, QStringLiteral("SANDBOX::INVALID_METADATA_LABEL"),
                              why);

    auto sandbox = std::make_shared<Sandbox>();
    sandbox->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sandbox->container = QStringLiteral("sandbox-") + sandbox->id;
    sandbox->image = image;
    sandbox->entrypoint = entrypoint;
    sandbox->metadata = metadata;
    sandbox->resourceLimits = body.value(QLatin1String("resourceLimits")).toObject();
    sandbox->createdAt = QDateTime::currentDateTimeUtc();
    if (timeout.isDouble())
        sandbox->expiresAt = sandbox->createdAt.addSecs(timeout.toInteger());

    QJsonObject labels{{idLabel, sandbox->id}, {instanceLabel, instance}};
    if (sandbox->expiresAt.isValid())
        labels.insert(expiresLabel, Replies::time(sandbox->expiresAt));
    else
        labels.insert(manualCleanupLabel, QStringLiteral("true"));
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
        labels.insert(it.key(), it.value());
    QJsonArray env;
    const QJsonObject envObject = body.value(QLatin1String("env")).toObject();
    for (auto it = envObject.begin(); it != envObject.end(); ++it)
        env.append(it.key() + QLatin1Char('=') + it.value().toString());
    const QJsonObject spec{
        {QStringLiteral("Image"), image},
        {QStringLiteral("Entrypoint"), QJsonArray::fromStringList(entrypoint)},
        {QStringLiteral("Cmd"), QJsonArray()},
        {QStringLiteral("Env"), env},
        {QStringLiteral("Labels"), labels},
        {QStringLiteral("HostConfig"),
         QJsonObject{{QStringLiteral("NetworkMode"), QStringLiteral("none")}}},
    };

    // The port that stands for the host port mapped to execd.
    auto* execd =
        new HttpServer([this, id = sandbox->id](HttpExchange* e) { onExecdRequest(e, id); }, this);
    if (!execd->listen(QHostAddress::LocalHost)) {
        delete execd;
        return Replies::error(exchange, 500, QStringLiteral("DOCKER::SANDBOX_EXECD_START_FAILED"),
                              QStringLiteral("Cannot open a port for execd."));
    }
    sandbox->execd = execd;

    QPointer<HttpExchange> guard(exchange);
    m_docker->call(
        "POST", "/containers/create?name=" + QUrl::toPercentEncoding(sandbox->container),
        QJsonDocument(spec).toJson(QJsonDocument::Compact),
        [this, guard, sandbox](int status, const QByteArray& reply) {
            if (status != 201) {
                sandbox->execd->deleteLater();
                if (!guard)
                    return;
                const QString message = QJsonDocument::fromJson(reply)
                                            .object()
                                            .value(QLatin1String("message"))
                                            .toString();
                if (status == 404)
                    return Replies::error(guard, 400,
                                          QStringLiteral("DOCKER::SANDBOX_IMAGE_PULL_FAILED"),
                                          QStringLiteral("Image %1 is not available: %2")
                                              .arg(sandbox->image, message));
                return Replies::error(guard, 500, QStringLiteral("DOCKER::SANDBOX_START_FAILED"),
                                      QStringLiteral("Creating the container failed: ") + message);
            }
            m_sandboxes.insert(sandbox->id, sandbox);
            note(sandbox,
                 QStringLiteral("lifecycle Normal Created sandbox from image ") + sandbox->image);
            std::fprintf(stderr, "opensandbox-emulator: sandbox %s created\n",
                         qPrintable(sandbox->id));
            QTimer::singleShot(provisionMs, this, [this, sandbox] {
                m_docker->call("POST", containerPath(sandbox->container) + "/start", {},
                               [this, sandbox](int startStatus, const QByteArray& startReply) {
                                   if (startStatus == 204 || startStatus == 304)
                                       note(sandbox, QStringLiteral("lifecycle Normal Started"));
                                   else
                                       note(sandbox, QStringLiteral("lifecycle Warning Failed ") +
                                                         QString::fromUtf8(startReply).trimmed());
                               });
            });
            if (!guard)
                return;
            QJsonObject out = describe(sandbox,
                                       {QStringLiteral("Pending"), QStringLiteral("provisioning"),
                                        QStringLiteral("Sandbox is being provisioned.")},
                                       false);
            out.remove(QStringLiteral("image"));
            Replies::json(guard, 202, out, {{"Location", "/v1/sandboxes/" + sandbox->id.toUtf8()}});
        });
}

void LifecycleServer::list(HttpExchange* exchange)
{
    const ServerRequest& request = exchange->request();
    int page = 1;
    int pageSize = 20;
    for (const auto& [name, target, max] :
         {std::tuple<QString, int*, int>{QStringLiteral("page"), &page, 1 << 30},
          std::tuple<QString, int*, int>{QStringLiteral("pageSize"), &pageSize, 200}}) {
        if (!request.hasQuery(name))
            continue;
        bool ok = false;
        *target = request.queryValue(name).toInt(&ok);
        if (!ok || *target < 1 || *target > max)
            return Replies::error(
                exchange, 400, invalidParameter,
                QStringLiteral("%1 must be an integer from 1 to %2.").arg(name).arg(max));
    }
    QStringList states;
    for (const QString& state : request.queryValues(QStringLiteral("state")))
        states.append(state.toLower());
    QList<QPair<QString, QString>> wanted;
    const QString metadataFilter = request.queryValue(QStringLiteral("metadata"));
    if (!metadataFilter.isEmpty()) {
        for (const QString& pair : metadataFilter.split(QLatin1Char('&'))) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return Replies::error(
                    exchange, 400, QStringLiteral("INVALID_METADATA_FORMAT"),
                    QStringLiteral("Invalid metadata format: bad query field: %1").arg(pair));
            const auto decode = [](QString text) {
                return QUrl::fromPercentEncoding(
                    text.replace(QLatin1Char('+'), QLatin1Char(' ')).toUtf8());
            };
            wanted.append({decode(pair.left(eq)), decode(pair.mid(eq + 1))});
        }
    }
    const QByteArray filters =
        QJsonDocument(QJsonObject{{QStringLiteral("label"),
                                   QJsonArray{instanceLabel + QLatin1Char('=') + instance}}})
            .toJson(QJsonDocument::Compact);
    QPointer<HttpExchange> guard(exchange);
    m_docker->call(
        "GET",
        "/containers/json?all=1&filters=" + QUrl::toPercentEncoding(QString::fromUtf8(filters)), {},
        [this, guard, states, wanted, page, pageSize](int status, const QByteArray& body) {
            if (!guard)
                return;
            if (status != 200)
                return Replies::error(guard, 500, queryFailed,
                                      QStringLiteral("Failed to query sandbox containers."));
            QHash<QString, Status> found;
            for (const QJsonValue& value : QJsonDocument::fromJson(body).array()) {
                const QJsonObject container = value.toObject();
                const QString id =
                    container.value(QLatin1String("Labels")).toObject().value(idLabel).toString();
                static const QRegularExpression exitRx(QStringLiteral("Exited \\((\\d+)\\)"));
                const auto exitMatch =
                    exitRx.match(container.value(QLatin1String("Status")).toString());
                found.insert(id,
                             statusOf(container.value(QLatin1String("State")).toString(),
                                      exitMatch.hasMatch() ? exitMatch.captured(1).toInt() : 0));
            }
            QList<QPair<SandboxPtr, Status>> matching;
            for (const SandboxPtr& sandbox : std::as_const(m_sandboxes)) {
                if (!found.contains(sandbox->id))
                    continue; // its container is gone
                const Status state = found.value(sandbox->id);
                if (!states.isEmpty() && !states.contains(state.state.toLower()))
                    continue;
                const bool metadataMatches =
                    std::all_of(wanted.begin(), wanted.end(), [&sandbox](const auto& kv) {
                        return sandbox->metadata.value(kv.first).toString() == kv.second &&
                               sandbox->metadata.contains(kv.first);
                    });
                if (metadataMatches)
                    matching.append({sandbox, state});
            }
            std::sort(matching.begin(), matching.end(), [](const auto& a, const auto& b) {
                if (a.first->createdAt != b.first->createdAt)
                    return a.first->createdAt > b.first->createdAt;
                return a.first->id < b.first->id;
            });
            const qsizetype total = matching.size();
            const qsizetype pages = (total + pageSize - 1) / pageSize;
            QJsonArray items;
            for (qsizetype i = qint64(page - 1) * pageSize;
                 i < total && i < qint64(page) * pageSize; ++i)
                items.append(describe(matching.at(i).first, matching.at(i).second, true));
            Replies::json(
                guard, 200,
                QJsonObject{{QStringLiteral("items"), items},
                            {QStringLiteral("pagination"),
                             QJsonObject{{QStringLiteral("page"), page},
                                         {QStringLiteral("pageSize"), pageSize},
                                         {QStringLiteral("totalItems"), total},
                                         {QStringLiteral("totalPages"), pages},
                                         {QStringLiteral("hasNextPage"), page < pages}}}});
        });
}

void LifecycleServer::get(HttpExchange* exchange, const SandboxPtr& sandbox)
{
    QPointer<HttpExchange> guard(exchange);
    inspect(sandbox, [this, guard, sandbox](bool engineOk, bool found, const Status& status) {
        if (!guard)
            return;
        if (!engineOk)
            return Replies::error(guard, 500, queryFailed,
                                  QStringLiteral("Failed to query the sandbox container."));
        if (!found) {
            drop(sandbox, QStringLiteral("its container is gone"));
            return Replies::error(guard, 404, notFoundCode,
                                  QStringLiteral("Sandbox %1 not found.").arg(sandbox->id));
        }
        Replies::json(guard, 200, describe(sandbox, status, true));
    });
}

void LifecycleServer::remove(HttpExchange* exchange, const SandboxPtr& sandbox)
{
    QPointer<HttpExchange> guard(exchange);
    m_docker->call("DELETE", containerPath(sandbox->container) + "?force=1&v=1", {},
                   [this, guard, sandbox](int status, const QByteArray& body) {
                       if (status != 204 && status != 404) {
                           if (guard)
                               Replies::error(guard, 500,
                                              QStringLiteral("DOCKER::SANDBOX_DELETE_FAILED"),
                                              QStringLiteral("Failed to delete the sandbox: ") +
                                                  QString::fromUtf8(body).trimmed());
                           return;
                       }
                       drop(sandbox, QStringLiteral("deleted"));
                       if (guard)
                           guard->send(204, {}, {});
                   });
}

void LifecycleServer::pause(HttpExchange* exchange, const SandboxPtr& sandbox, bool resume)
{
    QPointer<HttpExchange> guard(exchange);
    inspect(sandbox, [this, guard, sandbox, resume](bool engineOk, bool found,
                                                    const Status& status) {
        if (!guard)
            return;
        if (!engineOk || !found)
            return Replies::error(guard, found ? 500 : 404, found ? queryFailed : notFoundCode,
                                  QStringLiteral("Sandbox %1 cannot be queried.").arg(sandbox->id));
        const QString needed = resume ? QStringLiteral("Paused") : QStringLiteral("Running");
        if (status.state != needed)
            return Replies::error(
                guard, 409,
                resume ? QStringLiteral("DOCKER::SANDBOX_NOT_PAUSED")
                       : QStringLiteral("DOCKER::SANDBOX_NOT_RUNNING"),
                QStringLiteral("Sandbox %1 is %2, not %3.").arg(sandbox->id, status.state, needed));
        m_docker->call("POST", containerPath(sandbox->container) + (resume ? "/unpause" : "/pause"),
                       {}, [this, guard, sandbox, resume](int result, const QByteArray& body) {
                           if (result != 204) {
                               if (guard)
                                   Replies::error(
                                       guard, 500,
                                       resume ? QStringLiteral("DOCKER::SANDBOX_RESUME_FAILED")
                                              : QStringLiteral("DOCKER::SANDBOX_PAUSE_FAILED"),
                                       QString::fromUtf8(body).trimmed());
                               return;
                           }
                           note(sandbox, resume ? QStringLiteral("lifecycle Normal Resumed")
                                                : QStringLiteral("lifecycle Normal Paused"));
                           if (guard)
                               guard->send(202, {}, {});
                       });
    });
}

void LifecycleServer::renew(HttpExchange* exchange, const SandboxPtr& sandbox)
{
    const QJsonObject body = QJsonDocument::fromJson(exchange->request().body).object();
    const QDateTime expiresAt =
        QDateTime::fromString(body.value(QLatin1String("expiresAt")).toString(), Qt::ISODateWithMs);
    if (!expiresAt.isValid())
        return Replies::error(exchange, 400, invalidParameter,
                              QStringLiteral("expiresAt must be an RFC 3339 date-time."));
    if (expiresAt <= QDateTime::currentDateTimeUtc())
        return Replies::error(exchange, 400, QStringLiteral("DOCKER::INVALID_EXPIRATION"),
                              QStringLiteral("New expiration time must be in the future."));
    if (!sandbox->expiresAt.isValid())
        return Replies::error(
            exchange, 409, QStringLiteral("DOCKER::INVALID_EXPIRATION"),
            QStringLiteral("Sandbox %1 does not have automatic expiration enabled.")
                .arg(sandbox->id));
    sandbox->expiresAt = expiresAt.toUTC();
    note(sandbox,
         QStringLiteral("lifecycle Normal Renewed until ") + Replies::time(sandbox->expiresAt));
    Replies::json(exchange, 200,
                  QJsonObject{{QStringLiteral("expiresAt"), Replies::time(sandbox->expiresAt)}});
}

void LifecycleServer::patchMetadata(HttpExchange* exchange, const SandboxPtr& sandbox)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->request().body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Replies::error(exchange, 400, invalidParameter,
                              QStringLiteral("The request body is not a JSON object."));
    const QJsonObject patch = doc.object();
    QJsonObject merged = sandbox->metadata;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    QString why;
    if (!validMetadata(merged, &why))
        return Replies::error(exchange, 400, QStringLiteral("SANDBOX::INVALID_METADATA_LABEL"),
                              why);
    sandbox->metadata = merged;
    get(exchange, sandbox);
}

void LifecycleServer::endpoint(HttpExchange* exchange, const SandboxPtr& sandbox,
                               const QString& portText)
{
    bool ok = false;
    const int port = portText.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return Replies::error(exchange, 400, QStringLiteral("DOCKER::INVALID_PORT"),
                              QStringLiteral("Port must be from 1 to 65535."));
    const ServerRequest& request = exchange->request();
    const bool serverProxy =
        request.queryValue(QStringLiteral("use_server_proxy")).toLower() == QLatin1String("true");
    if (request.hasQuery(QStringLiteral("expires")))
        return Replies::error(exchange, 400, QStringLiteral("SANDBOX::API_NOT_SUPPORTED"),
                              QStringLiteral("Signed routes (expires parameter) are not supported "
                                             "when runtime.type='docker'."));
    QString host = QString::fromUtf8(request.header("host"));
    if (host.isEmpty())
        host = QStringLiteral("127.0.0.1:%1").arg(m_server->port());
    QJsonObject out{
        {QStringLiteral("endpoint"),
         serverProxy
             ? QStringLiteral("%1/sandboxes/%2/proxy/%3").arg(host, sandbox->id).arg(port)
             : QStringLiteral("127.0.0.1:%1/proxy/%2").arg(sandbox->execd->port()).arg(port)}};
    if (port == execdPort && !m_execdToken.isEmpty())
        out.insert(QStringLiteral("headers"),
                   QJsonObject{{QStringLiteral("X-EXECD-ACCESS-TOKEN"), m_execdToken}});
    Replies::json(exchange, 200, out);
}

void LifecycleServer::diagnostics(HttpExchange* exchange, const SandboxPtr& sandbox,
                                  const QString& kind)
{
    const QString scope = exchange->request().queryValue(QStringLiteral("scope"));
    if (scope.isEmpty())
        return Replies::error(exchange, 400, invalidParameter,
                              QStringLiteral("The scope query parameter is required."));
    const auto answer = [sandbox, kind, scope](HttpExchange* target, const QString& text) {
        Replies::json(target, 200,
                      QJsonObject{{QStringLiteral("sandboxId"), sandbox->id},
                                  {QStringLiteral("kind"), kind},
                                  {QStringLiteral("scope"), scope},
                                  {QStringLiteral("delivery"), QStringLiteral("inline")},
                                  {QStringLiteral("contentType"),
                                   QStringLiteral("text/plain; charset=utf-8")},
                                  {QStringLiteral("content"), text},
                                  {QStringLiteral("contentLength"), text.toUtf8().size()},
                                  {QStringLiteral("truncated"), false}});
    };
    const QString lifecycle = sandbox->events.join(QLatin1Char('\n'));
    const bool container = scope == QLatin1String("container") || scope == QLatin1String("all");
    if (kind == QLatin1String("events") || !container) {
        if (scope != QLatin1String("lifecycle") && scope != QLatin1String("all") &&
            scope != QLatin1String("runtime"))
            return Replies::error(exchange, 400, invalidParameter,
                                  QStringLiteral("Scope %1 is not supported.").arg(scope));
        return answer(exchange, lifecycle.isEmpty() ? lifecycle : lifecycle + QLatin1Char('\n'));
    }
    QPointer<HttpExchange> guard(exchange);
    m_docker->call(
        "GET", containerPath(sandbox->container) + "/logs?stdout=1&stderr=1&timestamps=1&tail=2000",
        {}, [guard, answer, lifecycle, scope](int status, const QByteArray& body) {
            if (!guard)
                return;
            if (status != 200)
                return Replies::error(guard, 500, queryFailed,
                                      QStringLiteral("Failed to read container logs."));
            // Without a TTY the engine frames the log: strip the 8-byte headers.
            QByteArray text;
            for (qsizetype at = 0; at + 8 <= body.size();) {
                const quint32 size = (quint8(body.at(at + 4)) << 24) |
                                     (quint8(body.at(at + 5)) << 16) |
                                     (quint8(body.at(at + 6)) << 8) | quint8(body.at(at + 7));
                text += body.mid(at + 8, size);
                at += 8 + qsizetype(size);
            }
            QString out = QString::fromUtf8(text);
            if (scope == QLatin1String("all") && !lifecycle.isEmpty())
                out = lifecycle + QLatin1Char('\n') + out;
            answer(guard, out);
        });
}

void LifecycleServer::expire()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<SandboxPtr> all = m_sandboxes.values();
    for (const SandboxPtr& sandbox : all) {
        if (!sandbox->expiresAt.isValid() || sandbox->expiresAt > now)
            continue;
        drop(sandbox, QStringLiteral("expired"));
        m_docker->call("DELETE", containerPath(sandbox->container) + "?force=1&v=1", {},
                       [](int, const QByteArray&) {});
    }
}

void LifecycleServer::proxy(HttpExchange* exchange, const QString& sandboxId,
                            const QByteArray& portAndPath)
{
    ++faults.requests;
    const SandboxPtr sandbox = m_sandboxes.value(sandboxId);
    if (!sandbox)
        return Replies::error(exchange, 404, notFoundCode,
                              QStringLiteral("Sandbox %1 not found.").arg(sandboxId));
    const qsizetype slash = portAndPath.indexOf('/');
    const QByteArray portText = slash < 0 ? portAndPath : portAndPath.left(slash);
    const QByteArray rest = slash < 0 ? QByteArray("/") : portAndPath.mid(slash);
    bool ok = false;
    const int port = portText.toInt(&ok);
    if (!ok || port != execdPort)
        return Replies::error(exchange, 502, QStringLiteral("SANDBOX::PROXY_ERROR"),
                              QStringLiteral("Nothing answers on port %1 of sandbox %2.")
                                  .arg(QString::fromUtf8(portText), sandboxId));
    if (Faults::take(faults.serverErrors))
        return Replies::error(exchange, 503, QStringLiteral("SANDBOX::UNKNOWN_ERROR"),
                              QStringLiteral("The emulator was told to fail this request."),
                              {{"Retry-After", "1"}});
    if (faults.slowMs > 0) {
        QPointer<HttpExchange> guard(exchange);
        const QString container = sandbox->container;
        QTimer::singleShot(faults.slowMs, this, [this, guard, container, rest] {
            if (guard)
                m_execd->handle(guard, container, rest);
        });
        return;
    }
    m_execd->handle(exchange, sandbox->container, rest);
}

void LifecycleServer::onExecdRequest(HttpExchange* exchange, const QString& sandboxId)
{
    const QByteArray& path = exchange->request().path;
    // execd's own port: its API at the root, and other ports of the sandbox under /proxy/PORT.
    if (path.startsWith("/proxy/"))
        return proxy(exchange, sandboxId, path.mid(7));
    ++faults.requests;
    const SandboxPtr sandbox = m_sandboxes.value(sandboxId);
    if (!sandbox)
        return exchange->drop();
    m_execd->handle(exchange, sandbox->container, path);
}
