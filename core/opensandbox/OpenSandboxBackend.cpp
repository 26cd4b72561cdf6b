#include "OpenSandboxBackend.h"

#include "OpenSandboxBackgroundCommands.h"
#include "OpenSandboxExecSession.h"
#include "OpenSandboxFiles.h"
#include "OpenSandboxJson.h"
#include "OpenSandboxLogStream.h"
#include "OpenSandboxStatsStream.h"

#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace {

constexpr int FastPollMs = 1000;
constexpr int FastPollWindowMs = 30000;
// No server lists this many pages; one that keeps saying "next" is broken.
constexpr int MaxPages = 100000;

} // namespace

OpenSandboxBackend::OpenSandboxBackend(const OpenSandboxConfig& config, QObject* parent)
    : Backend(parent)
    , m_config(config)
    , m_client(new OpenSandboxClient(config, this))
    , m_pollTimer(new QTimer(this))
{
    m_config.pollIntervalMs = std::max(100, m_config.pollIntervalMs);
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &OpenSandboxBackend::sweep);
    m_clock.start();
}

OpenSandboxBackend::~OpenSandboxBackend()
{
    dropSweep();
    cancelOpenJobs();
}

QString OpenSandboxBackend::id() const
{
    return QStringLiteral("opensandbox:") +
           (m_config.name.isEmpty() ? m_config.domain.trimmed() : m_config.name);
}

QString OpenSandboxBackend::displayName() const
{
    return tr("OpenSandbox · %1")
        .arg(m_config.name.isEmpty() ? m_config.domain.trimmed() : m_config.name);
}

QString OpenSandboxBackend::endpointDescription() const
{
    return m_client->isValid() ? m_client->base().toString() : m_config.domain;
}

Backend::Capabilities OpenSandboxBackend::capabilities() const
{
    return CanPause | CanExpire | CanExec | CanBrowseFiles | HasLiveStats | HasBackgroundCommands;
}

void OpenSandboxBackend::setListFilter(const QStringList& states,
                                       const QMap<QString, QString>& metadata)
{
    m_stateFilter = states;
    m_metadataFilter = metadata;
    if (!m_wanted)
        return;
    // Pages under the old filter and under the new one do not make one list: start again.
    dropSweep();
    m_fastUntilMs = m_clock.elapsed() + FastPollWindowMs;
    if (state() != State::Lost)
        sweep();
}

void OpenSandboxBackend::setPageSize(int sandboxes)
{
    m_pageSize = std::clamp(sandboxes, 1, 200);
}

void OpenSandboxBackend::setReconnectDelays(int firstMs, int maxMs)
{
    m_firstDelayMs = std::max(1, firstMs);
    m_maxDelayMs = std::max(m_firstDelayMs, maxMs);
    m_nextDelayMs = m_firstDelayMs;
}

void OpenSandboxBackend::connectToBackend()
{
    if (m_wanted && state() != State::Disconnected)
        return;
    m_wanted = true;
    m_settled = false;
    m_nextDelayMs = m_firstDelayMs;
    setState(State::Connecting);
    sweep();
}

void OpenSandboxBackend::disconnectFromBackend()
{
    m_wanted = false;
    m_settled = false;
    ++m_generation;
    m_pollTimer->stop();
    dropSweep();
    setState(State::Disconnected);
}

void OpenSandboxBackend::dropSweep()
{
    // Deleting the call aborts its request without a word; no finished() follows.
    delete m_sweepJob.data();
    m_sweepJob = nullptr;
}

void OpenSandboxBackend::sweep()
{
    if (!m_wanted || m_sweepJob)
        return;
    m_pollTimer->stop();
    m_sweepAgain = false;
    m_sweepPages = 0;
    m_sweepFound.clear();
    fetchPage(1);
}

void OpenSandboxBackend::fetchPage(int page)
{
    const quint64 generation = m_generation;
    ResultJob<QJsonObject>* job =
        m_client->call("GET",
                       "/sandboxes?" + OpenSandboxJson::listQuery(page, m_pageSize, m_stateFilter,
                                                                  m_metadataFilter),
                       QJsonValue(QJsonValue::Null), this);
    m_sweepJob = job;
    connect(job, &Job::finished, this, [this, job, generation, page] {
        if (generation != m_generation || job != m_sweepJob)
            return;
        m_sweepJob = nullptr;
        if (job->error().isError()) {
            sweepFailed(job->error());
            return;
        }
        ++m_sweepPages;
        const QJsonObject& answer = job->value();
        if (!answer.value(QLatin1String("items")).isArray()) {
            sweepFailed(Error::make(Error::Protocol, tr("The OpenSandbox server sent a sandbox "
                                                        "list without its items.")));
            return;
        }
        // Sandboxes made between two pages shift the pages; the set counts each one once.
        m_sweepFound.append(OpenSandboxJson::sandboxesFromPage(answer, id()));
        if (!OpenSandboxJson::hasNextPage(answer)) {
            sweepFinished();
            return;
        }
        if (m_sweepPages >= MaxPages) {
            sweepFailed(Error::make(Error::Protocol, tr("The OpenSandbox server kept sending "
                                                        "further pages of the sandbox list.")));
            return;
        }
        fetchPage(page + 1);
    });
}

void OpenSandboxBackend::sweepFinished()
{
    m_lastSweepPages = std::max(1, m_sweepPages);
    liveSet()->assign(std::exchange(m_sweepFound, {}));
    m_nextDelayMs = m_firstDelayMs;
    const bool firstTime = !m_settled;
    m_settled = true;
    setState(State::Connected);
    if (firstTime)
        Q_EMIT settled();
    Q_EMIT listed();
    scheduleNextSweep();
}

void OpenSandboxBackend::sweepFailed(const Error& error)
{
    m_sweepFound.clear();
    if (!m_wanted)
        return;
    m_settled = false;
    // Keep showing what we had; the next complete sweep replaces it.
    setState(State::Lost, error);
    m_pollTimer->start(m_nextDelayMs);
    m_nextDelayMs = std::min(m_nextDelayMs * 2, m_maxDelayMs);
}

int OpenSandboxBackend::nextPollDelayMs() const
{
    const bool fast = m_sweepAgain || m_clock.elapsed() < m_fastUntilMs;
    return fast ? std::min(FastPollMs, m_config.pollIntervalMs) : m_config.pollIntervalMs;
}

void OpenSandboxBackend::scheduleNextSweep()
{
    if (!m_wanted || m_sweepJob)
        return;
    m_pollTimer->start(nextPollDelayMs());
}

void OpenSandboxBackend::nudge()
{
    m_fastUntilMs = m_clock.elapsed() + FastPollWindowMs;
    if (!m_wanted)
        return;
    if (m_sweepJob) {
        m_sweepAgain = true;
        return;
    }
    if (state() == State::Lost)
        return; // the reconnection timer runs
    const int delay = nextPollDelayMs();
    if (!m_pollTimer->isActive() || m_pollTimer->remainingTime() > delay)
        m_pollTimer->start(delay);
}

QByteArray OpenSandboxBackend::sandboxPath(const QString& id)
{
    return "/sandboxes/" + QUrl::toPercentEncoding(id);
}

void OpenSandboxBackend::call(Job* job, const QByteArray& method, const QByteArray& path,
                              const QJsonValue& body, const Handler& onSuccess)
{
    ResultJob<QJsonObject>* inner = m_client->call(method, path, body, job);
    connect(job, &Job::cancelRequested, job, [inner = QPointer<Job>(inner)] {
        if (inner)
            inner->cancel();
    });
    connect(inner, &Job::finished, job, [inner, job, onSuccess] {
        if (inner->error().isError()) {
            job->finishWithError(inner->error());
            return;
        }
        onSuccess(inner->value());
    });
}

template<typename J> J* OpenSandboxBackend::refused(const Error& error)
{
    auto* job = new J(this);
    QTimer::singleShot(0, job, [job, error] { job->finishWithError(error); });
    return job;
}

CreateForm OpenSandboxBackend::createForm() const
{
    // The entry process, its environment, metadata and limits: what the lifecycle API takes.
    CreateForm form = CreateForm::withFields({SpecField::Image, SpecField::Name, SpecField::Command,
                                              SpecField::Env, SpecField::Labels, SpecField::Cpus,
                                              SpecField::Memory});
    for (CreateField& field : form.fields) {
        if (field.id == SpecField::Labels)
            field.label = tr("&Metadata:");
        else if (field.id == SpecField::Command)
            field.placeholder = tr("tail -f /dev/null");
    }
    return form;
}

QList<SpecProblem> OpenSandboxBackend::validate(const SandboxSpec& spec) const
{
    return OpenSandboxJson::specProblems(spec);
}

ResultJob<QString>* OpenSandboxBackend::create(const SandboxSpec& spec)
{
    const QList<SpecProblem> problems = OpenSandboxJson::specProblems(spec);
    if (!problems.isEmpty()) {
        return refused<ResultJob<QString>>(
            Error::make(Error::Invalid, problemMessages(problems).join(QLatin1Char('\n'))));
    }
    auto* job = new ResultJob<QString>(this);
    call(job, "POST", "/sandboxes", OpenSandboxJson::createBody(spec),
         [this, job](const QJsonObject& answer) {
             const Sandbox made = OpenSandboxJson::sandboxFromJson(answer, id());
             if (made.id.isEmpty()) {
                 job->finishWithError(Error::make(
                     Error::Protocol,
                     tr("The OpenSandbox server created a sandbox without naming it.")));
                 return;
             }
             nudge();
             job->finishWithValue(made.id);
         });
    return job;
}

Job* OpenSandboxBackend::perform(Action action, const QString& id)
{
    if (action != Action::Pause && action != Action::Unpause) {
        return refused(Error::make(Error::Invalid,
                                   tr("OpenSandbox sandboxes cannot be told to “%1”; they can be "
                                      "paused, resumed, renewed or deleted.")
                                       .arg(actionDisplayName(action))));
    }
    auto* job = new Job(this);
    const QByteArray verb = action == Action::Pause ? "/pause" : "/resume";
    call(job, "POST", sandboxPath(id) + verb, QJsonValue(QJsonValue::Null),
         [this, job](const QJsonObject&) {
             nudge();
             job->finishWithResult({});
         });
    return job;
}

Job* OpenSandboxBackend::remove(const QString& id, bool force)
{
    // The server stops a running sandbox itself before it deletes it.
    Q_UNUSED(force)
    auto* job = new Job(this);
    call(job, "DELETE", sandboxPath(id), QJsonValue(QJsonValue::Null),
         [this, job, id](const QJsonObject&) {
             m_execdEndpoints.remove(id);
             liveSet()->remove(id);
             nudge();
             job->finishWithResult({});
         });
    return job;
}

ResultJob<Sandbox>* OpenSandboxBackend::fetch(const QString& id)
{
    auto* job = new ResultJob<Sandbox>(this);
    call(job, "GET", sandboxPath(id), QJsonValue(QJsonValue::Null),
         [this, job](const QJsonObject& answer) {
             job->finishWithValue(OpenSandboxJson::sandboxFromJson(answer, this->id()));
         });
    return job;
}

ResultJob<QJsonObject>* OpenSandboxBackend::inspect(const QString& id)
{
    auto* job = new ResultJob<QJsonObject>(this);
    call(job, "GET", sandboxPath(id), QJsonValue(QJsonValue::Null),
         [this, job, id](const QJsonObject& answer) {
             ResultJob<QJsonObject>* events =
                 m_client->call("GET", sandboxPath(id) + "/diagnostics/events?scope=lifecycle",
                                QJsonValue(QJsonValue::Null), job);
             connect(events, &Job::finished, job, [job, events, answer] {
                 // The details stand without their events when the server has none to give.
                 QJsonObject whole = answer;
                 const QJsonValue content = events->value().value(QLatin1String("content"));
                 if (!events->error().isError() && content.isString())
                     whole.insert(QStringLiteral("events"), content);
                 job->finishWithValue(whole);
             });
         });
    return job;
}

SandboxDetails OpenSandboxBackend::detailsFromInspect(const QJsonObject& inspect) const
{
    return OpenSandboxJson::detailsFromJson(inspect);
}

ResultJob<QStringList>* OpenSandboxBackend::listImages()
{
    return refused<ResultJob<QStringList>>(
        Error::make(Error::Invalid, tr("An OpenSandbox server has no image list: a sandbox "
                                       "pulls its image when it is created.")));
}

Job* OpenSandboxBackend::pullImage(const QString& reference)
{
    return refused(Error::make(Error::Invalid, tr("An OpenSandbox server cannot pull “%1” ahead "
                                                  "of time: a sandbox pulls its image when it "
                                                  "is created.")
                                                   .arg(reference)));
}

LogStream* OpenSandboxBackend::openLogs(const QString& id, const LogOptions& options)
{
    return new OpenSandboxLogStream(this, id, options);
}

void OpenSandboxBackend::rememberExecdEndpoint(const QString& id, const QJsonObject& answer)
{
    m_execdEndpoints.insert(id, answer);
}

void OpenSandboxBackend::resolveExecd(
    const QString& id, QObject* context,
    const std::function<void(const QJsonObject& answer, const Error& error)>& done)
{
    const QJsonObject known = m_execdEndpoints.value(id);
    if (!known.isEmpty()) {
        QTimer::singleShot(0, context, [known, done] { done(known, {}); });
        return;
    }
    QByteArray path = sandboxPath(id) + "/endpoints/44772";
    if (m_config.useServerProxy)
        path += "?use_server_proxy=true";
    ResultJob<QJsonObject>* job =
        m_client->call("GET", path, QJsonValue(QJsonValue::Null), context);
    connect(job, &Job::finished, context,
            [self = QPointer<OpenSandboxBackend>(this), job, id, done] {
                if (self && !job->error().isError())
                    self->m_execdEndpoints.insert(id, job->value());
                done(job->value(), job->error());
            });
}

SandboxFiles* OpenSandboxBackend::openFiles(const QString& id, const QString& container)
{
    Q_UNUSED(container)
    return new OpenSandboxFiles(this, id);
}

StatsStream* OpenSandboxBackend::openStats(const QString& id)
{
    return new OpenSandboxStatsStream(this, id);
}

BackgroundCommands* OpenSandboxBackend::openBackgroundCommands(const QString& id)
{
    return new OpenSandboxBackgroundCommands(this, id);
}

ExecSession* OpenSandboxBackend::openExec(const QString& id, const ExecOptions& options)
{
    return new OpenSandboxExecSession(this, id, options);
}

Job* OpenSandboxBackend::setExpiry(const QString& id, const QDateTime& expiresAt)
{
    if (!expiresAt.isValid()) {
        return refused(Error::make(Error::Invalid, tr("An OpenSandbox sandbox's lifetime can be "
                                                      "renewed but not removed.")));
    }
    auto* job = new Job(this);
    const QJsonObject body{{QStringLiteral("expiresAt"), OpenSandboxJson::timeText(expiresAt)}};
    call(job, "POST", sandboxPath(id) + "/renew-expiration", body,
         [this, job, id](const QJsonObject& answer) {
             const QDateTime renewed =
                 OpenSandboxJson::parseTime(answer.value(QLatin1String("expiresAt")));
             bool found = false;
             Sandbox sandbox = liveSet()->value(id, &found);
             if (found && renewed.isValid()) {
                 sandbox.expiresAt = renewed;
                 liveSet()->upsert(sandbox);
             }
             nudge();
             job->finishWithResult(renewed);
         });
    return job;
}
