#include "Backend.h"

Backend::Backend(QObject* parent)
    : QObject(parent)
    , m_sandboxes(new SandboxSet(this))
{
    connect(m_sandboxes, &SandboxSet::sandboxAdded, this, &Backend::sandboxAdded);
    connect(m_sandboxes, &SandboxSet::sandboxChanged, this, &Backend::sandboxChanged);
    connect(m_sandboxes, &SandboxSet::sandboxRemoved, this, &Backend::sandboxRemoved);
}

Sandbox Backend::sandbox(const QString& id, bool* found) const
{
    return m_sandboxes->value(id, found);
}

ExecSession* Backend::openExec(const QString&, const ExecOptions&)
{
    return nullptr;
}

SandboxFiles* Backend::openFiles(const QString&, const QString&)
{
    return nullptr;
}

ResultJob<QList<ResourceSample>>* Backend::resourceHistory(const QString&)
{
    return nullptr;
}

StatsStream* Backend::openStats(const QString&)
{
    return nullptr;
}

BackgroundCommands* Backend::openBackgroundCommands(const QString&)
{
    return nullptr;
}

Job* Backend::setExpiry(const QString&, const QDateTime&)
{
    return nullptr;
}

CreateForm Backend::createForm() const
{
    return CreateForm::withFields({SpecField::Image, SpecField::Name, SpecField::Command,
                                   SpecField::Env, SpecField::Labels, SpecField::WorkingDir,
                                   SpecField::Cpus, SpecField::Memory, SpecField::Network,
                                   SpecField::Ports, SpecField::AutoRemove, SpecField::Start});
}

Job* Backend::loadCreateChoices()
{
    return nullptr;
}

QList<SpecProblem> Backend::validate(const SandboxSpec& spec) const
{
    return spec.problems();
}

ResultJob<SandboxDetails>* Backend::details(const QString& id)
{
    auto* job = new ResultJob<SandboxDetails>(this);
    ResultJob<QJsonObject>* inspected = inspect(id);
    connect(job, &Job::cancelRequested, inspected, &Job::cancel);
    connect(inspected, &Job::finished, job, [this, job, inspected] {
        if (inspected->error().isError()) {
            job->finishWithError(inspected->error());
            return;
        }
        SandboxDetails details = detailsFromInspect(inspected->value());
        details.raw = inspected->value();
        job->finishWithValue(details);
    });
    return job;
}

SandboxDetails Backend::detailsFromInspect(const QJsonObject&) const
{
    return {};
}

void Backend::cancelOpenJobs()
{
    const QList<Job*> jobs = findChildren<Job*>(Qt::FindDirectChildrenOnly);
    for (Job* job : jobs)
        job->cancel();
}

void Backend::setState(State state, const Error& error)
{
    const bool changed = state != m_state || error.message != m_lastError.message;
    m_state = state;
    m_lastError = error;
    if (changed)
        Q_EMIT stateChanged(state);
}

QString Backend::stateDisplayName(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting…");
    case State::Connected:
        return tr("Connected");
    case State::Lost:
        return tr("Connection lost");
    }
    return {};
}

QString Backend::actionDisplayName(Action action)
{
    switch (action) {
    case Action::Start:
        return tr("Start");
    case Action::Stop:
        return tr("Stop");
    case Action::Restart:
        return tr("Restart");
    case Action::Pause:
        return tr("Pause");
    case Action::Unpause:
        return tr("Resume");
    case Action::Kill:
        return tr("Kill");
    }
    return {};
}
