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

OpenSandboxBackend::OpenSandboxBackend(const OpenSandboxConfig& config, QObject* parent)
    : PolledBackend(std::max(100, config.pollIntervalMs), parent)
    , m_config(config)
    , m_client(new OpenSandboxClient(config, this))
{
    m_config.pollIntervalMs = pollIntervalMs();
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
    restartSweep();
}

void OpenSandboxBackend::setPageSize(int sandboxes)
{
    m_pageSize = std::clamp(sandboxes, 1, 200);
}

ResultJob<SweepPage>* OpenSandboxBackend::requestPage(const QString& cursor)
{
    const int page = cursor.isEmpty() ? 1 : cursor.toInt();
    auto* job = new ResultJob<SweepPage>(this);
    call(job, "GET",
         "/sandboxes?" +
             OpenSandboxJson::listQuery(page, m_pageSize, m_stateFilter, m_metadataFilter),
         QJsonValue(QJsonValue::Null), [this, job, page](const QJsonObject& answer) {
             if (!answer.value(QLatin1String("items")).isArray()) {
                 job->finishWithError(Error::make(
                     Error::Protocol,
                     tr("The OpenSandbox server sent a sandbox list without its items.")));
                 return;
             }
             job->finishWithValue(
                 {OpenSandboxJson::sandboxesFromPage(answer, id()),
                  OpenSandboxJson::hasNextPage(answer) ? QString::number(page + 1) : QString()});
         });
    return job;
}

Error OpenSandboxBackend::endlessListError() const
{
    return Error::make(
        Error::Protocol,
        tr("The OpenSandbox server kept sending further pages of the sandbox list."));
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
