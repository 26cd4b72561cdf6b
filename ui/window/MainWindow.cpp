#include "MainWindow.h"

#include "accounts/AccountsDialog.h"
#include "common/AppIcon.h"
#include "common/EmptyState.h"
#include "connections/ConnectionRegistry.h"
#include "dialogs/CreateSandboxDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "logs/ActivityLogWindow.h"
#include "logs/LogWindow.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "terminal/TerminalTabs.h"
#include "window/ConnectionList.h"
#include "window/DetailsPane.h"
#include "window/OperationProgress.h"
#include "window/SandboxFilterModel.h"
#include "window/StatusBadgeDelegate.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

constexpr SandboxStatus filterStatuses[] = {
    SandboxStatus::Running, SandboxStatus::Paused, SandboxStatus::Restarting,
    SandboxStatus::Created, SandboxStatus::Exited, SandboxStatus::Dead,
};
constexpr int MaxNamesListed = 15;

bool applies(Backend::Action action, SandboxStatus status, Backend::Capabilities capabilities)
{
    const bool active = status == SandboxStatus::Running || status == SandboxStatus::Paused ||
                        status == SandboxStatus::Restarting;
    switch (action) {
    case Backend::Action::Start:
        return status == SandboxStatus::Created || status == SandboxStatus::Exited;
    case Backend::Action::Stop:
        return active;
    case Backend::Action::Restart:
        return capabilities.testFlag(Backend::CanRestart) &&
               (status == SandboxStatus::Running || status == SandboxStatus::Exited ||
                status == SandboxStatus::Created);
    case Backend::Action::Pause:
        return capabilities.testFlag(Backend::CanPause) && status == SandboxStatus::Running;
    case Backend::Action::Unpause:
        return capabilities.testFlag(Backend::CanPause) && status == SandboxStatus::Paused;
    case Backend::Action::Kill:
        return capabilities.testFlag(Backend::CanKill) && active;
    }
    return false;
}

QString displayName(const Sandbox& sandbox)
{
    return sandbox.name.isEmpty() ? sandbox.id.left(12) : sandbox.name;
}

void setActionText(QAction* action, const QString& text)
{
    action->setText(text);
    // Toolbars and tooltips want no mnemonic ("&New", "新建(&N)") and no ellipsis.
    static const QRegularExpression mnemonic(QStringLiteral("\\(&\\w\\)|&|…"));
    const QString plain = QString(text).remove(mnemonic).trimmed();
    action->setIconText(plain);
    action->setToolTip(action->shortcut().isEmpty()
                           ? plain
                           : QStringLiteral("%1 (%2)").arg(
                                 plain, action->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace

MainWindow::MainWindow(Preferences& preferences, Translations& translations,
                       ConnectionRegistry& connections, QWidget* parent)
    : QMainWindow(parent)
    , m_preferences(preferences)
    , m_translations(translations)
    , m_registry(connections)
    , m_model(new SandboxTableModel(this))
    , m_filter(new SandboxFilterModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(appIcon());
    m_filter->setSourceModel(m_model);

    createActions();
    createCentralWidget();
    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();

    const QList<Backend*> backends = m_registry.connections();
    for (Backend* backend : backends)
        addBackend(backend);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updatePage();
        updateStatusBar();
        selectPending();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updatePage();
        updateStatusBar();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updatePage();
        updateStatusBar();
        selectPending();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateStatusBar);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateStatusBar);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatusBar);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatusBar);

    retranslateUi();
    restoreSettings();
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
    m_activityAction->setEnabled(log != nullptr);
}

void MainWindow::recordActivity(const QString& action, const Backend* backend, const QString& id,
                                const QString& name, const Error& error)
{
    if (m_activity)
        m_activity->record(action, name, id, backend ? backend->displayName() : QString(), error);
}

void MainWindow::createActions()
{
    const auto make = [this](const char* name, const QKeySequence& shortcut, const QIcon& icon) {
        auto* action = new QAction(icon, QString(), this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        return action;
    };
    const auto icon = [this](const char* themeName, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(themeName), style()->standardIcon(fallback));
    };

    m_preferencesAction = make("actionPreferences", QKeySequence(Qt::CTRL | Qt::Key_Comma), {});
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_accountsAction =
        make("actionAccounts", {}, icon("dialog-password", QStyle::SP_DialogOpenButton));
    connect(m_accountsAction, &QAction::triggered, this, &MainWindow::showAccounts);

    m_quitAction = make("actionQuit", QKeySequence::Quit, {});
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_newAction = make("actionNew", QKeySequence::New, icon("document-new", QStyle::SP_FileIcon));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newSandbox);

    m_startAction = make("actionStart", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                         icon("media-playback-start", QStyle::SP_MediaPlay));
    connect(m_startAction, &QAction::triggered, this,
            [this] { runAction(Backend::Action::Start); });

    m_stopAction = make("actionStop", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                        icon("media-playback-stop", QStyle::SP_MediaStop));
    connect(m_stopAction, &QAction::triggered, this, [this] { runAction(Backend::Action::Stop); });

    m_restartAction = make("actionRestart", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                           icon("view-refresh", QStyle::SP_BrowserReload));
    connect(m_restartAction, &QAction::triggered, this,
            [this] { runAction(Backend::Action::Restart); });

    m_pauseAction = make("actionPause", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                         icon("media-playback-pause", QStyle::SP_MediaPause));
    connect(m_pauseAction, &QAction::triggered, this,
            [this] { runAction(Backend::Action::Pause); });

    m_resumeAction = make("actionResume", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                          icon("media-seek-forward", QStyle::SP_MediaSeekForward));
    connect(m_resumeAction, &QAction::triggered, this,
            [this] { runAction(Backend::Action::Unpause); });

    m_deleteAction =
        make("actionDelete", QKeySequence::Delete, icon("edit-delete", QStyle::SP_TrashIcon));
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);

    m_refreshAction = make("actionRefreshDetails", QKeySequence::Refresh, {});
    connect(m_refreshAction, &QAction::triggered, this, [this] { m_details->refresh(); });

    m_logsAction = make("actionShowLogs", QKeySequence(Qt::CTRL | Qt::Key_L),
                        icon("utilities-log-viewer", QStyle::SP_FileDialogDetailedView));
    connect(m_logsAction, &QAction::triggered, this, &MainWindow::showLogs);

    m_activityAction = make("actionActivityLog", {}, {});
    m_activityAction->setEnabled(false);
    connect(m_activityAction, &QAction::triggered, this, &MainWindow::showActivityLog);

    m_searchAction = make("actionSearch", QKeySequence::Find, {});
    connect(m_searchAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_aboutAction = make("actionAbout", {}, {});
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_terminalAction = make("actionOpenTerminal", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                            icon("utilities-terminal", QStyle::SP_ComputerIcon));
    connect(m_terminalAction, &QAction::triggered, this, &MainWindow::openTerminal);
}

void MainWindow::createCentralWidget()
{
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &SandboxFilterModel::setSearchText);

    m_statusFilterLabel = new QLabel;
    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilterLabel->setBuddy(m_statusFilter);
    m_statusFilter->addItem(QString(), -1);
    for (const SandboxStatus status : filterStatuses)
        m_statusFilter->addItem(QString(), static_cast<int>(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_statusFilter->currentData().toInt();
        m_filter->setStatusFilter(status < 0 ? std::nullopt
                                             : std::optional(static_cast<SandboxStatus>(status)));
    });

    auto* filterBar = new QHBoxLayout;
    filterBar->addWidget(m_search, 1);
    filterBar->addWidget(m_statusFilterLabel);
    filterBar->addWidget(m_statusFilter);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("sandboxTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegateForColumn(SandboxTableModel::StatusColumn,
                                      new StatusBadgeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SandboxTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->resizeSection(SandboxTableModel::NameColumn, 160);
    header->resizeSection(SandboxTableModel::ImageColumn, 170);
    header->resizeSection(SandboxTableModel::StatusColumn, 100);
    header->resizeSection(SandboxTableModel::CreatedColumn, 150);
    header->resizeSection(SandboxTableModel::PortsColumn, 90);
    header->resizeSection(SandboxTableModel::LimitsColumn, 110);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        m_contextMenu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        updateDetails();
    });

    m_tablePage = new QWidget;
    m_tablePage->setObjectName(QStringLiteral("tablePage"));
    auto* tableLayout = new QVBoxLayout(m_tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(filterBar);
    tableLayout->addWidget(m_table);

    m_connectingState = new EmptyState;
    m_connectingState->setObjectName(QStringLiteral("connectingState"));

    m_noConnectionState = new EmptyState;
    m_noConnectionState->setObjectName(QStringLiteral("noConnectionState"));
    m_retryButton = new QPushButton;
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setDefault(true);
    connect(m_retryButton, &QPushButton::clicked, &m_registry, [this] { m_registry.retry(); });
    m_noConnectionState->addButton(m_retryButton);
    m_preferencesButton = new QPushButton;
    connect(m_preferencesButton, &QPushButton::clicked, this, &MainWindow::showPreferences);
    m_noConnectionState->addButton(m_preferencesButton);

    m_noSandboxesState = new EmptyState;
    m_noSandboxesState->setObjectName(QStringLiteral("noSandboxesState"));
    m_newButton = new QPushButton;
    m_newButton->setObjectName(QStringLiteral("newSandboxButton"));
    connect(m_newButton, &QPushButton::clicked, this, &MainWindow::newSandbox);
    m_noSandboxesState->addButton(m_newButton);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_tablePage);
    m_pages->addWidget(m_connectingState);
    m_pages->addWidget(m_noConnectionState);
    m_pages->addWidget(m_noSandboxesState);

    auto* central = new QWidget;
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 6, 6, 0);
    centralLayout->addWidget(m_pages);
    setCentralWidget(central);
}

void MainWindow::createDocks()
{
    m_connections = new ConnectionList;
    connect(m_connections, &ConnectionList::currentBackendChanged, m_filter,
            &SandboxFilterModel::setBackendFilter);
    m_connectionsDock = new QDockWidget;
    m_connectionsDock->setObjectName(QStringLiteral("connectionsDock"));
    m_connectionsDock->setFeatures(QDockWidget::DockWidgetClosable |
                                   QDockWidget::DockWidgetMovable);
    m_connectionsDock->setWidget(m_connections);
    addDockWidget(Qt::LeftDockWidgetArea, m_connectionsDock);
    resizeDocks({m_connectionsDock}, {260}, Qt::Horizontal);

    m_details = new DetailsPane;
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
    m_fileMenu->addAction(m_accountsAction);
    m_fileMenu->addAction(m_preferencesAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_sandboxMenu = menuBar()->addMenu(QString());
    m_sandboxMenu->addAction(m_newAction);
    m_sandboxMenu->addSeparator();
    m_sandboxMenu->addActions(
        {m_startAction, m_stopAction, m_restartAction, m_pauseAction, m_resumeAction});
    m_sandboxMenu->addSeparator();
    m_sandboxMenu->addAction(m_deleteAction);
    m_sandboxMenu->addSeparator();
    m_sandboxMenu->addAction(m_logsAction);
    m_sandboxMenu->addAction(m_terminalAction);
    m_sandboxMenu->addAction(m_refreshAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_searchAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_connectionsDock->toggleViewAction());
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
    m_viewMenu->addAction(m_terminalsDock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_activityAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);

    m_contextMenu = new QMenu(this);
    m_contextMenu->addActions(
        {m_startAction, m_stopAction, m_restartAction, m_pauseAction, m_resumeAction});
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_deleteAction);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_logsAction);
    m_contextMenu->addAction(m_terminalAction);
    m_contextMenu->addAction(m_refreshAction);
    m_contextMenu->addAction(m_newAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_newAction);
    m_toolBar->addSeparator();
    m_toolBar->addActions(
        {m_startAction, m_stopAction, m_restartAction, m_pauseAction, m_resumeAction});
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deleteAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_terminalAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_logsAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_accountsAction);
}

void MainWindow::createStatusBar()
{
    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_versionLabel = new QLabel;
    m_versionLabel->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_versionLabel);
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

    setActionText(m_preferencesAction, tr("&Preferences…"));
    setActionText(m_accountsAction, tr("&Accounts…"));
    m_accountsAction->setToolTip(tr("Alibaba Cloud accounts for ECI sandboxes"));
    setActionText(m_quitAction, tr("&Quit"));
    setActionText(m_newAction, tr("&New…"));
    m_newAction->setToolTip(tr("Create a sandbox (%1)")
                                .arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    setActionText(m_startAction, tr("&Start"));
    setActionText(m_stopAction, tr("S&top"));
    setActionText(m_restartAction, tr("&Restart"));
    setActionText(m_pauseAction, tr("&Pause"));
    setActionText(m_resumeAction, tr("Res&ume"));
    setActionText(m_deleteAction, tr("&Delete…"));
    setActionText(m_refreshAction, tr("Refresh &Details"));
    setActionText(m_logsAction, tr("Show &Logs"));
    setActionText(m_activityAction, tr("&Activity Log"));
    setActionText(m_searchAction, tr("&Find…"));
    setActionText(m_aboutAction, tr("&About SandboxDesk"));
    setActionText(m_terminalAction, tr("Open &Terminal"));

    // The dock resets its toggle action's text to its title, so the title goes first.
    m_connectionsDock->setWindowTitle(tr("Connections"));
    m_connectionsDock->toggleViewAction()->setText(tr("Show &Connections"));
    m_detailsDock->setWindowTitle(tr("Details"));
    m_detailsDock->toggleViewAction()->setText(tr("Show &Details Pane"));
    m_terminalsDock->setWindowTitle(tr("Terminals"));
    m_terminalsDock->toggleViewAction()->setText(tr("Show &Terminals"));

    m_search->setPlaceholderText(tr("Search by name, image or ID"));
    m_statusFilterLabel->setText(tr("S&tatus:"));
    m_statusFilter->setItemText(0, tr("All"));
    for (int i = 0; i < int(std::size(filterStatuses)); ++i)
        m_statusFilter->setItemText(i + 1, statusDisplayName(filterStatuses[i]));

    m_retryButton->setText(tr("&Retry"));
    m_preferencesButton->setText(tr("&Preferences…"));
    m_newButton->setText(tr("&New Sandbox…"));

    m_model->retranslate();
    updatePage();
    updateStatusBar();
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_preferences.windowGeometry()))
        resize(1180, 760);
    restoreState(m_preferences.windowState());
    QHeaderView* header = m_table->horizontalHeader();
    if (header->restoreState(m_preferences.tableHeaderState()))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    updateConnectionColumn();
}

void MainWindow::saveSettings()
{
    m_preferences.setWindowGeometry(saveGeometry());
    m_preferences.setWindowState(saveState());
    m_preferences.setTableHeaderState(m_table->horizontalHeader()->saveState());
    m_preferences.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::updateConnectionColumn()
{
    // With one connection the column would repeat one name on every row.
    m_table->setColumnHidden(SandboxTableModel::ConnectionColumn, m_model->backends().size() < 2);
}

void MainWindow::addBackend(Backend* backend)
{
    m_model->addBackend(backend);
    m_connections->addBackend(backend);
    updateConnectionColumn();
    connect(backend, &Backend::stateChanged, this, [this] {
        updatePage();
        updateActions();
        updateStatusBar();
    });
}

void MainWindow::removeBackend(Backend* backend)
{
    backend->disconnect(this);
    m_connections->removeBackend(backend);
    m_model->removeBackend(backend);
    updateConnectionColumn();
}

QList<MainWindow::Selected> MainWindow::selectedSandboxes() const
{
    QList<Selected> selected;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        const Sandbox sandbox = m_model->sandboxAt(m_filter->mapToSource(index).row());
        Backend* backend = m_model->backend(sandbox.backendId);
        if (backend && backend->state() == Backend::State::Connected)
            selected.append({backend, sandbox});
    }
    return selected;
}

void MainWindow::updatePage()
{
    const QList<Backend*> backends = m_model->backends();
    bool anyConnected = false;
    const QString discoveryProblem = m_registry.discoveryProblem();
    bool allConnecting = !backends.isEmpty() && discoveryProblem.isEmpty();
    for (const Backend* backend : backends) {
        anyConnected = anyConnected || backend->state() == Backend::State::Connected;
        allConnecting = allConnecting && backend->state() == Backend::State::Connecting;
    }

    if (anyConnected) {
        if (m_model->rowCount() > 0) {
            m_pages->setCurrentWidget(m_tablePage);
            return;
        }
        m_noSandboxesState->setTitle(tr("No sandboxes yet"));
        m_noSandboxesState->setText(
            tr("Create a sandbox from an image to get started. Sandboxes created with the "
               "docker CLI or any other tool appear here too."));
        m_pages->setCurrentWidget(m_noSandboxesState);
        return;
    }

    if (allConnecting) {
        QStringList lines;
        for (const Backend* backend : backends) {
            lines << tr("Connecting to %1 at %2…")
                         .arg(backend->displayName(), backend->endpointDescription())
                         .toHtmlEscaped();
        }
        m_connectingState->setTitle(tr("Connecting…"));
        m_connectingState->setText(lines.join(QStringLiteral("<br>")));
        m_pages->setCurrentWidget(m_connectingState);
        return;
    }

    QString why;
    if (!discoveryProblem.isEmpty())
        why += QStringLiteral("<p>%1</p>").arg(discoveryProblem.toHtmlEscaped());
    for (const Backend* backend : backends) {
        const QString reason =
            backend->state() == Backend::State::Lost && backend->lastError().isError()
                ? backend->lastError().fullText()
                : Backend::stateDisplayName(backend->state());
        why += QStringLiteral("<p><b>%1</b><br>%2</p>")
                   .arg(backend->displayName().toHtmlEscaped(), reason.toHtmlEscaped());
    }
    if (why.isEmpty())
        why = QStringLiteral("<p>%1</p>").arg(tr("No engine address is configured."));

    const QString todo =
        QStringLiteral("<p><b>%1</b></p><ul><li>%2</li><li>%3</li><li>%4</li><li>%5</li></ul>"
                       "<p>%6</p>")
            .arg(tr("What you can do:"),
                 tr("Start the engine: <code>sudo systemctl start docker</code>, or for Podman "
                    "<code>systemctl --user start podman.socket</code>."),
                 tr("If access to the socket is denied, add yourself to the "
                    "<code>docker</code> group (<code>sudo usermod -aG docker $USER</code>) "
                    "and log in again."),
                 tr("Use another engine: set <code>DOCKER_HOST</code> (for example "
                    "<code>tcp://192.168.1.10:2375</code>) or start SandboxDesk with "
                    "<code>--docker HOST</code>."),
                 tr("Add an engine address in Preferences."),
                 tr("SandboxDesk never starts an engine itself; it connects as soon as one "
                    "answers."));
    m_retryButton->setVisible(!backends.isEmpty());
    m_noConnectionState->setTitle(tr("No container engine is connected"));
    m_noConnectionState->setText(why + todo);
    m_pages->setCurrentWidget(m_noConnectionState);
}

void MainWindow::updateActions()
{
    bool anyConnected = false;
    const QList<Backend*> backends = m_model->backends();
    for (const Backend* backend : backends)
        anyConnected = anyConnected || backend->state() == Backend::State::Connected;
    m_newAction->setEnabled(anyConnected);

    bool canStart = false;
    bool canStop = false;
    bool canRestart = false;
    bool canPause = false;
    bool canResume = false;
    bool canDelete = false;
    const QList<Selected> selected = selectedSandboxes();
    for (const Selected& s : selected) {
        const Backend::Capabilities capabilities = s.backend->capabilities();
        const SandboxStatus status = s.sandbox.status;
        canStart = canStart || applies(Backend::Action::Start, status, capabilities);
        canStop = canStop || applies(Backend::Action::Stop, status, capabilities);
        canRestart = canRestart || applies(Backend::Action::Restart, status, capabilities);
        canPause = canPause || applies(Backend::Action::Pause, status, capabilities);
        canResume = canResume || applies(Backend::Action::Unpause, status, capabilities);
        canDelete = canDelete || status != SandboxStatus::Removing;
    }
    m_startAction->setEnabled(canStart);
    m_stopAction->setEnabled(canStop);
    m_restartAction->setEnabled(canRestart);
    m_pauseAction->setEnabled(canPause);
    m_resumeAction->setEnabled(canResume);
    m_deleteAction->setEnabled(canDelete);
    // Any status: the output of a sandbox that exited is often what is wanted.
    m_logsAction->setEnabled(selected.size() == 1);
    m_terminalAction->setEnabled(
        selected.size() == 1 && selected.first().sandbox.status == SandboxStatus::Running &&
        selected.first().backend->capabilities().testFlag(Backend::CanExec));
    m_refreshAction->setEnabled(m_table->selectionModel()->currentIndex().isValid());
}

void MainWindow::updateStatusBar()
{
    int running = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->sandboxAt(row).status == SandboxStatus::Running)
            ++running;
    }
    QString counts = tr("Sandboxes: %1 · Running: %2").arg(m_model->rowCount()).arg(running);
    if (m_filter->rowCount() != m_model->rowCount())
        counts += QStringLiteral(" · ") + tr("Shown: %1").arg(m_filter->rowCount());
    m_countLabel->setText(counts);

    QList<const Backend*> connected;
    const QList<Backend*> backends = m_model->backends();
    for (const Backend* backend : backends) {
        if (backend->state() == Backend::State::Connected)
            connected << backend;
    }
    QStringList versions;
    for (const Backend* backend : std::as_const(connected)) {
        versions
            << (connected.size() == 1
                    ? tr("Engine %1").arg(backend->serverVersion())
                    : tr("%1: engine %2").arg(backend->displayName(), backend->serverVersion()));
    }
    m_versionLabel->setText(versions.join(QStringLiteral(" · ")));
}

void MainWindow::updateDetails()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const Sandbox sandbox = m_model->sandboxAt(m_filter->mapToSource(current).row());
    m_details->showSandbox(m_model->backend(sandbox.backendId), sandbox);
}

void MainWindow::selectPending()
{
    if (m_pendingId.isEmpty())
        return;
    const int row = m_model->rowOf(m_pendingBackendId, m_pendingId);
    if (row < 0)
        return;
    m_pendingId.clear();
    m_pendingBackendId.clear();
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return; // hidden by the filter; not worth clearing the user's search for
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
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

void MainWindow::runAction(Backend::Action action)
{
    QList<BulkOperation::Target> targets;
    const QList<Selected> selected = selectedSandboxes();
    for (const Selected& s : selected) {
        if (applies(action, s.sandbox.status, s.backend->capabilities()))
            targets.append({s.backend, s.sandbox.id, displayName(s.sandbox)});
    }
    if (targets.isEmpty())
        return;
    runBulk(Backend::actionDisplayName(action), targets,
            [action](Backend* backend, const QString& id) { return backend->perform(action, id); });
}

void MainWindow::deleteSelected()
{
    QList<BulkOperation::Target> targets;
    QStringList names;
    bool anyActive = false;
    const QList<Selected> selected = selectedSandboxes();
    for (const Selected& s : selected) {
        if (s.sandbox.status == SandboxStatus::Removing)
            continue;
        targets.append({s.backend, s.sandbox.id, displayName(s.sandbox)});
        names << displayName(s.sandbox);
        anyActive = anyActive || applies(Backend::Action::Stop, s.sandbox.status, {});
    }
    if (targets.isEmpty())
        return;
    if (!m_preferences.confirmDelete()) {
        removeSandboxes(targets, false);
        return;
    }

    const QString question =
        targets.size() == 1
            ? tr("Delete the sandbox “%1”? This cannot be undone.").arg(names.first())
            : tr("Delete these %1 sandboxes? This cannot be undone.").arg(targets.size());
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete Sandboxes"), question,
                                QMessageBox::NoButton, this);
    if (names.size() > MaxNamesListed) {
        const int more = int(names.size()) - MaxNamesListed;
        names = names.mid(0, MaxNamesListed);
        names << tr("… and %1 more").arg(more);
    }
    box->setInformativeText(names.join(QLatin1Char('\n')));
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    if (anyActive) {
        auto* force = new QCheckBox(tr("Also remove running ones (force)"));
        force->setObjectName(QStringLiteral("forceCheck"));
        box->setCheckBox(force);
    }
    QPushButton* deleteButton = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, deleteButton, targets] {
        if (box->clickedButton() == deleteButton)
            removeSandboxes(targets, box->checkBox() && box->checkBox()->isChecked());
    });
    box->open();
}

void MainWindow::removeSandboxes(const QList<BulkOperation::Target>& targets, bool force)
{
    runBulk(tr("Delete"), targets,
            [force](Backend* backend, const QString& id) { return backend->remove(id, force); });
}

void MainWindow::runBulk(const QString& title, const QList<BulkOperation::Target>& targets,
                         const BulkOperation::JobStarter& startJob)
{
    auto* operation = new BulkOperation(title, targets, startJob, this);
    operation->setActivityLog(m_activity);
    statusBar()->addWidget(new OperationProgress(operation));
    const int total = int(targets.size());
    connect(operation, &BulkOperation::finished, this,
            [this, title, total](const QList<BulkOperation::Failure>& failures) {
                if (!failures.isEmpty())
                    reportFailures(title, total, failures);
            });
    operation->start();
}

void MainWindow::reportFailures(const QString& title, int total,
                                const QList<BulkOperation::Failure>& failures)
{
    QStringList lines;
    for (const BulkOperation::Failure& failure : failures)
        lines << QStringLiteral("%1: %2").arg(failure.name, failure.error.fullText());
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Operation Failed"),
        tr("“%1” failed for %2 of %3 sandboxes.").arg(title).arg(failures.size()).arg(total),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("failureReport"));
    box->setInformativeText(lines.join(QStringLiteral("\n\n")));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(m_preferences, m_translations, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this] { m_registry.setDockerHosts(m_preferences.dockerHosts()); });
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

void MainWindow::followConnections()
{
    const auto changed = [this] {
        updatePage();
        updateActions();
        updateStatusBar();
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

void MainWindow::openTerminal()
{
    const QList<Selected> selected = selectedSandboxes();
    if (selected.size() != 1 ||
        !selected.first().backend->capabilities().testFlag(Backend::CanExec))
        return;
    const Selected s = selected.first();
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

void MainWindow::chooseContainer(const Selected& selected, const QString& purpose,
                                 std::function<void(const QString&)> then)
{
    const QStringList containers = selected.sandbox.containers;
    if (!selected.backend->capabilities().testFlag(Backend::HasContainerGroups) ||
        containers.size() < 2) {
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
    const QList<Selected> selected = selectedSandboxes();
    if (selected.size() != 1)
        return;
    const Selected s = selected.first();
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
