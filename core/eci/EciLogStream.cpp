#include "EciLogStream.h"

#include "EciBackend.h"
#include "EciJson.h"
#include "sandbox/CheckedNumbers.h"
#include "sandbox/Job.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace {

constexpr int MaxRetryMs = 30000;
constexpr qint64 NsPerSecond = 1000000000;

QString rfc3339Seconds(qint64 nanoseconds)
{
    return QDateTime::fromSecsSinceEpoch(nanoseconds / NsPerSecond, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

bool isStopped(SandboxStatus status)
{
    return status == SandboxStatus::Exited || status == SandboxStatus::Dead;
}

} // namespace

EciLogStream::EciLogStream(EciBackend* backend, const QString& id, const LogOptions& options)
    : LogStream(nullptr)
    , m_backend(backend)
    , m_id(id)
    , m_options(options)
    , m_container(options.container)
    , m_regionId(backend->config().regionId)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &EciLogStream::poll);
    connect(backend, &QObject::destroyed, this, [this] {
        if (!m_stopped)
            finishWith(Error::make(Error::Connection, tr("The connection was closed.")));
    });
    connect(backend, &Backend::sandboxChanged, this, &EciLogStream::onSandboxChanged);
    connect(backend, &Backend::sandboxAdded, this, &EciLogStream::onSandboxChanged);
    connect(backend, &Backend::sandboxRemoved, this, [this](const QString& removed) {
        // Its log went with it; what was fetched has been delivered.
        if (removed == m_id && m_options.follow && !m_job && !m_first)
            finishWith({});
    });
    if (m_options.since.isValid())
        m_lowerBoundNs = CheckedNumbers::clampedNanoseconds(m_options.since);
    // Started from the event loop so that whoever asked can connect first.
    QTimer::singleShot(0, this, &EciLogStream::resolveContainer);
}

// The call in flight is a child: it goes with the stream, aborting its request.
EciLogStream::~EciLogStream() = default;

void EciLogStream::stop()
{
    m_stopped = true;
    m_timer->stop();
    // Deleting the call aborts its request without a word; no finished() follows.
    delete m_job.data();
    m_job = nullptr;
}

QList<EciLogStream::Line> EciLogStream::parseContent(const QByteArray& content,
                                                     QByteArray* unfinished)
{
    QList<Line> lines;
    qint64 last = 0;
    qsizetype at = 0;
    while (at < content.size()) {
        const qsizetype newline = content.indexOf('\n', at);
        if (newline < 0) {
            if (unfinished)
                *unfinished = content.mid(at);
            break;
        }
        Line line;
        const char* data = content.constData() + at;
        const qsizetype size = newline - at;
        qint64 timestamp = 0;
        const qsizetype used = LogStream::parseTimestamp(data, size, &timestamp);
        if (used > 0 && (used == size || data[used] == ' ')) {
            last = timestamp;
            at += std::min(used + 1, size);
        }
        line.timestamp = last;
        line.bytes = content.mid(at, newline + 1 - at);
        lines.append(line);
        at = newline + 1;
    }
    return lines;
}

void EciLogStream::resolveContainer()
{
    if (m_stopped)
        return;
    if (!m_backend) {
        finishWith(Error::make(Error::Connection, tr("The ECI connection is gone.")));
        return;
    }
    if (m_container.isEmpty()) {
        bool found = false;
        const Sandbox sandbox = m_backend->sandbox(m_id, &found);
        if (found && !sandbox.containers.isEmpty())
            m_container = sandbox.containers.first();
    }
    if (!m_container.isEmpty()) {
        poll();
        return;
    }
    // Not in the live set yet: ask the service which containers the group has.
    EciParams params{
        {QStringLiteral("RegionId"), m_regionId},
        {QStringLiteral("ContainerGroupIds"),
         QString::fromUtf8(QJsonDocument(QJsonArray{m_id}).toJson(QJsonDocument::Compact))}};
    Job* job = m_backend->client()->call(QStringLiteral("DescribeContainerGroups"), params, this);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        m_job = nullptr;
        if (m_stopped)
            return;
        if (job->error().isError()) {
            finishWith(job->error());
            return;
        }
        const QList<Sandbox> groups = EciJson::sandboxesFromPage(
            QJsonObject::fromVariantMap(job->result().toMap()), QString());
        for (const Sandbox& group : groups) {
            if (group.id == m_id && !group.containers.isEmpty())
                m_container = group.containers.first();
        }
        if (m_container.isEmpty()) {
            finishWith(
                Error::make(Error::NotFound,
                            tr("No such container group, or it has no containers: %1").arg(m_id)));
            return;
        }
        poll();
    });
}

void EciLogStream::poll()
{
    if (m_stopped || m_job || !m_backend)
        return;
    EciParams params{{QStringLiteral("RegionId"), m_regionId},
                     {QStringLiteral("ContainerGroupId"), m_id},
                     {QStringLiteral("ContainerName"), m_container},
                     {QStringLiteral("Timestamps"), QStringLiteral("true")},
                     {QStringLiteral("LimitBytes"), QString::number(MaxLimitBytes)}};
    // Without Tail the service sends only its last 500 lines, so every poll asks for the most.
    int tail = MaxTail;
    qint64 start = m_lowerBoundNs;
    if (m_first) {
        m_openedAtNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
        if (m_options.tail >= 0)
            tail = std::min(m_options.tail, MaxTail);
    } else {
        m_filter.rewind();
        if (m_filter.hasSeen())
            start = std::max(start, m_filter.since());
    }
    params.append({QStringLiteral("Tail"), QString::number(tail)});
    // An answer to a request sent after the group stopped holds all it will ever write.
    bool found = false;
    const Sandbox group = m_backend->sandbox(m_id, &found);
    m_sentWhileStopped = found && isStopped(group.status);
    if (start > 0)
        params.append({QStringLiteral("StartTime"), rfc3339Seconds(start)});

    Job* job = m_backend->client()->call(QStringLiteral("DescribeContainerLog"), params, this);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] { onPolled(job); });
}

void EciLogStream::onPolled(Job* job)
{
    m_job = nullptr;
    if (m_stopped)
        return;
    const bool first = m_first;
    const Error& error = job->error();
    if (error.isError()) {
        if (error.kind == Error::NotFound) {
            // Deleted while we followed it: everything there was has been delivered.
            if (!first && m_options.follow)
                finishWith({});
            else
                finishWith(error);
            return;
        }
        if (!m_options.follow || error.kind == Error::Auth || error.kind == Error::Invalid) {
            finishWith(error);
            return;
        }
        if (!m_interrupted) {
            m_interrupted = true;
            Q_EMIT interrupted(error);
        }
        ++m_failures;
        scheduleNext(std::min(MaxRetryMs, m_pollIntervalMs << std::min(m_failures, 4)));
        return;
    }
    m_failures = 0;
    if (m_interrupted) {
        m_interrupted = false;
        Q_EMIT resumed();
    }
    const QJsonObject response = QJsonObject::fromVariantMap(job->result().toMap());
    const QByteArray content = EciJson::text(response.value(QLatin1String("Content"))).toUtf8();
    deliver(content, !m_options.follow);
    m_first = false;
    if (first && m_options.tail >= 0) {
        // What the tail left out stays out when later polls look back.
        m_lowerBoundNs = std::max(m_lowerBoundNs, m_filter.hasSeen() ? m_earliestNs : m_openedAtNs);
    }
    if (m_stopped)
        return;
    if (!m_options.follow) {
        finishWith({});
        return;
    }
    if (m_sentWhileStopped) {
        m_paused = true;
        Q_EMIT interrupted({});
        return;
    }
    // A full answer means more is waiting; ask again at once so that the tail does not
    // slide past lines never fetched.
    scheduleNext(m_fullAnswer ? 0 : m_pollIntervalMs);
}

void EciLogStream::deliver(const QByteArray& content, bool complete)
{
    QByteArray unfinished;
    QList<Line> lines = parseContent(content, &unfinished);
    const bool full = content.size() >= MaxLimitBytes - 64 || lines.size() >= MaxTail;
    // While following, an unfinished last line is left to the next poll, which brings it whole.
    if (complete && !unfinished.isEmpty()) {
        Line last;
        last.bytes = unfinished;
        last.timestamp = lines.isEmpty() ? 0 : lines.last().timestamp;
        qint64 timestamp = 0;
        const qsizetype used =
            LogStream::parseTimestamp(unfinished.constData(), unfinished.size(), &timestamp);
        if (used > 0 && used < unfinished.size() && unfinished.at(used) == ' ') {
            last.timestamp = timestamp;
            last.bytes = unfinished.mid(used + 1);
        }
        lines.append(last);
    }
    bool progressed = false;
    for (const Line& line : std::as_const(lines)) {
        if (m_stopped)
            return;
        if (line.timestamp != 0 && line.timestamp < m_lowerBoundNs)
            continue;
        if (!m_filter.accept(line.timestamp, Stream::Stdout, line.bytes))
            continue;
        if (m_earliestNs == 0)
            m_earliestNs = line.timestamp;
        progressed = true;
        Q_EMIT received(Stream::Stdout, line.bytes, line.timestamp);
    }
    // Asking again at once only helps while each answer brings something new.
    m_fullAnswer = full && progressed;
}

void EciLogStream::scheduleNext(int delayMs)
{
    if (!m_stopped && !m_paused)
        m_timer->start(std::max(0, delayMs));
}

void EciLogStream::onSandboxChanged(const Sandbox& sandbox)
{
    if (m_stopped || !m_options.follow || sandbox.id != m_id || m_first)
        return;
    if (isStopped(sandbox.status)) {
        // Fetch what it wrote last (the answer then pauses the stream) without waiting.
        if (!m_paused && !m_job) {
            m_timer->stop();
            poll();
        }
    } else if (m_paused && (sandbox.status == SandboxStatus::Running ||
                            sandbox.status == SandboxStatus::Restarting)) {
        m_paused = false;
        Q_EMIT resumed();
        m_timer->stop();
        poll();
    }
}

void EciLogStream::finishWith(const Error& error)
{
    m_stopped = true;
    m_timer->stop();
    if (error.isError())
        Q_EMIT failed(error);
    else
        Q_EMIT ended();
}
