#include "files/TarHeadSink.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The preview's sink against archives made by GNU tar in each of its formats.
class TestTarHeadSink final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsASmallFileWhole_data();
    void keepsASmallFileWhole();
    void keepsOnlyTheHeadOfALargeFile();
    void readsLongNamesInEveryFormat_data();
    void readsLongNamesInEveryFormat();
    void saysWhatIsNotAFile();
    void reportsAnEmptyFileAtOnce();
    void refusesWhatIsNotTar();
    void saysWhenTheArchiveEndsEarly();

private:
    QByteArray archive(const QString& name, const QStringList& options = {});
    void write(const QString& name, const QByteArray& data);
    static void feed(TarHeadSink& sink, const QByteArray& bytes, int chunk);

    QTemporaryDir m_dir;
};

void TestTarHeadSink::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestTarHeadSink::write(const QString& name, const QByteArray& data)
{
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

QByteArray TestTarHeadSink::archive(const QString& name, const QStringList& options)
{
    QProcess tar;
    tar.start(QStringLiteral("tar"), QStringList(options)
                                         << QStringLiteral("-C") << m_dir.path()
                                         << QStringLiteral("-cf") << QStringLiteral("-") << name);
    if (!tar.waitForFinished(60000) || tar.exitCode() != 0)
        qWarning() << "tar failed:" << tar.readAllStandardError();
    return tar.readAllStandardOutput();
}

void TestTarHeadSink::feed(TarHeadSink& sink, const QByteArray& bytes, int chunk)
{
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        const QByteArray part = bytes.mid(at, chunk);
        QCOMPARE(sink.write(part), part.size());
    }
}

void TestTarHeadSink::keepsASmallFileWhole_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("chunk");
    QTest::newRow("ustar, whole") << QStringLiteral("ustar") << 65536;
    QTest::newRow("ustar, one byte at a time") << QStringLiteral("ustar") << 1;
    QTest::newRow("pax, odd chunks") << QStringLiteral("pax") << 333;
    QTest::newRow("gnu") << QStringLiteral("gnu") << 4096;
}

void TestTarHeadSink::keepsASmallFileWhole()
{
    QFETCH(QString, format);
    QFETCH(int, chunk);
    write(QStringLiteral("small.txt"), "hello\nworld\n");
    const QByteArray bytes =
        archive(QStringLiteral("small.txt"), {QStringLiteral("--format=") + format});
    QVERIFY(!bytes.isEmpty());
    TarHeadSink sink(1024);
    QSignalSpy ready(&sink, &TarHeadSink::headReady);
    feed(sink, bytes, chunk);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(sink.kind(), TarHeadSink::Kind::File);
    QCOMPARE(sink.head(), QByteArray("hello\nworld\n"));
    QCOMPARE(sink.size(), 12);
    QVERIFY(!sink.isTruncated());
    QVERIFY(!sink.error().isError());
}

void TestTarHeadSink::keepsOnlyTheHeadOfALargeFile()
{
    QByteArray data;
    for (int i = 0; data.size() < 300 * 1024; ++i)
        data += QByteArray::number(i) + '\n';
    write(QStringLiteral("large.log"), data);
    const QByteArray bytes = archive(QStringLiteral("large.log"));
    TarHeadSink sink(64 * 1024);
    QSignalSpy ready(&sink, &TarHeadSink::headReady);
    feed(sink, bytes, 1000);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(sink.head(), data.left(64 * 1024));
    QCOMPARE(sink.size(), data.size());
    QVERIFY(sink.isTruncated());
    // Nothing waits in the sink: a producer that honours bytesToWrite() never stalls.
    QCOMPARE(sink.bytesToWrite(), 0);
}

void TestTarHeadSink::readsLongNamesInEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pax") << QStringLiteral("pax");
    QTest::newRow("gnu") << QStringLiteral("gnu");
}

void TestTarHeadSink::readsLongNamesInEveryFormat()
{
    QFETCH(QString, format);
    const QString name = QString(150, QLatin1Char('n')) + QStringLiteral(".txt");
    write(name, "long name content");
    const QByteArray bytes = archive(name, {QStringLiteral("--format=") + format});
    TarHeadSink sink(1024);
    feed(sink, bytes, 512);
    QVERIFY(sink.isReady());
    QCOMPARE(sink.kind(), TarHeadSink::Kind::File);
    QCOMPARE(sink.head(), QByteArray("long name content"));
}

void TestTarHeadSink::saysWhatIsNotAFile()
{
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("folder/inner")));
    TarHeadSink folder(1024);
    feed(folder, archive(QStringLiteral("folder")), 512);
    QCOMPARE(folder.kind(), TarHeadSink::Kind::Folder);

    QVERIFY(QFile::link(QStringLiteral("small.txt"), m_dir.filePath(QStringLiteral("link"))));
    TarHeadSink link(1024);
    feed(link, archive(QStringLiteral("link")), 512);
    QCOMPARE(link.kind(), TarHeadSink::Kind::Symlink);
    QVERIFY(link.head().isEmpty());
}

void TestTarHeadSink::reportsAnEmptyFileAtOnce()
{
    write(QStringLiteral("empty"), {});
    const QByteArray bytes = archive(QStringLiteral("empty"));
    TarHeadSink sink(1024);
    QSignalSpy ready(&sink, &TarHeadSink::headReady);
    feed(sink, bytes.left(512), 512);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(sink.kind(), TarHeadSink::Kind::File);
    QCOMPARE(sink.size(), 0);
    QVERIFY(!sink.isTruncated());
}

void TestTarHeadSink::refusesWhatIsNotTar()
{
    TarHeadSink sink(1024);
    feed(sink, QByteArray(2048, 'x'), 100);
    QVERIFY(sink.isReady());
    QCOMPARE(sink.error().kind, Error::Protocol);
    QCOMPARE(sink.kind(), TarHeadSink::Kind::Unknown);

    TarHeadSink zeros(1024);
    feed(zeros, QByteArray(1024, '\0'), 1024);
    QVERIFY(zeros.error().isError());
}

void TestTarHeadSink::saysWhenTheArchiveEndsEarly()
{
    write(QStringLiteral("cut.txt"), QByteArray(5000, 'c'));
    const QByteArray bytes = archive(QStringLiteral("cut.txt"));
    TarHeadSink sink(10000);
    feed(sink, bytes.left(512 + 1000), 300);
    QVERIFY(!sink.isReady());
    sink.finishInput();
    QVERIFY(sink.isReady());
    QVERIFY(sink.error().isError());
    QCOMPARE(sink.head().size(), 1000);
}

QTEST_GUILESS_MAIN(TestTarHeadSink)
#include "tst_tarheadsink.moc"
