#pragma once

#include "Sandbox.h"
#include "StatsMonitor.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

class Backend;
class SandboxSet;
class QTimer;

// One table over the live sets of every connected backend: each backend's rows together, in the
// order of its SandboxSet, the backends in the order they were added. Views sort and filter
// through a proxy.
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
        CpuColumn,      // live, from a StatsMonitor
        MemoryColumn,   // live, from a StatsMonitor
        TimeLeftColumn, // until the sandbox expires
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        BackendIdRole,
        StatusRole,    // SandboxStatus as int
        StatusKeyRole, // "running", …
        SortRole,
        HistoryRole, // CPU and memory columns: the recent values, oldest first (QList<qreal>)
    };

    explicit SandboxTableModel(QObject* parent = nullptr);

    // Where the CPU and memory columns come from; none: they stay empty.
    void setStatsMonitor(StatsMonitor* monitor);
    StatsMonitor* statsMonitor() const { return m_stats.data(); }

    void addBackend(Backend* backend);
    void removeBackend(Backend* backend);
    QList<Backend*> backends() const;
    Backend* backend(const QString& backendId) const;

    Sandbox sandboxAt(int row) const;
    int rowOf(const QString& backendId, const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Column titles come from tr(); views call this after a language switch.
    void retranslate();

private:
    // The rows of one backend, mirrored from its set; rows follows the set's signals.
    struct Group
    {
        Backend* backend = nullptr; // null while a destroyed backend's rows go
        QString backendId;
        const SandboxSet* set = nullptr;
        int rows = 0;
    };

    int groupOf(const SandboxSet* set) const;
    int groupOf(const Backend* backend) const;
    int firstRow(int group) const;
    // The group holding row and the row's position in that group's set; -1 when out of range.
    int locate(int row, int* local) const;
    void dropGroup(int group);

    QVariant liveData(const Sandbox& sandbox, int column, int role) const;
    void liveColumnsChanged(int first, int last);

    QList<Group> m_groups;
    QPointer<StatsMonitor> m_stats; // the view's; it may go first
    QTimer* m_clock;                // time left moves on by itself
};
