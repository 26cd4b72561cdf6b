#include "StatsMonitor.h"

#include "Backend.h"
#include "StatsStream.h"

#include <QTimer>

#include <algorithm>

namespace {

// Samples arrive once a second per sandbox, spread over the second; views repaint once a second
// for all of them (bench_stats: a quarter of a second cost four times the repaints for nothing).
constexpr int NotifyMs = 1000;

} // namespace

StatsMonitor::StatsMonitor(QObject* parent)
    : QObject(parent)
    , m_notify(new QTimer(this))
{
    m_notify->setSingleShot(true);
    m_notify->setInterval(NotifyMs);
    connect(m_notify, &QTimer::timeout, this, &StatsMonitor::updated);
}

StatsMonitor::~StatsMonitor()
{
    for (Watch& watch : m_watches)
        close(watch);
}

QString StatsMonitor::keyOf(const QString& backendId, const QString& id)
{
    return backendId + QLatin1Char('\n') + id;
}

void StatsMonitor::setWatched(const QList<Target>& targets)
{
    QHash<QString, Watch> next;
    for (const Target& target : targets) {
        if (!target.backend)
            continue;
        const QString key = keyOf(target.backend->id(), target.id);
        if (next.contains(key))
            continue;
        auto it = m_watches.find(key);
        if (it != m_watches.end()) {
            next.insert(key, std::move(*it));
            m_watches.erase(it);
            continue;
        }
        Watch watch;
        watch.backend = target.backend;
        watch.id = target.id;
        follow(target.backend);
        next.insert(key, std::move(watch));
        open(next[key]);
    }
    for (Watch& gone : m_watches)
        close(gone);
    m_watches = std::move(next);
}

void StatsMonitor::follow(Backend* backend)
{
    for (const QPointer<Backend>& followed : std::as_const(m_followed)) {
        if (followed == backend)
            return;
    }
    m_followed.append(backend);
    connect(backend, &Backend::sandboxChanged, this,
            [this, backend](const Sandbox& sandbox) { onSandboxChanged(backend, sandbox); });
}

void StatsMonitor::onSandboxChanged(Backend* backend, const Sandbox& sandbox)
{
    // A watched sandbox that starts again gets its stream back.
    const auto it = m_watches.find(keyOf(backend->id(), sandbox.id));
    if (it != m_watches.end() && !it->stream && sandbox.status == SandboxStatus::Running)
        open(*it);
}

void StatsMonitor::open(Watch& watch)
{
    if (watch.stream || !watch.backend || !(watch.backend->capabilities() & Backend::HasLiveStats))
        return;
    bool found = false;
    if (watch.backend->sandbox(watch.id, &found).status != SandboxStatus::Running || !found)
        return;
    StatsStream* stream = watch.backend->openStats(watch.id);
    if (!stream)
        return;
    stream->setParent(this);
    watch.stream = stream;
    const QString key = keyOf(watch.backend->id(), watch.id);
    connect(stream, &StatsStream::sampled, this, [this, key](const ResourceSample& sample) {
        const auto it = m_watches.find(key);
        if (it == m_watches.end())
            return;
        it->samples.push_back(sample);
        while (it->samples.size() > size_t(HistorySize))
            it->samples.pop_front();
        if (!m_notify->isActive())
            m_notify->start();
    });
    const auto finished = [this, key, stream] {
        const auto it = m_watches.find(key);
        if (it != m_watches.end() && it->stream == stream)
            it->stream = nullptr;
        stream->deleteLater();
        if (!m_notify->isActive())
            m_notify->start();
    };
    connect(stream, &StatsStream::ended, this, finished);
    connect(stream, &StatsStream::failed, this, finished);
    stream->start();
}

void StatsMonitor::close(Watch& watch)
{
    if (!watch.stream)
        return;
    watch.stream->disconnect(this);
    watch.stream->stop();
    delete watch.stream;
    watch.stream = nullptr;
}

QList<ResourceSample> StatsMonitor::history(const QString& backendId, const QString& id) const
{
    const auto it = m_watches.constFind(keyOf(backendId, id));
    if (it == m_watches.constEnd())
        return {};
    return QList<ResourceSample>(it->samples.begin(), it->samples.end());
}

QList<qreal> StatsMonitor::recent(const QString& backendId, const QString& id, Field field,
                                  int count) const
{
    QList<qreal> values;
    const auto it = m_watches.constFind(keyOf(backendId, id));
    if (it == m_watches.constEnd())
        return values;
    const size_t n = std::min(it->samples.size(), size_t(std::max(0, count)));
    values.reserve(qsizetype(n));
    for (auto sample = it->samples.end() - std::ptrdiff_t(n); sample != it->samples.end(); ++sample)
        values.append(field == Field::Cpu ? sample->cpuPercent : qreal(sample->memoryBytes));
    return values;
}

bool StatsMonitor::latest(const QString& backendId, const QString& id, ResourceSample* sample) const
{
    const auto it = m_watches.constFind(keyOf(backendId, id));
    if (it == m_watches.constEnd() || it->samples.empty())
        return false;
    *sample = it->samples.back();
    return true;
}

int StatsMonitor::openStreams() const
{
    int open = 0;
    for (const Watch& watch : m_watches)
        open += watch.stream ? 1 : 0;
    return open;
}
