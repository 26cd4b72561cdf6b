#pragma once

#include "ExecdAddress.h"

#include <QObject>
#include <QPointer>

#include <functional>

class HttpClient;
class HttpReply;
class Job;
class OpenSandboxBackend;

// Requests to one sandbox's execd, for the classes that use its HTTP API (files, background
// commands). execd's address is asked of the server when a request first needs it, and asked
// again by the next request after a failure.
class ExecdClient final : public QObject
{
    Q_OBJECT
public:
    using Answer = std::function<void(HttpReply* reply)>;

    ExecdClient(OpenSandboxBackend* backend, const QString& sandboxId, QObject* parent);

    // Sends a request for job once execd's address is known (a POST always with a JSON body);
    // the job fails with the error of a failed request, or onSuccess goes on with the reply
    // (deleted after it returns). notFound, unless empty, is the message a 404 fails with.
    void send(Job* job, const QByteArray& method, const QByteArray& target, const QByteArray& body,
              const QString& notFound, const Answer& onSuccess);

    // Once a request has succeeded: the connection to execd and its address. Null when the
    // address could not be had, resolveError() says why.
    HttpClient* http() const { return m_http; }
    const ExecdAddress& address() const { return m_address; }
    const Error& resolveError() const { return m_resolveError; }

private:
    void resolved(const QJsonObject& answer, const Error& error);

    QPointer<OpenSandboxBackend> m_backend;
    QString m_sandboxId;
    ExecdAddress m_address;
    HttpClient* m_http = nullptr;
    bool m_resolving = false;
    Error m_resolveError;
    QList<std::function<void()>> m_waiting;
};
