#include "opensandbox/OpenSandboxClient.h"
#include "opensandbox/OpenSandboxJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

class TestOpenSandboxJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statesMapOntoOurs()
    {
        QCOMPARE(OpenSandboxJson::statusFromState(QStringLiteral("Pending")),
                 SandboxStatus::Created);
        QCOMPARE(OpenSandboxJson::statusFromState(QStringLiteral("Running")),
                 SandboxStatus::Running);
        QCOMPARE(OpenSandboxJson::statusFromState(QStringLiteral("Pausing")),
                 SandboxStatus::Running);
        QCOMPARE(OpenSandboxJson::statusFromState(QStringLiteral("Paused")), SandboxStatus::Paused);
        QCOMPARE(OpenSandboxJson::statusFromState(QStringLiteral("Stopping")),
                 SandboxStatus::Removing);
        QCOMPARE(OpenSandboxJson::statusFromState(QStringLiteral("Terminated")),
                 SandboxStatus::Exited);
        QCOMPARE(OpenSandboxJson::statusFromState(QStringLiteral("Failed")), SandboxStatus::Dead);
    }

    // The spec says new states will come: one this client does not know is shown as it is.
    void unknownStateIsKeptAsItIs()
    {
        const QJsonObject object = QJsonDocument::fromJson(R"({
            "id": "a1", "status": {"state": "Hibernating", "reason": "idle"},
            "metadata": {"name": "web", "team": "ml"}, "image": {"uri": "busybox:1"},
            "entrypoint": ["sh"], "createdAt": "2025-11-16T14:30:45.123456+00:00",
            "expiresAt": "2025-11-16T15:30:45Z",
            "resourceLimits": {"cpu": "500m", "memory": "512Mi"}})")
                                       .object();
        const Sandbox sandbox =
            OpenSandboxJson::sandboxFromJson(object, QStringLiteral("opensandbox:t"));
        QCOMPARE(sandbox.id, QStringLiteral("a1"));
        QCOMPARE(sandbox.status, SandboxStatus::Unknown);
        QCOMPARE(sandbox.statusText, QStringLiteral("Hibernating"));
        QCOMPARE(sandbox.name, QStringLiteral("web"));
        QCOMPARE(sandbox.labels.value(QStringLiteral("team")), QStringLiteral("ml"));
        QCOMPARE(sandbox.image, QStringLiteral("busybox:1"));
        QCOMPARE(sandbox.backendId, QStringLiteral("opensandbox:t"));
        QCOMPARE(sandbox.created, QDateTime(QDate(2025, 11, 16), QTime(14, 30, 45, 123), Qt::UTC));
        QCOMPARE(sandbox.expiresAt, QDateTime(QDate(2025, 11, 16), QTime(15, 30, 45), Qt::UTC));
        QCOMPARE(sandbox.cpus, 0.5);
        QCOMPARE(sandbox.memoryBytes, 512LL * 1024 * 1024);
    }

    void hostileEntriesAreSkipped()
    {
        const QJsonObject page = QJsonDocument::fromJson(R"({
            "items": [1, "x", {"id": ""}, {"id": 7, "status": "Running", "expiresAt": 5},
                      {"id": "ok", "status": {"state": ["Running"]}}],
            "pagination": {"hasNextPage": "yes"}})")
                                     .object();
        const QList<Sandbox> sandboxes = OpenSandboxJson::sandboxesFromPage(page, {});
        QCOMPARE(sandboxes.size(), 2);
        QCOMPARE(sandboxes.at(0).id, QStringLiteral("7"));
        QVERIFY(!sandboxes.at(0).expiresAt.isValid());
        QCOMPARE(sandboxes.at(1).status, SandboxStatus::Unknown);
        QVERIFY(!OpenSandboxJson::hasNextPage(page));
    }

    void quantities()
    {
        QCOMPARE(OpenSandboxJson::cpuQuantity(QStringLiteral("250m")), 0.25);
        QCOMPARE(OpenSandboxJson::cpuQuantity(QStringLiteral("2")), 2.0);
        QCOMPARE(OpenSandboxJson::cpuQuantity(QStringLiteral("lots")), 0.0);
        QCOMPARE(OpenSandboxJson::memoryQuantity(QStringLiteral("1Gi")), 1024LL * 1024 * 1024);
        QCOMPARE(OpenSandboxJson::memoryQuantity(QStringLiteral("1G")), 1000000000LL);
        QCOMPARE(OpenSandboxJson::memoryQuantity(QStringLiteral("99999999999Ti")), 0LL);
        QCOMPARE(OpenSandboxJson::cpuText(0.5), QStringLiteral("500m"));
        QCOMPARE(OpenSandboxJson::cpuText(2), QStringLiteral("2"));
        QCOMPARE(OpenSandboxJson::memoryText(512LL * 1024 * 1024), QStringLiteral("512Mi"));
        QCOMPARE(OpenSandboxJson::memoryText(2LL * 1024 * 1024 * 1024), QStringLiteral("2Gi"));
    }

    void createBodyFollowsTheSpec()
    {
        SandboxSpec spec;
        spec.image = QStringLiteral("python:3.11");
        spec.name = QStringLiteral("worker-1");
        spec.env = {QStringLiteral("A=1"), QStringLiteral("B=x=y")};
        spec.labels.insert(QStringLiteral("team"), QStringLiteral("ml"));
        spec.cpus = 0.5;
        spec.memoryBytes = 512LL * 1024 * 1024;
        spec.lifetimeSeconds = 600;
        QVERIFY(OpenSandboxJson::specProblems(spec).isEmpty());
        const QJsonObject body = OpenSandboxJson::createBody(spec);
        QCOMPARE(body.value(QLatin1String("image")).toObject().value(QLatin1String("uri")),
                 QJsonValue(QStringLiteral("python:3.11")));
        QCOMPARE(body.value(QLatin1String("entrypoint")).toArray(),
                 QJsonArray::fromStringList(OpenSandboxJson::defaultEntrypoint()));
        QCOMPARE(body.value(QLatin1String("timeout")).toInteger(), 600);
        QCOMPARE(body.value(QLatin1String("env")).toObject().value(QLatin1String("B")),
                 QJsonValue(QStringLiteral("x=y")));
        const QJsonObject metadata = body.value(QLatin1String("metadata")).toObject();
        QCOMPARE(metadata.value(QLatin1String("name")), QJsonValue(QStringLiteral("worker-1")));
        QCOMPARE(metadata.value(QLatin1String("team")), QJsonValue(QStringLiteral("ml")));
        const QJsonObject limits = body.value(QLatin1String("resourceLimits")).toObject();
        QCOMPARE(limits.value(QLatin1String("cpu")), QJsonValue(QStringLiteral("500m")));
        QCOMPARE(limits.value(QLatin1String("memory")), QJsonValue(QStringLiteral("512Mi")));

        // No lifetime: a null timeout, so the server never removes it by itself.
        spec.lifetimeSeconds = 0;
        spec.command = {QStringLiteral("sleep"), QStringLiteral("9")};
        const QJsonObject forever = OpenSandboxJson::createBody(spec);
        QVERIFY(forever.value(QLatin1String("timeout")).isNull());
        QVERIFY(forever.contains(QLatin1String("timeout")));
        QCOMPARE(forever.value(QLatin1String("entrypoint")).toArray(),
                 QJsonArray::fromStringList(spec.command));
    }

    void specProblemsNameTheirField()
    {
        SandboxSpec spec;
        spec.image = QStringLiteral("busybox");
        spec.lifetimeSeconds = 30;
        spec.labels.insert(QStringLiteral("opensandbox.io/id"), QStringLiteral("x"));
        spec.labels.insert(QStringLiteral("ok"), QStringLiteral("not a value"));
        spec.workingDir = QStringLiteral("/tmp");
        const QList<SpecProblem> problems = OpenSandboxJson::specProblems(spec);
        QCOMPARE(problems.size(), 4);
        QCOMPARE(problems.at(0).field, SpecField::Labels);
        QCOMPARE(problems.at(1).field, SpecField::Labels);
        QCOMPARE(problems.at(2).field, SpecField::Start);
        QCOMPARE(problems.at(3).field, SpecField::WorkingDir);
        spec = {};
        spec.image = QStringLiteral("busybox");
        spec.lifetimeSeconds = OpenSandboxJson::MaxTimeoutSeconds + 1;
        QCOMPARE(OpenSandboxJson::specProblems(spec).size(), 1);
    }

    // The metadata filter as the spec's example has it: pairs encoded, then the whole.
    void listQueryEncodesTheMetadataFilter()
    {
        const QByteArray query =
            OpenSandboxJson::listQuery(2, 50, {QStringLiteral("Running"), QStringLiteral("Paused")},
                                       {{QStringLiteral("project"), QStringLiteral("Apollo")},
                                        {QStringLiteral("note"), QStringLiteral("Demo Test")}});
        QCOMPARE(query, QByteArray("page=2&pageSize=50&state=Running&state=Paused&metadata="
                                   "note%3DDemo%2520Test%26project%3DApollo"));
    }

    void errorsCarryCodeMessageAndRequestIdButNoKey()
    {
        const QString key = QStringLiteral("sekrit-key-123");
        const Error error = OpenSandboxClient::errorFor(
            401, R"({"code":"INVALID_API_KEY","message":"key sekrit-key-123 is invalid"})",
            "req-42", key);
        QCOMPARE(error.kind, Error::Auth);
        QCOMPARE(error.code, QStringLiteral("INVALID_API_KEY"));
        QVERIFY(error.detail.contains(QLatin1String("req-42")));
        QVERIFY(error.detail.contains(QLatin1String("is invalid")));
        QVERIFY(!error.fullText().contains(key));

        const Error missing = OpenSandboxClient::errorFor(
            404, R"({"code":"DOCKER::SANDBOX_NOT_FOUND","message":"gone"})", {}, key);
        QCOMPARE(missing.kind, Error::NotFound);
        QCOMPARE(missing.detail, QStringLiteral("gone"));
        const Error conflict = OpenSandboxClient::errorFor(409, "{}", {}, key);
        QCOMPARE(conflict.kind, Error::Conflict);
        QCOMPARE(conflict.code, QStringLiteral("409"));
        const Error fastapi =
            OpenSandboxClient::errorFor(422, R"({"detail":[{"loc":["body"]}]})", {}, key);
        QCOMPARE(fastapi.kind, Error::Invalid);
        const Error html = OpenSandboxClient::errorFor(502, "<html>bad gateway</html>", {}, key);
        QCOMPARE(html.kind, Error::Server);
        QCOMPARE(html.detail, QStringLiteral("<html>bad gateway</html>"));
    }

    void domainsAsTheSdksTakeThem()
    {
        QCOMPARE(
            OpenSandboxClient::baseUrl(QStringLiteral("localhost:8080"), QStringLiteral("http")),
            QUrl(QStringLiteral("http://localhost:8080/v1")));
        QCOMPARE(OpenSandboxClient::baseUrl(QStringLiteral("sandbox.example.com"),
                                            QStringLiteral("https")),
                 QUrl(QStringLiteral("https://sandbox.example.com/v1")));
        QCOMPARE(OpenSandboxClient::baseUrl(QStringLiteral("http://10.0.0.2:9000/api/v1"), {}),
                 QUrl(QStringLiteral("http://10.0.0.2:9000/api/v1")));
        QString error;
        QVERIFY(!OpenSandboxClient::baseUrl(QStringLiteral("ftp://x"), {}, &error).isValid());
        QVERIFY(!error.isEmpty());
        QVERIFY(!OpenSandboxClient::baseUrl(QStringLiteral("http://u:p@x"), {}).isValid());
        QVERIFY(!OpenSandboxClient::baseUrl(QString(), {}).isValid());
    }

    void eventsFromDiagnosticsText()
    {
        const QList<SandboxEvent> events = OpenSandboxJson::eventsFromText(
            QStringLiteral("2025-11-16T14:30:45.000Z lifecycle Normal Created sandbox from image "
                           "x\nsomething else\n"));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).type, QStringLiteral("Normal"));
        QCOMPARE(events.at(0).reason, QStringLiteral("Created"));
        QCOMPARE(events.at(0).message, QStringLiteral("sandbox from image x"));
        QCOMPARE(events.at(1).message, QStringLiteral("something else"));
        QVERIFY(!events.at(1).time.isValid());
    }
};

QTEST_GUILESS_MAIN(TestOpenSandboxJson)
#include "tst_opensandboxjson.moc"
