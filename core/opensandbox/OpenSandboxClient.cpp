#include "OpenSandboxClient.h"

#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {

// The largest answer read; a page of sandboxes is far smaller.
constexpr qint64 MaxAnswerBytes = 16 * 1024 * 1024;
// The longest Retry-After honoured; a longer one is cut to it.
constexpr int MaxRetryAfterMs = 30000;

bool isRetriedStatus(int status)
{
    return status == 502 || status == 503 || status == 504;
}

} // namespace

// One call: its attempts, the timer between them and the reply in flight. A child of the job.
class OpenSandboxCall final : public QObject
{
public:
    OpenSandboxCall(OpenSandboxClient* client, ResultJob<QJsonObject>* job, QByteArray method,
                    QByteArray path, QJsonValue body)
        : QObject(job)
        , m_client(client)
        , m_job(job)
        , m_method(std::move(method))
        , m_path(std::move(path))
        , m_body(std::move(body))
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &OpenSandboxCall::send);
        connect(job, &Job::cancelRequested, this, &OpenSandboxCall::stop);
    }

    void start() { send(); }

private:
    void send()
    {
        if (!m_client) {
            m_job->finishWithError(
                Error::make(Error::Cancelled, QCoreApplication::translate("Job", "Cancelled.")));
            return;
        }
        ++m_attempt;
        ++m_client->m_sent;
        m_reply = m_client->m_http->send(m_client->request(m_method, m_path, m_body));
        connect(m_reply, &HttpReply::finished, this, &OpenSandboxCall::onFinished);
    }

    void onFinished()
    {
        HttpReply* reply = m_reply;
        if (!reply)
            return;
        m_reply = nullptr;
        reply->deleteLater();
        if (m_job->isFinished() || !m_client)
            return;
        const QString secret = m_client->m_config.apiKey;
        const bool idempotent = m_method == "GET";
        if (reply->error().isError()) {
            const Error error =
                OpenSandboxClient::transportError(reply->error(), m_client->m_base.authority());
            if (idempotent && error.kind != Error::Cancelled && error.kind != Error::Protocol)
                retryOrFail(error, -1);
            else
                m_job->finishWithError(error);
            return;
        }
        const int status = reply->status();
        const QByteArray body = reply->body();
        if (status >= 200 && status < 300) {
            if (body.trimmed().isEmpty()) {
                m_job->finishWithValue({});
                return;
            }
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                m_job->finishWithError(
                    Error::make(Error::Protocol,
                                OpenSandboxClient::tr("The OpenSandbox server sent an answer "
                                                      "that is not a JSON object."),
                                QString::number(status)));
                return;
            }
            m_job->finishWithValue(document.object());
            return;
        }
        const Error error =
            OpenSandboxClient::errorFor(status, body, reply->header("x-request-id"), secret);
        if (status == 503 || (idempotent && isRetriedStatus(status))) {
            bool ok = false;
            const int seconds = reply->header("retry-after").trimmed().toInt(&ok);
            retryOrFail(error, ok && seconds >= 0 ? std::min(seconds * 1000, MaxRetryAfterMs) : -1);
            return;
        }
        m_job->finishWithError(error);
    }

    void retryOrFail(const Error& error, int retryAfterMs)
    {
        if (m_attempt >= m_client->m_maxAttempts) {
            m_job->finishWithError(error);
            return;
        }
        int delay = retryAfterMs;
        if (delay < 0) {
            const double exponential =
                m_client->m_baseDelayMs * std::pow(2.0, double(m_attempt - 1));
            const int capped = int(std::min<double>(exponential, m_client->m_maxDelayMs));
            // Anywhere in the upper half, so that clients do not retry in step.
            delay = capped / 2 + int(QRandomGenerator::global()->bounded(capped / 2 + 1));
        }
        m_timer.start(delay);
    }

    void stop()
    {
        m_timer.stop();
        if (HttpReply* reply = m_reply) {
            m_reply = nullptr;
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }

    QPointer<OpenSandboxClient> m_client;
    ResultJob<QJsonObject>* m_job;
    QByteArray m_method;
    QByteArray m_path;
    QJsonValue m_body;
    QTimer m_timer;
    QPointer<HttpReply> m_reply;
    int m_attempt = 0;
};

OpenSandboxClient::OpenSandboxClient(const OpenSandboxConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_base(baseUrl(config.domain, config.protocol))
{
    if (!m_base.isValid())
        return;
    m_pathPrefix = m_base.path(QUrl::FullyEncoded).toUtf8();
    if (m_pathPrefix.endsWith('/'))
        m_pathPrefix.chop(1);
    QUrl root = m_base;
    root.setPath({});
    m_endpoint = Endpoint::fromUrl(root.toString());
    m_http = new HttpClient(m_endpoint, this);
    m_http->setMaxBufferedBody(MaxAnswerBytes);
    m_http->setRequestTimeoutMs(m_timeoutMs);
}

OpenSandboxClient::~OpenSandboxClient() = default;

QUrl OpenSandboxClient::baseUrl(const QString& domain, const QString& protocol, QString* error)
{
    const QString trimmed = domain.trimmed();
    const QString scheme =
        protocol.trimmed().isEmpty() ? QStringLiteral("http") : protocol.trimmed();
    const QString withScheme =
        trimmed.contains(QLatin1String("://")) ? trimmed : scheme + QStringLiteral("://") + trimmed;
    QUrl url(withScheme, QUrl::StrictMode);
    const bool schemeOk =
        url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (trimmed.isEmpty() || !url.isValid() || !schemeOk || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        if (error) {
            *error = tr("The OpenSandbox domain “%1” is not a host, host:port or http(s) URL.")
                         .arg(trimmed);
        }
        return {};
    }
    // The SDKs put the API under /v1 of the domain; a URL with a path of its own keeps it.
    if (url.path().isEmpty() || url.path() == QLatin1String("/"))
        url.setPath(QStringLiteral("/v1"));
    return url;
}

void OpenSandboxClient::setRetryPolicy(int maxAttempts, int baseDelayMs, int maxDelayMs)
{
    m_maxAttempts = std::max(1, maxAttempts);
    m_baseDelayMs = std::max(1, baseDelayMs);
    m_maxDelayMs = std::max(m_baseDelayMs, maxDelayMs);
}

void OpenSandboxClient::setTimeout(int ms)
{
    m_timeoutMs = ms;
    if (m_http)
        m_http->setRequestTimeoutMs(ms);
}

HttpRequest OpenSandboxClient::request(const QByteArray& method, const QByteArray& path,
                                       const QJsonValue& body) const
{
    HttpRequest request;
    request.method = method;
    request.target = m_pathPrefix + path;
    request.headers.append(qMakePair(QByteArray("Host"), m_endpoint.hostHeader()));
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    request.headers.append(qMakePair(QByteArray("OPEN-SANDBOX-API-KEY"), m_config.apiKey.toUtf8()));
    if (!body.isNull()) {
        request.body = body.isArray()
                           ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    return request;
}

ResultJob<QJsonObject>* OpenSandboxClient::call(const QByteArray& method, const QByteArray& path,
                                                const QJsonValue& body, QObject* parent)
{
    auto* job = new ResultJob<QJsonObject>(parent ? parent : this);
    Error early;
    if (!m_base.isValid()) {
        QString message;
        baseUrl(m_config.domain, m_config.protocol, &message);
        early = Error::make(Error::Invalid, message);
    } else if (m_config.apiKey.isEmpty()) {
        early = Error::make(Error::Auth, tr("No OpenSandbox API key is configured."));
    }
    if (early.isError()) {
        QTimer::singleShot(0, job, [job, early] { job->finishWithError(early); });
        return job;
    }
    auto* call = new OpenSandboxCall(this, job, method, path, body);
    // Started from the event loop so that callers can connect to the job first.
    QTimer::singleShot(0, call, &OpenSandboxCall::start);
    return job;
}

QString OpenSandboxClient::scrubbed(QString text, const QString& secret)
{
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("***"));
    return text;
}

Error OpenSandboxClient::errorFor(int status, const QByteArray& body, const QByteArray& requestId,
                                  const QString& secret)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString code = object.value(QLatin1String("code")).toString();
    QString message = object.value(QLatin1String("message")).toString();
    // FastAPI's own refusals (validation) carry "detail" instead.
    if (message.isEmpty() && object.value(QLatin1String("detail")).isString())
        message = object.value(QLatin1String("detail")).toString();
    if (message.isEmpty() && !object.contains(QLatin1String("detail")))
        message = QString::fromUtf8(body.left(300)).trimmed();
    message = scrubbed(message, secret);
    code = scrubbed(code, secret);
    if (code.isEmpty())
        code = QString::number(status);
    QString detail = message;
    if (!requestId.isEmpty())
        detail += QStringLiteral(" [Request ID: %1]")
                      .arg(scrubbed(QString::fromLatin1(requestId), secret));

    const auto make = [&](Error::Kind kind, const QString& text) {
        return Error::make(kind, text, code, detail.trimmed());
    };
    if (status == 401)
        return make(Error::Auth, tr("The OpenSandbox server refused the API key."));
    if (status == 403)
        return make(Error::Auth, tr("This API key is not allowed to do this on the OpenSandbox "
                                    "server."));
    if (status == 404)
        return make(Error::NotFound, tr("No such sandbox on the OpenSandbox server."));
    if (status == 409)
        return make(Error::Conflict,
                    tr("The sandbox is not in a state that allows this operation."));
    if (status >= 500)
        return make(Error::Server, tr("The OpenSandbox server failed to process the request."));
    return make(Error::Invalid, tr("The OpenSandbox server refused the request as invalid."));
}

Error OpenSandboxClient::transportError(const Error& error, const QString& peer)
{
    // HttpClient words its errors for a container engine; these are the server's.
    const QString original = error.detail.isEmpty() ? error.message : error.detail;
    switch (error.kind) {
    case Error::Connection:
        return Error::make(Error::Connection,
                           tr("Cannot reach the OpenSandbox server at %1.").arg(peer), {},
                           original);
    case Error::Timeout:
        return Error::make(Error::Timeout,
                           tr("The OpenSandbox server at %1 did not answer in time.").arg(peer), {},
                           error.message);
    case Error::Protocol:
        return Error::make(Error::Protocol,
                           tr("The OpenSandbox server at %1 sent a malformed answer.").arg(peer),
                           error.code, error.message);
    default:
        return error;
    }
}
