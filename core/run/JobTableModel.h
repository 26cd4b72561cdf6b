#pragma once

#include "JobScript.h"

#include <QAbstractTableModel>

// A sandbox's jobs as a table: id, state, started, output kept, command. setJobs() keeps rows
// (and so the view's selection) when the same jobs come back with new values.
class JobTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        State,
        Started,
        Output,
        Command,
        ColumnCount
    };
    enum Role
    {
        JobIdRole = Qt::UserRole + 1,
        RunningRole, // bool
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setJobs(const QList<JobInfo>& jobs);
    const QList<JobInfo>& jobs() const { return m_jobs; }
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(const JobInfo& job); // translated
    static QString sizeText(qint64 bytes);

private:
    QList<JobInfo> m_jobs;
};
