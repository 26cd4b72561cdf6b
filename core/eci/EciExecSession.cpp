#include "EciExecSession.h"

#include "EciClient.h"
#include "docker/DockerExecSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

#include <algorithm>
#include <utility>

EciExecSession::EciExecSession(EciClient* client, const QString& regionId, const QString& groupId,
                               const QString& containerName, const ExecOptions& options,
                               QObject* parent)
    : ExecSession(parent)
    , m_client(client)
    , m_regionId(regionId)
    , m_groupId(groupId)
    , m_containerName(containerName)
    , m_options(options)
{
    m_channel.onFrame = [this](EciExecChannel::Channel channel, const QByteArray& payload) {
        onFrame(channel, payload);
    };
    // An attached process streams without the client; anything else ends with it.
    connect(client, &QObject::destroyed, this, [this] {
        if (!m_socket)
            end(Error::make(Error::Connection, tr("The connection was closed.")));
    });
}

EciExecSession::~EciExecSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool EciExecSession::fitsCommandLimit(const QStringList& command)
{
    if (command.isEmpty() || command.size() > maxCommandItems)
        return false;
    return std::all_of(command.begin(), command.end(),
                       [](const QString& item) { return item.size() <= maxCommandItemLength; });
}

ExecOptions EciExecSession::scriptOptions(const QString& script)
{
    ExecOptions options;
    options.command = {QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
    options.tty = false;
    options.attachStdin = true;
    return options;
}

QStringList EciExecSession::commandFor(const ExecOptions& options, QByteArray* stdinPrefix)
{
    stdinPrefix->clear();
    const QStringList command =
        options.command.isEmpty() ? DockerExecSession::defaultShell() : options.command;
    if (fitsCommandLimit(command))
        return command;
    // The shell text that runs the command: a script as it is, any other argv quoted.
    QString text;
    if (command.size() == 3 && command.at(0) == QLatin1String("/bin/sh") &&
        command.at(1) == QLatin1String("-c")) {
        text = command.at(2);
    } else {
        QStringList quoted;
        for (const QString& item : command)
            quoted.append(QLatin1Char('\'') +
                          QString(item).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                          QLatin1Char('\''));
        text = QStringLiteral("exec ") + quoted.join(QLatin1Char(' '));
    }
    *stdinPrefix = text.toUtf8().toBase64() + '\n';
    // The shell's read takes bytes one at a time up to the newline, so nothing after it is
    // consumed and later input still reaches the command.
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("IFS= read -r c && eval \"$(printf '%s' \"$c\" | base64 -d)\"")};
}

void EciExecSession::start()
{
    if (m_call || m_socket || m_ended)
        return;
    const QStringList command = commandFor(m_options, &m_stdinPrefix);
    if (!m_stdinPrefix.isEmpty() && m_options.tty) {
        // A terminal would echo the loaded text and cut it into lines; say so instead.
        end(Error::make(Error::Invalid,
                        tr("This command is longer than ECI allows (%1 parts of %2 characters) "
                           "and cannot be sent through a terminal; run it without a terminal.")
                            .arg(maxCommandItems)
                            .arg(maxCommandItemLength)));
        return;
    }
    if (!m_stdinPrefix.isEmpty() && !m_options.attachStdin) {
        end(Error::make(Error::Invalid,
                        tr("This command is longer than ECI allows (%1 parts of %2 characters) "
                           "and can only be sent with standard input open.")
                            .arg(maxCommandItems)
                            .arg(maxCommandItemLength)));
        return;
    }
    const EciParams params{
        {QStringLiteral("RegionId"), m_regionId},
        {QStringLiteral("ContainerGroupId"), m_groupId},
        {QStringLiteral("ContainerName"), m_containerName},
        {QStringLiteral("Command"),
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(command)).toJson(QJsonDocument::Compact))},
        {QStringLiteral("TTY"), m_options.tty ? QStringLiteral("true") : QStringLiteral("false")},
        {QStringLiteral("Stdin"),
         m_options.attachStdin ? QStringLiteral("true") : QStringLiteral("false")},
    };
    if (!m_client) {
        end(Error::make(Error::Connection, tr("The connection was closed.")));
        return;
    }
    Job* job = m_client->call(QStringLiteral("ExecContainerCommand"), params, this);
    m_call = job;
    connect(job, &Job::finished, this, [this, job] { onCallFinished(job); });
}

void EciExecSession::onCallFinished(Job* job)
{
    m_call = nullptr;
    if (m_ended)
        return;
    if (job->error().isError()) {
        Error error = job->error();
        error.message =
            tr("Alibaba Cloud did not open the command in the container: %1").arg(error.message);
        end(error);
        return;
    }
    const QVariantMap result = job->result().toMap();
    m_requestId = result.value(QStringLiteral("RequestId")).toString();
    const QUrl url(result.value(QStringLiteral("WebSocketUri")).toString());
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
        end(Error::make(Error::Protocol,
                        tr("Alibaba Cloud did not return a usable terminal address."), {},
                        withRequestId(result.value(QStringLiteral("WebSocketUri")).toString())));
        return;
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(EciExecChannel::maxMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(EciExecChannel::maxMessageBytes));
    connect(m_socket, &QWebSocket::connected, this, &EciExecSession::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &EciExecSession::onDisconnected);
    connect(m_socket, &QWebSocket::bytesWritten, this, &EciExecSession::inputWritten);
    // A connection that never opens may end with an error and no disconnected().
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_ended || m_connected)
            return;
        end(Error::make(Error::Connection,
                        tr("Could not connect to the container group's terminal."), {},
                        withRequestId(m_socket->errorString())));
    });
    connect(m_socket, &QWebSocket::binaryFrameReceived, this,
            [this](const QByteArray& frame, bool last) {
                if (m_ended || m_channel.feedFragment(frame, last))
                    return;
                end(Error::make(Error::Protocol,
                                tr("The container group sent a malformed terminal frame."), {},
                                withRequestId(m_channel.errorString())));
                m_socket->abort();
            });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString&) {
        if (m_ended)
            return;
        end(Error::make(Error::Protocol, tr("The container group sent a malformed terminal frame."),
                        {}, withRequestId(QStringLiteral("text message on the exec channel"))));
        m_socket->abort();
    });
    m_socket->open(url);
}

void EciExecSession::onConnected()
{
    if (m_ended)
        return;
    m_connected = true;
    if (m_options.tty)
        sendResize();
    // The loader's text and input written before the socket opened go ahead of any written
    // from a slot of started().
    if (!m_stdinPrefix.isEmpty())
        send(EciExecChannel::Stdin, m_stdinPrefix);
    if (!m_pendingInput.isEmpty())
        send(EciExecChannel::Stdin, std::exchange(m_pendingInput, QByteArray()));
    Q_EMIT started();
}

void EciExecSession::onFrame(EciExecChannel::Channel channel, const QByteArray& payload)
{
    if (m_ended)
        return;
    switch (channel) {
    case EciExecChannel::Stdout:
        Q_EMIT received(Stream::Stdout, payload);
        break;
    case EciExecChannel::Stderr:
        Q_EMIT received(Stream::Stderr, payload);
        break;
    case EciExecChannel::Status: {
        const EciExecChannel::ExitStatus status = EciExecChannel::parseStatus(payload);
        if (!status.valid) {
            end(Error::make(Error::Protocol,
                            tr("The container group sent an exit status that cannot be read."), {},
                            withRequestId(QString::fromUtf8(payload.left(512)))));
        } else if (status.exitCode >= 0) {
            m_ended = true;
            Q_EMIT finished(status.exitCode);
        } else {
            end(Error::make(Error::Server, tr("The command could not run in the container."),
                            status.reason, withRequestId(status.message)));
        }
        if (m_socket)
            m_socket->close();
        break;
    }
    case EciExecChannel::Stdin:
    case EciExecChannel::Resize:
        // Meant for the server; a peer that echoes them loses nothing by their being ignored.
        break;
    }
}

void EciExecSession::onDisconnected()
{
    if (m_ended)
        return;
    const auto code = m_socket->closeCode();
    const QString reason = m_socket->closeReason();
    QString detail = reason.isEmpty() ? m_socket->errorString() : reason;
    if (!m_connected) {
        end(Error::make(Error::Connection,
                        tr("Could not connect to the container group's terminal."),
                        QString::number(int(code)), withRequestId(detail)));
    } else if (code == QWebSocketProtocol::CloseCodePolicyViolated) {
        end(Error::make(Error::Auth,
                        tr("The container group refused the terminal connection: its address "
                           "was used already or has expired."),
                        QString::number(int(code)), withRequestId(detail)));
    } else {
        end(Error::make(Error::Connection,
                        tr("The connection to the container group was lost before the command "
                           "ended; the command may still be running."),
                        QString::number(int(code)), withRequestId(detail)));
    }
}

void EciExecSession::write(const QByteArray& bytes)
{
    if (m_ended || m_stdinClosed || bytes.isEmpty())
        return;
    if (!m_connected)
        m_pendingInput.append(bytes);
    else
        send(EciExecChannel::Stdin, bytes);
}

void EciExecSession::closeStdin()
{
    if (m_options.tty)
        write(QByteArray(1, '\x04'));
    m_stdinClosed = true;
}

qint64 EciExecSession::pendingInput() const
{
    if (!m_connected)
        return m_pendingInput.size();
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void EciExecSession::resize(int columns, int rows)
{
    if (columns <= 0 || rows <= 0)
        return;
    m_options.columns = columns;
    m_options.rows = rows;
    if (m_connected && !m_ended && m_options.tty)
        sendResize();
}

void EciExecSession::sendResize()
{
    m_socket->sendBinaryMessage(EciExecChannel::encodeResize(m_options.columns, m_options.rows));
}

void EciExecSession::send(EciExecChannel::Channel channel, const QByteArray& bytes)
{
    for (const QByteArray& message : EciExecChannel::encodeData(channel, bytes))
        m_socket->sendBinaryMessage(message);
}

void EciExecSession::close()
{
    if (m_call)
        m_call->cancel();
    if (m_socket) {
        m_socket->disconnect(this);
        // A socket still in its handshake has no close handshake to wait for.
        if (m_connected)
            m_socket->close();
        else
            m_socket->abort();
    }
    if (!m_ended)
        end(Error::make(Error::Cancelled, tr("The session was closed.")));
}

void EciExecSession::end(const Error& error)
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT failed(error);
}

QString EciExecSession::withRequestId(const QString& detail) const
{
    if (m_requestId.isEmpty())
        return detail;
    return detail + QStringLiteral(" [RequestId: %1]").arg(m_requestId);
}
