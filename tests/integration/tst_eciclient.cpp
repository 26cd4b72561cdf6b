#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "eci/EciClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

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
    void cancelInFlight();
    void clockOff();
    void endpointParsing();
    void multiContainerGroup();
    void restartOnlyWhenPendingOrRunning();
    void updateTagsAndRestartPolicy();
    void containerLogs();
    void metricsAreEngineSamples();
    void faultsCoverTheNewActions();

private:
    bool startEmulator(const QStringList& faults = {}, const QStringList& arguments = {});
    int requestCount() { return m_emulator->requestCount(); }
    std::unique_ptr<EciClient>
    makeClient(const QString& withSecret = EciEmulatorProcess::accessKeySecret());
    // A group of containers named by the keys, each running its shell command.
    QString createGroup(EciClient* client, const QList<QPair<QString, QString>>& containers,
                        const EciParams& extra = {});
    QVariantMap describeGroup(EciClient* client, const QString& id);

    QNetworkAccessManager m_network;
    std::unique_ptr<EciEmulatorProcess> m_emulator;
};

void TestEciClient::init()
{
    REQUIRE_TEST_ENGINE();
}

void TestEciClient::cleanup()
{
    m_emulator.reset();
}

bool TestEciClient::startEmulator(const QStringList& faults, const QStringList& extra)
{
    m_emulator = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    QStringList arguments = extra;
    for (const QString& fault : faults)
        arguments << QStringLiteral("--fault") << fault;
    return m_emulator->start(arguments);
}

std::unique_ptr<EciClient> TestEciClient::makeClient(const QString& withSecret)
{
    auto client = std::make_unique<EciClient>(
        &m_network, m_emulator->endpoint(),
        EciCredentials{EciEmulatorProcess::accessKeyId(), withSecret, {}});
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
    auto client = makeClient(EciEmulatorProcess::accessKeySecret() + QStringLiteral("-wrong"));
    const int before = requestCount();
    auto job = await(client->call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(job->error().kind, Error::Auth);
    QCOMPARE(job->error().code, QStringLiteral("SignatureDoesNotMatch"));
    QVERIFY(job->error().detail.contains(QLatin1String("RequestId")));
    QCOMPARE(requestCount(), before + 1);
    QVERIFY(!job->error().fullText().contains(EciEmulatorProcess::accessKeySecret()));

    // Nor on a connection failure, nor with a security token.
    auto refused = std::make_unique<EciClient>(
        &m_network, QStringLiteral("http://127.0.0.1:1"),
        EciCredentials{EciEmulatorProcess::accessKeyId(), EciEmulatorProcess::accessKeySecret(),
                       QStringLiteral("CANARY-eci-token-1")});
    refused->setRetryPolicy(2, 10, 20);
    auto failed = await(refused->call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(failed->error().kind, Error::Connection);
    QVERIFY(!failed->error().fullText().contains(QLatin1String("CANARY-")));
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

void TestEciClient::cancelInFlight()
{
    // The emulator holds the answer back, so the request is on the wire when cancelled.
    QVERIFY(startEmulator({QStringLiteral("slow:2000")}));
    auto client = makeClient();
    Job* job = client->call(QStringLiteral("DescribeRegions"), {});
    job->setAutoDelete(false);
    QTest::qWait(500); // the answer is held back for 2 s: the request is sent, unanswered
    QSignalSpy finished(job, &Job::finished);
    job->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->error().kind, Error::Cancelled);
    // Nothing arrives later for the cancelled call, and the client still works.
    auto next = await(client->call(QStringLiteral("DescribeRegions"), {}));
    QVERIFY2(!next->error().isError(), qPrintable(next->error().fullText()));
    QCOMPARE(finished.size(), 1);
    delete job;
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

QString TestEciClient::createGroup(EciClient* client,
                                   const QList<QPair<QString, QString>>& containers,
                                   const EciParams& extra)
{
    EciParams params{{QStringLiteral("RegionId"), region},
                     {QStringLiteral("ContainerGroupName"),
                      DockerTestEnvironment::uniqueName(QStringLiteral("eciclient"))},
                     {QStringLiteral("Cpu"), QStringLiteral("1")},
                     {QStringLiteral("Memory"), QStringLiteral("2")}};
    params += extra;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QString prefix = QStringLiteral("Container.%1.").arg(i + 1);
        params.append({prefix + QStringLiteral("Name"), containers.at(i).first});
        params.append({prefix + QStringLiteral("Image"), DockerTestEnvironment::image()});
        EciSigner::appendList(
            &params, prefix + QStringLiteral("Command"),
            {QStringLiteral("sh"), QStringLiteral("-c"), containers.at(i).second});
    }
    auto job = await(client->call(QStringLiteral("CreateContainerGroup"), params));
    if (job->error().isError())
        qWarning("create: %s", qPrintable(job->error().fullText()));
    return job->result().toMap().value(QStringLiteral("ContainerGroupId")).toString();
}

QVariantMap TestEciClient::describeGroup(EciClient* client, const QString& id)
{
    auto job = await(
        client->call(QStringLiteral("DescribeContainerGroups"),
                     {{QStringLiteral("RegionId"), region},
                      {QStringLiteral("ContainerGroupIds"), QStringLiteral("[\"%1\"]").arg(id)}}));
    const QVariantList groups =
        job->result().toMap().value(QStringLiteral("ContainerGroups")).toList();
    return groups.isEmpty() ? QVariantMap() : groups.first().toMap();
}

void TestEciClient::multiContainerGroup()
{
    QVERIFY(startEmulator());
    auto client = makeClient();
    const QString id = createGroup(
        client.get(), {{QStringLiteral("web"), QStringLiteral("sleep 300")},
                       {QStringLiteral("side"), QStringLiteral("echo side-up; sleep 300")}});
    QVERIFY(id.startsWith(QLatin1String("eci-")));
    // Each container is a container of the engine, labelled with its group.
    const auto listed = DockerTestEnvironment::docker(
        {QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--filter"),
         QStringLiteral("label=eci.sandboxdesk/id=") + id});
    QCOMPARE(listed.out.trimmed().split('\n').size(), 2);

    QVariantMap group = describeGroup(client.get(), id);
    QCOMPARE(group.value(QStringLiteral("Status")).toString(), QStringLiteral("Running"));
    QCOMPARE(group.value(QStringLiteral("RestartPolicy")).toString(), QStringLiteral("Always"));
    QVariantList containers = group.value(QStringLiteral("Containers")).toList();
    QCOMPARE(containers.size(), 2);
    QCOMPARE(containers.at(0).toMap().value(QStringLiteral("Name")).toString(),
             QStringLiteral("web"));
    QCOMPARE(containers.at(1).toMap().value(QStringLiteral("Name")).toString(),
             QStringLiteral("side"));
    for (const QVariant& c : std::as_const(containers)) {
        const QVariantMap container = c.toMap();
        QCOMPARE(container.value(QStringLiteral("Image")).toString(),
                 DockerTestEnvironment::image());
        QCOMPARE(container.value(QStringLiteral("Ready")).toBool(), true);
        QCOMPARE(container.value(QStringLiteral("RestartCount")).toInt(), 0);
        const QVariantMap state = container.value(QStringLiteral("CurrentState")).toMap();
        QCOMPARE(state.value(QStringLiteral("State")).toString(), QStringLiteral("Running"));
        QVERIFY(state.value(QStringLiteral("StartTime")).toString().endsWith(QLatin1Char('Z')));
    }

    // The events are what the engine did: each container created and started.
    const auto eventsOf = [&](const QString& extraKey = {}, const QString& extraValue = {}) {
        EciParams params{{QStringLiteral("RegionId"), region},
                         {QStringLiteral("ContainerGroupIds"), QStringLiteral("[\"%1\"]").arg(id)}};
        if (!extraKey.isEmpty())
            params.append({extraKey, extraValue});
        auto job = await(client->call(QStringLiteral("DescribeContainerGroupEvents"), params));
        const QVariantList data = job->result().toMap().value(QStringLiteral("Data")).toList();
        QStringList seen;
        for (const QVariant& d : data) {
            for (const QVariant& e : d.toMap().value(QStringLiteral("Events")).toList())
                seen << e.toMap().value(QStringLiteral("Reason")).toString() + QLatin1Char(' ') +
                            e.toMap().value(QStringLiteral("Message")).toString();
        }
        return seen;
    };
    QTRY_VERIFY_WITH_TIMEOUT(eventsOf().contains(QStringLiteral("Started Started container side")),
                             20000);
    const QStringList events = eventsOf();
    for (const char* expected : {"Created Created container web", "Created Created container side",
                                 "Started Started container web"})
        QVERIFY2(events.contains(QLatin1String(expected)),
                 qPrintable(events.join(QLatin1Char('|'))));
    QVERIFY(eventsOf(QStringLiteral("EventSource"), QStringLiteral("EciService")).isEmpty());
    QCOMPARE(eventsOf(QStringLiteral("EventSource"), QStringLiteral("Nobody")).size(), 0);

    // A restart goes through Restarting, then both containers have restarted once.
    auto restart = await(client->call(
        QStringLiteral("RestartContainerGroup"),
        {{QStringLiteral("RegionId"), region}, {QStringLiteral("ContainerGroupId"), id}}));
    QVERIFY2(!restart->error().isError(), qPrintable(restart->error().fullText()));
    QCOMPARE(describeGroup(client.get(), id).value(QStringLiteral("Status")).toString(),
             QStringLiteral("Restarting"));
    QTRY_COMPARE_WITH_TIMEOUT(
        describeGroup(client.get(), id).value(QStringLiteral("Status")).toString(),
        QStringLiteral("Running"), 30000);
    group = describeGroup(client.get(), id);
    for (const QVariant& c : group.value(QStringLiteral("Containers")).toList())
        QCOMPARE(c.toMap().value(QStringLiteral("RestartCount")).toInt(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        eventsOf().contains(QStringLiteral("Restarted Restarted container side")), 20000);
    QVERIFY(eventsOf()
                .join(QLatin1Char('|'))
                .contains(QLatin1String("Killing Stopping container web")));

    auto removed = await(client->call(
        QStringLiteral("DeleteContainerGroup"),
        {{QStringLiteral("RegionId"), region}, {QStringLiteral("ContainerGroupId"), id}}));
    QVERIFY(!removed->error().isError());
    QVERIFY(describeGroup(client.get(), id).isEmpty());

    // A container without a name or image, or two with one name, make no group at all.
    const auto refused = [&](const EciParams& params) {
        EciParams all{{QStringLiteral("RegionId"), region},
                      {QStringLiteral("ContainerGroupName"), QStringLiteral("bad")},
                      {QStringLiteral("Container.1.Name"), QStringLiteral("a")},
                      {QStringLiteral("Container.1.Image"), DockerTestEnvironment::image()}};
        all += params;
        return await(client->call(QStringLiteral("CreateContainerGroup"), all))->error().code;
    };
    QCOMPARE(refused({{QStringLiteral("Container.2.Name"), QStringLiteral("b")}}),
             QStringLiteral("MissingParameter"));
    QCOMPARE(refused({{QStringLiteral("Container.2.Name"), QStringLiteral("a")},
                      {QStringLiteral("Container.2.Image"), DockerTestEnvironment::image()}}),
             QStringLiteral("InvalidParameter"));
    QCOMPARE(refused({{QStringLiteral("RestartPolicy"), QStringLiteral("Sometimes")}}),
             QStringLiteral("InvalidParameter"));
}

void TestEciClient::restartOnlyWhenPendingOrRunning()
{
    QVERIFY(startEmulator());
    auto client = makeClient();
    const QString id =
        createGroup(client.get(), {{QStringLiteral("once"), QStringLiteral("exit 0")}},
                    {{QStringLiteral("RestartPolicy"), QStringLiteral("Never")}});
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        describeGroup(client.get(), id).value(QStringLiteral("Status")).toString(),
        QStringLiteral("Succeeded"), 30000);
    const QVariantMap state = describeGroup(client.get(), id)
                                  .value(QStringLiteral("Containers"))
                                  .toList()
                                  .first()
                                  .toMap()
                                  .value(QStringLiteral("CurrentState"))
                                  .toMap();
    QCOMPARE(state.value(QStringLiteral("State")).toString(), QStringLiteral("Terminated"));
    QCOMPARE(state.value(QStringLiteral("ExitCode")).toInt(), 0);
    for (const char* action : {"RestartContainerGroup", "UpdateContainerGroup"}) {
        auto job =
            await(client->call(QLatin1String(action), {{QStringLiteral("RegionId"), region},
                                                       {QStringLiteral("ContainerGroupId"), id}}));
        QCOMPARE(job->error().code, QStringLiteral("IncorrectStatus"));
        QCOMPARE(job->error().kind, Error::Conflict);
    }
    const QString failing =
        createGroup(client.get(), {{QStringLiteral("bad"), QStringLiteral("exit 3")}},
                    {{QStringLiteral("RestartPolicy"), QStringLiteral("Never")}});
    QTRY_COMPARE_WITH_TIMEOUT(
        describeGroup(client.get(), failing).value(QStringLiteral("Status")).toString(),
        QStringLiteral("Failed"), 30000);
    auto missing = await(
        client->call(QStringLiteral("RestartContainerGroup"),
                     {{QStringLiteral("RegionId"), region},
                      {QStringLiteral("ContainerGroupId"), QStringLiteral("eci-nosuchgroup")}}));
    QCOMPARE(missing->error().kind, Error::NotFound);
}

void TestEciClient::updateTagsAndRestartPolicy()
{
    QVERIFY(startEmulator());
    auto client = makeClient();
    const QString tag = DockerTestEnvironment::uniqueName(QStringLiteral("tag"));
    const QString id =
        createGroup(client.get(), {{QStringLiteral("main"), QStringLiteral("sleep 300")}},
                    {{QStringLiteral("Tag.1.Key"), QStringLiteral("old")},
                     {QStringLiteral("Tag.1.Value"), QStringLiteral("1")}});
    auto job = await(client->call(QStringLiteral("UpdateContainerGroup"),
                                  {{QStringLiteral("RegionId"), region},
                                   {QStringLiteral("ContainerGroupId"), id},
                                   {QStringLiteral("RestartPolicy"), QStringLiteral("OnFailure")},
                                   {QStringLiteral("Tag.1.Key"), QStringLiteral("suite")},
                                   {QStringLiteral("Tag.1.Value"), tag},
                                   {QStringLiteral("Tag.2.Key"), QStringLiteral("owner")},
                                   {QStringLiteral("Tag.2.Value"), QStringLiteral("me")}}));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().fullText()));
    const QVariantMap group = describeGroup(client.get(), id);
    QCOMPARE(group.value(QStringLiteral("RestartPolicy")).toString(), QStringLiteral("OnFailure"));
    QStringList tags;
    for (const QVariant& t : group.value(QStringLiteral("Tags")).toList())
        tags << t.toMap().value(QStringLiteral("Key")).toString() + QLatin1Char('=') +
                    t.toMap().value(QStringLiteral("Value")).toString();
    QCOMPARE(tags, (QStringList{QStringLiteral("owner=me"), QStringLiteral("suite=") + tag}));
    // The engine holds the new policy, not only the emulator.
    const auto inspected =
        DockerTestEnvironment::docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                       QStringLiteral("{{.HostConfig.RestartPolicy.Name}}"), id});
    QCOMPARE(inspected.out.trimmed(), QByteArray("on-failure"));
    // The tag filter sees the new tags.
    auto listed = await(client->call(QStringLiteral("DescribeContainerGroups"),
                                     {{QStringLiteral("RegionId"), region},
                                      {QStringLiteral("Tag.1.Key"), QStringLiteral("suite")},
                                      {QStringLiteral("Tag.1.Value"), tag}}));
    QCOMPARE(listed->result().toMap().value(QStringLiteral("TotalCount")).toInt(), 1);
    auto bad = await(client->call(QStringLiteral("UpdateContainerGroup"),
                                  {{QStringLiteral("RegionId"), region},
                                   {QStringLiteral("ContainerGroupId"), id},
                                   {QStringLiteral("RestartPolicy"), QStringLiteral("Rarely")}}));
    QCOMPARE(bad->error().code, QStringLiteral("InvalidParameter"));
}

void TestEciClient::containerLogs()
{
    QVERIFY(startEmulator());
    auto client = makeClient();
    const QString id =
        createGroup(client.get(),
                    {{QStringLiteral("main"), QStringLiteral("sleep 300")},
                     {QStringLiteral("talker"), QStringLiteral("i=1; while [ $i -le 2500 ]; do "
                                                               "echo line-$i; i=$((i+1)); "
                                                               "done; sleep 1; echo err-line >&2; "
                                                               "sleep 300")}});
    const auto logs = [&](const EciParams& extra) {
        EciParams params{{QStringLiteral("RegionId"), region},
                         {QStringLiteral("ContainerGroupId"), id}};
        params += extra;
        return await(client->call(QStringLiteral("DescribeContainerLog"), params));
    };
    const EciParams talker{{QStringLiteral("ContainerName"), QStringLiteral("talker")}};
    QTRY_VERIFY_WITH_TIMEOUT(logs(talker)
                                 ->result()
                                 .toMap()
                                 .value(QStringLiteral("Content"))
                                 .toString()
                                 .contains(QLatin1String("err-line")),
                             20000);
    auto all = logs(talker);
    QCOMPARE(all->result().toMap().value(QStringLiteral("ContainerName")).toString(),
             QStringLiteral("talker"));
    const QString content = all->result().toMap().value(QStringLiteral("Content")).toString();
    QVERIFY(content.startsWith(QLatin1String("line-1\nline-2\n")));
    QVERIFY(content.contains(QLatin1String("line-2500\n")));

    auto tail = logs(talker + EciParams{{QStringLiteral("Tail"), QStringLiteral("3")}});
    QCOMPARE(tail->result().toMap().value(QStringLiteral("Content")).toString(),
             QStringLiteral("line-2499\nline-2500\nerr-line\n"));
    auto limited = logs(talker + EciParams{{QStringLiteral("LimitBytes"), QStringLiteral("10")}});
    QCOMPARE(limited->result().toMap().value(QStringLiteral("Content")).toString(),
             QStringLiteral("line-1\nlin"));
    auto stamped = logs(talker + EciParams{{QStringLiteral("Tail"), QStringLiteral("1")},
                                           {QStringLiteral("Timestamps"), QStringLiteral("true")}});
    static const QRegularExpression stamp(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z err-line\\n$"));
    const QString stampedText =
        stamped->result().toMap().value(QStringLiteral("Content")).toString();
    QVERIFY2(stamp.match(stampedText).hasMatch(), qPrintable(stampedText));
    auto recent = logs(talker + EciParams{{QStringLiteral("SinceSeconds"), QStringLiteral("3600")},
                                          {QStringLiteral("Tail"), QStringLiteral("1")}});
    QCOMPARE(recent->result().toMap().value(QStringLiteral("Content")).toString(),
             QStringLiteral("err-line\n"));
    auto future = logs(
        talker + EciParams{{QStringLiteral("StartTime"),
                            QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate)}});
    QCOMPARE(future->result().toMap().value(QStringLiteral("Content")).toString(), QString());
    auto previous = logs(talker + EciParams{{QStringLiteral("LastTime"), QStringLiteral("true")}});
    QVERIFY(!previous->error().isError());
    QCOMPARE(previous->result().toMap().value(QStringLiteral("Content")).toString(), QString());

    QCOMPARE(
        logs(talker + EciParams{{QStringLiteral("Tail"), QStringLiteral("2001")}})->error().code,
        QStringLiteral("InvalidParameter.ValueExceeded"));
    QVERIFY(!logs(talker + EciParams{{QStringLiteral("Tail"), QStringLiteral("2000")}})
                 ->error()
                 .isError());
    QCOMPARE(logs(talker + EciParams{{QStringLiteral("LimitBytes"), QStringLiteral("1048577")}})
                 ->error()
                 .code,
             QStringLiteral("InvalidParameter.ValueExceeded"));
    QCOMPARE(logs(talker + EciParams{{QStringLiteral("StartTime"), QStringLiteral("yesterday")}})
                 ->error()
                 .code,
             QStringLiteral("InvalidParameter"));
    QCOMPARE(logs({})->error().code, QStringLiteral("MissingParameter"));
    QCOMPARE(logs({{QStringLiteral("ContainerName"), QStringLiteral("nobody")}})->error().code,
             QStringLiteral("InvalidParameter"));
}

void TestEciClient::metricsAreEngineSamples()
{
    QVERIFY(startEmulator({}, {QStringLiteral("--metric-interval"), QStringLiteral("300")}));
    auto client = makeClient();
    // One container keeps a core busy, the other sleeps: the samples must tell them apart.
    const QString id =
        createGroup(client.get(), {{QStringLiteral("busy"), QStringLiteral("while :; do :; done")},
                                   {QStringLiteral("idle"), QStringLiteral("sleep 300")}});
    const auto metric = [&](const EciParams& extra = {}) {
        EciParams params{{QStringLiteral("RegionId"), region},
                         {QStringLiteral("ContainerGroupId"), id}};
        params += extra;
        return await(client->call(QStringLiteral("DescribeContainerGroupMetric"), params));
    };
    auto first = metric();
    QVERIFY2(!first->error().isError(), qPrintable(first->error().fullText()));
    QCOMPARE(first->result().toMap().value(QStringLiteral("ContainerGroupId")).toString(), id);
    // Sampling goes on between calls: wait until two readings give the busy one a rate.
    QVariantMap last;
    QHash<QString, double> nanoCores;
    const auto read = [&] {
        auto job = metric();
        const QVariantList records =
            job->result().toMap().value(QStringLiteral("Records")).toList();
        if (records.isEmpty() || records.size() > 50)
            return false;
        last = records.last().toMap();
        nanoCores.clear();
        for (const QVariant& c : last.value(QStringLiteral("Containers")).toList()) {
            const QVariantMap cpu = c.toMap().value(QStringLiteral("CPU")).toMap();
            if (cpu.value(QStringLiteral("UsageCoreNanoSeconds")).toLongLong() <= 0)
                return false;
            nanoCores.insert(c.toMap().value(QStringLiteral("Name")).toString(),
                             cpu.value(QStringLiteral("UsageNanoCores")).toDouble());
        }
        return nanoCores.value(QStringLiteral("busy")) > 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(read(), 30000);
    QVERIFY(last.value(QStringLiteral("Timestamp")).toString().endsWith(QLatin1Char('Z')));
    QVERIFY(last.value(QStringLiteral("Memory"))
                .toMap()
                .value(QStringLiteral("UsageBytes"))
                .toLongLong() > 0);
    QCOMPARE(last.value(QStringLiteral("CPU")).toMap().value(QStringLiteral("Limit")).toInt(),
             1000);
    QCOMPARE(nanoCores.size(), 2);
    QVERIFY2(nanoCores.value(QStringLiteral("busy")) > 2e8,
             qPrintable(QString::number(nanoCores.value(QStringLiteral("busy")))));
    QVERIFY2(nanoCores.value(QStringLiteral("idle")) < 5e7,
             qPrintable(QString::number(nanoCores.value(QStringLiteral("idle")))));
    await(client->call(
        QStringLiteral("DeleteContainerGroup"),
        {{QStringLiteral("RegionId"), region}, {QStringLiteral("ContainerGroupId"), id}}));

    // Periods and ranges as documented: 15, 30, 60 or 600 s, at most 50 points.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto range = [&](int minutes, const QString& period) {
        return EciParams{
            {QStringLiteral("StartTime"), now.addSecs(-60 * minutes).toString(Qt::ISODate)},
            {QStringLiteral("EndTime"), now.toString(Qt::ISODate)},
            {QStringLiteral("Period"), period}};
    };
    QCOMPARE(metric({{QStringLiteral("Period"), QStringLiteral("16")}})->error().code,
             QStringLiteral("InvalidParameter"));
    QCOMPARE(metric(range(60, QStringLiteral("15")))->error().code,
             QStringLiteral("InvalidParameter.ValueExceeded"));
    QCOMPARE(metric(range(50, QStringLiteral("60")))->error().code,
             QStringLiteral("InvalidParameter.ContainerGroupId.NotFound"));
    QCOMPARE(metric(range(51, QStringLiteral("60")))->error().code,
             QStringLiteral("InvalidParameter.ValueExceeded"));
}

void TestEciClient::faultsCoverTheNewActions()
{
    QVERIFY(startEmulator(
        {QStringLiteral("throttle:1"), QStringLiteral("5xx:1"), QStringLiteral("malformed:1")}));
    auto client = makeClient();
    // The first three calls meet a throttle, a 5xx and a cut body; the client gets through.
    auto events = await(client->call(QStringLiteral("DescribeContainerGroupEvents"),
                                     {{QStringLiteral("RegionId"), region}}));
    QVERIFY2(!events->error().isError() || events->error().kind == Error::Protocol,
             qPrintable(events->error().fullText()));
    if (events->error().isError()) // a malformed body is not retried: ask again
        events = await(client->call(QStringLiteral("DescribeContainerGroupEvents"),
                                    {{QStringLiteral("RegionId"), region}}));
    QVERIFY2(!events->error().isError(), qPrintable(events->error().fullText()));
    QVERIFY(events->result().toMap().contains(QStringLiteral("Data")));
    QCOMPARE(requestCount(), 4);
}

QTEST_GUILESS_MAIN(TestEciClient)
#include "tst_eciclient.moc"
