#pragma once

#include "sandbox/Error.h"
#include "terminal/SessionExporter.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class Backend;
class ExecSession;
class Preferences;
class SessionRecorder;
class TerminalEmulator;

// One interactive shell in a sandbox, without a view: the exec session from the backend, the
// emulator it feeds, a recording for exports and session logs, and reconnecting into the same
// emulator once the shell ended or its connection dropped. A view shows emulator() and passes
// the user's keys to write() and its grid size to setSize().
class TerminalSession final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Connecting,
        Running,
        Ended, // the shell exited: exitCode()
        Lost   // the connection broke or could not be made: error()
    };
    Q_ENUM(State)

    TerminalSession(Backend* backend, const QString& sandboxId, const QString& sandboxName,
                    const Preferences& preferences, QObject* parent = nullptr);
    // Drops the exec session and saves the session log (when the preferences ask for one).
    ~TerminalSession() override;
    Q_DISABLE_COPY_MOVE(TerminalSession)

    // Opens a new exec session into the same emulator; the history stays.
    void connectToSandbox();
    State state() const { return m_state; }
    int exitCode() const { return m_exitCode; }
    Error error() const { return m_error; }
    // Why the session is over, in the current language; empty while it is not.
    QString endText() const;

    QString sandboxId() const { return m_sandboxId; }
    QString sandboxName() const { return m_sandboxName; }
    // Which container of a group the shell runs in (ECI); empty: the first. Set before
    // connectToSandbox().
    void setContainer(const QString& container) { m_container = container; }
    QString container() const { return m_container; }
    // "name — program title", for a tab or a window.
    QString title() const;

    TerminalEmulator* emulator() const { return m_emulator; }
    const SessionRecorder& recorder() const { return *m_recorder; }

    // Input for the program, recorded; dropped unless the session is running. A large paste is
    // held here and passed on as the connection takes it.
    void write(const QByteArray& bytes);
    // Input written and not yet passed on to the exec session.
    qint64 queuedInput() const { return m_input.size() - m_inputFed; }
    // The grid the view shows: the emulator, the recording and the program follow it.
    void setSize(int columns, int rows);

    // Starts an export of the recording on a worker thread; false when one is running already
    // or it could not start. exportFinished() follows a true return exactly once.
    bool exportTo(SessionExporter::Format format, const QString& filePath);
    void cancelExport();
    bool isExporting() const;

Q_SIGNALS:
    void titleChanged(const QString& title);
    void stateChanged(TerminalSession::State state);
    // The shell exited or the connection was lost (again): endText() says which.
    void ended();
    void exportProgressed(qint64 done, qint64 total);
    void exportFinished(SessionExporter::Outcome outcome, const QString& errorString);

private:
    void setState(State state);
    void onEnded(int exitCode);
    void onFailed(const Error& error);
    void dropExec();
    void feedInput();
    // Into the session-log folder of the preferences, when one is set and there is news.
    void saveLog();

    const Preferences& m_preferences;
    QPointer<Backend> m_backend;
    QString m_sandboxId;
    QString m_sandboxName;
    QString m_container;
    State m_state = State::Connecting;
    int m_exitCode = 0;
    Error m_error;

    TerminalEmulator* m_emulator;
    std::unique_ptr<SessionRecorder> m_recorder;
    ExecSession* m_exec = nullptr;
    QByteArray m_input;
    qsizetype m_inputFed = 0; // how much of m_input went to m_exec
    SessionExporter* m_exporter;
    qint64 m_loggedEvents = 0;
};
