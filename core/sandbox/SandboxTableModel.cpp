#include "SandboxTableModel.h"

#include "Backend.h"
#include "SandboxDetails.h"
#include "SandboxSet.h"
#include "StatsMonitor.h"

#include <QLocale>
#include <QTimer>

#include <limits>

namespace {

// Time left is shown in whole minutes or more; a refresh this often keeps it right.
constexpr int ClockMs = 15000;

} // namespace

SandboxTableModel::SandboxTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_clock(new QTimer(this))
{
    m_clock->setInterval(ClockMs);
    connect(m_clock, &QTimer::timeout, this,
            [this] { liveColumnsChanged(TimeLeftColumn, TimeLeftColumn); });
    m_clock->start();
}

void SandboxTableModel::setStatsMonitor(StatsMonitor* monitor)
{
    if (m_stats)
        m_stats->disconnect(this);
    m_stats = monitor;
    if (m_stats) {
        connect(m_stats, &StatsMonitor::updated, this,
                [this] { liveColumnsChanged(CpuColumn, MemoryColumn); });
    }
    liveColumnsChanged(CpuColumn, MemoryColumn);
}

void SandboxTableModel::liveColumnsChanged(int first, int last)
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, first), index(rowCount() - 1, last));
}

QVariant SandboxTableModel::liveData(const Sandbox& sandbox, int column, int role) const
{
    if (column == TimeLeftColumn) {
        if (!sandbox.expiresAt.isValid())
            return role == SortRole ? QVariant(std::numeric_limits<qint64>::max()) : QVariant();
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(sandbox.expiresAt);
        if (role == SortRole)
            return left;
        if (role == Qt::ToolTipRole)
            return tr("Expires %1")
                .arg(QLocale().toString(sandbox.expiresAt.toLocalTime(), QLocale::ShortFormat));
        return left <= 0 ? tr("expired") : durationText(left);
    }
    if (role == HistoryRole) {
        // A sparkline is a few dozen pixels wide: the last two minutes are plenty.
        constexpr int SparklinePoints = 120;
        return QVariant::fromValue(m_stats ? m_stats->recent(sandbox.backendId, sandbox.id,
                                                             column == CpuColumn
                                                                 ? StatsMonitor::Field::Cpu
                                                                 : StatsMonitor::Field::Memory,
                                                             SparklinePoints)
                                           : QList<qreal>());
    }
    ResourceSample latest;
    const bool measured = m_stats && m_stats->latest(sandbox.backendId, sandbox.id, &latest);
    if (!measured || sandbox.status != SandboxStatus::Running)
        return role == SortRole ? QVariant(-1.0) : QVariant();
    if (column == CpuColumn) {
        if (role == SortRole)
            return latest.cpuPercent;
        return tr("%1 %").arg(QLocale().toString(latest.cpuPercent, 'f', 1));
    }
    if (role == SortRole)
        return double(latest.memoryBytes);
    if (role == Qt::ToolTipRole && latest.memoryLimitBytes > 0)
        return tr("%1 of %2")
            .arg(formatBytes(latest.memoryBytes), formatBytes(latest.memoryLimitBytes));
    return formatBytes(latest.memoryBytes);
}

void SandboxTableModel::addBackend(Backend* backend)
{
    if (groupOf(backend) >= 0)
        return;
    const SandboxSet* set = backend->sandboxSet();
    const int first = rowCount();
    if (!set->isEmpty())
        beginInsertRows({}, first, first + set->size() - 1);
    m_groups.append({backend, backend->id(), set, set->size()});
    if (!set->isEmpty())
        endInsertRows();

    connect(set, &SandboxSet::aboutToBeInserted, this, [this, set](int from, int to) {
        const int offset = firstRow(groupOf(set));
        beginInsertRows({}, offset + from, offset + to);
    });
    connect(set, &SandboxSet::inserted, this, [this, set](int from, int to) {
        m_groups[groupOf(set)].rows += to - from + 1;
        endInsertRows();
    });
    connect(set, &SandboxSet::aboutToBeRemoved, this, [this, set](int from, int to) {
        const int offset = firstRow(groupOf(set));
        beginRemoveRows({}, offset + from, offset + to);
    });
    connect(set, &SandboxSet::removed, this, [this, set](int from, int to) {
        m_groups[groupOf(set)].rows -= to - from + 1;
        endRemoveRows();
    });
    connect(set, &SandboxSet::aboutToBeMoved, this, [this, set](int from, int to) {
        const int offset = firstRow(groupOf(set));
        // Qt names the row the moved one goes before, counted before the move.
        const int before = offset + (to > from ? to + 1 : to);
        beginMoveRows({}, offset + from, offset + from, {}, before);
    });
    connect(set, &SandboxSet::moved, this, [this] { endMoveRows(); });
    connect(set, &SandboxSet::changed, this, [this, set](int from, int to) {
        const int offset = firstRow(groupOf(set));
        Q_EMIT dataChanged(index(offset + from, 0), index(offset + to, ColumnCount - 1));
    });
    // The set is the backend's child and outlives destroyed(); the backend's own part does not.
    connect(backend, &QObject::destroyed, this, [this, backend] {
        const int group = groupOf(backend);
        if (group < 0)
            return;
        m_groups[group].backend = nullptr;
        dropGroup(group);
    });
}

void SandboxTableModel::removeBackend(Backend* backend)
{
    const int group = groupOf(backend);
    if (group < 0)
        return;
    backend->disconnect(this);
    dropGroup(group);
}

QList<Backend*> SandboxTableModel::backends() const
{
    QList<Backend*> backends;
    backends.reserve(m_groups.size());
    for (const Group& group : m_groups) {
        if (group.backend)
            backends.append(group.backend);
    }
    return backends;
}

Backend* SandboxTableModel::backend(const QString& backendId) const
{
    for (const Group& group : m_groups) {
        if (group.backendId == backendId)
            return group.backend;
    }
    return nullptr;
}

Sandbox SandboxTableModel::sandboxAt(int row) const
{
    int local = 0;
    const int group = locate(row, &local);
    return group >= 0 ? m_groups.at(group).set->at(local) : Sandbox();
}

int SandboxTableModel::rowOf(const QString& backendId, const QString& id) const
{
    for (int group = 0; group < m_groups.size(); ++group) {
        if (m_groups.at(group).backendId != backendId)
            continue;
        const int local = m_groups.at(group).set->indexOf(id);
        return local >= 0 ? firstRow(group) + local : -1;
    }
    return -1;
}

int SandboxTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    int rows = 0;
    for (const Group& group : m_groups)
        rows += group.rows;
    return rows;
}

int SandboxTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SandboxTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    int local = 0;
    const int group = locate(index.row(), &local);
    const Sandbox& sandbox = m_groups.at(group).set->at(local);
    const int column = index.column();
    if ((column == CpuColumn || column == MemoryColumn || column == TimeLeftColumn) &&
        (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole ||
         role == HistoryRole))
        return liveData(sandbox, column, role);
    if (role == HistoryRole)
        return {};
    switch (role) {
    case IdRole:
        return sandbox.id;
    case BackendIdRole:
        return sandbox.backendId;
    case StatusRole:
        return int(sandbox.status);
    case StatusKeyRole:
        return statusKey(sandbox.status);
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return sandbox.statusText;
        if (index.column() == NameColumn)
            return sandbox.id;
        return {};
    case SortRole:
        switch (index.column()) {
        case CreatedColumn:
            return sandbox.created;
        case StatusColumn:
            return int(sandbox.status);
        case LimitsColumn:
            return sandbox.memoryBytes;
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return sandbox.name.isEmpty() ? sandbox.id.left(12) : sandbox.name;
        case ImageColumn:
            return sandbox.image;
        case StatusColumn:
            return statusDisplayName(sandbox.status);
        case CreatedColumn:
            return QLocale().toString(sandbox.created.toLocalTime(), QLocale::ShortFormat);
        case PortsColumn:
            return sandbox.portsText();
        case LimitsColumn:
            return sandbox.limitsText();
        case ConnectionColumn: {
            const Backend* owner = m_groups.at(group).backend;
            return owner ? owner->displayName() : m_groups.at(group).backendId;
        }
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SandboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ImageColumn:
        return tr("Image");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case PortsColumn:
        return tr("Ports");
    case LimitsColumn:
        return tr("Limits");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case TimeLeftColumn:
        return tr("Time Left");
    case ConnectionColumn:
        return tr("Connection");
    default:
        return {};
    }
}

void SandboxTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int SandboxTableModel::groupOf(const SandboxSet* set) const
{
    for (int group = 0; group < m_groups.size(); ++group) {
        if (m_groups.at(group).set == set)
            return group;
    }
    return -1;
}

int SandboxTableModel::groupOf(const Backend* backend) const
{
    for (int group = 0; group < m_groups.size(); ++group) {
        if (m_groups.at(group).backend == backend)
            return group;
    }
    return -1;
}

int SandboxTableModel::firstRow(int group) const
{
    int row = 0;
    for (int i = 0; i < group; ++i)
        row += m_groups.at(i).rows;
    return row;
}

int SandboxTableModel::locate(int row, int* local) const
{
    if (row < 0)
        return -1;
    for (int group = 0; group < m_groups.size(); ++group) {
        const int rows = m_groups.at(group).rows;
        if (row < rows) {
            *local = row;
            return group;
        }
        row -= rows;
    }
    return -1;
}

void SandboxTableModel::dropGroup(int group)
{
    const Group dropped = m_groups.at(group);
    disconnect(dropped.set, nullptr, this, nullptr);
    const int first = firstRow(group);
    if (dropped.rows > 0)
        beginRemoveRows({}, first, first + dropped.rows - 1);
    m_groups.removeAt(group);
    if (dropped.rows > 0)
        endRemoveRows();
}
