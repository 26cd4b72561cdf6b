#pragma once

#include "Endpoint.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcess>

#include <memory>

class QTemporaryDir;
class QTimer;
class SshMultiplexer;

// One connection's bytes as a session of a shared ssh login: an `ssh` process started by the
// multiplexer once a login has room for it. Until then it is a process not yet started.
class SshSession final : public QProcess
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshSession)
public:
    ~SshSession() override;

Q_SIGNALS:
    // No login could carry the session; reason is translated. The process never starts.
    void refused(const QString& reason);

private:
    friend class SshMultiplexer;
    explicit SshSession(SshMultiplexer* multiplexer, QObject* parent);
    // Gives the login's place back, once.
    void release();

    QPointer<SshMultiplexer> m_multiplexer;
    int m_master = -1; // the login carrying it, while it holds a place there
};

// The ssh logins of one engine. Each is an OpenSSH control master (ControlMaster with
// ControlPersist, its control socket in a folder only the user can enter) that the sessions
// reach through that socket, so a burst of requests costs one handshake, not one each. A
// login carries a bounded number of sessions (sshd allows 10 by default); a few more logins
// open when those are taken, and past them sessions wait their turn. A login found dead is
// opened again when a session needs it. Nothing here waits on the caller's thread: logins are
// ended by a signal and sessions are handed to the ConnectionReaper.
class SshMultiplexer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshMultiplexer)
public:
    explicit SshMultiplexer(const Endpoint& endpoint, QObject* parent = nullptr);
    // Logins still open are told to end; nothing waits for them.
    ~SshMultiplexer() override;

    static constexpr int DefaultSessionsPerLogin = 8;
    static constexpr int DefaultMaxLogins = 3;

    void setSessionsPerLogin(int count) { m_sessionsPerLogin = qMax(1, count); }
    int sessionsPerLogin() const { return m_sessionsPerLogin; }
    void setMaxLogins(int count) { m_maxLogins = qMax(1, count); }
    int maxLogins() const { return m_maxLogins; }
    // How long a login may take; a negative value: as long as ssh takes.
    void setConnectTimeoutMs(int ms) { m_connectTimeoutMs = ms; }
    // A login without sessions for this long is ended.
    void setIdleLoginMs(int ms) { m_idleLoginMs = ms; }

    // A session for parent, started from the event loop once a login has room.
    SshSession* open(QObject* parent);

    // Logins begun so far (each one handshake), and those open now.
    int loginsStarted() const { return m_loginsStarted; }
    int loginsOpen() const;
    int sessionsRunning() const;
    int sessionsWaiting() const;
    // The folder holding the control sockets.
    QString controlFolder() const;

Q_SIGNALS:
    // A login could not be opened; reason is translated.
    void loginFailed(const QString& reason);

private:
    friend class SshSession;
    enum class State
    {
        Starting,
        Ready
    };
    struct Login
    {
        int id = 0;
        QString socketPath;
        State state = State::Starting;
        int sessions = 0;
        int capacity = 0;
        QProcess* starter = nullptr; // until the login is made
        qint64 idleSince = 0;
    };

    Login* login(int id);
    QStringList sessionArguments(const Login& login) const;
    void schedulePump();
    void pump();
    void startSession(SshSession* session, Login* login);
    void startLogin();
    void loginStarted(int id, bool exited, const QString& error);
    void loginTimedOut(int id);
    // A login's master answers on its socket.
    bool alive(const Login& login) const;
    void drop(int id);
    void released(int id, bool sshFailed);
    void sweepIdle();
    void refuseWaiting(const QString& reason);
    void endLogin(Login* login);

    Endpoint m_endpoint;
    std::unique_ptr<QTemporaryDir> m_folder;
    QList<Login> m_logins;
    QList<QPointer<SshSession>> m_waiting;
    int m_sessionsPerLogin = DefaultSessionsPerLogin;
    int m_maxLogins = DefaultMaxLogins;
    int m_connectTimeoutMs = 10000;
    int m_idleLoginMs = 60000;
    int m_loginsStarted = 0;
    int m_nextId = 1;
    bool m_pumpQueued = false;
    QTimer* m_idleSweep = nullptr;
};
