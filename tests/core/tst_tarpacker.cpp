#include "TarTestSupport.h"
#include "files/TarExtractor.h"
#include "files/TarPacker.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

class TestTarPacker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsATree();
    void namesNeedNoPaxHeaderUnlessTheyMust();
    void readsAsTheReaderAsks();
    void abortEndsTheStream();
    void countsContent();
};

namespace {

void writeFile(const QString& path, const QByteArray& content, QFile::Permissions permissions = {})
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    if (permissions)
        file.setPermissions(permissions);
}

// Reads the packer to its end, feeding an extractor as it goes.
bool pipe(TarPacker& packer, TarExtractor& extractor)
{
    if (!packer.open(QIODevice::ReadOnly) || !extractor.open(QIODevice::WriteOnly))
        return false;
    QSignalSpy extracted(&extractor, &TarExtractor::finished);
    bool ended = false;
    auto drain = [&] {
        while (packer.bytesAvailable() > 0)
            extractor.write(packer.read(256 * 1024));
        if (packer.atEnd() && !ended) {
            ended = true;
            extractor.finishInput();
        }
    };
    QObject::connect(&packer, &QIODevice::readyRead, &extractor, drain);
    QObject::connect(&packer, &QIODevice::readChannelFinished, &extractor, drain);
    QSignalSpy packed(&packer, &QIODevice::readChannelFinished);
    // The extractor may finish at the archive's end marker, before the packer says it ended.
    if (!extracted.wait(120000))
        return false;
    return packer.isFinished() || packed.wait(120000);
}

QByteArray sha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace

void TestTarPacker::roundTripsATree()
{
    QTemporaryDir from;
    QTemporaryDir to;
    const QString root = from.filePath(QStringLiteral("tree"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/sub folder/deeper")));
    writeFile(root + QStringLiteral("/ünïcödé ✓.txt"), "unicode\n");
    writeFile(root + QStringLiteral("/with space"), "space");
    writeFile(root + QStringLiteral("/new\nline"), "newline");
    writeFile(root + QStringLiteral("/empty"), {});
    writeFile(root + QStringLiteral("/sub folder/run.sh"), "#!/bin/sh\n",
              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                  QFile::ExeGroup);
    QByteArray big(3 * 1024 * 1024 + 17, '\0');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 7919) >> 3);
    writeFile(root + QStringLiteral("/sub folder/deeper/big.bin"), big);
    // A name that is not UTF-8.
    const QByteArray latin1 = QFile::encodeName(root) + "/caf\xe9";
    const int fd = ::open(latin1.constData(), O_WRONLY | O_CREAT, 0600);
    QVERIFY(fd >= 0);
    ::close(fd);
    QVERIFY(QFile::link(QStringLiteral("with space"), root + QStringLiteral("/relative link")));
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), root + QStringLiteral("/absolute link")));
    QCOMPARE(::mkfifo(QFile::encodeName(root + QStringLiteral("/fifo")).constData(), 0600), 0);

    TarPacker packer({{root, "tree"}});
    TarExtractor extractor(to.path());
    QVERIFY(pipe(packer, extractor));
    QCOMPARE(packer.error().kind, Error::None);
    QCOMPARE(extractor.error().kind, Error::None);
    QCOMPARE(extractor.refusals(), QStringList());
    QCOMPARE(packer.warnings().size(), 1);
    QVERIFY(packer.warnings().first().contains(QLatin1String("fifo")));

    QStringList expected = treeOf(from.path());
    expected.removeAll(QStringLiteral("tree/fifo"));
    QStringList got = treeOf(to.path());
    // Targets of relative links resolve against their own tree.
    expected.replaceInStrings(from.path(), QStringLiteral("ROOT"));
    got.replaceInStrings(to.path(), QStringLiteral("ROOT"));
    QCOMPARE(got, expected);
    struct stat latin1Info;
    QCOMPARE(::lstat(QByteArray(QFile::encodeName(to.path()) + "/tree/caf\xe9").constData(),
                     &latin1Info),
             0);
    QCOMPARE(sha256(to.filePath(QStringLiteral("tree/sub folder/deeper/big.bin"))),
             sha256(root + QStringLiteral("/sub folder/deeper/big.bin")));
    QCOMPARE(QFile(to.filePath(QStringLiteral("tree/sub folder/run.sh"))).permissions(),
             QFile(root + QStringLiteral("/sub folder/run.sh")).permissions());
    char target[256] = {};
    QVERIFY(
        ::readlink(QFile::encodeName(to.filePath(QStringLiteral("tree/absolute link"))).constData(),
                   target, sizeof target - 1) > 0);
    QCOMPARE(QByteArray(target), QByteArray("/etc/hostname"));
}

// One header block per short ASCII name, as docker cp writes; a pax header only for a name that
// needs one, its bytes unchanged whatever the process's locale.
void TestTarPacker::namesNeedNoPaxHeaderUnlessTheyMust()
{
    QTemporaryDir from;
    const QString root = from.filePath(QStringLiteral("tree"));
    QVERIFY(QDir().mkpath(root));
    for (int i = 0; i < 20; ++i)
        writeFile(root + QStringLiteral("/f%1").arg(i), QByteArray(10, 'a'));
    writeFile(root + QStringLiteral("/ünï ✓"), "x");
    const QByteArray latin1 = QFile::encodeName(root) + "/caf\xe9";
    const int fd = ::open(latin1.constData(), O_WRONLY | O_CREAT, 0600);
    QVERIFY(fd >= 0);
    ::close(fd);

    for (const char* locale : {"C", "C.UTF-8"}) {
        const QByteArray before = std::setlocale(LC_ALL, nullptr);
        QVERIFY(std::setlocale(LC_ALL, locale));
        TarPacker packer({{root, "tree"}});
        QVERIFY(packer.open(QIODevice::ReadOnly));
        QSignalSpy finished(&packer, &QIODevice::readChannelFinished);
        QByteArray archive;
        while (!packer.isFinished() || packer.bytesAvailable() > 0) {
            archive += packer.readAll();
            if (!packer.isFinished())
                QVERIFY(finished.wait(60000) || packer.bytesAvailable() > 0);
        }
        std::setlocale(LC_ALL, before.constData());
        QCOMPARE(packer.error().kind, Error::None);

        // The typeflag of each header: 'x' for a pax header, then the entry it describes.
        QList<char> types;
        QList<QByteArray> paxRecords;
        for (qsizetype at = 0; at + 512 <= archive.size();) {
            const QByteArray header = archive.mid(at, 512);
            if (header == QByteArray(512, '\0'))
                break;
            const qint64 size = header.mid(124, 11).toLongLong(nullptr, 8);
            types << header.at(156);
            if (header.at(156) == 'x')
                paxRecords << archive.mid(at + 512, qsizetype(size));
            at += 512 + (size + 511) / 512 * 512;
        }
        QCOMPARE(types.count('x'), 2);
        QCOMPARE(types.size(), 1 + 20 + 2 + 2);
        QCOMPARE(paxRecords.size(), 2);
        // The UTF-8 name as UTF-8, the other one as its bytes, marked as such.
        QVERIFY(paxRecords.at(0).contains("hdrcharset=BINARY") !=
                paxRecords.at(1).contains("hdrcharset=BINARY"));
        for (const QByteArray& records : std::as_const(paxRecords)) {
            QVERIFY(records.contains("path=tree/caf\xe9\n") ||
                    records.contains(QStringLiteral("path=tree/ünï ✓\n").toUtf8()));
        }
    }
    // QTemporaryDir cannot remove a name that is not UTF-8.
    QCOMPARE(::unlink(latin1.constData()), 0);
}

void TestTarPacker::readsAsTheReaderAsks()
{
    QTemporaryDir from;
    writeFile(from.filePath(QStringLiteral("f")), QByteArray(20 * 1024 * 1024, 'x'));
    TarPacker packer({{from.filePath(QStringLiteral("f")), "f"}});
    QVERIFY(packer.open(QIODevice::ReadOnly));
    QSignalSpy ready(&packer, &QIODevice::readyRead);
    QVERIFY(ready.wait(60000));
    // Nobody reads: the worker stops a few megabytes ahead.
    QTest::qWait(200);
    QVERIFY(packer.bytesAvailable() > 0);
    QVERIFY(packer.bytesAvailable() <= 4 * 1024 * 1024 + 64 * 1024);
    QSignalSpy finished(&packer, &QIODevice::readChannelFinished);
    qint64 total = 0;
    while (!packer.atEnd()) {
        const QByteArray piece = packer.read(1024 * 1024);
        total += piece.size();
        if (piece.isEmpty() && !packer.atEnd())
            QVERIFY(ready.wait(60000) || packer.atEnd());
    }
    QCOMPARE(packer.error().kind, Error::None);
    QVERIFY(total > 20 * 1024 * 1024);
}

void TestTarPacker::abortEndsTheStream()
{
    QTemporaryDir from;
    writeFile(from.filePath(QStringLiteral("f")), QByteArray(20 * 1024 * 1024, 'x'));
    TarPacker packer({{from.filePath(QStringLiteral("f")), "f"}});
    QSignalSpy finished(&packer, &QIODevice::readChannelFinished);
    QVERIFY(packer.open(QIODevice::ReadOnly));
    packer.read(1000);
    packer.abort();
    QVERIFY(finished.wait(60000));
    QCOMPARE(packer.error().kind, Error::Cancelled);
    QVERIFY(packer.atEnd());
}

void TestTarPacker::countsContent()
{
    QTemporaryDir from;
    QVERIFY(QDir(from.path()).mkdir(QStringLiteral("d")));
    writeFile(from.filePath(QStringLiteral("d/a")), QByteArray(10, 'a'));
    writeFile(from.filePath(QStringLiteral("b")), QByteArray(5, 'b'));
    QVERIFY(QFile::link(from.filePath(QStringLiteral("b")), from.filePath(QStringLiteral("d/l"))));
    QCOMPARE(TarPacker::contentSize({{from.filePath(QStringLiteral("d")), "d"},
                                     {from.filePath(QStringLiteral("b")), "b"}}),
             15);
}

QTEST_GUILESS_MAIN(TestTarPacker)
#include "tst_tarpacker.moc"
