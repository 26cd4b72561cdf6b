#include "sandbox/Backend.h"
#include "sandbox/SandboxSet.h"
#include "sandbox/StatsMonitor.h"
#include "sandbox/StatsStream.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// A stream the test drives by hand; counts how many exist and how many were started.
class FakeStream final : public StatsStream
{
public:
    explicit FakeStream(int* alive)
        : m_alive(alive)
    {
        ++*m_alive;
    }
    ~FakeStream() override { --*m_alive; }
    void start() override { started = true; }
    void stop() override { stopped = true; }
    void sample(double cpu)
    {
        ResourceSample s;
        s.time = QDateTime::currentDateTimeUtc();
        s.cpuPercent = cpu;
        Q_EMIT sampled(s);
    }
    void end() { Q_EMIT ended(); }
    bool started = false;
    bool stopped = false;

private:
    int* m_alive;
};

class LiveBackend final : public Backend
{
public:
    explicit LiveBackend(const QString& id)
        : m_id(id)
    {}
    QString id() const override { return m_id; }
    QString displayName() const override { return m_id; }
    QString endpointDescription() const override { return {}; }
    Capabilities capabilities() const override { return HasLiveStats; }
    bool isSettled() const override { return true; }
    void connectToBackend() override {}
    void disconnectFromBackend() override {}
    ResultJob<QString>* create(const SandboxSpec&) override { return nullptr; }
    Job* perform(Action, const QString&) override { return nullptr; }
    Job* remove(const QString&, bool) override { return nullptr; }
    ResultJob<QJsonObject>* inspect(const QString&) override { return nullptr; }
    ResultJob<QStringList>* listImages() override { return nullptr; }
    Job* pullImage(const QString&) override { return nullptr; }
    LogStream* openLogs(const QString&, const LogOptions&) override { return nullptr; }
    StatsStream* openStats(const QString& id) override
    {
        auto* stream = new FakeStream(&alive);
        streams[id] = stream;
        ++opened;
        return stream;
    }

    void put(const QString& id, SandboxStatus status)
    {
        Sandbox s;
        s.backendId = this->id();
        s.id = id;
        s.status = status;
        liveSet()->upsert(s);
    }

    QHash<QString, QPointer<FakeStream>> streams;
    int alive = 0;
    int opened = 0;

private:
    QString m_id;
};

} // namespace

class TestStatsMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensOnlyWhatRunsAndIsWatched();
    void closesWhatIsNoLongerWatched();
    void keepsBoundedHistory();
    void reopensWhenTheSandboxStartsAgain();
};

void TestStatsMonitor::opensOnlyWhatRunsAndIsWatched()
{
    LiveBackend backend(QStringLiteral("b"));
    for (const char* id : {"r1", "r2", "r3"})
        backend.put(QLatin1String(id), SandboxStatus::Running);
    backend.put(QStringLiteral("x"), SandboxStatus::Exited);
    StatsMonitor monitor;
    monitor.setWatched({{&backend, QStringLiteral("r1")},
                        {&backend, QStringLiteral("r2")},
                        {&backend, QStringLiteral("x")}});
    QCOMPARE(monitor.openStreams(), 2);
    QCOMPARE(backend.alive, 2);
    QVERIFY(backend.streams.value(QStringLiteral("r1"))->started);
    QVERIFY(!backend.streams.contains(QStringLiteral("r3"))); // not on screen: no stream
    QVERIFY(!backend.streams.contains(QStringLiteral("x")));  // not running: no stream

    QSignalSpy updated(&monitor, &StatsMonitor::updated);
    backend.streams.value(QStringLiteral("r1"))->sample(42);
    backend.streams.value(QStringLiteral("r1"))->sample(43);
    QTRY_COMPARE(updated.count(), 1); // two samples, one notice
    ResourceSample latest;
    QVERIFY(monitor.latest(QStringLiteral("b"), QStringLiteral("r1"), &latest));
    QCOMPARE(latest.cpuPercent, 43.0);
    QVERIFY(!monitor.latest(QStringLiteral("b"), QStringLiteral("r2"), &latest));
}

void TestStatsMonitor::closesWhatIsNoLongerWatched()
{
    LiveBackend backend(QStringLiteral("b"));
    for (const char* id : {"r1", "r2", "r3"})
        backend.put(QLatin1String(id), SandboxStatus::Running);
    StatsMonitor monitor;
    monitor.setWatched({{&backend, QStringLiteral("r1")}, {&backend, QStringLiteral("r2")}});
    QCOMPARE(backend.alive, 2);
    // Scrolled: r1 leaves the screen, r3 comes; r2's stream is kept, not reopened.
    monitor.setWatched({{&backend, QStringLiteral("r2")}, {&backend, QStringLiteral("r3")}});
    QCOMPARE(backend.alive, 2);
    QCOMPARE(backend.opened, 3);
    QVERIFY(!backend.streams.value(QStringLiteral("r1"))); // closed and gone
    // The view closes: every stream goes.
    monitor.clear();
    QCOMPARE(backend.alive, 0);
    QCOMPARE(monitor.openStreams(), 0);

    // And when the monitor itself goes.
    {
        StatsMonitor other;
        other.setWatched({{&backend, QStringLiteral("r1")}});
        QCOMPARE(backend.alive, 1);
    }
    QCOMPARE(backend.alive, 0);
}

void TestStatsMonitor::keepsBoundedHistory()
{
    LiveBackend backend(QStringLiteral("b"));
    backend.put(QStringLiteral("r"), SandboxStatus::Running);
    StatsMonitor monitor;
    monitor.setWatched({{&backend, QStringLiteral("r")}});
    for (int i = 0; i < StatsMonitor::HistorySize + 50; ++i)
        backend.streams.value(QStringLiteral("r"))->sample(i);
    const QList<ResourceSample> history = monitor.history(QStringLiteral("b"), QStringLiteral("r"));
    QCOMPARE(history.size(), StatsMonitor::HistorySize);
    QCOMPARE(history.first().cpuPercent, 50.0);
    QCOMPARE(history.last().cpuPercent, double(StatsMonitor::HistorySize + 49));
    const QList<qreal> recent =
        monitor.recent(QStringLiteral("b"), QStringLiteral("r"), StatsMonitor::Field::Cpu, 3);
    QCOMPARE(recent, (QList<qreal>{qreal(StatsMonitor::HistorySize + 47),
                                   qreal(StatsMonitor::HistorySize + 48),
                                   qreal(StatsMonitor::HistorySize + 49)}));
    monitor.clear();
    QVERIFY(monitor.history(QStringLiteral("b"), QStringLiteral("r")).isEmpty());
}

void TestStatsMonitor::reopensWhenTheSandboxStartsAgain()
{
    LiveBackend backend(QStringLiteral("b"));
    backend.put(QStringLiteral("r"), SandboxStatus::Running);
    StatsMonitor monitor;
    monitor.setWatched({{&backend, QStringLiteral("r")}});
    backend.put(QStringLiteral("r"), SandboxStatus::Exited);
    backend.streams.value(QStringLiteral("r"))->end();
    QCOMPARE(monitor.openStreams(), 0);
    QTRY_COMPARE(backend.alive, 0); // the ended stream is deleted
    backend.put(QStringLiteral("r"), SandboxStatus::Running);
    QCOMPARE(monitor.openStreams(), 1);
    QCOMPARE(backend.opened, 2);
}

QTEST_GUILESS_MAIN(TestStatsMonitor)
#include "tst_statsmonitor.moc"
