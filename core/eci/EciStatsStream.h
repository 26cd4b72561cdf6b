#pragma once

#include "sandbox/StatsStream.h"

#include <QDateTime>
#include <QPointer>

class EciBackend;
class Job;
class QTimer;

// ECI has no live stream: DescribeContainerGroupMetric keeps a point every 15 s. The stream
// asks for the last minutes now and then and passes on the points it has not passed on yet,
// with the group's memory as the limit. It ends when the group stops running or is gone.
class EciStatsStream final : public StatsStream
{
    Q_OBJECT
public:
    EciStatsStream(EciBackend* backend, const QString& id, int intervalMs);
    ~EciStatsStream() override;

    void start() override;
    void stop() override;

private:
    void poll();
    void finishWith(const Error& error);

    QPointer<EciBackend> m_backend;
    QString m_id;
    QTimer* m_timer;
    QPointer<Job> m_job;
    QDateTime m_last; // the newest point passed on
    bool m_started = false;
    bool m_done = false;
};
