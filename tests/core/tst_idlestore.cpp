#include "settings/IdleStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestIdleStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void optInsPersist();
    void seenStartsTheWatchAndNotesBusyTimes();
    void busyTimesWrittenSparingly();
    void anotherClientsWriteIsSeen();
    void forgetDropsASandbox();
};

void TestIdleStore::optInsPersist()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/idle.json"));
    IdleStore store(path);
    QVERIFY(!store.optedIn(QStringLiteral("a"), QStringLiteral("unix:///e.sock")));
    Error error;
    QVERIFY(store.setSandboxOptIn(QStringLiteral("a"), true, &error));
    QVERIFY(store.setConnectionOptIn(QStringLiteral("unix:///e.sock"), true, &error));
    QVERIFY(store.sandboxOptedIn(QStringLiteral("a")));
    QVERIFY(store.optedIn(QStringLiteral("b"), QStringLiteral("unix:///e.sock")));
    QVERIFY(!store.optedIn(QStringLiteral("b"), QStringLiteral("tcp://other:2376")));

    IdleStore reader(path);
    QVERIFY(reader.sandboxOptedIn(QStringLiteral("a")));
    QVERIFY(reader.connectionOptedIn(QStringLiteral("unix:///e.sock")));
    QVERIFY(!reader.sandboxOptedIn(QStringLiteral("b")));

    QVERIFY(store.setSandboxOptIn(QStringLiteral("a"), false, &error));
    QVERIFY(store.setConnectionOptIn(QStringLiteral("unix:///e.sock"), false, &error));
    IdleStore again(path);
    QVERIFY(!again.optedIn(QStringLiteral("a"), QStringLiteral("unix:///e.sock")));
}

void TestIdleStore::seenStartsTheWatchAndNotesBusyTimes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idle.json"));
    IdleStore store(path);
    const QDateTime t0(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QVERIFY(!store.seen(QStringLiteral("a")).watchedSince.isValid());
    Error error;
    QVERIFY(store.noteSeen(QStringLiteral("a"), false, t0, &error));
    QCOMPARE(store.seen(QStringLiteral("a")).watchedSince, t0);
    QVERIFY(!store.seen(QStringLiteral("a")).activeAt.isValid());
    // Seen again later: the watch started at the first look.
    QVERIFY(store.noteSeen(QStringLiteral("a"), false, t0.addSecs(600), &error));
    QCOMPARE(store.seen(QStringLiteral("a")).watchedSince, t0);
    QVERIFY(store.noteSeen(QStringLiteral("a"), true, t0.addSecs(900), &error));
    QCOMPARE(store.seen(QStringLiteral("a")).activeAt, t0.addSecs(900));
    // An older busy time never replaces a newer one.
    QVERIFY(store.noteSeen(QStringLiteral("a"), true, t0.addSecs(100), &error));
    IdleStore reader(path);
    QCOMPARE(reader.seen(QStringLiteral("a")).watchedSince, t0);
    QCOMPARE(reader.seen(QStringLiteral("a")).activeAt, t0.addSecs(900));
    // Opting in keeps what was seen, and the other way round.
    QVERIFY(store.setSandboxOptIn(QStringLiteral("a"), true, &error));
    IdleStore both(path);
    QVERIFY(both.sandboxOptedIn(QStringLiteral("a")));
    QCOMPARE(both.seen(QStringLiteral("a")).activeAt, t0.addSecs(900));
}

void TestIdleStore::busyTimesWrittenSparingly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idle.json"));
    IdleStore store(path);
    const QDateTime t0(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    Error error;
    QVERIFY(store.noteSeen(QStringLiteral("a"), true, t0, &error));
    QVERIFY(QFile::exists(path));
    QFile::remove(path); // a write would bring it back
    for (int i = 1; i <= IdleStore::BusyResolutionSeconds; ++i)
        QVERIFY(store.noteSeen(QStringLiteral("a"), true, t0.addSecs(i), &error));
    QVERIFY(!QFile::exists(path));
    QVERIFY(store.noteSeen(QStringLiteral("a"), true,
                           t0.addSecs(IdleStore::BusyResolutionSeconds + 1), &error));
    QVERIFY(QFile::exists(path));
}

void TestIdleStore::anotherClientsWriteIsSeen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idle.json"));
    IdleStore window(path);
    window.setWatching(true);
    QSignalSpy changed(&window, &IdleStore::changed);
    IdleStore sandboxctl(path);
    Error error;
    QVERIFY(sandboxctl.setSandboxOptIn(QStringLiteral("x"), true, &error));
    QTRY_VERIFY_WITH_TIMEOUT(window.sandboxOptedIn(QStringLiteral("x")), 5000);
    QVERIFY(changed.size() >= 1);
}

void TestIdleStore::forgetDropsASandbox()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idle.json"));
    IdleStore store(path);
    Error error;
    QVERIFY(store.setSandboxOptIn(QStringLiteral("a"), true, &error));
    QVERIFY(store.noteSeen(QStringLiteral("a"), false, QDateTime::currentDateTimeUtc(), &error));
    QVERIFY(store.setSandboxOptIn(QStringLiteral("b"), true, &error));
    store.forget(QStringLiteral("a"));
    IdleStore reader(path);
    QVERIFY(!reader.sandboxOptedIn(QStringLiteral("a")));
    QVERIFY(!reader.seen(QStringLiteral("a")).watchedSince.isValid());
    QVERIFY(reader.sandboxOptedIn(QStringLiteral("b")));
}

QTEST_GUILESS_MAIN(TestIdleStore)
#include "tst_idlestore.moc"
