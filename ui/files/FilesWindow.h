#pragma once

#include "files/FileEntry.h"
#include "sandbox/Error.h"

#include <QMainWindow>
#include <QPointer>

class FilePreview;
class FileTransfer;
class PathBar;
class QDockWidget;
class TransfersPanel;
class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTimer;
class QTreeView;
class RemoteFileModel;
class SandboxFiles;

// One sandbox's files in a window of its own: a path bar above, the folder's entries in the
// middle, and below them why nothing is shown while a listing is slow or after it failed.
class FilesWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // files: the window takes it over. title: the sandbox as the user knows it.
    FilesWindow(SandboxFiles* files, const QString& title, QWidget* parent = nullptr);
    ~FilesWindow() override;

    RemoteFileModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    FilePreview* preview() const { return m_preview; }
    TransfersPanel* transfers() const { return m_transfers; }
    SandboxFiles* files() const;
    // What the banner above the list says now; empty when it is hidden.
    QString bannerText() const;

    void openFolder(const RemotePath& folder);
    void goUp();
    void refresh();
    void newFolder();
    void renameCurrent();
    void deleteSelected();
    void changeModeOfCurrent();
    // Shows the start of the current file beside the list.
    void previewCurrent();
    void closePreview();
    // Copies local files and folders into remoteFolder, and remote paths into localFolder,
    // shown in the transfers panel.
    FileTransfer* upload(const QStringList& localPaths, const RemotePath& remoteFolder);
    FileTransfer* download(const QList<RemotePath>& paths, const QString& localFolder);
    void chooseUpload(bool folder);
    void chooseDownload();

Q_SIGNALS:
    // An operation the user asked for ended (for the activity log); error when it failed.
    void operationFinished(const QString& operation, const QString& path, const Error& error);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createToolBar();
    void retranslateUi();
    void updateBanner();
    void updateActions();
    void updateStatus();
    void activate(const QModelIndex& index);
    void rename(const QByteArray& name, const QByteArray& newName);
    void confirmDelete(const QList<FileEntry>& entries, qint64 inside);
    void removeEntries(const QList<FileEntry>& entries);
    void afterChange(const QString& operation, const RemotePath& path, const Error& error,
                     const QByteArray& select = {});
    void showError(const QString& text, const Error& error);
    QList<FileEntry> selectedEntries() const;
    // False, with a word in the status bar, while the preview holds unsaved changes.
    bool previewCanChange();

    QPointer<SandboxFiles> m_files;
    QString m_title;
    RemoteFileModel* m_model = nullptr;
    QByteArray m_restoreName; // the row to make current once the listing is back
    bool m_slow = false;      // the listing under way has taken long enough to say so

    PathBar* m_pathBar = nullptr;
    QTreeView* m_view = nullptr;
    QSplitter* m_splitter = nullptr;
    FilePreview* m_preview = nullptr;
    QWidget* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_abandonButton = nullptr;
    QLabel* m_countLabel = nullptr;
    QTimer* m_slowTimer = nullptr;

    QAction* m_upAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_editPathAction = nullptr;
    QAction* m_newFolderAction = nullptr;
    QAction* m_renameAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_modeAction = nullptr;
    QAction* m_hiddenAction = nullptr;
    QAction* m_backspaceAction = nullptr;
    QAction* m_previewAction = nullptr;
    QAction* m_uploadAction = nullptr;
    QAction* m_uploadFolderAction = nullptr;
    QAction* m_downloadAction = nullptr;
    QAction* m_transfersAction = nullptr;
    TransfersPanel* m_transfers = nullptr;
    QDockWidget* m_transfersDock = nullptr;
    QAction* m_closePreviewAction = nullptr;
};
