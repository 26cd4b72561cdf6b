// A local stand-in for Alibaba Cloud ECI (API 2018-08-08, RPC style) for tests: it verifies
// V3 and V1 signatures strictly and maps container groups onto containers of a Docker engine.
// Messages are the API's English codes and texts, as the service sends them.
#include "eci/EciSigner.h"
#include "net/Endpoint.h"
#include "net/HttpClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

const qsizetype maxHeaderBytes = 64 * 1024;
const qsizetype maxBodyBytes = 1024 * 1024;
const qint64 skewLimitSecs = 15 * 60;
const QString labelPrefix = QStringLiteral("eci.sandboxdesk/");

struct HttpRequestIn
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    EciHeaders headers; // lower-case names
    QByteArray body;
    bool keepAlive = true;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers) {
            if (h.first == name)
                return h.second;
        }
        return {};
    }
};

struct Reply
{
    int status = 200;
    QByteArray body;
    EciHeaders headers;
};

using Respond = std::function<void(const Reply&)>;

EciParams decodeForm(const QByteArray& text)
{
    EciParams params;
    for (const QByteArray& pair : text.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        params.append({QUrl::fromPercentEncoding(name), QUrl::fromPercentEncoding(value)});
    }
    return params;
}

QString param(const EciParams& params, const QString& name)
{
    for (const auto& p : params) {
        if (p.first == name)
            return p.second;
    }
    return {};
}

bool hasParam(const EciParams& params, const QString& name)
{
    return std::any_of(params.begin(), params.end(),
                       [&](const auto& p) { return p.first == name; });
}

// Values of Prefix.1, Prefix.2 … (or Prefix.N.Field) in index order, stopping at a gap.
QStringList indexed(const EciParams& params, const QString& prefix, const QString& field = {})
{
    QStringList values;
    for (int i = 1;; ++i) {
        QString name = prefix + QLatin1Char('.') + QString::number(i);
        if (!field.isEmpty())
            name += QLatin1Char('.') + field;
        if (!hasParam(params, name))
            break;
        values.append(param(params, name));
    }
    return values;
}

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

Reply jsonReply(int status, QJsonObject object)
{
    if (!object.contains(QLatin1String("RequestId")))
        object.insert(QStringLiteral("RequestId"), newRequestId());
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

Reply apiError(int status, const QString& code, const QString& message)
{
    return jsonReply(status, QJsonObject{
                                 {QStringLiteral("RequestId"), newRequestId()},
                                 {QStringLiteral("HostId"), QStringLiteral("eci.aliyuncs.com")},
                                 {QStringLiteral("Code"), code},
                                 {QStringLiteral("Message"), message},
                                 {QStringLiteral("Recommend"),
                                  QStringLiteral("https://api.aliyun.com/troubleshoot?q=") + code},
                             });
}

QString mapStatus(const QJsonObject& container)
{
    const QString state = container.value(QLatin1String("State")).toString();
    if (state == QLatin1String("running"))
        return QStringLiteral("Running");
    // ECI has no paused state; a paused group still holds its resources, so it stays Running.
    if (state == QLatin1String("paused"))
        return QStringLiteral("Running");
    if (state == QLatin1String("created"))
        return QStringLiteral("Pending");
    if (state == QLatin1String("restarting"))
        return QStringLiteral("Restarting");
    if (state == QLatin1String("removing"))
        return QStringLiteral("Terminating");
    if (state == QLatin1String("exited")) {
        static const QRegularExpression exitCode(QStringLiteral("^Exited \\((-?\\d+)\\)"));
        const auto match = exitCode.match(container.value(QLatin1String("Status")).toString());
        return match.hasMatch() && match.captured(1) == QLatin1String("0")
                   ? QStringLiteral("Succeeded")
                   : QStringLiteral("Failed");
    }
    return QStringLiteral("Failed"); // dead
}

class Emulator final : public QObject
{
public:
    Emulator(const Endpoint& docker, QHash<QString, QString> keys)
        : m_docker(new HttpClient(docker, this))
        , m_keys(std::move(keys))
    {}

    int throttle = 0;
    int serverErrors = 0;
    int slowMs = 0;
    int malformed = 0;

    bool listen(const QHostAddress& address, quint16 port)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &Emulator::onNewConnection);
        return m_server.listen(address, port);
    }
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    struct Connection
    {
        QByteArray buffer;
        bool busy = false;
    };

    void onNewConnection()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { process(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QObject::destroyed, this,
                    [this, socket] { m_connections.remove(socket); });
        }
    }

    static void sendRaw(QTcpSocket* socket, const Reply& reply, bool keepAlive, int requests)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' +
                         (reply.status < 300 ? "OK" : "Error") + "\r\n";
        out += "Content-Type: application/json;charset=utf-8\r\n";
        out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
        out += "X-Emulator-Requests: " + QByteArray::number(requests) + "\r\n";
        for (const auto& h : reply.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
        out += "\r\n" + reply.body;
        socket->write(out);
        if (!keepAlive)
            socket->disconnectFromHost();
    }

    void process(QTcpSocket* socket)
    {
        Connection& connection = m_connections[socket];
        connection.buffer += socket->readAll();
        if (connection.busy)
            return;
        const qsizetype end = connection.buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (connection.buffer.size() > maxHeaderBytes)
                sendRaw(socket,
                        apiError(431, QStringLiteral("InvalidRequest"),
                                 QStringLiteral("Request headers are too large.")),
                        false, m_requests);
            return;
        }
        const QList<QByteArray> lines = connection.buffer.left(end).split('\n');
        HttpRequestIn request;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            sendRaw(socket,
                    apiError(400, QStringLiteral("InvalidRequest"),
                             QStringLiteral("Malformed request line.")),
                    false, m_requests);
            return;
        }
        request.method = requestLine.at(0);
        const QByteArray target = requestLine.at(1);
        const qsizetype q = target.indexOf('?');
        request.path = q < 0 ? target : target.left(q);
        request.query = q < 0 ? QByteArray() : target.mid(q + 1);
        qint64 contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                sendRaw(socket,
                        apiError(400, QStringLiteral("InvalidRequest"),
                                 QStringLiteral("Malformed header.")),
                        false, m_requests);
                return;
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name == "content-length") {
                bool ok = false;
                contentLength = value.toLongLong(&ok);
                if (!ok || contentLength < 0 || contentLength > maxBodyBytes) {
                    sendRaw(socket,
                            apiError(413, QStringLiteral("InvalidRequest"),
                                     QStringLiteral("Request body is too large.")),
                            false, m_requests);
                    return;
                }
            } else if (name == "transfer-encoding") {
                sendRaw(socket,
                        apiError(411, QStringLiteral("InvalidRequest"),
                                 QStringLiteral("Chunked request bodies are not supported.")),
                        false, m_requests);
                return;
            } else if (name == "connection") {
                request.keepAlive = value.toLower() != "close";
            }
        }
        if (connection.buffer.size() < end + 4 + contentLength)
            return;
        request.body = connection.buffer.mid(end + 4, contentLength);
        connection.buffer.remove(0, end + 4 + contentLength);
        connection.busy = true;
        const bool keepAlive = request.keepAlive;
        QPointer<QTcpSocket> guard(socket);
        handle(request, [this, guard, keepAlive](const Reply& reply) {
            const auto send = [this, guard, keepAlive, reply] {
                if (!guard)
                    return;
                sendRaw(guard, reply, keepAlive, m_requests);
                m_connections[guard].busy = false;
                if (keepAlive && !m_connections[guard].buffer.isEmpty())
                    process(guard);
            };
            if (slowMs > 0)
                QTimer::singleShot(slowMs, this, send);
            else
                send();
        });
    }

    void handle(const HttpRequestIn& request, const Respond& respond)
    {
        if (request.path == "/__emulator/stats") {
            respond(jsonReply(200, {{QStringLiteral("Requests"), m_requests}}));
            return;
        }
        ++m_requests;
        EciParams params = decodeForm(request.query);
        if (request.header("content-type").startsWith("application/x-www-form-urlencoded"))
            params += decodeForm(request.body);

        QString keyId, action, timestamp, nonce;
        const QByteArray authorization = request.header("authorization");
        if (!authorization.isEmpty()) {
            const auto auth = EciSigner::parseV3Authorization(authorization);
            if (!auth.valid) {
                respond(apiError(
                    400, QStringLiteral("IncompleteSignature"),
                    QStringLiteral("The request signature does not conform to Aliyun standards.")));
                return;
            }
            keyId = auth.accessKeyId;
            if (!m_keys.contains(keyId)) {
                respond(apiError(404, QStringLiteral("InvalidAccessKeyId.NotFound"),
                                 QStringLiteral("Specified access key is not found.")));
                return;
            }
            if (!EciSigner::verifyV3(request.method, params, request.headers, request.body,
                                     m_keys.value(keyId))) {
                respond(
                    apiError(400, QStringLiteral("SignatureDoesNotMatch"),
                             QStringLiteral(
                                 "The request signature we calculated does not match the signature "
                                 "you provided. Check your access key and signing method.")));
                return;
            }
            action = QString::fromUtf8(request.header("x-acs-action"));
            timestamp = QString::fromUtf8(request.header("x-acs-date"));
            nonce = QString::fromUtf8(request.header("x-acs-signature-nonce"));
        } else if (hasParam(params, QStringLiteral("Signature"))) {
            keyId = param(params, QStringLiteral("AccessKeyId"));
            if (param(params, QStringLiteral("SignatureMethod")) != QLatin1String("HMAC-SHA1") ||
                param(params, QStringLiteral("SignatureVersion")) != QLatin1String("1.0")) {
                respond(apiError(
                    400, QStringLiteral("IncompleteSignature"),
                    QStringLiteral("The request signature does not conform to Aliyun standards.")));
                return;
            }
            if (!m_keys.contains(keyId)) {
                respond(apiError(404, QStringLiteral("InvalidAccessKeyId.NotFound"),
                                 QStringLiteral("Specified access key is not found.")));
                return;
            }
            if (!EciSigner::verifyV1(request.method, params, m_keys.value(keyId))) {
                respond(apiError(
                    400, QStringLiteral("SignatureDoesNotMatch"),
                    QStringLiteral("Specified signature is not matched with our calculation.")));
                return;
            }
            action = param(params, QStringLiteral("Action"));
            timestamp = param(params, QStringLiteral("Timestamp"));
            nonce = param(params, QStringLiteral("SignatureNonce"));
            // The common parameters are not the action's own.
            for (const char* common :
                 {"Signature", "AccessKeyId", "SignatureMethod", "SignatureVersion",
                  "SignatureNonce", "Timestamp", "Format", "Version", "Action", "SecurityToken"}) {
                params.removeIf(
                    [common](const auto& p) { return p.first == QLatin1String(common); });
            }
        } else {
            respond(apiError(400, QStringLiteral("MissingParameter"),
                             QStringLiteral("The input parameter \"Signature\" that is mandatory "
                                            "for processing this request is not supplied.")));
            return;
        }

        const QDateTime time =
            QDateTime::fromString(timestamp, QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
        if (!time.isValid()) {
            respond(apiError(
                400, QStringLiteral("InvalidTimeStamp.Format"),
                QStringLiteral("Specified time stamp or date value is not well formatted.")));
            return;
        }
        QDateTime utc = time;
        utc.setTimeSpec(Qt::UTC);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (qAbs(utc.secsTo(now)) > skewLimitSecs) {
            respond(apiError(400, QStringLiteral("InvalidTimeStamp.Expired"),
                             QStringLiteral("Specified time stamp or date value is expired.")));
            return;
        }
        if (nonce.isEmpty()) {
            respond(apiError(400, QStringLiteral("MissingSignatureNonce"),
                             QStringLiteral("SignatureNonce is mandatory for this action.")));
            return;
        }
        for (auto it = m_nonces.begin(); it != m_nonces.end();) {
            if (it.value().secsTo(now) > skewLimitSecs)
                it = m_nonces.erase(it);
            else
                ++it;
        }
        const QString nonceKey = keyId + QLatin1Char('\n') + nonce;
        if (m_nonces.contains(nonceKey)) {
            respond(apiError(400, QStringLiteral("SignatureNonceUsed"),
                             QStringLiteral("Specified signature nonce was used already.")));
            return;
        }
        m_nonces.insert(nonceKey, now);

        std::fprintf(stderr, "eci-emulator: %s\n", qPrintable(action));
        if (throttle > 0) {
            --throttle;
            Reply reply = apiError(400, QStringLiteral("Throttling.User"),
                                   QStringLiteral("Request was denied due to user flow control."));
            reply.headers.append(qMakePair(QByteArray("x-acs-retry-after"), QByteArray("200")));
            respond(reply);
            return;
        }
        if (serverErrors > 0) {
            --serverErrors;
            respond(apiError(500, QStringLiteral("InternalError"),
                             QStringLiteral("The request processing has failed due to some unknown "
                                            "error, exception or failure.")));
            return;
        }
        if (malformed > 0) {
            --malformed;
            respond({200, "{\"RequestId\":\"", {}});
            return;
        }
        dispatch(action, params, respond);
    }

    void dispatch(const QString& action, const EciParams& params, const Respond& respond)
    {
        if (action == QLatin1String("DescribeRegions")) {
            QJsonArray regions;
            for (const char* id : {"cn-hangzhou", "cn-shanghai", "cn-beijing"}) {
                const QString region = QLatin1String(id);
                regions.append(QJsonObject{{QStringLiteral("RegionId"), region},
                                           {QStringLiteral("RegionEndpoint"),
                                            QStringLiteral("eci.%1.aliyuncs.com").arg(region)}});
            }
            respond(jsonReply(200, {{QStringLiteral("Regions"), regions}}));
        } else if (action == QLatin1String("DescribeContainerGroups")) {
            describe(params, respond);
        } else if (action == QLatin1String("CreateContainerGroup")) {
            create(params, respond);
        } else if (action == QLatin1String("DeleteContainerGroup")) {
            remove(params, respond);
        } else {
            respond(apiError(
                404, QStringLiteral("InvalidAction.NotFound"),
                QStringLiteral("Specified api is not found, please check your url and method.")));
        }
    }

    static Reply missing(const QString& name)
    {
        return apiError(400, QStringLiteral("MissingParameter"),
                        QStringLiteral("The input parameter \"%1\" that is mandatory for "
                                       "processing this request is not supplied.")
                            .arg(name));
    }

    static Reply invalid(const QString& name)
    {
        return apiError(400, QStringLiteral("InvalidParameter"),
                        QStringLiteral("The specified parameter \"%1\" is not valid.").arg(name));
    }

    // Every group container in the engine, optionally narrowed by one more label filter.
    void listGroups(const QString& labelFilter, const std::function<void(const QJsonArray*)>& done)
    {
        QJsonArray labels{labelPrefix + QStringLiteral("id")};
        if (!labelFilter.isEmpty())
            labels.append(labelFilter);
        const QByteArray filters = QJsonDocument(QJsonObject{{QStringLiteral("label"), labels}})
                                       .toJson(QJsonDocument::Compact);
        HttpReply* reply =
            m_docker->send(HttpRequest::get("/containers/json?all=1&filters=" +
                                            QUrl::toPercentEncoding(QString::fromUtf8(filters))));
        connect(reply, &HttpReply::finished, this, [reply, done] {
            reply->deleteLater();
            const QJsonDocument doc = QJsonDocument::fromJson(reply->body());
            if (reply->error().isError() || reply->status() != 200 || !doc.isArray()) {
                done(nullptr);
                return;
            }
            const QJsonArray array = doc.array();
            done(&array);
        });
    }

    static Reply engineFailed()
    {
        return apiError(500, QStringLiteral("InternalError"),
                        QStringLiteral("The emulator's container engine failed."));
    }

    static QJsonObject groupJson(const QJsonObject& container)
    {
        const QJsonObject labels = container.value(QLatin1String("Labels")).toObject();
        const auto label = [&](const QString& name) {
            return labels.value(labelPrefix + name).toString();
        };
        QJsonArray tags;
        QStringList tagKeys;
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            if (it.key().startsWith(labelPrefix + QStringLiteral("tag.")))
                tagKeys.append(it.key());
        }
        tagKeys.sort();
        for (const QString& key : std::as_const(tagKeys))
            tags.append(QJsonObject{{QStringLiteral("Key"), key.mid(labelPrefix.size() + 4)},
                                    {QStringLiteral("Value"), labels.value(key).toString()}});
        const QString status = mapStatus(container);
        const QJsonArray commands =
            QJsonDocument::fromJson(label(QStringLiteral("commands")).toUtf8()).array();
        const QJsonArray args =
            QJsonDocument::fromJson(label(QStringLiteral("args")).toUtf8()).array();
        const QString created = QDateTime::fromSecsSinceEpoch(
                                    container.value(QLatin1String("Created")).toInteger(), Qt::UTC)
                                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
        const QJsonObject inner{
            {QStringLiteral("Name"), label(QStringLiteral("container"))},
            {QStringLiteral("Image"), container.value(QLatin1String("Image")).toString()},
            {QStringLiteral("Commands"), commands},
            {QStringLiteral("Args"), args},
            {QStringLiteral("Cpu"), label(QStringLiteral("cpu")).toDouble()},
            {QStringLiteral("Memory"), label(QStringLiteral("memory")).toDouble()},
            {QStringLiteral("Ready"), status == QLatin1String("Running")},
            {QStringLiteral("RestartCount"), 0},
            {QStringLiteral("CurrentState"),
             QJsonObject{
                 {QStringLiteral("State"), container.value(QLatin1String("State")).toString()}}},
        };
        const QString region = label(QStringLiteral("region"));
        return QJsonObject{
            {QStringLiteral("ContainerGroupId"), label(QStringLiteral("id"))},
            {QStringLiteral("ContainerGroupName"), label(QStringLiteral("group"))},
            {QStringLiteral("RegionId"), region},
            {QStringLiteral("ZoneId"), region + QStringLiteral("-a")},
            {QStringLiteral("Status"), status},
            {QStringLiteral("Cpu"), label(QStringLiteral("cpu")).toDouble()},
            {QStringLiteral("Memory"), label(QStringLiteral("memory")).toDouble()},
            {QStringLiteral("CreationTime"), created},
            {QStringLiteral("Tags"), tags},
            {QStringLiteral("Containers"), QJsonArray{inner}},
        };
    }

    void describe(const EciParams& params, const Respond& respond)
    {
        const QString region = param(params, QStringLiteral("RegionId"));
        if (region.isEmpty())
            return respond(missing(QStringLiteral("RegionId")));
        int limit = 20;
        if (hasParam(params, QStringLiteral("Limit"))) {
            bool ok = false;
            limit = param(params, QStringLiteral("Limit")).toInt(&ok);
            if (!ok || limit < 1 || limit > 20)
                return respond(invalid(QStringLiteral("Limit")));
        }
        int offset = 0;
        const QString token = param(params, QStringLiteral("NextToken"));
        if (!token.isEmpty()) {
            bool ok = false;
            const QByteArray decoded = QByteArray::fromBase64(token.toLatin1());
            offset = decoded.startsWith("offset:") ? decoded.mid(7).toInt(&ok) : 0;
            if (!ok || offset < 0)
                return respond(invalid(QStringLiteral("NextToken")));
        }
        QStringList ids;
        const QString idsText = param(params, QStringLiteral("ContainerGroupIds"));
        if (!idsText.isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(idsText.toUtf8());
            if (!doc.isArray() || doc.array().size() > 20)
                return respond(invalid(QStringLiteral("ContainerGroupIds")));
            for (const QJsonValue& id : doc.array())
                ids.append(id.toString());
        }
        const QString status = param(params, QStringLiteral("Status"));
        const QString name = param(params, QStringLiteral("ContainerGroupName"));
        const QStringList tagKeys = indexed(params, QStringLiteral("Tag"), QStringLiteral("Key"));
        const QStringList tagValues =
            indexed(params, QStringLiteral("Tag"), QStringLiteral("Value"));
        listGroups(labelPrefix + QStringLiteral("region=") + region, [=](const QJsonArray*
                                                                             containers) {
            if (!containers)
                return respond(engineFailed());
            QList<QJsonObject> groups;
            for (const QJsonValue& value : *containers) {
                const QJsonObject group = groupJson(value.toObject());
                if (!ids.isEmpty() &&
                    !ids.contains(group.value(QLatin1String("ContainerGroupId")).toString()))
                    continue;
                if (!status.isEmpty() && group.value(QLatin1String("Status")).toString() != status)
                    continue;
                if (!name.isEmpty() &&
                    group.value(QLatin1String("ContainerGroupName")).toString() != name)
                    continue;
                const QJsonObject labels =
                    value.toObject().value(QLatin1String("Labels")).toObject();
                bool tagsMatch = true;
                for (qsizetype i = 0; i < tagKeys.size(); ++i) {
                    const QString key = labelPrefix + QStringLiteral("tag.") + tagKeys.at(i);
                    if (!labels.contains(key) ||
                        (i < tagValues.size() && labels.value(key).toString() != tagValues.at(i)))
                        tagsMatch = false;
                }
                if (tagsMatch)
                    groups.append(group);
            }
            // Newest first, like the service; the id breaks ties so that pages are stable.
            std::sort(groups.begin(), groups.end(), [](const QJsonObject& a, const QJsonObject& b) {
                const QString ta = a.value(QLatin1String("CreationTime")).toString();
                const QString tb = b.value(QLatin1String("CreationTime")).toString();
                if (ta != tb)
                    return ta > tb;
                return a.value(QLatin1String("ContainerGroupId")).toString() <
                       b.value(QLatin1String("ContainerGroupId")).toString();
            });
            QJsonArray page;
            for (qsizetype i = offset; i < groups.size() && i < offset + limit; ++i)
                page.append(groups.at(i));
            const bool more = offset + limit < groups.size();
            respond(jsonReply(
                200, {
                         {QStringLiteral("TotalCount"), groups.size()},
                         {QStringLiteral("NextToken"),
                          more ? QString::fromLatin1(
                                     ("offset:" + QByteArray::number(offset + limit)).toBase64())
                               : QString()},
                         {QStringLiteral("ContainerGroups"), page},
                     }));
        });
    }

    void create(const EciParams& params, const Respond& respond)
    {
        for (const char* required :
             {"RegionId", "ContainerGroupName", "Container.1.Name", "Container.1.Image"}) {
            if (param(params, QLatin1String(required)).isEmpty())
                return respond(missing(QLatin1String(required)));
        }
        if (hasParam(params, QStringLiteral("Container.2.Name")))
            return respond(invalid(QStringLiteral("Container.2.Name")));
        const QString clientToken = param(params, QStringLiteral("ClientToken"));
        if (!clientToken.isEmpty() && m_tokens.contains(clientToken))
            return respond(jsonReply(
                200, {{QStringLiteral("ContainerGroupId"), m_tokens.value(clientToken)}}));
        const QString id =
            QStringLiteral("eci-") + QUuid::createUuid().toString(QUuid::Id128).left(17);
        if (!clientToken.isEmpty())
            m_tokens.insert(clientToken, id);

        QJsonObject labels{
            {labelPrefix + QStringLiteral("id"), id},
            {labelPrefix + QStringLiteral("group"),
             param(params, QStringLiteral("ContainerGroupName"))},
            {labelPrefix + QStringLiteral("region"), param(params, QStringLiteral("RegionId"))},
            {labelPrefix + QStringLiteral("container"),
             param(params, QStringLiteral("Container.1.Name"))},
            {labelPrefix + QStringLiteral("cpu"),
             QString::number(param(params, QStringLiteral("Cpu")).toDouble())},
            {labelPrefix + QStringLiteral("memory"),
             QString::number(param(params, QStringLiteral("Memory")).toDouble())},
        };
        if (!clientToken.isEmpty())
            labels.insert(labelPrefix + QStringLiteral("client-token"), clientToken);
        const QStringList tagKeys = indexed(params, QStringLiteral("Tag"), QStringLiteral("Key"));
        const QStringList tagValues =
            indexed(params, QStringLiteral("Tag"), QStringLiteral("Value"));
        for (qsizetype i = 0; i < tagKeys.size(); ++i)
            labels.insert(labelPrefix + QStringLiteral("tag.") + tagKeys.at(i), tagValues.value(i));
        const QStringList commands = indexed(params, QStringLiteral("Container.1.Command"));
        const QStringList args = indexed(params, QStringLiteral("Container.1.Arg"));
        labels.insert(labelPrefix + QStringLiteral("commands"),
                      QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(commands))
                                            .toJson(QJsonDocument::Compact)));
        labels.insert(
            labelPrefix + QStringLiteral("args"),
            QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(args)).toJson(QJsonDocument::Compact)));
        QJsonArray env;
        const QStringList envKeys =
            indexed(params, QStringLiteral("Container.1.EnvironmentVar"), QStringLiteral("Key"));
        const QStringList envValues =
            indexed(params, QStringLiteral("Container.1.EnvironmentVar"), QStringLiteral("Value"));
        for (qsizetype i = 0; i < envKeys.size(); ++i)
            env.append(envKeys.at(i) + QLatin1Char('=') + envValues.value(i));

        QJsonObject spec{
            {QStringLiteral("Image"), param(params, QStringLiteral("Container.1.Image"))},
            {QStringLiteral("Labels"), labels},
            {QStringLiteral("Env"), env},
            {QStringLiteral("Tty"),
             param(params, QStringLiteral("Container.1.Tty")) == QLatin1String("true")},
            {QStringLiteral("OpenStdin"),
             param(params, QStringLiteral("Container.1.Stdin")) == QLatin1String("true")},
            {QStringLiteral("HostConfig"),
             QJsonObject{{QStringLiteral("NetworkMode"), QStringLiteral("none")}}},
        };
        // ECI follows Kubernetes: Command replaces the image's entrypoint, Arg its command.
        if (!commands.isEmpty())
            spec.insert(QStringLiteral("Entrypoint"), QJsonArray::fromStringList(commands));
        if (!args.isEmpty())
            spec.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(args));
        if (!param(params, QStringLiteral("Container.1.WorkingDir")).isEmpty())
            spec.insert(QStringLiteral("WorkingDir"),
                        param(params, QStringLiteral("Container.1.WorkingDir")));

        HttpReply* reply =
            m_docker->send(HttpRequest::post("/containers/create?name=" + id.toLatin1(),
                                             QJsonDocument(spec).toJson(QJsonDocument::Compact)));
        connect(reply, &HttpReply::finished, this, [this, reply, id, clientToken, respond] {
            reply->deleteLater();
            if (reply->error().isError() || reply->status() != 201) {
                m_tokens.remove(clientToken);
                if (reply->status() == 404)
                    return respond(apiError(400, QStringLiteral("InvalidParameter"),
                                            QStringLiteral("The specified image is not found.")));
                return respond(engineFailed());
            }
            HttpReply* start =
                m_docker->send(HttpRequest::post("/containers/" + id.toLatin1() + "/start"));
            connect(start, &HttpReply::finished, this, [start, id, respond] {
                start->deleteLater();
                if (start->error().isError() || (start->status() != 204 && start->status() != 304))
                    return respond(engineFailed());
                respond(jsonReply(200, {{QStringLiteral("ContainerGroupId"), id}}));
            });
        });
    }

    void remove(const EciParams& params, const Respond& respond)
    {
        const QString id = param(params, QStringLiteral("ContainerGroupId"));
        if (id.isEmpty())
            return respond(missing(QStringLiteral("ContainerGroupId")));
        listGroups(labelPrefix + QStringLiteral("id=") + id, [this, id, respond](
                                                                 const QJsonArray* containers) {
            if (!containers)
                return respond(engineFailed());
            if (containers->isEmpty())
                return respond(
                    apiError(400, QStringLiteral("InvalidParameter.ContainerGroupId.NotFound"),
                             QStringLiteral("The specified container group is not found.")));
            const QString dockerId =
                containers->first().toObject().value(QLatin1String("Id")).toString();
            HttpRequest request =
                HttpRequest::get("/containers/" + dockerId.toLatin1() + "?force=1&v=1");
            request.method = "DELETE";
            HttpReply* reply = m_docker->send(request);
            connect(reply, &HttpReply::finished, this, [this, reply, id, respond] {
                reply->deleteLater();
                if (reply->error().isError() || (reply->status() != 204 && reply->status() != 404))
                    return respond(engineFailed());
                for (auto it = m_tokens.begin(); it != m_tokens.end();) {
                    it = it.value() == id ? m_tokens.erase(it) : std::next(it);
                }
                respond(jsonReply(200, {}));
            });
        });
    }

    QTcpServer m_server;
    HttpClient* m_docker;
    QHash<QString, QString> m_keys;
    QHash<QTcpSocket*, Connection> m_connections;
    QHash<QString, QDateTime> m_nonces;
    QHash<QString, QString> m_tokens;
    int m_requests = 0;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local Alibaba Cloud ECI emulator for tests."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Loopback address and port (port 0 picks one)."),
                                    QStringLiteral("ADDRESS:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption dockerHost(
        QStringLiteral("docker-host"),
        QStringLiteral("Docker engine, e.g. unix:///run/docker.sock."), QStringLiteral("URL"));
    const QCommandLineOption accessKey(QStringLiteral("access-key"),
                                       QStringLiteral("An accepted key (repeatable)."),
                                       QStringLiteral("ID:SECRET"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral("throttle:N, 5xx:N, slow:MS or malformed:N (repeatable)."),
        QStringLiteral("FAULT"));
    parser.addOptions({listen, dockerHost, accessKey, fault});
    parser.process(app);

    const auto fail = [](const QString& message) {
        std::fprintf(stderr, "eci-emulator: %s\n", qPrintable(message));
        return 2;
    };
    QHash<QString, QString> keys;
    for (const QString& key : parser.values(accessKey)) {
        const qsizetype colon = key.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(QStringLiteral("--access-key wants ID:SECRET"));
        keys.insert(key.left(colon), key.mid(colon + 1));
    }
    if (keys.isEmpty())
        return fail(QStringLiteral("at least one --access-key is needed"));
    QString endpointError;
    const Endpoint docker = Endpoint::fromUrl(parser.value(dockerHost), &endpointError);
    if (!docker.isValid())
        return fail(QStringLiteral("--docker-host: ") + endpointError);

    const QString listenValue = parser.value(listen);
    const qsizetype colon = listenValue.lastIndexOf(QLatin1Char(':'));
    const QHostAddress address(listenValue.left(colon));
    bool portOk = false;
    const uint port = listenValue.mid(colon + 1).toUInt(&portOk);
    if (colon <= 0 || address.isNull() || !portOk || port > 65535)
        return fail(QStringLiteral("--listen wants ADDRESS:PORT"));
    if (!address.isLoopback())
        return fail(QStringLiteral("--listen accepts loopback addresses only"));

    Emulator emulator(docker, keys);
    for (const QString& spec : parser.values(fault)) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool ok = false;
        const int n = parts.value(1).toInt(&ok);
        if (parts.size() != 2 || !ok || n < 0)
            return fail(QStringLiteral("bad --fault ") + spec);
        if (parts.first() == QLatin1String("throttle"))
            emulator.throttle = n;
        else if (parts.first() == QLatin1String("5xx"))
            emulator.serverErrors = n;
        else if (parts.first() == QLatin1String("slow"))
            emulator.slowMs = n;
        else if (parts.first() == QLatin1String("malformed"))
            emulator.malformed = n;
        else
            return fail(QStringLiteral("bad --fault ") + spec);
    }
    if (!emulator.listen(address, quint16(port)))
        return fail(QStringLiteral("cannot listen: ") + emulator.errorString());
    // Tests read this line to learn the port when they asked for port 0.
    std::printf("listening on %s:%u\n", qPrintable(address.toString()), unsigned(emulator.port()));
    std::fflush(stdout);
    return app.exec();
}
