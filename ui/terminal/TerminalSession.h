#pragma once

#include "sandbox/Error.h"
#include "terminal/SessionExporter.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class Backend;
class ExecSession;
class Preferences;
class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QToolButton;
class SessionRecorder;
class TerminalEmulator;
class TerminalView;

// One interactive shell in a sandbox: the exec session, the emulator and its view, and a
// recording for exports. When the session ends the view says why and offers to reconnect.
class TerminalSession final : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Connecting,
        Running,
        Ended,
        Lost
    };
    Q_ENUM(State)

    TerminalSession(Backend* backend, const QString& sandboxId, const QString& sandboxName,
                    const Preferences& preferences, QWidget* parent = nullptr);
    ~TerminalSession() override;

    // Opens a new exec session into the same view; the history stays.
    void connectToSandbox();
    State state() const { return m_state; }
    QString sandboxId() const { return m_sandboxId; }
    QString sandboxName() const { return m_sandboxName; }
    // Which container of a group the shell runs in (ECI); empty: the first. Set before
    // connectToSandbox().
    void setContainer(const QString& container) { m_container = container; }
    QString container() const { return m_container; }
    // "name — program title", for a tab or a window.
    QString title() const;

    TerminalView* view() const { return m_view; }
    TerminalEmulator* emulator() const { return m_emulator; }
    const SessionRecorder& recorder() const { return *m_recorder; }
    QAction* reconnectAction() const { return m_reconnectAction; }
    QAction* detachAction() const { return m_detachAction; }
    // Shown while the terminal is in a window of its own.
    QAction* attachAction() const { return m_attachAction; }
    QAction* closeAction() const { return m_closeAction; }
    QMenu* menu() const { return m_menu; }

    // Starts an export of the recording; progress and errors are shown here.
    void exportTo(SessionExporter::Format format, const QString& filePath);
    bool isExporting() const;

Q_SIGNALS:
    void titleChanged(const QString& title);
    void stateChanged(TerminalSession::State state);
    void detachRequested();
    void attachRequested();
    void closeRequested();
    void exportFinished(SessionExporter::Outcome outcome, const QString& errorString);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void setState(State state);
    void onEnded(int exitCode);
    void onFailed(const Error& error);
    void showEndBanner();
    void write(const QByteArray& bytes);
    void chooseExport(SessionExporter::Format format);
    void dropExec();
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
    TerminalView* m_view;
    std::unique_ptr<SessionRecorder> m_recorder;
    ExecSession* m_exec = nullptr;
    qint64 m_loggedEvents = 0;

    QToolButton* m_menuButton = nullptr;
    QMenu* m_menu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QPushButton* m_reconnectButton = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_pasteAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_exportTextAction = nullptr;
    QAction* m_exportHtmlAction = nullptr;
    QAction* m_exportCastAction = nullptr;
    QAction* m_reconnectAction = nullptr;
    QAction* m_detachAction = nullptr;
    QAction* m_attachAction = nullptr;
    QAction* m_closeAction = nullptr;

    SessionExporter* m_exporter = nullptr;
    QWidget* m_exportBar = nullptr;
    QLabel* m_exportLabel = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QPushButton* m_exportCancel = nullptr;
};
