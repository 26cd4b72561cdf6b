#pragma once

#include "PackageManagers.h"

#include <QAbstractTableModel>

// A sandbox's installed packages as a table: name, version. A view filters it through a
// proxy; PackageNameRole gives the name alone for an install or a removal.
class PackageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Version,
        ColumnCount
    };
    enum Role
    {
        PackageNameRole = Qt::UserRole + 1,
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setPackages(const QList<Package>& packages);
    const QList<Package>& packages() const { return m_packages; }
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Package> m_packages;
};
