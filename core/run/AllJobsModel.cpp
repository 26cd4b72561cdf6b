#include "AllJobsModel.h"

#include "JobTableModel.h"
#include "SandboxJobs.h"
#include "sandbox/Backend.h"

#include <QLocale>
#include <QSet>
#include <QTimer>

namespace {

QString nameOf(const Sandbox& sandbox, const QString& container)
{
    const QString name = sandbox.name.isEmpty() ? sandbox.id.left(12) : sandbox.name;
    return container.isEmpty() ? name : QStringLiteral("%1 / %2").arg(name, container);
}

// The containers whose jobs are listed apart: a group's, or the one (empty) of a sandbox that
// has one.
QStringList containersOf(const Sandbox& sandbox)
{
    return sandbox.containers.size() > 1 ? sandbox.containers : QStringList{QString()};
}

bool sameJob(const JobInfo& a, const JobInfo& b)
{
    return a.id == b.id && a.command == b.command && a.started == b.started && a.pid == b.pid &&
           a.state == b.state && a.exitCode == b.exitCode && a.outputBytes == b.outputBytes;
}

} // namespace

AllJobsModel::AllJobsModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { startRound(false); });
}

AllJobsModel::~AllJobsModel() = default;

QString AllJobsModel::keyOf(const QString& backendId, const QString& sandboxId,
                            const QString& container)
{
    return backendId + QLatin1Char('\n') + sandboxId + QLatin1Char('\n') + container;
}

void AllJobsModel::addBackend(Backend* backend)
{
    if (!backend || m_backends.contains(backend))
        return;
    m_backends.append(backend);
    const QString backendId = backend->id();
    connect(backend, &Backend::sandboxRemoved, this, [this, backendId](const QString& id) {
        dropRowsOf(backendId, id);
        const bool wasRefreshing = isRefreshing();
        for (auto it = m_targets.begin(); it != m_targets.end();) {
            if (it->backendId == backendId && it->sandboxId == id)
                it = dropTarget(it);
            else
                ++it;
        }
        if (wasRefreshing && !isRefreshing())
            roundEnded();
    });
    connect(backend, &Backend::sandboxChanged, this, [this, backendId](const ::Sandbox& sandbox) {
        for (qsizetype row = 0; row < m_rows.size(); ++row) {
            Row& r = m_rows[row];
            if (r.backendId != backendId || r.sandboxId != sandbox.id)
                continue;
            const QString name = nameOf(sandbox, r.container);
            if (r.sandboxName != name) {
                r.sandboxName = name;
                Q_EMIT dataChanged(index(int(row), Sandbox), index(int(row), Sandbox));
            }
        }
    });
    connect(backend, &QObject::destroyed, this, &AllJobsModel::dropGone);
}

void AllJobsModel::dropGone()
{
    const bool wasRefreshing = isRefreshing();
    syncTargets();
    if (wasRefreshing && !isRefreshing())
        roundEnded();
}

void AllJobsModel::removeBackend(Backend* backend)
{
    m_backends.removeAll(backend);
    if (backend)
        backend->disconnect(this);
    dropGone();
}

QList<Backend*> AllJobsModel::backends() const
{
    QList<Backend*> backends;
    for (const QPointer<Backend>& backend : m_backends) {
        if (backend)
            backends.append(backend);
    }
    return backends;
}

void AllJobsModel::syncTargets()
{
    m_backends.removeIf([](const QPointer<Backend>& backend) { return backend.isNull(); });
    QSet<QString> wanted;
    for (const QPointer<Backend>& backend : std::as_const(m_backends)) {
        if (!backend || backend->state() != Backend::State::Connected ||
            !backend->capabilities().testFlag(Backend::CanExec))
            continue;
        const QList<::Sandbox> sandboxes = backend->sandboxes();
        for (const ::Sandbox& sandbox : sandboxes) {
            if (sandbox.status != SandboxStatus::Running)
                continue;
            const QStringList containers = containersOf(sandbox);
            for (const QString& container : containers) {
                const QString key = keyOf(backend->id(), sandbox.id, container);
                wanted.insert(key);
                Target& target = m_targets[key];
                if (!target.jobs) {
                    target.backend = backend;
                    target.backendId = backend->id();
                    target.sandboxId = sandbox.id;
                    target.container = container;
                    target.jobs = new SandboxJobs(backend, sandbox.id, container, this);
                }
            }
        }
    }
    for (auto it = m_targets.begin(); it != m_targets.end();) {
        if (wanted.contains(it.key()) && it->backend) {
            ++it;
            continue;
        }
        dropRowsOf(it->backendId, it->sandboxId, &it->container);
        it = dropTarget(it);
    }
}

QHash<QString, AllJobsModel::Target>::iterator
AllJobsModel::dropTarget(QHash<QString, Target>::iterator it)
{
    if (it->listing)
        --m_running;
    if (it->jobs)
        it->jobs->deleteLater();
    m_queue.removeAll(it.key());
    return m_targets.erase(it);
}

void AllJobsModel::refresh()
{
    if (isRefreshing()) {
        m_fullRoundWanted = true;
        return;
    }
    startRound(true);
}

void AllJobsModel::setAutoRefresh(int intervalMs)
{
    if (intervalMs <= 0) {
        m_timer->stop();
        m_timer->setInterval(0);
        return;
    }
    m_timer->setInterval(intervalMs);
    if (!isRefreshing())
        m_timer->start();
}

void AllJobsModel::startRound(bool everything)
{
    m_timer->stop();
    syncTargets();
    for (auto it = m_targets.begin(); it != m_targets.end(); ++it) {
        if (it->listing || m_queue.contains(it.key()))
            continue;
        if (everything || it->hasJobs || it->roundsIdle + 1 >= idleRounds) {
            it->roundsIdle = 0;
            m_queue.append(it.key());
        } else {
            ++it->roundsIdle;
        }
    }
    if (!isRefreshing()) {
        roundEnded();
        return;
    }
    pump();
}

void AllJobsModel::refreshSandbox(const QString& backendId, const QString& sandboxId)
{
    bool queued = false;
    for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it) {
        if (it->backendId != backendId || it->sandboxId != sandboxId || it->listing ||
            m_queue.contains(it.key()))
            continue;
        m_queue.prepend(it.key());
        queued = true;
    }
    if (!queued)
        return;
    m_timer->stop();
    pump();
}

void AllJobsModel::pump()
{
    while (m_running < concurrentLists && !m_queue.isEmpty()) {
        const QString key = m_queue.takeFirst();
        const auto it = m_targets.find(key);
        if (it == m_targets.end() || !it->jobs)
            continue;
        it->listing = true;
        ++m_running;
        ResultJob<QList<JobInfo>>* job = it->jobs->list();
        connect(job, &Job::finished, this,
                [this, job, key] { listed(key, job->value(), job->error()); });
    }
}

void AllJobsModel::listed(const QString& key, const QList<JobInfo>& jobs, const Error& error)
{
    const auto it = m_targets.find(key);
    if (it == m_targets.end() || !it->listing)
        return;
    it->listing = false;
    --m_running;
    it->error = error;
    if (!error.isError()) {
        it->hasJobs = !jobs.isEmpty();
        replaceRows(*it, jobs);
    }
    pump();
    if (!isRefreshing())
        roundEnded();
}

void AllJobsModel::roundEnded()
{
    Q_EMIT refreshed();
    if (isRefreshing())
        return;
    if (std::exchange(m_fullRoundWanted, false)) {
        startRound(true);
        return;
    }
    if (m_timer->interval() > 0)
        m_timer->start();
}

void AllJobsModel::replaceRows(const Target& target, const QList<JobInfo>& jobs)
{
    if (!target.backend)
        return;
    const QString backendId = target.backend->id();
    QSet<QString> ids;
    for (const JobInfo& job : jobs)
        ids.insert(job.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const Row& existing = m_rows.at(row);
        if (existing.backendId == backendId && existing.sandboxId == target.sandboxId &&
            existing.container == target.container && !ids.contains(existing.job.id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    const QString sandboxName = nameOf(target.backend->sandbox(target.sandboxId), target.container);
    const QString connectionName = target.backend->displayName();
    for (const JobInfo& job : jobs) {
        const int row = rowOf(backendId, target.sandboxId, job.id, target.container);
        if (row >= 0) {
            Row& existing = m_rows[row];
            if (sameJob(existing.job, job) && existing.sandboxName == sandboxName &&
                existing.connectionName == connectionName)
                continue;
            existing.job = job;
            existing.sandboxName = sandboxName;
            existing.connectionName = connectionName;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        const int end = int(m_rows.size());
        beginInsertRows({}, end, end);
        m_rows.append(
            {backendId, target.sandboxId, target.container, sandboxName, connectionName, job});
        endInsertRows();
    }
}

void AllJobsModel::dropRowsOf(const QString& backendId, const QString& sandboxId,
                              const QString* container)
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const Row& r = m_rows.at(row);
        if (r.backendId == backendId && r.sandboxId == sandboxId &&
            (!container || r.container == *container)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
}

int AllJobsModel::rowOf(const QString& backendId, const QString& sandboxId, const QString& jobId,
                        const QString& container) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const Row& r = m_rows.at(row);
        if (r.job.id == jobId && r.sandboxId == sandboxId && r.backendId == backendId &&
            r.container == container)
            return int(row);
    }
    return -1;
}

SandboxJobs* AllJobsModel::jobsOf(const QString& backendId, const QString& sandboxId,
                                  const QString& container)
{
    const auto it = m_targets.constFind(keyOf(backendId, sandboxId, container));
    return it == m_targets.constEnd() ? nullptr : it->jobs;
}

QList<QPair<QString, Error>> AllJobsModel::failures() const
{
    QList<QPair<QString, Error>> failures;
    for (const Target& target : m_targets) {
        if (target.error.isError() && target.backend)
            failures.append({nameOf(target.backend->sandbox(target.sandboxId), target.container),
                             target.error});
    }
    std::sort(failures.begin(), failures.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return failures;
}

void AllJobsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int AllJobsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AllJobsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllJobsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    const JobInfo& job = row.job;
    const bool running = job.state == JobInfo::State::Running;
    const bool hasCode = !running && job.state != JobInfo::State::Lost && job.exitCode >= 0;
    switch (role) {
    case BackendIdRole:
        return row.backendId;
    case SandboxIdRole:
        return row.sandboxId;
    case ContainerRole:
        return row.container;
    case JobIdRole:
        return job.id;
    case CommandRole:
        return job.command;
    case RunningRole:
        return running;
    case Qt::ToolTipRole:
        if (index.column() == Sandbox)
            return row.sandboxId;
        if (index.column() == Command)
            return job.command;
        return {};
    case SortRole:
        switch (index.column()) {
        case ExitCode:
            return hasCode ? job.exitCode : -1;
        case Started:
            return job.started.toMSecsSinceEpoch();
        case Output:
            return job.outputBytes;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Sandbox:
        return row.sandboxName;
    case Connection:
        return row.connectionName;
    case JobId:
        return job.id;
    case Command:
        return job.command;
    case State:
        switch (job.state) {
        case JobInfo::State::Running:
            return tr("Running");
        case JobInfo::State::Exited:
            return tr("Exited");
        case JobInfo::State::Killed:
            return tr("Killed");
        case JobInfo::State::Lost:
            return tr("Lost");
        }
        return {};
    case ExitCode:
        return hasCode ? QVariant(job.exitCode) : QVariant(QString());
    case Started:
        return QLocale().toString(job.started.toLocalTime(), QLocale::ShortFormat);
    case Output:
        return JobTableModel::sizeText(job.outputBytes);
    default:
        return {};
    }
}

QVariant AllJobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Sandbox:
        return tr("Sandbox");
    case Connection:
        return tr("Connection");
    case JobId:
        return tr("Job");
    case Command:
        return tr("Command");
    case State:
        return tr("State");
    case ExitCode:
        return tr("Exit Code");
    case Started:
        return tr("Started");
    case Output:
        return tr("Output");
    default:
        return {};
    }
}
