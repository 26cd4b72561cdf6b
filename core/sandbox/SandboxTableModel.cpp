#include "SandboxTableModel.h"

#include "Backend.h"

#include <QLocale>

SandboxTableModel::SandboxTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void SandboxTableModel::addBackend(Backend* backend)
{
    if (m_backends.contains(backend))
        return;
    m_backends.append(backend);
    connect(backend, &Backend::sandboxesReset, this, [this, backend] { resetFrom(backend); });
    connect(backend, &Backend::sandboxAdded, this, &SandboxTableModel::upsert);
    connect(backend, &Backend::sandboxChanged, this, &SandboxTableModel::upsert);
    connect(backend, &Backend::sandboxRemoved, this,
            [this, backend](const QString& id) { removeRow(backend->id(), id); });
    connect(backend, &QObject::destroyed, this, [this, backend] { m_backends.removeAll(backend); });
    resetFrom(backend);
}

void SandboxTableModel::removeBackend(Backend* backend)
{
    if (!m_backends.removeAll(backend))
        return;
    backend->disconnect(this);
    const QString backendId = backend->id();
    beginResetModel();
    m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(),
                                [&](const Sandbox& s) { return s.backendId == backendId; }),
                 m_rows.end());
    rebuildIndex(0);
    endResetModel();
}

Backend* SandboxTableModel::backend(const QString& backendId) const
{
    for (Backend* backend : m_backends) {
        if (backend->id() == backendId)
            return backend;
    }
    return nullptr;
}

int SandboxTableModel::rowOf(const QString& backendId, const QString& id) const
{
    return m_rowByKey.value(key(backendId, id), -1);
}

int SandboxTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SandboxTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SandboxTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Sandbox& sandbox = m_rows.at(index.row());
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
            const Backend* owner = backend(sandbox.backendId);
            return owner ? owner->displayName() : sandbox.backendId;
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
    case ConnectionColumn:
        return tr("Connection");
    default:
        return {};
    }
}

void SandboxTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString SandboxTableModel::key(const QString& backendId, const QString& id)
{
    return backendId + QLatin1Char('\n') + id;
}

void SandboxTableModel::resetFrom(Backend* backend)
{
    const QString backendId = backend->id();
    beginResetModel();
    m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(),
                                [&](const Sandbox& s) { return s.backendId == backendId; }),
                 m_rows.end());
    const QList<Sandbox> fresh = backend->sandboxes();
    m_rows.append(fresh);
    rebuildIndex(0);
    endResetModel();
}

void SandboxTableModel::upsert(const Sandbox& sandbox)
{
    const int row = rowOf(sandbox.backendId, sandbox.id);
    if (row >= 0) {
        if (m_rows.at(row) == sandbox)
            return;
        m_rows[row] = sandbox;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int newRow = int(m_rows.size());
    beginInsertRows({}, newRow, newRow);
    m_rows.append(sandbox);
    m_rowByKey.insert(key(sandbox.backendId, sandbox.id), newRow);
    endInsertRows();
}

void SandboxTableModel::removeRow(const QString& backendId, const QString& id)
{
    const int row = rowOf(backendId, id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_rowByKey.remove(key(backendId, id));
    rebuildIndex(row);
    endRemoveRows();
}

void SandboxTableModel::rebuildIndex(int from)
{
    if (from == 0)
        m_rowByKey.clear();
    for (int row = from; row < m_rows.size(); ++row)
        m_rowByKey.insert(key(m_rows.at(row).backendId, m_rows.at(row).id), row);
}
