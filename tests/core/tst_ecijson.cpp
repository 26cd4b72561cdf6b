#include "eci/EciJson.h"
#include "eci/EciLogStream.h"

#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject parse(const char* json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QString param(const EciParams& params, const QString& name)
{
    for (const auto& p : params) {
        if (p.first == name)
            return p.second;
    }
    return QStringLiteral("<absent>");
}

} // namespace

class TestEciJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detailsFromGroup();
    void statuses_data();
    void statuses();
    void group();
    void hostileGroup();
    void page();
    void createParams();
    void createRefusesWhatEciWould();
    void generatedName();
    void metric();
    void events();
    void regions();
    void logContent();
};

void TestEciJson::statuses_data()
{
    QTest::addColumn<QString>("eci");
    QTest::addColumn<SandboxStatus>("status");
    QTest::newRow("Pending") << "Pending" << SandboxStatus::Created;
    QTest::newRow("Scheduling") << "Scheduling" << SandboxStatus::Created;
    QTest::newRow("ScheduleFailed") << "ScheduleFailed" << SandboxStatus::Dead;
    QTest::newRow("Running") << "Running" << SandboxStatus::Running;
    QTest::newRow("Restarting") << "Restarting" << SandboxStatus::Restarting;
    QTest::newRow("Updating") << "Updating" << SandboxStatus::Running;
    QTest::newRow("Terminating") << "Terminating" << SandboxStatus::Removing;
    QTest::newRow("Succeeded") << "Succeeded" << SandboxStatus::Exited;
    QTest::newRow("Failed") << "Failed" << SandboxStatus::Exited;
    QTest::newRow("Expired") << "Expired" << SandboxStatus::Dead;
    QTest::newRow("lower case is not ECI's") << "running" << SandboxStatus::Unknown;
    QTest::newRow("empty") << "" << SandboxStatus::Unknown;
    QTest::newRow("new word") << "Hibernating" << SandboxStatus::Unknown;
}

void TestEciJson::statuses()
{
    QFETCH(QString, eci);
    QFETCH(SandboxStatus, status);
    QCOMPARE(EciJson::statusFromEci(eci), status);
}

void TestEciJson::group()
{
    const QJsonObject group = parse(R"({
        "ContainerGroupId": "eci-abc", "ContainerGroupName": "web-1", "Status": "Succeeded",
        "Cpu": 0.5, "Memory": 2, "CreationTime": "2024-05-01T10:00:00Z",
        "Tags": [{"Key": "team", "Value": "blue"}, {"Key": "env", "Value": ""}],
        "Containers": [
            {"Name": "app", "Image": "nginx:1", "Ports": [{"Port": 80, "Protocol": "TCP"},
                                                        {"Port": 53, "Protocol": "UDP"}]},
            {"Name": "sidecar", "Image": "busybox", "Ports": [{"Port": 80, "Protocol": "TCP"}]}
        ]})");
    const Sandbox sandbox = EciJson::sandboxFromGroup(group, QStringLiteral("eci:a/cn-hangzhou"));
    QCOMPARE(sandbox.backendId, QStringLiteral("eci:a/cn-hangzhou"));
    QCOMPARE(sandbox.id, QStringLiteral("eci-abc"));
    QCOMPARE(sandbox.name, QStringLiteral("web-1"));
    QCOMPARE(sandbox.status, SandboxStatus::Exited);
    QCOMPARE(sandbox.statusText, QStringLiteral("Succeeded")); // ECI's own word is kept
    QCOMPARE(sandbox.cpus, 0.5);
    QCOMPARE(sandbox.memoryBytes, 2LL * 1024 * 1024 * 1024);
    QCOMPARE(sandbox.created, QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(sandbox.image, QStringLiteral("nginx:1"));
    QCOMPARE(sandbox.containers, (QStringList{QStringLiteral("app"), QStringLiteral("sidecar")}));
    QCOMPARE(sandbox.labels.value(QStringLiteral("team")), QStringLiteral("blue"));
    QVERIFY(sandbox.labels.contains(QStringLiteral("env")));
    QCOMPARE(sandbox.ports.size(), 2); // port 80 appears once
    QCOMPARE(sandbox.ports.at(0).containerPort, quint16(80));
    QCOMPARE(sandbox.ports.at(0).protocol, QStringLiteral("tcp"));
    QCOMPARE(sandbox.ports.at(1).protocol, QStringLiteral("udp"));
    QCOMPARE(sandbox.portsText(), QStringLiteral("80/tcp, 53/udp"));
}

void TestEciJson::hostileGroup()
{
    // Every field of the wrong type, numbers as strings, absurd values.
    const QJsonObject group = parse(R"({
        "ContainerGroupId": 42, "ContainerGroupName": ["x"], "Status": {"a": 1},
        "Cpu": "1.5", "Memory": -3, "CreationTime": "yesterday",
        "Tags": {"Key": "k"},
        "Containers": [7, null, {"Name": {}, "Image": 3, "Ports": [{"Port": 70000},
                       {"Port": "8080"}, {"Port": -1}, {"Port": 1e300}, "80"]}]})");
    const Sandbox sandbox = EciJson::sandboxFromGroup(group, QString());
    QCOMPARE(sandbox.id, QStringLiteral("42"));
    QVERIFY(sandbox.name.isEmpty());
    QCOMPARE(sandbox.status, SandboxStatus::Unknown);
    QVERIFY(sandbox.statusText.isEmpty());
    QCOMPARE(sandbox.cpus, 1.5);
    QCOMPARE(sandbox.memoryBytes, 0);
    QVERIFY(!sandbox.created.isValid());
    QVERIFY(sandbox.labels.isEmpty());
    QVERIFY(sandbox.containers.isEmpty());
    QCOMPARE(sandbox.image, QStringLiteral("3"));
    QCOMPARE(sandbox.ports.size(), 1);
    QCOMPARE(sandbox.ports.first().containerPort, quint16(8080));

    const QJsonObject huge = parse(R"({"ContainerGroupId": "g", "Memory": 1e300, "Cpu": "nan"})");
    const Sandbox big = EciJson::sandboxFromGroup(huge, QString());
    QCOMPARE(big.memoryBytes, Sandbox::OutOfRange);
    QCOMPARE(big.limitsText(), QStringLiteral("memory out of range"));
    QCOMPARE(big.cpus, 0.0);

    QCOMPARE(EciJson::number(QJsonValue(QStringLiteral(" 2 "))), 2.0);
    QCOMPARE(EciJson::number(QJsonValue(QStringLiteral("inf"))), 0.0);
    QCOMPARE(EciJson::number(QJsonValue(true)), 0.0);
    QCOMPARE(EciJson::text(QJsonValue(QJsonArray{1})), QString());
}

void TestEciJson::page()
{
    const QJsonObject page = parse(R"({"ContainerGroups": [
        {"ContainerGroupId": "eci-1", "Status": "Running"}, "junk", {"Status": "Running"},
        {"ContainerGroupId": "eci-2", "Status": "Pending"}], "NextToken": "t"})");
    const QList<Sandbox> sandboxes = EciJson::sandboxesFromPage(page, QStringLiteral("b"));
    QCOMPARE(sandboxes.size(), 2);
    QCOMPARE(sandboxes.at(0).id, QStringLiteral("eci-1"));
    QCOMPARE(sandboxes.at(1).status, SandboxStatus::Created);
    QVERIFY(EciJson::sandboxesFromPage(parse(R"({"ContainerGroups": {"a": 1}})"), {}).isEmpty());
}

void TestEciJson::createParams()
{
    SandboxSpec spec;
    spec.image = QStringLiteral("busybox:1");
    spec.name = QStringLiteral("job-7");
    spec.command = {QStringLiteral("sh"), QStringLiteral("-c")};
    spec.args = {QStringLiteral("echo hi")};
    spec.env = {QStringLiteral("A=1"), QStringLiteral("B=x=y")};
    spec.labels = {{QStringLiteral("team"), QStringLiteral("blue")}};
    spec.workingDir = QStringLiteral("/srv/app");
    spec.cpus = 0.25;
    spec.memoryBytes = 512LL * 1024 * 1024;
    spec.ports = {PortBinding{8080, 0, {}, QStringLiteral("tcp")}};
    spec.zoneId = QStringLiteral("cn-hangzhou-h");
    spec.vSwitchId = QStringLiteral("vsw-1");
    spec.securityGroupId = QStringLiteral("sg-1");
    spec.restartPolicy = QStringLiteral("Never");
    QStringList problems;
    const EciParams params = EciJson::createParams(spec, QStringLiteral("cn-hangzhou"), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const auto expect = [&](const char* name, const char* value) {
        QCOMPARE(param(params, QLatin1String(name)), QString::fromUtf8(value));
    };
    expect("RegionId", "cn-hangzhou");
    expect("ContainerGroupName", "job-7");
    expect("Cpu", "0.25");
    expect("Memory", "0.5"); // GiB
    expect("ZoneId", "cn-hangzhou-h");
    expect("VSwitchId", "vsw-1");
    expect("SecurityGroupId", "sg-1");
    expect("RestartPolicy", "Never");
    expect("Container.1.Name", "job-7");
    expect("Container.1.Image", "busybox:1");
    expect("Container.1.WorkingDir", "/srv/app");
    expect("Container.1.Command.1", "sh");
    expect("Container.1.Command.2", "-c");
    expect("Container.1.Arg.1", "echo hi");
    expect("Container.1.EnvironmentVar.1.Key", "A");
    expect("Container.1.EnvironmentVar.2.Value", "x=y");
    expect("Container.1.Port.1.Port", "8080");
    expect("Container.1.Port.1.Protocol", "TCP");
    expect("Tag.1.Key", "team");
    expect("Tag.1.Value", "blue");
    expect("ClientToken", "<absent>"); // EciClient adds it, once per call
}

void TestEciJson::createRefusesWhatEciWould()
{
    const auto problemsFor = [](const std::function<void(SandboxSpec*)>& change) {
        SandboxSpec spec;
        spec.image = QStringLiteral("busybox");
        spec.name = QStringLiteral("ok-name");
        change(&spec);
        QStringList problems;
        const EciParams params = EciJson::createParams(spec, QStringLiteral("r"), &problems);
        return params.isEmpty() ? problems : QStringList();
    };
    QVERIFY(problemsFor([](SandboxSpec*) {}).isEmpty());
    QCOMPARE(problemsFor([](SandboxSpec* s) { s->name = QStringLiteral("Upper_Case"); }).size(), 1);
    QCOMPARE(problemsFor([](SandboxSpec* s) { s->name = QStringLiteral("edge-"); }).size(), 1);
    QCOMPARE(problemsFor([](SandboxSpec* s) { s->image.clear(); }).size(), 1);
    QCOMPARE(problemsFor([](SandboxSpec* s) { s->autoRemove = true; }).size(), 1);
    QCOMPARE(
        problemsFor([](SandboxSpec* s) { s->restartPolicy = QStringLiteral("always"); }).size(), 1);
    QCOMPARE(problemsFor([](SandboxSpec* s) {
                 s->ports = {PortBinding{80, 8080, {}, QStringLiteral("tcp")}};
             }).size(),
             1);
    QCOMPARE(problemsFor([](SandboxSpec* s) {
                 for (int i = 0; i < 21; ++i)
                     s->labels.insert(QString::number(i), {});
             }).size(),
             1);
    QVERIFY(EciJson::isValidGroupName(QStringLiteral("a1")));
    QVERIFY(!EciJson::isValidGroupName(QStringLiteral("a")));
    QVERIFY(!EciJson::isValidGroupName(QStringLiteral("a-")));
    QVERIFY(!EciJson::isValidGroupName(QString(129, QLatin1Char('a'))));
}

void TestEciJson::generatedName()
{
    SandboxSpec spec;
    spec.image = QStringLiteral("busybox");
    QStringList problems;
    const EciParams params = EciJson::createParams(spec, QStringLiteral("r"), &problems);
    QVERIFY(problems.isEmpty());
    const QString name = param(params, QStringLiteral("ContainerGroupName"));
    QVERIFY2(EciJson::isValidGroupName(name), qPrintable(name));
    QVERIFY(name.startsWith(QLatin1String("sandbox-")));
    QCOMPARE(param(params, QStringLiteral("Cpu")), QStringLiteral("<absent>"));
}

void TestEciJson::metric()
{
    const QJsonObject response = parse(R"({"ContainerGroupId": "eci-1", "Records": [
        {"Timestamp": "2024-05-01T10:01:00Z", "CPU": {"UsageNanoCores": 500000000},
         "Memory": {"UsageBytes": 2000, "WorkingSet": 1000},
         "Network": {"Interfaces": [{"Name": "eth0", "RxBytes": 10, "TxBytes": 20},
                                    {"Name": "eth1", "RxBytes": "5", "TxBytes": null}]}},
        {"Timestamp": "2024-05-01T10:00:00Z", "CPU": {"UsageNanoCores": 2000000000},
         "Memory": {"UsageBytes": 3000}},
        {"Timestamp": 12, "CPU": {}},
        "junk"]})");
    const QList<ResourceSample> samples = EciJson::samplesFromMetric(response);
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples.at(0).time, QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(samples.at(0).cpuPercent, 200.0);
    QCOMPARE(samples.at(0).memoryBytes, 3000);
    QCOMPARE(samples.at(1).cpuPercent, 50.0);
    QCOMPARE(samples.at(1).memoryBytes, 1000); // the working set, as kubectl top shows
    QCOMPARE(samples.at(1).networkRxBytes, 15);
    QCOMPARE(samples.at(1).networkTxBytes, 20);
    QVERIFY(EciJson::samplesFromMetric(parse(R"({"Records": "none"})")).isEmpty());
}

void TestEciJson::events()
{
    const QJsonObject data = parse(R"({"Data": [
        {"ContainerGroupId": "eci-2", "Events": [{"Reason": "Other"}]},
        {"ContainerGroupId": "eci-1", "Events": [{"Reason": "Pulled"}, {"Reason": "Started"}]}]})");
    const QJsonArray events = EciJson::eventsFromResponse(data, QStringLiteral("eci-1"));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(1).toObject().value(QLatin1String("Reason")).toString(),
             QStringLiteral("Started"));
    const QJsonObject flat = parse(R"({"Events": [{"Reason": "Created"}]})");
    QCOMPARE(EciJson::eventsFromResponse(flat, QStringLiteral("x")).size(), 1);
    QVERIFY(EciJson::eventsFromResponse(parse(R"({"Data": 3})"), QStringLiteral("x")).isEmpty());
}

void TestEciJson::regions()
{
    const QJsonObject response = parse(R"({"Regions": [{"RegionId": "cn-hangzhou"},
        {"RegionId": "cn-beijing"}, {"RegionId": "cn-hangzhou"}, {"RegionId": 3}, {}]})");
    QCOMPARE(EciJson::regionIds(response),
             (QStringList{QStringLiteral("cn-hangzhou"), QStringLiteral("cn-beijing"),
                          QStringLiteral("3")}));
    QVERIFY(EciJson::regionIds(parse(R"({"Regions": {"RegionId": "x"}})")).isEmpty());
}

void TestEciJson::logContent()
{
    QByteArray unfinished;
    const QList<EciLogStream::Line> lines =
        EciLogStream::parseContent("2024-05-01T10:00:00.000000001Z first\n"
                                   "no time here\n"
                                   "2024-05-01T10:00:01.5Z \n"
                                   "2024-05-01T10:00:02Z partial",
                                   &unfinished);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).bytes, QByteArray("first\n"));
    QCOMPARE(lines.at(0).timestamp, 1714557600000000001LL);
    QCOMPARE(lines.at(1).bytes, QByteArray("no time here\n"));
    QCOMPARE(lines.at(1).timestamp, lines.at(0).timestamp);
    QCOMPARE(lines.at(2).bytes, QByteArray("\n"));
    QCOMPARE(lines.at(2).timestamp, 1714557601500000000LL);
    QCOMPARE(unfinished, QByteArray("2024-05-01T10:00:02Z partial"));
    QVERIFY(EciLogStream::parseContent({}, &unfinished).isEmpty());
}

void TestEciJson::detailsFromGroup()
{
    const QJsonObject group = QJsonDocument::fromJson(R"({
        "ContainerGroupId": "eci-1", "Status": "Failed",
        "CreationTime": "2026-12-02T10:00:00Z", "ExpiredTime": "2026-12-03T10:00:00Z",
        "IntranetIp": "192.168.0.4", "InternetIp": "",
        "Containers": [
            {"Name": "web", "Image": "nginx", "Ready": false, "RestartCount": "3",
             "CurrentState": {"State": "Terminated", "Reason": "Completed", "ExitCode": 0,
                              "StartTime": "2026-12-02T10:00:05Z",
                              "FinishTime": "2026-12-02T11:00:00Z"}},
            {"Name": "job", "Image": "busybox", "RestartCount": 1,
             "CurrentState": {"State": "Terminated", "Reason": "Error", "ExitCode": 2,
                              "StartTime": "2026-12-02T10:00:02Z",
                              "FinishTime": "2026-12-02T11:55:00Z"}},
            "not an object"
        ],
        "Events": [{"Type": "Warning", "Reason": "BackOff", "Name": "job", "Count": 4,
                    "Message": "Back-off", "FirstTimestamp": "2026-12-02T10:01:00Z"}]
    })")
                                  .object();
    const SandboxDetails details = EciJson::detailsFromGroup(group);
    QCOMPARE(details.status, SandboxStatus::Exited);
    QCOMPARE(details.exitCode, 2);
    QCOMPARE(details.started, QDateTime(QDate(2026, 12, 2), QTime(10, 0, 2), Qt::UTC));
    QCOMPARE(details.finished, QDateTime(QDate(2026, 12, 2), QTime(11, 55), Qt::UTC));
    QCOMPARE(details.expires, QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC));
    QCOMPARE(details.addresses, QStringList{QStringLiteral("192.168.0.4")});
    QCOMPARE(details.containers.size(), 3);
    QCOMPARE(details.containers.at(0).name, QStringLiteral("web"));
    QCOMPARE(details.containers.at(0).restartCount, 3);
    QCOMPARE(details.containers.at(1).reason, QStringLiteral("Error"));
    QVERIFY(details.containers.at(2).name.isEmpty());
    QCOMPARE(details.events.size(), 1);
    QCOMPARE(details.events.first().count, 4);
    QCOMPARE(details.events.first().time, QDateTime(QDate(2026, 12, 2), QTime(10, 1), Qt::UTC));
    QCOMPARE(details.raw, group);

    const SandboxDetails running = EciJson::detailsFromGroup(QJsonDocument::fromJson(R"({
        "Status": "Running",
        "Containers": [{"CurrentState": {"State": "Running",
                                         "StartTime": "2026-12-02T11:59:00Z"}}]
    })")
                                                                 .object());
    QCOMPARE(running.status, SandboxStatus::Running);
    QCOMPARE(running.exitCode, -1);
    QCOMPARE(running.started, QDateTime(QDate(2026, 12, 2), QTime(11, 59), Qt::UTC));
    QVERIFY(!running.finished.isValid());
}

QTEST_GUILESS_MAIN(TestEciJson)
#include "tst_ecijson.moc"
