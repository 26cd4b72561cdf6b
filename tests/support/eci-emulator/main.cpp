// A local stand-in for Alibaba Cloud ECI (API 2018-08-08, RPC style) for tests: it verifies
// V3 and V1 signatures strictly and maps container groups onto containers of a Docker engine.
// Messages are the API's English codes and texts, as the service sends them.
#include "ExecBridge.h"
#include "GroupMonitor.h"
#include "docker/DockerExecSession.h"
#include "docker/DockerStreamDemuxer.h"
#include "eci/EciSigner.h"
#include "net/Endpoint.h"
#include "net/HttpClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

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
        , m_monitor(new GroupMonitor(m_docker, this))
        , m_exec(new ExecBridge(m_docker, this))
        , m_keys(std::move(keys))
    {}

    int throttle = 0;
    int serverErrors = 0;
    int slowMs = 0;
    int malformed = 0;
    QString instance;

    GroupMonitor* monitor() const { return m_monitor; }
    ExecBridge* execBridge() const { return m_exec; }

    // "throttle:N", "5xx:N", "slow:MS", "malformed:N", "exec-drop:N", "exec-garble:N".
    bool applyFault(const QString& spec)
    {
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool ok = false;
        const int n = parts.value(1).toInt(&ok);
        if (parts.size() != 2 || !ok || n < 0)
            return false;
        if (parts.first() == QLatin1String("throttle"))
            throttle = n;
        else if (parts.first() == QLatin1String("5xx"))
            serverErrors = n;
        else if (parts.first() == QLatin1String("slow"))
            slowMs = n;
        else if (parts.first() == QLatin1String("malformed"))
            malformed = n;
        else if (parts.first() == QLatin1String("exec-drop"))
            m_exec->dropAfterFirstOutput = n;
        else if (parts.first() == QLatin1String("exec-garble"))
            m_exec->garbleAfterFirstOutput = n;
        else
            return false;
        return true;
    }

    // Follows the engine's events first, so that nothing the first request does is missed.
    void start(const QHostAddress& address, quint16 port,
               const std::function<void(const QString& error)>& done)
    {
        m_monitor->start([this, address, port, done](bool ok) {
            if (!ok)
                return done(QStringLiteral("the engine's event stream is not available"));
            if (!m_exec->listen(address))
                return done(QStringLiteral("cannot listen for exec: ") + m_exec->errorString());
            connect(&m_server, &QTcpServer::newConnection, this, &Emulator::onNewConnection);
            if (!m_server.listen(address, port))
                return done(QStringLiteral("cannot listen: ") + m_server.errorString());
            done({});
        });
    }
    quint16 port() const { return m_server.serverPort(); }

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
        // A fault injected while running: the query is one --fault value.
        if (request.path == "/__emulator/fault") {
            const bool ok = applyFault(QUrl::fromPercentEncoding(request.query));
            respond(jsonReply(ok ? 200 : 400, {{QStringLiteral("Applied"), ok}}));
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
        using Handler = void (Emulator::*)(const EciParams&, const Respond&);
        static const QHash<QString, Handler> handlers{
            {QStringLiteral("DescribeRegions"), &Emulator::regions},
            {QStringLiteral("DescribeContainerGroups"), &Emulator::describe},
            {QStringLiteral("CreateContainerGroup"), &Emulator::create},
            {QStringLiteral("DeleteContainerGroup"), &Emulator::remove},
            {QStringLiteral("RestartContainerGroup"), &Emulator::restart},
            {QStringLiteral("UpdateContainerGroup"), &Emulator::update},
            {QStringLiteral("DescribeContainerGroupEvents"), &Emulator::events},
            {QStringLiteral("DescribeContainerGroupMetric"), &Emulator::metric},
            {QStringLiteral("DescribeContainerLog"), &Emulator::logs},
            {QStringLiteral("ExecContainerCommand"), &Emulator::exec},
        };
        const Handler handler = handlers.value(action);
        if (!handler) {
            respond(apiError(
                404, QStringLiteral("InvalidAction.NotFound"),
                QStringLiteral("Specified api is not found, please check your url and method.")));
            return;
        }
        (this->*handler)(params, respond);
    }

    static Reply missing(const QString& name)
    {
        return apiError(400, QStringLiteral("MissingParameter"),
                        QStringLiteral("The input parameter \"%1\" that is mandatory for "
                                       "processing this request is not supplied.")
                            .arg(name));
    }

    static Reply invalid(const QString& name, const QString& why = {})
    {
        QString message = QStringLiteral("The specified parameter \"%1\" is not valid.").arg(name);
        if (!why.isEmpty())
            message += QLatin1Char(' ') + why;
        return apiError(400, QStringLiteral("InvalidParameter"), message);
    }

    static Reply exceeded(const QString& name, const QString& why)
    {
        return apiError(400, QStringLiteral("InvalidParameter.ValueExceeded"),
                        QStringLiteral("The value of \"%1\" exceeds the limit: %2").arg(name, why));
    }

    static Reply notFound()
    {
        return apiError(400, QStringLiteral("InvalidParameter.ContainerGroupId.NotFound"),
                        QStringLiteral("The specified container group is not found."));
    }

    static Reply incorrectStatus(const QString& what, const QString& status)
    {
        return apiError(400, QStringLiteral("IncorrectStatus"),
                        QStringLiteral("The current status of %1 does not support this "
                                       "operation (status: %2).")
                            .arg(what, status));
    }

    static Reply engineFailed()
    {
        return apiError(500, QStringLiteral("InternalError"),
                        QStringLiteral("The emulator's container engine failed."));
    }

    // An optional integer parameter within [min, max]; absent leaves *out alone.
    static bool intParam(const EciParams& params, const QString& name, qint64 min, qint64 max,
                         qint64* out, Reply* error)
    {
        if (!hasParam(params, name))
            return true;
        bool ok = false;
        const qint64 value = param(params, name).toLongLong(&ok);
        if (!ok || value < min) {
            *error = invalid(name);
            return false;
        }
        if (value > max) {
            *error = exceeded(name, QStringLiteral("at most %1").arg(max));
            return false;
        }
        *out = value;
        return true;
    }

    static bool boolParam(const EciParams& params, const QString& name, bool fallback, bool* out,
                          Reply* error)
    {
        *out = fallback;
        if (!hasParam(params, name))
            return true;
        const QString value = param(params, name).toLower();
        if (value != QLatin1String("true") && value != QLatin1String("false")) {
            *error = invalid(name);
            return false;
        }
        *out = value == QLatin1String("true");
        return true;
    }

    static bool timeParam(const EciParams& params, const QString& name, QDateTime* out,
                          Reply* error)
    {
        if (!hasParam(params, name))
            return true;
        const QDateTime time = QDateTime::fromString(param(params, name), Qt::ISODateWithMs);
        if (!time.isValid()) {
            *error = invalid(name, QStringLiteral("Use RFC 3339, e.g. 2019-03-12T01:00:00Z."));
            return false;
        }
        *out = time.toUTC();
        return true;
    }

    static QString labelOf(const QJsonObject& container, const QString& name)
    {
        return container.value(QLatin1String("Labels"))
            .toObject()
            .value(labelPrefix + name)
            .toString();
    }

    // Docker's RFC 3339 with nanoseconds as ECI writes times; empty for Docker's zero time.
    static QString eciTime(const QString& dockerTime)
    {
        if (dockerTime.size() < 19 || dockerTime.startsWith(QLatin1String("0001-")))
            return {};
        return dockerTime.left(19) + QLatin1Char('Z');
    }

    static QString eciTime(const QDateTime& time)
    {
        return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    }

    struct Group
    {
        QString id;
        QList<QJsonObject> containers; // the engine's list entries, in Container.N order

        QString label(const QString& name) const { return labelOf(containers.first(), name); }
        const QJsonObject* container(const QString& name) const
        {
            for (const QJsonObject& c : containers) {
                if (labelOf(c, QStringLiteral("container")) == name)
                    return &c;
            }
            return nullptr;
        }
    };

    static QList<Group> groupsOf(const QJsonArray& containers)
    {
        QHash<QString, qsizetype> index;
        QList<Group> groups;
        for (const QJsonValue& value : containers) {
            const QJsonObject container = value.toObject();
            const QString id = labelOf(container, QStringLiteral("id"));
            if (!index.contains(id)) {
                index.insert(id, groups.size());
                groups.append({id, {}});
            }
            groups[index.value(id)].containers.append(container);
        }
        for (Group& group : groups) {
            std::sort(group.containers.begin(), group.containers.end(),
                      [](const QJsonObject& a, const QJsonObject& b) {
                          return labelOf(a, QStringLiteral("index")).toInt() <
                                 labelOf(b, QStringLiteral("index")).toInt();
                      });
        }
        return groups;
    }

    QString groupStatus(const Group& group) const
    {
        if (m_restarting.contains(group.id))
            return QStringLiteral("Restarting");
        QStringList states;
        for (const QJsonObject& container : group.containers)
            states.append(mapStatus(container));
        for (const char* state : {"Terminating", "Restarting", "Pending", "Running"}) {
            if (states.contains(QLatin1String(state)))
                return QLatin1String(state);
        }
        return states.count(QStringLiteral("Succeeded")) == states.size()
                   ? QStringLiteral("Succeeded")
                   : QStringLiteral("Failed");
    }

    QList<QPair<QString, QString>> tagsOf(const Group& group) const
    {
        if (m_tags.contains(group.id))
            return m_tags.value(group.id);
        const QJsonObject labels =
            group.containers.first().value(QLatin1String("Labels")).toObject();
        QList<QPair<QString, QString>> tags;
        const QString tagPrefix = labelPrefix + QStringLiteral("tag.");
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            if (it.key().startsWith(tagPrefix))
                tags.append({it.key().mid(tagPrefix.size()), it.value().toString()});
        }
        std::sort(tags.begin(), tags.end());
        return tags;
    }

    bool tagsMatch(const Group& group, const EciParams& params) const
    {
        const QStringList keys = indexed(params, QStringLiteral("Tag"), QStringLiteral("Key"));
        const QStringList values = indexed(params, QStringLiteral("Tag"), QStringLiteral("Value"));
        const auto tags = tagsOf(group);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const auto found = std::find_if(tags.begin(), tags.end(),
                                            [&](const auto& t) { return t.first == keys.at(i); });
            if (found == tags.end() || (i < values.size() && found->second != values.at(i)))
                return false;
        }
        return true;
    }

    double groupResource(const Group& group, const QString& name) const
    {
        const auto overlay = m_resources.value(group.id);
        const auto it = overlay.constFind(name);
        return it != overlay.constEnd() ? it.value() : group.label(name).toDouble();
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

    // The group named by ContainerGroupId in RegionId, or the documented error.
    void withGroup(const EciParams& params, const Respond& respond,
                   const std::function<void(const Group&)>& next)
    {
        const QString region = param(params, QStringLiteral("RegionId"));
        if (region.isEmpty())
            return respond(missing(QStringLiteral("RegionId")));
        const QString id = param(params, QStringLiteral("ContainerGroupId"));
        if (id.isEmpty())
            return respond(missing(QStringLiteral("ContainerGroupId")));
        listGroups(labelPrefix + QStringLiteral("id=") + id, [region, respond,
                                                              next](const QJsonArray* containers) {
            if (!containers)
                return respond(engineFailed());
            const QList<Group> groups = groupsOf(*containers);
            if (groups.isEmpty() || groups.first().label(QStringLiteral("region")) != region)
                return respond(notFound());
            next(groups.first());
        });
    }

    void inspectAll(const QStringList& dockerIds,
                    const std::function<void(const QHash<QString, QJsonObject>&)>& done)
    {
        if (dockerIds.isEmpty())
            return done({});
        auto result = std::make_shared<QHash<QString, QJsonObject>>();
        auto remaining = std::make_shared<qsizetype>(dockerIds.size());
        for (const QString& id : dockerIds) {
            HttpReply* reply = m_docker->send(
                HttpRequest::get("/containers/" + QUrl::toPercentEncoding(id) + "/json"));
            connect(reply, &HttpReply::finished, this, [reply, id, result, remaining, done] {
                reply->deleteLater();
                if (!reply->error().isError() && reply->status() == 200)
                    result->insert(id, QJsonDocument::fromJson(reply->body()).object());
                if (--*remaining == 0)
                    done(*result);
            });
        }
    }

    // Sends every request to the engine at once and calls done after the last answer: true when
    // each answered with one of the statuses in ok.
    void sendAll(const QList<HttpRequest>& requests, const QList<int>& ok,
                 const std::function<void(bool)>& done)
    {
        if (requests.isEmpty())
            return done(true);
        auto remaining = std::make_shared<qsizetype>(requests.size());
        auto failed = std::make_shared<bool>(false);
        for (const HttpRequest& request : requests) {
            HttpReply* reply = m_docker->send(request);
            connect(reply, &HttpReply::finished, this, [reply, ok, remaining, failed, done] {
                reply->deleteLater();
                if (reply->error().isError() || !ok.contains(reply->status()))
                    *failed = true;
                if (--*remaining == 0)
                    done(!*failed);
            });
        }
    }

    // One request for each container of a group, at its path under /containers/<id>.
    static QList<HttpRequest> forEachContainer(const Group& group, const QByteArray& method,
                                               const QByteArray& path, const QByteArray& body = {})
    {
        QList<HttpRequest> requests;
        for (const QJsonObject& container : group.containers) {
            HttpRequest request =
                HttpRequest::post("/containers/" + dockerIdOf(container).toLatin1() + path, body);
            request.method = method;
            requests.append(request);
        }
        return requests;
    }

    static QString dockerIdOf(const QJsonObject& container)
    {
        return container.value(QLatin1String("Id")).toString();
    }

    QJsonObject containerJson(const QJsonObject& entry, const QJsonObject& inspect) const
    {
        const QJsonObject state = inspect.value(QLatin1String("State")).toObject();
        const QJsonObject config = inspect.value(QLatin1String("Config")).toObject();
        const QString dockerState = state.isEmpty()
                                        ? entry.value(QLatin1String("State")).toString()
                                        : state.value(QLatin1String("Status")).toString();
        QJsonObject current;
        if (dockerState == QLatin1String("running") || dockerState == QLatin1String("paused")) {
            current.insert(QStringLiteral("State"), QStringLiteral("Running"));
            current.insert(QStringLiteral("StartTime"),
                           eciTime(state.value(QLatin1String("StartedAt")).toString()));
        } else if (dockerState == QLatin1String("created")) {
            current.insert(QStringLiteral("State"), QStringLiteral("Waiting"));
            current.insert(QStringLiteral("Reason"), QStringLiteral("ContainerCreating"));
        } else if (dockerState == QLatin1String("restarting")) {
            current.insert(QStringLiteral("State"), QStringLiteral("Waiting"));
            current.insert(QStringLiteral("Reason"), QStringLiteral("CrashLoopBackOff"));
        } else {
            const int exitCode = state.value(QLatin1String("ExitCode")).toInt();
            current.insert(QStringLiteral("State"), QStringLiteral("Terminated"));
            current.insert(QStringLiteral("ExitCode"), exitCode);
            current.insert(QStringLiteral("Reason"),
                           exitCode == 0 ? QStringLiteral("Completed") : QStringLiteral("Error"));
            current.insert(QStringLiteral("StartTime"),
                           eciTime(state.value(QLatin1String("StartedAt")).toString()));
            current.insert(QStringLiteral("FinishTime"),
                           eciTime(state.value(QLatin1String("FinishedAt")).toString()));
        }
        const QString id = dockerIdOf(entry);
        const int restarts =
            qMax(inspect.value(QLatin1String("RestartCount")).toInt(), m_monitor->starts(id) - 1);
        return QJsonObject{
            {QStringLiteral("Name"), labelOf(entry, QStringLiteral("container"))},
            {QStringLiteral("Image"), entry.value(QLatin1String("Image")).toString()},
            {QStringLiteral("Commands"),
             QJsonDocument::fromJson(labelOf(entry, QStringLiteral("commands")).toUtf8()).array()},
            {QStringLiteral("Args"),
             QJsonDocument::fromJson(labelOf(entry, QStringLiteral("args")).toUtf8()).array()},
            {QStringLiteral("Cpu"), labelOf(entry, QStringLiteral("container-cpu")).toDouble()},
            {QStringLiteral("Memory"),
             labelOf(entry, QStringLiteral("container-memory")).toDouble()},
            {QStringLiteral("WorkingDir"), labelOf(entry, QStringLiteral("workdir"))},
            {QStringLiteral("Tty"), config.value(QLatin1String("Tty")).toBool()},
            {QStringLiteral("Stdin"), config.value(QLatin1String("OpenStdin")).toBool()},
            {QStringLiteral("Ready"),
             current.value(QLatin1String("State")).toString() == QLatin1String("Running")},
            {QStringLiteral("RestartCount"), restarts},
            {QStringLiteral("CurrentState"), current},
        };
    }

    static QJsonObject eventJson(const GroupMonitor::Event& event)
    {
        return QJsonObject{
            {QStringLiteral("Count"), event.count},
            {QStringLiteral("FirstTimestamp"), eciTime(event.first)},
            {QStringLiteral("LastTimestamp"), eciTime(event.last)},
            {QStringLiteral("Message"), event.message},
            {QStringLiteral("Reason"), event.reason},
            {QStringLiteral("Type"), event.type},
            {QStringLiteral("Name"), event.container},
        };
    }

    QJsonObject groupJson(const Group& group, const QHash<QString, QJsonObject>& inspects) const
    {
        QJsonArray tags;
        for (const auto& tag : tagsOf(group))
            tags.append(QJsonObject{{QStringLiteral("Key"), tag.first},
                                    {QStringLiteral("Value"), tag.second}});
        QJsonArray containers;
        for (const QJsonObject& entry : group.containers)
            containers.append(containerJson(entry, inspects.value(dockerIdOf(entry))));
        const QString policy = inspects.value(dockerIdOf(group.containers.first()))
                                   .value(QLatin1String("HostConfig"))
                                   .toObject()
                                   .value(QLatin1String("RestartPolicy"))
                                   .toObject()
                                   .value(QLatin1String("Name"))
                                   .toString();
        QJsonArray events;
        const QList<GroupMonitor::Event> observed = m_monitor->events(group.id);
        for (qsizetype i = qMax<qsizetype>(0, observed.size() - 50); i < observed.size(); ++i)
            events.append(eventJson(observed.at(i)));
        const QString created = eciTime(QDateTime::fromSecsSinceEpoch(
            group.containers.first().value(QLatin1String("Created")).toInteger(), Qt::UTC));
        const QString region = group.label(QStringLiteral("region"));
        QJsonObject json{
            {QStringLiteral("ContainerGroupId"), group.id},
            {QStringLiteral("ContainerGroupName"), group.label(QStringLiteral("group"))},
            {QStringLiteral("RegionId"), region},
            {QStringLiteral("ZoneId"), region + QStringLiteral("-a")},
            {QStringLiteral("Status"), groupStatus(group)},
            {QStringLiteral("Cpu"), groupResource(group, QStringLiteral("cpu"))},
            {QStringLiteral("Memory"), groupResource(group, QStringLiteral("memory"))},
            {QStringLiteral("CreationTime"), created},
            {QStringLiteral("Tags"), tags},
            {QStringLiteral("Containers"), containers},
            {QStringLiteral("Events"), events},
        };
        if (!policy.isEmpty())
            json.insert(QStringLiteral("RestartPolicy"), eciRestartPolicy(policy));
        return json;
    }

    static QString eciRestartPolicy(const QString& dockerPolicy)
    {
        if (dockerPolicy == QLatin1String("always"))
            return QStringLiteral("Always");
        if (dockerPolicy == QLatin1String("on-failure"))
            return QStringLiteral("OnFailure");
        return QStringLiteral("Never");
    }

    static QString dockerRestartPolicy(const QString& eciPolicy)
    {
        if (eciPolicy == QLatin1String("Always"))
            return QStringLiteral("always");
        if (eciPolicy == QLatin1String("OnFailure"))
            return QStringLiteral("on-failure");
        if (eciPolicy == QLatin1String("Never"))
            return QStringLiteral("no");
        return {};
    }

    // Offset paging; the token is opaque to clients.
    static bool pageParams(const EciParams& params, int* limit, int* offset, Reply* error)
    {
        if (hasParam(params, QStringLiteral("Limit"))) {
            bool ok = false;
            *limit = param(params, QStringLiteral("Limit")).toInt(&ok);
            if (!ok || *limit < 1 || *limit > 20) {
                *error = invalid(QStringLiteral("Limit"));
                return false;
            }
        }
        const QString token = param(params, QStringLiteral("NextToken"));
        if (token.isEmpty())
            return true;
        bool ok = false;
        const QByteArray decoded = QByteArray::fromBase64(token.toLatin1());
        *offset = decoded.startsWith("offset:") ? decoded.mid(7).toInt(&ok) : 0;
        if (!ok || *offset < 0) {
            *error = invalid(QStringLiteral("NextToken"));
            return false;
        }
        return true;
    }

    static QString nextToken(int offset, int limit, qsizetype total)
    {
        return offset + limit < total
                   ? QString::fromLatin1(
                         ("offset:" + QByteArray::number(offset + limit)).toBase64())
                   : QString();
    }

    static bool idsParam(const EciParams& params, QStringList* ids, Reply* error)
    {
        const QString text = param(params, QStringLiteral("ContainerGroupIds"));
        if (text.isEmpty())
            return true;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (!doc.isArray()) {
            *error = invalid(QStringLiteral("ContainerGroupIds"));
            return false;
        }
        if (doc.array().size() > 20) {
            *error = exceeded(QStringLiteral("ContainerGroupIds"), QStringLiteral("at most 20"));
            return false;
        }
        for (const QJsonValue& id : doc.array())
            ids->append(id.toString());
        return true;
    }

    static void newestFirst(QList<Group>* groups)
    {
        // Newest first, like the service; the id breaks ties so that pages are stable.
        std::sort(groups->begin(), groups->end(), [](const Group& a, const Group& b) {
            const qint64 ta = a.containers.first().value(QLatin1String("Created")).toInteger();
            const qint64 tb = b.containers.first().value(QLatin1String("Created")).toInteger();
            if (ta != tb)
                return ta > tb;
            return a.id < b.id;
        });
    }

    void regions(const EciParams&, const Respond& respond)
    {
        QJsonArray regions;
        for (const char* id : {"cn-hangzhou", "cn-shanghai", "cn-beijing"}) {
            const QString region = QLatin1String(id);
            regions.append(QJsonObject{
                {QStringLiteral("RegionId"), region},
                {QStringLiteral("RegionEndpoint"),
                 QStringLiteral("eci.%1.aliyuncs.com").arg(region)},
                {QStringLiteral("RecommendZones"),
                 QJsonArray{region + QStringLiteral("-h"), region + QStringLiteral("-i")}}});
        }
        respond(jsonReply(200, {{QStringLiteral("Regions"), regions}}));
    }

    void describe(const EciParams& params, const Respond& respond)
    {
        const QString region = param(params, QStringLiteral("RegionId"));
        if (region.isEmpty())
            return respond(missing(QStringLiteral("RegionId")));
        int limit = 20;
        int offset = 0;
        QStringList ids;
        Reply error;
        if (!pageParams(params, &limit, &offset, &error) || !idsParam(params, &ids, &error))
            return respond(error);
        const QString status = param(params, QStringLiteral("Status"));
        const QString name = param(params, QStringLiteral("ContainerGroupName"));
        listGroups(labelPrefix + QStringLiteral("region=") + region,
                   [=](const QJsonArray* containers) {
                       if (!containers)
                           return respond(engineFailed());
                       QList<Group> groups;
                       for (const Group& group : groupsOf(*containers)) {
                           if ((ids.isEmpty() || ids.contains(group.id)) &&
                               (status.isEmpty() || groupStatus(group) == status) &&
                               (name.isEmpty() || group.label(QStringLiteral("group")) == name) &&
                               tagsMatch(group, params))
                               groups.append(group);
                       }
                       newestFirst(&groups);
                       const QList<Group> page = groups.mid(offset, limit);
                       QStringList dockerIds;
                       for (const Group& group : page) {
                           for (const QJsonObject& container : group.containers)
                               dockerIds.append(dockerIdOf(container));
                       }
                       const QString next = nextToken(offset, limit, groups.size());
                       const qsizetype total = groups.size();
                       inspectAll(dockerIds, [this, page, next, total, respond](
                                                 const QHash<QString, QJsonObject>& inspects) {
                           QJsonArray list;
                           for (const Group& group : page)
                               list.append(groupJson(group, inspects));
                           respond(jsonReply(200, {
                                                      {QStringLiteral("TotalCount"), total},
                                                      {QStringLiteral("NextToken"), next},
                                                      {QStringLiteral("ContainerGroups"), list},
                                                  }));
                       });
                   });
    }

    struct ContainerSpec
    {
        QString dockerName;
        QJsonObject body;
    };

    void create(const EciParams& params, const Respond& respond)
    {
        for (const char* required :
             {"RegionId", "ContainerGroupName", "Container.1.Name", "Container.1.Image"}) {
            if (param(params, QLatin1String(required)).isEmpty())
                return respond(missing(QLatin1String(required)));
        }
        const QString policy = hasParam(params, QStringLiteral("RestartPolicy"))
                                   ? param(params, QStringLiteral("RestartPolicy"))
                                   : QStringLiteral("Always");
        if (dockerRestartPolicy(policy).isEmpty())
            return respond(invalid(QStringLiteral("RestartPolicy"),
                                   QStringLiteral("Use Always, OnFailure or Never.")));
        const QString clientToken = param(params, QStringLiteral("ClientToken"));
        if (!clientToken.isEmpty() && m_tokens.contains(clientToken))
            return respond(jsonReply(
                200, {{QStringLiteral("ContainerGroupId"), m_tokens.value(clientToken)}}));
        const QString id =
            QStringLiteral("eci-") + QUuid::createUuid().toString(QUuid::Id128).left(17);

        QJsonObject groupLabels{
            {labelPrefix + QStringLiteral("id"), id},
            {labelPrefix + QStringLiteral("group"),
             param(params, QStringLiteral("ContainerGroupName"))},
            {labelPrefix + QStringLiteral("region"), param(params, QStringLiteral("RegionId"))},
            {labelPrefix + QStringLiteral("cpu"),
             QString::number(param(params, QStringLiteral("Cpu")).toDouble())},
            {labelPrefix + QStringLiteral("memory"),
             QString::number(param(params, QStringLiteral("Memory")).toDouble())},
        };
        if (!clientToken.isEmpty())
            groupLabels.insert(labelPrefix + QStringLiteral("client-token"), clientToken);
        if (!instance.isEmpty())
            groupLabels.insert(labelPrefix + QStringLiteral("emulator"), instance);
        const QStringList tagKeys = indexed(params, QStringLiteral("Tag"), QStringLiteral("Key"));
        const QStringList tagValues =
            indexed(params, QStringLiteral("Tag"), QStringLiteral("Value"));
        for (qsizetype i = 0; i < tagKeys.size(); ++i)
            groupLabels.insert(labelPrefix + QStringLiteral("tag.") + tagKeys.at(i),
                               tagValues.value(i));

        QList<ContainerSpec> specs;
        QStringList names;
        for (int n = 1; hasParam(params, QStringLiteral("Container.%1.Name").arg(n)); ++n) {
            const QString prefix = QStringLiteral("Container.%1.").arg(n);
            const auto value = [&](const char* field) {
                return param(params, prefix + QLatin1String(field));
            };
            const QString name = value("Name");
            if (n > 20)
                return respond(exceeded(QStringLiteral("Container"), QStringLiteral("at most 20")));
            if (value("Image").isEmpty())
                return respond(missing(prefix + QStringLiteral("Image")));
            static const QRegularExpression validName(
                QStringLiteral("^[a-z0-9]([-a-z0-9]{0,126}[a-z0-9])?$"));
            if (!validName.match(name).hasMatch() || names.contains(name))
                return respond(invalid(prefix + QStringLiteral("Name")));
            names.append(name);
            QJsonObject labels = groupLabels;
            const QStringList commands = indexed(params, prefix + QStringLiteral("Command"));
            const QStringList args = indexed(params, prefix + QStringLiteral("Arg"));
            labels.insert(labelPrefix + QStringLiteral("container"), name);
            labels.insert(labelPrefix + QStringLiteral("index"), QString::number(n));
            labels.insert(labelPrefix + QStringLiteral("container-cpu"),
                          QString::number(value("Cpu").toDouble()));
            labels.insert(labelPrefix + QStringLiteral("container-memory"),
                          QString::number(value("Memory").toDouble()));
            labels.insert(labelPrefix + QStringLiteral("workdir"), value("WorkingDir"));
            labels.insert(labelPrefix + QStringLiteral("commands"),
                          QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(commands))
                                                .toJson(QJsonDocument::Compact)));
            labels.insert(labelPrefix + QStringLiteral("args"),
                          QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(args))
                                                .toJson(QJsonDocument::Compact)));
            QJsonArray env;
            const QStringList envKeys =
                indexed(params, prefix + QStringLiteral("EnvironmentVar"), QStringLiteral("Key"));
            const QStringList envValues =
                indexed(params, prefix + QStringLiteral("EnvironmentVar"), QStringLiteral("Value"));
            for (qsizetype i = 0; i < envKeys.size(); ++i)
                env.append(envKeys.at(i) + QLatin1Char('=') + envValues.value(i));
            QJsonObject body{
                {QStringLiteral("Image"), value("Image")},
                {QStringLiteral("Labels"), labels},
                {QStringLiteral("Env"), env},
                {QStringLiteral("Tty"), value("Tty") == QLatin1String("true")},
                {QStringLiteral("OpenStdin"), value("Stdin") == QLatin1String("true")},
                {QStringLiteral("HostConfig"),
                 QJsonObject{{QStringLiteral("NetworkMode"), QStringLiteral("none")},
                             {QStringLiteral("RestartPolicy"),
                              QJsonObject{{QStringLiteral("Name"), dockerRestartPolicy(policy)}}}}},
            };
            // ECI follows Kubernetes: Command replaces the image's entrypoint, Arg its command.
            if (!commands.isEmpty())
                body.insert(QStringLiteral("Entrypoint"), QJsonArray::fromStringList(commands));
            if (!args.isEmpty())
                body.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(args));
            if (!value("WorkingDir").isEmpty())
                body.insert(QStringLiteral("WorkingDir"), value("WorkingDir"));
            specs.append({n == 1 ? id : id + QLatin1Char('-') + QString::number(n), body});
        }
        if (!clientToken.isEmpty())
            m_tokens.insert(clientToken, id);
        createContainers(specs, 0, {}, [this, id, clientToken, respond](const Reply* error) {
            if (error) {
                m_tokens.remove(clientToken);
                return respond(*error);
            }
            respond(jsonReply(200, {{QStringLiteral("ContainerGroupId"), id}}));
        });
    }

    // Creates the containers one after another, then starts them; on failure removes what it
    // made, so a group exists whole or not at all.
    void createContainers(const QList<ContainerSpec>& specs, qsizetype next, QStringList made,
                          const std::function<void(const Reply* error)>& done)
    {
        const auto undo = [this, done](const QStringList& ids, const Reply& error) {
            for (const QString& id : ids) {
                HttpRequest request = HttpRequest::get("/containers/" + id.toLatin1() + "?force=1");
                request.method = "DELETE";
                HttpReply* reply = m_docker->send(request);
                connect(reply, &HttpReply::finished, reply, &QObject::deleteLater);
            }
            done(&error);
        };
        if (next == specs.size()) {
            QList<HttpRequest> starts;
            for (const QString& dockerName : made)
                starts.append(HttpRequest::post("/containers/" + dockerName.toLatin1() + "/start"));
            sendAll(starts, {204, 304}, [made, undo, done](bool ok) {
                if (ok)
                    done(nullptr);
                else
                    undo(made, engineFailed());
            });
            return;
        }
        const ContainerSpec& spec = specs.at(next);
        HttpReply* reply = m_docker->send(
            HttpRequest::post("/containers/create?name=" + spec.dockerName.toLatin1(),
                              QJsonDocument(spec.body).toJson(QJsonDocument::Compact)));
        connect(reply, &HttpReply::finished, this, [this, reply, specs, next, made, undo, done] {
            reply->deleteLater();
            if (reply->error().isError() || reply->status() != 201) {
                undo(made, reply->status() == 404
                               ? apiError(400, QStringLiteral("InvalidParameter"),
                                          QStringLiteral("The specified image is not found."))
                               : engineFailed());
                return;
            }
            createContainers(specs, next + 1, made + QStringList{specs.at(next).dockerName}, done);
        });
    }

    void remove(const EciParams& params, const Respond& respond)
    {
        withGroup(params, respond, [this, respond](const Group& group) {
            const QString id = group.id;
            sendAll(forEachContainer(group, "DELETE", "?force=1&v=1"), {204, 404},
                    [this, id, respond](bool ok) {
                        if (!ok)
                            return respond(engineFailed());
                        for (auto it = m_tokens.begin(); it != m_tokens.end();)
                            it = it.value() == id ? m_tokens.erase(it) : std::next(it);
                        m_tags.remove(id);
                        m_resources.remove(id);
                        respond(jsonReply(200, {}));
                    });
        });
    }

    void restart(const EciParams& params, const Respond& respond)
    {
        withGroup(params, respond, [this, respond](const Group& group) {
            const QString status = groupStatus(group);
            if (status != QLatin1String("Pending") && status != QLatin1String("Running"))
                return respond(incorrectStatus(group.id, status));
            // Restarting until the engine has restarted every container, as the service says.
            m_restarting.insert(group.id);
            const QString id = group.id;
            sendAll(forEachContainer(group, "POST", "/restart?t=1"), {204},
                    [this, id](bool) { m_restarting.remove(id); });
            respond(jsonReply(200, {}));
        });
    }

    void update(const EciParams& params, const Respond& respond)
    {
        const QString policy = param(params, QStringLiteral("RestartPolicy"));
        if (hasParam(params, QStringLiteral("RestartPolicy")) &&
            dockerRestartPolicy(policy).isEmpty())
            return respond(invalid(QStringLiteral("RestartPolicy"),
                                   QStringLiteral("Use Always, OnFailure or Never.")));
        QHash<QString, double> resources;
        for (const char* name : {"Cpu", "Memory"}) {
            if (!hasParam(params, QLatin1String(name)))
                continue;
            bool ok = false;
            const double value = param(params, QLatin1String(name)).toDouble(&ok);
            if (!ok || value <= 0)
                return respond(invalid(QLatin1String(name)));
            resources.insert(QLatin1String(name).toString().toLower(), value);
        }
        const QStringList tagKeys = indexed(params, QStringLiteral("Tag"), QStringLiteral("Key"));
        const QStringList tagValues =
            indexed(params, QStringLiteral("Tag"), QStringLiteral("Value"));
        if (tagKeys.contains(QString()))
            return respond(invalid(QStringLiteral("Tag.N.Key")));
        withGroup(params, respond, [=](const Group& group) {
            const QString status = groupStatus(group);
            if (status != QLatin1String("Pending") && status != QLatin1String("Running"))
                return respond(incorrectStatus(group.id, status));
            // Tags given replace the group's tags, as the service documents.
            if (!tagKeys.isEmpty()) {
                QList<QPair<QString, QString>> tags;
                for (qsizetype i = 0; i < tagKeys.size(); ++i)
                    tags.append({tagKeys.at(i), tagValues.value(i)});
                std::sort(tags.begin(), tags.end());
                m_tags.insert(group.id, tags);
            }
            for (auto it = resources.begin(); it != resources.end(); ++it)
                m_resources[group.id].insert(it.key(), it.value());
            if (policy.isEmpty())
                return respond(jsonReply(200, {}));
            const QByteArray body =
                QJsonDocument(QJsonObject{{QStringLiteral("RestartPolicy"),
                                           QJsonObject{{QStringLiteral("Name"),
                                                        dockerRestartPolicy(policy)}}}})
                    .toJson(QJsonDocument::Compact);
            sendAll(forEachContainer(group, "POST", "/update", body), {200},
                    [respond](bool ok) { respond(ok ? jsonReply(200, {}) : engineFailed()); });
        });
    }

    void events(const EciParams& params, const Respond& respond)
    {
        const QString region = param(params, QStringLiteral("RegionId"));
        if (region.isEmpty())
            return respond(missing(QStringLiteral("RegionId")));
        int limit = 20;
        int offset = 0;
        QStringList ids;
        qint64 sinceSecond = -1;
        Reply error;
        if (!pageParams(params, &limit, &offset, &error) || !idsParam(params, &ids, &error) ||
            !intParam(params, QStringLiteral("SinceSecond"), 0, 30LL * 24 * 3600, &sinceSecond,
                      &error))
            return respond(error);
        const QString source = param(params, QStringLiteral("EventSource"));
        if (!source.isEmpty() && source != QLatin1String("EciService") &&
            source != QLatin1String("K8sAgent"))
            return respond(invalid(QStringLiteral("EventSource")));
        listGroups(
            labelPrefix + QStringLiteral("region=") + region, [=](const QJsonArray* containers) {
                if (!containers)
                    return respond(engineFailed());
                QList<Group> groups;
                for (const Group& group : groupsOf(*containers)) {
                    if ((ids.isEmpty() || ids.contains(group.id)) && tagsMatch(group, params))
                        groups.append(group);
                }
                newestFirst(&groups);
                const QDateTime since = sinceSecond >= 0
                                            ? QDateTime::currentDateTimeUtc().addSecs(-sinceSecond)
                                            : QDateTime();
                QJsonArray data;
                for (const Group& group : groups.mid(offset, limit)) {
                    const QString name = group.label(QStringLiteral("group"));
                    QJsonArray list;
                    // What the engine reports is what a pod's kubelet reports.
                    const QList<GroupMonitor::Event> observed =
                        source == QLatin1String("EciService") ? QList<GroupMonitor::Event>()
                                                              : m_monitor->events(group.id);
                    for (qsizetype i = qMax<qsizetype>(0, observed.size() - 50);
                         i < observed.size(); ++i) {
                        const GroupMonitor::Event& e = observed.at(i);
                        if (since.isValid() && e.last < since)
                            continue;
                        QJsonObject event = eventJson(e);
                        event.remove(QStringLiteral("Name"));
                        event.insert(
                            QStringLiteral("Metadata"),
                            QJsonObject{{QStringLiteral("Name"),
                                         name + QLatin1Char('.') + QString::number(i)},
                                        {QStringLiteral("Namespace"), QStringLiteral("default")}});
                        event.insert(
                            QStringLiteral("Source"),
                            QJsonObject{{QStringLiteral("Component"), QStringLiteral("kubelet")}});
                        event.insert(
                            QStringLiteral("involvedObject"),
                            QJsonObject{{QStringLiteral("Kind"), QStringLiteral("Pod")},
                                        {QStringLiteral("Name"), name},
                                        {QStringLiteral("ApiVersion"), QStringLiteral("v1")},
                                        {QStringLiteral("Uid"), group.id},
                                        {QStringLiteral("FieldPath"),
                                         QStringLiteral("spec.containers{%1}").arg(e.container)}});
                        list.append(event);
                    }
                    data.append(QJsonObject{{QStringLiteral("ContainerGroupId"), group.id},
                                            {QStringLiteral("Name"), name},
                                            {QStringLiteral("Events"), list}});
                }
                respond(jsonReply(
                    200, {{QStringLiteral("TotalCount"), groups.size()},
                          {QStringLiteral("NextToken"), nextToken(offset, limit, groups.size())},
                          {QStringLiteral("Data"), data}}));
            });
    }

    void metric(const EciParams& params, const Respond& respond)
    {
        qint64 period = 60;
        Reply error;
        if (hasParam(params, QStringLiteral("Period"))) {
            bool ok = false;
            period = param(params, QStringLiteral("Period")).toLongLong(&ok);
            if (!ok || (period != 15 && period != 30 && period != 60 && period != 600))
                return respond(
                    invalid(QStringLiteral("Period"), QStringLiteral("Use 15, 30, 60 or 600.")));
        }
        QDateTime start;
        QDateTime end;
        if (!timeParam(params, QStringLiteral("StartTime"), &start, &error) ||
            !timeParam(params, QStringLiteral("EndTime"), &end, &error))
            return respond(error);
        // Neither given: the last five minutes at 15 s, whatever Period says.
        if (!start.isValid() && !end.isValid())
            period = 15;
        if (!end.isValid())
            end = QDateTime::currentDateTimeUtc();
        if (!start.isValid())
            start = end.addSecs(-300);
        if (start >= end)
            return respond(
                invalid(QStringLiteral("StartTime"), QStringLiteral("It must be before EndTime.")));
        if (start < QDateTime::currentDateTimeUtc().addDays(-30))
            return respond(invalid(QStringLiteral("StartTime"),
                                   QStringLiteral("It must be within the last 30 days.")));
        const qint64 points = (start.secsTo(end) + period - 1) / period;
        if (points > 50)
            return respond(exceeded(QStringLiteral("Period"),
                                    QStringLiteral("the time range holds %1 data points at this "
                                                   "period; at most 50 are returned.")
                                        .arg(points)));
        withGroup(params, respond, [=](const Group& group) {
            QStringList running;
            for (const QJsonObject& container : group.containers) {
                if (container.value(QLatin1String("State")).toString() == QLatin1String("running"))
                    running.append(dockerIdOf(container));
            }
            m_monitor->watch(running, [=] {
                respond(jsonReply(
                    200, {{QStringLiteral("ContainerGroupId"), group.id},
                          {QStringLiteral("Records"), metricRecords(group, start, end, period)}}));
            });
        });
    }

    static QJsonObject cpuJson(qint64 cumulative, double nanoCores, double cpuLimit)
    {
        QJsonObject cpu{{QStringLiteral("UsageCoreNanoSeconds"), cumulative},
                        {QStringLiteral("UsageNanoCores"), qint64(nanoCores)}};
        if (cpuLimit > 0)
            cpu.insert(QStringLiteral("Limit"), qint64(cpuLimit * 1000));
        return cpu;
    }

    static QJsonObject memoryJson(const GroupMonitor::Sample& s, double memoryGiB)
    {
        const qint64 limit = memoryGiB > 0 ? qint64(memoryGiB * 1024 * 1024 * 1024) : s.memoryLimit;
        return QJsonObject{
            {QStringLiteral("UsageBytes"), s.memoryUsage},
            {QStringLiteral("WorkingSet"), s.memoryWorkingSet},
            {QStringLiteral("Rss"), s.memoryRss},
            {QStringLiteral("Cache"), s.memoryCache},
            {QStringLiteral("AvailableBytes"), qMax<qint64>(0, limit - s.memoryWorkingSet)}};
    }

    // One record per period that has samples: the last sample in it, and the CPU rate since
    // the sample before that one.
    QJsonArray metricRecords(const Group& group, const QDateTime& start, const QDateTime& end,
                             qint64 period) const
    {
        QMap<qint64, QJsonArray> containersByBucket;
        QMap<qint64, GroupMonitor::Sample> totals;
        QMap<qint64, double> rates;
        for (const QJsonObject& container : group.containers) {
            const QList<GroupMonitor::Sample> samples = m_monitor->samples(dockerIdOf(container));
            QMap<qint64, qsizetype> lastInBucket;
            for (qsizetype i = 0; i < samples.size(); ++i) {
                const QDateTime t = samples.at(i).time;
                if (t < start || t > end)
                    continue;
                lastInBucket.insert(start.secsTo(t) / period, i);
            }
            for (auto it = lastInBucket.begin(); it != lastInBucket.end(); ++it) {
                const GroupMonitor::Sample& s = samples.at(it.value());
                double rate = 0;
                if (it.value() > 0) {
                    const GroupMonitor::Sample& p = samples.at(it.value() - 1);
                    const qint64 ms = p.time.msecsTo(s.time);
                    if (ms > 0 && s.cpuTotalNs >= p.cpuTotalNs)
                        rate = double(s.cpuTotalNs - p.cpuTotalNs) * 1000.0 / double(ms);
                }
                containersByBucket[it.key()].append(QJsonObject{
                    {QStringLiteral("Name"), labelOf(container, QStringLiteral("container"))},
                    {QStringLiteral("CPU"),
                     cpuJson(s.cpuTotalNs, rate,
                             labelOf(container, QStringLiteral("container-cpu")).toDouble())},
                    {QStringLiteral("Memory"),
                     memoryJson(s,
                                labelOf(container, QStringLiteral("container-memory")).toDouble())},
                });
                GroupMonitor::Sample& total = totals[it.key()];
                total.cpuTotalNs += s.cpuTotalNs;
                total.memoryUsage += s.memoryUsage;
                total.memoryWorkingSet += s.memoryWorkingSet;
                total.memoryRss += s.memoryRss;
                total.memoryCache += s.memoryCache;
                total.memoryLimit = qMax(total.memoryLimit, s.memoryLimit);
                rates[it.key()] += rate;
            }
        }
        QJsonArray records;
        for (auto it = totals.begin(); it != totals.end(); ++it) {
            records.append(QJsonObject{
                {QStringLiteral("Timestamp"), eciTime(start.addSecs(it.key() * period))},
                {QStringLiteral("CPU"), cpuJson(it.value().cpuTotalNs, rates.value(it.key()),
                                                groupResource(group, QStringLiteral("cpu")))},
                {QStringLiteral("Memory"),
                 memoryJson(it.value(), groupResource(group, QStringLiteral("memory")))},
                // Test containers run without a network.
                {QStringLiteral("Network"),
                 QJsonObject{{QStringLiteral("Interfaces"), QJsonArray()}}},
                {QStringLiteral("Containers"), containersByBucket.value(it.key())},
            });
        }
        return records;
    }

    void logs(const EciParams& params, const Respond& respond)
    {
        const QString containerName = param(params, QStringLiteral("ContainerName"));
        if (containerName.isEmpty())
            return respond(missing(QStringLiteral("ContainerName")));
        qint64 tail = -1;
        qint64 sinceSeconds = -1;
        qint64 limitBytes = 1024 * 1024;
        bool timestamps = false;
        bool lastTime = false;
        QDateTime startTime;
        Reply error;
        if (!intParam(params, QStringLiteral("Tail"), 0, 2000, &tail, &error) ||
            !intParam(params, QStringLiteral("SinceSeconds"), 1, 100LL * 365 * 24 * 3600,
                      &sinceSeconds, &error) ||
            !intParam(params, QStringLiteral("LimitBytes"), 1, 1024 * 1024, &limitBytes, &error) ||
            !boolParam(params, QStringLiteral("Timestamps"), false, &timestamps, &error) ||
            !boolParam(params, QStringLiteral("LastTime"), false, &lastTime, &error) ||
            !timeParam(params, QStringLiteral("StartTime"), &startTime, &error))
            return respond(error);
        withGroup(params, respond, [=](const Group& group) {
            const QJsonObject* container = group.container(containerName);
            if (!container)
                return respond(invalid(QStringLiteral("ContainerName"),
                                       QStringLiteral("No such container in the group.")));
            const QString dockerId = dockerIdOf(*container);
            inspectAll({dockerId}, [=](const QHash<QString, QJsonObject>& inspects) {
                const QJsonObject inspect = inspects.value(dockerId);
                if (inspect.isEmpty())
                    return respond(engineFailed());
                QByteArray target =
                    "/containers/" + dockerId.toLatin1() +
                    "/logs?stdout=1&stderr=1&timestamps=" + (timestamps ? "1" : "0");
                if (tail >= 0)
                    target += "&tail=" + QByteArray::number(tail);
                qint64 since = 0;
                if (sinceSeconds > 0)
                    since = QDateTime::currentSecsSinceEpoch() - sinceSeconds;
                if (startTime.isValid())
                    since = qMax(since, startTime.toSecsSinceEpoch());
                if (since > 0)
                    target += "&since=" + QByteArray::number(since);
                if (lastTime) {
                    // The run before the current one: everything before the last start.
                    const QString startedAt = inspect.value(QLatin1String("State"))
                                                  .toObject()
                                                  .value(QLatin1String("StartedAt"))
                                                  .toString();
                    const QDateTime started =
                        QDateTime::fromString(eciTime(startedAt), Qt::ISODate);
                    const bool restarted =
                        inspect.value(QLatin1String("RestartCount")).toInt() > 0 ||
                        m_monitor->starts(dockerId) > 1;
                    if (!restarted || !started.isValid())
                        return respond(
                            jsonReply(200, {{QStringLiteral("ContainerName"), containerName},
                                            {QStringLiteral("Content"), QString()}}));
                    target += "&until=" + QByteArray::number(started.toSecsSinceEpoch());
                }
                const bool tty = inspect.value(QLatin1String("Config"))
                                     .toObject()
                                     .value(QLatin1String("Tty"))
                                     .toBool();
                HttpReply* reply = m_docker->send(HttpRequest::get(target));
                connect(reply, &HttpReply::finished, this,
                        [reply, tty, limitBytes, containerName, respond] {
                            reply->deleteLater();
                            if (reply->error().isError() || reply->status() != 200)
                                return respond(engineFailed());
                            QByteArray content;
                            if (tty) {
                                content = reply->body();
                            } else {
                                DockerStreamDemuxer demuxer;
                                demuxer.onPayload = [&content](DockerStreamDemuxer::Stream,
                                                               const QByteArray& payload) {
                                    content += payload;
                                };
                                demuxer.feed(reply->body());
                            }
                            // As Kubernetes' limitBytes: the first bytes, cut where the limit
                            // falls.
                            content.truncate(limitBytes);
                            respond(jsonReply(
                                200, {{QStringLiteral("ContainerName"), containerName},
                                      {QStringLiteral("Content"), QString::fromUtf8(content)}}));
                        });
            });
        });
    }

    void exec(const EciParams& params, const Respond& respond)
    {
        const QString containerName = param(params, QStringLiteral("ContainerName"));
        if (containerName.isEmpty())
            return respond(missing(QStringLiteral("ContainerName")));
        const QString commandText = param(params, QStringLiteral("Command"));
        if (commandText.isEmpty())
            return respond(missing(QStringLiteral("Command")));
        const QJsonDocument doc = QJsonDocument::fromJson(commandText.toUtf8());
        if (!doc.isArray() || doc.array().isEmpty())
            return respond(invalid(QStringLiteral("Command"),
                                   QStringLiteral("It must be a JSON array of strings.")));
        QStringList command;
        for (const QJsonValue& item : doc.array()) {
            if (!item.isString())
                return respond(invalid(QStringLiteral("Command"),
                                       QStringLiteral("It must be a JSON array of strings.")));
            command.append(item.toString());
        }
        if (command.size() > 20)
            return respond(
                exceeded(QStringLiteral("Command"),
                         QStringLiteral("at most 20 commands, %1 given.").arg(command.size())));
        for (const QString& item : std::as_const(command)) {
            if (item.size() > 256)
                return respond(exceeded(QStringLiteral("Command"),
                                        QStringLiteral("each command at most 256 characters, "
                                                       "one has %1.")
                                            .arg(item.size())));
        }
        bool tty = false;
        bool stdinOpen = true;
        bool sync = false;
        Reply error;
        if (!boolParam(params, QStringLiteral("TTY"), false, &tty, &error) ||
            !boolParam(params, QStringLiteral("Stdin"), true, &stdinOpen, &error) ||
            !boolParam(params, QStringLiteral("Sync"), false, &sync, &error))
            return respond(error);
        if (sync && tty)
            return respond(
                invalid(QStringLiteral("Sync"), QStringLiteral("Sync needs TTY to be false.")));
        withGroup(params, respond, [=](const Group& group) {
            const QJsonObject* container = group.container(containerName);
            if (!container)
                return respond(invalid(QStringLiteral("ContainerName"),
                                       QStringLiteral("No such container in the group.")));
            if (container->value(QLatin1String("State")).toString() != QLatin1String("running"))
                return respond(
                    incorrectStatus(QStringLiteral("ContainerName:") + containerName,
                                    container->value(QLatin1String("State")).toString()));
            ExecOptions options;
            options.command = command;
            options.tty = tty;
            options.attachStdin = stdinOpen && !sync;
            if (sync)
                return syncExec(dockerIdOf(*container), options, respond);
            // No HttpUrl: the emulator has no browser terminal to point to.
            respond(jsonReply(200, {{QStringLiteral("WebSocketUri"),
                                     m_exec->issue(dockerIdOf(*container), options)}}));
        });
    }

    // Runs the command to its end and answers with its output (stdout and stderr as they came).
    void syncExec(const QString& dockerId, const ExecOptions& options, const Respond& respond)
    {
        auto* session = new DockerExecSession(m_docker, dockerId, options, this);
        auto output = std::make_shared<QByteArray>();
        connect(session, &ExecSession::received, this,
                [output](ExecSession::Stream, const QByteArray& bytes) {
                    if (output->size() < 1024 * 1024)
                        output->append(bytes.left(1024 * 1024 - output->size()));
                });
        connect(session, &ExecSession::finished, this, [session, output, respond](int) {
            session->deleteLater();
            respond(jsonReply(200, {{QStringLiteral("SyncResponse"), QString::fromUtf8(*output)}}));
        });
        connect(session, &ExecSession::failed, this, [session, respond](const Error& error) {
            session->deleteLater();
            respond(apiError(500, QStringLiteral("InternalError"),
                             QStringLiteral("The command could not run: ") + error.fullText()));
        });
        QTimer::singleShot(60000, session, [session] { session->close(); });
        session->start();
    }

    QTcpServer m_server;
    HttpClient* m_docker;
    GroupMonitor* m_monitor;
    ExecBridge* m_exec;
    QHash<QString, QString> m_keys;
    QHash<QTcpSocket*, Connection> m_connections;
    QHash<QString, QDateTime> m_nonces;
    QHash<QString, QString> m_tokens;
    QHash<QString, QList<QPair<QString, QString>>> m_tags;
    QHash<QString, QHash<QString, double>> m_resources;
    QSet<QString> m_restarting;
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
                                       QStringLiteral("An accepted key (repeatable; "
                                                      "$ECI_EMULATOR_ACCESS_KEY is one too)."),
                                       QStringLiteral("ID:SECRET"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral("throttle:N, 5xx:N, slow:MS, malformed:N, exec-drop:N (cut the next N exec "
                       "WebSockets after their first output) or exec-garble:N (send them a frame "
                       "on an unknown channel); repeatable."),
        QStringLiteral("FAULT"));
    const QCommandLineOption instance(
        QStringLiteral("instance"),
        QStringLiteral("Labels every container made with eci.sandboxdesk/emulator=NAME."),
        QStringLiteral("NAME"));
    const QCommandLineOption metricInterval(
        QStringLiteral("metric-interval"),
        QStringLiteral("Milliseconds between resource samples of watched containers."),
        QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption urlValidity(
        QStringLiteral("exec-url-validity"),
        QStringLiteral("Milliseconds an exec WebSocket URL stays usable (the service: 30000)."),
        QStringLiteral("MS"), QStringLiteral("30000"));
    parser.addOptions(
        {listen, dockerHost, accessKey, fault, instance, metricInterval, urlValidity});
    parser.process(app);

    const auto fail = [](const QString& message) {
        std::fprintf(stderr, "eci-emulator: %s\n", qPrintable(message));
        return 2;
    };
    QHash<QString, QString> keys;
    // From the environment, a key stays off the command line that every process can read.
    QStringList given = parser.values(accessKey);
    if (qEnvironmentVariableIsSet("ECI_EMULATOR_ACCESS_KEY"))
        given << qEnvironmentVariable("ECI_EMULATOR_ACCESS_KEY");
    for (const QString& key : std::as_const(given)) {
        const qsizetype colon = key.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(QStringLiteral("--access-key wants ID:SECRET"));
        keys.insert(key.left(colon), key.mid(colon + 1));
    }
    if (keys.isEmpty())
        return fail(
            QStringLiteral("at least one --access-key or ECI_EMULATOR_ACCESS_KEY is needed"));
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
    emulator.instance = parser.value(instance);
    for (const QString& spec : parser.values(fault)) {
        if (!emulator.applyFault(spec))
            return fail(QStringLiteral("bad --fault ") + spec);
    }
    bool intervalOk = false;
    const int interval = parser.value(metricInterval).toInt(&intervalOk);
    if (!intervalOk || interval < 100)
        return fail(QStringLiteral("--metric-interval wants milliseconds, at least 100"));
    emulator.monitor()->setSampleInterval(interval);
    bool validityOk = false;
    const int validity = parser.value(urlValidity).toInt(&validityOk);
    if (!validityOk || validity < 1)
        return fail(QStringLiteral("--exec-url-validity wants milliseconds"));
    emulator.execBridge()->validityMs = validity;
    emulator.start(address, quint16(port), [&](const QString& error) {
        if (!error.isEmpty()) {
            fail(error);
            QCoreApplication::exit(2);
            return;
        }
        // Tests read this line to learn the port when they asked for port 0.
        std::printf("listening on %s:%u\n", qPrintable(address.toString()),
                    unsigned(emulator.port()));
        std::fflush(stdout);
    });
    return app.exec();
}
