#pragma once

#include "ExecdAddress.h"
#include "ExecdEventParser.h"
#include "sandbox/ExecSession.h"

#include <QJsonObject>
#include <QPointer>

class HttpClient;
class HttpReply;
class OpenSandboxBackend;
class QTimer;

// A command run by execd (POST /command, its output streamed as events), reached through the
// server's endpoint for port 44772 or through the server's proxy. stdout and stderr arrive
// apart; the exit code comes from the error event's value, or 0 on completion.
//
// The command runs under a small wrapper that also copies its stdout and stderr into two files
// in the sandbox. When the stream drops before the command ends, the command goes on (execd
// runs it whatever becomes of the stream); the session then polls the command's status until
// it has ended, reads from those files what the stream had not delivered yet, and finishes with
// the exit code: nothing is lost. The files are removed afterwards.
//
// A session asked for a terminal runs in one of execd's interactive sessions instead (POST
// /pty, then ExecdPtySession over its WebSocket), its environment set by the command line it
// gives execd. An execd without them (404, or 501 where it cannot) runs the command the first
// way, without a terminal; so does a session for another user, which /pty cannot start. Such a
// session says so on stderr before the command's output, as execd's commands take no input.
class OpenSandboxExecSession final : public ExecSession
{
    Q_OBJECT
public:
    OpenSandboxExecSession(OpenSandboxBackend* backend, const QString& sandboxId,
                           const ExecOptions& options);
    ~OpenSandboxExecSession() override;

    void start() override;
    void write(const QByteArray& bytes) override;
    void closeStdin() override;
    qint64 pendingInput() const override;
    void resize(int columns, int rows) override;
    void close() override;

    // execd's id of the command, once it has started.
    QString commandId() const { return m_commandId; }
    // Whether the stream dropped and the rest was recovered from the sandbox's files.
    bool recovered() const { return m_recovering; }
    // Whether the session runs in a terminal of execd's (false until started).
    bool hasTerminal() const { return m_pty != nullptr; }
    // Between two looks at a command whose stream dropped (default 250 ms).
    void setStatusPollInterval(int ms) { m_statusPollMs = ms; }

    // The wrapper around a command line; files under prefix (no quotes in it).
    static QString wrapped(const QString& commandLine, const QString& prefix);
    // The command line an interactive session of execd runs for these options: the
    // environment exported, then the command, or bash where the sandbox has it, else sh.
    // Empty when execd's own shell will do.
    static QString ptyCommandLine(const ExecOptions& options);

private:
    void onEndpoint(const QJsonObject& answer);
    void openPty();
    void runCommand(const QString& note);
    void onEvents(const QByteArray& bytes);
    void handleEvent(const QByteArray& payload);
    void onStreamFinished(HttpReply* reply);
    void pollStatus();
    void fetchRest(int index);
    void cleanUp();
    void deliver(Stream stream, const QByteArray& bytes);
    void end(int exitCode);
    void fail(const Error& error);
    HttpReply* send(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
                    bool streaming = false);

    QPointer<OpenSandboxBackend> m_backend;
    QString m_sandboxId;
    ExecOptions m_options;
    QString m_filePrefix;
    HttpClient* m_execd = nullptr;
    QByteArray m_pathPrefix;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    ExecdAddress m_address;
    QPointer<HttpReply> m_stream;
    ExecSession* m_pty = nullptr;
    QString m_ptyId;
    QByteArray m_earlyInput; // written before the session knew whether it has a terminal
    bool m_earlyStdinClosed = false;
    ExecdEventParser m_parser;
    QTimer* m_poll;
    QString m_commandId;
    qint64 m_delivered[2] = {0, 0}; // stdout, stderr bytes delivered
    int m_exitCode = -1;
    QString m_errorValue;
    bool m_complete = false; // a terminal event arrived
    bool m_recovering = false;
    bool m_started = false;
    bool m_ended = false;
    int m_statusPollMs = 250;
    int m_statusFailures = 0;
};
