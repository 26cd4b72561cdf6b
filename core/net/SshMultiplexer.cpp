#include "SshMultiplexer.h"

#include "ConnectionReaper.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <utility>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace {

// After a crash nobody ends the logins; ssh ends one by itself once it has been idle this long.
constexpr int ControlPersistSeconds = 600;
// A login whose peer vanished is noticed within about 45 s.
constexpr int ServerAliveSeconds = 15;
constexpr int IdleSweepMs = 5000;
// ssh adds a suffix of 17 characters to the control socket's name while it binds it, and a
// unix socket's path has 108 bytes at most.
constexpr int MaxFolderLength = 80;

// ssh expands %-tokens in a control path.
QString escapedPath(const QString& path)
{
    QString escaped = path;
    return escaped.replace(QLatin1Char('%'), QLatin1String("%%"));
}

// Whether a process listens on a unix socket; a unix socket's connect does not wait.
bool listening(const QString& path)
{
#ifdef Q_OS_LINUX
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (native.size() >= qsizetype(sizeof address.sun_path))
        return false;
    std::copy(native.begin(), native.end(), address.sun_path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const bool connected =
        ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
#else
    return QFileInfo::exists(path);
#endif
}

#ifdef Q_OS_LINUX
// The ssh processes whose command line makes them the master on this control socket (the
// socket's own peer pid is that of the process before ssh went to the background).
QList<pid_t> mastersOn(const QString& socketPath)
{
    QList<pid_t> pids;
    const QByteArray path = QFile::encodeName(escapedPath(socketPath));
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& entry : entries) {
        bool number = false;
        const int pid = entry.toInt(&number);
        if (!number || pid <= 0)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> words = cmdline.readAll().split('\0');
        const qsizetype at = words.indexOf(QByteArray("-S"));
        if (at >= 0 && words.value(at + 1) == path && words.contains("ControlMaster=yes"))
            pids << pid_t(pid);
    }
    return pids;
}
#endif

QString lastLine(const QByteArray& output)
{
    const QList<QByteArray> lines = output.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QByteArray line = it->trimmed();
        if (!line.isEmpty())
            return QString::fromLocal8Bit(line);
    }
    return {};
}

} // namespace

SshSession::SshSession(SshMultiplexer* multiplexer, QObject* parent)
    : QProcess(parent)
    , m_multiplexer(multiplexer)
{}

SshSession::~SshSession()
{
    release();
}

void SshSession::release()
{
    const int id = std::exchange(m_master, -1);
    if (id < 0 || !m_multiplexer)
        return;
    // 255 is ssh's own failure (no master, a session refused), unless the session was told to
    // end: then ssh exits with 255 too.
    const bool sshFailed = state() == QProcess::NotRunning &&
                           exitStatus() == QProcess::NormalExit && exitCode() == 255 &&
                           !ConnectionReaper::endedByReaper(this);
    // Queued: the reaper may delete a session on another thread, or in the middle of a pump.
    QMetaObject::invokeMethod(
        m_multiplexer.data(),
        [multiplexer = m_multiplexer.data(), id, sshFailed] {
            multiplexer->released(id, sshFailed);
        },
        Qt::QueuedConnection);
}

SshMultiplexer::SshMultiplexer(const Endpoint& endpoint, QObject* parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_idleSweep(new QTimer(this))
{
    m_idleSweep->setInterval(IdleSweepMs);
    connect(m_idleSweep, &QTimer::timeout, this, &SshMultiplexer::sweepIdle);

    QString base = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (base.isEmpty() || !QFileInfo(base).isDir() || base.size() > MaxFolderLength)
        base = QDir::tempPath();
    if (base.size() > MaxFolderLength)
        base = QStringLiteral("/tmp");
    // QTemporaryDir makes the folder for the owner alone (mkdtemp).
    m_folder = std::make_unique<QTemporaryDir>(base + QStringLiteral("/sandboxdesk-ssh-XXXXXX"));
    if (m_folder->isValid())
        QFile::setPermissions(m_folder->path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

SshMultiplexer::~SshMultiplexer()
{
    for (Login& login : m_logins)
        endLogin(&login);
    m_logins.clear();
}

QString SshMultiplexer::controlFolder() const
{
    return m_folder->isValid() ? m_folder->path() : QString();
}

int SshMultiplexer::loginsOpen() const
{
    return int(std::count_if(m_logins.begin(), m_logins.end(),
                             [](const Login& login) { return login.state == State::Ready; }));
}

int SshMultiplexer::sessionsRunning() const
{
    int sessions = 0;
    for (const Login& login : m_logins)
        sessions += login.sessions;
    return sessions;
}

int SshMultiplexer::sessionsWaiting() const
{
    return int(
        std::count_if(m_waiting.begin(), m_waiting.end(),
                      [](const QPointer<SshSession>& session) { return !session.isNull(); }));
}

SshSession* SshMultiplexer::open(QObject* parent)
{
    auto* session = new SshSession(this, parent);
    m_waiting.append(session);
    schedulePump();
    return session;
}

SshMultiplexer::Login* SshMultiplexer::login(int id)
{
    for (Login& login : m_logins) {
        if (login.id == id)
            return &login;
    }
    return nullptr;
}

void SshMultiplexer::schedulePump()
{
    if (std::exchange(m_pumpQueued, true))
        return;
    // From the event loop: a caller connects to the session after open() returns.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpQueued = false;
            pump();
        },
        Qt::QueuedConnection);
}

bool SshMultiplexer::alive(const Login& login) const
{
    return listening(login.socketPath);
}

void SshMultiplexer::pump()
{
    // A session handed to the reaper before its turn came is not started.
    m_waiting.removeIf([](const QPointer<SshSession>& session) {
        return !session || !session->parent() ||
               qobject_cast<ConnectionReaper*>(session->parent()) != nullptr;
    });
    while (!m_waiting.isEmpty()) {
        Login* room = nullptr;
        for (Login& login : m_logins) {
            if (login.state == State::Ready && login.sessions < login.capacity) {
                room = &login;
                break;
            }
        }
        if (!room)
            break;
        // ssh ended it (idle past ControlPersist, the peer gone): a session sent there would
        // fail, so it is opened anew.
        if (!alive(*room)) {
            drop(room->id);
            continue;
        }
        while (!m_waiting.isEmpty() && room->sessions < room->capacity)
            startSession(m_waiting.takeFirst(), room);
    }
    if (m_waiting.isEmpty())
        return;
    if (!m_folder->isValid()) {
        refuseWaiting(tr("No private folder for the ssh control sockets could be made in %1.")
                          .arg(QDir::tempPath()));
        return;
    }
    int coming = 0;
    for (const Login& login : std::as_const(m_logins)) {
        if (login.state == State::Starting)
            coming += login.capacity;
    }
    while (coming < m_waiting.size() && m_logins.size() < m_maxLogins) {
        startLogin();
        coming += m_sessionsPerLogin;
    }
}

QStringList SshMultiplexer::sessionArguments(const Login& login) const
{
    QStringList arguments = m_endpoint.sshOptions;
    // ProxyCommand=false: should the master be gone, ssh fails at once instead of logging in
    // by itself (one more handshake, and a session past the bound).
    arguments << QStringLiteral("-o") << QStringLiteral("ControlMaster=no") << QStringLiteral("-S")
              << escapedPath(login.socketPath) << QStringLiteral("-o")
              << QStringLiteral("ProxyCommand=false") << QStringLiteral("-T")
              << QStringLiteral("--") << m_endpoint.sshDestination << m_endpoint.remoteCommand;
    return arguments;
}

void SshMultiplexer::startSession(SshSession* session, Login* login)
{
    if (!session)
        return;
    ++login->sessions;
    login->idleSince = 0;
    session->m_master = login->id;
    session->setProgram(m_endpoint.program);
    session->setArguments(sessionArguments(*login));
    session->start(QIODevice::ReadWrite);
}

void SshMultiplexer::startLogin()
{
    Login login;
    login.id = m_nextId++;
    login.socketPath = m_folder->filePath(QStringLiteral("m%1").arg(login.id));
    login.capacity = m_sessionsPerLogin;
    ++m_loginsStarted;

    QStringList arguments = m_endpoint.sshOptions;
    arguments << QStringLiteral("-o") << QStringLiteral("ControlMaster=yes") << QStringLiteral("-S")
              << escapedPath(login.socketPath) << QStringLiteral("-o")
              << QStringLiteral("ControlPersist=%1").arg(ControlPersistSeconds)
              << QStringLiteral("-o")
              << QStringLiteral("ServerAliveInterval=%1").arg(ServerAliveSeconds)
              << QStringLiteral("-o") << QStringLiteral("ServerAliveCountMax=3");
    if (m_connectTimeoutMs > 0) {
        arguments << QStringLiteral("-o")
                  << QStringLiteral("ConnectTimeout=%1").arg((m_connectTimeoutMs + 999) / 1000);
    }
    // -N: no command; with ControlPersist ssh goes to the background once logged in, and
    // this process exits.
    arguments << QStringLiteral("-N") << QStringLiteral("--") << m_endpoint.sshDestination;

    auto* starter = new QProcess(this);
    login.starter = starter;
    starter->setProgram(m_endpoint.program);
    starter->setArguments(arguments);
    starter->setStandardInputFile(QProcess::nullDevice());
    starter->setStandardOutputFile(QProcess::nullDevice());
    const int id = login.id;
    connect(starter, &QProcess::finished, this, [this, id] { loginStarted(id, true, {}); });
    connect(starter, &QProcess::errorOccurred, this, [this, id, starter](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loginStarted(id, false, starter->errorString());
    });
    if (m_connectTimeoutMs > 0) {
        // ConnectTimeout covers the connection, not a peer that stalls in the handshake.
        QTimer::singleShot(m_connectTimeoutMs + 2000, starter, [this, id] { loginTimedOut(id); });
    }
    m_logins.append(login);
    starter->start(QIODevice::ReadOnly);
}

void SshMultiplexer::loginStarted(int id, bool exited, const QString& error)
{
    Login* login = this->login(id);
    if (!login || !login->starter)
        return;
    QProcess* starter = std::exchange(login->starter, nullptr);
    starter->disconnect(this);
    const bool ok = exited && starter->exitStatus() == QProcess::NormalExit &&
                    starter->exitCode() == 0 && alive(*login);
    QString reason = error;
    if (exited && reason.isEmpty())
        reason = lastLine(starter->readAllStandardError());
    ConnectionReaper::instance()->reap(starter);
    if (ok) {
        login->state = State::Ready;
        pump();
        return;
    }
    drop(id);
    if (reason.isEmpty())
        reason = tr("ssh ended without saying why.");
    const QString message =
        tr("Could not log in to %1 over ssh: %2").arg(m_endpoint.sshDestination, reason);
    Q_EMIT loginFailed(message);
    // Sessions wait for a login that is open or still opening; with none, they cannot.
    if (m_logins.isEmpty())
        refuseWaiting(message);
    else
        pump();
}

void SshMultiplexer::loginTimedOut(int id)
{
    Login* login = this->login(id);
    if (!login || !login->starter)
        return;
    QProcess* starter = std::exchange(login->starter, nullptr);
    starter->disconnect(this);
    ConnectionReaper::instance()->reap(starter);
    drop(id);
    const int seconds = (m_connectTimeoutMs + 2000 + 999) / 1000;
    const QString message =
        tr("Could not log in to %1 over ssh: no answer within %n s.", nullptr, seconds)
            .arg(m_endpoint.sshDestination);
    Q_EMIT loginFailed(message);
    if (m_logins.isEmpty())
        refuseWaiting(message);
}

void SshMultiplexer::drop(int id)
{
    for (qsizetype i = 0; i < m_logins.size(); ++i) {
        if (m_logins.at(i).id == id) {
            endLogin(&m_logins[i]);
            m_logins.removeAt(i);
            break;
        }
    }
}

void SshMultiplexer::released(int id, bool sshFailed)
{
    if (Login* login = this->login(id)) {
        login->sessions = qMax(0, login->sessions - 1);
        if (sshFailed) {
            // The master is gone, or it is there and the server refused one more session:
            // then it carries no more than it does now.
            if (!alive(*login))
                drop(id);
            else
                login->capacity = qMax(1, login->sessions);
        } else if (login->sessions == 0) {
            login->idleSince = QDateTime::currentMSecsSinceEpoch();
            if (!m_idleSweep->isActive())
                m_idleSweep->start();
        }
    }
    pump();
}

void SshMultiplexer::sweepIdle()
{
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - m_idleLoginMs;
    bool idle = false;
    for (qsizetype i = m_logins.size() - 1; i >= 0; --i) {
        Login& login = m_logins[i];
        if (login.state != State::Ready || login.sessions > 0 || login.idleSince == 0)
            continue;
        if (login.idleSince <= cutoff && m_waiting.isEmpty()) {
            endLogin(&login);
            m_logins.removeAt(i);
        } else {
            idle = true;
        }
    }
    if (!idle)
        m_idleSweep->stop();
}

void SshMultiplexer::refuseWaiting(const QString& reason)
{
    const QList<QPointer<SshSession>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<SshSession>& session : waiting) {
        if (session)
            Q_EMIT session->refused(reason);
    }
}

void SshMultiplexer::endLogin(Login* login)
{
    if (login->starter) {
        QProcess* starter = std::exchange(login->starter, nullptr);
        starter->disconnect(this);
        ConnectionReaper::instance()->reap(starter);
    }
#ifdef Q_OS_LINUX
    // The master removes its socket and ends its sessions on SIGTERM.
    const QList<pid_t> masters = mastersOn(login->socketPath);
    for (const pid_t pid : masters)
        ::kill(pid, SIGTERM);
#else
    if (QFileInfo::exists(login->socketPath)) {
        QStringList arguments = m_endpoint.sshOptions;
        arguments << QStringLiteral("-S") << escapedPath(login->socketPath) << QStringLiteral("-O")
                  << QStringLiteral("exit") << QStringLiteral("--") << m_endpoint.sshDestination;
        QProcess::startDetached(m_endpoint.program, arguments);
    }
#endif
}
