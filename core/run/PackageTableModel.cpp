#include "PackageTableModel.h"

void PackageTableModel::setPackages(const QList<Package>& packages)
{
    beginResetModel();
    m_packages = packages;
    endResetModel();
}

void PackageTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int PackageTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_packages.size());
}

int PackageTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PackageTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_packages.size())
        return {};
    const Package& package = m_packages.at(index.row());
    if (role == PackageNameRole)
        return package.name;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return index.column() == Name ? package.name : package.version;
}

QVariant PackageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Package");
    case Version:
        return tr("Version");
    default:
        return {};
    }
}
