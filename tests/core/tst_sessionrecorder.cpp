#include "logs/LogBuffer.h"
#include "sandbox/SpillFiles.h"
#include "terminal/SessionRecorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <sys/stat.h>

namespace {

int modeOf(const QString& path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

// The spill files of this process whose name has kind in it.
QStringList ownSpillFiles(const QString& kind)
{
    return QDir(SpillFiles::folder())
        .entryList({QStringLiteral("%1-%2-*").arg(QCoreApplication::applicationPid()).arg(kind)},
                   QDir::Files);
}

} // namespace

class TestSessionRecorder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void skipsInputWhenAsked()
    {
        SessionRecorder recorder(80, 24);
        recorder.record({1, SessionEvent::Kind::Output, "Password: ", 0, 0});
        recorder.record({2, SessionEvent::Kind::Input, "secret\r", 0, 0});
        recorder.record({3, SessionEvent::Kind::Output, "ok", 0, 0});
        SessionReader reader = recorder.reader();
        reader.setSkipInput(true);
        SessionEvent event;
        QList<QByteArray> seen;
        while (reader.next(&event)) {
            QVERIFY(event.kind != SessionEvent::Kind::Input);
            seen << event.data;
        }
        QCOMPARE(seen, (QList<QByteArray>{"Password: ", "ok"}));
        QVERIFY(!reader.hasError());
    }

    // Spill files are in our own folder (0700), readable by the user only (0600), named after
    // the process; those of a process that is gone are removed, the others stay.
    void spillFilesArePrivateAndStaleOnesGo()
    {
        const QString folder = SpillFiles::folder();
        QCOMPARE(modeOf(folder), 0700);
        SessionRecorder recorder(80, 24, 1024);
        recorder.recordOutput(QByteArray(4096, 'x'));
        QVERIFY(recorder.isSpilled());
        // Qt makes an unnamed file where it can (Linux O_TMPFILE, which no crash leaves
        // behind); reading it back for an export gives it its name.
        SessionReader reader = recorder.reader();
        QVERIFY(!reader.hasError());
        const QStringList sessions = ownSpillFiles(QStringLiteral("session"));
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(modeOf(QDir(folder).filePath(sessions.first())), 0600);

        LogBuffer logs(8192, 4096);
        for (int i = 0; i < 2000; ++i)
            logs.append(LogStream::Stream::Stdout, QByteArray(64, 'y') + '\n', 0);
        logs.flush();
        QVERIFY(logs.spilledBytes() > 0);
        for (const QString& name : QDir(folder).entryList(QDir::Files))
            QCOMPARE(modeOf(QDir(folder).filePath(name)), 0600);

        // A process that has ended leaves its pid unused for a while.
        QProcess ended;
        ended.start(QStringLiteral("true"), {});
        QVERIFY(ended.waitForStarted());
        const qint64 gonePid = ended.processId();
        QVERIFY(ended.waitForFinished());
        const QString stale = QDir(folder).filePath(QStringLiteral("%1-log-AbCdEf").arg(gonePid));
        const QString live = QDir(folder).filePath(QStringLiteral("1-log-AbCdEf")); // init runs
        for (const QString& path : {stale, live}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("left by a crash");
        }
        QCOMPARE(SpillFiles::removeStale(), 1);
        QVERIFY(!QFile::exists(stale));
        QVERIFY(QFile::exists(live));
        QCOMPARE(ownSpillFiles(QStringLiteral("session")), sessions);
        QVERIFY(QFile::remove(live));
    }

    // Spill files together stay under their disk limit: a log drops its oldest lines and says
    // so, a recording stops; what they took is given back when they go.
    void spillFilesStopAtTheDiskLimit()
    {
        const qint64 before = SpillFiles::reserved();
        SpillFiles::setDiskLimit(before + 64 * 1024);
        {
            LogBuffer logs(8192, 4096);
            for (int i = 0; i < 4000; ++i)
                logs.append(LogStream::Stream::Stdout, QByteArray(64, 'q') + '\n', 0);
            logs.flush();
            QVERIFY(logs.spilledBytes() > 0);
            QVERIFY(logs.spilledBytes() <= 64 * 1024);
            QVERIFY2(logs.errorString().contains(QLatin1String("the most they may")),
                     qPrintable(logs.errorString()));
            QCOMPARE(logs.count(), 4000);

            SessionRecorder recorder(80, 24, 1024);
            for (int i = 0; i < 40 && !recorder.hasError(); ++i)
                recorder.recordOutput(QByteArray(4096, 'r'));
            QVERIFY(recorder.hasError());
            QVERIFY(SpillFiles::reserved() <= before + 64 * 1024);
        }
        QCOMPARE(SpillFiles::reserved(), before);
        SpillFiles::setDiskLimit(SpillFiles::DefaultDiskLimit);
    }

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
