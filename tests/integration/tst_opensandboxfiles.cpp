#include "OpenSandboxFixture.h"
#include "files/SandboxFiles.h"
#include "files/TarExtractor.h"
#include "files/TarPacker.h"
#include "opensandbox/OpenSandboxFiles.h"
#include "sandbox/ExecSession.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace {

const int Generous = 60000;

template<typename J> OpenSandboxOutcome awaitFiles(J* job)
{
    return awaitJob(job);
}

QStringList names(const QList<FileEntry>& entries)
{
    QStringList all;
    for (const FileEntry& entry : entries)
        all << QString::fromUtf8(entry.name);
    all.sort();
    return all;
}

} // namespace

// OpenSandboxFiles against execd's files API in the emulator.
class TestOpenSandboxFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void browseAndModify();
    void downloadsAsTar();
    void uploadsTarThroughExecd();
    void hostileUploadWritesNothingOutside();
    void cancelledUploadStops();
    void pausedSandboxSaysWhy();

private:
    std::unique_ptr<OpenSandboxEmulatorProcess> m_emulator;
    std::unique_ptr<OpenSandboxBackend> m_backend;
    QString m_id;
};

void TestOpenSandboxFiles::init()
{
    REQUIRE_TEST_ENGINE();
    m_emulator =
        std::make_unique<OpenSandboxEmulatorProcess>(QStringLiteral(OPENSANDBOX_EMULATOR_PATH));
    QVERIFY2(m_emulator->start(), "opensandbox-emulator did not start");
    m_backend = makeOpenSandboxBackend(*m_emulator);
    QVERIFY(m_backend->capabilities().testFlag(Backend::CanBrowseFiles));
    m_backend->connectToBackend();
    SandboxSpec spec = openSandboxSpec(QStringLiteral("files"));
    spec.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("mkdir -p /tmp/t/sub && echo hello > /tmp/t/a.txt && "
                                   "echo deep > /tmp/t/sub/b.log && ln -s a.txt /tmp/t/link && "
                                   "exec sleep 600")};
    m_id = awaitJob(m_backend->create(spec)).result.toString();
    QVERIFY(!m_id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(m_id).status, SandboxStatus::Running, Generous);
}

void TestOpenSandboxFiles::cleanup()
{
    m_backend.reset();
    m_emulator.reset();
}

void TestOpenSandboxFiles::browseAndModify()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_id));
    QCOMPARE(files->capabilities(), SandboxFiles::CanList | SandboxFiles::CanModify |
                                        SandboxFiles::CanReadArchive |
                                        SandboxFiles::CanWriteArchive);
    QVERIFY(files->limitation().isEmpty());

    OpenSandboxOutcome outcome;
    QTRY_VERIFY_WITH_TIMEOUT(
        (outcome = awaitFiles(files->list("/tmp/t")),
         names(outcome.result.value<QList<FileEntry>>()) ==
             QStringList({QStringLiteral("a.txt"), QStringLiteral("link"), QStringLiteral("sub")})),
        Generous);
    const QList<FileEntry> listed = outcome.result.value<QList<FileEntry>>();
    for (const FileEntry& entry : listed) {
        if (entry.name == "a.txt") {
            QCOMPARE(entry.type, FileEntry::Type::File);
            QCOMPARE(entry.size, 6);
            QCOMPARE(entry.mode, 0644u);
            QCOMPARE(entry.owner, QStringLiteral("root"));
            QVERIFY(entry.modified.isValid());
        } else if (entry.name == "link") {
            QCOMPARE(entry.type, FileEntry::Type::Symlink);
        } else {
            QCOMPARE(entry.type, FileEntry::Type::Folder);
        }
    }

    outcome = awaitFiles(files->stat("/tmp/t/sub/b.log"));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QCOMPARE(outcome.result.value<FileEntry>().name, QByteArray("b.log"));
    outcome = awaitFiles(files->stat("/tmp/t/missing"));
    QCOMPARE(outcome.error.kind, Error::NotFound);
    QVERIFY(outcome.error.message.contains(QLatin1String("/tmp/t/missing")));

    outcome = awaitFiles(files->find("/tmp/t", "*.log"));
    QCOMPARE(names(outcome.result.value<QList<FileEntry>>()),
             QStringList{QStringLiteral("sub/b.log")});

    // Folders: without parents only where the parent is; twice is a conflict.
    QCOMPARE(awaitFiles(files->makeFolder("/tmp/t/x/y", false)).error.kind, Error::NotFound);
    QVERIFY(!awaitFiles(files->makeFolder("/tmp/t/x/y", true)).error.isError());
    QCOMPARE(awaitFiles(files->makeFolder("/tmp/t/x", false)).error.kind, Error::Conflict);
    QVERIFY(!awaitFiles(files->makeFolder("/tmp/t/z", false)).error.isError());

    QVERIFY(!awaitFiles(files->move("/tmp/t/a.txt", "/tmp/t/x/moved.txt")).error.isError());
    QVERIFY(!awaitFiles(files->changeMode("/tmp/t/x/moved.txt", 0600)).error.isError());
    outcome = awaitFiles(files->stat("/tmp/t/x/moved.txt"));
    QCOMPARE(outcome.result.value<FileEntry>().mode, 0600u);

    outcome = awaitFiles(files->countEntries("/tmp/t/x"));
    QCOMPARE(outcome.result.value<qint64>(), 3); // x, y, moved.txt
    QCOMPARE(awaitFiles(files->remove("/tmp/t/x", false)).error.kind, Error::Conflict);
    QVERIFY(!awaitFiles(files->remove("/tmp/t/z", false)).error.isError());
    QVERIFY(!awaitFiles(files->remove("/tmp/t/x", true)).error.isError());
    QVERIFY(!awaitFiles(files->remove("/tmp/t/link", false)).error.isError());
    outcome = awaitFiles(files->list("/tmp/t"));
    QCOMPARE(names(outcome.result.value<QList<FileEntry>>()), QStringList{QStringLiteral("sub")});

    QCOMPARE(awaitFiles(files->writeArchive("/tmp/t/sub", nullptr, SandboxFiles::Owners::Sandbox))
                 .error.kind,
             Error::Invalid);
}

void TestOpenSandboxFiles::downloadsAsTar()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_id));
    // A name past ustar's 100 bytes and a file of a few megabytes besides the small ones.
    const QByteArray longName = QByteArray(120, 'n') + ".txt";
    ExecOptions options;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo long > /tmp/t/sub/%1 && "
                                      "head -c 3000000 /dev/zero | tr '\\0' x > /tmp/t/big")
                           .arg(QString::fromLatin1(longName))};
    options.tty = false;
    options.attachStdin = false;
    std::unique_ptr<ExecSession> session(m_backend->openExec(m_id, options));
    QSignalSpy finished(session.get(), &ExecSession::finished);
    session->start();
    QVERIFY(finished.wait(Generous));

    QTemporaryDir dir;
    TarExtractor extractor(dir.path());
    QVERIFY(extractor.open(QIODevice::WriteOnly));
    Job* job = files->readArchive("/tmp/t", &extractor);
    QList<qint64> progress;
    QObject::connect(job, &Job::progressed, job,
                     [&progress](qint64 done, qint64) { progress << done; });
    const OpenSandboxOutcome outcome = awaitFiles(job);
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QSignalSpy extracted(&extractor, &TarExtractor::finished);
    extractor.finishInput();
    QVERIFY(extractor.isFinished() || extracted.wait(Generous));
    QVERIFY2(!extractor.error().isError(), qPrintable(extractor.error().fullText()));
    const auto read = [&dir](const QString& name) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
    };
    QCOMPARE(read(QStringLiteral("t/a.txt")), QByteArray("hello\n"));
    QCOMPARE(read(QStringLiteral("t/sub/b.log")), QByteArray("deep\n"));
    QCOMPARE(read(QStringLiteral("t/sub/") + QString::fromLatin1(longName)), QByteArray("long\n"));
    QCOMPARE(read(QStringLiteral("t/big")), QByteArray(3000000, 'x'));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("t/link")))); // links are left out
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), 3000000 + 6 + 5 + 5);
}

void TestOpenSandboxFiles::uploadsTarThroughExecd()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_id));
    QTemporaryDir local;
    QByteArray big;
    big.reserve(3 * 1024 * 1024);
    for (int i = 0; i < 3 * 1024 * 1024; ++i)
        big.append(char((i * 7919) % 251));
    const QByteArray longName = QByteArray(120, 'u') + ".txt";
    QVERIFY(QDir(local.path()).mkpath(QStringLiteral("up/sub/empty")));
    const auto write = [&local](const QString& name, const QByteArray& bytes) {
        QFile file(local.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(QStringLiteral("up/big.bin"), big));
    QVERIFY(write(QStringLiteral("up/sub/small.txt"), "small\n"));
    QVERIFY(write(QStringLiteral("up/sub/") + QString::fromLatin1(longName), "long\n"));
    QVERIFY(write(QStringLiteral("up/none"), {}));
    QVERIFY(QFile::setPermissions(local.filePath(QStringLiteral("up/sub/small.txt")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    TarPacker packer({{local.filePath(QStringLiteral("up")), "up"}});
    QVERIFY(packer.open(QIODevice::ReadOnly));
    Job* job = files->writeArchive("/tmp/t", &packer, SandboxFiles::Owners::Sandbox);
    QList<qint64> progress;
    QObject::connect(job, &Job::progressed, job,
                     [&progress](qint64 done, qint64) { progress << done; });
    OpenSandboxOutcome outcome = awaitFiles(job);
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QVERIFY(progress.size() > 2);
    QVERIFY(progress.last() > big.size());

    outcome = awaitFiles(files->stat("/tmp/t/up/sub/small.txt"));
    QCOMPARE(outcome.result.value<FileEntry>().mode, 0700u);
    outcome = awaitFiles(files->stat("/tmp/t/up/sub/empty"));
    QCOMPARE(outcome.result.value<FileEntry>().type, FileEntry::Type::Folder);

    // Back again through the download path: the same bytes.
    QTemporaryDir back;
    TarExtractor extractor(back.path());
    QVERIFY(extractor.open(QIODevice::WriteOnly));
    outcome = awaitFiles(files->readArchive("/tmp/t/up", &extractor));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QSignalSpy extracted(&extractor, &TarExtractor::finished);
    extractor.finishInput();
    QVERIFY(extractor.isFinished() || extracted.wait(Generous));
    const auto read = [&back](const QString& name) {
        QFile file(back.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
    };
    QCOMPARE(read(QStringLiteral("up/big.bin")), big);
    QCOMPARE(read(QStringLiteral("up/sub/small.txt")), QByteArray("small\n"));
    QCOMPARE(read(QStringLiteral("up/sub/") + QString::fromLatin1(longName)), QByteArray("long\n"));
    QCOMPARE(read(QStringLiteral("up/none")), QByteArray());
    QVERIFY(QFileInfo(back.filePath(QStringLiteral("up/sub/empty"))).isDir());

    // A link cannot be made through execd: the rest is written and the link named.
    QVERIFY(QFile::link(QStringLiteral("small.txt"), local.filePath(QStringLiteral("up/ln"))));
    TarPacker again({{local.filePath(QStringLiteral("up")), "up2"}});
    QVERIFY(again.open(QIODevice::ReadOnly));
    outcome = awaitFiles(files->writeArchive("/tmp/t", &again, SandboxFiles::Owners::Sandbox));
    QCOMPARE(outcome.error.kind, Error::Invalid);
    QVERIFY2(outcome.error.message.contains(QLatin1String("/tmp/t/up2/ln")),
             qPrintable(outcome.error.message));
    outcome = awaitFiles(files->stat("/tmp/t/up2/big.bin"));
    QCOMPARE(outcome.result.value<FileEntry>().size, big.size());

    // Into a folder that is not there, or onto a file: refused before anything is sent.
    QBuffer empty;
    QVERIFY(empty.open(QIODevice::ReadOnly));
    QCOMPARE(
        awaitFiles(files->writeArchive("/tmp/t/missing", &empty, SandboxFiles::Owners::Sandbox))
            .error.kind,
        Error::NotFound);
    QCOMPARE(awaitFiles(files->writeArchive("/tmp/t/a.txt", &empty, SandboxFiles::Owners::Sandbox))
                 .error.kind,
             Error::Invalid);
}

void TestOpenSandboxFiles::hostileUploadWritesNothingOutside()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_id));
    const auto entry = [](const QByteArray& name, const QByteArray& content) {
        FileEntry file;
        file.type = FileEntry::Type::File;
        file.size = content.size();
        file.mode = 0644;
        return OpenSandboxFiles::tarHeader(name, file) + content +
               QByteArray((512 - content.size() % 512) % 512, '\0');
    };
    for (const QByteArray& name :
         {QByteArray("../escaped"), QByteArray("/tmp/escaped"), QByteArray("ok/../../escaped")}) {
        QByteArray archive = entry("before", "x") + entry(name, "evil") + QByteArray(1024, '\0');
        QBuffer source(&archive);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const OpenSandboxOutcome outcome =
            awaitFiles(files->writeArchive("/tmp/t/sub", &source, SandboxFiles::Owners::Sandbox));
        QCOMPARE(outcome.error.kind, Error::Invalid);
        QVERIFY2(outcome.error.message.contains(QLatin1String("escaped")),
                 qPrintable(outcome.error.message));
        QCOMPARE(awaitFiles(files->stat("/tmp/t/escaped")).error.kind, Error::NotFound);
        QCOMPARE(awaitFiles(files->stat("/tmp/escaped")).error.kind, Error::NotFound);
    }
    // A damaged header is refused too.
    QByteArray damaged = entry("fine", "x");
    damaged[0] = 'g';
    QBuffer source(&damaged);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(awaitFiles(files->writeArchive("/tmp/t", &source, SandboxFiles::Owners::Sandbox))
                 .error.kind,
             Error::Protocol);
}

void TestOpenSandboxFiles::cancelledUploadStops()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_id));
    QTemporaryDir local;
    {
        QFile file(local.filePath(QStringLiteral("huge.bin")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray mebibyte(1 << 20, 'z');
        for (int i = 0; i < 48; ++i)
            QCOMPARE(file.write(mebibyte), qint64(mebibyte.size()));
    }
    TarPacker packer({{local.filePath(QStringLiteral("huge.bin")), "huge.bin"}});
    QVERIFY(packer.open(QIODevice::ReadOnly));
    Job* job = files->writeArchive("/tmp/t", &packer, SandboxFiles::Owners::Sandbox);
    QObject::connect(job, &Job::progressed, job, [job](qint64 done, qint64) {
        if (done > 2 * 1024 * 1024)
            job->cancel();
    });
    const OpenSandboxOutcome outcome = awaitFiles(job);
    QCOMPARE(outcome.error.kind, Error::Cancelled);
    // The request was cut short: execd has no file under that name.
    QTest::qWait(500);
    QCOMPARE(awaitFiles(files->stat("/tmp/t/huge.bin")).error.kind, Error::NotFound);
    // The connection is still good for the next call.
    QVERIFY(!awaitFiles(files->list("/tmp/t")).error.isError());
}

void TestOpenSandboxFiles::pausedSandboxSaysWhy()
{
    QVERIFY(!awaitJob(m_backend->perform(Backend::Action::Pause, m_id)).error.isError());
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(m_id).status, SandboxStatus::Paused, Generous);
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_id));
    QCOMPARE(files->capabilities(), SandboxFiles::Capabilities());
    QVERIFY(files->limitation().contains(QLatin1String("not running")));
    const OpenSandboxOutcome outcome = awaitFiles(files->list("/tmp"));
    QVERIFY(outcome.error.isError());
    QVERIFY(outcome.error.message.contains(QLatin1String("execd")));
}

QTEST_GUILESS_MAIN(TestOpenSandboxFiles)
#include "tst_opensandboxfiles.moc"
