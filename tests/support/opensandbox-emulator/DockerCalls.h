#pragma once

#include "sandbox/ExecSession.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class HttpClient;
struct Endpoint;

// The few Engine API calls the emulator makes, each answered once through a callback.
class DockerCalls final : public QObject
{
public:
    explicit DockerCalls(const Endpoint& endpoint, QObject* parent = nullptr);

    HttpClient* client() const { return m_http; }

    // status 0: the engine could not be reached.
    using Done = std::function<void(int status, const QByteArray& body)>;
    void call(const QByteArray& method, const QByteArray& target, const QByteArray& jsonBody,
              const Done& done);

    struct ExecResult
    {
        bool ok = false; // false: the exec could not run or its stream broke
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QString error;
    };
    // Runs a command without a TTY to its end, feeding it input (then end of input).
    void run(const QString& containerId, const QStringList& command, const QByteArray& input,
             const std::function<void(const ExecResult&)>& done, const QString& user = {});

private:
    HttpClient* m_http;
};
