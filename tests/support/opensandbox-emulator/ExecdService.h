#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class DockerCalls;
class ExecSession;
class ExecdFiles;
class ExecdPtys;
class HttpExchange;
struct Faults;

// execd (specs/execd-api.yaml) for every sandbox, served here rather than by a daemon in the
// container: each call becomes Docker execs in the sandbox's container. Streams are written
// the way execd writes them: one JSON object per event followed by a blank line, with no
// "data:" prefix; the metrics watch writes one JSON object per line.
class ExecdService final : public QObject
{
public:
    ExecdService(DockerCalls* docker, Faults* faults, QObject* parent = nullptr);

    // path: below execd's root ("/command"); container: the sandbox's Docker container.
    void handle(HttpExchange* exchange, const QString& container, const QByteArray& path);
    // Forgets the commands of a removed container.
    void forget(const QString& container);

    // False: /pty is answered as by an execd that predates interactive sessions.
    void setPtysEnabled(bool enabled);

    // Asked for in X-EXECD-ACCESS-TOKEN when not empty.
    QString accessToken;

private:
    struct Command
    {
        QString id;
        QString container;
        QString content;
        bool background = false;
        bool running = true;
        std::optional<int> exitCode;
        QString error;
        QDateTime startedAt;
        QDateTime finishedAt;
        QByteArray output; // background: stdout and stderr as they came
        QPointer<ExecSession> session;
    };

    void ping(HttpExchange* exchange, const QString& container);
    void runCommand(HttpExchange* exchange, const QString& container);
    void interrupt(HttpExchange* exchange);
    void status(HttpExchange* exchange, const QString& id);
    void logs(HttpExchange* exchange, const QString& id);
    void metrics(HttpExchange* exchange, const QString& container);
    void watchMetrics(HttpExchange* exchange, const QString& container);
    void watchNext(HttpExchange* exchange, const QString& container);
    void sampleMetrics(const QString& container,
                       const std::function<void(bool ok, const QByteArray& json)>& done);
    void kill(const std::shared_ptr<Command>& command);

    DockerCalls* m_docker;
    Faults* m_faults;
    ExecdFiles* m_files;
    ExecdPtys* m_ptys;
    QHash<QString, std::shared_ptr<Command>> m_commands;
};
