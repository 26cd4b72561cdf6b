#include "DockerBackend.h"

#include "DockerExecSession.h"
#include "DockerJson.h"
#include "DockerLogStream.h"
#include "DockerSandboxFiles.h"
#include "DockerStatsStream.h"
#include "sandbox/CheckedNumbers.h"
#include "sandbox/Job.h"
#include "sandbox/Lifetime.h"
#include "settings/ExpiryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

namespace {

constexpr int MaxEventLine = 1024 * 1024;
// Fewer than the client's connections, so that actions and refreshes never wait behind them.
constexpr int LimitsConcurrency = 2;
// The most background fetches waiting at once; a longer list gets the rest from later refreshes.
constexpr int MaxQueuedLimits = 512;
constexpr int MaxStatusRetries = 10;
constexpr int StatusRetryMs = 50;
constexpr int PingIntervalMs = 15000;
// stop and restart wait for the sandbox's own stop timeout before the engine answers.
constexpr int StopRequestTimeoutMs = 10 * 60 * 1000;

QByteArray encoded(const QString& text)
{
    return QUrl::toPercentEncoding(text);
}

QByteArray idFilter(const QString& id)
{
    QJsonObject filters;
    filters.insert(QLatin1String("id"), QJsonArray{id});
    return encoded(QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
}

// Actions that say nothing about a container's state, only that something ran in it.
bool changesNothingListed(const QString& action)
{
    return action.startsWith(QLatin1String("exec_")) || action == QLatin1String("attach") ||
           action == QLatin1String("resize") || action == QLatin1String("top") ||
           action == QLatin1String("archive-path") || action == QLatin1String("extract-to-dir") ||
           action == QLatin1String("export") || action == QLatin1String("commit") ||
           action == QLatin1String("copy");
}

SandboxStatus statusImpliedBy(const QString& action)
{
    static const QHash<QString, SandboxStatus> implied = {
        {QStringLiteral("create"), SandboxStatus::Created},
        {QStringLiteral("start"), SandboxStatus::Running},
        {QStringLiteral("restart"), SandboxStatus::Running},
        {QStringLiteral("unpause"), SandboxStatus::Running},
        {QStringLiteral("pause"), SandboxStatus::Paused},
        {QStringLiteral("die"), SandboxStatus::Exited},
        {QStringLiteral("stop"), SandboxStatus::Exited},
    };
    return implied.value(action, SandboxStatus::Unknown);
}

} // namespace

DockerBackend::DockerBackend(const QString& id, const QString& displayName,
                             const Endpoint& endpoint, QObject* parent)
    : DockerBackend(
          id, [displayName] { return displayName; }, endpoint, parent)
{}

DockerBackend::DockerBackend(const QString& id, std::function<QString()> displayName,
                             const Endpoint& endpoint, QObject* parent)
    : Backend(parent)
    , m_id(id)
    , m_displayName(std::move(displayName))
    , m_expiry(new ExpiryStore(ExpiryStore::defaultPath(), this))
    , m_http(new HttpClient(endpoint, this))
    , m_reconnectTimer(new QTimer(this))
    , m_pingTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &DockerBackend::attempt);
    m_pingTimer->setInterval(PingIntervalMs);
    connect(m_pingTimer, &QTimer::timeout, this, &DockerBackend::ping);
    connect(m_expiry, &ExpiryStore::changed, this, &DockerBackend::onExpiriesChanged);
}

DockerBackend::~DockerBackend()
{
    cancelOpenJobs();
}

Backend::Capabilities DockerBackend::capabilities() const
{
    return CanPause | CanRestart | CanPullImages | CanListImages | CanKill | CanExec |
           CanBrowseFiles | HasLiveStats | CanExpire;
}

bool DockerBackend::isSettled() const
{
    return state() == State::Connected && m_limitsInFlight == 0 && m_limitsQueue.isEmpty();
}

void DockerBackend::setReconnectDelays(int firstMs, int maxMs)
{
    m_firstDelayMs = firstMs;
    m_maxDelayMs = maxMs;
    m_nextDelayMs = firstMs;
}

void DockerBackend::setTimeouts(int connectMs, int requestMs)
{
    m_http->setConnectTimeoutMs(connectMs);
    m_http->setRequestTimeoutMs(requestMs);
}

void DockerBackend::setLiveness(int intervalMs, int timeoutMs)
{
    m_pingTimer->setInterval(intervalMs);
    m_pingTimeoutMs = timeoutMs;
}

void DockerBackend::ping()
{
    if (m_pinging || !m_events)
        return;
    m_pinging = true;
    const quint64 generation = m_generation;
    HttpRequest request = HttpRequest::get("/_ping");
    request.timeoutMs = m_pingTimeoutMs;
    HttpReply* reply = m_http->send(request);
    connect(reply, &HttpReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        m_pinging = false;
        if (generation != m_generation)
            return;
        const Error error = errorFrom(reply);
        if (error.isError()) {
            lose(Error::make(error.kind, tr("The engine stopped answering."), error.code,
                             error.fullText()));
        }
    });
}

void DockerBackend::connectToBackend()
{
    m_wanted = true;
    m_nextDelayMs = m_firstDelayMs;
    // A renewal made by another client (sandboxctl, another window) shows while watching.
    m_expiry->setWatching(m_watchesChanges);
    setState(State::Connecting);
    attempt();
}

void DockerBackend::disconnectFromBackend()
{
    m_wanted = false;
    ++m_generation;
    m_reconnectTimer->stop();
    m_pingTimer->stop();
    m_refreshing.clear();
    m_refreshAgain.clear();
    if (m_events) {
        m_events->disconnect(this);
        m_events->abort();
        m_events->deleteLater();
        m_events = nullptr;
    }
    setState(State::Disconnected);
}

void DockerBackend::attempt()
{
    if (!m_wanted)
        return;
    const quint64 generation = ++m_generation;
    HttpRequest request = HttpRequest::get("/version");
    request.timeoutMs = m_pingTimeoutMs;
    HttpReply* reply = m_http->send(request);
    connect(reply, &HttpReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation == m_generation)
            onVersion(reply);
    });
}

void DockerBackend::onVersion(HttpReply* reply)
{
    const Error error = errorFrom(reply);
    if (error.isError()) {
        lose(error);
        return;
    }
    const QJsonObject version = QJsonDocument::fromJson(reply->body()).object();
    setServerVersion(version.value(QLatin1String("Version")).toString());
    if (m_watchesChanges)
        openEvents();
    else
        listAll();
}

void DockerBackend::openEvents()
{
    const quint64 generation = m_generation;
    QJsonObject filters;
    filters.insert(QLatin1String("type"), QJsonArray{QStringLiteral("container")});
    const QByteArray target =
        "/events?filters=" +
        encoded(QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    m_eventBuffer.clear();
    m_events = m_http->send(HttpRequest::get(target), HttpReply::Mode::Streaming);
    HttpReply* events = m_events;
    connect(events, &HttpReply::headersReceived, this, [this, events, generation] {
        // Listing only once the stream is open means no change can fall between the two.
        if (generation == m_generation && events->status() == 200)
            listAll();
    });
    connect(events, &HttpReply::dataReceived, this, &DockerBackend::onEventData);
    connect(events, &HttpReply::finished, this, [this, events, generation] {
        events->deleteLater();
        if (m_events == events)
            m_events = nullptr;
        if (generation != m_generation)
            return;
        Error error = errorFrom(events);
        if (!error.isError()) {
            error = Error::make(Error::Connection, tr("The engine closed the event stream."));
        }
        lose(error);
    });
}

void DockerBackend::onEventData(const QByteArray& data)
{
    m_eventBuffer.append(data);
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = m_eventBuffer.indexOf('\n', start);
        if (end < 0)
            break;
        handleEvent(m_eventBuffer.mid(start, end - start));
        start = end + 1;
    }
    m_eventBuffer.remove(0, start);
    if (m_eventBuffer.size() > MaxEventLine) {
        // A line this long is no event; drop it and list afresh so nothing is missed.
        m_eventBuffer.clear();
        listAll();
    }
}

void DockerBackend::handleEvent(const QByteArray& line)
{
    const QJsonObject event = QJsonDocument::fromJson(line).object();
    if (event.value(QLatin1String("Type")).toString() != QLatin1String("container"))
        return;
    const QString action = event.value(QLatin1String("Action")).toString();
    const QString id =
        event.value(QLatin1String("Actor")).toObject().value(QLatin1String("ID")).toString();
    if (id.isEmpty() || changesNothingListed(action))
        return;
    if (action == QLatin1String("update"))
        m_limits.remove(id);
    if (m_listing)
        m_touchedWhileListing.insert(id);
    const SandboxStatus implied = statusImpliedBy(action);
    if (implied != SandboxStatus::Unknown) {
        // The engine may announce a change before its list shows it; the event is the newer
        // word, so it is shown at once and the list is asked again until it agrees.
        m_eventStatus.insert(id, {implied, 0});
        bool found = false;
        Sandbox shown = sandbox(id, &found);
        if (found) {
            shown.status = implied;
            liveSet()->upsert(shown);
        }
    }
    refresh(id);
}

void DockerBackend::listAll()
{
    if (m_listing)
        return;
    m_listing = true;
    m_touchedWhileListing.clear();
    const quint64 generation = m_generation;
    HttpReply* reply = m_http->send(HttpRequest::get("/containers/json?all=1"));
    connect(reply, &HttpReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        m_listing = false;
        const Error error = errorFrom(reply);
        const QJsonDocument document = QJsonDocument::fromJson(reply->body());
        if (error.isError() || !document.isArray()) {
            lose(error.isError() ? error
                                 : Error::make(Error::Protocol,
                                               tr("The engine sent a container list that is not "
                                                  "valid JSON.")));
            return;
        }
        const QJsonArray entries = document.array();
        QList<Sandbox> listed;
        listed.reserve(entries.size());
        for (const QJsonValue& entry : entries) {
            Sandbox sandbox = DockerJson::sandboxFromListEntry(entry.toObject(), m_id);
            applyLimits(&sandbox);
            applyExpiry(&sandbox);
            listed.append(sandbox);
        }
        liveSet()->assign(listed);
        for (auto it = m_limits.begin(); it != m_limits.end();) {
            it = liveSet()->contains(it.key()) ? std::next(it) : m_limits.erase(it);
        }
        for (const Sandbox& sandbox : liveSet()->items()) {
            if (!m_limits.contains(sandbox.id))
                fetchLimits(sandbox.id);
        }
        m_nextDelayMs = m_firstDelayMs;
        m_pingTimer->start();
        setState(State::Connected);
        const QSet<QString> touched = m_touchedWhileListing;
        m_touchedWhileListing.clear();
        for (const QString& id : touched)
            refresh(id);
        if (isSettled())
            Q_EMIT settled();
    });
}

void DockerBackend::refresh(const QString& id)
{
    if (m_refreshing.contains(id)) {
        m_refreshAgain.insert(id);
        return;
    }
    m_refreshing.insert(id);
    const quint64 generation = m_generation;
    HttpReply* reply =
        m_http->send(HttpRequest::get("/containers/json?all=1&filters=" + idFilter(id)));
    connect(reply, &HttpReply::finished, this, [this, reply, generation, id] {
        reply->deleteLater();
        if (generation != m_generation)
            return; // lose() forgot every refresh of the old connection
        m_refreshing.remove(id);
        if (errorFrom(reply).isError()) {
            // The event stream and the ping report a dead engine; a single failure is not one.
            if (m_refreshAgain.remove(id))
                refresh(id);
            return;
        }
        const QJsonArray entries = QJsonDocument::fromJson(reply->body()).array();
        Sandbox fresh;
        for (const QJsonValue& entry : entries) {
            const Sandbox candidate = DockerJson::sandboxFromListEntry(entry.toObject(), m_id);
            if (candidate.id == id)
                fresh = candidate;
        }
        if (fresh.id.isEmpty()) {
            m_limits.remove(id);
            liveSet()->remove(id);
        } else {
            applyLimits(&fresh);
            applyExpiry(&fresh);
            const auto expected = m_eventStatus.find(id);
            if (expected != m_eventStatus.end()) {
                if (fresh.status == expected->status || expected->retries >= MaxStatusRetries) {
                    m_eventStatus.erase(expected);
                } else {
                    fresh.status = expected->status;
                    ++expected->retries;
                    QTimer::singleShot(StatusRetryMs, this, [this, id] { refresh(id); });
                }
            }
            liveSet()->upsert(fresh);
            if (!m_limits.contains(id))
                fetchLimits(id);
        }
        if (m_refreshAgain.remove(id))
            refresh(id);
    });
}

void DockerBackend::fetchLimits(const QString& id)
{
    if (!m_detailsInBackground || m_limitsQueue.size() >= MaxQueuedLimits)
        return;
    if (!m_limitsQueue.contains(id))
        m_limitsQueue.append(id);
    pumpLimits();
}

void DockerBackend::pumpLimits()
{
    while (m_limitsInFlight < LimitsConcurrency && !m_limitsQueue.isEmpty()) {
        const QString id = m_limitsQueue.takeFirst();
        ++m_limitsInFlight;
        const quint64 generation = m_generation;
        HttpReply* reply = m_http->send(HttpRequest::get("/containers/" + encoded(id) + "/json"));
        connect(reply, &HttpReply::finished, this, [this, reply, generation, id] {
            reply->deleteLater();
            --m_limitsInFlight;
            if (generation == m_generation && !errorFrom(reply).isError()) {
                Limits limits;
                DockerJson::limitsFromInspect(QJsonDocument::fromJson(reply->body()).object(),
                                              &limits.cpus, &limits.memoryBytes);
                m_limits.insert(id, limits);
                bool found = false;
                Sandbox sandbox = this->sandbox(id, &found);
                if (found) {
                    applyLimits(&sandbox);
                    liveSet()->upsert(sandbox);
                }
            }
            pumpLimits();
            if (isSettled())
                Q_EMIT settled();
        });
    }
}

void DockerBackend::applyExpiry(Sandbox* sandbox) const
{
    QDateTime stored;
    sandbox->expiresAt =
        m_expiry->lookup(sandbox->id, &stored) ? stored : Lifetime::fromLabels(sandbox->labels);
}

void DockerBackend::onExpiriesChanged()
{
    const QList<Sandbox> sandboxes = liveSet()->items();
    for (Sandbox sandbox : sandboxes) {
        const QDateTime before = sandbox.expiresAt;
        applyExpiry(&sandbox);
        if (sandbox.expiresAt != before)
            liveSet()->upsert(sandbox);
    }
}

void DockerBackend::applyLimits(Sandbox* sandbox) const
{
    const auto it = m_limits.constFind(sandbox->id);
    if (it == m_limits.constEnd())
        return;
    sandbox->cpus = it->cpus;
    sandbox->memoryBytes = it->memoryBytes;
}

void DockerBackend::lose(const Error& error)
{
    ++m_generation;
    m_listing = false;
    m_pingTimer->stop();
    m_refreshing.clear();
    m_refreshAgain.clear();
    m_limitsQueue.clear();
    m_eventStatus.clear();
    if (m_events) {
        m_events->disconnect(this);
        m_events->abort();
        m_events->deleteLater();
        m_events = nullptr;
    }
    if (!m_wanted)
        return;
    // Keep showing what we had; the next successful list replaces it whole.
    setState(State::Lost, error);
    m_reconnectTimer->start(m_nextDelayMs);
    m_nextDelayMs = qMin(m_nextDelayMs * 2, m_maxDelayMs);
}

Error DockerBackend::errorFrom(HttpReply* reply)
{
    if (reply->error().isError())
        return reply->error();
    const int status = reply->status();
    if (status < 400)
        return {};
    const QString detail = DockerJson::errorMessage(reply->body());
    const QString code = QString::number(status);
    switch (status) {
    case 400:
        return Error::make(Error::Invalid, tr("The engine refused the request as invalid."), code,
                           detail);
    case 401:
    case 403:
        return Error::make(Error::Auth, tr("The engine refused access."), code, detail);
    case 404:
        return Error::make(Error::NotFound, tr("No such sandbox or image."), code, detail);
    case 409:
        return Error::make(Error::Conflict,
                           tr("The sandbox is not in a state that allows this, or the name is "
                              "already in use."),
                           code, detail);
    default:
        return Error::make(Error::Server, tr("The engine failed to carry out the request."), code,
                           detail);
    }
}

void DockerBackend::send(Job* job, const HttpRequest& httpRequest,
                         const std::function<void(HttpReply* reply)>& onSuccess)
{
    HttpReply* reply = m_http->send(httpRequest);
    connect(job, &Job::cancelRequested, reply, &HttpReply::abort);
    connect(reply, &HttpReply::finished, job, [reply, job, onSuccess] {
        reply->deleteLater();
        const Error error = errorFrom(reply);
        if (error.isError())
            job->finishWithError(error);
        else
            onSuccess(reply);
    });
}

ResultJob<QString>* DockerBackend::create(const SandboxSpec& spec)
{
    QByteArray target = "/containers/create";
    if (!spec.name.isEmpty())
        target += "?name=" + encoded(spec.name);
    SandboxSpec withLifetime = spec;
    if (spec.lifetimeSeconds > 0) {
        withLifetime.labels.insert(
            Lifetime::labelKey(),
            Lifetime::labelValue(QDateTime::currentDateTimeUtc().addSecs(spec.lifetimeSeconds)));
    }
    const QByteArray body =
        QJsonDocument(DockerJson::createBody(withLifetime)).toJson(QJsonDocument::Compact);
    auto* job = new ResultJob<QString>(this);
    send(job, HttpRequest::post(target, body), [job](HttpReply* reply) {
        const QString id =
            QJsonDocument::fromJson(reply->body()).object().value(QLatin1String("Id")).toString();
        if (id.isEmpty()) {
            job->finishWithError(
                Error::make(Error::Protocol, tr("The engine created nothing it could name.")));
            return;
        }
        job->finishWithValue(id);
    });
    return job;
}

Job* DockerBackend::perform(Action action, const QString& id)
{
    QByteArray verb;
    switch (action) {
    case Action::Start:
        verb = "start";
        break;
    case Action::Stop:
        verb = "stop";
        break;
    case Action::Restart:
        verb = "restart";
        break;
    case Action::Pause:
        verb = "pause";
        break;
    case Action::Unpause:
        verb = "unpause";
        break;
    case Action::Kill:
        verb = "kill";
        break;
    }
    auto* job = new Job(this);
    HttpRequest request = HttpRequest::post("/containers/" + encoded(id) + '/' + verb);
    if (action == Action::Stop || action == Action::Restart)
        request.timeoutMs = StopRequestTimeoutMs;
    send(job, request, [job](HttpReply*) { job->finishWithResult({}); });
    return job;
}

Job* DockerBackend::remove(const QString& id, bool force)
{
    HttpRequest httpRequest;
    httpRequest.method = "DELETE";
    httpRequest.target = "/containers/" + encoded(id) + (force ? "?force=1" : "");
    auto* job = new Job(this);
    send(job, httpRequest, [this, job, id](HttpReply*) {
        m_expiry->forget(id);
        job->finishWithResult({});
    });
    return job;
}

ResultJob<QJsonObject>* DockerBackend::inspect(const QString& id)
{
    auto* job = new ResultJob<QJsonObject>(this);
    send(job, HttpRequest::get("/containers/" + encoded(id) + "/json"), [job](HttpReply* reply) {
        const QJsonDocument document = QJsonDocument::fromJson(reply->body());
        if (!document.isObject()) {
            job->finishWithError(Error::make(
                Error::Protocol, tr("The engine sent details that are not valid JSON.")));
            return;
        }
        job->finishWithValue(document.object());
    });
    return job;
}

SandboxDetails DockerBackend::detailsFromInspect(const QJsonObject& inspect) const
{
    return DockerJson::detailsFromInspect(inspect);
}

ResultJob<QStringList>* DockerBackend::listImages()
{
    auto* job = new ResultJob<QStringList>(this);
    send(job, HttpRequest::get("/images/json"), [job](HttpReply* reply) {
        QStringList tags;
        const QJsonArray images = QJsonDocument::fromJson(reply->body()).array();
        for (const QJsonValue& image : images) {
            const QJsonArray repoTags = image.toObject().value(QLatin1String("RepoTags")).toArray();
            for (const QJsonValue& tag : repoTags) {
                if (tag.toString() != QLatin1String("<none>:<none>"))
                    tags << tag.toString();
            }
        }
        tags.sort();
        job->finishWithValue(tags);
    });
    return job;
}

Job* DockerBackend::pullImage(const QString& reference)
{
    // "name:tag" or "name@digest"; a ":" before the last "/" belongs to a registry port.
    QString name = reference.trimmed();
    QString tag;
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (at < 0 && colon > name.lastIndexOf(QLatin1Char('/'))) {
        tag = name.mid(colon + 1);
        name.truncate(colon);
    }
    if (at < 0 && tag.isEmpty())
        tag = QStringLiteral("latest");
    QByteArray target = "/images/create?fromImage=" + encoded(name);
    if (!tag.isEmpty())
        target += "&tag=" + encoded(tag);

    auto* job = new Job(this);
    HttpReply* reply = m_http->send(HttpRequest::post(target), HttpReply::Mode::Streaming);
    connect(job, &Job::cancelRequested, reply, &HttpReply::abort);

    struct Progress
    {
        QByteArray buffer;
        QHash<QString, QPair<qint64, qint64>> layers;
        QString failure;
    };
    auto progress = std::make_shared<Progress>();
    connect(reply, &HttpReply::dataReceived, job, [job, progress](const QByteArray& data) {
        progress->buffer.append(data);
        qsizetype newline;
        while ((newline = progress->buffer.indexOf('\n')) >= 0) {
            const QJsonObject line =
                QJsonDocument::fromJson(progress->buffer.left(newline)).object();
            progress->buffer.remove(0, newline + 1);
            const QString failure = line.value(QLatin1String("error")).toString();
            if (!failure.isEmpty())
                progress->failure = failure;
            const QString layer = line.value(QLatin1String("id")).toString();
            const QJsonObject detail = line.value(QLatin1String("progressDetail")).toObject();
            if (!layer.isEmpty() && detail.contains(QLatin1String("total"))) {
                const auto bytes = [&detail](const char* key) {
                    const double value = detail.value(QLatin1String(key)).toDouble();
                    return qMax<qint64>(0, CheckedNumbers::toInteger<qint64>(value).value_or(0));
                };
                progress->layers[layer] = {bytes("current"), bytes("total")};
            }
            qint64 done = 0;
            qint64 total = 0;
            for (const auto& [current, size] : std::as_const(progress->layers)) {
                done = CheckedNumbers::saturatingAdd(done, current);
                total = CheckedNumbers::saturatingAdd(total, size);
            }
            job->reportProgress(done, total, line.value(QLatin1String("status")).toString());
        }
        if (progress->buffer.size() > MaxEventLine)
            progress->buffer.clear();
    });
    connect(reply, &HttpReply::finished, job, [reply, job, progress, reference] {
        reply->deleteLater();
        const Error error = errorFrom(reply);
        if (error.isError())
            job->finishWithError(error);
        else if (!progress->failure.isEmpty())
            job->finishWithError(
                Error::make(Error::Server, tr("The image “%1” could not be pulled.").arg(reference),
                            {}, progress->failure));
        else
            job->finishWithResult({});
    });
    return job;
}

ExecSession* DockerBackend::openExec(const QString& id, const ExecOptions& options)
{
    return new DockerExecSession(m_http, id, options);
}

SandboxFiles* DockerBackend::openFiles(const QString& id, const QString&)
{
    return new DockerSandboxFiles(this, m_http, id);
}

LogStream* DockerBackend::openLogs(const QString& id, const LogOptions& options)
{
    return new DockerLogStream(this, m_http, id, options);
}

ResultJob<int>* DockerBackend::openSessions(const QString& id)
{
    auto* job = new ResultJob<int>(this);
    send(job, HttpRequest::get("/containers/" + encoded(id) + "/json"),
         [this, job](HttpReply* reply) {
             const QJsonArray ids = QJsonDocument::fromJson(reply->body())
                                        .object()
                                        .value(QLatin1String("ExecIDs"))
                                        .toArray();
             QStringList execIds;
             for (const QJsonValue& value : ids)
                 execIds << value.toString();
             execIds.removeAll(QString());
             countRunningExecs(job, execIds, 0);
         });
    return job;
}

void DockerBackend::countRunningExecs(ResultJob<int>* job, QStringList execIds, int running)
{
    // The engine keeps ended exec instances for a while: each is asked whether it still runs.
    if (execIds.isEmpty()) {
        job->finishWithValue(running);
        return;
    }
    const QString execId = execIds.takeFirst();
    HttpReply* reply = m_http->send(HttpRequest::get("/exec/" + encoded(execId) + "/json"));
    connect(job, &Job::cancelRequested, reply, &HttpReply::abort);
    connect(reply, &HttpReply::finished, job, [this, reply, job, execIds, running] {
        reply->deleteLater();
        const Error error = errorFrom(reply);
        // One that went meanwhile no longer runs.
        if (error.isError() && error.kind != Error::NotFound) {
            job->finishWithError(error);
            return;
        }
        const bool runs = !error.isError() && QJsonDocument::fromJson(reply->body())
                                                  .object()
                                                  .value(QLatin1String("Running"))
                                                  .toBool();
        countRunningExecs(job, execIds, running + (runs ? 1 : 0));
    });
}

StatsStream* DockerBackend::openStats(const QString& id)
{
    return new DockerStatsStream(m_http, id);
}

Job* DockerBackend::setExpiry(const QString& id, const QDateTime& expiresAt)
{
    auto* job = new Job(this);
    // Finished from the event loop, so that the caller can connect first.
    QTimer::singleShot(0, job, [this, job, id, expiresAt] {
        if (!liveSet()->contains(id)) {
            job->finishWithError(Error::make(Error::NotFound, tr("No such sandbox: %1").arg(id),
                                             QStringLiteral("404")));
            return;
        }
        Error error;
        if (!m_expiry->set(id, expiresAt, &error)) {
            job->finishWithError(error);
            return;
        }
        onExpiriesChanged();
        job->finishWithResult({});
    });
    return job;
}
