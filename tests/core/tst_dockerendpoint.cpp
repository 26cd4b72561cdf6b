#include "docker/DockerEndpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestDockerEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void dockerHostComesFirst();
    void dockerContextBeforeConfig();
    void currentContextFromConfig();
    void defaultSocket();
    void missingContextIsAnError();
    void tlsFromEnvironment();
    void contextTlsFolder();
    void fallbacksExistOnly();
    void urls_data();
    void urls();

private:
    void writeContext(const QString& name, const QString& host, bool withTls);
    QProcessEnvironment environment() const;

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestDockerEndpoint::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QDir(m_home->path()).mkpath(QStringLiteral(".docker"));
}

QProcessEnvironment TestDockerEndpoint::environment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), m_home->path());
    return env;
}

void TestDockerEndpoint::writeContext(const QString& name, const QString& host, bool withTls)
{
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
    const QString meta = m_home->filePath(QStringLiteral(".docker/contexts/meta/") + hash);
    QDir().mkpath(meta);
    QFile file(meta + QStringLiteral("/meta.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("{\"Name\":\"%1\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                              "{\"Host\":\"%2\",\"SkipTLSVerify\":false}}}")
                   .arg(name, host)
                   .toUtf8());
    if (withTls) {
        const QString tls = m_home->filePath(QStringLiteral(".docker/contexts/tls/") + hash +
                                             QStringLiteral("/docker"));
        QDir().mkpath(tls);
        for (const char* pem : {"ca.pem", "cert.pem", "key.pem"}) {
            QFile f(tls + QLatin1Char('/') + QLatin1String(pem));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
    }
}

void TestDockerEndpoint::dockerHostComesFirst()
{
    writeContext(QStringLiteral("remote"), QStringLiteral("tcp://10.0.0.1:2376"), false);
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix:///tmp/x.sock"));
    env.insert(QStringLiteral("DOCKER_CONTEXT"), QStringLiteral("remote"));
    const auto choice = DockerEndpoint(env).primary();
    QCOMPARE(choice.endpoint.kind, Endpoint::Kind::Unix);
    QCOMPARE(choice.endpoint.socketPath, QStringLiteral("/tmp/x.sock"));
    QCOMPARE(choice.source, QStringLiteral("DOCKER_HOST"));
}

void TestDockerEndpoint::dockerContextBeforeConfig()
{
    writeContext(QStringLiteral("a"), QStringLiteral("unix:///run/a.sock"), false);
    writeContext(QStringLiteral("b"), QStringLiteral("unix:///run/b.sock"), false);
    QFile config(m_home->filePath(QStringLiteral(".docker/config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{\"currentContext\":\"b\"}");
    config.close();
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("DOCKER_CONTEXT"), QStringLiteral("a"));
    QCOMPARE(DockerEndpoint(env).primary().endpoint.socketPath, QStringLiteral("/run/a.sock"));
}

void TestDockerEndpoint::currentContextFromConfig()
{
    writeContext(QStringLiteral("b"), QStringLiteral("unix:///run/b.sock"), false);
    QFile config(m_home->filePath(QStringLiteral(".docker/config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{\"auths\":{},\"currentContext\":\"b\"}");
    config.close();
    const auto choice = DockerEndpoint(environment()).primary();
    QCOMPARE(choice.endpoint.socketPath, QStringLiteral("/run/b.sock"));
    QVERIFY(choice.source.contains(QStringLiteral("b")));
}

void TestDockerEndpoint::defaultSocket()
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("DOCKER_CONTEXT"), QStringLiteral("default"));
    QCOMPARE(DockerEndpoint(env).primary().endpoint.socketPath,
             QStringLiteral("/var/run/docker.sock"));
    QCOMPARE(DockerEndpoint(environment()).primary().endpoint.socketPath,
             QStringLiteral("/var/run/docker.sock"));
}

void TestDockerEndpoint::missingContextIsAnError()
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("DOCKER_CONTEXT"), QStringLiteral("gone"));
    QString error;
    const auto choice = DockerEndpoint(env).primary(&error);
    QVERIFY(!choice.endpoint.isValid());
    QVERIFY(error.contains(QStringLiteral("gone")));
}

void TestDockerEndpoint::tlsFromEnvironment()
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("tcp://build.example:2376"));
    env.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
    env.insert(QStringLiteral("DOCKER_CERT_PATH"), m_home->path());
    QFile ca(m_home->filePath(QStringLiteral("ca.pem")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    const Endpoint endpoint = DockerEndpoint(env).primary().endpoint;
    QCOMPARE(endpoint.kind, Endpoint::Kind::Tcp);
    QCOMPARE(endpoint.host, QStringLiteral("build.example"));
    QCOMPARE(endpoint.port, quint16(2376));
    QVERIFY(endpoint.tls);
    QVERIFY(endpoint.verifyPeer);
    QCOMPARE(endpoint.caFile, m_home->filePath(QStringLiteral("ca.pem")));
    QCOMPARE(endpoint.certFile, m_home->filePath(QStringLiteral("cert.pem")));
    QCOMPARE(endpoint.hostHeader(), QByteArray("build.example:2376"));
}

void TestDockerEndpoint::contextTlsFolder()
{
    writeContext(QStringLiteral("secure"), QStringLiteral("tcp://10.1.2.3:2376"), true);
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("DOCKER_CONTEXT"), QStringLiteral("secure"));
    const Endpoint endpoint = DockerEndpoint(env).primary().endpoint;
    QVERIFY(endpoint.tls);
    QVERIFY(endpoint.keyFile.endsWith(QStringLiteral("/docker/key.pem")));
}

void TestDockerEndpoint::fallbacksExistOnly()
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home->path());
    QDir(m_home->path()).mkpath(QStringLiteral("podman"));
    QFile socket(m_home->filePath(QStringLiteral("podman/podman.sock")));
    QVERIFY(socket.open(QIODevice::WriteOnly));
    const auto fallbacks = DockerEndpoint(env).fallbacks();
    QVERIFY(!fallbacks.isEmpty());
    QCOMPARE(fallbacks.first().endpoint.socketPath, socket.fileName());
}

void TestDockerEndpoint::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("detail");
    QTest::newRow("unix") << "unix:///var/run/docker.sock" << int(Endpoint::Kind::Unix)
                          << "/var/run/docker.sock";
    QTest::newRow("bare path") << "/run/podman/podman.sock" << int(Endpoint::Kind::Unix)
                               << "/run/podman/podman.sock";
    QTest::newRow("tcp") << "tcp://127.0.0.1:2375" << int(Endpoint::Kind::Tcp) << "127.0.0.1";
    QTest::newRow("ssh") << "ssh://me@build:2222" << int(Endpoint::Kind::Process) << "me@build";
    QTest::newRow("ssh option injection")
        << "ssh://-oProxyCommand=x" << int(Endpoint::Kind::Invalid) << "";
    QTest::newRow("bad scheme") << "ftp://x" << int(Endpoint::Kind::Invalid) << "";
    QTest::newRow("empty") << "" << int(Endpoint::Kind::Invalid) << "";
}

void TestDockerEndpoint::urls()
{
    QFETCH(QString, url);
    QFETCH(int, kind);
    QFETCH(QString, detail);
    QString error;
    const Endpoint endpoint = Endpoint::fromUrl(url, &error);
    QCOMPARE(int(endpoint.kind), kind);
    if (kind == int(Endpoint::Kind::Invalid)) {
        QVERIFY(!error.isEmpty());
        return;
    }
    if (endpoint.kind == Endpoint::Kind::Process) {
        QVERIFY(endpoint.arguments.contains(detail));
        QCOMPARE(endpoint.arguments.indexOf(QStringLiteral("--")) + 1,
                 endpoint.arguments.indexOf(detail));
    } else {
        QVERIFY(endpoint.socketPath == detail || endpoint.host == detail);
    }
}

QTEST_GUILESS_MAIN(TestDockerEndpoint)
#include "tst_dockerendpoint.moc"
