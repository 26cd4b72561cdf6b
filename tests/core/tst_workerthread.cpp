#include "sandbox/WorkerThread.h"

#include <QFile>
#include <QProcess>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

class TestWorkerThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void threadsHaveTheirOwnParent();
    void postsRunOnTheStartingThread();
    void stopDoesNotWait();
    void exitWaitsForRunningWork();
};

// The threads' parent is the application's worker-thread keeper, which waits for them when the
// application goes; no other child of the application (such as its event dispatcher, which
// the application has before any thread is started) is taken for it.
void TestWorkerThread::threadsHaveTheirOwnParent()
{
    QVERIFY(!QCoreApplication::instance()->children().isEmpty());
    auto release = std::make_shared<QSemaphore>();
    // Let go however the test ends, so that no thread is left waiting.
    const std::shared_ptr<void> letGo(nullptr, [release](void*) { release->release(); });
    QPointer<QThread> thread = WorkerThread::start([release] { release->acquire(); });
    QVERIFY(thread);
    QObject* keeper = thread->parent();
    QVERIFY(keeper);
    QCOMPARE(keeper->parent(), QCoreApplication::instance());
    QCOMPARE(keeper->objectName(), QStringLiteral("sandboxdesk-worker-threads"));
    QCOMPARE(keeper->metaObject(), &QObject::staticMetaObject);
    release->release();
    QTRY_VERIFY_WITH_TIMEOUT(thread.isNull(), 30000);
}

void TestWorkerThread::postsRunOnTheStartingThread()
{
    QList<int> received;
    QThread* from = nullptr;
    QPointer<QThread> thread = WorkerThread::start([&] {
        for (int i = 0; i < 100; ++i)
            WorkerThread::post([&received, &from, i] {
                from = QThread::currentThread();
                received << i;
            });
    });
    QVERIFY(thread);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 100, 30000);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(received.at(i), i);
    QCOMPARE(from, QThread::currentThread());
    // Once its work has returned, the thread object deletes itself.
    QTRY_VERIFY_WITH_TIMEOUT(thread.isNull(), 30000);
}

void TestWorkerThread::stopDoesNotWait()
{
    // The work holds on until the test lets it go, which the test does only after stop() has
    // returned: a stop() that waited for the thread would never return.
    auto release = std::make_shared<QSemaphore>();
    auto sawStop = std::make_shared<std::atomic<bool>>(false);
    QPointer<QThread> thread = WorkerThread::start([release, sawStop] {
        while (!WorkerThread::isStopRequested())
            QThread::msleep(1);
        sawStop->store(true);
        release->acquire();
    });
    QPointer<QThread> handle = thread;
    WorkerThread::stop(handle);
    QVERIFY(handle.isNull());
    QVERIFY(thread);
    QTRY_VERIFY_WITH_TIMEOUT(sawStop->load(), 30000);
    QVERIFY(thread && thread->isRunning());
    release->release();
    QTRY_VERIFY_WITH_TIMEOUT(thread.isNull(), 30000);
}

void TestWorkerThread::exitWaitsForRunningWork()
{
    // This program again, as an application that leaves main() while its worker still runs.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("probe"));
    QProcess process;
    process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--exit-probe"), file});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    // The worker was asked to stop when the application object went, and was waited for.
    QFile probe(file);
    QVERIFY(probe.open(QIODevice::ReadOnly));
    QCOMPARE(probe.readAll(), QByteArray("stopped"));
    QVERIFY2(!process.readAllStandardError().contains("QThread"), "a thread outlived the app");
}

// The other half of exitWaitsForRunningWork.
static int exitProbe(int argc, char* argv[], const QString& file)
{
    QCoreApplication app(argc, argv);
    WorkerThread::start([file] {
        while (!WorkerThread::isStopRequested())
            QThread::msleep(1);
        QThread::msleep(200); // long enough that leaving without waiting would show
        QFile out(file);
        if (out.open(QIODevice::WriteOnly))
            out.write("stopped");
    });
    return 0;
}

int main(int argc, char* argv[])
{
    if (argc == 3 && qstrcmp(argv[1], "--exit-probe") == 0)
        return exitProbe(argc, argv, QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TestWorkerThread test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_workerthread.moc"
