#pragma once

#include "RunRequest.h"
#include "sandbox/Error.h"
#include "sandbox/ExecSession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class Backend;

// How a run ended: the process's exit status (128+N after signal N), how long it took, and
// whether it was stopped by cancel() or its time limit. error is set only when the run
// could not be followed to its end (no exec, a broken connection); exitCode is -1 then.
struct RunResult
{
    int exitCode = -1;
    qint64 durationMs = 0;
    bool timedOut = false;
    bool cancelled = false;
    Error error;
};

// One process run in a sandbox through its backend's exec sessions (RunScript), with stdout
// and stderr apart as they arrive. cancel() and the request's time limit stop the process in
// the sandbox, with everything it started: TERM, then KILL after the grace. finished() comes
// once.
class Run final : public QObject
{
    Q_OBJECT
public:
    Run(Backend* backend, const QString& sandboxId, const RunRequest& request,
        QObject* parent = nullptr);
    ~Run() override;
    Q_DISABLE_COPY_MOVE(Run)

    const RunRequest& request() const { return m_request; }
    void start();
    void cancel();
    bool isFinished() const { return m_finished; }
    const RunResult& result() const { return m_result; }
    // The process's id in the sandbox (its process group's, too), once it has started.
    qint64 processId() const { return m_pid; }

    // How long a stopped process has between TERM and KILL.
    void setGraceMs(int ms) { m_graceMs = ms; }
    static constexpr int defaultGraceMs = 2000;

Q_SIGNALS:
    void started();
    void received(ExecSession::Stream stream, const QByteArray& bytes);
    void finished();

private:
    void onReceived(ExecSession::Stream stream, const QByteArray& bytes);
    void onEnded(int exitCode, const Error& error);
    void stop();
    void sendKill();
    void finish();

    QPointer<Backend> m_backend;
    QString m_sandboxId;
    RunRequest m_request;
    ExecSession* m_session = nullptr;
    QElapsedTimer m_clock;
    QTimer m_timeout;
    QTimer m_backstop;       // gives up on an exec that does not end after its process was stopped
    QByteArray m_stderrLine; // stderr held back until the pid line has come
    qint64 m_pid = -1;
    bool m_stopWanted = false;
    bool m_killSent = false;
    bool m_finished = false;
    int m_graceMs = defaultGraceMs;
    RunResult m_result;
};
