#include "terminal/SessionRecorder.h"

#include <QRandomGenerator>
#include <QTest>

class TestSessionRecorder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inMemory()
    {
        SessionRecorder recorder(100, 30);
        recorder.record({5, SessionEvent::Kind::Output, "hello", 0, 0});
        recorder.record({7, SessionEvent::Kind::Input, "ls\r", 0, 0});
        recorder.record({9, SessionEvent::Kind::Resize, {}, 120, 40});
        recorder.record({9, SessionEvent::Kind::Output, {}, 0, 0}); // empty writes are dropped
        QVERIFY(!recorder.isSpilled());
        QCOMPARE(recorder.eventCount(), 3);
        SessionReader reader = recorder.reader();
        QCOMPARE(reader.initialColumns(), 100);
        QCOMPARE(reader.initialRows(), 30);
        SessionEvent e;
        QVERIFY(reader.next(&e));
        QCOMPARE(e.ms, 5);
        QCOMPARE(e.kind, SessionEvent::Kind::Output);
        QCOMPARE(e.data, QByteArray("hello"));
        QVERIFY(reader.next(&e));
        QCOMPARE(e.kind, SessionEvent::Kind::Input);
        QCOMPARE(e.data, QByteArray("ls\r"));
        QVERIFY(reader.next(&e));
        QCOMPARE(e.kind, SessionEvent::Kind::Resize);
        QCOMPARE(e.columns, 120);
        QCOMPARE(e.rows, 40);
        QVERIFY(!reader.next(&e));
        QVERIFY(!reader.hasError());
    }

    void spillsToFileAndReadsBackExactly()
    {
        const qint64 limit = 64 * 1024;
        SessionRecorder recorder(80, 24, limit);
        QList<SessionEvent> written;
        auto* random = QRandomGenerator::global();
        for (int i = 0; i < 500; ++i) {
            SessionEvent e;
            e.ms = i * 3;
            e.kind = i % 7 == 0 ? SessionEvent::Kind::Resize
                                : (i % 3 ? SessionEvent::Kind::Output : SessionEvent::Kind::Input);
            if (e.kind == SessionEvent::Kind::Resize) {
                e.columns = 40 + i % 100;
                e.rows = 10 + i % 50;
            } else {
                e.data.resize(1 + random->bounded(2000));
                for (char& c : e.data)
                    c = char(random->bounded(256));
            }
            recorder.record(e);
            written.append(e);
            if (i == 10) {
                // A reader taken before the spill still sees exactly its snapshot.
                SessionReader early = recorder.reader();
                int count = 0;
                SessionEvent r;
                while (early.next(&r))
                    ++count;
                QCOMPARE(count, 11);
            }
        }
        QVERIFY(recorder.isSpilled());
        QVERIFY(recorder.size() > limit);
        QVERIFY(!recorder.hasError());
        SessionReader reader = recorder.reader();
        QCOMPARE(reader.size(), recorder.size());
        // Events recorded after the snapshot are not part of it.
        recorder.record({9999, SessionEvent::Kind::Output, "late", 0, 0});
        SessionEvent e;
        for (const SessionEvent& expected : written) {
            QVERIFY(reader.next(&e));
            QCOMPARE(e.ms, expected.ms);
            QCOMPARE(e.kind, expected.kind);
            QCOMPARE(e.data, expected.data);
            QCOMPARE(e.columns, expected.columns);
            QCOMPARE(e.rows, expected.rows);
        }
        QVERIFY(!reader.next(&e));
        QVERIFY(!reader.hasError());
        QCOMPARE(reader.position(), reader.size());
    }

    void liveClock()
    {
        SessionRecorder recorder(80, 24);
        recorder.recordOutput("a");
        QTest::qWait(30);
        recorder.recordInput("b");
        recorder.recordResize(90, 20);
        SessionReader reader = recorder.reader();
        SessionEvent first;
        SessionEvent second;
        SessionEvent third;
        QVERIFY(reader.next(&first) && reader.next(&second) && reader.next(&third));
        QVERIFY(second.ms - first.ms >= 25);
        QCOMPARE(third.columns, 90);
        QVERIFY(recorder.startedAt().isValid());
    }
};

QTEST_GUILESS_MAIN(TestSessionRecorder)
#include "tst_sessionrecorder.moc"
