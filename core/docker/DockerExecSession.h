#pragma once

#include "DockerStreamDemuxer.h"
#include "sandbox/ExecSession.h"

#include <QPointer>

class HttpClient;
class HttpReply;
class QIODevice;

// Docker exec: create, start with a connection upgrade, then the raw stream both ways;
// the exit code comes from exec inspect once the stream ends.
class DockerExecSession final : public ExecSession
{
    Q_OBJECT
public:
    DockerExecSession(HttpClient* http, const QString& containerId, const ExecOptions& options,
                      QObject* parent = nullptr);
    ~DockerExecSession() override;

    void start() override;
    void write(const QByteArray& bytes) override;
    void closeStdin() override;
    qint64 pendingInput() const override;
    void resize(int columns, int rows) override;
    void close() override;

    const QString& execId() const { return m_execId; }

    // The command that picks bash where the sandbox has it, else sh.
    static QStringList defaultShell();

private:
    void onCreated(HttpReply* reply);
    void onUpgraded(HttpReply* reply);
    void onData(const QByteArray& bytes);
    void onStreamEnded();
    void onInputWritten();
    // Half-closes the connection once nothing written waits in its queue.
    void endInputWhenWritten();
    void sendResize();
    // The create or start request in flight, if any, is abandoned.
    void abortCall();
    void releaseConnection();
    void end(const Error& error);

    QPointer<HttpClient> m_http; // the backend's; it may go first
    QString m_containerId;
    ExecOptions m_options;
    QString m_execId;
    QPointer<HttpReply> m_call;
    QIODevice* m_connection = nullptr;
    DockerStreamDemuxer m_demuxer;
    QByteArray m_pendingInput;
    bool m_stdinClosePending = false;
    bool m_stdinClosed = false;
    bool m_streamEnded = false;
    bool m_ended = false;
};
