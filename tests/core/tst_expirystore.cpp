#include "settings/ExpiryStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestExpiryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setLookupAndForget();
    void anotherClientsWriteIsSeen();
    void unreadableFileIsEmpty();
};

void TestExpiryStore::setLookupAndForget()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/lifetimes.json"));
    ExpiryStore store(path);
    QDateTime at;
    QVERIFY(!store.lookup(QStringLiteral("a"), &at));
    const QDateTime when(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    Error error;
    QVERIFY(store.set(QStringLiteral("a"), when, &error));
    QVERIFY(store.set(QStringLiteral("b"), {}, &error)); // no lifetime, said explicitly
    QVERIFY(store.lookup(QStringLiteral("a"), &at));
    QCOMPARE(at, when);
    QVERIFY(store.lookup(QStringLiteral("b"), &at));
    QVERIFY(!at.isValid());

    // What is written is what a fresh reader finds.
    ExpiryStore reader(path);
    QVERIFY(reader.lookup(QStringLiteral("a"), &at));
    QCOMPARE(at, when);
    QVERIFY(reader.lookup(QStringLiteral("b"), &at));
    QVERIFY(!at.isValid());

    store.forget(QStringLiteral("a"));
    ExpiryStore after(path);
    QVERIFY(!after.lookup(QStringLiteral("a"), &at));
    QVERIFY(after.lookup(QStringLiteral("b"), &at));
}

void TestExpiryStore::anotherClientsWriteIsSeen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lifetimes.json"));
    ExpiryStore window(path);
    window.setWatching(true);
    QSignalSpy changed(&window, &ExpiryStore::changed);
    ExpiryStore other(path); // sandboxctl, in another process in real life
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(3600);
    Error error;
    QVERIFY(other.set(QStringLiteral("x"), when, &error));
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 10000);
    QDateTime at;
    QVERIFY(window.lookup(QStringLiteral("x"), &at));
    QCOMPARE(at.toSecsSinceEpoch(), when.toSecsSinceEpoch());

    // A second write, to the file that now exists, is seen too.
    changed.clear();
    QVERIFY(other.set(QStringLiteral("x"), when.addSecs(60), &error));
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 10000);
    QVERIFY(window.lookup(QStringLiteral("x"), &at));
    QCOMPARE(at.toSecsSinceEpoch(), when.toSecsSinceEpoch() + 60);
    // Both writers' entries survive: each write reads the file first.
    QVERIFY(window.set(QStringLiteral("y"), when, &error));
    ExpiryStore fresh(path);
    QVERIFY(fresh.lookup(QStringLiteral("x"), &at) && fresh.lookup(QStringLiteral("y"), &at));
}

void TestExpiryStore::unreadableFileIsEmpty()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lifetimes.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"sandboxes\":{\"a\":{\"expiresAt\":\"not a time\"},\"b\":7}} trailing junk");
    file.close();
    ExpiryStore store(path);
    QDateTime at;
    QVERIFY(!store.lookup(QStringLiteral("a"), &at));
    QVERIFY(!store.lookup(QStringLiteral("b"), &at));
    Error error;
    QVERIFY(store.set(QStringLiteral("c"), QDateTime::currentDateTimeUtc(), &error));
    QVERIFY(ExpiryStore(path).lookup(QStringLiteral("c"), &at));
}

QTEST_GUILESS_MAIN(TestExpiryStore)
#include "tst_expirystore.moc"
