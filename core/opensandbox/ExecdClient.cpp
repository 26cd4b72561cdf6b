#include "ExecdClient.h"

#include "OpenSandboxBackend.h"
#include "OpenSandboxClient.h"
#include "net/HttpClient.h"
#include "sandbox/Job.h"

#include <QTimer>

ExecdClient::ExecdClient(OpenSandboxBackend* backend, const QString& sandboxId, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
{}

void ExecdClient::resolved(const QJsonObject& answer, const Error& error)
{
    m_resolving = false;
    m_resolveError = error;
    if (!error.isError() && m_backend &&
        ExecdAddress::fromAnswer(answer, m_backend->config(), &m_address, &m_resolveError))
        m_http = new HttpClient(m_address.endpoint, this);
    const QList<std::function<void()>> waiting = std::exchange(m_waiting, {});
    for (const auto& next : waiting)
        next();
}

void ExecdClient::send(Job* job, const QByteArray& method, const QByteArray& target,
                       const QByteArray& body, const QString& notFound, const Answer& onSuccess)
{
    if (!m_http) {
        if (!m_backend) {
            QTimer::singleShot(0, job, [job] {
                job->finishWithError(
                    Error::make(Error::Connection, tr("The OpenSandbox connection is gone.")));
            });
            return;
        }
        // Asked again after a failure: the sandbox may have started since.
        m_waiting.append(
            [this, job = QPointer<Job>(job), method, target, body, notFound, onSuccess] {
                if (!job)
                    return;
                if (!m_http) {
                    job->finishWithError(m_resolveError);
                    return;
                }
                send(job, method, target, body, notFound, onSuccess);
            });
        if (!m_resolving) {
            m_resolving = true;
            m_backend->resolveExecd(
                m_sandboxId, this,
                [this](const QJsonObject& answer, const Error& error) { resolved(answer, error); });
        }
        return;
    }
    HttpRequest request;
    request.method = method;
    request.target = m_address.pathPrefix + target;
    request.headers = m_address.headers;
    if (!body.isEmpty()) {
        request.body = body;
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    } else if (method == "POST") {
        request.body = "{}";
    }
    HttpReply* reply = m_http->send(request);
    connect(job, &Job::cancelRequested, reply, &HttpReply::abort);
    connect(reply, &HttpReply::finished, job, [this, reply, job, notFound, onSuccess] {
        reply->deleteLater();
        if (reply->error().isError()) {
            job->finishWithError(
                OpenSandboxClient::transportError(reply->error(), m_address.endpoint.url));
            return;
        }
        if (reply->status() >= 300) {
            Error error = OpenSandboxClient::errorFor(
                reply->status(), reply->body(), reply->header("x-request-id"),
                m_backend ? m_backend->config().apiKey : QString());
            if (error.kind == Error::NotFound && !notFound.isEmpty())
                error.message = notFound;
            else if (reply->status() == 502)
                error.message = tr("The sandbox's execd does not answer; is the sandbox running?");
            job->finishWithError(error);
            return;
        }
        onSuccess(reply);
    });
}
