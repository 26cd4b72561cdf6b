#include "EciBackend.h"

#include "EciExecSession.h"
#include "EciJson.h"
#include "EciLogStream.h"
#include "EciStatsStream.h"
#include "files/ExecSandboxFiles.h"
#include "sandbox/Job.h"
#include "sandbox/Lifetime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace {

const QString DescribeGroups = QStringLiteral("DescribeContainerGroups");
constexpr int MaxBackoffFactor = 16;
// A sweep may use half the quota; the other half is left to actions and other clients.
constexpr int QuotaShare = 2;

QString idsParameter(const QString& id)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact));
}

QString utcTime(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

} // namespace

EciBackend::EciBackend(const EciBackendConfig& config, QNetworkAccessManager* network,
                       QObject* parent)
    : PolledBackend(std::max(100, config.pollIntervalMs), parent)
    , m_config(config)
    , m_client(new EciClient(
          network, config.endpoint.isEmpty() ? defaultEndpoint(config.regionId) : config.endpoint,
          config.credentials, this))
{
    m_config.pollIntervalMs = pollIntervalMs();
    m_client->setSignatureVersion(config.signatureVersion);
    connect(m_client, &EciClient::throttled, this, &EciBackend::onThrottled);
    setServerVersion(QStringLiteral("2018-08-08"));
}

EciBackend::~EciBackend()
{
    dropSweep();
    cancelOpenJobs();
}

QString EciBackend::defaultEndpoint(const QString& regionId)
{
    return QStringLiteral("https://eci.%1.aliyuncs.com").arg(regionId);
}

QString EciBackend::id() const
{
    return QStringLiteral("eci:%1/%2").arg(m_config.accountName, m_config.regionId);
}

QString EciBackend::displayName() const
{
    return tr("ECI · %1 · %2").arg(m_config.accountName, m_config.regionId);
}

QString EciBackend::endpointDescription() const
{
    return m_client->endpoint().toString();
}

Backend::Capabilities EciBackend::capabilities() const
{
    return CanRestart | CanExec | HasContainerGroups | CanShowResourceHistory | CanBrowseFiles |
           HasLiveStats | CanExpire;
}

void EciBackend::setListFilter(const QString& status, const QMap<QString, QString>& tags)
{
    m_statusFilter = status;
    m_tagFilter = tags;
    restartSweep();
}

void EciBackend::setPageSize(int groups)
{
    m_pageSize = std::clamp(groups, 1, 20);
}

void EciBackend::disconnectFromBackend()
{
    PolledBackend::disconnectFromBackend();
    // A new connection starts at the normal pace.
    m_backoffFactor = 1;
}

void EciBackend::sweepStarting()
{
    m_sweepThrottled = false;
}

ResultJob<SweepPage>* EciBackend::requestPage(const QString& token)
{
    EciParams params = regionParams();
    params.append({QStringLiteral("Limit"), QString::number(m_pageSize)});
    if (!token.isEmpty())
        params.append({QStringLiteral("NextToken"), token});
    if (!m_statusFilter.isEmpty())
        params.append({QStringLiteral("Status"), m_statusFilter});
    QList<EciParams> tags;
    for (auto it = m_tagFilter.begin(); it != m_tagFilter.end(); ++it)
        tags.append({{QStringLiteral("Key"), it.key()}, {QStringLiteral("Value"), it.value()}});
    EciSigner::appendObjects(&params, QStringLiteral("Tag"), tags);

    auto* job = new ResultJob<SweepPage>(this);
    call(job, DescribeGroups, params, [this, job](const QJsonObject& page) {
        if (!page.value(QLatin1String("ContainerGroups")).isArray() &&
            !page.value(QLatin1String("ContainerGroups")).isUndefined()) {
            job->finishWithError(
                Error::make(Error::Protocol, tr("Alibaba Cloud sent a container group list that "
                                                "is not a list.")));
            return;
        }
        job->finishWithValue({EciJson::sandboxesFromPage(page, id()),
                              EciJson::text(page.value(QLatin1String("NextToken")))});
    });
    return job;
}

Error EciBackend::endlessListError() const
{
    return Error::make(Error::Protocol, tr("Alibaba Cloud kept sending further pages of the "
                                           "container group list."));
}

Error EciBackend::sweepCompleted()
{
    if (m_sweepThrottled) {
        m_backoffFactor = std::min(m_backoffFactor * 2, MaxBackoffFactor);
    } else {
        m_backoffFactor = 1;
        m_throttleNotice = {};
    }
    return m_throttleNotice;
}

bool EciBackend::sweepFailedHandled(const Error& error)
{
    if (!error.code.startsWith(QLatin1String("Throttling")))
        return false;
    // Still throttled after every retry: the service is there, so wait longer and keep showing
    // what we have.
    m_backoffFactor = std::min(m_backoffFactor * 2, MaxBackoffFactor);
    m_throttleNotice = error;
    setState(state() == State::Lost ? State::Connecting : state(), error);
    scheduleNextSweep();
    return true;
}

int EciBackend::nextPollDelayMs() const
{
    qint64 delay = qint64(PolledBackend::nextPollDelayMs()) * m_backoffFactor;
    const int quota = EciRateLimiter::documentedQuota(DescribeGroups);
    if (quota > 0) {
        // Spread each sweep's pages so that polling alone stays within its share of the quota.
        const qint64 floor = qint64(lastSweepPages()) * 60000 * QuotaShare / quota;
        delay = std::max(delay, floor);
    }
    return int(std::min<qint64>(delay, 10 * 60 * 1000));
}

void EciBackend::onThrottled(const QString& action, int delayMs, const QString& text)
{
    Q_UNUSED(delayMs)
    if (action == DescribeGroups && isSweeping())
        m_sweepThrottled = true;
    m_throttleNotice = Error::make(Error::Server, text, QStringLiteral("Throttling"));
    if (isWanted() && state() != State::Lost)
        setState(state(), m_throttleNotice);
    Q_EMIT throttled(text);
}

EciParams EciBackend::regionParams() const
{
    return {{QStringLiteral("RegionId"), m_config.regionId}};
}

void EciBackend::abortWith(Job* job, Job* call)
{
    connect(job, &Job::cancelRequested, job, [call = QPointer<Job>(call)] { delete call.data(); });
}

void EciBackend::call(Job* job, const QString& action, const EciParams& params,
                      const Handler& onSuccess)
{
    Job* inner = m_client->call(action, params, job);
    abortWith(job, inner);
    connect(inner, &Job::finished, job, [inner, job, onSuccess] {
        if (inner->error().isError()) {
            job->finishWithError(inner->error());
            return;
        }
        onSuccess(QJsonObject::fromVariantMap(inner->result().toMap()));
    });
}

template<typename J> J* EciBackend::refused(const Error& error)
{
    auto* job = new J(this);
    QTimer::singleShot(0, job, [job, error] { job->finishWithError(error); });
    return job;
}

CreateForm EciBackend::createForm() const
{
    // A container group runs once created and is never removed by the service itself, so
    // there is no start or removal choice, and no network: the vSwitch places it.
    CreateForm form = CreateForm::withFields(
        {SpecField::Image, SpecField::Name, SpecField::Command, SpecField::Args, SpecField::Env,
         SpecField::Labels, SpecField::WorkingDir, SpecField::Cpus, SpecField::Memory,
         SpecField::Ports, SpecField::Zone, SpecField::VSwitch, SpecField::SecurityGroup,
         SpecField::RestartPolicy});
    for (CreateField& field : form.fields) {
        if (field.id == SpecField::Labels)
            field.label = tr("T&ags:");
        else if (field.id == SpecField::Zone)
            field.suggestions = m_zones;
    }
    return form;
}

Job* EciBackend::loadCreateChoices()
{
    auto* job = new Job(this);
    call(job, QStringLiteral("DescribeRegions"), {}, [this, job](const QJsonObject& response) {
        m_zones = EciJson::zoneIds(response, m_config.regionId);
        job->finishWithResult({});
    });
    return job;
}

QList<SpecProblem> EciBackend::validate(const SandboxSpec& spec) const
{
    return EciJson::specProblems(spec);
}

ResultJob<QString>* EciBackend::create(const SandboxSpec& spec)
{
    QStringList problems;
    SandboxSpec withLifetime = spec;
    if (spec.lifetimeSeconds > 0) {
        withLifetime.labels.insert(
            Lifetime::labelKey(),
            Lifetime::labelValue(QDateTime::currentDateTimeUtc().addSecs(spec.lifetimeSeconds)));
    }
    const EciParams params = EciJson::createParams(withLifetime, m_config.regionId, &problems);
    if (!problems.isEmpty())
        return refused<ResultJob<QString>>(
            Error::make(Error::Invalid, problems.join(QLatin1Char('\n'))));
    // EciClient adds one ClientToken per call and keeps it over retries, so a retried create
    // returns the first group instead of making a second.
    auto* job = new ResultJob<QString>(this);
    call(job, QStringLiteral("CreateContainerGroup"), params,
         [this, job](const QJsonObject& response) {
             const QString id = EciJson::text(response.value(QLatin1String("ContainerGroupId")));
             if (id.isEmpty()) {
                 job->finishWithError(
                     Error::make(Error::Protocol,
                                 tr("Alibaba Cloud created a container group without naming it.")));
                 return;
             }
             nudge();
             job->finishWithValue(id);
         });
    return job;
}

Job* EciBackend::perform(Action action, const QString& id)
{
    if (action != Action::Restart) {
        return refused(
            Error::make(Error::Invalid, tr("ECI container groups cannot be told to “%1”; they can "
                                           "be restarted or deleted.")
                                            .arg(actionDisplayName(action))));
    }
    EciParams params = regionParams();
    params.append({QStringLiteral("ContainerGroupId"), id});
    auto* job = new Job(this);
    call(job, QStringLiteral("RestartContainerGroup"), params, [this, job](const QJsonObject&) {
        nudge();
        job->finishWithResult({});
    });
    return job;
}

Job* EciBackend::setExpiry(const QString& id, const QDateTime& expiresAt)
{
    bool found = false;
    Sandbox group = sandbox(id, &found);
    if (!found)
        return refused(Error::make(Error::NotFound, tr("No such container group: %1").arg(id)));
    // UpdateContainerGroup replaces every tag, so the others go along; an empty value is no
    // lifetime (a group cannot be left with no tags at all this way).
    group.labels.insert(Lifetime::labelKey(), Lifetime::labelValue(expiresAt));
    QList<EciParams> tags;
    for (auto it = group.labels.constBegin(); it != group.labels.constEnd(); ++it)
        tags.append({{QStringLiteral("Key"), it.key()}, {QStringLiteral("Value"), it.value()}});
    EciParams params = regionParams();
    params.append({QStringLiteral("ContainerGroupId"), id});
    EciSigner::appendObjects(&params, QStringLiteral("Tag"), tags);
    auto* job = new Job(this);
    call(job, QStringLiteral("UpdateContainerGroup"), params,
         [this, job, group](const QJsonObject&) {
             Sandbox updated = group;
             updated.expiresAt = Lifetime::fromLabels(updated.labels);
             liveSet()->upsert(updated);
             nudge();
             job->finishWithResult({});
         });
    return job;
}

Job* EciBackend::remove(const QString& id, bool force)
{
    EciParams params = regionParams();
    params.append({QStringLiteral("ContainerGroupId"), id});
    if (force)
        params.append({QStringLiteral("Force"), QStringLiteral("true")});
    auto* job = new Job(this);
    call(job, QStringLiteral("DeleteContainerGroup"), params, [this, job](const QJsonObject&) {
        nudge();
        job->finishWithResult({});
    });
    return job;
}

ResultJob<QJsonObject>* EciBackend::inspect(const QString& id)
{
    EciParams params = regionParams();
    params.append({QStringLiteral("ContainerGroupIds"), idsParameter(id)});
    auto* job = new ResultJob<QJsonObject>(this);
    Job* describe = m_client->call(DescribeGroups, params, job);
    abortWith(job, describe);
    connect(describe, &Job::finished, job, [this, job, describe, id] {
        if (describe->error().isError()) {
            job->finishWithError(describe->error());
            return;
        }
        const QJsonArray groups = QJsonObject::fromVariantMap(describe->result().toMap())
                                      .value(QLatin1String("ContainerGroups"))
                                      .toArray();
        QJsonObject group;
        for (const QJsonValue& value : groups) {
            if (EciJson::text(value.toObject().value(QLatin1String("ContainerGroupId"))) == id)
                group = value.toObject();
        }
        if (group.isEmpty()) {
            job->finishWithError(
                Error::make(Error::NotFound, tr("No such container group: %1").arg(id)));
            return;
        }
        EciParams eventParams = regionParams();
        eventParams.append({QStringLiteral("ContainerGroupIds"), idsParameter(id)});
        Job* events =
            m_client->call(QStringLiteral("DescribeContainerGroupEvents"), eventParams, job);
        abortWith(job, events);
        connect(events, &Job::finished, job, [job, events, group, id]() mutable {
            // The details stand without their events when those cannot be had.
            if (!events->error().isError()) {
                group.insert(QStringLiteral("Events"),
                             EciJson::eventsFromResponse(
                                 QJsonObject::fromVariantMap(events->result().toMap()), id));
            }
            job->finishWithValue(group);
        });
    });
    return job;
}

SandboxDetails EciBackend::detailsFromInspect(const QJsonObject& inspect) const
{
    return EciJson::detailsFromGroup(inspect);
}

ResultJob<QStringList>* EciBackend::listImages()
{
    return refused<ResultJob<QStringList>>(
        Error::make(Error::Invalid, tr("ECI has no image list: a container group "
                                       "pulls its images from the registry when it "
                                       "starts.")));
}

Job* EciBackend::pullImage(const QString& reference)
{
    return refused(Error::make(Error::Invalid, tr("ECI cannot pull “%1” ahead of time: a "
                                                  "container group pulls its images when it "
                                                  "starts.")
                                                   .arg(reference)));
}

LogStream* EciBackend::openLogs(const QString& id, const LogOptions& options)
{
    return new EciLogStream(this, id, options);
}

ExecSession* EciBackend::openExec(const QString& id, const ExecOptions& options)
{
    QString container = options.container;
    if (container.isEmpty())
        container = sandbox(id).containers.value(0);
    return new EciExecSession(m_client, m_config.regionId, id, container, options);
}

SandboxFiles* EciBackend::openFiles(const QString& id, const QString& container)
{
    // ECI has no file API: everything goes through exec, scripts and contents on stdin.
    return new ExecSandboxFiles(this, id, container);
}

ResultJob<QList<ResourceSample>>* EciBackend::resourceHistory(const QString& id)
{
    // At most 50 points: the last 50 minutes, one a minute.
    const QDateTime end = QDateTime::currentDateTimeUtc();
    return metric(id, end.addSecs(-50 * 60), end, 60);
}

ResultJob<QList<ResourceSample>>* EciBackend::recentSamples(const QString& id, int seconds)
{
    const QDateTime end = QDateTime::currentDateTimeUtc();
    return metric(id, end.addSecs(-qBound(15, seconds, 50 * 15)), end, 15);
}

ResultJob<QList<ResourceSample>>* EciBackend::metric(const QString& id, const QDateTime& start,
                                                     const QDateTime& end, int periodSeconds)
{
    EciParams params = regionParams();
    params.append({QStringLiteral("ContainerGroupId"), id});
    params.append({QStringLiteral("StartTime"), utcTime(start)});
    params.append({QStringLiteral("EndTime"), utcTime(end)});
    params.append({QStringLiteral("Period"), QString::number(periodSeconds)});
    auto* job = new ResultJob<QList<ResourceSample>>(this);
    call(job, QStringLiteral("DescribeContainerGroupMetric"), params,
         [job](const QJsonObject& response) {
             job->finishWithValue(EciJson::samplesFromMetric(response));
         });
    return job;
}

StatsStream* EciBackend::openStats(const QString& id)
{
    return new EciStatsStream(this, id, m_config.statsIntervalMs);
}

ResultJob<QStringList>* EciBackend::listRegions()
{
    auto* job = new ResultJob<QStringList>(this);
    call(job, QStringLiteral("DescribeRegions"), {}, [job](const QJsonObject& response) {
        job->finishWithValue(EciJson::regionIds(response));
    });
    return job;
}
