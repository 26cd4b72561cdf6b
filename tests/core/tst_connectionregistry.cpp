#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/MemoryCredentialStore.h"
#include "sandbox/Backend.h"
#include "sandbox/Job.h"
#include "settings/EciAccounts.h"
#include "settings/Translations.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestConnectionRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void findsTheEngineLikeTheDockerCli();
    void startsOnlyWhenToldAndRetries();
    void fallsBackToARootlessSocket();
    void explainsAnAddressItCannotUse();
    void followsTheEngineAddressesOfPreferences();
    void dockerNamesFollowTheLanguage();
    void opensOneConnectionPerRegionOfAnAccount();
    void reportsAnAccountWhoseSecretIsMissing();
    void connectsAnAccountToTheEmulator();

private:
    ConnectionRegistry& registry() { return *m_registry; }
    static QString engineUrl() { return qEnvironmentVariable("DOCKER_HOST"); }
    QProcessEnvironment environment() const;
    void storeSecret(const EciAccount& account, const QString& secret);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EciAccounts> m_accounts;
    std::unique_ptr<MemoryCredentialStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ConnectionRegistry> m_registry;
};

void TestConnectionRegistry::init()
{
    REQUIRE_TEST_ENGINE();
    qRegisterMetaType<Backend*>(); // for the signal spies
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_accounts = std::make_unique<EciAccounts>(m_dir->filePath(QStringLiteral("accounts.ini")));
    m_store = std::make_unique<MemoryCredentialStore>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_registry = std::make_unique<ConnectionRegistry>(*m_accounts, *m_store, m_network.get());
}

void TestConnectionRegistry::cleanup()
{
    m_registry.reset();
    m_network.reset();
    m_store.reset();
    m_accounts.reset();
    m_dir.reset();
}

QProcessEnvironment TestConnectionRegistry::environment() const
{
    // Nothing of this machine's docker setup: a home and runtime folder of the test's own.
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), m_dir->path());
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->filePath(QStringLiteral("run")));
    return environment;
}

void TestConnectionRegistry::storeSecret(const EciAccount& account, const QString& secret)
{
    Job* job = m_store->write(account.secretKey(), secret);
    QSignalSpy done(job, &Job::finished);
    QVERIFY(done.wait(10000));
}

void TestConnectionRegistry::findsTheEngineLikeTheDockerCli()
{
    QProcessEnvironment environment = this->environment();
    environment.insert(QStringLiteral("DOCKER_HOST"), engineUrl());
    QSignalSpy added(m_registry.get(), &ConnectionRegistry::connectionAdded);
    registry().discoverDocker(environment);

    QCOMPARE(added.size(), 1);
    const QList<Backend*> connections = registry().connections();
    QCOMPARE(connections.size(), 1);
    Backend* docker = connections.first();
    QCOMPARE(added.first().first().value<Backend*>(), docker);
    QCOMPARE(registry().origin(docker).kind, ConnectionOrigin::Kind::DockerHost);
    QVERIFY(registry().origin(docker).isDiscovered());
    QCOMPARE(docker->displayName(), QStringLiteral("Docker (DOCKER_HOST)"));
    QCOMPARE(registry().defaultDocker(), docker);
    QCOMPARE(registry().connection(docker->id()), docker);
    QVERIFY(registry().discoveryProblem().isEmpty());

    // --docker wins over DOCKER_HOST, as it does for the docker CLI's -H.
    ConnectionRegistry other(*m_accounts, *m_store, m_network.get());
    environment.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("tcp://192.0.2.1:2375"));
    other.discoverDocker(environment, engineUrl());
    QCOMPARE(other.connections().size(), 1);
    QCOMPARE(other.origin(other.defaultDocker()).kind, ConnectionOrigin::Kind::CommandLine);
    QCOMPARE(other.defaultDocker()->endpointDescription(), engineUrl());
}

void TestConnectionRegistry::startsOnlyWhenToldAndRetries()
{
    QProcessEnvironment environment = this->environment();
    environment.insert(QStringLiteral("DOCKER_HOST"), engineUrl());
    registry().discoverDocker(environment);
    Backend* docker = registry().defaultDocker();
    QVERIFY(docker);
    QCOMPARE(docker->state(), Backend::State::Disconnected);

    registry().start();
    QVERIFY(registry().isStarted());
    QTRY_COMPARE_WITH_TIMEOUT(docker->state(), Backend::State::Connected, 20000);
    QVERIFY(!docker->serverVersion().isEmpty());

    // Added once started: connected at once.
    registry().setDockerHosts(
        {QStringLiteral("unix://") + m_dir->filePath(QStringLiteral("nothing.sock"))});
    Backend* missing = registry().connections().last();
    QTRY_COMPARE_WITH_TIMEOUT(missing->state(), Backend::State::Lost, 20000);

    QSignalSpy states(missing, &Backend::stateChanged);
    QSignalSpy connectedStates(docker, &Backend::stateChanged);
    registry().retry();
    QVERIFY(!states.isEmpty());
    QCOMPARE(states.first().first().value<Backend::State>(), Backend::State::Connecting);
    QVERIFY(connectedStates.isEmpty()); // a connected one is left alone
}

void TestConnectionRegistry::fallsBackToARootlessSocket()
{
    // The docker CLI's socket is missing; a rootless engine's socket is there.
    const QString engine = engineUrl();
    QVERIFY2(engine.startsWith(QLatin1String("unix://")), qPrintable(engine));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("run"))));
    QVERIFY(QFile::link(engine.mid(7), m_dir->filePath(QStringLiteral("run/docker.sock"))));
    QProcessEnvironment environment = this->environment();
    environment.insert(QStringLiteral("DOCKER_HOST"),
                       QStringLiteral("unix://") + m_dir->filePath(QStringLiteral("none.sock")));

    registry().discoverDocker(environment);
    // A system Podman socket, where the machine has one, comes after.
    const QList<Backend*> connections = registry().connections();
    QVERIFY(connections.size() >= 2);
    QCOMPARE(registry().origin(connections.at(0)).kind, ConnectionOrigin::Kind::DockerHost);
    Backend* rootless = connections.at(1);
    QCOMPARE(registry().origin(rootless).kind, ConnectionOrigin::Kind::RootlessDocker);
    QCOMPARE(rootless->displayName(), QStringLiteral("rootless Docker"));
    // A client of one engine (sandboxctl) takes the one that is there.
    QCOMPARE(registry().defaultDocker(), rootless);

    registry().start(rootless);
    QTRY_COMPARE_WITH_TIMEOUT(rootless->state(), Backend::State::Connected, 20000);
    QCOMPARE(connections.at(0)->state(), Backend::State::Disconnected);
}

void TestConnectionRegistry::explainsAnAddressItCannotUse()
{
    QProcessEnvironment environment = this->environment();
    environment.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("ftp://nowhere"));
    registry().discoverDocker(environment);
    QVERIFY(registry().connections().isEmpty());
    QVERIFY(!registry().defaultDocker());
    const QString problem = registry().discoveryProblem();
    QVERIFY2(problem.contains(QStringLiteral("DOCKER_HOST")), qPrintable(problem));
}

void TestConnectionRegistry::followsTheEngineAddressesOfPreferences()
{
    QProcessEnvironment environment = this->environment();
    environment.insert(QStringLiteral("DOCKER_HOST"), engineUrl());
    registry().discoverDocker(environment);
    Backend* local = registry().defaultDocker();

    const QString extra = QStringLiteral("tcp://192.0.2.7:2375");
    QSignalSpy added(m_registry.get(), &ConnectionRegistry::connectionAdded);
    QSignalSpy removed(m_registry.get(), &ConnectionRegistry::connectionRemoved);
    // The engine already listed is not listed twice; a bad address is no connection.
    registry().setDockerHosts({engineUrl(), extra, QStringLiteral("not an address")});
    QCOMPARE(added.size(), 1);
    Backend* backend = added.first().first().value<Backend*>();
    QCOMPARE(backend->endpointDescription(), extra);
    const ConnectionOrigin origin = registry().origin(backend);
    QCOMPARE(origin.kind, ConnectionOrigin::Kind::Preference);
    QCOMPARE(origin.detail, extra);
    QCOMPARE(backend->displayName(), QStringLiteral("Docker (%1)").arg(extra));
    QCOMPARE(registry().connections(), (QList<Backend*>{local, backend}));

    QPointer<Backend> gone = backend;
    registry().setDockerHosts({});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().value<Backend*>(), backend);
    QCOMPARE(registry().connections(), QList<Backend*>{local});
    QTRY_VERIFY(gone.isNull()); // deleted by the registry, later
}

void TestConnectionRegistry::dockerNamesFollowTheLanguage()
{
    registry().discoverDocker(environment()); // the default socket
    QVERIFY(!registry().connections().isEmpty());
    Backend* docker = registry().connections().first();
    QCOMPARE(registry().origin(docker).kind, ConnectionOrigin::Kind::DefaultSocket);

    Translations translations;
    QCOMPARE(translations.apply(QStringLiteral("en")), QStringLiteral("en"));
    const QString english = docker->displayName();
    QCOMPARE(english, QStringLiteral("Docker (default socket)"));
    QCOMPARE(translations.apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    const QString chinese = docker->displayName();
    QVERIFY2(chinese != english, qPrintable(chinese));
    QVERIFY2(!chinese.contains(QLatin1String("default socket")), qPrintable(chinese));
    translations.apply(QStringLiteral("en"));
    QCOMPARE(docker->displayName(), english);
}

void TestConnectionRegistry::opensOneConnectionPerRegionOfAnAccount()
{
    EciAccount account;
    account.name = QStringLiteral("work");
    account.accessKeyId = QStringLiteral("LTAIwork");
    account.defaultRegion = QStringLiteral("cn-hangzhou");
    account.extraRegions = {QStringLiteral("cn-beijing")};
    m_accounts->save(account);
    storeSecret(account, QStringLiteral("not-a-real-secret"));

    QSignalSpy loaded(m_registry.get(), &ConnectionRegistry::loaded);
    registry().syncAccounts();
    QVERIFY(registry().isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!registry().isLoading(), 10000);
    QVERIFY(!loaded.isEmpty());

    const QList<Backend*> connections = registry().connections();
    QCOMPARE(connections.size(), 2);
    QStringList regions;
    for (Backend* backend : connections) {
        const ConnectionOrigin origin = registry().origin(backend);
        QCOMPARE(origin.kind, ConnectionOrigin::Kind::EciAccount);
        QVERIFY(origin.isEci());
        QCOMPARE(origin.detail, QStringLiteral("work"));
        regions << origin.region;
        QCOMPARE(backend->state(), Backend::State::Disconnected); // not started
    }
    QCOMPARE(regions, (QStringList{QStringLiteral("cn-hangzhou"), QStringLiteral("cn-beijing")}));

    // Syncing again changes nothing; removing the account closes its connections.
    registry().syncAccounts();
    QCOMPARE(registry().connections(), connections);
    QSignalSpy removed(m_registry.get(), &ConnectionRegistry::connectionRemoved);
    m_accounts->remove(account.name);
    registry().syncAccounts();
    QCOMPARE(removed.size(), 2);
    QVERIFY(registry().connections().isEmpty());
}

void TestConnectionRegistry::reportsAnAccountWhoseSecretIsMissing()
{
    EciAccount account;
    account.name = QStringLiteral("orphan");
    account.accessKeyId = QStringLiteral("LTAIorphan");
    account.defaultRegion = QStringLiteral("cn-hangzhou");
    m_accounts->save(account);

    QSignalSpy failed(m_registry.get(), &ConnectionRegistry::accountFailed);
    registry().syncAccounts();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("orphan"));
    QCOMPARE(failed.first().at(1).value<Error>().kind, Error::NotFound);
    QVERIFY(registry().connections().isEmpty());

    // Once the secret is there, reloading the account connects it.
    storeSecret(account, QStringLiteral("found-again"));
    registry().reloadAccount(account.name);
    QTRY_COMPARE_WITH_TIMEOUT(registry().connections().size(), 1, 10000);
}

void TestConnectionRegistry::connectsAnAccountToTheEmulator()
{
    EciEmulatorProcess emulator(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY2(emulator.start(), emulator.log().constData());
    EciAccount account;
    account.name = QStringLiteral("test");
    account.accessKeyId = EciEmulatorProcess::accessKeyId();
    account.defaultRegion = QStringLiteral("cn-hangzhou");
    account.endpoint = emulator.endpoint();
    m_accounts->save(account);
    storeSecret(account, EciEmulatorProcess::accessKeySecret());

    registry().start();
    registry().syncAccounts();
    QTRY_COMPARE_WITH_TIMEOUT(registry().connections().size(), 1, 10000);
    Backend* eci = registry().connections().first();
    QTRY_COMPARE_WITH_TIMEOUT(eci->state(), Backend::State::Connected, 60000);

    // The regions a key can use, through a backend the registry makes for the one call.
    EciCredentials credentials{account.accessKeyId, EciEmulatorProcess::accessKeySecret(), {}};
    ResultJob<QStringList>* job =
        registry().listRegions(account, credentials, account.defaultRegion);
    QSignalSpy done(job, &Job::finished);
    QVERIFY(done.wait(60000));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().fullText()));
    QVERIFY(job->value().contains(QStringLiteral("cn-hangzhou")));
    QCOMPARE(registry().connections().size(), 1); // no connection of its own

    QVERIFY(ConnectionRegistry::eciEndpointProblem(emulator.endpoint()).isEmpty());
    QVERIFY(!ConnectionRegistry::eciEndpointProblem(QStringLiteral("ftp://x")).isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionRegistry)
#include "tst_connectionregistry.moc"
