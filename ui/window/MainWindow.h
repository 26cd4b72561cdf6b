#pragma once

#include "sandbox/Backend.h"
#include "sandbox/BulkOperation.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class ActivityLog;
class ActivityLogWindow;
class ConnectionList;
class DetailsPane;
class EciConnections;
class EmptyState;
class LogWindow;
class Preferences;
class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolBar;
class SandboxFilterModel;
class SandboxTableModel;
class TerminalTabs;
class Translations;

// The one window: connections on the left, the sandboxes in the middle (or why there are none),
// the current sandbox's details below. It owns the backends it is given.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // eci: where ECI connections come from as accounts are loaded; nullptr for none.
    MainWindow(Preferences& preferences, Translations& translations,
               const QList<Backend*>& backends, EciConnections* eci = nullptr,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Why the engine could not even be addressed; shown while nothing is connected.
    void setDiscoveryProblem(const QString& problem);
    // Where what the user does is recorded; it must outlive the window. None: nothing is.
    void setActivityLog(ActivityLog* log);
    QList<Backend*> backends() const;

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    struct Selected
    {
        Backend* backend;
        Sandbox sandbox;
    };

    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidget();
    void createDocks();
    void createStatusBar();
    void retranslateUi();
    void restoreSettings();
    void saveSettings();

    void addBackend(Backend* backend);
    void removeBackend(Backend* backend);
    void updateConnectionColumn();
    void syncExtraHosts();
    void retryConnections();

    QList<Selected> selectedSandboxes() const;
    // Calls then() with the container to use: at once (empty) when the sandbox has at most one,
    // else after the user picked one in a small window-modal chooser.
    void chooseContainer(const Selected& selected, const QString& purpose,
                         std::function<void(const QString&)> then);
    void updatePage();
    void updateActions();
    void updateStatusBar();
    void updateDetails();
    void selectPending();

    void newSandbox();
    void runAction(Backend::Action action);
    void deleteSelected();
    void removeSandboxes(const QList<BulkOperation::Target>& targets, bool force);
    void runBulk(const QString& title, const QList<BulkOperation::Target>& targets,
                 const BulkOperation::JobStarter& startJob);
    void reportFailures(const QString& title, int total,
                        const QList<BulkOperation::Failure>& failures);
    void showPreferences();
    void showAccounts();
    void connectEci();
    void showAbout();
    void openTerminal();
    void showLogs();
    void showActivityLog();
    void recordActivity(const QString& action, const Backend* backend, const QString& id,
                        const QString& name, const Error& error = {});

    Preferences& m_preferences;
    Translations& m_translations;
    EciConnections* m_eci = nullptr;
    QString m_discoveryProblem;
    QString m_pendingBackendId; // a sandbox just created, selected once it is listed
    QString m_pendingId;
    QHash<QString, QPointer<LogWindow>> m_logWindows; // by backend id, sandbox id and container
    QPointer<ActivityLog> m_activity;
    QPointer<ActivityLogWindow> m_activityWindow;

    SandboxTableModel* m_model = nullptr;
    SandboxFilterModel* m_filter = nullptr;

    QStackedWidget* m_pages = nullptr;
    QWidget* m_tablePage = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_statusFilterLabel = nullptr;
    QComboBox* m_statusFilter = nullptr;
    EmptyState* m_connectingState = nullptr;
    EmptyState* m_noConnectionState = nullptr;
    EmptyState* m_noSandboxesState = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_preferencesButton = nullptr;
    QPushButton* m_newButton = nullptr;

    QDockWidget* m_connectionsDock = nullptr;
    ConnectionList* m_connections = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    DetailsPane* m_details = nullptr;

    QLabel* m_countLabel = nullptr;
    QLabel* m_versionLabel = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_sandboxMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QMenu* m_contextMenu = nullptr;
    QToolBar* m_toolBar = nullptr;

    QAction* m_preferencesAction = nullptr;
    QAction* m_accountsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_restartAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_resumeAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_searchAction = nullptr;
    QAction* m_logsAction = nullptr;
    QAction* m_activityAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_terminalAction = nullptr;
    QDockWidget* m_terminalsDock = nullptr;
    TerminalTabs* m_terminals = nullptr;
};
