#include "TerminalSession.h"

#include "sandbox/Backend.h"
#include "sandbox/ExecSession.h"
#include "settings/Preferences.h"
#include "terminal/SessionRecorder.h"
#include "terminal/TerminalEmulator.h"

#include <algorithm>
#include <utility>

TerminalSession::TerminalSession(Backend* backend, const QString& sandboxId,
                                 const QString& sandboxName, const Preferences& preferences,
                                 QObject* parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_sandboxName(sandboxName)
    , m_emulator(new TerminalEmulator(80, 24, this))
    , m_recorder(std::make_unique<SessionRecorder>(80, 24))
    , m_exporter(new SessionExporter(this))
{
    m_emulator->setScrollbackLimit(std::max(0, preferences.scrollbackLines()));
    m_emulator->setClipboardWritesAllowed(preferences.terminalClipboardWrites());

    connect(m_emulator, &TerminalEmulator::outputToProgram, this, &TerminalSession::write);
    connect(m_emulator, &TerminalEmulator::titleChanged, this,
            [this] { Q_EMIT titleChanged(title()); });
    connect(m_exporter, &SessionExporter::progressChanged, this,
            &TerminalSession::exportProgressed);
    connect(m_exporter, &SessionExporter::finished, this, &TerminalSession::exportFinished);

    if (m_backend) {
        // The exec session talks through the backend's connection: it must go first.
        connect(m_backend, &QObject::destroyed, this, [this] {
            dropExec();
            onFailed(Error::make(Error::Connection, tr("The connection was removed.")));
        });
    }
}

TerminalSession::~TerminalSession()
{
    dropExec();
    saveLog();
}

void TerminalSession::saveLog()
{
    const QString folder = m_preferences.sessionLogFolder();
    if (folder.isEmpty() || m_recorder->eventCount() == m_loggedEvents)
        return;
    m_loggedEvents = m_recorder->eventCount();
    SessionLogWriter::save(*m_recorder, folder, m_sandboxName,
                           SessionLogWriter::formatsFromNames(m_preferences.sessionLogFormats()));
}

QString TerminalSession::title() const
{
    const QString programTitle = m_emulator->title();
    if (programTitle.isEmpty())
        return m_sandboxName;
    return tr("%1 — %2").arg(m_sandboxName, programTitle);
}

QString TerminalSession::endText() const
{
    switch (m_state) {
    case State::Ended:
        return tr("The session ended (exit code %1).").arg(m_exitCode);
    case State::Lost:
        return tr("Connection lost: %1").arg(m_error.fullText());
    case State::Connecting:
    case State::Running:
        break;
    }
    return {};
}

void TerminalSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TerminalSession::dropExec()
{
    if (!m_exec)
        return;
    ExecSession* exec = std::exchange(m_exec, nullptr);
    m_input.clear();
    m_inputFed = 0;
    exec->disconnect(this);
    exec->close();
    delete exec;
}

void TerminalSession::connectToSandbox()
{
    dropExec();
    if (!m_backend) {
        onFailed(Error::make(Error::Connection, tr("The connection was removed.")));
        return;
    }
    ExecOptions options;
    options.tty = true;
    options.columns = m_emulator->columns();
    options.rows = m_emulator->rows();
    options.env << QStringLiteral("TERM=xterm-256color");
    options.container = m_container;
    ExecSession* exec = m_backend->openExec(m_sandboxId, options);
    if (!exec) {
        onFailed(Error::make(Error::Invalid, tr("This connection cannot open terminals.")));
        return;
    }
    exec->setParent(this);
    m_exec = exec;
    m_emulator->feed(QByteArrayLiteral("\x1b[?25h")); // the end of the last session hid it
    setState(State::Connecting);
    connect(exec, &ExecSession::started, this, [this] {
        setState(State::Running);
        // Programs read the size at start; send it again in case the view changed meanwhile.
        m_exec->resize(m_emulator->columns(), m_emulator->rows());
    });
    connect(exec, &ExecSession::received, this,
            [this](ExecSession::Stream, const QByteArray& bytes) {
                m_recorder->recordOutput(bytes);
                m_emulator->feed(bytes);
            });
    connect(exec, &ExecSession::inputWritten, this, &TerminalSession::feedInput);
    connect(exec, &ExecSession::finished, this, &TerminalSession::onEnded);
    connect(exec, &ExecSession::failed, this, &TerminalSession::onFailed);
    exec->start();
}

void TerminalSession::write(const QByteArray& bytes)
{
    if (!m_exec || m_state != State::Running || bytes.isEmpty())
        return;
    m_recorder->recordInput(bytes);
    m_input.append(bytes);
    feedInput();
}

void TerminalSession::feedInput()
{
    constexpr qsizetype chunkBytes = 64 * 1024;
    while (m_exec && m_inputFed < m_input.size() &&
           m_exec->pendingInput() < ExecSession::inputBound) {
        const qsizetype size = std::min(chunkBytes, m_input.size() - m_inputFed);
        m_exec->write(m_input.mid(m_inputFed, size));
        m_inputFed += size;
    }
    if (m_inputFed == m_input.size()) {
        m_input.clear();
        m_inputFed = 0;
    } else if (m_inputFed > m_input.size() / 2) {
        m_input.remove(0, m_inputFed);
        m_inputFed = 0;
    }
}

void TerminalSession::setSize(int columns, int rows)
{
    if (columns < 1 || rows < 1)
        return;
    if (columns != m_emulator->columns() || rows != m_emulator->rows())
        m_emulator->resize(columns, rows);
    m_recorder->recordResize(columns, rows);
    if (m_exec)
        m_exec->resize(columns, rows);
}

void TerminalSession::onEnded(int exitCode)
{
    m_exitCode = exitCode;
    m_error = {};
    setState(State::Ended);
    saveLog();
    // The line stays in the history, unlike a view's banner.
    m_emulator->feed(QStringLiteral("\r\n\x1b[0;7m %1 \x1b[0m\r\n\x1b[?25l")
                         .arg(tr("The session ended (exit code %1).").arg(exitCode))
                         .toUtf8());
    Q_EMIT ended();
}

void TerminalSession::onFailed(const Error& error)
{
    m_error = error;
    setState(State::Lost);
    saveLog();
    m_emulator->feed(QStringLiteral("\r\n\x1b[0;7m %1 \x1b[0m\r\n\x1b[?25l")
                         .arg(tr("Connection lost: %1")
                                  .arg(error.message.isEmpty() ? error.fullText() : error.message))
                         .toUtf8());
    Q_EMIT ended();
}

bool TerminalSession::exportTo(SessionExporter::Format format, const QString& filePath)
{
    return m_exporter->start(m_recorder->reader(), format, filePath);
}

void TerminalSession::cancelExport()
{
    m_exporter->cancel();
}

bool TerminalSession::isExporting() const
{
    return m_exporter->isRunning();
}
