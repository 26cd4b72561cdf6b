#pragma once

#include "EciSigner.h"
#include "sandbox/Job.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <deque>
#include <functional>

class QNetworkAccessManager;

// Keeps each action within its per-minute quota by delaying calls (a sliding-window log);
// nothing is ever dropped. Times are milliseconds on a monotonic clock given by the caller.
class EciRateLimiter final
{
public:
    EciRateLimiter();

    void setLimit(const QString& action, int count, qint64 windowMs = 60000);
    // Reserves a slot for one call and returns how long to wait before sending it.
    qint64 reserve(const QString& action, qint64 nowMs);

    // The quotas Alibaba documents for ECI (PROTOCOLS.md).
    static int documentedQuota(const QString& action);

private:
    struct Window
    {
        int count = 0;
        qint64 windowMs = 60000;
        std::deque<qint64> slots;
    };
    QHash<QString, Window> m_windows;
};

// Alibaba Cloud RPC calls (POST, parameters in the query string, signed V3 or V1) with
// timeouts, retries with backoff and jitter on transient errors, and the client-side quota.
class EciClient final : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    using NonceSource = std::function<QString()>;

    // endpoint: host, host:port or an http(s) URL, as in ECI_SANDBOX_ENDPOINT.
    EciClient(QNetworkAccessManager* network, const QString& endpoint,
              const EciCredentials& credentials, QObject* parent = nullptr);

    // https://host[:port]/ for a bare host; an invalid URL and a message when unusable.
    static QUrl parseEndpoint(const QString& endpoint, QString* error = nullptr);

    bool isValid() const { return m_endpoint.isValid(); }
    QUrl endpoint() const { return m_endpoint; }
    void setApiVersion(const QString& version) { m_apiVersion = version; }
    void setSignatureVersion(EciSigner::Version version) { m_signatureVersion = version; }
    void setCredentials(const EciCredentials& credentials) { m_credentials = credentials; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setNonceSource(NonceSource nonce) { m_nonce = std::move(nonce); }
    // Per attempt; the default comes from ECI_SANDBOX_TIMEOUT_MS, else 30 s.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }
    void setRetryPolicy(int maxAttempts, int baseDelayMs, int maxDelayMs);
    EciRateLimiter& rateLimiter() { return m_limiter; }

    // The job's result is the response's JSON object (a QVariantMap).
    Job* call(const QString& action, const EciParams& params, QObject* parent = nullptr);

    // A translated sentence for a wait, e.g. for a status bar.
    static QString throttledText(int delayMs);

Q_SIGNALS:
    // The service or the local quota made a call wait; it is sent again after delayMs.
    void throttled(const QString& action, int delayMs, const QString& text);
    void retryScheduled(const QString& action, int attempt, int delayMs, const Error& reason);

private:
    friend class EciCall;
    qint64 monotonicMs() const { return m_monotonic.elapsed(); }

    QNetworkAccessManager* m_network;
    QString m_endpointText;
    QUrl m_endpoint;
    EciCredentials m_credentials;
    QString m_apiVersion = QStringLiteral("2018-08-08");
    EciSigner::Version m_signatureVersion = EciSigner::Version::V3;
    Clock m_clock;
    NonceSource m_nonce;
    int m_timeoutMs = 30000;
    int m_maxAttempts = 5;
    int m_baseDelayMs = 500;
    int m_maxDelayMs = 20000;
    EciRateLimiter m_limiter;
    QElapsedTimer m_monotonic;
};
