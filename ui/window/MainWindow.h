#pragma once

#include "window/WindowActions.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class ActivityLog;
class ActivityLogWindow;
class AllJobsWindow;
class ConnectionList;
class ConnectionRegistry;
class DetailsPane;
class FilesWindow;
class LogWindow;
class Preferences;
class RunHistory;
class RunWindow;
class QDockWidget;
class QMenu;
class QTimer;
class QToolBar;
class SandboxCommands;
class SandboxTableModel;
class SandboxTableView;
class StatusSummary;
class TerminalTabs;
class Translations;
class WindowPages;

// The one window: connections on the left, the sandboxes in the middle (or why there are none),
// the current sandbox's details below. It lays these out and routes between them; it shows the
// registry's connections and never makes, starts or deletes one.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // connections must outlive the window.
    MainWindow(Preferences& preferences, Translations& translations,
               ConnectionRegistry& connections, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Where what the user does is recorded; it must outlive the window. None: nothing is.
    void setActivityLog(ActivityLog* log);
    QList<Backend*> backends() const;

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void connectActions();
    void createDocks();
    void createMenus();
    void createToolBar();
    void retranslateUi();
    void restoreSettings();
    // Starts, restarts or stops the clean-up timer as Preferences say.
    void applyCleanupTimer();
    void saveSettings();

    void followConnections();
    void addBackend(Backend* backend);
    void removeBackend(Backend* backend);

    // Calls then() with the container to use: at once (empty) when the sandbox has at most one,
    // else after the user picked one in a small window-modal chooser.
    void chooseContainer(const SelectedSandbox& selected, const QString& purpose,
                         std::function<void(const QString&)> then);
    void updatePage();
    void updateActions();
    void updateDetails();
    void selectPending();

    void newSandbox();
    void showPreferences();
    void showAccounts();
    void showAbout();
    void openTerminal();
    void showLogs();
    void showFiles();
    void showRun();
    void showAllJobs();
    void showActivityLog();
    void recordActivity(const QString& action, const Backend* backend, const QString& id,
                        const QString& name, const Error& error = {});

    Preferences& m_preferences;
    Translations& m_translations;
    ConnectionRegistry& m_registry;
    QString m_pendingBackendId; // a sandbox just created, selected once it is listed
    QString m_pendingId;
    QHash<QString, QPointer<LogWindow>> m_logWindows;     // by backend id, sandbox id and container
    QHash<QString, QPointer<FilesWindow>> m_filesWindows; // the same keys
    QHash<QString, QPointer<RunWindow>> m_runWindows;     // the same keys
    std::unique_ptr<RunHistory> m_runHistory;
    QPointer<ActivityLog> m_activity;
    QPointer<ActivityLogWindow> m_activityWindow;
    QPointer<AllJobsWindow> m_allJobsWindow;

    SandboxTableModel* m_model = nullptr;
    WindowActions* m_actions = nullptr;
    SandboxCommands* m_commands = nullptr;
    SandboxTableView* m_tableView = nullptr;
    WindowPages* m_pages = nullptr;
    StatusSummary* m_summary = nullptr;

    QDockWidget* m_connectionsDock = nullptr;
    ConnectionList* m_connections = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    DetailsPane* m_details = nullptr;
    QDockWidget* m_terminalsDock = nullptr;
    TerminalTabs* m_terminals = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_sandboxMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QMenu* m_contextMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QTimer* m_cleanupTimer = nullptr;
};
