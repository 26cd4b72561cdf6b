#include "EciClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// The largest answer read; a page of container groups is far smaller.
constexpr qint64 MaxAnswerBytes = 16 * 1024 * 1024;
// The longest wait the service may ask for before a call is sent again.
constexpr int MaxRetryAfterMs = 5 * 60 * 1000;

} // namespace

namespace {

bool isNeverRetried(const QString& code)
{
    return code == QLatin1String("SignatureDoesNotMatch") ||
           code.startsWith(QLatin1String("InvalidAccessKeyId")) ||
           code.startsWith(QLatin1String("Forbidden")) ||
           code == QLatin1String("MissingParameter") ||
           code.startsWith(QLatin1String("InvalidParameter")) ||
           code == QLatin1String("IncorrectStatus") ||
           code.startsWith(QLatin1String("InvalidTimeStamp")) ||
           code.startsWith(QLatin1String("SignatureNonceUsed"));
}

bool isThrottling(const QString& code)
{
    return code == QLatin1String("Throttling") || code == QLatin1String("Throttling.User") ||
           code == QLatin1String("Throttling.Api");
}

bool isRetried(const QString& code, int status)
{
    if (isNeverRetried(code))
        return false;
    return isThrottling(code) || code == QLatin1String("ServiceUnavailable") ||
           code == QLatin1String("InternalError") || status >= 500;
}

QString scrubbed(QString text, const EciCredentials& credentials)
{
    for (const QString& secret : {credentials.accessKeySecret, credentials.securityToken}) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    }
    return text;
}

} // namespace

EciRateLimiter::EciRateLimiter() = default;

void EciRateLimiter::setLimit(const QString& action, int count, qint64 windowMs)
{
    Window& window = m_windows[action];
    window.count = count;
    window.windowMs = windowMs;
}

qint64 EciRateLimiter::reserve(const QString& action, qint64 nowMs)
{
    auto it = m_windows.find(action);
    if (it == m_windows.end()) {
        Window window;
        window.count = documentedQuota(action);
        it = m_windows.insert(action, window);
    }
    Window& window = it.value();
    if (window.count <= 0)
        return 0;
    while (!window.slots.empty() && window.slots.front() <= nowMs - window.windowMs)
        window.slots.pop_front();
    qint64 slot = nowMs;
    if (qsizetype(window.slots.size()) >= window.count)
        slot = std::max(nowMs, window.slots.at(window.slots.size() - std::size_t(window.count)) +
                                   window.windowMs);
    // Slots are handed out in order, so the log stays sorted.
    if (!window.slots.empty())
        slot = std::max(slot, window.slots.back());
    window.slots.push_back(slot);
    return slot - nowMs;
}

int EciRateLimiter::documentedQuota(const QString& action)
{
    static const QHash<QString, int> quotas{
        {QStringLiteral("DescribeContainerGroups"), 2000},
        {QStringLiteral("DescribeContainerGroupMetric"), 2000},
        {QStringLiteral("CreateContainerGroup"), 1000},
        {QStringLiteral("DeleteContainerGroup"), 1000},
        {QStringLiteral("ExecContainerCommand"), 500},
        {QStringLiteral("DescribeContainerLog"), 500},
        {QStringLiteral("RestartContainerGroup"), 500},
        {QStringLiteral("UpdateContainerGroup"), 500},
    };
    return quotas.value(action, 0);
}

// One call: its attempts, timers and the reply in flight. A child of the job.
class EciCall final : public QObject
{
public:
    EciCall(EciClient* client, Job* job, const QString& action, const EciParams& params)
        : QObject(job)
        , m_client(client)
        , m_job(job)
        , m_action(action)
        , m_params(params)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &EciCall::onTimer);
        connect(job, &Job::cancelRequested, this, &EciCall::stop);
    }

    void start() { schedule(0); }

private:
    void schedule(qint64 delayMs)
    {
        const qint64 wait =
            m_client->m_limiter.reserve(m_action, m_client->monotonicMs() + delayMs);
        if (wait > 0) {
            Q_EMIT m_client->throttled(m_action, int(wait + delayMs),
                                       EciClient::throttledText(int(wait + delayMs)));
        }
        m_sending = false;
        m_timer.start(int(std::min<qint64>(delayMs + wait, std::numeric_limits<int>::max())));
    }

    void onTimer()
    {
        if (m_sending) {
            // The attempt's time is up.
            m_timedOut = true;
            if (m_reply)
                m_reply->abort();
            return;
        }
        send();
    }

    void send()
    {
        ++m_attempt;
        const QUrl endpoint = m_client->m_endpoint;
        const int defaultPort = endpoint.scheme() == QLatin1String("http") ? 80 : 443;
        QByteArray host = endpoint.host(QUrl::FullyEncoded).toUtf8();
        if (endpoint.host().contains(QLatin1Char(':')))
            host = '[' + host + ']';
        if (endpoint.port() != -1 && endpoint.port() != defaultPort)
            host += ':' + QByteArray::number(endpoint.port());

        EciSigner::Request request;
        request.host = host;
        request.action = m_action;
        request.version = m_client->m_apiVersion;
        request.query = m_params;
        // Signed in V3: Qt would add an unsigned content type to a POST otherwise.
        request.contentType = "application/x-www-form-urlencoded";
        request.time = m_client->m_clock ? m_client->m_clock() : QDateTime::currentDateTimeUtc();
        request.nonce = m_client->m_nonce ? m_client->m_nonce()
                                          : QUuid::createUuid().toString(QUuid::WithoutBraces);
        const EciSigner::Signed signedRequest =
            EciSigner::sign(m_client->m_signatureVersion, request, m_client->m_credentials);

        QUrl url = endpoint;
        url.setPath(QStringLiteral("/"));
        url.setQuery(QString::fromLatin1(EciSigner::canonicalQuery(signedRequest.query)),
                     QUrl::StrictMode);
        QNetworkRequest networkRequest(url);
        networkRequest.setRawHeader("Host", host);
        networkRequest.setRawHeader("Accept", "application/json");
        networkRequest.setRawHeader("Content-Type", request.contentType);
        networkRequest.setRawHeader("User-Agent", "SandboxDesk");
        for (const auto& header : signedRequest.headers) {
            if (header.first != "host")
                networkRequest.setRawHeader(header.first, header.second);
        }
        m_timedOut = false;
        m_sending = true;
        // A redirect would carry the signature and the security token to wherever it points.
        networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                    QNetworkRequest::ManualRedirectPolicy);
        m_tooLarge = false;
        m_reply = m_client->m_network->post(networkRequest, QByteArray());
        m_reply->setParent(this);
        connect(m_reply, &QNetworkReply::downloadProgress, this,
                [this](qint64 received, qint64 total) {
                    if ((received > MaxAnswerBytes || total > MaxAnswerBytes) && m_reply &&
                        !m_tooLarge) {
                        m_tooLarge = true;
                        m_reply->abort();
                    }
                });
        connect(m_reply, &QNetworkReply::finished, this, &EciCall::onFinished);
        m_timer.start(m_client->m_timeoutMs);
    }

    void onFinished()
    {
        QNetworkReply* reply = m_reply;
        if (!reply)
            return;
        m_reply = nullptr;
        m_sending = false;
        m_timer.stop();
        reply->deleteLater();
        if (m_job->isFinished())
            return;

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const EciCredentials& credentials = m_client->m_credentials;
        if (m_tooLarge) {
            m_job->finishWithError(Error::make(
                Error::Protocol,
                EciClient::tr("The ECI endpoint sent an answer larger than %n MiB; it was refused.",
                              nullptr, int(MaxAnswerBytes / (1024 * 1024)))));
            return;
        }
        if (status >= 300 && status < 400) {
            const QUrl target =
                reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
            m_job->finishWithError(Error::make(
                Error::Protocol,
                EciClient::tr("The ECI endpoint redirected the call to %1; it was not followed, "
                              "as the call carries its signature and security token.")
                    .arg(target.host().isEmpty() ? target.toDisplayString() : target.host()),
                QString::number(status)));
            return;
        }
        const QByteArray body = reply->read(MaxAnswerBytes);

        if (m_timedOut) {
            const int seconds = std::max(1, m_client->m_timeoutMs / 1000);
            retryOrFail(Error::make(Error::Timeout,
                                    EciClient::tr("The ECI endpoint did not answer within %n "
                                                  "second(s).",
                                                  nullptr, seconds)),
                        -1);
            return;
        }
        if (status == 0) {
            retryOrFail(Error::make(Error::Connection,
                                    EciClient::tr("Could not reach the ECI endpoint %1.")
                                        .arg(m_client->m_endpoint.host()),
                                    {}, scrubbed(reply->errorString(), credentials)),
                        -1);
            return;
        }

        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        const QJsonObject object = document.object();
        if (status >= 200 && status < 300) {
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                m_job->finishWithError(
                    Error::make(Error::Protocol,
                                EciClient::tr("The ECI endpoint sent a response that is not "
                                              "valid JSON."),
                                QString::number(status)));
                return;
            }
            m_job->finishWithResult(object.toVariantMap());
            return;
        }

        const QString code = object.value(QLatin1String("Code")).toString();
        const QString message =
            scrubbed(object.value(QLatin1String("Message")).toString(), credentials);
        const QString requestId = object.value(QLatin1String("RequestId")).toString();
        QString detail = message;
        if (!requestId.isEmpty())
            detail += QStringLiteral(" [RequestId: %1]").arg(requestId);
        Error error = errorFor(status, code.isEmpty() ? QString::number(status) : code, detail);
        if (isRetried(code, status)) {
            bool ok = false;
            const qint64 retryAfter = reply->rawHeader("x-acs-retry-after").toLongLong(&ok);
            if (ok && retryAfter > MaxRetryAfterMs) {
                // Told, and waited for only as long as a user would.
                error.detail += QLatin1Char(' ') +
                                EciClient::tr("Alibaba Cloud asked to wait %1 s before trying "
                                              "again; SandboxDesk waits %2 s at most.")
                                    .arg(retryAfter / 1000)
                                    .arg(MaxRetryAfterMs / 1000);
            }
            retryOrFail(error,
                        ok && retryAfter >= 0 ? int(std::min<qint64>(retryAfter, MaxRetryAfterMs))
                                              : -1,
                        isThrottling(code));
            return;
        }
        m_job->finishWithError(error);
    }

    static Error errorFor(int status, const QString& code, const QString& detail)
    {
        const auto make = [&](Error::Kind kind, const QString& message) {
            return Error::make(kind, message, code, detail);
        };
        if (code == QLatin1String("InvalidTimeStamp.Expired")) {
            return make(Error::Auth,
                        EciClient::tr("Alibaba Cloud refused the request because this "
                                      "computer's clock is off by more than 15 minutes. Correct "
                                      "the system time and try again."));
        }
        if (code == QLatin1String("SignatureDoesNotMatch")) {
            return make(Error::Auth, EciClient::tr("Alibaba Cloud refused the request signature: "
                                                   "check the AccessKey secret."));
        }
        if (code.startsWith(QLatin1String("InvalidAccessKeyId"))) {
            return make(Error::Auth,
                        EciClient::tr("Alibaba Cloud does not know this AccessKey ID, or it is "
                                      "disabled."));
        }
        if (code.startsWith(QLatin1String("InvalidSecurityToken"))) {
            return make(Error::Auth,
                        EciClient::tr("The security token is invalid or has expired."));
        }
        if (code.startsWith(QLatin1String("Forbidden")) || status == 403) {
            return make(Error::Auth,
                        EciClient::tr("This AccessKey is not allowed to do this operation."));
        }
        if (code == QLatin1String("IncorrectStatus")) {
            return make(Error::Conflict,
                        EciClient::tr("The container group is not in a state that allows this "
                                      "operation."));
        }
        if (code.contains(QLatin1String("NotFound")) || status == 404)
            return make(Error::NotFound, EciClient::tr("No such container group or resource."));
        if (isThrottling(code)) {
            return make(Error::Server,
                        EciClient::tr("Alibaba Cloud is throttling requests; try again later."));
        }
        if (status >= 500) {
            return make(Error::Server,
                        EciClient::tr("Alibaba Cloud failed to process the request."));
        }
        if (code == QLatin1String("MissingParameter") ||
            code.startsWith(QLatin1String("InvalidParameter"))) {
            return make(Error::Invalid,
                        EciClient::tr("Alibaba Cloud refused the request as invalid."));
        }
        return make(Error::Invalid, EciClient::tr("Alibaba Cloud refused the request."));
    }

    void retryOrFail(const Error& error, int retryAfterMs, bool throttling = false)
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
            // Jitter: anywhere in the upper half, so that clients do not retry in step.
            delay = capped / 2 + int(QRandomGenerator::global()->bounded(capped / 2 + 1));
        }
        Q_EMIT m_client->retryScheduled(m_action, m_attempt, delay, error);
        if (throttling)
            Q_EMIT m_client->throttled(m_action, delay, EciClient::throttledText(delay));
        schedule(delay);
    }

    void stop()
    {
        m_timer.stop();
        if (m_reply) {
            QNetworkReply* reply = m_reply;
            m_reply = nullptr;
            // abort() emits finished() at once; the call is over, so nobody listens.
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }

    EciClient* m_client;
    Job* m_job;
    QString m_action;
    EciParams m_params;
    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
    int m_attempt = 0;
    bool m_sending = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
};

EciClient::EciClient(QNetworkAccessManager* network, const QString& endpoint,
                     const EciCredentials& credentials, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_endpointText(endpoint)
    , m_endpoint(parseEndpoint(endpoint))
    , m_credentials(credentials)
{
    bool ok = false;
    const int timeoutMs = qEnvironmentVariableIntValue("ECI_SANDBOX_TIMEOUT_MS", &ok);
    if (ok && timeoutMs > 0)
        m_timeoutMs = timeoutMs;
    m_monotonic.start();
}

QUrl EciClient::parseEndpoint(const QString& endpoint, QString* error)
{
    const QString trimmed = endpoint.trimmed();
    const QString withScheme =
        trimmed.contains(QLatin1String("://")) ? trimmed : QStringLiteral("https://") + trimmed;
    QUrl url(withScheme, QUrl::StrictMode);
    const bool schemeOk =
        url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    const QString path = url.path();
    if (trimmed.isEmpty() || !url.isValid() || !schemeOk || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() ||
        !(path.isEmpty() || path == QLatin1String("/"))) {
        if (error) {
            *error =
                tr("The ECI endpoint \"%1\" is not a host, host:port or http(s) URL.").arg(trimmed);
        }
        return {};
    }
    url.setPath(QStringLiteral("/"));
    return url;
}

void EciClient::setRetryPolicy(int maxAttempts, int baseDelayMs, int maxDelayMs)
{
    m_maxAttempts = std::max(1, maxAttempts);
    m_baseDelayMs = std::max(1, baseDelayMs);
    m_maxDelayMs = std::max(m_baseDelayMs, maxDelayMs);
}

Job* EciClient::call(const QString& action, const EciParams& params, QObject* parent)
{
    auto* job = new Job(parent ? parent : this);
    Error early;
    if (!m_endpoint.isValid()) {
        QString message;
        parseEndpoint(m_endpointText, &message);
        early = Error::make(Error::Invalid, message);
    } else if (!m_credentials.isValid()) {
        early = Error::make(Error::Auth, tr("No Alibaba Cloud AccessKey is configured."));
    }
    if (early.isError()) {
        QTimer::singleShot(0, job, [job, early] { job->finishWithError(early); });
        return job;
    }
    EciParams withToken = params;
    // A client token makes a retried create idempotent: the service returns the first group.
    if (action.startsWith(QLatin1String("Create"))) {
        const bool hasToken = std::any_of(params.begin(), params.end(), [](const auto& param) {
            return param.first == QLatin1String("ClientToken");
        });
        if (!hasToken) {
            withToken.append({QStringLiteral("ClientToken"),
                              QUuid::createUuid().toString(QUuid::WithoutBraces)});
        }
    }
    auto* call = new EciCall(this, job, action, withToken);
    // Started from the event loop so that callers can connect to the job first.
    QTimer::singleShot(0, call, &EciCall::start);
    return job;
}

QString EciClient::throttledText(int delayMs)
{
    const int seconds = std::max(1, (delayMs + 999) / 1000);
    return tr("Alibaba Cloud is throttling requests; retrying in %n s.", nullptr, seconds);
}
