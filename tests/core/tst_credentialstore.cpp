#include "TestComponents.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "sandbox/Job.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

// The memory store, and the real keychain: the Secret Service (gnome-keyring) that
// scripts/test starts on a private D-Bus session.
class TestCredentialStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyNames();
    void memoryStore();
    void memoryJobsFinishAfterTheCallerConnected();
    void keychainRoundTrip();
    void keychainItemIsInTheSecretService();
    void missingKeychainIsReportedAsSuch();

private:
    struct Outcome
    {
        bool finished = false;
        Error error;
        QVariant result;
    };
    static Outcome wait(Job* job);
    static QString uniqueService();
    static QStringList filesContaining(const QString& dir, const QByteArray& needle);
};

TestCredentialStore::Outcome TestCredentialStore::wait(Job* job)
{
    Outcome outcome;
    job->setAutoDelete(false);
    if (!job->isFinished()) {
        QSignalSpy spy(job, &Job::finished);
        // Generous: the Secret Service may be slow to start on a loaded machine.
        spy.wait(60000);
    }
    outcome.finished = job->isFinished();
    outcome.error = job->error();
    outcome.result = job->result();
    delete job;
    return outcome;
}

QString TestCredentialStore::uniqueService()
{
    return QStringLiteral("SandboxDesk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList TestCredentialStore::filesContaining(const QString& dir, const QByteArray& needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << file.fileName();
    }
    return found;
}

void TestCredentialStore::keyNames()
{
    QCOMPARE(CredentialStore::key(QStringLiteral("work"), QStringLiteral("access-key-secret")),
             QStringLiteral("sandboxdesk/work/access-key-secret"));
    QVERIFY(CredentialStore::isUnavailable(CredentialStore::unavailableError({})));
    QVERIFY(CredentialStore::isUnavailable(CredentialStore::deniedError({})));
    const Error notFound = CredentialStore::notFoundError(QStringLiteral("k"));
    QCOMPARE(notFound.kind, Error::NotFound);
    QVERIFY(!CredentialStore::isUnavailable(notFound));
    QVERIFY(CredentialStore::unavailableError({}).message !=
            CredentialStore::deniedError({}).message);
}

void TestCredentialStore::memoryStore()
{
    MemoryCredentialStore store;
    QVERIFY(!store.isPersistent());
    const QString key = CredentialStore::key(QStringLiteral("a"), QStringLiteral("secret"));

    Outcome missing = wait(store.read(key));
    QVERIFY(missing.finished);
    QCOMPARE(missing.error.kind, Error::NotFound);
    QVERIFY(!CredentialStore::isUnavailable(missing.error));

    QVERIFY(!wait(store.write(key, QStringLiteral("first"))).error.isError());
    QCOMPARE(wait(store.read(key)).result.toString(), QStringLiteral("first"));
    QVERIFY(!wait(store.write(key, QStringLiteral("second"))).error.isError());
    QCOMPARE(wait(store.read(key)).result.toString(), QStringLiteral("second"));
    QVERIFY(store.contains(key));

    QVERIFY(!wait(store.remove(key)).error.isError());
    QVERIFY(!store.contains(key));
    QCOMPARE(wait(store.read(key)).error.kind, Error::NotFound);
    // Removing what is not there is not an error.
    QVERIFY(!wait(store.remove(key)).error.isError());
}

void TestCredentialStore::memoryJobsFinishAfterTheCallerConnected()
{
    MemoryCredentialStore store;
    Job* job = store.write(QStringLiteral("k"), QStringLiteral("v"));
    QVERIFY(!job->isFinished());
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
}

void TestCredentialStore::keychainRoundTrip()
{
    REQUIRE_SECRET_SERVICE();
    KeychainCredentialStore store(uniqueService());
    QVERIFY(store.isPersistent());
    const QString key =
        CredentialStore::key(QStringLiteral("round trip"), QStringLiteral("access-key-secret"));
    const QString first = QStringLiteral("first-") + QUuid::createUuid().toString();
    const QString second = QStringLiteral("second-秘密-") + QUuid::createUuid().toString();

    Outcome written = wait(store.write(key, first));
    QVERIFY(written.finished);
    QVERIFY2(!written.error.isError(), qPrintable(written.error.fullText()));
    Outcome read = wait(store.read(key));
    QVERIFY2(!read.error.isError(), qPrintable(read.error.fullText()));
    QCOMPARE(read.result.toString(), first);

    QVERIFY(!wait(store.write(key, second)).error.isError());
    QCOMPARE(wait(store.read(key)).result.toString(), second);

    // Another service does not see it: items are filed under the service.
    KeychainCredentialStore other(uniqueService());
    QCOMPARE(wait(other.read(key)).error.kind, Error::NotFound);

    Outcome removed = wait(store.remove(key));
    QVERIFY2(!removed.error.isError(), qPrintable(removed.error.fullText()));
    Outcome gone = wait(store.read(key));
    QCOMPARE(gone.error.kind, Error::NotFound);
    QVERIFY2(!CredentialStore::isUnavailable(gone.error), qPrintable(gone.error.fullText()));
    QVERIFY(!wait(store.remove(key)).error.isError());
}

void TestCredentialStore::keychainItemIsInTheSecretService()
{
    REQUIRE_SECRET_SERVICE();
    const QString service = uniqueService();
    KeychainCredentialStore store(service);
    const QString key =
        CredentialStore::key(QStringLiteral("lookup"), QStringLiteral("access-key-secret"));
    const QString secret = QStringLiteral("canary-") + QUuid::createUuid().toString();
    QVERIFY(!wait(store.write(key, secret)).error.isError());

    // Another Secret Service client finds it there, filed under our service and key.
    QProcess lookup;
    lookup.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                                 service, QStringLiteral("user"), key});
    QVERIFY(lookup.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), secret);

    // No insecure fallback: the secret is in no settings or data file in plain text.
    for (const auto location : {QStandardPaths::ConfigLocation, QStandardPaths::GenericDataLocation,
                                QStandardPaths::CacheLocation}) {
        const QString dir = QStandardPaths::writableLocation(location);
        QVERIFY2(filesContaining(dir, secret.toUtf8()).isEmpty(), qPrintable(dir));
    }
    QVERIFY(!wait(store.remove(key)).error.isError());
}

void TestCredentialStore::missingKeychainIsReportedAsSuch()
{
    // Run by CTest a second time with a session bus that does not exist.
    if (qEnvironmentVariable("SANDBOXDESK_TEST_NO_KEYCHAIN") != QLatin1String("1"))
        QSKIP("Needs a session without a keychain: CTest runs this case as "
              "core.tst_credentialstore.nokeychain with SANDBOXDESK_TEST_NO_KEYCHAIN=1.");
    KeychainCredentialStore store(uniqueService());
    const QString key =
        CredentialStore::key(QStringLiteral("none"), QStringLiteral("access-key-secret"));
    const QString secret = QStringLiteral("never-written-") + QUuid::createUuid().toString();

    Outcome written = wait(store.write(key, secret));
    QVERIFY(written.finished);
    QVERIFY(written.error.isError());
    QVERIFY2(CredentialStore::isUnavailable(written.error), qPrintable(written.error.fullText()));
    QVERIFY(!written.error.fullText().contains(secret));
    Outcome read = wait(store.read(key));
    QVERIFY2(CredentialStore::isUnavailable(read.error), qPrintable(read.error.fullText()));

    const QString home = QDir::homePath();
    QVERIFY2(filesContaining(QStandardPaths::writableLocation(QStandardPaths::ConfigLocation),
                             secret.toUtf8())
                 .isEmpty(),
             qPrintable(home));
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
