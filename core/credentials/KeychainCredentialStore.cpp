#include "KeychainCredentialStore.h"

#include "sandbox/Job.h"

#include <qt6keychain/keychain.h>

KeychainCredentialStore::KeychainCredentialStore(const QString& service, QObject* parent)
    : CredentialStore(parent)
    , m_service(service)
{}

KeychainCredentialStore::~KeychainCredentialStore() = default;

Job* KeychainCredentialStore::read(const QString& key)
{
    auto* keychainJob = new QKeychain::ReadPasswordJob(m_service, this);
    keychainJob->setKey(key);
    return run(keychainJob, false);
}

Job* KeychainCredentialStore::write(const QString& key, const QString& secret)
{
    auto* keychainJob = new QKeychain::WritePasswordJob(m_service, this);
    keychainJob->setKey(key);
    keychainJob->setTextData(secret);
    return run(keychainJob, false);
}

Job* KeychainCredentialStore::remove(const QString& key)
{
    auto* keychainJob = new QKeychain::DeletePasswordJob(m_service, this);
    keychainJob->setKey(key);
    return run(keychainJob, true);
}

Job* KeychainCredentialStore::run(QKeychain::Job* keychainJob, bool notFoundIsSuccess)
{
    auto* job = new Job(this);
    // Without a keychain QtKeychain would otherwise write the secret to a settings file.
    keychainJob->setInsecureFallback(false);
    keychainJob->setAutoDelete(true);
    // The keychain job is the store's child: it finishes even when the caller gives up.
    connect(keychainJob, &QKeychain::Job::finished, job,
            [job, notFoundIsSuccess](QKeychain::Job* done) {
                switch (done->error()) {
                case QKeychain::NoError:
                    if (auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(done))
                        job->finishWithResult(reader->textData());
                    else
                        job->finishWithResult({});
                    return;
                case QKeychain::EntryNotFound:
                    if (notFoundIsSuccess)
                        job->finishWithResult({});
                    else
                        job->finishWithError(notFoundError(done->key()));
                    return;
                case QKeychain::AccessDeniedByUser:
                case QKeychain::AccessDenied:
                    job->finishWithError(deniedError(done->errorString()));
                    return;
                case QKeychain::CouldNotDeleteEntry:
                case QKeychain::NoBackendAvailable:
                case QKeychain::NotImplemented:
                case QKeychain::OtherError:
                    break;
                }
                job->finishWithError(unavailableError(done->errorString()));
            });
    keychainJob->start();
    return job;
}
