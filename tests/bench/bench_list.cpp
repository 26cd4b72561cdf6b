// bench_list: the sandbox list with many containers, beside the docker CLI, in one run:
// into the model, and `sandboxctl list --json` beside `docker ps -a` with the connections
// each opens (counted by a proxy in front of the engine's socket).
//   bench_list [--count N] [--rounds R]
// Needs DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (scripts/test's environment, or any engine
// with a small image). Creates N containers labelled sandboxdesk.bench and removes them after.
#include "BenchSupport.h"
#include "docker/DockerBackend.h"
#include "docker/DockerEndpoint.h"
#include "net/HttpClient.h"
#include "sandbox/SandboxTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(values.size() - 1, qsizetype(values.size() * p)));
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Sends requests with a few in flight at once and waits for all of them.
void sendAll(HttpClient& http, const QList<HttpRequest>& requests, int* failures)
{
    int next = 0;
    int running = 0;
    std::function<void()> pump = [&] {
        while (running < 8 && next < requests.size()) {
            HttpReply* reply = http.send(requests.at(next++));
            ++running;
            QObject::connect(reply, &HttpReply::finished, reply, [&, reply] {
                if (reply->error().isError() || reply->status() >= 300)
                    ++*failures;
                reply->deleteLater();
                --running;
                pump();
            });
        }
    };
    pump();
    BenchSupport::waitUntil([&] { return running == 0 && next == requests.size(); }, 600000);
}

// Passes bytes between its own unix socket and the engine's, counting the connections made.
class CountingProxy : public QObject
{
public:
    CountingProxy(const QString& listenPath, const QString& enginePath)
    {
        m_server.listen(listenPath);
        connect(&m_server, &QLocalServer::newConnection, this, [this, enginePath] {
            while (QLocalSocket* client = m_server.nextPendingConnection()) {
                ++m_accepted;
                auto* engine = new QLocalSocket(client);
                connect(client, &QLocalSocket::readyRead, engine,
                        [client, engine] { engine->write(client->readAll()); });
                connect(engine, &QLocalSocket::readyRead, client,
                        [client, engine] { client->write(engine->readAll()); });
                connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
                connect(engine, &QLocalSocket::disconnected, client,
                        [client] { client->disconnectFromServer(); });
                engine->connectToServer(enginePath);
                engine->waitForConnected(5000);
                engine->write(client->readAll());
            }
        });
    }
    int takeAccepted() { return std::exchange(m_accepted, 0); }

private:
    QLocalServer m_server;
    int m_accepted = 0;
};

// Runs a program to its end while the event loop (and so the proxy) keeps running; its time.
double runMs(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    BenchSupport::waitUntil([&] { return process.state() == QProcess::NotRunning; }, 300000);
    if (process.exitCode() != 0)
        std::fprintf(stderr, "%s failed\n", qPrintable(program));
    return timer.nsecsElapsed() / 1e6;
}

QByteArray benchFilter()
{
    return QUrl::toPercentEncoding(QStringLiteral("{\"label\":[\"sandboxdesk.bench\"]}"));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int count = 1000;
    int rounds = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--count"))
            count = args.at(i + 1).toInt();
        if (args.at(i) == QLatin1String("--rounds"))
            rounds = args.at(i + 1).toInt();
    }
    const QString image = qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
    if (qEnvironmentVariableIsEmpty("DOCKER_HOST") || image.isEmpty()) {
        std::fprintf(stderr, "Set DOCKER_HOST and SANDBOXDESK_TEST_IMAGE (see README).\n");
        return 1;
    }
    const auto choice = DockerEndpoint(QProcessEnvironment::systemEnvironment()).primary();
    HttpClient http(choice.endpoint);

    std::printf("containers: %d (image %s)\n", count, qPrintable(image));
    QList<HttpRequest> creates;
    for (int i = 0; i < count; ++i) {
        QJsonObject body{{QStringLiteral("Image"), image},
                         {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("true")}},
                         {QStringLiteral("Labels"),
                          QJsonObject{{QStringLiteral("sandboxdesk.bench"), QStringLiteral("1")}}},
                         {QStringLiteral("HostConfig"),
                          QJsonObject{{QStringLiteral("NetworkMode"), QStringLiteral("none")}}}};
        creates << HttpRequest::post("/containers/create",
                                     QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    int failures = 0;
    QElapsedTimer timer;
    timer.start();
    sendAll(http, creates, &failures);
    std::printf("setup_create_s: %.1f (failures %d)\n", timer.elapsed() / 1000.0, failures);

    // Full list into the model: a fresh backend each round, from connect to a populated model.
    QList<double> ours;
    int listed = 0;
    for (int round = 0; round < rounds; ++round) {
        SandboxTableModel model;
        DockerBackend backend(QStringLiteral("bench"), choice.source, choice.endpoint);
        model.addBackend(&backend);
        timer.restart();
        backend.connectToBackend();
        BenchSupport::waitUntil([&] { return model.rowCount() >= count; }, 60000);
        ours << timer.nsecsElapsed() / 1e6;
        listed = model.rowCount();
    }
    QList<double> cli;
    for (int round = 0; round < rounds; ++round) {
        QProcess docker;
        docker.setStandardOutputFile(QProcess::nullDevice());
        timer.restart();
        docker.start(QStringLiteral("docker"), {QStringLiteral("ps"), QStringLiteral("-a")});
        docker.waitForFinished(120000);
        cli << timer.nsecsElapsed() / 1e6;
    }
    std::printf("list_rows: %d\n", listed);
    std::printf("list_into_model_ms_median: %.1f\n", median(ours));
    std::printf("docker_ps_a_ms_median: %.1f\n", median(cli));
    std::printf("list_ratio_vs_cli: %.2f\n", median(ours) / median(cli));

#ifdef SANDBOXCTL_PATH
    if (choice.endpoint.kind == Endpoint::Kind::Unix) {
        const QString ctl = QStringLiteral(SANDBOXCTL_PATH);
        const QString direct = QStringLiteral("unix://") + choice.endpoint.socketPath;
        QList<double> ctlMs;
        QList<double> psMs;
        for (int round = 0; round < rounds; ++round) {
            ctlMs << runMs(ctl, {QStringLiteral("--docker"), direct, QStringLiteral("list"),
                                 QStringLiteral("--json")});
            psMs << runMs(QStringLiteral("docker"), {QStringLiteral("-H"), direct,
                                                     QStringLiteral("ps"), QStringLiteral("-a")});
        }
        std::printf("sandboxctl_list_json_ms_median: %.1f\n", median(ctlMs));
        std::printf("docker_ps_a_cli_ms_median: %.1f\n", median(psMs));
        std::printf("sandboxctl_ratio_vs_docker_ps: %.2f\n", median(ctlMs) / median(psMs));

        QTemporaryDir dir;
        const QString proxyPath = dir.filePath(QStringLiteral("proxy.sock"));
        CountingProxy proxy(proxyPath, choice.endpoint.socketPath);
        const QString proxied = QStringLiteral("unix://") + proxyPath;
        runMs(ctl, {QStringLiteral("--docker"), proxied, QStringLiteral("list"),
                    QStringLiteral("--json")});
        std::printf("sandboxctl_list_json_connections: %d\n", proxy.takeAccepted());
        runMs(ctl, {QStringLiteral("--docker"), proxied, QStringLiteral("list"),
                    QStringLiteral("--json"), QStringLiteral("--limits")});
        std::printf("sandboxctl_list_json_limits_connections: %d\n", proxy.takeAccepted());
        runMs(QStringLiteral("docker"),
              {QStringLiteral("-H"), proxied, QStringLiteral("ps"), QStringLiteral("-a")});
        std::printf("docker_ps_a_connections: %d\n", proxy.takeAccepted());
    }
#endif

    // Event-to-model latency: the engine's event time against the moment the model changed.
    {
        SandboxTableModel model;
        DockerBackend backend(QStringLiteral("bench"), choice.source, choice.endpoint);
        model.addBackend(&backend);
        backend.connectToBackend();
        BenchSupport::waitUntil([&] { return backend.state() == Backend::State::Connected; },
                                60000);
        QJsonObject body{
            {QStringLiteral("Image"), image},
            {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("sleep"), QStringLiteral("3600")}},
            {QStringLiteral("Labels"),
             QJsonObject{{QStringLiteral("sandboxdesk.bench"), QStringLiteral("1")}}},
            {QStringLiteral("HostConfig"),
             QJsonObject{{QStringLiteral("NetworkMode"), QStringLiteral("none")}}}};
        HttpReply* created = http.send(HttpRequest::post(
            "/containers/create", QJsonDocument(body).toJson(QJsonDocument::Compact)));
        BenchSupport::waitUntil([&] { return created->isFinished(); }, 60000);
        const QString id = QJsonDocument::fromJson(created->body())
                               .object()
                               .value(QStringLiteral("Id"))
                               .toString();
        HttpReply* started = http.send(HttpRequest::post("/containers/" + id.toUtf8() + "/start"));
        BenchSupport::waitUntil([&] { return started->isFinished(); }, 60000);

        // Our own view of the events, for the engine's timestamps.
        QHash<QString, qint64> eventTime; // action -> timeNano of the latest
        HttpReply* events =
            http.send(HttpRequest::get("/events?filters=" +
                                       QUrl::toPercentEncoding(
                                           QStringLiteral("{\"container\":[\"%1\"]}").arg(id))),
                      HttpReply::Mode::Streaming);
        QByteArray buffer;
        QObject::connect(events, &HttpReply::dataReceived, events, [&](const QByteArray& data) {
            buffer += data;
            qsizetype newline;
            while ((newline = buffer.indexOf('\n')) >= 0) {
                const QJsonObject event = QJsonDocument::fromJson(buffer.left(newline)).object();
                buffer.remove(0, newline + 1);
                eventTime.insert(event.value(QStringLiteral("Action")).toString(),
                                 qint64(event.value(QStringLiteral("timeNano")).toDouble()));
            }
        });
        BenchSupport::waitUntil([&] { return events->status() == 200; }, 10000);

        QList<double> latencies;
        qint64 changedAt = 0;
        SandboxStatus wanted = SandboxStatus::Paused;
        QObject::connect(&model, &QAbstractItemModel::dataChanged, &model, [&] {
            bool found = false;
            if (backend.sandbox(id, &found).status == wanted && changedAt == 0)
                changedAt = nowNs();
        });
        for (int i = 0; i < 50; ++i) {
            const bool pause = i % 2 == 0;
            wanted = pause ? SandboxStatus::Paused : SandboxStatus::Running;
            const QString action = pause ? QStringLiteral("pause") : QStringLiteral("unpause");
            eventTime.remove(action);
            changedAt = 0;
            HttpReply* reply =
                http.send(HttpRequest::post("/containers/" + id.toUtf8() + '/' + action.toUtf8()));
            BenchSupport::waitUntil([&] { return changedAt != 0 && eventTime.contains(action); },
                                    10000);
            if (changedAt && eventTime.contains(action))
                latencies << (changedAt - eventTime.value(action)) / 1e6;
            else
                std::fprintf(stderr, "missed %s: changed %lld event %d status %s\n",
                             qPrintable(action), changedAt, int(eventTime.contains(action)),
                             qPrintable(statusKey(backend.sandbox(id).status)));
            BenchSupport::waitUntil([&] { return reply->isFinished(); }, 10000);
        }
        std::printf("event_to_model_ms_median: %.2f\n", median(latencies));
        std::printf("event_to_model_ms_p95: %.2f\n", percentile(latencies, 0.95));
        std::printf("event_samples: %lld\n", qlonglong(latencies.size()));
        events->abort();
    }

#ifdef SANDBOXDESK_GUI_PATH
    {
        // The window, idle with everything listed.
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("DISPLAY")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(SANDBOXDESK_GUI_PATH), {});
        gui.waitForStarted();
        QThread::sleep(10);
        QCoreApplication::processEvents();
        std::printf("gui_idle_rss_mib: %.1f\n",
                    BenchSupport::residentBytes(QString::number(gui.processId())) / 1048576.0);
        gui.terminate();
        if (!gui.waitForFinished(5000))
            gui.kill();
    }
#endif

    // Clean up everything the benchmark made.
    HttpReply* list =
        http.send(HttpRequest::get("/containers/json?all=1&filters=" + benchFilter()));
    BenchSupport::waitUntil([&] { return list->isFinished(); }, 60000);
    QList<HttpRequest> removes;
    const QJsonArray entries = QJsonDocument::fromJson(list->body()).array();
    for (const QJsonValue& entry : entries) {
        HttpRequest remove;
        remove.method = "DELETE";
        remove.target = "/containers/" +
                        entry.toObject().value(QStringLiteral("Id")).toString().toUtf8() +
                        "?force=1";
        removes << remove;
    }
    failures = 0;
    sendAll(http, removes, &failures);
    std::printf("cleanup_removed: %lld\n", qlonglong(removes.size()));
    return 0;
}
