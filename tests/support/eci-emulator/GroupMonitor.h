#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class HttpClient;
class HttpReply;

// What the emulator learns from the engine about the containers it made: their events, from
// the engine's event stream (so DescribeContainerGroupEvents reports what really happened),
// and resource samples from the engine's stats API for DescribeContainerGroupMetric.
class GroupMonitor final : public QObject
{
public:
    struct Event
    {
        QString container; // the ECI container name
        QString reason;
        QString type; // Normal or Warning
        QString message;
        int count = 1;
        QDateTime first;
        QDateTime last;
    };

    struct Sample
    {
        QDateTime time;
        qint64 cpuTotalNs = 0; // cumulative
        qint64 memoryUsage = 0;
        qint64 memoryCache = 0;
        qint64 memoryRss = 0;
        qint64 memoryWorkingSet = 0;
        qint64 memoryLimit = 0;
    };

    explicit GroupMonitor(HttpClient* docker, QObject* parent = nullptr);

    // Subscribes to the engine's events; ready() is called once the stream is open.
    void start(const std::function<void(bool ok)>& ready);
    void setSampleInterval(int ms) { m_sampler.setInterval(ms); }

    QList<Event> events(const QString& groupId) const { return m_events.value(groupId); }
    // Starts the engine saw for a container, this emulator's lifetime.
    int starts(const QString& dockerId) const { return m_starts.value(dockerId); }

    // Samples the containers now and from then on every interval; done() when the first
    // samples are in.
    void watch(const QStringList& dockerIds, const std::function<void()>& done);
    QList<Sample> samples(const QString& dockerId) const { return m_samples.value(dockerId); }

private:
    void connectEvents(const std::function<void(bool ok)>& ready);
    void onEventData(const QByteArray& data);
    void onEvent(const QJsonObject& event);
    void record(const QString& groupId, Event event);
    void sample(const QString& dockerId, const std::function<void()>& done);
    void sampleAll();

    HttpClient* m_docker;
    QPointer<HttpReply> m_eventStream;
    QByteArray m_eventBuffer;
    qint64 m_lastEventSecs = 0;
    QHash<QString, QList<Event>> m_events;
    QHash<QString, int> m_starts;
    QHash<QString, QList<Sample>> m_samples;
    QStringList m_watched;
    // Containers with a stats request under way, and who waits for its answer.
    QHash<QString, QList<std::function<void()>>> m_sampling;
    QTimer m_sampler;
};
