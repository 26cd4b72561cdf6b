#pragma once

#include "EciExecChannel.h"
#include "sandbox/ExecSession.h"

#include <QPointer>

class EciClient;
class Job;
class QWebSocket;

// A process in an ECI container: ExecContainerCommand, then the WebSocket it returns, framed
// by EciExecChannel. An empty command opens an interactive shell (bash where the container has
// it, else sh). A command beyond the API's limits (20 items of 256 characters) is sent through
// stdin instead: the service runs a short loader that reads one line of base64 and evaluates
// it, so no end-of-file is needed and later input still reaches the command.
// ECI's exec channel has no end-of-file: closeStdin() sends Ctrl-D on a terminal, behind all
// input written before, and can do nothing without one.
class EciExecSession final : public ExecSession
{
    Q_OBJECT
public:
    EciExecSession(EciClient* client, const QString& regionId, const QString& groupId,
                   const QString& containerName, const ExecOptions& options,
                   QObject* parent = nullptr);
    ~EciExecSession() override;

    void start() override;
    void write(const QByteArray& bytes) override;
    void closeStdin() override;
    qint64 pendingInput() const override;
    void resize(int columns, int rows) override;
    void close() override;

    // The RequestId of the ExecContainerCommand call, once it answered.
    const QString& requestId() const { return m_requestId; }

    static constexpr int maxCommandItems = 20;
    static constexpr int maxCommandItemLength = 256;
    static bool fitsCommandLimit(const QStringList& command);
    // Options that run a shell script without a terminal, however long the script is.
    static ExecOptions scriptOptions(const QString& script);
    // What goes to ExecContainerCommand's Command for these options, and in *stdinPrefix what
    // must be written to stdin first (empty when the command fits the limits).
    static QStringList commandFor(const ExecOptions& options, QByteArray* stdinPrefix);

private:
    void onCallFinished(Job* job);
    void onConnected();
    void onDisconnected();
    void onFrame(EciExecChannel::Channel channel, const QByteArray& payload);
    void send(EciExecChannel::Channel channel, const QByteArray& bytes);
    void sendResize();
    void end(const Error& error);
    QString withRequestId(const QString& detail) const;

    QPointer<EciClient> m_client; // the backend's; it may go first
    QString m_regionId;
    QString m_groupId;
    QString m_containerName;
    ExecOptions m_options;
    QPointer<Job> m_call;
    QWebSocket* m_socket = nullptr;
    EciExecChannel m_channel;
    QString m_requestId;
    QByteArray m_stdinPrefix;
    QByteArray m_pendingInput;
    bool m_connected = false;
    bool m_stdinClosed = false;
    bool m_ended = false;
};
