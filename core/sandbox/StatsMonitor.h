#pragma once

#include "Sandbox.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>

class Backend;
class QTimer;
class StatsStream;

// Live resource use of the sandboxes a view shows, for every backend alike: one stats stream
// per watched running sandbox whose backend has HasLiveStats, none for anything else. What is
// no longer watched has its stream closed and its history dropped, so that a list of hundreds
// costs only the rows on screen. Views hear of new samples at most a few times a second.
class StatsMonitor final : public QObject
{
    Q_OBJECT
public:
    // Samples kept per sandbox: five minutes of Docker's one a second.
    static constexpr int HistorySize = 300;

    struct Target
    {
        QPointer<Backend> backend;
        QString id;
    };

    explicit StatsMonitor(QObject* parent = nullptr);
    ~StatsMonitor() override;

    // Streams for exactly these sandboxes; the rest close.
    void setWatched(const QList<Target>& targets);
    void clear() { setWatched({}); }

    // Oldest first; empty when nothing was measured.
    QList<ResourceSample> history(const QString& backendId, const QString& id) const;
    bool latest(const QString& backendId, const QString& id, ResourceSample* sample) const;
    enum class Field
    {
        Cpu,
        Memory
    };
    // The last `count` values of one field, oldest first, for a sparkline: cheap enough to ask
    // for every row at every repaint.
    QList<qreal> recent(const QString& backendId, const QString& id, Field field, int count) const;
    int openStreams() const;
    int watchedCount() const { return int(m_watches.size()); }

Q_SIGNALS:
    // New samples arrived since the last time (coalesced).
    void updated();

private:
    struct Watch
    {
        QPointer<Backend> backend;
        QString id;
        StatsStream* stream = nullptr;
        std::deque<ResourceSample> samples;
    };

    static QString keyOf(const QString& backendId, const QString& id);
    void open(Watch& watch);
    void close(Watch& watch);
    void follow(Backend* backend);
    void onSandboxChanged(Backend* backend, const Sandbox& sandbox);

    QHash<QString, Watch> m_watches;
    QList<QPointer<Backend>> m_followed;
    QTimer* m_notify;
};
