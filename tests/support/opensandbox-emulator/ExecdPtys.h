#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class DockerCalls;
class ExecSession;
class HttpExchange;
class WebSocketPeer;

// execd's interactive sessions (components/execd/PTY.md; in execd's code, not its spec):
// POST /pty makes a session, GET /pty/{id}/ws runs its shell on the first WebSocket, in a real
// terminal (a Docker exec with a TTY) or with plain pipes (?pty=0). Binary frames carry a
// channel byte (0x00 stdin in, 0x01 stdout and 0x02 stderr out); JSON text frames carry
// resize, signal and ping in, connected, exit, error and pong out. One WebSocket at a time.
// Input is taken off the WebSocket only as fast as the shell reads it.
class ExecdPtys final : public QObject
{
public:
    ExecdPtys(DockerCalls* docker, QObject* parent = nullptr);

    static bool handles(const QByteArray& path);
    void handle(HttpExchange* exchange, const QString& container, const QByteArray& path);
    // Ends the sessions of a removed container.
    void forget(const QString& container);

    // False: answered as an execd that predates them (404 on every /pty route).
    bool enabled = true;

private:
    struct Session
    {
        QString id;
        QString container;
        QString cwd;
        QString command;
        QPointer<ExecSession> process;
        QPointer<WebSocketPeer> peer;
        bool pty = true;
        bool started = false;
        bool running = false;
        int exitCode = -1;
        qint64 outputOffset = 0;
    };
    using SessionPtr = std::shared_ptr<Session>;

    static QByteArray connectedFrame(const Session& session);
    void create(HttpExchange* exchange, const QString& container);
    void status(HttpExchange* exchange, const SessionPtr& session);
    void remove(HttpExchange* exchange, const SessionPtr& session);
    void attach(HttpExchange* exchange, const SessionPtr& session);
    void startProcess(const SessionPtr& session);
    void onText(const SessionPtr& session, const QByteArray& utf8);
    void onStdin(const SessionPtr& session, const QByteArray& bytes);
    void announce(const SessionPtr& session, int attempt);
    void sendExit(const SessionPtr& session);
    void resize(const SessionPtr& session, int columns, int rows);
    void signal(const SessionPtr& session, const QString& name);
    void end(const SessionPtr& session);

    DockerCalls* m_docker;
    QHash<QString, SessionPtr> m_sessions;
};
