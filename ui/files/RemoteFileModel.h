#pragma once

#include "files/FileEntry.h"
#include "sandbox/Error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QPointer>

class Job;
class SandboxFiles;

// One folder of a sandbox as a table: asks SandboxFiles::list() and shows the answer, sorted
// with folders first, hidden names on request. A listing is never waited for: the model says
// it is loading, then loaded or failed with the reason, and a listing can be abandoned.
class RemoteFileModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        SizeColumn,
        PermissionsColumn,
        OwnerColumn,
        ModifiedColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1, // RemotePath
        IsFolderRole,
    };
    enum class State
    {
        Idle, // nothing asked yet
        Loading,
        Loaded,
        Failed
    };
    Q_ENUM(State)

    explicit RemoteFileModel(QObject* parent = nullptr);
    ~RemoteFileModel() override;

    // files is not owned and must outlive its use here; null empties the model.
    void setFiles(SandboxFiles* files);
    SandboxFiles* files() const;

    RemotePath folder() const { return m_folder; }
    // Lists folder, dropping the entries shown; the previous listing is abandoned.
    void setFolder(const RemotePath& folder);
    // Lists the same folder again, keeping the entries shown until the answer arrives.
    void refresh();
    // Stops waiting for the listing under way: the model fails with Error::Cancelled.
    void abandon();

    State state() const { return m_state; }
    const Error& error() const { return m_error; }

    bool showsHidden() const { return m_showHidden; }
    void setShowHidden(bool show);

    FileEntry entry(const QModelIndex& index) const;
    RemotePath path(const QModelIndex& index) const;
    // The row of name in column 0, invalid when it is not shown.
    QModelIndex indexOf(const QByteArray& name) const;
    // Every entry listed, hidden ones included.
    const QList<FileEntry>& allEntries() const { return m_all; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // "rwxr-xr-x" with s, S, t and T as ls shows them, after a type letter.
    static QString permissionsText(const FileEntry& entry);
    // Names the headers again in the language of the moment.
    void retranslate();

Q_SIGNALS:
    void stateChanged(RemoteFileModel::State state);
    void folderChanged(const RemotePath& folder);
    // The user typed a new name into a row; the model changes nothing itself.
    void renameRequested(const QByteArray& name, const QByteArray& newName);

private:
    void startListing();
    void listed(const QList<FileEntry>& entries);
    void setState(State state, const Error& error = {});
    void rebuildVisible();
    void sortVisible();
    QIcon iconFor(const FileEntry& entry) const;

    QPointer<SandboxFiles> m_files;
    QPointer<Job> m_listing;
    RemotePath m_folder = "/";
    State m_state = State::Idle;
    Error m_error;
    bool m_showHidden = false;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<FileEntry> m_all;
    QList<FileEntry> m_visible;
    mutable QHash<QString, QIcon> m_icons; // by MIME type name
};
