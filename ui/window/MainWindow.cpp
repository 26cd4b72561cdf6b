#include "MainWindow.h"

#include "accounts/AccountsDialog.h"
#include "common/AppIcon.h"
#include "connections/ConnectionRegistry.h"
#include "dialogs/CreateSandboxDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "files/FilesWindow.h"
#include "logs/ActivityLog.h"
#include "logs/ActivityLogWindow.h"
#include "logs/LogWindow.h"
#include "run/AllJobsWindow.h"
#include "run/RunHistory.h"
#include "run/RunWindow.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "terminal/TerminalTabs.h"
#include "window/ConnectionList.h"
#include "window/DetailsPane.h"
#include "window/SandboxCommands.h"
#include "window/SandboxFilterModel.h"
#include "window/SandboxTableView.h"
#include "window/StatusSummary.h"
#include "window/WindowPages.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

QString displayName(const Sandbox& sandbox)
{
    return sandbox.name.isEmpty() ? sandbox.id.left(12) : sandbox.name;
}

} // namespace

MainWindow::MainWindow(Preferences& preferences, Translations& translations,
                       ConnectionRegistry& connections, QWidget* parent)
    : QMainWindow(parent)
    , m_preferences(preferences)
    , m_translations(translations)
    , m_registry(connections)
    , m_model(new SandboxTableModel(this))
    , m_actions(new WindowActions(this))
    , m_commands(new SandboxCommands(preferences, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(appIcon());

    m_tableView = new SandboxTableView(m_model);
    m_pages = new WindowPages(m_tableView);
    connect(m_pages, &WindowPages::retryRequested, &m_registry, [this] { m_registry.retry(); });
    connect(m_pages, &WindowPages::preferencesRequested, this, &MainWindow::showPreferences);
    connect(m_pages, &WindowPages::newSandboxRequested, this, &MainWindow::newSandbox);
    auto* central = new QWidget;
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 6, 6, 0);
    centralLayout->addWidget(m_pages);
    setCentralWidget(central);

    connectActions();
    createDocks();
    createMenus();
    createToolBar();
    m_tableView->setContextMenu(m_contextMenu);
    m_summary = new StatusSummary(statusBar(), m_model, m_tableView->filter());

    const QList<Backend*> backends = m_registry.connections();
    for (Backend* backend : backends)
        addBackend(backend);

    const auto rowsChanged = [this] {
        updatePage();
        m_summary->update();
        selectPending();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, m_summary, &StatusSummary::update);
    SandboxFilterModel* filter = m_tableView->filter();
    connect(filter, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(filter, &QAbstractItemModel::layoutChanged, m_summary, &StatusSummary::update);
    connect(filter, &QAbstractItemModel::rowsInserted, m_summary, &StatusSummary::update);
    connect(filter, &QAbstractItemModel::rowsRemoved, m_summary, &StatusSummary::update);
    connect(m_tableView, &SandboxTableView::selectionChanged, this, &MainWindow::updateActions);
    connect(m_tableView, &SandboxTableView::currentChanged, this, [this] {
        updateActions();
        updateDetails();
    });

    retranslateUi();
    restoreSettings();
    m_cleanupTimer = new QTimer(this);
    m_cleanupTimer->setObjectName(QStringLiteral("cleanupTimer"));
    connect(m_cleanupTimer, &QTimer::timeout, this,
            [this] { m_commands->cleanUpExpired(m_model->backends()); });
    applyCleanupTimer();
    updateActions();
    followConnections();
}

MainWindow::~MainWindow() = default;

QList<Backend*> MainWindow::backends() const
{
    return m_model->backends();
}

void MainWindow::setActivityLog(ActivityLog* log)
{
    m_activity = log;
    m_commands->setActivityLog(log);
    m_actions->action(WindowActions::ActivityLog)->setEnabled(log != nullptr);
}

void MainWindow::recordActivity(const QString& action, const Backend* backend, const QString& id,
                                const QString& name, const Error& error)
{
    if (m_activity)
        m_activity->record(action, name, id, backend ? backend->displayName() : QString(), error);
}

void MainWindow::connectActions()
{
    connect(m_actions->action(WindowActions::Preferences), &QAction::triggered, this,
            &MainWindow::showPreferences);
    connect(m_actions->action(WindowActions::Accounts), &QAction::triggered, this,
            &MainWindow::showAccounts);
    connect(m_actions->action(WindowActions::Quit), &QAction::triggered, this, &QWidget::close);
    connect(m_actions->action(WindowActions::New), &QAction::triggered, this,
            &MainWindow::newSandbox);
    for (const WindowActions::Id id :
         {WindowActions::Start, WindowActions::Stop, WindowActions::Restart, WindowActions::Pause,
          WindowActions::Resume}) {
        connect(m_actions->action(id), &QAction::triggered, this, [this, id] {
            m_commands->run(WindowActions::backendAction(id), m_tableView->selectedSandboxes());
        });
    }
    connect(m_actions->action(WindowActions::Delete), &QAction::triggered, this,
            [this] { m_commands->remove(m_tableView->selectedSandboxes()); });
    connect(m_actions->action(WindowActions::RefreshDetails), &QAction::triggered, this,
            [this] { m_details->refresh(); });
    connect(m_actions->action(WindowActions::ShowLogs), &QAction::triggered, this,
            &MainWindow::showLogs);
    connect(m_actions->action(WindowActions::ActivityLog), &QAction::triggered, this,
            &MainWindow::showActivityLog);
    connect(m_actions->action(WindowActions::Search), &QAction::triggered, m_tableView,
            &SandboxTableView::focusSearch);
    connect(m_actions->action(WindowActions::About), &QAction::triggered, this,
            &MainWindow::showAbout);
    connect(m_actions->action(WindowActions::OpenTerminal), &QAction::triggered, this,
            &MainWindow::openTerminal);
    connect(m_actions->action(WindowActions::BrowseFiles), &QAction::triggered, this,
            &MainWindow::showFiles);
    connect(m_actions->action(WindowActions::Renew), &QAction::triggered, this,
            [this] { m_commands->renew(m_tableView->selectedSandboxes()); });
    connect(m_actions->action(WindowActions::CleanUp), &QAction::triggered, this,
            [this] { m_commands->cleanUp(m_model->backends()); });
    connect(m_actions->action(WindowActions::RunCommand), &QAction::triggered, this,
            &MainWindow::showRun);
    connect(m_actions->action(WindowActions::AllJobs), &QAction::triggered, this,
            &MainWindow::showAllJobs);
}

void MainWindow::createDocks()
{
    m_connections = new ConnectionList;
    connect(m_connections, &ConnectionList::currentBackendChanged, m_tableView->filter(),
            &SandboxFilterModel::setBackendFilter);
    m_connectionsDock = new QDockWidget;
    m_connectionsDock->setObjectName(QStringLiteral("connectionsDock"));
    m_connectionsDock->setFeatures(QDockWidget::DockWidgetClosable |
                                   QDockWidget::DockWidgetMovable);
    m_connectionsDock->setWidget(m_connections);
    addDockWidget(Qt::LeftDockWidgetArea, m_connectionsDock);
    resizeDocks({m_connectionsDock}, {260}, Qt::Horizontal);

    m_details = new DetailsPane;
    m_details->setStatsMonitor(m_tableView->stats());
    m_detailsDock = new QDockWidget;
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::BottomDockWidgetArea, m_detailsDock);
    resizeDocks({m_detailsDock}, {200}, Qt::Vertical);

    m_terminals = new TerminalTabs(m_preferences);
    m_terminalsDock = new QDockWidget;
    m_terminalsDock->setObjectName(QStringLiteral("terminalsDock"));
    m_terminalsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                                 QDockWidget::DockWidgetFloatable);
    m_terminalsDock->setWidget(m_terminals);
    addDockWidget(Qt::BottomDockWidgetArea, m_terminalsDock);
    tabifyDockWidget(m_detailsDock, m_terminalsDock);
    m_detailsDock->raise();
    m_terminalsDock->hide();
    connect(m_terminals, &TerminalTabs::countChanged, this, [this](int count) {
        if (count == 0)
            m_terminalsDock->hide();
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_actions->action(WindowActions::Accounts));
    m_fileMenu->addAction(m_actions->action(WindowActions::Preferences));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions->action(WindowActions::Quit));

    m_sandboxMenu = menuBar()->addMenu(QString());
    m_sandboxMenu->addAction(m_actions->action(WindowActions::New));
    m_sandboxMenu->addSeparator();
    m_sandboxMenu->addActions(m_actions->lifecycle());
    m_sandboxMenu->addSeparator();
    m_sandboxMenu->addAction(m_actions->action(WindowActions::Delete));
    m_sandboxMenu->addSeparator();
    m_sandboxMenu->addAction(m_actions->action(WindowActions::ShowLogs));
    m_sandboxMenu->addAction(m_actions->action(WindowActions::OpenTerminal));
    m_sandboxMenu->addAction(m_actions->action(WindowActions::BrowseFiles));
    m_sandboxMenu->addAction(m_actions->action(WindowActions::RunCommand));
    m_sandboxMenu->addAction(m_actions->action(WindowActions::RefreshDetails));
    m_sandboxMenu->addSeparator();
    m_sandboxMenu->addAction(m_actions->action(WindowActions::Renew));
    m_sandboxMenu->addAction(m_actions->action(WindowActions::CleanUp));

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_actions->action(WindowActions::Search));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_connectionsDock->toggleViewAction());
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
    m_viewMenu->addAction(m_terminalsDock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_actions->action(WindowActions::AllJobs));
    m_viewMenu->addAction(m_actions->action(WindowActions::ActivityLog));

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_actions->action(WindowActions::About));

    m_contextMenu = new QMenu(this);
    m_contextMenu->addActions(m_actions->lifecycle());
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_actions->action(WindowActions::Delete));
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_actions->action(WindowActions::ShowLogs));
    m_contextMenu->addAction(m_actions->action(WindowActions::OpenTerminal));
    m_contextMenu->addAction(m_actions->action(WindowActions::BrowseFiles));
    m_contextMenu->addAction(m_actions->action(WindowActions::RunCommand));
    m_contextMenu->addAction(m_actions->action(WindowActions::RefreshDetails));
    m_contextMenu->addAction(m_actions->action(WindowActions::Renew));
    m_contextMenu->addAction(m_actions->action(WindowActions::New));
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_actions->action(WindowActions::New));
    m_toolBar->addSeparator();
    m_toolBar->addActions(m_actions->lifecycle());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->action(WindowActions::Delete));
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->action(WindowActions::OpenTerminal));
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->action(WindowActions::ShowLogs));
    m_toolBar->addAction(m_actions->action(WindowActions::BrowseFiles));
    m_toolBar->addAction(m_actions->action(WindowActions::AllJobs));
    m_toolBar->addAction(m_actions->action(WindowActions::CleanUp));
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->action(WindowActions::Accounts));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Sandboxes"));
    m_fileMenu->setTitle(tr("&File"));
    m_sandboxMenu->setTitle(tr("&Sandbox"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_actions->retranslate();

    // The dock resets its toggle action's text to its title, so the title goes first.
    m_connectionsDock->setWindowTitle(tr("Connections"));
    m_connectionsDock->toggleViewAction()->setText(tr("Show &Connections"));
    m_detailsDock->setWindowTitle(tr("Details"));
    m_detailsDock->toggleViewAction()->setText(tr("Show &Details Pane"));
    m_terminalsDock->setWindowTitle(tr("Terminals"));
    m_terminalsDock->toggleViewAction()->setText(tr("Show &Terminals"));

    m_model->retranslate();
    updatePage();
    m_summary->update();
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_preferences.windowGeometry()))
        resize(1180, 760);
    restoreState(m_preferences.windowState());
    m_tableView->restoreHeaderState(m_preferences.tableHeaderState());
}

void MainWindow::saveSettings()
{
    m_preferences.setWindowGeometry(saveGeometry());
    m_preferences.setWindowState(saveState());
    m_preferences.setTableHeaderState(m_tableView->saveHeaderState());
    m_preferences.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::followConnections()
{
    const auto changed = [this] {
        updatePage();
        updateActions();
        m_summary->update();
    };
    connect(&m_registry, &ConnectionRegistry::connectionAdded, this, [this, changed](Backend* b) {
        addBackend(b);
        changed();
    });
    connect(&m_registry, &ConnectionRegistry::connectionRemoved, this, [this, changed](Backend* b) {
        removeBackend(b);
        changed();
    });
    connect(&m_registry, &ConnectionRegistry::accountFailed, this,
            [this](const QString& name, const Error& error) {
                statusBar()->showMessage(
                    tr("The account “%1” is not connected: %2").arg(name, error.fullText()));
            });
    connect(&m_registry, &ConnectionRegistry::throttled, this,
            [this](const QString& text) { statusBar()->showMessage(text, 15000); });
}

void MainWindow::addBackend(Backend* backend)
{
    m_model->addBackend(backend);
    m_connections->addBackend(backend);
    m_tableView->updateConnectionColumn();
    if (m_allJobsWindow)
        m_allJobsWindow->addBackend(backend);
    connect(backend, &Backend::stateChanged, this, [this] {
        updatePage();
        updateActions();
        m_summary->update();
    });
}

void MainWindow::removeBackend(Backend* backend)
{
    backend->disconnect(this);
    if (m_allJobsWindow)
        m_allJobsWindow->removeBackend(backend);
    m_connections->removeBackend(backend);
    m_model->removeBackend(backend);
    m_tableView->updateConnectionColumn();
}

void MainWindow::updatePage()
{
    m_pages->update(m_model->backends(), m_registry.discoveryProblem(), m_model->rowCount());
}

void MainWindow::updateActions()
{
    bool anyConnected = false;
    const QList<Backend*> backends = m_model->backends();
    for (const Backend* backend : backends)
        anyConnected = anyConnected || backend->state() == Backend::State::Connected;
    m_actions->update(m_tableView->selectedSandboxes(), anyConnected, m_tableView->hasCurrent());
}

void MainWindow::updateDetails()
{
    Sandbox sandbox;
    if (!m_tableView->currentSandbox(&sandbox)) {
        m_details->clear();
        return;
    }
    m_details->showSandbox(m_model->backend(sandbox.backendId), sandbox);
}

void MainWindow::selectPending()
{
    if (m_pendingId.isEmpty() || !m_tableView->select(m_pendingBackendId, m_pendingId))
        return;
    m_pendingId.clear();
    m_pendingBackendId.clear();
}

void MainWindow::newSandbox()
{
    QList<Backend*> connected;
    const QList<Backend*> backends = m_model->backends();
    for (Backend* backend : backends) {
        if (backend->state() == Backend::State::Connected)
            connected << backend;
    }
    if (connected.isEmpty())
        return;
    auto* dialog = new CreateSandboxDialog(connected, m_preferences, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_pendingBackendId = dialog->createdBackendId();
        m_pendingId = dialog->createdId();
        const Backend* created = m_model->backend(m_pendingBackendId);
        recordActivity(tr("Create"), created, m_pendingId, QString());
        if (dialog->startError().isError())
            recordActivity(Backend::actionDisplayName(Backend::Action::Start), created, m_pendingId,
                           QString(), dialog->startError());
        selectPending();
        if (dialog->startError().isError()) {
            auto* box = new QMessageBox(QMessageBox::Warning, tr("Sandbox Not Started"),
                                        tr("The sandbox was created but could not be started."),
                                        QMessageBox::Ok, this);
            box->setInformativeText(dialog->startError().fullText());
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    dialog->open();
}

void MainWindow::applyCleanupTimer()
{
    const int minutes = m_preferences.cleanupIntervalMinutes();
    if (minutes <= 0) {
        m_cleanupTimer->stop();
        return;
    }
    m_cleanupTimer->start(minutes * 60 * 1000);
}

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(m_preferences, m_translations, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_registry.setDockerHosts(m_preferences.dockerHosts());
        applyCleanupTimer();
    });
    connect(dialog, &QDialog::accepted, this,
            [this] { recordActivity(tr("Change Preferences"), nullptr, QString(), QString()); });
    dialog->open();
}

void MainWindow::showAccounts()
{
    auto* dialog = new AccountsDialog(m_registry, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openTerminal()
{
    const QList<SelectedSandbox> selected = m_tableView->selectedSandboxes();
    if (selected.size() != 1 ||
        !selected.first().backend->capabilities().testFlag(Backend::CanExec))
        return;
    const SelectedSandbox s = selected.first();
    chooseContainer(
        s, tr("Open a terminal in which container?"), [this, s](const QString& container) {
            const bool wasHidden = m_terminalsDock->isHidden();
            m_terminalsDock->show();
            m_terminalsDock->raise();
            // A terminal needs more room than the details pane it shares the area with.
            if (wasHidden)
                resizeDocks({m_terminalsDock}, {height() / 2}, Qt::Vertical);
            m_terminals->openTerminal(s.backend, s.sandbox.id, s.sandbox.name, container);
            recordActivity(tr("Open Terminal"), s.backend, s.sandbox.id, displayName(s.sandbox));
        });
}

void MainWindow::chooseContainer(const SelectedSandbox& selected, const QString& purpose,
                                 std::function<void(const QString&)> then)
{
    const QStringList containers = selected.sandbox.containers;
    if (containers.size() < 2) {
        then({});
        return;
    }
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("containerChooser"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(tr("Choose a Container"));
    dialog->setLabelText(purpose);
    dialog->setComboBoxItems(containers);
    dialog->setComboBoxEditable(false);
    dialog->setOkButtonText(tr("Open"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [then = std::move(then)](const QString& container) { then(container); });
    dialog->open();
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(this);
    box->setWindowTitle(tr("About SandboxDesk"));
    box->setIconPixmap(appIcon().pixmap(64, 64));
    box->setText(
        QStringLiteral("<h3>SandboxDesk %1</h3>").arg(QCoreApplication::applicationVersion()));
    box->setInformativeText(
        tr("See, start, stop and clean up the sandboxes on your container engines.") +
        QStringLiteral("\n\n") + tr("Built with Qt %1.").arg(QLatin1String(qVersion())));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showLogs()
{
    const QList<SelectedSandbox> selected = m_tableView->selectedSandboxes();
    if (selected.size() != 1)
        return;
    const SelectedSandbox s = selected.first();
    chooseContainer(
        s, tr("Show the logs of which container?"), [this, s](const QString& container) {
            const QString key = s.sandbox.backendId + QLatin1Char('/') + s.sandbox.id +
                                QLatin1Char('/') + container;
            LogWindow* window = m_logWindows.value(key);
            if (!window) {
                window = new LogWindow(s.backend, s.sandbox, this,
                                       qint64(m_preferences.logMemoryLimitMiB()) * 1024 * 1024,
                                       container);
                m_logWindows.insert(key, window);
                connect(window, &LogWindow::exportFinished, this,
                        [this, backend = QPointer<Backend>(s.backend),
                         sandbox = s.sandbox](const Error& error) {
                            recordActivity(tr("Export Logs"), backend, sandbox.id,
                                           displayName(sandbox), error);
                        });
            }
            window->show();
            window->raise();
            window->activateWindow();
            recordActivity(tr("Open Logs"), s.backend, s.sandbox.id, displayName(s.sandbox));
        });
}

void MainWindow::showFiles()
{
    const QList<SelectedSandbox> selected = m_tableView->selectedSandboxes();
    if (selected.size() != 1 ||
        !selected.first().backend->capabilities().testFlag(Backend::CanBrowseFiles))
        return;
    const SelectedSandbox s = selected.first();
    chooseContainer(
        s, tr("Browse the files of which container?"), [this, s](const QString& container) {
            const QString key = s.sandbox.backendId + QLatin1Char('/') + s.sandbox.id +
                                QLatin1Char('/') + container;
            FilesWindow* window = m_filesWindows.value(key);
            if (!window) {
                SandboxFiles* files = s.backend->openFiles(s.sandbox.id, container);
                if (!files)
                    return;
                const QString title =
                    container.isEmpty()
                        ? displayName(s.sandbox)
                        : QStringLiteral("%1 / %2").arg(displayName(s.sandbox), container);
                window = new FilesWindow(files, title, this);
                m_filesWindows.insert(key, window);
                connect(window, &FilesWindow::operationFinished, this,
                        [this, backend = QPointer<Backend>(s.backend), sandbox = s.sandbox](
                            const QString& operation, const QString& path, const Error& error) {
                            recordActivity(QStringLiteral("%1: %2").arg(operation, path), backend,
                                           sandbox.id, displayName(sandbox), error);
                        });
            }
            window->show();
            window->raise();
            window->activateWindow();
            recordActivity(tr("Browse Files"), s.backend, s.sandbox.id, displayName(s.sandbox));
        });
}

void MainWindow::showRun()
{
    const QList<SelectedSandbox> selected = m_tableView->selectedSandboxes();
    if (selected.size() != 1 ||
        !selected.first().backend->capabilities().testFlag(Backend::CanExec))
        return;
    const SelectedSandbox s = selected.first();
    chooseContainer(s, tr("Run commands in which container?"), [this, s](const QString& container) {
        const QString key =
            s.sandbox.backendId + QLatin1Char('/') + s.sandbox.id + QLatin1Char('/') + container;
        RunWindow* window = m_runWindows.value(key);
        if (!window) {
            if (!m_runHistory)
                m_runHistory = std::make_unique<RunHistory>();
            const QString title =
                container.isEmpty()
                    ? displayName(s.sandbox)
                    : QStringLiteral("%1 / %2").arg(displayName(s.sandbox), container);
            window = new RunWindow(s.backend, s.sandbox.id, container, title, *m_runHistory, this);
            m_runWindows.insert(key, window);
        }
        window->show();
        window->raise();
        window->activateWindow();
        recordActivity(tr("Run Commands"), s.backend, s.sandbox.id, displayName(s.sandbox));
    });
}

void MainWindow::showActivityLog()
{
    if (!m_activity)
        return;
    if (!m_activityWindow)
        m_activityWindow = new ActivityLogWindow(m_activity, this);
    m_activityWindow->show();
    m_activityWindow->raise();
    m_activityWindow->activateWindow();
}

void MainWindow::showAllJobs()
{
    if (!m_allJobsWindow) {
        m_allJobsWindow = new AllJobsWindow(this);
        const QList<Backend*> backends = m_model->backends();
        for (Backend* backend : backends)
            m_allJobsWindow->addBackend(backend);
    }
    m_allJobsWindow->show();
    m_allJobsWindow->raise();
    m_allJobsWindow->activateWindow();
}
