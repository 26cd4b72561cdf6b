#include "TarTestSupport.h"
#include "docker/DockerSandboxFiles.h"
#include "files/FileTransfer.h"
#include "net/HttpClient.h"
#include "sandbox/Backend.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// A fake engine on a local socket that serves crafted archives: what a hostile container or
// engine could send.
class FakeArchiveEngine final : public QObject
{
public:
    explicit FakeArchiveEngine(const QString& socketPath)
    {
        QLocalServer::removeServer(socketPath);
        m_server.listen(socketPath);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket,
                        [this, socket] { serve(socket); });
                connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool isListening() const { return m_server.isListening(); }
    // path -> the tar GET answers; a HEAD describes it as a folder.
    QHash<QByteArray, QByteArray> archives;
    QSet<QByteArray> files;     // described as files, not folders
    bool containerGone = false; // 404 for every path, as for a removed container
    // Chunked like the engine, the closing chunk this long after the archive's last block.
    int lateEndMs = -1;
    QList<QByteArray> requests;

private:
    void serve(QLocalSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QByteArray method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        requests << method + ' ' + target;
        const QByteArray path =
            QByteArray::fromPercentEncoding(target.mid(target.indexOf("path=") + 5));
        if (!archives.contains(path) || containerGone) {
            const QByteArray body = containerGone
                                        ? R"({"message":"No such container: x"})"
                                        : R"({"message":"Could not find the file in container x"})";
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                          "Content-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromServer();
            return;
        }
        const QJsonObject stat{
            {QStringLiteral("name"), QString::fromUtf8(RemotePaths::fileName(path))},
            {QStringLiteral("size"), files.contains(path) ? 3 : 4096},
            // Go's mode bits: a file 0644, or a folder 0755
            {QStringLiteral("mode"), files.contains(path) ? 420.0 : 2147484141.0},
            {QStringLiteral("mtime"), QStringLiteral("2024-01-02T03:04:05Z")},
            {QStringLiteral("linkTarget"), QString()}};
        const QByteArray header = "X-Docker-Container-Path-Stat: " +
                                  QJsonDocument(stat).toJson(QJsonDocument::Compact).toBase64() +
                                  "\r\n";
        const QByteArray& tar = archives.value(path);
        if (method == "GET" && lateEndMs >= 0) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\n" + header +
                          "Transfer-Encoding: chunked\r\n\r\n" +
                          QByteArray::number(tar.size(), 16) + "\r\n" + tar + "\r\n");
            QTimer::singleShot(lateEndMs, socket, [socket] {
                socket->write("0\r\n\r\n");
                socket->disconnectFromServer();
            });
            return;
        }
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\n" + header +
                      "Content-Length: " + QByteArray::number(tar.size()) + "\r\n\r\n");
        if (method == "GET")
            socket->write(tar);
        socket->disconnectFromServer();
    }

    QLocalServer m_server;
    QHash<QLocalSocket*, QByteArray> m_buffers;
};

class TestDockerSandboxFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void parsesPathStat();
    void numbersNames();
    void statsThroughTheArchive();
    void ownersAreNamedFromTheContainer();
    void missingPathIsNotFound();
    void statWithoutOwnerIsOneHead();
    void sayWhatIsMissing();
    void hostileArchivesWriteNothingOutside_data();
    void hostileArchivesWriteNothingOutside();
    void conflictsAskAndAreAnswered();
    void replyMayEndAfterTheArchive();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeArchiveEngine> m_engine;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<DockerSandboxFiles> m_files;
    QString m_target;
};

void TestDockerSandboxFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString socketPath = m_dir->filePath(QStringLiteral("engine.sock"));
    m_engine = std::make_unique<FakeArchiveEngine>(socketPath);
    QVERIFY(m_engine->isListening());
    Endpoint endpoint;
    endpoint.kind = Endpoint::Kind::Unix;
    endpoint.socketPath = socketPath;
    endpoint.url = QStringLiteral("unix://") + socketPath;
    m_http = std::make_unique<HttpClient>(endpoint);
    m_files = std::make_unique<DockerSandboxFiles>(nullptr, m_http.get(), QStringLiteral("x"));
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("outside/target")));
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("outside/secret")));
    m_target = m_dir->filePath(QStringLiteral("outside/target"));
}

void TestDockerSandboxFiles::parsesPathStat()
{
    const QByteArray json =
        R"({"name":"run.sh","size":42,"mode":8389101,"mtime":"2024-05-06T07:08:09.5Z","linkTarget":""})";
    FileEntry entry;
    QVERIFY(DockerSandboxFiles::parsePathStat(json.toBase64(), &entry));
    QCOMPARE(entry.name, QByteArray("run.sh"));
    QCOMPARE(entry.size, 42);
    QCOMPARE(entry.type, FileEntry::Type::File);
    QCOMPARE(entry.mode, 04755u); // setuid from Go's own bit
    QCOMPARE(entry.modified, QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 500), Qt::UTC));
    const QByteArray link =
        R"({"name":"l","size":3,"mode":134218239,"mtime":"2024-05-06T07:08:09Z","linkTarget":"/etc"})";
    QVERIFY(DockerSandboxFiles::parsePathStat(link.toBase64(), &entry));
    QCOMPARE(entry.type, FileEntry::Type::Symlink);
    QCOMPARE(entry.linkTarget, QByteArray("/etc"));
    QVERIFY(!DockerSandboxFiles::parsePathStat("not base64 !!", &entry));
}

void TestDockerSandboxFiles::numbersNames()
{
    QCOMPARE(FileTransfer::numberedName("report.txt", 2, false), QByteArray("report (2).txt"));
    QCOMPARE(FileTransfer::numberedName("report.txt", 3, true), QByteArray("report.txt (3)"));
    QCOMPARE(FileTransfer::numberedName(".bashrc", 2, false), QByteArray(".bashrc (2)"));
    QCOMPARE(FileTransfer::numberedName("Makefile", 2, false), QByteArray("Makefile (2)"));
}

void TestDockerSandboxFiles::statsThroughTheArchive()
{
    m_engine->archives.insert("/data dir", TarBuilder().owner(0, 0).folder("data dir").finish());
    auto* job = m_files->stat("/data dir");
    QSignalSpy finished(job, &Job::finished);
    FileEntry entry;
    connect(job, &Job::finished, this, [&] { entry = job->value(); });
    QVERIFY(finished.wait(10000));
    QCOMPARE(entry.type, FileEntry::Type::Folder);
    QCOMPARE(entry.mode, 0755u);
    QCOMPARE(entry.name, QByteArray("data dir"));
    QCOMPARE(m_engine->requests.value(0),
             QByteArray("GET /containers/x/archive?path=%2Fdata%20dir"));
    // No /etc/passwd there: the ids stand for the names.
    QCOMPARE(entry.owner, QStringLiteral("0"));
    QCOMPARE(entry.group, QStringLiteral("0"));
}

void TestDockerSandboxFiles::ownersAreNamedFromTheContainer()
{
    QCOMPARE(
        DockerSandboxFiles::parseAccounts("root:x:0:0:root:/root:/bin/sh\n# note\n"
                                          "bad line\nalice:x:1000:1000::/home/a:/bin/sh\n"
                                          "again:x:1000:5::/:/bin/sh\nneg:x:-1:0\n"),
        (QHash<qint64, QString>{{0, QStringLiteral("root")}, {1000, QStringLiteral("alice")}}));
    m_engine->archives.insert(
        "/etc/passwd",
        TarBuilder()
            .file("passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:50::/:/bin/sh\n")
            .finish());
    m_engine->archives.insert("/etc/group",
                              TarBuilder().file("group", "root:x:0:\nstaff:x:50:alice\n").finish());
    m_engine->files << "/etc/passwd"
                    << "/etc/group"
                    << "/a"
                    << "/b";
    m_engine->archives.insert("/a", TarBuilder().owner(1000, 50).file("a", "abc").finish());
    m_engine->archives.insert("/b", TarBuilder().owner(4242, 4343).file("b", "abc").finish());
    const auto statOf = [this](const RemotePath& path) {
        auto* job = m_files->stat(path);
        QSignalSpy finished(job, &Job::finished);
        FileEntry entry;
        connect(job, &Job::finished, this, [&entry, job] { entry = job->value(); });
        finished.wait(10000);
        return entry;
    };
    const FileEntry a = statOf("/a");
    QCOMPARE(a.owner, QStringLiteral("alice"));
    QCOMPARE(a.group, QStringLiteral("staff"));
    QCOMPARE(a.type, FileEntry::Type::File);
    QCOMPARE(a.size, 3);
    const FileEntry b = statOf("/b");
    QCOMPARE(b.owner, QStringLiteral("4242"));
    QCOMPARE(b.group, QStringLiteral("4343"));
    // The names were read once.
    QCOMPARE(m_engine->requests.count("GET /containers/x/archive?path=%2Fetc%2Fpasswd"), 1);
}

void TestDockerSandboxFiles::missingPathIsNotFound()
{
    auto* job = m_files->stat("/missing");
    QSignalSpy finished(job, &Job::finished);
    Error error;
    connect(job, &Job::finished, this, [&] { error = job->error(); });
    QVERIFY(finished.wait(10000));
    QCOMPARE(error.kind, Error::NotFound);
    QVERIFY(error.message.contains(QLatin1String("/missing")));
}

void TestDockerSandboxFiles::statWithoutOwnerIsOneHead()
{
    m_engine->archives.insert("/data dir", TarBuilder().owner(0, 0).folder("data dir").finish());
    const auto statOf = [this](const RemotePath& path, Error* error) {
        auto* job = m_files->statWithoutOwner(path);
        QSignalSpy finished(job, &Job::finished);
        FileEntry entry;
        connect(job, &Job::finished, this, [&] {
            entry = job->value();
            *error = job->error();
        });
        [&] {
            QVERIFY(finished.wait(10000));
        }();
        return entry;
    };
    Error error;
    const FileEntry entry = statOf("/data dir", &error);
    QCOMPARE(error.kind, Error::None);
    QCOMPARE(entry.type, FileEntry::Type::Folder);
    QCOMPARE(entry.mode, 0755u);
    QCOMPARE(m_engine->requests,
             QList<QByteArray>{"HEAD /containers/x/archive?path=%2Fdata%20dir"});

    // A HEAD's 404 has no body; the GET behind it tells a missing path from a missing sandbox.
    statOf("/missing", &error);
    QCOMPARE(error.kind, Error::NotFound);
    QVERIFY(error.message.contains(QLatin1String("/missing")));
    QCOMPARE(m_engine->requests.mid(1),
             (QList<QByteArray>{"HEAD /containers/x/archive?path=%2Fmissing",
                                "GET /containers/x/archive?path=%2Fmissing"}));
    m_engine->containerGone = true;
    statOf("/data dir", &error);
    QCOMPARE(error.kind, Error::NotFound);
    QCOMPARE(error.message, DockerSandboxFiles::tr("No such sandbox."));
}

void TestDockerSandboxFiles::sayWhatIsMissing()
{
    QCOMPARE(m_files->capabilities(), SandboxFiles::CanReadArchive | SandboxFiles::CanWriteArchive |
                                          SandboxFiles::PreservesOwnership);
    QVERIFY(!m_files->limitation().isEmpty());
    auto* job = m_files->list("/");
    QSignalSpy finished(job, &Job::finished);
    Error error;
    connect(job, &Job::finished, this, [&] { error = job->error(); });
    QVERIFY(finished.wait(10000));
    QVERIFY(error.isError());
    QVERIFY(!error.message.isEmpty());
}

void TestDockerSandboxFiles::hostileArchivesWriteNothingOutside_data()
{
    QTest::addColumn<QByteArray>("tar");
    QTest::newRow("dotdot") << TarBuilder().folder("evil").file("evil/../../escaped", "x").finish();
    QTest::newRow("absolute") << TarBuilder()
                                     .folder("evil")
                                     .file(QFile::encodeName(
                                               m_dir->filePath(QStringLiteral("outside/escaped"))),
                                           "x")
                                     .finish();
    QTest::newRow("own symlink") << TarBuilder()
                                        .folder("evil")
                                        .symlink("evil/up", "../..")
                                        .file("evil/up/escaped", "x")
                                        .finish();
    QTest::newRow("symlink first name")
        << TarBuilder().symlink("evil", "..").file("evil/escaped", "x").finish();
    QTest::newRow("hard link out")
        << TarBuilder().folder("evil").hardlink("evil/h", "../secret/key").finish();
    QTest::newRow("device") << TarBuilder()
                                   .folder("evil")
                                   .special("evil/dev", AE_IFCHR)
                                   .special("evil/fifo", AE_IFIFO)
                                   .finish();
    QTest::newRow("setuid") << TarBuilder().folder("evil").file("evil/suid", "x", 04755).finish();
}

void TestDockerSandboxFiles::hostileArchivesWriteNothingOutside()
{
    QFETCH(QByteArray, tar);
    QFile secret(m_dir->filePath(QStringLiteral("outside/secret/key")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("private");
    secret.close();
    const auto outsideTarget = [this] {
        QStringList paths = treeOf(m_dir->filePath(QStringLiteral("outside")));
        paths.removeIf(
            [](const QString& path) { return path.startsWith(QLatin1String("target/")); });
        return paths;
    };
    const QStringList before = outsideTarget();
    m_engine->archives.insert("/evil", tar);

    std::unique_ptr<FileTransfer> transfer(
        FileTransfer::download(m_files.get(), {"/evil"}, m_target));
    QSignalSpy finished(transfer.get(), &FileTransfer::finished);
    transfer->start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(transfer->state(), FileTransfer::State::Finished);

    QCOMPARE(outsideTarget(), before);
    QVERIFY(secret.open(QIODevice::ReadOnly));
    QCOMPARE(secret.readAll(), QByteArray("private"));
    const QStringList extracted = treeOf(m_target);
    if (QByteArray(QTest::currentDataTag()) == "setuid") {
        QVERIFY(transfer->warnings().isEmpty());
        QCOMPARE(QFile(m_target + QStringLiteral("/evil/suid")).permissions() & QFile::ExeOwner,
                 QFile::ExeOwner);
        struct stat info;
        QCOMPARE(
            ::stat(QFile::encodeName(m_target + QStringLiteral("/evil/suid")).constData(), &info),
            0);
        QCOMPARE(info.st_mode & 07000, 0u);
    } else {
        QVERIFY2(!transfer->warnings().isEmpty(), qPrintable(extracted.join(QLatin1Char(' '))));
        for (const QString& path : extracted)
            QVERIFY2(
                !path.contains(QLatin1String("escaped")) && !path.endsWith(QLatin1String("/h")) &&
                    !path.contains(QLatin1String("dev")) && !path.contains(QLatin1String("fifo")),
                qPrintable(path));
    }
}

void TestDockerSandboxFiles::conflictsAskAndAreAnswered()
{
    m_engine->archives.insert("/d/a.txt", TarBuilder().file("a.txt", "new").finish());
    m_engine->archives.insert("/d/b", TarBuilder().folder("b").file("b/in", "new").finish());
    m_engine->archives.insert("/d/c", TarBuilder().file("c", "new").finish());
    m_engine->files = {"/d/a.txt", "/d/c"};
    for (const char* name : {"a.txt", "c"}) {
        QFile file(m_target + QLatin1Char('/') + QLatin1String(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
    }
    QVERIFY(QDir(m_target).mkdir(QStringLiteral("b")));

    std::unique_ptr<FileTransfer> transfer(
        FileTransfer::download(m_files.get(), {"/d/a.txt", "/d/b", "/d/c"}, m_target));
    QStringList asked;
    connect(transfer.get(), &FileTransfer::conflictFound, this,
            [&](const QString& name, bool isFolder) {
                asked << name + (isFolder ? QStringLiteral("/") : QString());
                QCOMPARE(transfer->state(), FileTransfer::State::AskingConflict);
                // The first answer is for this one only, the second for all that follow.
                if (asked.size() == 1)
                    transfer->resolveConflict(FileTransfer::ConflictChoice::KeepBoth);
                else
                    transfer->resolveConflict(FileTransfer::ConflictChoice::Skip, true);
            });
    QSignalSpy finished(transfer.get(), &FileTransfer::finished);
    transfer->start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(transfer->state(), FileTransfer::State::Finished);
    QCOMPARE(asked, (QStringList{QStringLiteral("a.txt"), QStringLiteral("b/")}));
    QCOMPARE(transfer->itemsDone(), 3);
    const QStringList expected{QStringLiteral("a (2).txt"), QStringLiteral("a.txt"),
                               QStringLiteral("b/"), QStringLiteral("c")};
    QCOMPARE(treeOf(m_target), expected);
    QFile renamed(m_target + QStringLiteral("/a (2).txt"));
    QVERIFY(renamed.open(QIODevice::ReadOnly));
    QCOMPARE(renamed.readAll(), QByteArray("new"));
    QFile skipped(m_target + QStringLiteral("/c"));
    QVERIFY(skipped.open(QIODevice::ReadOnly));
    QCOMPARE(skipped.readAll(), QByteArray("old"));
    QCOMPARE(transfer->warnings().size(), 2);
}

void TestDockerSandboxFiles::replyMayEndAfterTheArchive()
{
    // The unpacking ends at the archive's last block; the engine's reply ends a while later.
    // The transfer waits for both, and still has the extractor when the reply ends (under the
    // sanitizers, a use after free showed here).
    m_engine->archives.insert("/late", TarBuilder().folder("late").file("late/f", "data").finish());
    m_engine->lateEndMs = 300;
    std::unique_ptr<FileTransfer> transfer(
        FileTransfer::download(m_files.get(), {"/late"}, m_target));
    QSignalSpy finished(transfer.get(), &FileTransfer::finished);
    transfer->start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(transfer->error().fullText(), QString());
    QCOMPARE(transfer->state(), FileTransfer::State::Finished);
    QFile file(m_target + QStringLiteral("/late/f"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("data"));
}

QTEST_GUILESS_MAIN(TestDockerSandboxFiles)
#include "tst_dockersandboxfiles.moc"
