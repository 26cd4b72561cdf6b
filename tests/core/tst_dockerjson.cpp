#include "docker/DockerJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

class TestDockerJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detailsFromInspect();
    void listEntry();
    void hostileListEntry();
    void createBody();
    void limits();
    void hostileNumbers();
    void errorMessage();
};

void TestDockerJson::listEntry()
{
    // An entry as Docker 20.10 lists it.
    const QByteArray json = R"({"Id":"abc123","Names":["/web-1"],"Image":"nginx:1",
        "ImageID":"sha256:1","Command":"nginx","Created":1700000000,
        "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},
                 {"IP":"::","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},
                 {"PrivatePort":443,"Type":"tcp"}],
        "Labels":{"team":"core"},"State":"running","Status":"Up 2 hours"})";
    const Sandbox sandbox = DockerJson::sandboxFromListEntry(QJsonDocument::fromJson(json).object(),
                                                             QStringLiteral("d"));
    QCOMPARE(sandbox.backendId, QStringLiteral("d"));
    QCOMPARE(sandbox.id, QStringLiteral("abc123"));
    QCOMPARE(sandbox.name, QStringLiteral("web-1"));
    QCOMPARE(sandbox.image, QStringLiteral("nginx:1"));
    QCOMPARE(sandbox.status, SandboxStatus::Running);
    QCOMPARE(sandbox.statusText, QStringLiteral("Up 2 hours"));
    QCOMPARE(sandbox.created.toSecsSinceEpoch(), 1700000000);
    QCOMPARE(sandbox.portsText(), QStringLiteral("8080->80/tcp, 443/tcp"));
    QCOMPARE(sandbox.labels.value(QStringLiteral("team")), QStringLiteral("core"));
}

void TestDockerJson::hostileListEntry()
{
    // Wrong types everywhere: nothing crashes, nothing is invented.
    const QByteArray json = R"({"Id":5,"Names":"x","Ports":[1,"a",null],"Labels":[],
        "State":{"a":1},"Created":"yesterday"})";
    const Sandbox sandbox = DockerJson::sandboxFromListEntry(QJsonDocument::fromJson(json).object(),
                                                             QStringLiteral("d"));
    QVERIFY(sandbox.id.isEmpty());
    QVERIFY(sandbox.name.isEmpty());
    QCOMPARE(sandbox.status, SandboxStatus::Unknown);
    QVERIFY(sandbox.labels.isEmpty());
}

void TestDockerJson::createBody()
{
    SandboxSpec spec;
    spec.image = QStringLiteral(" busybox ");
    spec.command = {QStringLiteral("sleep"), QStringLiteral("60")};
    spec.env = {QStringLiteral("A=1")};
    spec.labels.insert(QStringLiteral("k"), QStringLiteral("v"));
    spec.workingDir = QStringLiteral("/srv");
    spec.cpus = 1.5;
    spec.memoryBytes = 64 * 1024 * 1024;
    spec.networkMode = QStringLiteral("none");
    spec.autoRemove = true;
    PortBinding port;
    parsePortBinding(QStringLiteral("127.0.0.1:8080:80"), &port);
    spec.ports << port;
    const QJsonObject body = DockerJson::createBody(spec);
    QCOMPARE(body.value(QLatin1String("Image")).toString(), QStringLiteral("busybox"));
    QCOMPARE(body.value(QLatin1String("Cmd")).toArray().size(), 2);
    QCOMPARE(body.value(QLatin1String("WorkingDir")).toString(), QStringLiteral("/srv"));
    const QJsonObject host = body.value(QLatin1String("HostConfig")).toObject();
    QCOMPARE(host.value(QLatin1String("NanoCpus")).toDouble(), 1.5e9);
    QCOMPARE(host.value(QLatin1String("Memory")).toDouble(), 64.0 * 1024 * 1024);
    QCOMPARE(host.value(QLatin1String("NetworkMode")).toString(), QStringLiteral("none"));
    QVERIFY(host.value(QLatin1String("AutoRemove")).toBool());
    const QJsonArray binding = host.value(QLatin1String("PortBindings"))
                                   .toObject()
                                   .value(QLatin1String("80/tcp"))
                                   .toArray();
    QCOMPARE(binding.first().toObject().value(QLatin1String("HostPort")).toString(),
             QStringLiteral("8080"));
    QVERIFY(body.value(QLatin1String("ExposedPorts")).toObject().contains(QLatin1String("80/tcp")));
}

void TestDockerJson::limits()
{
    double cpus = 0;
    qint64 memory = 0;
    DockerJson::limitsFromInspect(
        QJsonDocument::fromJson(R"({"HostConfig":{"NanoCpus":500000000,"Memory":67108864}})")
            .object(),
        &cpus, &memory);
    QCOMPARE(cpus, 0.5);
    QCOMPARE(memory, qint64(67108864));
    DockerJson::limitsFromInspect(
        QJsonDocument::fromJson(R"({"HostConfig":{"CpuQuota":200000,"CpuPeriod":100000}})")
            .object(),
        &cpus, &memory);
    QCOMPARE(cpus, 2.0);
    QCOMPARE(memory, qint64(0));

    // A limit no integer holds is out of range, never a negative or wrapped one.
    for (const char* hostile : {"1e300", "-1e300", "9.3e18", "-5"}) {
        DockerJson::limitsFromInspect(
            QJsonDocument::fromJson(QByteArray(R"({"HostConfig":{"Memory":)") + hostile + "}}")
                .object(),
            &cpus, &memory);
        QCOMPARE(memory, Sandbox::OutOfRange);
        Sandbox sandbox;
        sandbox.memoryBytes = memory;
        QCOMPARE(sandbox.limitsText(), QStringLiteral("memory out of range"));
    }
}

void TestDockerJson::hostileNumbers()
{
    for (const char* created : {"1e300", "-1e300", "9.3e18"}) {
        const QJsonObject entry =
            QJsonDocument::fromJson(QByteArray(R"({"Id":"a","Created":)") + created + "}").object();
        QVERIFY(!DockerJson::sandboxFromListEntry(entry, QStringLiteral("d")).created.isValid());
    }
    SandboxSpec spec;
    spec.image = QStringLiteral("busybox");
    spec.cpus = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(!spec.problems().isEmpty());
}

void TestDockerJson::errorMessage()
{
    QCOMPARE(DockerJson::errorMessage(R"({"message":"No such container: x"})"),
             QStringLiteral("No such container: x"));
    QCOMPARE(DockerJson::errorMessage("plain failure\n"), QStringLiteral("plain failure"));
}

void TestDockerJson::detailsFromInspect()
{
    const QJsonObject exited = QJsonDocument::fromJson(R"({
        "Id": "abc", "Created": "2026-12-02T11:00:00.123456789Z",
        "State": {"Status": "exited", "ExitCode": 2,
                  "StartedAt": "2026-12-02T11:00:01.5Z", "FinishedAt": "2026-12-02T11:55:00Z"},
        "NetworkSettings": {"Networks": {"bridge": {"IPAddress": ""},
                                          "lab": {"IPAddress": "10.0.0.7"}}}
    })")
                                   .object();
    const SandboxDetails details = DockerJson::detailsFromInspect(exited);
    QCOMPARE(details.status, SandboxStatus::Exited);
    QCOMPARE(details.exitCode, 2);
    QCOMPARE(details.started, QDateTime(QDate(2026, 12, 2), QTime(11, 0, 1, 500), Qt::UTC));
    QCOMPARE(details.finished, QDateTime(QDate(2026, 12, 2), QTime(11, 55), Qt::UTC));
    QVERIFY(details.created.isValid());
    QCOMPARE(details.addresses, QStringList{QStringLiteral("10.0.0.7 (lab)")});
    QVERIFY(details.containers.isEmpty());
    QCOMPARE(details.raw, exited);
    QCOMPARE(statusSummary(details.status, details.started, details.finished, details.exitCode,
                           QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC)),
             QStringLiteral("Exited (code 2) 5 minute(s) ago"));

    // A running container has no finish time yet; the engine writes the zero time for it.
    const SandboxDetails running = DockerJson::detailsFromInspect(QJsonDocument::fromJson(R"({
        "State": {"Status": "running", "ExitCode": 0,
                  "StartedAt": "2026-12-02T11:59:43Z", "FinishedAt": "0001-01-01T00:00:00Z"}
    })")
                                                                      .object());
    QCOMPARE(running.status, SandboxStatus::Running);
    QCOMPARE(running.exitCode, -1);
    QVERIFY(!running.finished.isValid());
    QCOMPARE(statusSummary(running.status, running.started, running.finished, running.exitCode,
                           QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC)),
             QStringLiteral("Running for 17 second(s)"));

    // Hostile input gives nothing, not a crash.
    const SandboxDetails hostile = DockerJson::detailsFromInspect(
        QJsonDocument::fromJson(R"({"State": 7, "NetworkSettings": {"Networks": [1]}})").object());
    QCOMPARE(hostile.status, SandboxStatus::Unknown);
    QVERIFY(!hostile.started.isValid());
    QVERIFY(hostile.addresses.isEmpty());
}

QTEST_GUILESS_MAIN(TestDockerJson)
#include "tst_dockerjson.moc"
