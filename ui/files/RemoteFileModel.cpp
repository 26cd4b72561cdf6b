#include "RemoteFileModel.h"

#include "files/SandboxFiles.h"
#include "sandbox/Job.h"

#include <QCollator>
#include <QFileIconProvider>
#include <QLocale>
#include <QMimeDatabase>

#include <algorithm>
#include <climits>

RemoteFileModel::RemoteFileModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

RemoteFileModel::~RemoteFileModel()
{
    if (m_listing) {
        m_listing->disconnect(this);
        m_listing->cancel();
    }
}

void RemoteFileModel::setFiles(SandboxFiles* files)
{
    abandon();
    m_files = files;
    beginResetModel();
    m_all.clear();
    m_visible.clear();
    endResetModel();
    setState(State::Idle);
}

SandboxFiles* RemoteFileModel::files() const
{
    return m_files;
}

void RemoteFileModel::setFolder(const RemotePath& folder)
{
    const RemotePath normalized = folder.isEmpty() ? RemotePath("/") : folder;
    if (normalized != m_folder) {
        m_folder = normalized;
        beginResetModel();
        m_all.clear();
        m_visible.clear();
        endResetModel();
        Q_EMIT folderChanged(m_folder);
    }
    startListing();
}

void RemoteFileModel::refresh()
{
    startListing();
}

void RemoteFileModel::abandon()
{
    if (!m_listing)
        return;
    Job* listing = m_listing;
    m_listing = nullptr;
    listing->disconnect(this);
    listing->cancel();
    setState(State::Failed, Error::make(Error::Cancelled, tr("The listing was abandoned.")));
}

void RemoteFileModel::startListing()
{
    if (m_listing) {
        m_listing->disconnect(this);
        m_listing->cancel();
        m_listing = nullptr;
    }
    if (!m_files) {
        setState(State::Idle);
        return;
    }
    auto* job = m_files->list(m_folder);
    m_listing = job;
    connect(job, &Job::finished, this, [this, job] {
        m_listing = nullptr;
        if (job->error().isError())
            setState(State::Failed, job->error());
        else
            listed(job->value());
    });
    setState(State::Loading);
}

void RemoteFileModel::listed(const QList<FileEntry>& entries)
{
    beginResetModel();
    m_all = entries;
    rebuildVisible();
    endResetModel();
    setState(State::Loaded);
}

void RemoteFileModel::setState(State state, const Error& error)
{
    const bool changed = state != m_state || error.message != m_error.message;
    m_state = state;
    m_error = error;
    if (changed)
        Q_EMIT stateChanged(state);
}

void RemoteFileModel::setShowHidden(bool show)
{
    if (show == m_showHidden)
        return;
    beginResetModel();
    m_showHidden = show;
    rebuildVisible();
    endResetModel();
}

void RemoteFileModel::rebuildVisible()
{
    m_visible.clear();
    for (const FileEntry& entry : std::as_const(m_all)) {
        if (m_showHidden || !entry.isHidden())
            m_visible << entry;
    }
    sortVisible();
}

void RemoteFileModel::sortVisible()
{
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    const int column = m_sortColumn;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const auto isFolder = [](const FileEntry& e) {
        return e.type == FileEntry::Type::Folder;
    };
    std::stable_sort(
        m_visible.begin(), m_visible.end(), [&](const FileEntry& a, const FileEntry& b) {
            // Folders come first in either order, as file managers do.
            if (isFolder(a) != isFolder(b))
                return isFolder(a);
            int order = 0;
            switch (column) {
            case SizeColumn:
                order = a.size < b.size ? -1 : (a.size > b.size ? 1 : 0);
                break;
            case PermissionsColumn:
                order = a.mode < b.mode ? -1 : (a.mode > b.mode ? 1 : 0);
                break;
            case OwnerColumn:
                order = collator.compare(a.owner, b.owner);
                break;
            case ModifiedColumn:
                order = a.modified < b.modified ? -1 : (b.modified < a.modified ? 1 : 0);
                break;
            default:
                break;
            }
            if (order == 0)
                order = collator.compare(RemotePaths::displayName(a.name),
                                         RemotePaths::displayName(b.name));
            if (order == 0)
                order = a.name < b.name ? -1 : (b.name < a.name ? 1 : 0);
            return ascending ? order < 0 : order > 0;
        });
}

void RemoteFileModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<QByteArray> names;
    names.reserve(before.size());
    for (const QModelIndex& index : before)
        names << m_visible.at(index.row()).name;
    sortVisible();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const QModelIndex moved = indexOf(names.at(i));
        after << (moved.isValid() ? index(moved.row(), before.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

FileEntry RemoteFileModel::entry(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    return m_visible.at(index.row());
}

RemotePath RemoteFileModel::path(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    return RemotePaths::join(m_folder, m_visible.at(index.row()).name);
}

QModelIndex RemoteFileModel::indexOf(const QByteArray& name) const
{
    for (qsizetype row = 0; row < m_visible.size(); ++row) {
        if (m_visible.at(row).name == name)
            return index(int(row), NameColumn);
    }
    return {};
}

int RemoteFileModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int RemoteFileModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RemoteFileModel::permissionsText(const FileEntry& entry)
{
    QString text;
    switch (entry.type) {
    case FileEntry::Type::Folder:
        text = QStringLiteral("d");
        break;
    case FileEntry::Type::Symlink:
        text = QStringLiteral("l");
        break;
    case FileEntry::Type::Other:
        text = QStringLiteral("?");
        break;
    case FileEntry::Type::File:
        text = QStringLiteral("-");
        break;
    }
    const quint32 mode = entry.mode;
    const quint32 special[3] = {04000, 02000, 01000};
    const char specialSet[3] = {'s', 's', 't'};
    const char specialOnly[3] = {'S', 'S', 'T'};
    for (int who = 0; who < 3; ++who) {
        const int shift = 6 - 3 * who;
        text += QLatin1Char((mode >> shift) & 4 ? 'r' : '-');
        text += QLatin1Char((mode >> shift) & 2 ? 'w' : '-');
        const bool execute = (mode >> shift) & 1;
        if (mode & special[who])
            text += QLatin1Char(execute ? specialSet[who] : specialOnly[who]);
        else
            text += QLatin1Char(execute ? 'x' : '-');
    }
    return text;
}

QIcon RemoteFileModel::iconFor(const FileEntry& entry) const
{
    static const QFileIconProvider provider;
    if (entry.type == FileEntry::Type::Folder)
        return provider.icon(QAbstractFileIconProvider::Folder);
    QString mimeName;
    QIcon fallback = provider.icon(QAbstractFileIconProvider::File);
    if (entry.type == FileEntry::Type::Symlink) {
        mimeName = QStringLiteral("inode/symlink");
    } else if (entry.type == FileEntry::Type::Other) {
        mimeName = QStringLiteral("inode/x-special");
    } else {
        static const QMimeDatabase mimes;
        mimeName =
            mimes.mimeTypeForFile(QString::fromUtf8(entry.name), QMimeDatabase::MatchExtension)
                .name();
    }
    auto cached = m_icons.constFind(mimeName);
    if (cached != m_icons.constEnd())
        return *cached;
    static const QMimeDatabase mimes;
    const QMimeType mime = mimes.mimeTypeForName(mimeName);
    QIcon icon;
    if (mime.isValid())
        icon = QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName()));
    if (icon.isNull() && entry.type == FileEntry::Type::Symlink)
        icon = QIcon::fromTheme(QStringLiteral("emblem-symbolic-link"));
    if (icon.isNull())
        icon = fallback;
    m_icons.insert(mimeName, icon);
    return icon;
}

QVariant RemoteFileModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FileEntry& e = m_visible.at(index.row());
    const bool isFolder = e.type == FileEntry::Type::Folder;
    switch (role) {
    case PathRole:
        return RemotePaths::join(m_folder, e.name);
    case IsFolderRole:
        return isFolder;
    case Qt::EditRole:
        if (index.column() == NameColumn)
            return RemotePaths::displayName(e.name);
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return iconFor(e);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && e.type == FileEntry::Type::Symlink)
            return tr("%1 → %2").arg(RemotePaths::displayName(e.name),
                                     RemotePaths::displayName(e.linkTarget));
        if (index.column() == NameColumn)
            return RemotePaths::displayName(e.name);
        if (index.column() == PermissionsColumn)
            return QStringLiteral("%1").arg(e.mode, 4, 8, QLatin1Char('0'));
        if (index.column() == SizeColumn && !isFolder && e.size <= INT_MAX)
            return tr("%n byte(s)", nullptr, int(e.size));
        if (index.column() == SizeColumn && !isFolder)
            return tr("%1 bytes").arg(QLocale().toString(e.size));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        if (e.type == FileEntry::Type::Symlink)
            return tr("%1 → %2").arg(RemotePaths::displayName(e.name),
                                     RemotePaths::displayName(e.linkTarget));
        return RemotePaths::displayName(e.name);
    case SizeColumn:
        return isFolder ? QString() : QLocale().formattedDataSize(e.size);
    case PermissionsColumn:
        return permissionsText(e);
    case OwnerColumn:
        if (e.group.isEmpty() || e.group == e.owner)
            return e.owner;
        return QStringLiteral("%1:%2").arg(e.owner, e.group);
    case ModifiedColumn:
        return e.modified.isValid()
                   ? QLocale().toString(e.modified.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    default:
        return {};
    }
}

QVariant RemoteFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case PermissionsColumn:
        return tr("Permissions");
    case OwnerColumn:
        return tr("Owner");
    case ModifiedColumn:
        return tr("Modified");
    default:
        return {};
    }
}

Qt::ItemFlags RemoteFileModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        flags |= Qt::ItemIsEditable; // not draggable: README.md says why nothing is dragged out
    return flags;
}

bool RemoteFileModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const FileEntry& e = m_visible.at(index.row());
    const QString text = value.toString();
    // Unchanged text, even of a name shown with escapes, is no rename.
    if (text.isEmpty() || text == RemotePaths::displayName(e.name))
        return false;
    Q_EMIT renameRequested(e.name, text.toUtf8());
    return false;
}

void RemoteFileModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_visible.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}
