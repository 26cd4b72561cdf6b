#include "SandboxFilterModel.h"

#include "sandbox/SandboxTableModel.h"

SandboxFilterModel::SandboxFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SandboxTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void SandboxFilterModel::setSearchText(const QString& text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void SandboxFilterModel::setStatusFilter(std::optional<SandboxStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

void SandboxFilterModel::setBackendFilter(const QString& backendId)
{
    if (backendId == m_backendId)
        return;
    m_backendId = backendId;
    invalidateFilter();
}

bool SandboxFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    const QModelIndex nameIndex =
        model->index(sourceRow, SandboxTableModel::NameColumn, sourceParent);
    if (m_status &&
        nameIndex.data(SandboxTableModel::StatusRole).toInt() != static_cast<int>(*m_status))
        return false;
    if (!m_backendId.isEmpty() &&
        nameIndex.data(SandboxTableModel::BackendIdRole).toString() != m_backendId)
        return false;
    if (m_words.isEmpty())
        return true;

    const QString name = nameIndex.data().toString();
    const QString image =
        model->index(sourceRow, SandboxTableModel::ImageColumn, sourceParent).data().toString();
    const QString id = nameIndex.data(SandboxTableModel::IdRole).toString();
    for (const QString& word : m_words) {
        if (!name.contains(word, Qt::CaseInsensitive) &&
            !image.contains(word, Qt::CaseInsensitive) && !id.startsWith(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}
