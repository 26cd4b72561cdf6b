#pragma once

#include "sandbox/Sandbox.h"

#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

// Filters SandboxTableModel rows by search words (each must appear in the name or the image,
// or begin the id), by status and by connection; sorts on the model's SortRole.
class SandboxFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SandboxFilterModel(QObject* parent = nullptr);

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);

    // std::nullopt shows every status.
    std::optional<SandboxStatus> statusFilter() const { return m_status; }
    void setStatusFilter(std::optional<SandboxStatus> status);

    // Empty shows every connection.
    QString backendFilter() const { return m_backendId; }
    void setBackendFilter(const QString& backendId);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_searchText;
    QStringList m_words;
    std::optional<SandboxStatus> m_status;
    QString m_backendId;
};
