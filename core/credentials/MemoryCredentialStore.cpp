#include "MemoryCredentialStore.h"

#include "sandbox/Job.h"

#include <QTimer>

MemoryCredentialStore::MemoryCredentialStore(QObject* parent)
    : CredentialStore(parent)
{}

MemoryCredentialStore::~MemoryCredentialStore()
{
    // Overwritten before the memory is given back, so that it does not linger in the heap.
    for (QString& secret : m_secrets)
        secret.fill(QLatin1Char('\0'));
}

Job* MemoryCredentialStore::read(const QString& key)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return finishLater({}, notFoundError(key));
    return finishLater(*it);
}

Job* MemoryCredentialStore::write(const QString& key, const QString& secret)
{
    m_secrets.insert(key, secret);
    return finishLater({});
}

Job* MemoryCredentialStore::remove(const QString& key)
{
    auto it = m_secrets.find(key);
    if (it != m_secrets.end()) {
        it->fill(QLatin1Char('\0'));
        m_secrets.erase(it);
    }
    return finishLater({});
}

Job* MemoryCredentialStore::finishLater(const QVariant& result, const Error& error)
{
    // Like any job, it finishes after the caller had the chance to connect to it.
    auto* job = new Job(this);
    QTimer::singleShot(0, job, [job, result, error] {
        if (error.isError())
            job->finishWithError(error);
        else
            job->finishWithResult(result);
    });
    return job;
}
