#pragma once

#include "docker/DockerLogStream.h"
#include "sandbox/LogStream.h"

#include <QPointer>

class EciBackend;
class Job;
class QTimer;

// A container's log through DescribeContainerLog. ECI has no follow, so following is polling
// with timestamps: each poll starts a little before the newest line delivered, and what was
// delivered already is dropped, so that nothing repeats and nothing is lost. All lines are
// stdout: ECI does not keep the streams apart.
class EciLogStream final : public LogStream
{
    Q_OBJECT
public:
    // The service's limits on one answer.
    static constexpr int MaxTail = 2000;
    static constexpr int MaxLimitBytes = 1024 * 1024;

    EciLogStream(EciBackend* backend, const QString& id, const LogOptions& options);
    ~EciLogStream() override;

    void stop() override;
    // Between two polls while following (default 2 s); tests shorten it.
    void setPollInterval(int ms) { m_pollIntervalMs = ms; }
    QString containerName() const { return m_container; }

    struct Line
    {
        QByteArray bytes; // with its '\n'
        qint64 timestamp = 0;
    };
    // Content as DescribeContainerLog sends it with Timestamps=true, cut into lines. A last
    // piece without '\n' is left in *unfinished; a line without a time takes the one before.
    static QList<Line> parseContent(const QByteArray& content, QByteArray* unfinished);

private:
    void resolveContainer();
    void poll();
    void onPolled(Job* job);
    void deliver(const QByteArray& content, bool complete);
    void scheduleNext(int delayMs);
    void onSandboxChanged(const Sandbox& sandbox);
    void finishWith(const Error& error);

    QPointer<EciBackend> m_backend;
    QString m_id;
    LogOptions m_options;
    QString m_container;
    QString m_regionId;
    QPointer<Job> m_job;
    QTimer* m_timer;
    LogResumeFilter m_filter;
    int m_pollIntervalMs = 2000;
    int m_failures = 0;
    bool m_first = true;
    bool m_stopped = false;
    bool m_interrupted = false;      // a poll failed; resumed() follows the next good one
    bool m_paused = false;           // the group stopped; waiting for it to run again
    bool m_sentWhileStopped = false; // the poll in flight went out after the group stopped
    bool m_fullAnswer = false;       // the last answer hit a limit: more is waiting
    qint64 m_lowerBoundNs = 0;       // nothing older than this is shown (tail, since)
    qint64 m_openedAtNs = 0;
    qint64 m_earliestNs = 0; // of the first line delivered
};
