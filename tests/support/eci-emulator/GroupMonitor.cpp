#include "GroupMonitor.h"

#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <memory>

namespace {

const QString labelPrefix = QStringLiteral("eci.sandboxdesk/");
const int maxEventsPerGroup = 200;
const int maxSamplesPerContainer = 2000;

qint64 number(const QJsonObject& object, const char* name)
{
    return object.value(QLatin1String(name)).toInteger();
}

} // namespace

GroupMonitor::GroupMonitor(HttpClient* docker, QObject* parent)
    : QObject(parent)
    , m_docker(docker)
{
    m_sampler.setInterval(5000);
    connect(&m_sampler, &QTimer::timeout, this, &GroupMonitor::sampleAll);
}

void GroupMonitor::start(const std::function<void(bool ok)>& ready)
{
    connectEvents(ready);
}

void GroupMonitor::connectEvents(const std::function<void(bool ok)>& ready)
{
    const QJsonObject filters{
        {QStringLiteral("type"), QJsonArray{QStringLiteral("container")}},
        {QStringLiteral("label"), QJsonArray{labelPrefix + QLatin1String("id")}}};
    QByteArray target =
        "/events?filters=" + QUrl::toPercentEncoding(QString::fromUtf8(
                                 QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    // After a reconnect, the engine replays what happened meanwhile.
    if (m_lastEventSecs > 0)
        target += "&since=" + QByteArray::number(m_lastEventSecs + 1);
    HttpReply* reply = m_docker->send(HttpRequest::get(target), HttpReply::Mode::Streaming);
    m_eventStream = reply;
    m_eventBuffer.clear();
    auto told = std::make_shared<bool>(false);
    connect(reply, &HttpReply::headersReceived, this, [reply, ready, told] {
        *told = true;
        if (ready)
            ready(reply->status() == 200);
    });
    connect(reply, &HttpReply::dataReceived, this, &GroupMonitor::onEventData);
    connect(reply, &HttpReply::finished, this, [this, reply, ready, told] {
        reply->deleteLater();
        if (!*told && ready) {
            ready(false);
            return;
        }
        QTimer::singleShot(1000, this, [this] { connectEvents({}); });
    });
}

void GroupMonitor::onEventData(const QByteArray& data)
{
    m_eventBuffer += data;
    qsizetype newline;
    while ((newline = m_eventBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_eventBuffer.left(newline);
        m_eventBuffer.remove(0, newline + 1);
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            onEvent(doc.object());
    }
    if (m_eventBuffer.size() > 1024 * 1024)
        m_eventBuffer.clear();
}

void GroupMonitor::onEvent(const QJsonObject& event)
{
    const QString action = event.value(QLatin1String("Action")).toString();
    const QJsonObject actor = event.value(QLatin1String("Actor")).toObject();
    const QJsonObject attributes = actor.value(QLatin1String("Attributes")).toObject();
    const QString dockerId = actor.value(QLatin1String("ID")).toString();
    const QString groupId = attributes.value(labelPrefix + QLatin1String("id")).toString();
    const QString name = attributes.value(labelPrefix + QLatin1String("container")).toString();
    if (groupId.isEmpty())
        return;
    m_lastEventSecs = qMax(m_lastEventSecs, number(event, "time"));
    const qint64 nanos = number(event, "timeNano");
    const QDateTime time = nanos > 0
                               ? QDateTime::fromMSecsSinceEpoch(nanos / 1000000, Qt::UTC)
                               : QDateTime::fromSecsSinceEpoch(number(event, "time"), Qt::UTC);
    Event e;
    e.container = name;
    e.type = QStringLiteral("Normal");
    e.first = e.last = time;
    if (action == QLatin1String("create")) {
        e.reason = QStringLiteral("Created");
        e.message = QStringLiteral("Created container %1").arg(name);
    } else if (action == QLatin1String("start")) {
        m_starts[dockerId] += 1;
        e.reason = QStringLiteral("Started");
        e.message = QStringLiteral("Started container %1").arg(name);
    } else if (action == QLatin1String("restart")) {
        e.reason = QStringLiteral("Restarted");
        e.message = QStringLiteral("Restarted container %1").arg(name);
    } else if (action == QLatin1String("kill")) {
        e.reason = QStringLiteral("Killing");
        e.message = QStringLiteral("Stopping container %1 with signal %2")
                        .arg(name, attributes.value(QLatin1String("signal")).toString());
    } else if (action == QLatin1String("die")) {
        const QString code = attributes.value(QLatin1String("exitCode")).toString();
        e.reason =
            code == QLatin1String("0") ? QStringLiteral("Completed") : QStringLiteral("Failed");
        e.type = code == QLatin1String("0") ? QStringLiteral("Normal") : QStringLiteral("Warning");
        e.message = QStringLiteral("Container %1 exited with code %2").arg(name, code);
    } else if (action == QLatin1String("oom")) {
        e.reason = QStringLiteral("OOMKilling");
        e.type = QStringLiteral("Warning");
        e.message = QStringLiteral("Container %1 ran out of memory").arg(name);
    } else if (action == QLatin1String("destroy")) {
        m_watched.removeAll(dockerId);
        m_samples.remove(dockerId);
        e.reason = QStringLiteral("Deleted");
        e.message = QStringLiteral("Deleted container %1").arg(name);
    } else {
        return;
    }
    record(groupId, e);
}

void GroupMonitor::record(const QString& groupId, Event event)
{
    QList<Event>& list = m_events[groupId];
    // Repeats are counted, as Kubernetes does.
    if (!list.isEmpty() && list.last().reason == event.reason &&
        list.last().message == event.message) {
        list.last().count += 1;
        list.last().last = event.last;
        return;
    }
    list.append(event);
    if (list.size() > maxEventsPerGroup)
        list.removeFirst();
}

void GroupMonitor::watch(const QStringList& dockerIds, const std::function<void()>& done)
{
    auto remaining = std::make_shared<int>(int(dockerIds.size()));
    if (dockerIds.isEmpty()) {
        done();
        return;
    }
    for (const QString& id : dockerIds) {
        if (!m_watched.contains(id))
            m_watched.append(id);
        sample(id, [remaining, done] {
            if (--*remaining == 0)
                done();
        });
    }
    if (!m_sampler.isActive())
        m_sampler.start();
}

void GroupMonitor::sampleAll()
{
    for (const QString& id : std::as_const(m_watched))
        sample(id, [] {});
}

void GroupMonitor::sample(const QString& dockerId, const std::function<void()>& done)
{
    if (m_sampling.contains(dockerId) && done) {
        m_sampling[dockerId].append(done);
        return;
    }
    m_sampling[dockerId].append(done);
    // one-shot: the engine answers at once instead of waiting for a second reading.
    HttpReply* reply = m_docker->send(HttpRequest::get(
        "/containers/" + QUrl::toPercentEncoding(dockerId) + "/stats?stream=false&one-shot=true"));
    connect(reply, &HttpReply::finished, this, [this, reply, dockerId] {
        reply->deleteLater();
        const QJsonObject stats = QJsonDocument::fromJson(reply->body()).object();
        const QJsonObject cpu = stats.value(QLatin1String("cpu_stats")).toObject();
        const QJsonObject memory = stats.value(QLatin1String("memory_stats")).toObject();
        const QJsonObject detail = memory.value(QLatin1String("stats")).toObject();
        const qint64 cpuTotal =
            number(cpu.value(QLatin1String("cpu_usage")).toObject(), "total_usage");
        // A stopped container reports nothing worth keeping.
        // The engine's own reading time: it hands the same reading to requests that overlap.
        const QDateTime read =
            QDateTime::fromString(stats.value(QLatin1String("read")).toString(), Qt::ISODateWithMs);
        QList<Sample>& list = m_samples[dockerId];
        const bool fresh = read.isValid() && (list.isEmpty() || list.last().time < read);
        if (!reply->error().isError() && reply->status() == 200 && fresh &&
            (cpuTotal > 0 || number(memory, "usage") > 0)) {
            Sample s;
            s.time = read.toUTC();
            s.cpuTotalNs = cpuTotal;
            s.memoryUsage = number(memory, "usage");
            s.memoryLimit = number(memory, "limit");
            // cgroup v1 names, else cgroup v2 names.
            s.memoryCache = detail.contains(QLatin1String("cache")) ? number(detail, "cache")
                                                                    : number(detail, "file");
            s.memoryRss = detail.contains(QLatin1String("rss")) ? number(detail, "rss")
                                                                : number(detail, "anon");
            const qint64 inactive = detail.contains(QLatin1String("total_inactive_file"))
                                        ? number(detail, "total_inactive_file")
                                        : number(detail, "inactive_file");
            s.memoryWorkingSet = qMax<qint64>(0, s.memoryUsage - inactive);
            list.append(s);
            if (list.size() > maxSamplesPerContainer)
                list.removeFirst();
        }
        for (const auto& waiter : m_sampling.take(dockerId))
            waiter();
    });
}
