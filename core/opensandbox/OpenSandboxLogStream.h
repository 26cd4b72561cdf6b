#pragma once

#include "docker/DockerLogStream.h"
#include "sandbox/LogStream.h"

#include <QPointer>

class Job;
class OpenSandboxBackend;
class QTimer;

// A sandbox's output through the server's diagnostics (GET …/diagnostics/logs?scope=container),
// which answers with the container's recent log as text, each line behind its time. Following
// is polling: what was delivered already is dropped by its time and content, so nothing
// repeats and nothing is lost. All lines are stdout: the diagnostics do not keep the streams
// apart.
class OpenSandboxLogStream final : public LogStream
{
    Q_OBJECT
public:
    OpenSandboxLogStream(OpenSandboxBackend* backend, const QString& id, const LogOptions& options);
    ~OpenSandboxLogStream() override;

    void stop() override;
    // Between two polls while following (default 2 s); tests shorten it.
    void setPollInterval(int ms) { m_pollIntervalMs = ms; }

private:
    void poll();
    void onPolled(Job* job);
    void deliver(const QByteArray& content);
    void finishWith(const Error& error);

    QPointer<OpenSandboxBackend> m_backend;
    QString m_id;
    LogOptions m_options;
    QPointer<Job> m_job;
    QTimer* m_timer;
    LogResumeFilter m_filter;
    int m_pollIntervalMs = 2000;
    int m_failures = 0;
    qint64 m_lowerBoundNs = 0;
    bool m_first = true;
    bool m_interrupted = false;
    bool m_stopped = false;
};
