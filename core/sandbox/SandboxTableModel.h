#pragma once

#include "Sandbox.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

class Backend;

// One table over the live sets of every connected backend. Rows keep their order of arrival;
// views sort and filter through a proxy.
class SandboxTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ImageColumn,
        StatusColumn,
        CreatedColumn,
        PortsColumn,
        LimitsColumn,
        ConnectionColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        BackendIdRole,
        StatusRole,    // SandboxStatus as int
        StatusKeyRole, // "running", …
        SortRole,
    };

    explicit SandboxTableModel(QObject* parent = nullptr);

    void addBackend(Backend* backend);
    void removeBackend(Backend* backend);
    QList<Backend*> backends() const { return m_backends; }
    Backend* backend(const QString& backendId) const;

    Sandbox sandboxAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString& backendId, const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Column titles come from tr(); views call this after a language switch.
    void retranslate();

private:
    static QString key(const QString& backendId, const QString& id);
    void resetFrom(Backend* backend);
    void upsert(const Sandbox& sandbox);
    void removeRow(const QString& backendId, const QString& id);
    void rebuildIndex(int from);

    QList<Backend*> m_backends;
    QList<Sandbox> m_rows;
    QHash<QString, int> m_rowByKey;
};
