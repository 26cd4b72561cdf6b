#include "DockerCalls.h"

#include "docker/DockerExecSession.h"
#include "net/HttpClient.h"

#include <memory>

DockerCalls::DockerCalls(const Endpoint& endpoint, QObject* parent)
    : QObject(parent)
    , m_http(new HttpClient(endpoint, this))
{}

void DockerCalls::call(const QByteArray& method, const QByteArray& target,
                       const QByteArray& jsonBody, const Done& done)
{
    HttpRequest request = HttpRequest::post(target, jsonBody);
    request.method = method;
    HttpReply* reply = m_http->send(request);
    connect(reply, &HttpReply::finished, this, [reply, done] {
        reply->deleteLater();
        done(reply->error().isError() ? 0 : reply->status(), reply->body());
    });
}

void DockerCalls::run(const QString& containerId, const QStringList& command,
                      const QByteArray& input, const std::function<void(const ExecResult&)>& done,
                      const QString& user)
{
    ExecOptions options;
    options.command = command;
    options.tty = false;
    options.attachStdin = true;
    options.user = user;
    auto* session = new DockerExecSession(m_http, containerId, options, this);
    auto result = std::make_shared<ExecResult>();
    connect(session, &ExecSession::received, this,
            [result](ExecSession::Stream stream, const QByteArray& bytes) {
                (stream == ExecSession::Stream::Stdout ? result->out : result->err) += bytes;
            });
    connect(session, &ExecSession::finished, this, [session, result, done](int exitCode) {
        session->deleteLater();
        result->ok = true;
        result->exitCode = exitCode;
        done(*result);
    });
    connect(session, &ExecSession::failed, this, [session, result, done](const Error& error) {
        session->deleteLater();
        result->error = error.message;
        done(*result);
    });
    session->start();
    if (!input.isEmpty())
        session->write(input);
    session->closeStdin();
}
