#include "ExecBridge.h"

#include "docker/DockerExecSession.h"
#include "eci/EciExecChannel.h"
#include "net/HttpClient.h"

#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

#include <cstdio>
#include <memory>

namespace {

// Resizes a Docker exec's terminal one request at a time, latest size last. The engine drops a
// resize that comes before its process has a terminal, and applies concurrent ones in any
// order, so nothing is sent before the process has spoken, and the first size goes twice.
class TerminalResizer final : public QObject
{
public:
    TerminalResizer(HttpClient* docker, DockerExecSession* session, QObject* parent)
        : QObject(parent)
        , m_docker(docker)
        , m_session(session)
    {}

    void request(int columns, int rows)
    {
        m_columns = columns;
        m_rows = rows;
        apply();
    }

    bool isStreamOpen() const { return m_streamOpen; }
    void streamOpened() { m_streamOpen = true; }

    void processSpoke()
    {
        if (m_running)
            return;
        m_running = true;
        m_passes = 2;
        apply();
    }

private:
    void apply()
    {
        if (!m_running || m_inFlight || m_columns <= 0 || m_session->execId().isEmpty())
            return;
        if (m_passes == 0 && m_columns == m_sentColumns && m_rows == m_sentRows)
            return;
        m_passes = qMax(0, m_passes - 1);
        m_inFlight = true;
        m_sentColumns = m_columns;
        m_sentRows = m_rows;
        HttpReply* reply = m_docker->send(HttpRequest::post(
            "/exec/" + QUrl::toPercentEncoding(m_session->execId()) +
            "/resize?h=" + QByteArray::number(m_rows) + "&w=" + QByteArray::number(m_columns)));
        connect(reply, &HttpReply::finished, this, [this, reply] {
            reply->deleteLater();
            m_inFlight = false;
            apply();
        });
    }

    HttpClient* m_docker;
    DockerExecSession* m_session;
    int m_columns = 0;
    int m_rows = 0;
    int m_sentColumns = 0;
    int m_sentRows = 0;
    int m_passes = 0;
    bool m_running = false;
    bool m_inFlight = false;
    bool m_streamOpen = false;
};

} // namespace

ExecBridge::ExecBridge(HttpClient* docker, QObject* parent)
    : QObject(parent)
    , m_docker(docker)
    , m_server(QStringLiteral("eci-emulator"), QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &ExecBridge::onNewConnection);
}

bool ExecBridge::listen(const QHostAddress& address)
{
    return m_server.listen(address, 0);
}

QString ExecBridge::issue(const QString& dockerId, const ExecOptions& options)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_tickets.begin(); it != m_tickets.end();)
        it = it.value().expires < now ? m_tickets.erase(it) : std::next(it);
    const QString token = QUuid::createUuid().toString(QUuid::Id128) +
                          QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_tickets.insert(token, {dockerId, options, now.addMSecs(validityMs)});
    return QStringLiteral("ws://%1:%2/exec/?s=%3")
        .arg(m_server.serverAddress().toString())
        .arg(m_server.serverPort())
        .arg(token);
}

void ExecBridge::onNewConnection()
{
    while (QWebSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        const QString token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("s"));
        const auto it = m_tickets.constFind(token);
        if (socket->requestUrl().path() != QLatin1String("/exec/") || it == m_tickets.constEnd() ||
            it.value().expires < QDateTime::currentDateTimeUtc()) {
            std::fprintf(stderr, "eci-emulator: exec URL refused\n");
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("The exec URL is not valid: it was used already, has "
                                         "expired, or was never issued."));
            continue;
        }
        const Ticket ticket = it.value();
        m_tickets.erase(it);
        bridge(socket, ticket);
    }
}

void ExecBridge::bridge(QWebSocket* socket, const Ticket& ticket)
{
    auto* session = new DockerExecSession(m_docker, ticket.dockerId, ticket.options, socket);
    auto decoder = std::make_shared<EciExecChannel>();
    const bool drop = dropAfterFirstOutput > 0;
    if (drop)
        --dropAfterFirstOutput;
    const bool garble = !drop && garbleAfterFirstOutput > 0;
    if (garble)
        --garbleAfterFirstOutput;
    auto ended = std::make_shared<bool>(false);
    auto* resizer = new TerminalResizer(m_docker, session, socket);
    decoder->onFrame = [session, ticket, resizer](EciExecChannel::Channel channel,
                                                  const QByteArray& payload) {
        if (channel == EciExecChannel::Stdin) {
            if (ticket.options.attachStdin)
                session->write(payload);
        } else if (channel == EciExecChannel::Resize) {
            int columns = 0;
            int rows = 0;
            if (ticket.options.tty && EciExecChannel::parseResize(payload, &columns, &rows)) {
                // Before the engine's stream is open, the session only keeps the size for the
                // resize it sends itself when it opens.
                if (!resizer->isStreamOpen())
                    session->resize(columns, rows);
                resizer->request(columns, rows);
            }
        }
    };
    connect(socket, &QWebSocket::binaryFrameReceived, session,
            [socket, decoder](const QByteArray& frame, bool last) {
                if (!decoder->feedFragment(frame, last))
                    socket->close(QWebSocketProtocol::CloseCodeProtocolError,
                                  decoder->errorString());
            });
    auto spoke = std::make_shared<bool>(false);
    connect(session, &ExecSession::received, socket,
            [socket, resizer, drop, garble, spoke](ExecSession::Stream stream,
                                                   const QByteArray& bytes) {
                const bool first = !*spoke;
                *spoke = true;
                resizer->processSpoke();
                const auto channel = stream == ExecSession::Stream::Stderr ? EciExecChannel::Stderr
                                                                           : EciExecChannel::Stdout;
                for (const QByteArray& message : EciExecChannel::encodeData(channel, bytes))
                    socket->sendBinaryMessage(message);
                if (garble && first) {
                    std::fprintf(stderr, "eci-emulator: fault: exec frame on an unknown channel\n");
                    socket->sendBinaryMessage(QByteArray("\x09garbage", 8));
                }
                if (drop) {
                    std::fprintf(stderr, "eci-emulator: fault: exec WebSocket dropped\n");
                    // Late enough for this output to be on the wire, then cut without a close.
                    QTimer::singleShot(200, socket, [socket] { socket->abort(); });
                }
            });
    connect(session, &ExecSession::finished, socket, [socket, ended](int exitCode) {
        *ended = true;
        socket->sendBinaryMessage(EciExecChannel::encodeExitStatus(exitCode));
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    });
    connect(session, &ExecSession::failed, socket, [socket, ended](const Error& error) {
        if (*ended)
            return;
        *ended = true;
        socket->sendBinaryMessage(
            EciExecChannel::encodeFailure(QStringLiteral("InternalError"), error.fullText()));
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    });
    // The client went away: the process may go on, as with the service.
    connect(socket, &QWebSocket::disconnected, session, [session, ended] {
        if (!*ended) {
            *ended = true;
            session->close();
        }
    });
    connect(session, &ExecSession::started, resizer, &TerminalResizer::streamOpened);
    session->start();
}
