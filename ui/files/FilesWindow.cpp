#include "FilesWindow.h"

#include "common/AppIcon.h"
#include "files/FilePreview.h"
#include "files/FileTransfer.h"
#include "files/PathBar.h"
#include "files/PermissionsDialog.h"
#include "files/RemoteFileModel.h"
#include "files/SandboxFiles.h"
#include "files/TransfersPanel.h"
#include "sandbox/Job.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <climits>
#include <memory>

namespace {

// A listing that takes longer than this is said to be loading; a quicker one shows no flicker.
constexpr int SlowListingMs = 300;

QString quoted(const QByteArray& name)
{
    return RemotePaths::displayName(name);
}

// Whether a name typed by the user can be one entry of the current folder.
bool isPlainName(const QByteArray& name)
{
    return !name.isEmpty() && !name.contains('/') && name != "." && name != ".." &&
           !name.contains('\0');
}

} // namespace

FilesWindow::FilesWindow(SandboxFiles* files, const QString& title, QWidget* parent)
    : QMainWindow(parent, Qt::Window)
    , m_files(files)
    , m_title(title)
    , m_model(new RemoteFileModel(this))
{
    setObjectName(QStringLiteral("filesWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(appIcon());
    if (m_files)
        m_files->setParent(this);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_pathBar = new PathBar;
    connect(m_pathBar, &PathBar::pathRequested, this, &FilesWindow::openFolder);
    layout->addWidget(m_pathBar);

    m_banner = new QWidget;
    m_banner->setObjectName(QStringLiteral("listingBanner"));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(0, 2, 0, 2);
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setTextVisible(false);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("bannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton;
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    connect(m_retryButton, &QPushButton::clicked, this, &FilesWindow::refresh);
    m_abandonButton = new QPushButton;
    m_abandonButton->setObjectName(QStringLiteral("abandonButton"));
    connect(m_abandonButton, &QPushButton::clicked, m_model, &RemoteFileModel::abandon);
    bannerLayout->addWidget(m_busy);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_retryButton);
    bannerLayout->addWidget(m_abandonButton);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_view = new QTreeView;
    m_view->setObjectName(QStringLiteral("fileView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RemoteFileModel::NameColumn, Qt::AscendingOrder);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(RemoteFileModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(RemoteFileModel::SizeColumn, 90);
    m_view->header()->resizeSection(RemoteFileModel::PermissionsColumn, 110);
    m_view->header()->resizeSection(RemoteFileModel::OwnerColumn, 110);
    m_view->header()->resizeSection(RemoteFileModel::ModifiedColumn, 150);
    connect(m_view, &QTreeView::activated, this, &FilesWindow::activate);
    // Files and folders dropped from the desktop are uploaded.
    m_view->setAcceptDrops(true);
    m_view->viewport()->setAcceptDrops(true);
    m_view->setDragDropMode(QAbstractItemView::DropOnly);
    m_view->viewport()->installEventFilter(this);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("filesSplitter"));
    m_splitter->addWidget(m_view);
    m_preview = new FilePreview;
    m_preview->hide();
    connect(m_preview, &FilePreview::closeRequested, this, &FilesWindow::closePreview);
    connect(m_preview, &FilePreview::saveFinished, this,
            [this](const RemotePath& path, const Error& error) {
                Q_EMIT operationFinished(tr("Save"), QString::fromUtf8(path), error);
                if (!error.isError()) {
                    statusBar()->showMessage(tr("Saved “%1”.").arg(quoted(path)), 5000);
                    refresh();
                }
            });
    m_splitter->addWidget(m_preview);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_transfers = new TransfersPanel;
    connect(m_transfers, &TransfersPanel::transferFinished, this, [this](FileTransfer* transfer) {
        if (transfer->direction() == FileTransfer::Direction::Upload)
            refresh();
    });
    m_transfersDock = new QDockWidget;
    m_transfersDock->setObjectName(QStringLiteral("transfersDock"));
    m_transfersDock->setFeatures(QDockWidget::DockWidgetClosable);
    m_transfersDock->setWidget(m_transfers);
    addDockWidget(Qt::BottomDockWidgetArea, m_transfersDock);
    m_transfersDock->hide();

    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addWidget(m_countLabel, 1);

    m_slowTimer = new QTimer(this);
    m_slowTimer->setSingleShot(true);
    m_slowTimer->setInterval(SlowListingMs);
    connect(m_slowTimer, &QTimer::timeout, this, [this] {
        m_slow = true;
        updateBanner();
    });

    connect(m_model, &RemoteFileModel::stateChanged, this, [this](RemoteFileModel::State state) {
        if (state == RemoteFileModel::State::Loading) {
            m_slow = false;
            m_slowTimer->start();
        } else {
            m_slowTimer->stop();
        }
        if (state == RemoteFileModel::State::Loaded) {
            const QModelIndex restore = m_model->indexOf(m_restoreName);
            m_view->setCurrentIndex(restore.isValid() ? restore : m_model->index(0, 0));
            if (restore.isValid())
                m_view->scrollTo(restore);
            m_restoreName.clear();
        }
        updateBanner();
        updateStatus();
        updateActions();
    });
    connect(m_model, &RemoteFileModel::folderChanged, this, [this](const RemotePath& folder) {
        m_pathBar->setPath(folder);
        updateActions();
    });
    connect(m_model, &RemoteFileModel::renameRequested, this, &FilesWindow::rename);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FilesWindow::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FilesWindow::updateActions);

    createActions();
    createToolBar();
    retranslateUi();
    resize(1120, 680);

    m_model->setFiles(m_files);
    openFolder("/");
}

FilesWindow::~FilesWindow()
{
    // The model's listing belongs to the files object: end it while both are whole.
    m_model->setFiles(nullptr);
}

SandboxFiles* FilesWindow::files() const
{
    return m_files;
}

void FilesWindow::createActions()
{
    const auto make = [this](const char* name, const QString& theme, QStyle::StandardPixmap pixmap,
                             const QKeySequence& shortcut = {}) {
        auto* action =
            new QAction(QIcon::fromTheme(theme, style()->standardIcon(pixmap)), QString(), this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        return action;
    };
    m_upAction = make("upAction", QStringLiteral("go-up"), QStyle::SP_FileDialogToParent,
                      QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(m_upAction, &QAction::triggered, this, &FilesWindow::goUp);
    addAction(m_upAction);
    m_refreshAction = make("refreshAction", QStringLiteral("view-refresh"),
                           QStyle::SP_BrowserReload, QKeySequence(Qt::Key_F5));
    connect(m_refreshAction, &QAction::triggered, this, &FilesWindow::refresh);
    addAction(m_refreshAction);
    m_editPathAction = make("editPathAction", QString(), QStyle::SP_CustomBase,
                            QKeySequence(Qt::CTRL | Qt::Key_L));
    m_editPathAction->setIcon({});
    connect(m_editPathAction, &QAction::triggered, m_pathBar, &PathBar::editPath);
    addAction(m_editPathAction);

    m_newFolderAction =
        make("newFolderAction", QStringLiteral("folder-new"), QStyle::SP_FileDialogNewFolder,
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newFolderAction, &QAction::triggered, this, &FilesWindow::newFolder);
    addAction(m_newFolderAction);

    // Keys that edit text belong to the list only, so that the path field keeps them.
    m_renameAction = make("renameAction", QStringLiteral("edit-rename"), QStyle::SP_CustomBase,
                          QKeySequence(Qt::Key_F2));
    m_renameAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_renameAction, &QAction::triggered, this, &FilesWindow::renameCurrent);
    m_deleteAction = make("deleteAction", QStringLiteral("edit-delete"), QStyle::SP_TrashIcon,
                          QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &FilesWindow::deleteSelected);
    m_modeAction = make("modeAction", QString(), QStyle::SP_CustomBase);
    m_modeAction->setIcon({});
    connect(m_modeAction, &QAction::triggered, this, &FilesWindow::changeModeOfCurrent);
    m_backspaceAction = new QAction(this);
    m_backspaceAction->setObjectName(QStringLiteral("backspaceAction"));
    m_backspaceAction->setShortcut(QKeySequence(Qt::Key_Backspace));
    m_backspaceAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_backspaceAction, &QAction::triggered, this, &FilesWindow::goUp);

    m_previewAction = make("previewAction", QStringLiteral("document-preview"),
                           QStyle::SP_FileDialogContentsView, QKeySequence(Qt::Key_Space));
    m_previewAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_previewAction, &QAction::triggered, this, &FilesWindow::previewCurrent);
    m_closePreviewAction = new QAction(this);
    m_closePreviewAction->setObjectName(QStringLiteral("closePreviewAction"));
    m_closePreviewAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_closePreviewAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_closePreviewAction, &QAction::triggered, this, &FilesWindow::closePreview);

    m_uploadAction = make("uploadAction", QStringLiteral("document-send"), QStyle::SP_ArrowUp,
                          QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(m_uploadAction, &QAction::triggered, this, [this] { chooseUpload(false); });
    addAction(m_uploadAction);
    m_uploadFolderAction = make("uploadFolderAction", QString(), QStyle::SP_CustomBase);
    m_uploadFolderAction->setIcon({});
    connect(m_uploadFolderAction, &QAction::triggered, this, [this] { chooseUpload(true); });
    m_downloadAction = make("downloadAction", QStringLiteral("document-save"), QStyle::SP_ArrowDown,
                            QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_downloadAction, &QAction::triggered, this, &FilesWindow::chooseDownload);
    addAction(m_downloadAction);
    m_transfersAction = m_transfersDock->toggleViewAction();
    m_transfersAction->setObjectName(QStringLiteral("transfersAction"));

    m_hiddenAction = make("hiddenAction", QStringLiteral("view-hidden"), QStyle::SP_CustomBase,
                          QKeySequence(Qt::CTRL | Qt::Key_H));
    m_hiddenAction->setCheckable(true);
    connect(m_hiddenAction, &QAction::toggled, m_model, &RemoteFileModel::setShowHidden);
    connect(m_hiddenAction, &QAction::toggled, this, &FilesWindow::updateStatus);
    addAction(m_hiddenAction);

    m_view->addAction(m_previewAction);
    m_view->addAction(m_downloadAction);
    m_view->addAction(m_renameAction);
    m_view->addAction(m_deleteAction);
    m_view->addAction(m_modeAction);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    m_view->addAction(separator);
    m_view->addAction(m_newFolderAction);
    m_view->addAction(m_refreshAction);
    m_view->addAction(m_backspaceAction);
    m_view->addAction(m_closePreviewAction);
    m_preview->addAction(m_closePreviewAction);
}

void FilesWindow::createToolBar()
{
    QToolBar* bar = addToolBar(QString());
    bar->setObjectName(QStringLiteral("filesToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_upAction);
    bar->addAction(m_refreshAction);
    bar->addSeparator();
    bar->addAction(m_previewAction);
    bar->addAction(m_newFolderAction);
    bar->addAction(m_renameAction);
    bar->addAction(m_deleteAction);
    bar->addAction(m_modeAction);
    bar->addSeparator();
    bar->addAction(m_uploadAction);
    bar->addAction(m_uploadFolderAction);
    bar->addAction(m_downloadAction);
    bar->addAction(m_transfersAction);
    bar->addSeparator();
    bar->addAction(m_hiddenAction);
}

void FilesWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void FilesWindow::retranslateUi()
{
    setWindowTitle(tr("Files — %1").arg(m_title));
    const auto name = [](QAction* action, const QString& text, const QString& tip) {
        action->setText(text);
        action->setToolTip(action->shortcut().isEmpty()
                               ? tip
                               : QStringLiteral("%1 (%2)").arg(
                                     tip, action->shortcut().toString(QKeySequence::NativeText)));
    };
    name(m_upAction, tr("Up"), tr("Go to the enclosing folder"));
    name(m_refreshAction, tr("Refresh"), tr("List the folder again"));
    name(m_editPathAction, tr("Edit Path"), tr("Type a path"));
    name(m_newFolderAction, tr("New Folder…"), tr("Make a folder here"));
    name(m_renameAction, tr("Rename"), tr("Rename the selected item"));
    name(m_deleteAction, tr("Delete…"), tr("Delete the selected items"));
    name(m_modeAction, tr("Permissions…"), tr("Change the permissions of the selected item"));
    name(m_previewAction, tr("Preview"), tr("Show the start of the selected file"));
    m_closePreviewAction->setText(tr("Close Preview"));
    name(m_hiddenAction, tr("Hidden Files"), tr("Show names that start with a dot"));
    name(m_uploadAction, tr("Upload Files…"), tr("Copy files from this computer here"));
    name(m_uploadFolderAction, tr("Upload Folder…"), tr("Copy a folder from this computer here"));
    name(m_downloadAction, tr("Download…"),
         tr("Copy the selected items to a folder on this computer"));
    m_transfersDock->setWindowTitle(tr("Transfers"));
    m_transfersAction->setText(tr("Transfers"));
    m_backspaceAction->setText(tr("Up"));
    m_retryButton->setText(tr("Retry"));
    m_abandonButton->setText(tr("Stop Waiting"));
    m_model->retranslate();
    updateBanner();
    updateStatus();
}

FileTransfer* FilesWindow::upload(const QStringList& localPaths, const RemotePath& remoteFolder)
{
    if (!m_files || localPaths.isEmpty() ||
        !m_files->capabilities().testFlag(SandboxFiles::CanWriteArchive))
        return nullptr;
    FileTransfer* transfer = FileTransfer::upload(m_files, localPaths, remoteFolder);
    m_transfersDock->show();
    m_transfers->add(transfer);
    return transfer;
}

FileTransfer* FilesWindow::download(const QList<RemotePath>& paths, const QString& localFolder)
{
    if (!m_files || paths.isEmpty() ||
        !m_files->capabilities().testFlag(SandboxFiles::CanReadArchive))
        return nullptr;
    FileTransfer* transfer = FileTransfer::download(m_files, paths, localFolder);
    m_transfersDock->show();
    m_transfers->add(transfer);
    return transfer;
}

void FilesWindow::chooseUpload(bool folder)
{
    if (!m_uploadAction->isEnabled())
        return;
    auto* dialog = new QFileDialog(this);
    dialog->setObjectName(QStringLiteral("uploadDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(folder ? tr("Upload a Folder to “%1”").arg(quoted(m_model->folder()))
                                  : tr("Upload Files to “%1”").arg(quoted(m_model->folder())));
    dialog->setFileMode(folder ? QFileDialog::Directory : QFileDialog::ExistingFiles);
    dialog->setLabelText(QFileDialog::Accept, tr("Upload"));
    const RemotePath target = m_model->folder();
    connect(dialog, &QFileDialog::filesSelected, this,
            [this, target](const QStringList& paths) { upload(paths, target); });
    dialog->open();
}

void FilesWindow::chooseDownload()
{
    const QList<FileEntry> entries = selectedEntries();
    if (entries.isEmpty() || !m_downloadAction->isEnabled())
        return;
    QList<RemotePath> paths;
    for (const FileEntry& entry : entries)
        paths << RemotePaths::join(m_model->folder(), entry.name);
    auto* dialog = new QFileDialog(this);
    dialog->setObjectName(QStringLiteral("downloadDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Download to a Folder"));
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    dialog->setLabelText(QFileDialog::Accept, tr("Download Here"));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, paths](const QString& folder) { download(paths, folder); });
    dialog->open();
}

bool FilesWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view->viewport())
        return QMainWindow::eventFilter(watched, event);
    const auto localPaths = [](const QMimeData* mime) {
        QStringList paths;
        if (!mime || !mime->hasUrls())
            return paths;
        const QList<QUrl> urls = mime->urls();
        for (const QUrl& url : urls) {
            if (!url.isLocalFile())
                return QStringList();
            paths << url.toLocalFile();
        }
        return paths;
    };
    const bool canUpload =
        m_files && m_files->capabilities().testFlag(SandboxFiles::CanWriteArchive);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDropEvent*>(event);
        if (canUpload && !localPaths(drag->mimeData()).isEmpty()) {
            drag->setDropAction(Qt::CopyAction);
            drag->accept();
        } else {
            drag->ignore();
        }
        return true;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList paths = localPaths(drop->mimeData());
        if (!canUpload || paths.isEmpty()) {
            drop->ignore();
            return true;
        }
        // Dropped on a folder's row, the files go into that folder.
        RemotePath target = m_model->folder();
        const QModelIndex at = m_view->indexAt(drop->position().toPoint());
        if (at.isValid() && at.data(RemoteFileModel::IsFolderRole).toBool())
            target = m_model->path(at);
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        upload(paths, target);
        return true;
    }
    default:
        return QMainWindow::eventFilter(watched, event);
    }
}

void FilesWindow::closeEvent(QCloseEvent* event)
{
    if (!m_preview->hasUnsavedChanges()) {
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Unsaved Changes"),
                                tr("Discard your changes to “%1”?").arg(quoted(m_preview->path())),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("unsavedQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* discard = box->addButton(tr("Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardChangesButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(discard, &QPushButton::clicked, this, [this] {
        m_preview->discardChanges();
        close();
    });
    box->open();
}

QString FilesWindow::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

void FilesWindow::updateBanner()
{
    const QString folder = quoted(m_model->folder());
    bool show = true;
    bool loading = false;
    if (m_files && !m_files->capabilities().testFlag(SandboxFiles::CanList)) {
        const QString why = m_files->limitation();
        m_bannerText->setText(why.isEmpty() ? tr("The files of this sandbox cannot be listed.")
                                            : why);
    } else {
        switch (m_model->state()) {
        case RemoteFileModel::State::Loading:
            loading = true;
            show = m_slow;
            m_bannerText->setText(tr("Listing “%1”…").arg(folder));
            break;
        case RemoteFileModel::State::Failed:
            if (m_model->error().kind == Error::Cancelled)
                m_bannerText->setText(
                    tr("Stopped waiting for the listing of “%1”. It may still be slow.")
                        .arg(folder));
            else
                m_bannerText->setText(
                    tr("“%1” could not be listed: %2").arg(folder, m_model->error().fullText()));
            break;
        case RemoteFileModel::State::Idle:
        case RemoteFileModel::State::Loaded:
            show = false;
            break;
        }
    }
    m_busy->setVisible(loading);
    m_abandonButton->setVisible(loading);
    m_retryButton->setVisible(!loading);
    m_banner->setVisible(show);
}

void FilesWindow::updateStatus()
{
    const int shown = m_model->rowCount();
    const int hidden = int(m_model->allEntries().size()) - shown;
    QString text;
    if (m_model->state() == RemoteFileModel::State::Loaded) {
        text = tr("%n item(s)", nullptr, shown);
        if (hidden > 0)
            text += QStringLiteral("  ·  ") + tr("%n hidden", nullptr, hidden);
    }
    m_countLabel->setText(text);
}

void FilesWindow::updateActions()
{
    const SandboxFiles::Capabilities can =
        m_files ? m_files->capabilities() : SandboxFiles::Capabilities();
    const bool modify = can.testFlag(SandboxFiles::CanModify);
    const bool loaded = m_model->state() == RemoteFileModel::State::Loaded;
    const int selected = int(selectedEntries().size());
    const bool current = m_view->currentIndex().isValid();
    m_upAction->setEnabled(m_model->folder() != "/");
    m_backspaceAction->setEnabled(m_model->folder() != "/");
    m_newFolderAction->setEnabled(modify && loaded);
    m_renameAction->setEnabled(modify && current);
    m_modeAction->setEnabled(modify && current);
    m_previewAction->setEnabled(
        current && !m_view->currentIndex().data(RemoteFileModel::IsFolderRole).toBool());
    m_closePreviewAction->setEnabled(!m_preview->isHidden());
    m_uploadAction->setEnabled(can.testFlag(SandboxFiles::CanWriteArchive));
    m_uploadFolderAction->setEnabled(can.testFlag(SandboxFiles::CanWriteArchive));
    m_downloadAction->setEnabled(can.testFlag(SandboxFiles::CanReadArchive) && selected > 0);
    m_deleteAction->setEnabled(modify && selected > 0);
}

QList<FileEntry> FilesWindow::selectedEntries() const
{
    QList<FileEntry> entries;
    const QModelIndexList rows =
        m_view->selectionModel()->selectedRows(RemoteFileModel::NameColumn);
    for (const QModelIndex& row : rows)
        entries << m_model->entry(row);
    return entries;
}

void FilesWindow::openFolder(const RemotePath& folder)
{
    RemotePath target = folder.isEmpty() ? RemotePath("/") : folder;
    while (target.size() > 1 && target.endsWith('/'))
        target.chop(1);
    m_restoreName.clear();
    // A preview with unsaved changes stays open while the list moves on.
    if (target != m_model->folder() && !m_preview->isHidden() && !m_preview->hasUnsavedChanges() &&
        !m_preview->isSaving())
        closePreview();
    m_model->setFolder(target);
    m_pathBar->setPath(target);
    updateActions();
}

void FilesWindow::goUp()
{
    const RemotePath folder = m_model->folder();
    if (folder == "/")
        return;
    const RemotePath parent = RemotePaths::parent(folder);
    openFolder(parent);
    // Coming back up lands on the folder just left.
    m_restoreName = RemotePaths::fileName(folder);
    m_view->setFocus();
}

void FilesWindow::refresh()
{
    if (m_restoreName.isEmpty()) {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            m_restoreName = m_model->entry(current).name;
    }
    m_model->refresh();
    updateBanner();
    updateActions();
}

void FilesWindow::activate(const QModelIndex& index)
{
    const FileEntry entry = m_model->entry(index);
    if (entry.type == FileEntry::Type::Folder)
        openFolder(m_model->path(index));
    else
        previewCurrent();
}

void FilesWindow::previewCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const FileEntry entry = m_model->entry(current);
    if (entry.type == FileEntry::Type::Folder)
        return;
    if (m_model->path(current) != m_preview->path() && !previewCanChange())
        return;
    m_preview->show();
    m_preview->open(m_files, m_model->path(current), entry);
    updateActions();
}

bool FilesWindow::previewCanChange()
{
    if (!m_preview->hasUnsavedChanges() && !m_preview->isSaving())
        return true;
    statusBar()->showMessage(
        tr("Save or discard your changes to “%1” first.").arg(quoted(m_preview->path())), 8000);
    return false;
}

void FilesWindow::closePreview()
{
    if (!previewCanChange())
        return;
    m_preview->clear();
    m_preview->hide();
    m_view->setFocus();
    updateActions();
}

void FilesWindow::newFolder()
{
    if (!m_files || !m_newFolderAction->isEnabled())
        return;
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("newFolderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New Folder"));
    dialog->setLabelText(tr("Name of the new folder in “%1”:").arg(quoted(m_model->folder())));
    dialog->setTextValue(tr("New Folder"));
    dialog->setOkButtonText(tr("Create"));
    const RemotePath folder = m_model->folder();
    connect(dialog, &QInputDialog::textValueSelected, this, [this, folder](const QString& text) {
        const QByteArray name = text.trimmed().toUtf8();
        if (!isPlainName(name)) {
            showError(tr("“%1” cannot be a folder's name.").arg(text), {});
            return;
        }
        const RemotePath path = RemotePaths::join(folder, name);
        Job* job = m_files->makeFolder(path, false);
        connect(job, &Job::finished, this, [this, job, path, name] {
            afterChange(tr("New Folder"), path, job->error(), name);
        });
    });
    dialog->open();
}

void FilesWindow::renameCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_renameAction->isEnabled())
        return;
    const QModelIndex name = current.siblingAtColumn(RemoteFileModel::NameColumn);
    m_view->setCurrentIndex(name);
    m_view->edit(name);
}

void FilesWindow::rename(const QByteArray& name, const QByteArray& newName)
{
    if (!m_files)
        return;
    if (!isPlainName(newName)) {
        showError(tr("“%1” cannot be a name: a name has no “/” and is not “.” or “..”.")
                      .arg(QString::fromUtf8(newName)),
                  {});
        return;
    }
    const RemotePath from = RemotePaths::join(m_model->folder(), name);
    const RemotePath to = RemotePaths::join(m_model->folder(), newName);
    Job* job = m_files->move(from, to);
    connect(job, &Job::finished, this,
            [this, job, to, newName] { afterChange(tr("Rename"), to, job->error(), newName); });
}

void FilesWindow::deleteSelected()
{
    if (!m_files || !m_deleteAction->isEnabled())
        return;
    const QList<FileEntry> entries = selectedEntries();
    if (entries.isEmpty())
        return;
    // Folders are counted first, so that the question says how much goes with them.
    auto pending = std::make_shared<int>(0);
    auto inside = std::make_shared<qint64>(0);
    auto failed = std::make_shared<Error>();
    for (const FileEntry& entry : entries) {
        if (entry.type != FileEntry::Type::Folder)
            continue;
        ++*pending;
        auto* job = m_files->countEntries(RemotePaths::join(m_model->folder(), entry.name));
        connect(job, &Job::finished, this, [this, job, entries, pending, inside, failed] {
            if (job->error().isError())
                *failed = job->error();
            else
                *inside += qMax<qint64>(0, job->value() - 1);
            if (--*pending > 0)
                return;
            if (failed->isError())
                showError(tr("The items to delete could not be counted."), *failed);
            else
                confirmDelete(entries, *inside);
        });
    }
    if (*pending == 0)
        confirmDelete(entries, 0);
}

void FilesWindow::confirmDelete(const QList<FileEntry>& entries, qint64 inside)
{
    QString text;
    const int below = int(qMin<qint64>(inside, INT_MAX));
    if (entries.size() == 1 && entries.first().type == FileEntry::Type::Folder && inside > 0)
        text = tr("Delete “%1” and %n item(s) inside?", nullptr, below)
                   .arg(quoted(entries.first().name));
    else if (entries.size() == 1)
        text = tr("Delete “%1”?").arg(quoted(entries.first().name));
    else if (inside > 0)
        text = tr("Delete %1 selected items and %n item(s) inside them?", nullptr, below)
                   .arg(entries.size());
    else
        text = tr("Delete %n selected item(s)?", nullptr, int(entries.size()));
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Delete"), text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Deleted files cannot be restored."));
    QPushButton* remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(remove, &QPushButton::clicked, this, [this, entries] { removeEntries(entries); });
    box->open();
}

void FilesWindow::removeEntries(const QList<FileEntry>& entries)
{
    auto pending = std::make_shared<int>(int(entries.size()));
    auto errors = std::make_shared<QStringList>();
    for (const FileEntry& entry : entries) {
        const RemotePath path = RemotePaths::join(m_model->folder(), entry.name);
        Job* job = m_files->remove(path, entry.type == FileEntry::Type::Folder);
        connect(job, &Job::finished, this, [this, job, path, pending, errors] {
            Q_EMIT operationFinished(tr("Delete"), QString::fromUtf8(path), job->error());
            if (job->error().isError())
                *errors << QStringLiteral("%1: %2").arg(quoted(path), job->error().fullText());
            if (--*pending > 0)
                return;
            if (!errors->isEmpty())
                showError(tr("Some items could not be deleted."),
                          Error::make(Error::Server, errors->join(QLatin1Char('\n'))));
            refresh();
        });
    }
}

void FilesWindow::changeModeOfCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!m_files || !current.isValid() || !m_modeAction->isEnabled())
        return;
    const FileEntry entry = m_model->entry(current);
    const RemotePath path = m_model->path(current);
    auto* dialog = new PermissionsDialog(quoted(entry.name), entry.mode, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, path, name = entry.name] {
        Job* job = m_files->changeMode(path, dialog->mode());
        connect(job, &Job::finished, this, [this, job, path, name] {
            afterChange(tr("Change Permissions"), path, job->error(), name);
        });
    });
    dialog->open();
}

void FilesWindow::afterChange(const QString& operation, const RemotePath& path, const Error& error,
                              const QByteArray& select)
{
    Q_EMIT operationFinished(operation, QString::fromUtf8(path), error);
    if (error.isError()) {
        showError(tr("%1 failed for “%2”.").arg(operation, quoted(path)), error);
        return;
    }
    m_restoreName = select;
    refresh();
}

void FilesWindow::showError(const QString& text, const Error& error)
{
    auto* box = new QMessageBox(QMessageBox::Warning, windowTitle(), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("filesError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (error.isError())
        box->setInformativeText(error.fullText());
    box->open();
}
