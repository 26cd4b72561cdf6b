#pragma once

#include "sandbox/ExecSession.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QWebSocketServer>

class HttpClient;

// The WebSocket side of ExecContainerCommand: single-use URLs valid for 30 seconds, each
// bridged to a Docker exec in the container, framed by EciExecChannel.
class ExecBridge final : public QObject
{
public:
    explicit ExecBridge(HttpClient* docker, QObject* parent = nullptr);

    bool listen(const QHostAddress& address);
    QString errorString() const { return m_server.errorString(); }

    // A ws:// URL for one connection that runs the command in the container.
    QString issue(const QString& dockerId, const ExecOptions& options);

    // How long an issued URL stays usable: 30 s as the service says; shorter in tests.
    int validityMs = 30000;
    // Fault injection: the next N sessions are cut (no close frame) after their first output.
    int dropAfterFirstOutput = 0;
    // Fault injection: the next N sessions get a frame on an unknown channel after their first
    // output.
    int garbleAfterFirstOutput = 0;

private:
    struct Ticket
    {
        QString dockerId;
        ExecOptions options;
        QDateTime expires;
    };

    void onNewConnection();
    void bridge(QWebSocket* socket, const Ticket& ticket);

    HttpClient* m_docker;
    QWebSocketServer m_server;
    QHash<QString, Ticket> m_tickets;
};
