#include "ExecdService.h"

#include "DockerCalls.h"
#include "ExecdFiles.h"
#include "ExecdPtys.h"
#include "Faults.h"
#include "Replies.h"
#include "docker/DockerExecSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <cstdio>

namespace {

const QString invalidRequest = QStringLiteral("INVALID_REQUEST_BODY");
const QString runtimeError = QStringLiteral("RUNTIME_ERROR");

QByteArray sseEvent(QJsonObject object)
{
    object.insert(QStringLiteral("timestamp"), QDateTime::currentMSecsSinceEpoch());
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray textEvent(const char* type, const QString& text)
{
    return sseEvent(
        {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("text"), text}});
}

QString pidFile(const QString& id)
{
    return QStringLiteral("/tmp/.osbemu-%1.pid").arg(id);
}

} // namespace

ExecdService::ExecdService(DockerCalls* docker, Faults* faults, QObject* parent)
    : QObject(parent)
    , m_docker(docker)
    , m_faults(faults)
    , m_files(new ExecdFiles(docker, this))
    , m_ptys(new ExecdPtys(docker, this))
{}

void ExecdService::setPtysEnabled(bool enabled)
{
    m_ptys->enabled = enabled;
}

void ExecdService::forget(const QString& container)
{
    m_commands.removeIf(
        [&container](const auto& it) { return it.value()->container == container; });
    m_ptys->forget(container);
}

void ExecdService::handle(HttpExchange* exchange, const QString& container, const QByteArray& path)
{
    const ServerRequest& request = exchange->request();
    if (!accessToken.isEmpty() && request.header("x-execd-access-token") != accessToken.toUtf8()) {
        Replies::error(exchange, 401, QStringLiteral("UNAUTHORIZED"),
                       QStringLiteral("missing or invalid X-EXECD-ACCESS-TOKEN"));
        return;
    }
    std::fprintf(stderr, "opensandbox-emulator: execd %s %s\n", request.method.constData(),
                 path.constData());
    const QByteArray& method = request.method;
    if (path == "/ping" && method == "GET")
        return ping(exchange, container);
    if (path == "/command" && method == "POST")
        return runCommand(exchange, container);
    if (path == "/command" && method == "DELETE")
        return interrupt(exchange);
    if (path.startsWith("/command/status/") && method == "GET")
        return status(exchange, QString::fromUtf8(path.mid(16)));
    if (path.startsWith("/command/") && path.endsWith("/logs") && method == "GET")
        return logs(exchange, QString::fromUtf8(path.mid(9, path.size() - 9 - 5)));
    if (path == "/metrics" && method == "GET")
        return metrics(exchange, container);
    if (path == "/metrics/watch" && method == "GET")
        return watchMetrics(exchange, container);
    if (ExecdPtys::handles(path))
        return m_ptys->handle(exchange, container, path);
    if (m_files->handles(path))
        return m_files->handle(exchange, container, path);
    Replies::error(exchange, 404, QStringLiteral("NOT_SUPPORTED"),
                   QStringLiteral("%1 %2 is not served by the emulator")
                       .arg(QString::fromUtf8(method), QString::fromUtf8(path)));
}

void ExecdService::ping(HttpExchange* exchange, const QString& container)
{
    // execd answers only while its sandbox runs: a paused container answers nothing.
    QPointer<HttpExchange> guard(exchange);
    m_docker->call(
        "GET", "/containers/" + QUrl::toPercentEncoding(container) + "/json", {},
        [guard](int status, const QByteArray& body) {
            if (!guard)
                return;
            const QJsonObject state =
                QJsonDocument::fromJson(body).object().value(QLatin1String("State")).toObject();
            if (status == 200 && state.value(QLatin1String("Running")).toBool() &&
                !state.value(QLatin1String("Paused")).toBool())
                guard->send(200, {}, {});
            else
                Replies::error(guard, 502, runtimeError, QStringLiteral("execd is not reachable"));
        });
}

void ExecdService::runCommand(HttpExchange* exchange, const QString& container)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->request().body, &parseError);
    const QJsonObject body = doc.object();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Replies::error(exchange, 400, invalidRequest,
                              QStringLiteral("error parsing request, MAYBE invalid body format. ") +
                                  parseError.errorString());
    const QString commandText = body.value(QLatin1String("command")).toString();
    if (commandText.trimmed().isEmpty())
        return Replies::error(
            exchange, 400, invalidRequest,
            QStringLiteral("invalid request, validation error command is required"));
    if (body.contains(QLatin1String("gid")) && !body.contains(QLatin1String("uid")))
        return Replies::error(exchange, 400, invalidRequest,
                              QStringLiteral("invalid request, validation error uid is required "
                                             "when gid is provided"));
    const qint64 timeoutMs = body.value(QLatin1String("timeout")).toInteger();
    if (body.value(QLatin1String("background")).toBool() && Faults::take(m_faults->noBackground))
        return Replies::error(exchange, 404, QStringLiteral("NOT_SUPPORTED"),
                              QStringLiteral("background commands are not served"));

    auto command = std::make_shared<Command>();
    command->id = QUuid::createUuid().toString(QUuid::Id128);
    command->container = container;
    command->content = commandText;
    command->background = body.value(QLatin1String("background")).toBool();
    command->startedAt = QDateTime::currentDateTimeUtc();

    ExecOptions options;
    // The shell notes its pid, so that an interrupt or a timeout can kill it.
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo $$ > %1; exec sh -c \"$1\"").arg(pidFile(command->id)),
                       QStringLiteral("sh"), commandText};
    options.tty = false;
    options.attachStdin = false;
    options.workingDir = body.value(QLatin1String("cwd")).toString();
    const QJsonObject envs = body.value(QLatin1String("envs")).toObject();
    for (auto it = envs.begin(); it != envs.end(); ++it)
        options.env.append(it.key() + QLatin1Char('=') + it.value().toString());
    if (body.contains(QLatin1String("uid"))) {
        options.user = QString::number(body.value(QLatin1String("uid")).toInteger());
        if (body.contains(QLatin1String("gid")))
            options.user +=
                QLatin1Char(':') + QString::number(body.value(QLatin1String("gid")).toInteger());
    }

    auto* session = new DockerExecSession(m_docker->client(), container, options, this);
    command->session = session;
    m_commands.insert(command->id, command);
    QPointer<HttpExchange> guard(exchange);
    const bool dropThis = Faults::take(m_faults->dropStreams);
    const bool garbleThis = Faults::take(m_faults->malformed);
    auto outputs = std::make_shared<int>(0);
    auto* pinger = new QTimer(session);
    pinger->setInterval(3000);

    const auto write = [guard](const QByteArray& bytes) {
        if (guard)
            guard->writeChunk(bytes);
    };
    const auto end = [this, command, guard, session](const QByteArray& last) {
        command->running = false;
        command->finishedAt = QDateTime::currentDateTimeUtc();
        session->deleteLater();
        m_docker->run(command->container,
                      {QStringLiteral("rm"), QStringLiteral("-f"), pidFile(command->id)}, {},
                      [](const DockerCalls::ExecResult&) {});
        if (guard && !command->background) {
            guard->writeChunk(last);
            guard->endStream();
        }
    };

    connect(session, &ExecSession::started, this, [guard, command, write, pinger] {
        if (!guard)
            return;
        guard->beginStream(200, "text/event-stream",
                           {{"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}});
        write(textEvent("init", command->id));
        if (command->background) {
            write(sseEvent({{QStringLiteral("type"), QStringLiteral("execution_complete")},
                            {QStringLiteral("execution_time"), 0}}));
            guard->endStream();
            return;
        }
        pinger->start();
    });
    connect(pinger, &QTimer::timeout, this,
            [write] { write(textEvent("ping", QStringLiteral("pong"))); });
    connect(session, &ExecSession::received, this,
            [command, guard, write, outputs, dropThis, garbleThis](ExecSession::Stream stream,
                                                                   const QByteArray& bytes) {
                if (command->background) {
                    command->output += bytes;
                    return;
                }
                write(textEvent(stream == ExecSession::Stream::Stdout ? "stdout" : "stderr",
                                QString::fromUtf8(bytes)));
                if (++*outputs != 1)
                    return;
                if (garbleThis)
                    write("{\"type\":\"stdout\",\"text\":\"\\u12\n\n");
                if (dropThis && guard) {
                    std::fprintf(stderr, "opensandbox-emulator: fault: stream %s dropped\n",
                                 qPrintable(command->id));
                    guard->drop();
                }
            });
    connect(session, &ExecSession::finished, this, [command, end](int exitCode) {
        command->exitCode = exitCode;
        if (exitCode == 0) {
            end(sseEvent({{QStringLiteral("type"), QStringLiteral("execution_complete")},
                          {QStringLiteral("execution_time"),
                           command->startedAt.msecsTo(QDateTime::currentDateTimeUtc())}}));
            return;
        }
        command->error = QStringLiteral("exit status %1").arg(exitCode);
        end(sseEvent({{QStringLiteral("type"), QStringLiteral("error")},
                      {QStringLiteral("error"),
                       QJsonObject{{QStringLiteral("ename"), QStringLiteral("CommandExecError")},
                                   {QStringLiteral("evalue"), QString::number(exitCode)},
                                   {QStringLiteral("traceback"), QJsonArray{command->error}}}}}));
    });
    connect(session, &ExecSession::failed, this, [this, command, guard, end](const Error& error) {
        command->error = error.message;
        command->exitCode = 255;
        if (guard && !guard->isAnswered()) {
            // Docker could not run anything there (paused or gone): execd is unreachable.
            m_commands.remove(command->id);
            Replies::error(guard, 502, runtimeError,
                           QStringLiteral("error running commands: ") + error.message);
            command->running = false;
            command->session->deleteLater();
            return;
        }
        end(sseEvent({{QStringLiteral("type"), QStringLiteral("error")},
                      {QStringLiteral("error"),
                       QJsonObject{{QStringLiteral("ename"), QStringLiteral("CommandExecError")},
                                   {QStringLiteral("evalue"), error.message},
                                   {QStringLiteral("traceback"), QJsonArray{error.message}}}}}));
    });
    // execd runs a foreground command in the request's context: a client that leaves kills it.
    if (!command->background) {
        connect(exchange, &HttpExchange::clientGone, this, [this, command, dropThis] {
            if (command->running && !dropThis)
                kill(command);
        });
    }
    if (timeoutMs > 0) {
        QTimer::singleShot(timeoutMs, session, [this, command] {
            if (command->running)
                kill(command);
        });
    }
    session->start();
}

void ExecdService::kill(const std::shared_ptr<Command>& command)
{
    std::fprintf(stderr, "opensandbox-emulator: killing command %s\n", qPrintable(command->id));
    const QString script =
        QStringLiteral("p=$(cat %1 2>/dev/null) && { pkill -KILL -P \"$p\"; kill -KILL \"$p\"; }")
            .arg(pidFile(command->id));
    m_docker->run(command->container, {QStringLiteral("sh"), QStringLiteral("-c"), script}, {},
                  [](const DockerCalls::ExecResult&) {});
}

void ExecdService::interrupt(HttpExchange* exchange)
{
    const QString id = exchange->request().queryValue(QStringLiteral("id"));
    if (id.isEmpty())
        return Replies::error(exchange, 400, QStringLiteral("MISSING_QUERY"),
                              QStringLiteral("missing query parameter id"));
    const auto command = m_commands.value(id);
    if (!command)
        return Replies::error(exchange, 404, QStringLiteral("CONTEXT_NOT_FOUND"),
                              QStringLiteral("command not found: ") + id);
    if (command->running)
        kill(command);
    exchange->send(200, {}, {});
}

void ExecdService::status(HttpExchange* exchange, const QString& id)
{
    const auto command = m_commands.value(id);
    if (!command)
        return Replies::error(exchange, 404, invalidRequest,
                              QStringLiteral("command not found: ") + id);
    QJsonObject out{{QStringLiteral("id"), command->id},
                    {QStringLiteral("content"), command->content},
                    {QStringLiteral("running"), command->running},
                    {QStringLiteral("started_at"), Replies::time(command->startedAt)}};
    if (command->exitCode)
        out.insert(QStringLiteral("exit_code"), *command->exitCode);
    if (!command->error.isEmpty())
        out.insert(QStringLiteral("error"), command->error);
    if (command->finishedAt.isValid())
        out.insert(QStringLiteral("finished_at"), Replies::time(command->finishedAt));
    Replies::json(exchange, 200, out);
}

void ExecdService::logs(HttpExchange* exchange, const QString& id)
{
    const auto command = m_commands.value(id);
    if (!command)
        return Replies::error(exchange, 400, invalidRequest,
                              QStringLiteral("command not found: ") + id);
    if (!command->background)
        return Replies::error(exchange, 400, invalidRequest,
                              QStringLiteral("command %1 is not running in background").arg(id));
    // execd's cursor is a byte offset into the combined output, whatever the spec says.
    const qint64 cursor =
        qBound<qint64>(0, exchange->request().queryValue(QStringLiteral("cursor")).toLongLong(),
                       command->output.size());
    exchange->send(200, command->output.mid(cursor), "text/plain; charset=utf-8",
                   {{"EXECD-COMMANDS-TAIL-CURSOR", QByteArray::number(command->output.size())}});
}

void ExecdService::sampleMetrics(const QString& container,
                                 const std::function<void(bool, const QByteArray&)>& done)
{
    m_docker->call(
        "GET", "/containers/" + QUrl::toPercentEncoding(container) + "/stats?stream=false", {},
        [done](int status, const QByteArray& body) {
            const QJsonObject stats = QJsonDocument::fromJson(body).object();
            if (status != 200)
                return done(false, {});
            const QJsonObject cpu = stats.value(QLatin1String("cpu_stats")).toObject();
            const QJsonObject precpu = stats.value(QLatin1String("precpu_stats")).toObject();
            const QJsonObject memory = stats.value(QLatin1String("memory_stats")).toObject();
            const auto total = [](const QJsonObject& o) {
                return o.value(QLatin1String("cpu_usage"))
                    .toObject()
                    .value(QLatin1String("total_usage"))
                    .toDouble();
            };
            double cpus = cpu.value(QLatin1String("online_cpus")).toDouble();
            if (cpus <= 0)
                cpus = 1;
            const double cpuDelta = total(cpu) - total(precpu);
            const double systemDelta = cpu.value(QLatin1String("system_cpu_usage")).toDouble() -
                                       precpu.value(QLatin1String("system_cpu_usage")).toDouble();
            // Of all the CPUs together, as execd's gopsutil measures it.
            const double percent =
                cpuDelta > 0 && systemDelta > 0 ? cpuDelta / systemDelta * 100.0 : 0.0;
            const double inactive = memory.value(QLatin1String("stats"))
                                        .toObject()
                                        .value(QLatin1String("inactive_file"))
                                        .toDouble();
            const double mib = 1024.0 * 1024.0;
            const QJsonObject out{
                {QStringLiteral("cpu_count"), cpus},
                {QStringLiteral("cpu_used_pct"), percent},
                {QStringLiteral("mem_total_mib"),
                 memory.value(QLatin1String("limit")).toDouble() / mib},
                {QStringLiteral("mem_used_mib"),
                 qMax(0.0, memory.value(QLatin1String("usage")).toDouble() - inactive) / mib},
                {QStringLiteral("timestamp"), QDateTime::currentMSecsSinceEpoch()},
            };
            done(true, QJsonDocument(out).toJson(QJsonDocument::Compact));
        });
}

void ExecdService::metrics(HttpExchange* exchange, const QString& container)
{
    QPointer<HttpExchange> guard(exchange);
    sampleMetrics(container, [guard](bool ok, const QByteArray& json) {
        if (!guard)
            return;
        if (!ok)
            return Replies::error(guard, 500, runtimeError,
                                  QStringLiteral("error reading metrics"));
        guard->send(200, json);
    });
}

void ExecdService::watchMetrics(HttpExchange* exchange, const QString& container)
{
    exchange->beginStream(200, "text/event-stream",
                          {{"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}});
    watchNext(exchange, container);
}

void ExecdService::watchNext(HttpExchange* exchange, const QString& container)
{
    // The engine takes about a second for a sample with a CPU delta: that is the pace.
    QPointer<HttpExchange> guard(exchange);
    sampleMetrics(container, [this, guard, container](bool ok, const QByteArray& json) {
        if (!guard)
            return;
        guard->writeChunk(ok ? json + '\n' : QByteArray("{\"error\":\"error reading metrics\"}\n"));
        QTimer::singleShot(ok ? 0 : 1000, guard, [this, guard, container] {
            if (guard)
                watchNext(guard, container);
        });
    });
}
