#include "JobTableModel.h"

#include <QLocale>

void JobTableModel::setJobs(const QList<JobInfo>& jobs)
{
    bool sameRows = jobs.size() == m_jobs.size();
    for (qsizetype i = 0; sameRows && i < jobs.size(); ++i)
        sameRows = jobs.at(i).id == m_jobs.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_jobs = jobs;
        endResetModel();
        return;
    }
    m_jobs = jobs;
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
}

void JobTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
}

int JobTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobTableModel::stateText(const JobInfo& job)
{
    switch (job.state) {
    case JobInfo::State::Running:
        return tr("Running");
    case JobInfo::State::Exited:
        return tr("Exited with %1").arg(job.exitCode);
    case JobInfo::State::Killed:
        return tr("Killed (%1)").arg(job.exitCode);
    case JobInfo::State::Lost:
        return tr("Lost");
    }
    return {};
}

QString JobTableModel::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QVariant JobTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const JobInfo& job = m_jobs.at(index.row());
    if (role == JobIdRole)
        return job.id;
    if (role == RunningRole)
        return job.state == JobInfo::State::Running;
    if (role == Qt::ToolTipRole && index.column() == Command)
        return job.command;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return job.id;
    case State:
        return stateText(job);
    case Started:
        return QLocale().toString(job.started.toLocalTime(), QLocale::ShortFormat);
    case Output:
        return sizeText(job.outputBytes);
    case Command:
        return job.command;
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Job");
    case State:
        return tr("State");
    case Started:
        return tr("Started");
    case Output:
        return tr("Output");
    case Command:
        return tr("Command");
    default:
        return {};
    }
}
