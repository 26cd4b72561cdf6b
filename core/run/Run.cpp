#include "Run.h"

#include "RunScript.h"
#include "sandbox/Backend.h"

#include <climits>

namespace {

// The longest stderr text held back while the pid line has not come: that line is short and
// written at once, so anything longer is the command's own.
constexpr qsizetype maxHeldStderr = 256;
// How long an exec may take to end once its process was sent KILL.
constexpr int backstopMs = 15000;

} // namespace

Run::Run(Backend* backend, const QString& sandboxId, const RunRequest& request, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_request(request)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_result.timedOut = true;
        stop();
    });
    m_backstop.setSingleShot(true);
    connect(&m_backstop, &QTimer::timeout, this, [this] {
        if (m_session)
            m_session->close();
        onEnded(-1, Error::make(Error::Timeout,
                                tr("The process did not end after it was stopped; SandboxDesk "
                                   "no longer follows it.")));
    });
}

Run::~Run() = default;

void Run::start()
{
    if (m_session || m_finished)
        return;
    m_clock.start();
    if (m_request.command.isEmpty() && !m_request.isScript()) {
        QTimer::singleShot(0, this, [this] {
            onEnded(-1, Error::make(Error::Invalid, tr("There is no command to run.")));
        });
        return;
    }
    ExecOptions options;
    options.command = RunScript::command(m_request);
    options.tty = false;
    options.attachStdin = true;
    options.user = m_request.user;
    options.container = m_request.container;
    m_session = m_backend ? m_backend->openExec(m_sandboxId, options) : nullptr;
    if (!m_session) {
        QTimer::singleShot(0, this, [this] {
            onEnded(-1, Error::make(Error::Invalid, tr("This sandbox cannot run commands.")));
        });
        return;
    }
    m_session->setParent(this);
    connect(m_session, &ExecSession::started, this, &Run::started);
    connect(m_session, &ExecSession::received, this, &Run::onReceived);
    connect(m_session, &ExecSession::finished, this,
            [this](int exitCode) { onEnded(exitCode, {}); });
    connect(m_session, &ExecSession::failed, this,
            [this](const Error& error) { onEnded(-1, error); });
    m_session->start();
    m_session->write(RunScript::input(m_request));
    m_session->closeStdin();
    if (m_request.timeoutMs > 0) {
        m_timeout.setInterval(int(std::min<qint64>(m_request.timeoutMs, INT_MAX)));
        m_timeout.start();
    }
}

void Run::cancel()
{
    if (m_finished || m_stopWanted)
        return;
    m_result.cancelled = true;
    stop();
}

void Run::onReceived(ExecSession::Stream stream, const QByteArray& bytes)
{
    if (m_finished)
        return;
    if (stream == ExecSession::Stream::Stdout || m_pid > 0) {
        Q_EMIT received(stream, bytes);
        return;
    }
    // Before the pid line: whole lines, that one taken out.
    m_stderrLine.append(bytes);
    QByteArray shown;
    qsizetype end;
    while (m_pid < 0 && (end = m_stderrLine.indexOf('\n')) >= 0) {
        const QByteArray line = m_stderrLine.left(end);
        m_stderrLine.remove(0, end + 1);
        const qint64 pid = RunScript::parsePidLine(line);
        if (pid > 0) {
            m_pid = pid;
            if (m_stopWanted)
                sendKill();
        } else {
            shown += line + '\n';
        }
    }
    if (m_pid > 0 || m_stderrLine.size() > maxHeldStderr)
        shown += std::exchange(m_stderrLine, {});
    if (!shown.isEmpty())
        Q_EMIT received(ExecSession::Stream::Stderr, shown);
}

void Run::onEnded(int exitCode, const Error& error)
{
    if (m_finished)
        return;
    if (!m_stderrLine.isEmpty())
        Q_EMIT received(ExecSession::Stream::Stderr, std::exchange(m_stderrLine, {}));
    m_result.exitCode = error.isError() ? -1 : exitCode;
    m_result.error = error;
    finish();
}

void Run::stop()
{
    if (m_finished || m_stopWanted)
        return;
    m_stopWanted = true;
    m_timeout.stop();
    if (m_pid > 0)
        sendKill();
    m_backstop.start(m_graceMs + backstopMs);
}

void Run::sendKill()
{
    if (m_killSent || !m_backend)
        return;
    m_killSent = true;
    ExecOptions options;
    options.command = RunScript::kill(m_pid, std::max(1, m_graceMs / 100));
    options.tty = false;
    options.attachStdin = false;
    options.container = m_request.container;
    ExecSession* killer = m_backend->openExec(m_sandboxId, options);
    if (!killer)
        return;
    killer->setParent(this);
    connect(killer, &ExecSession::finished, killer, &QObject::deleteLater);
    connect(killer, &ExecSession::failed, killer, &QObject::deleteLater);
    killer->start();
}

void Run::finish()
{
    m_finished = true;
    m_result.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_timeout.stop();
    m_backstop.stop();
    Q_EMIT finished();
}
