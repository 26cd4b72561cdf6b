#include "BackendFixture.h"

using namespace DockerTestEnvironment;

// The same engine reached over TLS with client certificates, and over a process's stdio
// (what ssh:// hosts use), besides the unix socket the other tests use.
class TestTransports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tlsWithClientCertificate();
    void tlsWithoutClientCertificateIsRefused();
    void tlsWithUnknownAuthorityIsRefused();
    void processStdio();
    void processBurstStaysWithinThePool();
    void tlsBurstStaysWithinThePool();

private:
    static void expectListing(DockerBackend* backend);
    static void sendBurst(HttpClient* client, int count);
    Endpoint tlsEndpoint(const QString& certPath) const;
    QString m_tlsHost;
    QString m_certPath;
};

void TestTransports::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_tlsHost = qEnvironmentVariable("SANDBOXDESK_TEST_TLS_HOST");
    m_certPath = qEnvironmentVariable("SANDBOXDESK_TEST_CERT_PATH");
    QVERIFY2(!m_tlsHost.isEmpty() && !m_certPath.isEmpty(),
             "SANDBOXDESK_TEST_TLS_HOST and SANDBOXDESK_TEST_CERT_PATH are set by scripts/test.");
}

Endpoint TestTransports::tlsEndpoint(const QString& certPath) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DOCKER_HOST"), m_tlsHost);
    env.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
    env.insert(QStringLiteral("DOCKER_CERT_PATH"), certPath);
    return DockerEndpoint(env).primary().endpoint;
}

void TestTransports::expectListing(DockerBackend* backend)
{
    const QString name = uniqueName(QStringLiteral("transport"));
    QCOMPARE(docker({QStringLiteral("create"), QStringLiteral("--network"), QStringLiteral("none"),
                     QStringLiteral("--name"), name, image()})
                 .exitCode,
             0);
    backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 15000);
    QCOMPARE(backendIds(*backend), allIds());
    // Events arrive over this transport too.
    QCOMPARE(docker({QStringLiteral("rm"), name}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<Sandbox> now = backend->sandboxes();
            return std::none_of(now.begin(), now.end(),
                                [&](const Sandbox& s) { return s.name == name; });
        }(),
        5000);
}

void TestTransports::tlsWithClientCertificate()
{
    const Endpoint endpoint = tlsEndpoint(m_certPath);
    QVERIFY(endpoint.tls);
    QVERIFY(endpoint.verifyPeer);
    DockerBackend backend(QStringLiteral("tls"), QStringLiteral("tls"), endpoint);
    expectListing(&backend);
}

void TestTransports::tlsWithoutClientCertificateIsRefused()
{
    // Only the CA: the engine demands a client certificate and must refuse us.
    QTemporaryDir onlyCa;
    QVERIFY(QFile::copy(m_certPath + QStringLiteral("/ca.pem"),
                        onlyCa.filePath(QStringLiteral("ca.pem"))));
    DockerBackend backend(QStringLiteral("tls"), QStringLiteral("tls"), tlsEndpoint(onlyCa.path()));
    backend.setReconnectDelays(60000, 60000);
    backend.connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend.state(), Backend::State::Lost, 15000);
    QCOMPARE(backend.lastError().kind, Error::Connection);
    QVERIFY(backend.sandboxes().isEmpty());
}

void TestTransports::tlsWithUnknownAuthorityIsRefused()
{
    // A client certificate, but no CA that signed the engine's: verification must fail.
    QTemporaryDir noCa;
    for (const char* file : {"cert.pem", "key.pem"}) {
        QVERIFY(QFile::copy(m_certPath + QLatin1Char('/') + QLatin1String(file),
                            noCa.filePath(QLatin1String(file))));
    }
    DockerBackend backend(QStringLiteral("tls"), QStringLiteral("tls"), tlsEndpoint(noCa.path()));
    backend.setReconnectDelays(60000, 60000);
    backend.connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend.state(), Backend::State::Lost, 15000);
    QCOMPARE(backend.lastError().kind, Error::Connection);
    QVERIFY(!backend.lastError().detail.isEmpty());
}

void TestTransports::processStdio()
{
    // ssh://host runs "ssh … docker system dial-stdio"; here the same program runs locally.
    Endpoint endpoint;
    endpoint.kind = Endpoint::Kind::Process;
    endpoint.url = QStringLiteral("dial-stdio");
    endpoint.program = QStringLiteral("docker");
    endpoint.arguments = {QStringLiteral("system"), QStringLiteral("dial-stdio")};
    DockerBackend backend(QStringLiteral("stdio"), QStringLiteral("stdio"), endpoint);
    expectListing(&backend);
}

void TestTransports::sendBurst(HttpClient* client, int count)
{
    QList<HttpReply*> replies;
    for (int i = 0; i < count; ++i)
        replies << client->send(HttpRequest::get("/_ping"));
    for (HttpReply* reply : std::as_const(replies)) {
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().fullText()));
        QCOMPARE(reply->status(), 200);
    }
}

void TestTransports::processBurstStaysWithinThePool()
{
    // Each process the client starts leaves a line in the file, then becomes dial-stdio.
    QTemporaryDir dir;
    const QString started = dir.filePath(QStringLiteral("started"));
    Endpoint endpoint;
    endpoint.kind = Endpoint::Kind::Process;
    endpoint.url = QStringLiteral("dial-stdio");
    endpoint.program = QStringLiteral("sh");
    endpoint.arguments = {QStringLiteral("-c"),
                          QStringLiteral("echo started >> \"$0\"; exec docker system dial-stdio"),
                          started};
    HttpClient client(endpoint);
    sendBurst(&client, 50);
    QFile file(started);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const int processes = int(file.readAll().count('\n'));
    QVERIFY(processes >= 1);
    QVERIFY2(processes <= client.maxConnections(), QByteArray::number(processes));
}

void TestTransports::tlsBurstStaysWithinThePool()
{
    HttpClient client(tlsEndpoint(m_certPath));
    sendBurst(&client, 50);
    QVERIFY2(client.connectionsOpened() <= client.maxConnections(),
             QByteArray::number(client.connectionsOpened()));
}

QTEST_GUILESS_MAIN(TestTransports)
#include "tst_transports.moc"
