#pragma once

#include "JobScript.h"
#include "sandbox/Error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

class Backend;
class QTimer;
class SandboxJobs;

// Every background job of every running sandbox of the connections it is given, as one table;
// for a container group, the jobs of each of its containers (each keeps its own). Each
// sandbox (each container) is asked by an exec of its own (SandboxJobs::list), a few at a time, so
// nothing waits on the thread that owns the model; a sandbox that had no jobs is asked again only
// every idleRounds rounds (an exec per sandbox and round is what a cloud's quota counts).
// Rows stay put when the same jobs come back with new values, so a view keeps its selection.
class AllJobsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Sandbox,
        Connection,
        JobId,
        Command,
        State,
        ExitCode,
        Started,
        Output,
        ColumnCount
    };
    enum Role
    {
        BackendIdRole = Qt::UserRole + 1,
        SandboxIdRole,
        JobIdRole,
        CommandRole,
        RunningRole, // bool
        ContainerRole,
        SortRole, // a value that sorts as the column means (time, bytes, code)
    };

    struct Row
    {
        QString backendId;
        QString sandboxId;
        QString container;   // which container of a group; empty when the sandbox has one
        QString sandboxName; // with the container's name after it, for a group's
        QString connectionName;
        JobInfo job;
    };

    explicit AllJobsModel(QObject* parent = nullptr);
    ~AllJobsModel() override;

    void addBackend(Backend* backend);
    void removeBackend(Backend* backend);
    QList<Backend*> backends() const;

    // Starts a round that asks every running sandbox now, unless one is under way (then that
    // round is followed by a full one).
    void refresh();
    // Rounds every intervalMs after the last one ended; 0 stops them.
    void setAutoRefresh(int intervalMs);
    bool isRefreshing() const { return m_running > 0 || !m_queue.isEmpty(); }

    const Row& row(int row) const { return m_rows.at(row); }
    int rowOf(const QString& backendId, const QString& sandboxId, const QString& jobId,
              const QString& container = {}) const;
    // The jobs of one sandbox (of one container of a group), kept for as long as the sandbox
    // is listed (null when it is not a running sandbox of a connection that can run commands).
    SandboxJobs* jobsOf(const QString& backendId, const QString& sandboxId,
                        const QString& container = {});
    // Asks one sandbox (each of its containers) again at once (after a kill, a start).
    void refreshSandbox(const QString& backendId, const QString& sandboxId);
    // The sandboxes whose last listing failed, with the error.
    QList<QPair<QString, Error>> failures() const;
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static constexpr int concurrentLists = 4;
    static constexpr int idleRounds = 10;

Q_SIGNALS:
    // A round has ended: every sandbox due in it answered or failed.
    void refreshed();

private:
    struct Target
    {
        QPointer<Backend> backend;
        QString backendId;
        QString sandboxId;
        QString container;
        SandboxJobs* jobs = nullptr;
        int roundsIdle = 0; // rounds since it was last asked, while it had no jobs
        bool hasJobs = false;
        bool listing = false;
        Error error;
    };

    static QString keyOf(const QString& backendId, const QString& sandboxId,
                         const QString& container);
    void syncTargets();
    // Forgets the sandboxes that are gone (with their rows), ending a round they held up.
    void dropGone();
    void startRound(bool everything);
    void pump();
    void listed(const QString& key, const QList<JobInfo>& jobs, const Error& error);
    void replaceRows(const Target& target, const QList<JobInfo>& jobs);
    // Forgets a sandbox's rows: those of one container, or (null) of all of them.
    void dropRowsOf(const QString& backendId, const QString& sandboxId,
                    const QString* container = nullptr);
    // Forgets a target (ending its part of a round); the one after it.
    QHash<QString, Target>::iterator dropTarget(QHash<QString, Target>::iterator it);
    void roundEnded();

    QList<QPointer<Backend>> m_backends;
    QHash<QString, Target> m_targets;
    QList<QString> m_queue;
    QList<Row> m_rows;
    QTimer* m_timer;
    int m_running = 0;
    bool m_fullRoundWanted = false;
};
