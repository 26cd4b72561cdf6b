#include "BackendFixture.h"
#include "docker/DockerSandboxFiles.h"
#include "files/FileTransfer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>
#include <unistd.h>

using namespace DockerTestEnvironment;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
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

// Every entry below folder: path, kind, mode, size and, for a file, its checksum; a symlink's
// target as written.
QStringList describe(const QString& folder, const QString& below = {})
{
    QStringList lines;
    const QString here = below.isEmpty() ? folder : folder + QLatin1Char('/') + below;
    const QStringList names = QDir(here).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : names) {
        const QString relative = below.isEmpty() ? name : below + QLatin1Char('/') + name;
        const QByteArray path = QFile::encodeName(folder + QLatin1Char('/') + relative);
        struct stat info;
        if (::lstat(path.constData(), &info) != 0)
            continue;
        QString line = relative + QStringLiteral(" mode=%1").arg(info.st_mode & 07777, 0, 8);
        if (S_ISLNK(info.st_mode)) {
            char target[4096] = {};
            const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
            line += QStringLiteral(" link=") + QString::fromUtf8(target, int(qMax<ssize_t>(n, 0)));
            lines << line;
        } else if (S_ISDIR(info.st_mode)) {
            lines << line + QStringLiteral(" dir");
            lines << describe(folder, relative);
        } else {
            lines << line + QStringLiteral(" size=%1 sha=").arg(info.st_size) +
                         QString::fromLatin1(sha256(QFile::decodeName(path)));
        }
    }
    return lines;
}

} // namespace

class TestDockerFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void capabilitiesFollowTheState();
    void statNamesOwnersAsTheListingDoes();
    void treeGoesUpAndComesBackByteForByte();
    void cancelledDownloadLeavesNothing();
    void cancelledOverwriteKeepsTheFile();
    void missingPathIsNotFound();
    void stoppedContainerStillTransfers();

private:
    bool runTransfer(FileTransfer* transfer);
    std::unique_ptr<DockerBackend> m_backend;
    QString m_running;
    QString m_stopped;
    QTemporaryDir m_work;
    QString m_tree;
};

void TestDockerFiles::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 15000);
    const auto run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                             QStringLiteral("--network"), QStringLiteral("none"),
                             QStringLiteral("--name"), uniqueName(QStringLiteral("files")), image(),
                             QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    m_running = QString::fromUtf8(run.out).trimmed();
    const auto create =
        docker({QStringLiteral("create"), QStringLiteral("--name"),
                uniqueName(QStringLiteral("files-stopped")), image(), QStringLiteral("true")});
    QCOMPARE(create.exitCode, 0);
    m_stopped = QString::fromUtf8(create.out).trimmed();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(m_running).status == SandboxStatus::Running, 15000);

    // The tree: unicode, spaces, a newline, empty files, symlinks, modes and a big file.
    m_tree = m_work.filePath(QStringLiteral("tree"));
    QVERIFY(QDir().mkpath(m_tree + QStringLiteral("/sub dir/deeper")));
    writeFile(m_tree + QStringLiteral("/ünïcødé ✓.txt"), "unicode\n");
    writeFile(m_tree + QStringLiteral("/with  spaces "), "spaces");
    writeFile(m_tree + QStringLiteral("/new\nline"), "newline");
    writeFile(m_tree + QStringLiteral("/empty"), {});
    writeFile(m_tree + QStringLiteral("/sub dir/empty too"), {});
    writeFile(m_tree + QStringLiteral("/sub dir/run.sh"), "#!/bin/sh\necho hi\n");
    QFile::setPermissions(m_tree + QStringLiteral("/sub dir/run.sh"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                              QFile::ReadGroup | QFile::ExeGroup);
    QFile::setPermissions(m_tree + QStringLiteral("/sub dir/deeper"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(
        QFile::link(QStringLiteral("sub dir/run.sh"), m_tree + QStringLiteral("/relative link")));
    QVERIFY(
        QFile::link(QStringLiteral("/etc/hostname"), m_tree + QStringLiteral("/absolute link")));
    QFile big(m_tree + QStringLiteral("/sub dir/deeper/big.bin"));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QByteArray block(1024 * 1024, '\0');
    for (int i = 0; i < 300; ++i) {
        for (qsizetype j = 0; j < block.size(); j += 4096)
            block[j] = char(i * 31 + j / 4096);
        QCOMPARE(big.write(block), block.size());
    }
    big.close();
}

void TestDockerFiles::cleanupTestCase()
{
    for (const QString& id : {m_running, m_stopped})
        if (!id.isEmpty())
            docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
}

bool TestDockerFiles::runTransfer(FileTransfer* transfer)
{
    QSignalSpy finished(transfer, &FileTransfer::finished);
    transfer->start();
    return finished.wait(600000);
}

void TestDockerFiles::capabilitiesFollowTheState()
{
    QVERIFY(m_backend->capabilities().testFlag(Backend::CanBrowseFiles));
    std::unique_ptr<SandboxFiles> running(m_backend->openFiles(m_running));
    QVERIFY(running->capabilities().testFlag(SandboxFiles::CanList));
    QVERIFY(running->capabilities().testFlag(SandboxFiles::CanReadArchive));
    QVERIFY(running->limitation().isEmpty());
    // The live set learns of the stopped container from the engine; until then it is asked
    // as if it ran (ExecSandboxFiles::isRunning).
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            bool found = false;
            const Sandbox sandbox = m_backend->sandbox(m_stopped, &found);
            return found && sandbox.status != SandboxStatus::Running;
        }(),
        10000);
    std::unique_ptr<SandboxFiles> stopped(m_backend->openFiles(m_stopped));
    QCOMPARE(stopped->capabilities(), SandboxFiles::CanReadArchive | SandboxFiles::CanWriteArchive |
                                          SandboxFiles::PreservesOwnership);
    QVERIFY(!stopped->limitation().isEmpty());
}

template<typename T> T valueOf(ResultJob<T>* job)
{
    QSignalSpy finished(job, &Job::finished);
    T value{};
    QObject::connect(job, &Job::finished, job, [&value, job] {
        if (!job->error().isError())
            value = job->value();
    });
    finished.wait(60000);
    return value;
}

void TestDockerFiles::statNamesOwnersAsTheListingDoes()
{
    QCOMPARE(docker({QStringLiteral("exec"), m_running, QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("mkdir -p /tmp/own && touch /tmp/own/named /tmp/own/numbered "
                                    "&& chown 65534:65534 /tmp/own/named && "
                                    "chown 4321:4322 /tmp/own/numbered")})
                 .exitCode,
             0);
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_running));
    const QList<FileEntry> listed = valueOf(files->list("/tmp/own"));
    QCOMPARE(listed.size(), 2);
    for (const FileEntry& entry : listed) {
        const FileEntry stat = valueOf(files->stat("/tmp/own/" + entry.name));
        QCOMPARE(stat.owner, entry.owner);
        QCOMPARE(stat.group, entry.group);
        const QByteArray names =
            docker({QStringLiteral("exec"), m_running, QStringLiteral("stat"), QStringLiteral("-c"),
                    QStringLiteral("%U %G"),
                    QStringLiteral("/tmp/own/") + QString::fromUtf8(entry.name)})
                .out.trimmed();
        if (entry.name == "numbered") {
            QCOMPARE(stat.owner, QStringLiteral("4321"));
            QCOMPARE(stat.group, QStringLiteral("4322"));
        } else {
            QCOMPARE(stat.owner + QLatin1Char(' ') + stat.group, QString::fromUtf8(names));
            QVERIFY(stat.owner != QStringLiteral("65534"));
        }
    }
    // A stopped container is read through the archive API alone.
    std::unique_ptr<SandboxFiles> stopped(m_backend->openFiles(m_stopped));
    const FileEntry passwd = valueOf(stopped->stat("/etc/passwd"));
    QCOMPARE(passwd.owner, QStringLiteral("root"));
    QCOMPARE(passwd.group, QStringLiteral("root"));
}

void TestDockerFiles::treeGoesUpAndComesBackByteForByte()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_running));
    QCOMPARE(docker({QStringLiteral("exec"), m_running, QStringLiteral("mkdir"),
                     QStringLiteral("-p"), QStringLiteral("/tmp/up")})
                 .exitCode,
             0);
    std::unique_ptr<FileTransfer> up(FileTransfer::upload(files.get(), {m_tree}, "/tmp/up"));
    QVERIFY(runTransfer(up.get()));
    QCOMPARE(up->error().fullText(), QString());
    QCOMPARE(up->state(), FileTransfer::State::Finished);
    QVERIFY(up->bytesTotal() > 300 * 1024 * 1024);
    QCOMPARE(up->bytesDone(), up->bytesTotal());

    // Checksums inside the container.
    const auto sum = docker({QStringLiteral("exec"), m_running, QStringLiteral("sha256sum"),
                             QStringLiteral("/tmp/up/tree/sub dir/deeper/big.bin")});
    QCOMPARE(sum.exitCode, 0);
    QCOMPARE(sum.out.split(' ').first(),
             sha256(m_tree + QStringLiteral("/sub dir/deeper/big.bin")));

    // Back down, ours and docker cp's, against the original.
    QTemporaryDir ours;
    std::unique_ptr<FileTransfer> down(
        FileTransfer::download(files.get(), {"/tmp/up/tree"}, ours.path()));
    QVERIFY(runTransfer(down.get()));
    QCOMPARE(down->error().fullText(), QString());
    QCOMPARE(down->warnings(), QStringList());
    QTemporaryDir theirs;
    QCOMPARE(
        docker({QStringLiteral("cp"), m_running + QStringLiteral(":/tmp/up/tree"), theirs.path()},
               600000)
            .exitCode,
        0);
    const QStringList original = describe(m_tree);
    QCOMPARE(describe(ours.filePath(QStringLiteral("tree"))), original);
    QCOMPARE(describe(theirs.filePath(QStringLiteral("tree"))), original);
    QFile::setPermissions(ours.filePath(QStringLiteral("tree/sub dir/deeper")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestDockerFiles::cancelledDownloadLeavesNothing()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_running));
    QCOMPARE(docker({QStringLiteral("exec"), m_running, QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("mkdir -p /tmp/c && echo small > /tmp/c/a && "
                                    "dd if=/dev/zero of=/tmp/c/b bs=1M count=200 2>/dev/null")})
                 .exitCode,
             0);
    QTemporaryDir target;
    std::unique_ptr<FileTransfer> down(
        FileTransfer::download(files.get(), {"/tmp/c"}, target.path()));
    connect(down.get(), &FileTransfer::progressed, this, [&] {
        if (down->bytesDone() > 1024 * 1024)
            down->cancel();
    });
    QVERIFY(runTransfer(down.get()));
    QCOMPARE(down->state(), FileTransfer::State::Cancelled);
    QCOMPARE(QDir(target.path())
                 .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList());
}

void TestDockerFiles::cancelledOverwriteKeepsTheFile()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_running));
    QCOMPARE(
        docker({QStringLiteral("exec"), m_running, QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("mkdir -p /tmp/o && printf old > /tmp/o/big.bin && "
                               "printf old > /tmp/o/small.txt && "
                               "dd if=/dev/zero of=/tmp/o/new.bin bs=1M count=200 2>/dev/null")})
            .exitCode,
        0);
    // Cancelled while the bytes are on their way: bytesDone() is read as they go, so the check
    // runs between two writes, long before 300 MB have left.
    QTimer watch;
    watch.setInterval(1);
    const auto overwriteAndCancel = [this, &watch](FileTransfer* transfer) {
        connect(transfer, &FileTransfer::conflictFound, this,
                [transfer] { transfer->resolveConflict(FileTransfer::ConflictChoice::Overwrite); });
        watch.disconnect();
        connect(&watch, &QTimer::timeout, transfer, [transfer] {
            if (transfer->bytesDone() > 1024 * 1024 && transfer->canCancel())
                transfer->cancel();
        });
        watch.start();
    };
    // At most 16 bytes of each file: a wrong big.bin would otherwise be 300 MB per try.
    const auto remoteFolder = [this] {
        return docker({QStringLiteral("exec"), m_running, QStringLiteral("sh"),
                       QStringLiteral("-c"),
                       QStringLiteral(
                           "cd /tmp/o && ls -A && head -c 16 big.bin && head -c 16 small.txt")})
            .out;
    };

    // Up, cancelled: the file in the sandbox is the old one, and nothing else is left.
    std::unique_ptr<FileTransfer> up(FileTransfer::upload(
        files.get(), {m_tree + QStringLiteral("/sub dir/deeper/big.bin")}, "/tmp/o"));
    overwriteAndCancel(up.get());
    QVERIFY(runTransfer(up.get()));
    QCOMPARE(up->state(), FileTransfer::State::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(remoteFolder(), QByteArray("big.bin\nnew.bin\nsmall.txt\noldold"),
                              10000);

    // Up, to the end: the file is replaced and the hidden name is gone.
    const QString small = m_work.filePath(QStringLiteral("small.txt"));
    writeFile(small, "new\n");
    std::unique_ptr<FileTransfer> replace(FileTransfer::upload(files.get(), {small}, "/tmp/o"));
    connect(replace.get(), &FileTransfer::conflictFound, this,
            [&replace] { replace->resolveConflict(FileTransfer::ConflictChoice::Overwrite); });
    // A cancel while the new file is moved into place is refused: the move is seen through.
    bool cancelledWhileCommitting = false;
    connect(replace.get(), &FileTransfer::progressed, this, [&replace, &cancelledWhileCommitting] {
        if (replace->isActive() && !replace->canCancel()) {
            replace->cancel();
            cancelledWhileCommitting = true;
        }
    });
    QVERIFY(runTransfer(replace.get()));
    QVERIFY(cancelledWhileCommitting);
    QCOMPARE(replace->state(), FileTransfer::State::Finished);
    QCOMPARE(replace->error().fullText(), QString());
    QCOMPARE(remoteFolder(), QByteArray("big.bin\nnew.bin\nsmall.txt\noldnew\n"));

    // Down, cancelled: the local file is the old one, and nothing else is left.
    QTemporaryDir target;
    writeFile(target.filePath(QStringLiteral("new.bin")), "old");
    std::unique_ptr<FileTransfer> down(
        FileTransfer::download(files.get(), {"/tmp/o/new.bin"}, target.path()));
    overwriteAndCancel(down.get());
    QVERIFY(runTransfer(down.get()));
    QCOMPARE(down->state(), FileTransfer::State::Cancelled);
    QCOMPARE(QDir(target.path())
                 .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("new.bin")});
    QFile kept(target.filePath(QStringLiteral("new.bin")));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("old"));
}

void TestDockerFiles::missingPathIsNotFound()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_running));
    QTemporaryDir target;
    std::unique_ptr<FileTransfer> down(
        FileTransfer::download(files.get(), {"/no/such/thing"}, target.path()));
    QVERIFY(runTransfer(down.get()));
    QCOMPARE(down->state(), FileTransfer::State::Failed);
    QCOMPARE(down->error().kind, Error::NotFound);
}

void TestDockerFiles::stoppedContainerStillTransfers()
{
    std::unique_ptr<SandboxFiles> files(m_backend->openFiles(m_stopped));
    QTemporaryDir from;
    writeFile(from.filePath(QStringLiteral("note.txt")), "while stopped\n");
    std::unique_ptr<FileTransfer> up(
        FileTransfer::upload(files.get(), {from.filePath(QStringLiteral("note.txt"))}, "/"));
    QVERIFY(runTransfer(up.get()));
    QCOMPARE(up->error().fullText(), QString());
    QTemporaryDir to;
    std::unique_ptr<FileTransfer> down(
        FileTransfer::download(files.get(), {"/note.txt"}, to.path()));
    QVERIFY(runTransfer(down.get()));
    QCOMPARE(down->error().fullText(), QString());
    QFile note(to.filePath(QStringLiteral("note.txt")));
    QVERIFY(note.open(QIODevice::ReadOnly));
    QCOMPARE(note.readAll(), QByteArray("while stopped\n"));

    // Uploading it again asks; keeping both gives "note (2).txt".
    std::unique_ptr<FileTransfer> again(
        FileTransfer::upload(files.get(), {from.filePath(QStringLiteral("note.txt"))}, "/"));
    int asked = 0;
    connect(again.get(), &FileTransfer::conflictFound, this, [&] {
        ++asked;
        again->resolveConflict(FileTransfer::ConflictChoice::KeepBoth);
    });
    QVERIFY(runTransfer(again.get()));
    QCOMPARE(again->error().fullText(), QString());
    QCOMPARE(asked, 1);
    QTemporaryDir check;
    QCOMPARE(
        docker({QStringLiteral("cp"), m_stopped + QStringLiteral(":/note (2).txt"), check.path()})
            .exitCode,
        0);
}

QTEST_GUILESS_MAIN(TestDockerFiles)
#include "tst_dockerfiles.moc"
