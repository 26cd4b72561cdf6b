#include "ExecdPtys.h"

#include "DockerCalls.h"
#include "HttpServer.h"
#include "Replies.h"
#include "WebSocketPeer.h"
#include "docker/DockerExecSession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <cstdio>

namespace {

QString pidFile(const QString& id)
{
    return QStringLiteral("/tmp/.osbemu-pty-%1.pid").arg(id);
}

QByteArray frame(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorFrame(const QString& code, const QString& message)
{
    return frame({{QStringLiteral("type"), QStringLiteral("error")},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("error"), message}});
}

} // namespace

QByteArray ExecdPtys::connectedFrame(const Session& session)
{
    return frame(
        {{QStringLiteral("type"), QStringLiteral("connected")},
         {QStringLiteral("session_id"), session.id},
         {QStringLiteral("mode"), session.pty ? QStringLiteral("pty") : QStringLiteral("pipe")}});
}

ExecdPtys::ExecdPtys(DockerCalls* docker, QObject* parent)
    : QObject(parent)
    , m_docker(docker)
{}

bool ExecdPtys::handles(const QByteArray& path)
{
    return path == "/pty" || path.startsWith("/pty/");
}

void ExecdPtys::handle(HttpExchange* exchange, const QString& container, const QByteArray& path)
{
    const QByteArray& method = exchange->request().method;
    if (!enabled)
        return exchange->send(404, "404 page not found", "text/plain");
    if (path == "/pty" && method == "POST")
        return create(exchange, container);
    const QList<QByteArray> parts = path.mid(5).split('/');
    const SessionPtr session = m_sessions.value(QString::fromUtf8(parts.value(0)));
    if (!session || session->container != container || parts.size() > 2 ||
        (parts.size() == 2 && parts.at(1) != "ws"))
        return Replies::error(
            exchange, 404, QStringLiteral("CONTEXT_NOT_FOUND"),
            QStringLiteral("pty session %1 not found").arg(QString::fromUtf8(parts.value(0))));
    if (parts.size() == 2 && method == "GET")
        return attach(exchange, session);
    if (method == "GET")
        return status(exchange, session);
    if (method == "DELETE")
        return remove(exchange, session);
    Replies::error(exchange, 405, QStringLiteral("METHOD_NOT_ALLOWED"),
                   QStringLiteral("%1 is not allowed here").arg(QString::fromUtf8(method)));
}

void ExecdPtys::forget(const QString& container)
{
    const QList<SessionPtr> all = m_sessions.values();
    for (const SessionPtr& session : all) {
        if (session->container == container)
            end(session);
    }
}

void ExecdPtys::create(HttpExchange* exchange, const QString& container)
{
    const QByteArray& raw = exchange->request().body;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (!raw.trimmed().isEmpty() &&
        (parseError.error != QJsonParseError::NoError || !doc.isObject()))
        return Replies::error(exchange, 400, QStringLiteral("INVALID_REQUEST_BODY"),
                              QStringLiteral("error parsing request: ") + parseError.errorString());
    auto session = std::make_shared<Session>();
    session->id = QUuid::createUuid().toString(QUuid::Id128);
    session->container = container;
    session->cwd = doc.object().value(QLatin1String("cwd")).toString();
    session->command = doc.object().value(QLatin1String("command")).toString();
    m_sessions.insert(session->id, session);
    Replies::json(exchange, 201, QJsonObject{{QStringLiteral("session_id"), session->id}});
}

void ExecdPtys::status(HttpExchange* exchange, const SessionPtr& session)
{
    Replies::json(exchange, 200,
                  QJsonObject{{QStringLiteral("session_id"), session->id},
                              {QStringLiteral("running"), session->running},
                              {QStringLiteral("output_offset"), session->outputOffset}});
}

void ExecdPtys::remove(HttpExchange* exchange, const SessionPtr& session)
{
    end(session);
    exchange->send(200, {}, {});
}

void ExecdPtys::end(const SessionPtr& session)
{
    m_sessions.remove(session->id);
    if (session->running)
        signal(session, QStringLiteral("SIGKILL"));
    if (session->peer)
        session->peer->close(1000, "session deleted");
    if (session->process)
        session->process->deleteLater();
    m_docker->run(session->container,
                  {QStringLiteral("rm"), QStringLiteral("-f"), pidFile(session->id)}, {},
                  [](const DockerCalls::ExecResult&) {});
}

void ExecdPtys::attach(HttpExchange* exchange, const SessionPtr& session)
{
    if (session->peer && session->peer->isOpen())
        return Replies::error(exchange, 409, QStringLiteral("ALREADY_CONNECTED"),
                              QStringLiteral("another client is already connected to pty "
                                             "session ") +
                                  session->id);
    const bool pipe = exchange->request().queryValue(QStringLiteral("pty")) == QLatin1String("0");
    WebSocketPeer* peer = WebSocketPeer::accept(exchange, this);
    if (!peer)
        return;
    std::fprintf(stderr, "opensandbox-emulator: pty %s attached (%s)\n", qPrintable(session->id),
                 pipe ? "pipe" : "pty");
    session->peer = peer;
    connect(peer, &WebSocketPeer::closed, this, [peer] { peer->deleteLater(); });
    connect(peer, &WebSocketPeer::textReceived, this,
            [this, session](const QByteArray& utf8) { onText(session, utf8); });
    connect(peer, &WebSocketPeer::binaryReceived, this,
            [this, session](const QByteArray& bytes) { onStdin(session, bytes); });
    if (!session->started) {
        session->pty = !pipe;
        startProcess(session);
        return; // connected once the process runs
    }
    peer->sendText(connectedFrame(*session));
    if (!session->running)
        sendExit(session);
}

void ExecdPtys::startProcess(const SessionPtr& session)
{
    session->started = true;
    session->running = true;
    ExecOptions options;
    options.tty = session->pty;
    options.attachStdin = true;
    options.workingDir = session->cwd;
    options.columns = 80;
    options.rows = 24;
    // execd runs bash --norc --noprofile [-c COMMAND]; a sandbox without bash gets sh.
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo $$ > %1; if command -v bash >/dev/null 2>&1; then "
                                      "exec bash --norc --noprofile \"$@\"; fi; exec sh \"$@\"")
                           .arg(pidFile(session->id)),
                       QStringLiteral("sh")};
    if (!session->command.isEmpty())
        options.command << QStringLiteral("-c") << session->command;
    auto* process = new DockerExecSession(m_docker->client(), session->container, options, this);
    session->process = process;
    connect(process, &ExecSession::started, this, [this, session] { announce(session, 0); });
    connect(process, &ExecSession::received, this,
            [session](ExecSession::Stream stream, const QByteArray& bytes) {
                session->outputOffset += bytes.size();
                if (!session->peer)
                    return;
                // execd sends at most 32 KiB in a frame.
                const char channel = stream == ExecSession::Stream::Stdout ? '\x01' : '\x02';
                for (qsizetype at = 0; at < bytes.size(); at += 32 * 1024)
                    session->peer->sendBinary(channel + bytes.mid(at, 32 * 1024));
            });
    connect(process, &ExecSession::inputWritten, this, [session] {
        if (session->peer && session->process &&
            session->process->pendingInput() < ExecSession::inputBound)
            session->peer->setPaused(false);
    });
    connect(process, &ExecSession::finished, this, [this, session](int exitCode) {
        session->running = false;
        session->exitCode = exitCode;
        sendExit(session);
    });
    connect(process, &ExecSession::failed, this, [session](const Error& error) {
        const bool started = session->running;
        session->running = false;
        if (!session->peer)
            return;
        session->peer->sendText(
            errorFrame(started ? QStringLiteral("RUNTIME_ERROR") : QStringLiteral("START_FAILED"),
                       error.message));
        session->peer->close(1011, "runtime error");
    });
    process->start();
}

void ExecdPtys::announce(const SessionPtr& session, int attempt)
{
    // The exec's stream opens before its process (and terminal) exist, and a resize before
    // then is lost: "connected" waits until the shell has noted its pid, as execd's waits
    // until bash runs.
    m_docker->run(session->container, {QStringLiteral("cat"), pidFile(session->id)}, {},
                  [this, session, attempt](const DockerCalls::ExecResult& result) {
                      if (!session->running || !session->peer)
                          return;
                      if ((!result.ok || result.exitCode != 0) && attempt < 200) {
                          QTimer::singleShot(20, this, [this, session, attempt] {
                              announce(session, attempt + 1);
                          });
                          return;
                      }
                      session->peer->sendText(connectedFrame(*session));
                  });
}

void ExecdPtys::sendExit(const SessionPtr& session)
{
    if (!session->peer)
        return;
    session->peer->sendText(frame({{QStringLiteral("type"), QStringLiteral("exit")},
                                   {QStringLiteral("exit_code"), session->exitCode}}));
    session->peer->close(1000, "process exited");
}

void ExecdPtys::onStdin(const SessionPtr& session, const QByteArray& bytes)
{
    if (bytes.isEmpty() || bytes.at(0) != '\x00' || !session->process || !session->running)
        return;
    session->process->write(bytes.mid(1));
    // The rest waits in the socket until the shell has read this.
    if (session->peer && session->process->pendingInput() >= ExecSession::inputBound)
        session->peer->setPaused(true);
}

void ExecdPtys::onText(const SessionPtr& session, const QByteArray& utf8)
{
    const QJsonObject message = QJsonDocument::fromJson(utf8).object();
    if (message.isEmpty())
        return;
    const QString type = message.value(QLatin1String("type")).toString();
    if (type == QLatin1String("stdin")) {
        onStdin(session, '\x00' + message.value(QLatin1String("data")).toString().toUtf8());
    } else if (type == QLatin1String("resize")) {
        const int columns = message.value(QLatin1String("cols")).toInt();
        const int rows = message.value(QLatin1String("rows")).toInt();
        if (columns > 0 && rows > 0 && session->pty)
            resize(session, columns, rows);
    } else if (type == QLatin1String("signal")) {
        signal(session, message.value(QLatin1String("signal")).toString());
    } else if (type == QLatin1String("ping")) {
        if (session->peer)
            session->peer->sendText(frame({{QStringLiteral("type"), QStringLiteral("pong")}}));
    } else if (session->peer) {
        session->peer->sendText(errorFrame(QStringLiteral("INVALID_FRAME"),
                                           QStringLiteral("unknown frame type \"%1\"").arg(type)));
    }
}

void ExecdPtys::resize(const SessionPtr& session, int columns, int rows)
{
    auto* process = qobject_cast<DockerExecSession*>(session->process.data());
    if (!process || process->execId().isEmpty())
        return;
    // execd resizes before it reads the next frame: later input sees the new size.
    if (session->peer)
        session->peer->setPaused(true);
    m_docker->call(
        "POST",
        "/exec/" + QUrl::toPercentEncoding(process->execId()) +
            "/resize?h=" + QByteArray::number(rows) + "&w=" + QByteArray::number(columns),
        {}, [session, columns, rows](int status, const QByteArray& body) {
            std::fprintf(stderr, "opensandbox-emulator: pty %s resized to %dx%d: %d %s\n",
                         qPrintable(session->id), columns, rows, status,
                         body.trimmed().constData());
            if (session->peer &&
                (!session->process || session->process->pendingInput() < ExecSession::inputBound))
                session->peer->setPaused(false);
        });
}

void ExecdPtys::signal(const SessionPtr& session, const QString& name)
{
    static const QStringList known{QStringLiteral("SIGINT"), QStringLiteral("SIGTERM"),
                                   QStringLiteral("SIGKILL"), QStringLiteral("SIGQUIT"),
                                   QStringLiteral("SIGHUP")};
    if (!known.contains(name) || !session->running)
        return;
    // To the shell's process group, as execd does; the shell alone where it leads none.
    const QString script = QStringLiteral("p=$(cat %1 2>/dev/null) && "
                                          "{ kill -%2 -\"$p\" 2>/dev/null || kill -%2 \"$p\"; }")
                               .arg(pidFile(session->id), name.mid(3));
    m_docker->run(session->container, {QStringLiteral("sh"), QStringLiteral("-c"), script}, {},
                  [](const DockerCalls::ExecResult&) {});
}
