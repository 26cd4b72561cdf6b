#pragma once

#include "net/Endpoint.h"
#include "sandbox/Job.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

class HttpClient;
class HttpReply;
struct HttpRequest;

// One OpenSandbox server as a user names it: the domain as the SDKs take it (host:port or a
// URL), the protocol for a bare domain, the API key, and whether execd is reached through
// the server's proxy.
struct OpenSandboxConfig
{
    QString name; // the connection's name; empty: the domain
    QString domain;
    QString protocol = QStringLiteral("http");
    QString apiKey;
    bool useServerProxy = false;
    int pollIntervalMs = 3000;
};

// The lifecycle API (base DOMAIN/v1) over HTTP with the OPEN-SANDBOX-API-KEY header. Every
// call is a job whose value is the answer's JSON object (empty for 202 and 204 without a
// body). A failed call carries the server's code, its message and the request id; the API
// key never appears in an error. GETs that meet a dropped connection or a 502/503/504 are
// sent again with backoff (Retry-After honoured); other calls only on a 503, which the server
// sends before doing anything.
class OpenSandboxClient final : public QObject
{
    Q_OBJECT
public:
    explicit OpenSandboxClient(const OpenSandboxConfig& config, QObject* parent = nullptr);
    ~OpenSandboxClient() override;

    // The lifecycle API's base URL for a domain: http(s)://host[:port]/v1, or the URL's own
    // path when it has one. Invalid, with a message, when the domain is no host or URL.
    static QUrl baseUrl(const QString& domain, const QString& protocol, QString* error = nullptr);
    // The domain of OPEN_SANDBOX_DOMAIN's default, as the SDKs have it.
    static QString defaultDomain() { return QStringLiteral("localhost:8080"); }

    bool isValid() const { return m_base.isValid(); }
    QUrl base() const { return m_base; }
    const OpenSandboxConfig& config() const { return m_config; }
    // Requests sent so far, retries included (benchmarks count them).
    int requestsSent() const { return m_sent; }
    void setRetryPolicy(int maxAttempts, int baseDelayMs, int maxDelayMs);
    void setTimeout(int ms);

    // path: below the base ("/sandboxes"), query included, already encoded. body: sent as
    // JSON when not null.
    ResultJob<QJsonObject>* call(const QByteArray& method, const QByteArray& path,
                                 const QJsonValue& body = QJsonValue(QJsonValue::Null),
                                 QObject* parent = nullptr);

    // An error for a non-2xx answer: kind from the status, the server's code and message (the
    // API key scrubbed out) and the request id.
    static Error errorFor(int status, const QByteArray& body, const QByteArray& requestId,
                          const QString& secret);
    // A transport error (written for an engine) in the server's terms.
    static Error transportError(const Error& error, const QString& peer);
    // text with every occurrence of secret replaced.
    static QString scrubbed(QString text, const QString& secret);

private:
    friend class OpenSandboxCall;
    HttpRequest request(const QByteArray& method, const QByteArray& path,
                        const QJsonValue& body) const;

    OpenSandboxConfig m_config;
    QUrl m_base;
    QByteArray m_pathPrefix; // "/v1"
    Endpoint m_endpoint;
    HttpClient* m_http = nullptr;
    int m_maxAttempts = 4;
    int m_baseDelayMs = 500;
    int m_maxDelayMs = 8000;
    int m_timeoutMs = 30000;
    int m_sent = 0;
};
