#include "DockerTestEnvironment.h"
#include "eci/EciClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

const QString keyId = QStringLiteral("client-test-id");
const QString secret = QStringLiteral("canary-SECRET-8f3a");
const QString region = QStringLiteral("cn-hangzhou");

// Waits for the job without deleting it; the caller owns it.
std::unique_ptr<Job> await(Job* job, int timeoutMs = 60000)
{
    job->setAutoDelete(false);
    QElapsedTimer timer;
    timer.start();
    while (!job->isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(10);
    return std::unique_ptr<Job>(job);
}

} // namespace

class TestEciClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lifecycle();
    void wrongSecretIsNotRetried();
    void throttlingIsRetried();
    void serverErrorsAreRetried();
    void clockOff();
    void endpointParsing();

private:
    bool startEmulator(const QStringList& faults = {});
    int requestCount();
    std::unique_ptr<EciClient> makeClient(const QString& withSecret = secret);

    QNetworkAccessManager m_network;
    std::unique_ptr<QProcess> m_emulator;
    quint16 m_port = 0;
};

void TestEciClient::init()
{
    REQUIRE_TEST_ENGINE();
}

void TestEciClient::cleanup()
{
    if (m_emulator) {
        m_emulator->kill();
        m_emulator->waitForFinished();
        m_emulator.reset();
    }
}

bool TestEciClient::startEmulator(const QStringList& faults)
{
    m_emulator = std::make_unique<QProcess>();
    m_emulator->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments{QStringLiteral("--listen"),      QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--docker-host"), qEnvironmentVariable("DOCKER_HOST"),
                          QStringLiteral("--access-key"),  keyId + QLatin1Char(':') + secret};
    for (const QString& fault : faults)
        arguments << QStringLiteral("--fault") << fault;
    m_emulator->start(QStringLiteral(ECI_EMULATOR_PATH), arguments);
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && m_emulator->state() != QProcess::NotRunning) {
        m_emulator->waitForReadyRead(100);
        out += m_emulator->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    return false;
}

int TestEciClient::requestCount()
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/__emulator/stats").arg(m_port)));
    QNetworkReply* reply = m_network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll())
        .object()
        .value(QLatin1String("Requests"))
        .toInt(-1);
}

std::unique_ptr<EciClient> TestEciClient::makeClient(const QString& withSecret)
{
    auto client =
        std::make_unique<EciClient>(&m_network, QStringLiteral("http://127.0.0.1:%1").arg(m_port),
                                    EciCredentials{keyId, withSecret, {}});
    client->setRetryPolicy(5, 50, 1000);
    client->setTimeout(20000);
    return client;
}

void TestEciClient::lifecycle()
{
    QVERIFY(startEmulator());
    for (const EciSigner::Version version : {EciSigner::Version::V3, EciSigner::Version::V1}) {
        auto client = makeClient();
        client->setSignatureVersion(version);
        const QString tag = DockerTestEnvironment::uniqueName(QStringLiteral("eciclient"));
        QStringList ids;
        const auto create = [&](int i, const QString& token) {
            EciParams params{{QStringLiteral("RegionId"), region},
                             {QStringLiteral("ContainerGroupName"), tag + QString::number(i)},
                             {QStringLiteral("Container.1.Name"), QStringLiteral("main")},
                             {QStringLiteral("Container.1.Image"), DockerTestEnvironment::image()},
                             {QStringLiteral("Tag.1.Key"), QStringLiteral("suite")},
                             {QStringLiteral("Tag.1.Value"), tag}};
            EciSigner::appendList(&params, QStringLiteral("Container.1.Command"),
                                  {QStringLiteral("sleep")});
            EciSigner::appendList(&params, QStringLiteral("Container.1.Arg"),
                                  {QStringLiteral("300")});
            if (!token.isEmpty())
                params.append({QStringLiteral("ClientToken"), token});
            auto job = await(client->call(QStringLiteral("CreateContainerGroup"), params));
            return job->error().isError()
                       ? QString()
                       : job->result().toMap().value(QStringLiteral("ContainerGroupId")).toString();
        };
        const QString token = QStringLiteral("token-") + tag;
        for (int i = 0; i < 3; ++i) {
            const QString id = create(i, i == 0 ? token : QString());
            QVERIFY(id.startsWith(QLatin1String("eci-")));
            ids << id;
        }
        // The same client token gives the same group, not a fourth one.
        QCOMPARE(create(0, token), ids.first());

        const auto list = [&](const QString& status) {
            QStringList seen;
            QString nextToken;
            int pages = 0;
            do {
                EciParams params{{QStringLiteral("RegionId"), region},
                                 {QStringLiteral("Limit"), QStringLiteral("1")},
                                 {QStringLiteral("Tag.1.Key"), QStringLiteral("suite")},
                                 {QStringLiteral("Tag.1.Value"), tag}};
                if (!status.isEmpty())
                    params.append({QStringLiteral("Status"), status});
                if (!nextToken.isEmpty())
                    params.append({QStringLiteral("NextToken"), nextToken});
                auto job = await(client->call(QStringLiteral("DescribeContainerGroups"), params));
                if (job->error().isError())
                    return QStringList{QStringLiteral("error: ") + job->error().fullText()};
                const QVariantMap result = job->result().toMap();
                for (const QVariant& group :
                     result.value(QStringLiteral("ContainerGroups")).toList())
                    seen << group.toMap().value(QStringLiteral("ContainerGroupId")).toString();
                nextToken = result.value(QStringLiteral("NextToken")).toString();
            } while (!nextToken.isEmpty() && ++pages < 10);
            seen.sort();
            return seen;
        };
        QStringList expected = ids;
        expected.sort();
        QCOMPARE(list({}), expected);
        QCOMPARE(list(QStringLiteral("Running")), expected);
        QCOMPARE(list(QStringLiteral("Succeeded")), QStringList());

        for (const QString& id : std::as_const(ids)) {
            auto job = await(client->call(
                QStringLiteral("DeleteContainerGroup"),
                {{QStringLiteral("RegionId"), region}, {QStringLiteral("ContainerGroupId"), id}}));
            QVERIFY2(!job->error().isError(), qPrintable(job->error().fullText()));
        }
        QCOMPARE(list({}), QStringList());
    }
}

void TestEciClient::wrongSecretIsNotRetried()
{
    QVERIFY(startEmulator());
    auto client = makeClient(QStringLiteral("canary-SECRET-8f3a-wrong"));
    const int before = requestCount();
    auto job = await(client->call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(job->error().kind, Error::Auth);
    QCOMPARE(job->error().code, QStringLiteral("SignatureDoesNotMatch"));
    QVERIFY(job->error().detail.contains(QLatin1String("RequestId")));
    QCOMPARE(requestCount(), before + 1);
    QVERIFY(!job->error().fullText().contains(QLatin1String("canary-SECRET")));

    // Nor on a connection failure, nor with a security token.
    auto refused = std::make_unique<EciClient>(
        &m_network, QStringLiteral("http://127.0.0.1:1"),
        EciCredentials{keyId, secret, QStringLiteral("canary-TOKEN-1")});
    refused->setRetryPolicy(2, 10, 20);
    auto failed = await(refused->call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(failed->error().kind, Error::Connection);
    QVERIFY(!failed->error().fullText().contains(QLatin1String("canary-")));
}

void TestEciClient::throttlingIsRetried()
{
    QVERIFY(startEmulator({QStringLiteral("throttle:3")}));
    auto client = makeClient();
    QSignalSpy throttled(client.get(), &EciClient::throttled);
    auto job = await(client->call(QStringLiteral("DescribeRegions"), {}));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().fullText()));
    QVERIFY(!job->result().toMap().value(QStringLiteral("Regions")).toList().isEmpty());
    QCOMPARE(throttled.size(), 3);
    // The emulator asks for 200 ms through x-acs-retry-after.
    QCOMPARE(throttled.first().at(1).toInt(), 200);
    QVERIFY(!throttled.first().at(2).toString().isEmpty());
    QCOMPARE(requestCount(), 4);
}

void TestEciClient::serverErrorsAreRetried()
{
    QVERIFY(startEmulator({QStringLiteral("5xx:2")}));
    auto client = makeClient();
    QSignalSpy retries(client.get(), &EciClient::retryScheduled);
    auto job = await(client->call(QStringLiteral("DescribeRegions"), {}));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().fullText()));
    QCOMPARE(retries.size(), 2);
    QCOMPARE(requestCount(), 3);

    // When every attempt fails, the last error is reported as the server's.
    cleanup();
    QVERIFY(startEmulator({QStringLiteral("5xx:10")}));
    auto failing = makeClient();
    failing->setRetryPolicy(3, 10, 20);
    auto failed = await(failing->call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(failed->error().kind, Error::Server);
    QCOMPARE(failed->error().code, QStringLiteral("InternalError"));
    QCOMPARE(requestCount(), 3);
}

void TestEciClient::clockOff()
{
    QVERIFY(startEmulator());
    auto client = makeClient();
    client->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(20 * 60); });
    auto job = await(client->call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(job->error().code, QStringLiteral("InvalidTimeStamp.Expired"));
    QVERIFY2(job->error().message.contains(QLatin1String("clock")) &&
                 job->error().message.contains(QLatin1String("15 minutes")),
             qPrintable(job->error().message));
    QCOMPARE(requestCount(), 1);
}

void TestEciClient::endpointParsing()
{
    QCOMPARE(EciClient::parseEndpoint(QStringLiteral("eci.cn-hangzhou.aliyuncs.com")),
             QUrl(QStringLiteral("https://eci.cn-hangzhou.aliyuncs.com/")));
    QCOMPARE(EciClient::parseEndpoint(QStringLiteral("127.0.0.1:8080")),
             QUrl(QStringLiteral("https://127.0.0.1:8080/")));
    QCOMPARE(EciClient::parseEndpoint(QStringLiteral("http://127.0.0.1:8080")),
             QUrl(QStringLiteral("http://127.0.0.1:8080/")));
    QString error;
    QVERIFY(!EciClient::parseEndpoint(QStringLiteral("ftp://x"), &error).isValid());
    QVERIFY(!error.isEmpty());
    QVERIFY(!EciClient::parseEndpoint(QStringLiteral("http://h/path?x=1")).isValid());
    QVERIFY(!EciClient::parseEndpoint(QString()).isValid());
}

QTEST_GUILESS_MAIN(TestEciClient)
#include "tst_eciclient.moc"
