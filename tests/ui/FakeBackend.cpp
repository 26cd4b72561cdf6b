#include "FakeBackend.h"

#include "LocalSandboxFiles.h"
#include "sandbox/Job.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTimer>

FakeBackend::FakeBackend(const QString& id, QObject* parent)
    : Backend(parent)
    , m_id(id)
{}

FakeBackend::~FakeBackend()
{
    cancelOpenJobs();
}

void FakeBackend::connectToBackend()
{
    setServerVersion(QStringLiteral("1.0-fake"));
    setState(State::Connected);
}

void FakeBackend::disconnectFromBackend()
{
    setState(State::Disconnected);
}

Sandbox FakeBackend::add(const QString& name, const QString& image, SandboxStatus status)
{
    Sandbox sandbox;
    sandbox.backendId = m_id;
    // Looks like an engine's id: 64 hex digits that share no prefix with their neighbours.
    sandbox.id = QString::fromLatin1(
        QCryptographicHash::hash(QStringLiteral("%1/%2").arg(m_id).arg(m_nextId++).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex());
    sandbox.name = name;
    sandbox.image = image;
    sandbox.status = status;
    sandbox.statusText = statusDisplayName(status);
    liveSet()->upsert(sandbox);
    return sandbox;
}

void FakeBackend::change(const Sandbox& sandbox)
{
    if (liveSet()->contains(sandbox.id))
        liveSet()->upsert(sandbox);
}

template<typename T> ResultJob<T>* FakeBackend::finishLater(const T& value, const Error& error)
{
    auto* job = new ResultJob<T>(this);
    QTimer::singleShot(0, job, [job, value, error] {
        if (error.isError())
            job->finishWithError(error);
        else
            job->finishWithValue(value);
    });
    return job;
}

Job* FakeBackend::finishLater(const Error& error)
{
    auto* job = new Job(this);
    QTimer::singleShot(0, job, [job, error] {
        if (error.isError())
            job->finishWithError(error);
        else
            job->finishWithResult({});
    });
    return job;
}

ResultJob<QString>* FakeBackend::create(const SandboxSpec& spec)
{
    created << spec;
    const Sandbox sandbox = add(spec.name, spec.image, SandboxStatus::Created);
    return finishLater(sandbox.id);
}

Job* FakeBackend::perform(Action action, const QString& id)
{
    performed << qMakePair(action, id);
    if (holdPerform)
        return new Job(this);
    if (performError.isError())
        return finishLater(performError);
    bool found = false;
    Sandbox changed = sandbox(id, &found);
    if (!found) {
        return finishLater(Error::make(Error::NotFound, QStringLiteral("No such sandbox."),
                                       QStringLiteral("404")));
    }
    switch (action) {
    case Action::Start:
    case Action::Restart:
    case Action::Unpause:
        changed.status = SandboxStatus::Running;
        break;
    case Action::Stop:
    case Action::Kill:
        changed.status = SandboxStatus::Exited;
        break;
    case Action::Pause:
        changed.status = SandboxStatus::Paused;
        break;
    }
    change(changed);
    return finishLater();
}

Job* FakeBackend::remove(const QString& id, bool force)
{
    removed << qMakePair(id, force);
    liveSet()->remove(id);
    return finishLater();
}

ResultJob<QJsonObject>* FakeBackend::inspect(const QString& id)
{
    return finishLater(QJsonObject{{QStringLiteral("Id"), id}});
}

SandboxDetails FakeBackend::detailsFromInspect(const QJsonObject& inspect) const
{
    return presetDetails.value(inspect.value(QLatin1String("Id")).toString());
}

ResultJob<QStringList>* FakeBackend::listImages()
{
    return finishLater(m_images);
}

Job* FakeBackend::pullImage(const QString& reference)
{
    pulled << reference;
    m_images << reference;
    return finishLater();
}

SandboxFiles* FakeBackend::openFiles(const QString& id, const QString& container)
{
    if (!m_capabilities.testFlag(CanBrowseFiles))
        return nullptr;
    filesOpened << id + QLatin1Char('/') + container;
    return new LocalSandboxFiles(filesRoot);
}

TestConnections::TestConnections(const QString& accountsPath, const QList<Backend*>& backends)
    : accounts(accountsPath)
    , registry(accounts, secrets, nullptr)
{
    for (Backend* backend : backends)
        registry.add(backend);
}
