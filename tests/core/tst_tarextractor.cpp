#include "TarTestSupport.h"
#include "files/TarExtractor.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestTarExtractor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void splitsNames_data();
    void splitsNames();
    void extractsFilesFoldersAndLinks();
    void refusesBreakouts_data();
    void refusesBreakouts();
    void refusesSpecialFiles();
    void stripsSetuidAndSetgid();
    void keepsWhatCameBeforeADamagedEnd();
    void abortRemovesEverythingItMade();
    void appliesConflictChoices();
    void reportsConsumedBytes();
    void takesWhatComesAfterTheEnd();

private:
    // The target inside a parent that stands for "outside": nothing may appear there.
    std::unique_ptr<QTemporaryDir> m_parent;
    QString m_target;
    QStringList outsideBefore;
    QStringList outside() const;
};

QStringList TestTarExtractor::outside() const
{
    QStringList names = treeOf(m_parent->path());
    names.removeIf([](const QString& name) { return name.startsWith(QLatin1String("target/")); });
    return names;
}

void TestTarExtractor::init()
{
    m_parent = std::make_unique<QTemporaryDir>();
    QVERIFY(m_parent->isValid());
    QVERIFY(QDir(m_parent->path()).mkdir(QStringLiteral("target")));
    QVERIFY(QDir(m_parent->path()).mkdir(QStringLiteral("secret")));
    QFile secret(m_parent->filePath(QStringLiteral("secret/key")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("private");
    secret.close();
    m_target = m_parent->filePath(QStringLiteral("target"));
    outsideBefore = outside();
}

void TestTarExtractor::splitsNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArrayList>("parts");
    QTest::addColumn<bool>("refused");
    QTest::newRow("plain") << QByteArray("a/b") << QByteArrayList{"a", "b"} << false;
    QTest::newRow("dots") << QByteArray("./a/./b/") << QByteArrayList{"a", "b"} << false;
    QTest::newRow("itself") << QByteArray("./") << QByteArrayList{} << false;
    QTest::newRow("absolute") << QByteArray("/etc/passwd") << QByteArrayList{} << true;
    QTest::newRow("dotdot") << QByteArray("a/../../b") << QByteArrayList{} << true;
    QTest::newRow("dotdot last") << QByteArray("a/..") << QByteArrayList{} << true;
    QTest::newRow("dots in a name") << QByteArray("a/..b") << QByteArrayList{"a", "..b"} << false;
}

void TestTarExtractor::splitsNames()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArrayList, parts);
    QFETCH(bool, refused);
    QString why;
    QCOMPARE(TarExtractor::splitEntryName(name, &why), parts);
    QCOMPARE(!why.isEmpty(), refused);
}

void TestTarExtractor::extractsFilesFoldersAndLinks()
{
    const QByteArray tar = TarBuilder()
                               .folder("top", 0750)
                               .file("top/a file", "alpha\n", 0640)
                               .file("top/empty", {})
                               .file("top/new\nline", "n")
                               .symlink("top/link", "a file")
                               .hardlink("top/hard", "top/a file")
                               .folder("top/ro", 0555)
                               .file("top/ro/inside", "x")
                               .finish();
    TarExtractor extractor(m_target);
    QVERIFY(extractAll(extractor, tar, 7));
    QCOMPARE(extractor.error().kind, Error::None);
    QCOMPARE(extractor.refusals(), QStringList());
    QCOMPARE(extractor.topNames(), QList<QByteArray>{"top"});
    QFile file(m_target + QStringLiteral("/top/a file"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("alpha\n"));
    QCOMPARE(QFileInfo(file).size(), 6);
    QCOMPARE(QFileInfo(m_target + QStringLiteral("/top/empty")).size(), 0);
    QVERIFY(QFileInfo::exists(m_target + QStringLiteral("/top/new\nline")));
    QCOMPARE(QFile::symLinkTarget(m_target + QStringLiteral("/top/link")),
             m_target + QStringLiteral("/top/a file"));
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(m_target + QStringLiteral("/top/a file")).constData(), &info),
             0);
    QCOMPARE(info.st_mode & 07777, 0640u);
    QCOMPARE(info.st_nlink, 2u);
    QCOMPARE(info.st_mtim.tv_sec, 1700000000);
    QCOMPARE(::stat(QFile::encodeName(m_target + QStringLiteral("/top/ro")).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, 0555u);
    QCOMPARE(::stat(QFile::encodeName(m_target + QStringLiteral("/top")).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, 0750u);
    // No temporary name stays behind.
    QVERIFY(!treeOf(m_target).join(QLatin1Char('|')).contains(QLatin1String(".part")));
    QFile::setPermissions(m_target + QStringLiteral("/top/ro"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestTarExtractor::refusesBreakouts_data()
{
    QTest::addColumn<QByteArray>("tar");
    QTest::newRow("dotdot") << TarBuilder().file("../evil", "x").file("ok", "ok").finish();
    QTest::newRow("dotdot deep")
        << TarBuilder().file("a/../../evil", "x").file("ok", "ok").finish();
    QTest::newRow("absolute")
        << TarBuilder().file("/tmp/sandboxdesk-evil", "x").file("ok", "ok").finish();
    QTest::newRow("through own symlink")
        << TarBuilder().symlink("up", "..").file("up/evil", "x").file("ok", "ok").finish();
    QTest::newRow("through own absolute symlink") << TarBuilder()
                                                         .symlink("s", "/tmp")
                                                         .file("s/sandboxdesk-evil", "x")
                                                         .file("ok", "ok")
                                                         .finish();
    QTest::newRow("through symlinked folder") << TarBuilder()
                                                     .folder("d")
                                                     .symlink("d/up", "../..")
                                                     .file("d/up/evil", "x")
                                                     .folder("d/up/newdir")
                                                     .file("ok", "ok")
                                                     .finish();
    QTest::newRow("symlink then replace with folder") << TarBuilder()
                                                             .symlink("x", "..")
                                                             .folder("x")
                                                             .file("x/evil", "y")
                                                             .file("ok", "ok")
                                                             .finish();
    QTest::newRow("hard link out")
        << TarBuilder().hardlink("h", "../secret/key").file("ok", "ok").finish();
    QTest::newRow("hard link absolute")
        << TarBuilder().hardlink("h", "/etc/passwd").file("ok", "ok").finish();
    QTest::newRow("hard link through own symlink")
        << TarBuilder().symlink("s", "../secret").hardlink("h", "s/key").file("ok", "ok").finish();
    QTest::newRow("hard link to own symlink")
        << TarBuilder().symlink("s", "../secret/key").hardlink("h", "s").file("ok", "ok").finish();
}

void TestTarExtractor::refusesBreakouts()
{
    QFETCH(QByteArray, tar);
    TarExtractor extractor(m_target);
    QVERIFY(extractAll(extractor, tar));
    QCOMPARE(extractor.error().kind, Error::None);
    QVERIFY(extractor.refusedCount() > 0);
    QVERIFY(!extractor.refusals().first().isEmpty());
    // Nothing outside changed, the secret is intact, and what was fine is there.
    QCOMPARE(outside(), outsideBefore);
    QFile secret(m_parent->filePath(QStringLiteral("secret/key")));
    QVERIFY(secret.open(QIODevice::ReadOnly));
    QCOMPARE(secret.readAll(), QByteArray("private"));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/sandboxdesk-evil")));
    QFile ok(m_target + QStringLiteral("/ok"));
    QVERIFY(ok.open(QIODevice::ReadOnly));
    QCOMPARE(ok.readAll(), QByteArray("ok"));
    QVERIFY(!QFileInfo::exists(m_target + QStringLiteral("/h")));
}

void TestTarExtractor::refusesSpecialFiles()
{
    const QByteArray tar = TarBuilder()
                               .special("fifo", AE_IFIFO)
                               .special("char", AE_IFCHR)
                               .special("block", AE_IFBLK)
                               .file("ok", "ok")
                               .finish();
    TarExtractor extractor(m_target);
    QVERIFY(extractAll(extractor, tar));
    QCOMPARE(extractor.error().kind, Error::None);
    QCOMPARE(extractor.refusedCount(), 3);
    QVERIFY(extractor.refusals().at(0).contains(QLatin1String("fifo")));
    QCOMPARE(treeOf(m_target), QStringList{QStringLiteral("ok")});
}

void TestTarExtractor::stripsSetuidAndSetgid()
{
    const QByteArray tar =
        TarBuilder().file("suid", "x", 04755).file("sgid", "x", 02755).folder("d", 03775).finish();
    TarExtractor extractor(m_target);
    QVERIFY(extractAll(extractor, tar));
    QCOMPARE(extractor.error().kind, Error::None);
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(m_target + QStringLiteral("/suid")).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, 0755u);
    QCOMPARE(::stat(QFile::encodeName(m_target + QStringLiteral("/sgid")).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, 0755u);
    QCOMPARE(::stat(QFile::encodeName(m_target + QStringLiteral("/d")).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07000, 01000u);
}

void TestTarExtractor::keepsWhatCameBeforeADamagedEnd()
{
    const QByteArray big(200000, 'b');
    QByteArray tar = TarBuilder().file("first", "complete").file("second", big).finish();
    tar.truncate(100000);
    TarExtractor extractor(m_target);
    QVERIFY(extractAll(extractor, tar));
    QCOMPARE(extractor.error().kind, Error::Protocol);
    // The complete file stays; the cut one leaves nothing, not even its temporary name.
    QCOMPARE(treeOf(m_target), QStringList{QStringLiteral("first")});
}

void TestTarExtractor::abortRemovesEverythingItMade()
{
    QFile existing(m_target + QStringLiteral("/existing"));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.close();
    const QByteArray tar =
        TarBuilder().folder("d").file("d/one", "1").file("d/two", QByteArray(300000, 't')).finish();
    TarExtractor extractor(m_target);
    QVERIFY(extractor.open(QIODevice::WriteOnly));
    QSignalSpy finished(&extractor, &TarExtractor::finished);
    QSignalSpy consumed(&extractor, &QIODevice::bytesWritten);
    extractor.write(tar.left(150000));
    // Wait until the worker is inside the second file.
    while (extractor.bytesToWrite() > 0)
        QVERIFY(consumed.wait(60000));
    extractor.abort();
    QVERIFY(finished.wait(60000));
    QCOMPARE(extractor.error().kind, Error::Cancelled);
    QCOMPARE(treeOf(m_target), QStringList{QStringLiteral("existing")});
}

void TestTarExtractor::appliesConflictChoices()
{
    const QByteArray tar = TarBuilder()
                               .file("keep", "new")
                               .file("skip", "new")
                               .folder("renamed")
                               .file("renamed/inner", "new")
                               .hardlink("renamed/hard", "renamed/inner")
                               .file("over", "new")
                               .finish();
    for (const char* name : {"keep", "skip", "over"}) {
        QFile file(m_target + QLatin1Char('/') + QLatin1String(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
    }
    TarExtractor extractor(m_target);
    extractor.setConflict("skip", TarExtractor::Conflict::Skip);
    extractor.setConflict("keep", TarExtractor::Conflict::Rename, "keep (2)");
    extractor.setConflict("renamed", TarExtractor::Conflict::Rename, "renamed (2)");
    QVERIFY(extractAll(extractor, tar));
    QCOMPARE(extractor.error().kind, Error::None);
    QCOMPARE(extractor.refusals(), QStringList());
    auto read = [this](const char* name) {
        QFile file(m_target + QLatin1Char('/') + QString::fromUtf8(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("missing");
    };
    QCOMPARE(read("keep"), QByteArray("old"));
    QCOMPARE(read("keep (2)"), QByteArray("new"));
    QCOMPARE(read("skip"), QByteArray("old"));
    QCOMPARE(read("over"), QByteArray("new"));
    QCOMPARE(read("renamed (2)/inner"), QByteArray("new"));
    QCOMPARE(read("renamed (2)/hard"), QByteArray("new"));
    QVERIFY(!QFileInfo::exists(m_target + QStringLiteral("/renamed")));
}

void TestTarExtractor::reportsConsumedBytes()
{
    const QByteArray tar = TarBuilder().file("f", QByteArray(1000000, 'f')).finish();
    TarExtractor extractor(m_target);
    QVERIFY(extractor.open(QIODevice::WriteOnly));
    QSignalSpy finished(&extractor, &TarExtractor::finished);
    qint64 consumed = 0;
    connect(&extractor, &QIODevice::bytesWritten, this, [&](qint64 bytes) { consumed += bytes; });
    for (qsizetype at = 0; at < tar.size(); at += 65536)
        extractor.write(tar.mid(at, 65536));
    QVERIFY(extractor.bytesToWrite() + consumed <= qint64(tar.size()));
    extractor.finishInput();
    QVERIFY(finished.wait(60000));
    QCOMPARE(extractor.error().kind, Error::None);
    QCOMPARE(consumed, qint64(tar.size()));
    QCOMPARE(extractor.bytesToWrite(), 0);
    QCOMPARE(QFileInfo(m_target + QStringLiteral("/f")).size(), 1000000);
}

void TestTarExtractor::takesWhatComesAfterTheEnd()
{
    // GNU tar pads its last record with zeros; that may come after the worker has read the
    // end marker and stopped. It is taken, not refused as a failed write.
    const QByteArray tar = TarBuilder().file("f", "content").finish();
    TarExtractor extractor(m_target);
    QVERIFY(extractor.open(QIODevice::WriteOnly));
    QSignalSpy finished(&extractor, &TarExtractor::finished);
    QCOMPARE(extractor.write(tar), qint64(tar.size()));
    QVERIFY(finished.wait(60000));
    const QByteArray padding(10240, '\0');
    QCOMPARE(extractor.write(padding), qint64(padding.size()));
    extractor.finishInput();
    QCOMPARE(extractor.error().kind, Error::None);
    QCOMPARE(treeOf(m_target), QStringList{QStringLiteral("f")});
}

QTEST_GUILESS_MAIN(TestTarExtractor)
#include "tst_tarextractor.moc"
