#include "IdleStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

namespace {

QDateTime timeOf(const QJsonObject& object, QLatin1String key)
{
    return QDateTime::fromString(object.value(key).toString(), Qt::ISODate).toUTC();
}

QJsonValue timeValue(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate))
                          : QJsonValue(QJsonValue::Null);
}

} // namespace

QString IdleStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/sandboxdesk/idle.json");
}

IdleStore::IdleStore(const QString& path, QObject* parent)
    : QObject(parent)
    , m_file(new SharedFile(path, this))
{
    connect(m_file, &SharedFile::changed, this, [this] {
        if (reload())
            Q_EMIT changed();
    });
    reload();
}

bool IdleStore::setSandboxOptIn(const QString& id, bool on, Error* error)
{
    return update(
        [&](State* state) {
            if (on)
                state->sandboxes.insert(id);
            else
                state->sandboxes.remove(id);
        },
        error);
}

bool IdleStore::setConnectionOptIn(const QString& endpoint, bool on, Error* error)
{
    return update(
        [&](State* state) {
            if (on)
                state->connections.insert(endpoint);
            else
                state->connections.remove(endpoint);
        },
        error);
}

bool IdleStore::noteSeen(const QString& id, bool busy, const QDateTime& now, Error* error)
{
    const Seen known = m_seen.value(id);
    const bool newWatch = !known.watchedSince.isValid();
    const bool newBusy =
        busy && (!known.activeAt.isValid() || known.activeAt.secsTo(now) > BusyResolutionSeconds);
    if (!newWatch && !newBusy)
        return true;
    // Whole seconds, as the file keeps them.
    const QDateTime at = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    return update(
        [&](State* state) {
            Seen& seen = state->seen[id];
            if (!seen.watchedSince.isValid())
                seen.watchedSince = at;
            if (busy && (!seen.activeAt.isValid() || seen.activeAt < at))
                seen.activeAt = at;
        },
        error);
}

void IdleStore::forget(const QString& id)
{
    if (!m_seen.contains(id) && !m_sandboxes.contains(id))
        return;
    Error ignored; // a stale entry costs nothing; the next write tries again
    update(
        [&](State* state) {
            state->seen.remove(id);
            state->sandboxes.remove(id);
        },
        &ignored);
}

IdleStore::State IdleStore::parse(const QByteArray& bytes)
{
    State state;
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    const QJsonObject connections = root.value(QLatin1String("connections")).toObject();
    for (auto it = connections.constBegin(); it != connections.constEnd(); ++it) {
        if (it->toObject().value(QLatin1String("idleCleanup")).toBool())
            state.connections.insert(it.key());
    }
    const QJsonObject sandboxes = root.value(QLatin1String("sandboxes")).toObject();
    for (auto it = sandboxes.constBegin(); it != sandboxes.constEnd(); ++it) {
        const QJsonObject sandbox = it->toObject();
        if (sandbox.value(QLatin1String("idleCleanup")).toBool())
            state.sandboxes.insert(it.key());
        const Seen seen{timeOf(sandbox, QLatin1String("watchedSince")),
                        timeOf(sandbox, QLatin1String("activeAt"))};
        if (seen.watchedSince.isValid() || seen.activeAt.isValid())
            state.seen.insert(it.key(), seen);
    }
    return state;
}

void IdleStore::apply(State state)
{
    m_sandboxes = std::move(state.sandboxes);
    m_connections = std::move(state.connections);
    m_seen = std::move(state.seen);
}

bool IdleStore::reload()
{
    const std::optional<QByteArray> bytes = m_file->read();
    if (!bytes)
        return false;
    State state = parse(*bytes);
    const auto sameSeen = [&] {
        if (state.seen.size() != m_seen.size())
            return false;
        for (auto it = state.seen.constBegin(); it != state.seen.constEnd(); ++it) {
            const Seen other = m_seen.value(it.key());
            if (other.watchedSince != it->watchedSince || other.activeAt != it->activeAt)
                return false;
        }
        return true;
    };
    if (state.sandboxes == m_sandboxes && state.connections == m_connections && sameSeen())
        return false;
    apply(std::move(state));
    return true;
}

bool IdleStore::update(const std::function<void(State*)>& change, Error* error)
{
    // Another client may write at the same moment: read, change and write under one lock.
    const std::unique_ptr<QLockFile> lock = m_file->lock(error);
    if (!lock)
        return false;
    reload();
    State state{m_sandboxes, m_connections, m_seen};
    change(&state);
    QJsonObject connections;
    for (const QString& endpoint : std::as_const(state.connections))
        connections.insert(endpoint, QJsonObject{{QStringLiteral("idleCleanup"), true}});
    QJsonObject sandboxes;
    for (const QString& id : std::as_const(state.sandboxes))
        sandboxes.insert(id, QJsonObject{{QStringLiteral("idleCleanup"), true}});
    for (auto it = state.seen.constBegin(); it != state.seen.constEnd(); ++it) {
        QJsonObject sandbox = sandboxes.value(it.key()).toObject();
        sandbox.insert(QStringLiteral("watchedSince"), timeValue(it->watchedSince));
        sandbox.insert(QStringLiteral("activeAt"), timeValue(it->activeAt));
        sandboxes.insert(it.key(), sandbox);
    }
    if (!m_file->writeJson({{QStringLiteral("version"), 1},
                            {QStringLiteral("connections"), connections},
                            {QStringLiteral("sandboxes"), sandboxes}},
                           error))
        return false;
    const bool changedHere = state.sandboxes != m_sandboxes || state.connections != m_connections;
    apply(std::move(state));
    if (changedHere)
        Q_EMIT changed();
    return true;
}

void IdleStore::setWatching(bool watching)
{
    m_file->setWatching(watching);
}
