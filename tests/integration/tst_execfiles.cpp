#include "BackendFixture.h"
#include "EciBackendFixture.h"
#include "JobResults.h"
#include "files/ExecSandboxFiles.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>

using namespace DockerTestEnvironment;

namespace {

const int Generous = 60000;

// Makes the test tree in the container from a script of plain ASCII: every hostile byte
// comes from printf's octal escapes.
const char* const treeScript = R"sh(set -e
mkdir -p /t/sub/deeper && cd /t
printf 'x' > 'a b'
printf '' > empty
printf 'nl' > "$(printf 'new\nline')"
printf 'c' > "$(printf 'ctl\001x')"
printf 'u' > "$(printf 'bad\377name')"
printf 'r' > "$(printf '\342\200\256evil')"
printf 'h' > .hidden
printf 'z' > -dash
printf '\344\270\255\346\226\207' > "$(printf '\344\270\255\346\226\207.txt')"
ln -s 'a b' link
ln -s "$(printf 'tar\nget')" link2
chmod 4750 'a b'
chmod 1777 sub
mkfifo fifo
printf 'deep' > sub/deeper/find-me
)sh";

QList<QByteArray> nulSeparated(const QByteArray& text)
{
    QList<QByteArray> parts = text.split('\0');
    if (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    return parts;
}

// A tar of a folder made here, by the host's tar.
QByteArray tarOf(const QString& folder, const QString& name)
{
    QProcess tar;
    tar.start(QStringLiteral("tar"),
              {QStringLiteral("-C"), folder, QStringLiteral("-cf"), QStringLiteral("-"), name});
    tar.waitForFinished(60000);
    return tar.readAllStandardOutput();
}

bool untar(const QByteArray& archive, const QString& into)
{
    QProcess tar;
    tar.start(QStringLiteral("tar"),
              {QStringLiteral("-C"), into, QStringLiteral("-xf"), QStringLiteral("-")});
    tar.write(archive);
    tar.closeWriteChannel();
    return tar.waitForFinished(60000) && tar.exitCode() == 0;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// A sink that keeps what it is given until drained: bytesToWrite() is all of it.
class HeldSink final : public QIODevice
{
public:
    HeldSink() { open(QIODevice::WriteOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesToWrite() const override { return m_held; }
    void drain()
    {
        const qint64 held = m_held;
        m_held = 0;
        if (held > 0)
            Q_EMIT bytesWritten(held);
    }
    qint64 held() const { return m_held; }
    qint64 total() const { return m_total; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char*, qint64 size) override
    {
        m_held += size;
        m_total += size;
        return size;
    }

private:
    qint64 m_held = 0;
    qint64 m_total = 0;
};

} // namespace

class TestExecFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listMatchesLs();
    void statDescribesWithoutFollowing();
    void missingPaths();
    void findByName();
    void makeMoveChangeRemove();
    void transferRoundTrip();
    void stoppedContainer();
    void dockerFilesListThroughExec();
    void eciThroughTheEmulator();

private:
    QByteArray inContainer(const QString& script, int* exitCode = nullptr);

    std::unique_ptr<DockerBackend> m_backend;
    std::unique_ptr<ExecSandboxFiles> m_files;
    QString m_id;
    QStringList m_containers;
};

QByteArray TestExecFiles::inContainer(const QString& script, int* exitCode)
{
    const auto result =
        docker({QStringLiteral("exec"), m_id, QStringLiteral("sh"), QStringLiteral("-c"), script});
    if (exitCode)
        *exitCode = result.exitCode;
    return result.out;
}

void TestExecFiles::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 15000);
    const auto run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                             QStringLiteral("--network"), QStringLiteral("none"),
                             QStringLiteral("--name"), uniqueName(QStringLiteral("files")), image(),
                             QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    m_id = QString::fromUtf8(run.out).trimmed();
    m_containers << m_id;
    int exitCode = -1;
    inContainer(QString::fromLatin1(treeScript), &exitCode);
    QCOMPARE(exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(m_id).status == SandboxStatus::Running, 15000);
    m_files = std::make_unique<ExecSandboxFiles>(m_backend.get(), m_id);
    QCOMPARE(m_files->capabilities(), SandboxFiles::CanList | SandboxFiles::CanModify |
                                          SandboxFiles::CanReadArchive |
                                          SandboxFiles::CanWriteArchive);
    QVERIFY(m_files->limitation().isEmpty());
}

void TestExecFiles::cleanupTestCase()
{
    m_files.reset();
    for (const QString& id : std::as_const(m_containers))
        docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
}

void TestExecFiles::listMatchesLs()
{
    Error error;
    const QList<FileEntry> entries = valueOf(m_files->list("/t"), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));

    // The names, as find in the container prints them NUL-terminated.
    QList<QByteArray> expected;
    for (const QByteArray& path :
         nulSeparated(inContainer(QStringLiteral("find /t -mindepth 1 -maxdepth 1 -print0"))))
        expected << path.mid(3);
    QList<QByteArray> names;
    for (const FileEntry& entry : entries)
        names << entry.name;
    std::sort(expected.begin(), expected.end());
    std::sort(names.begin(), names.end());
    QCOMPARE(names, expected);
    QCOMPARE(names.size(), 13);

    // ls -ln for the names it can print on one line: type and mode, owner, size, target.
    const QList<QByteArray> lsLines = inContainer(QStringLiteral("ls -lna /t")).split('\n');
    int compared = 0;
    for (const FileEntry& entry : entries) {
        const bool plain = std::all_of(entry.name.begin(), entry.name.end(),
                                       [](char c) { return c > 0x20 && c < 0x7F; });
        if (!plain)
            continue;
        for (const QByteArray& line : lsLines) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 9)
                continue;
            const QByteArray shownName = fields.at(8);
            if (shownName != entry.name)
                continue;
            const char type = fields.at(0).at(0);
            const char expectedType = entry.type == FileEntry::Type::Folder    ? 'd'
                                      : entry.type == FileEntry::Type::Symlink ? 'l'
                                      : entry.type == FileEntry::Type::File    ? '-'
                                                                               : 'p';
            QCOMPARE(type, expectedType);
            QCOMPARE(entry.owner, QStringLiteral("root"));
            QCOMPARE(fields.at(2), QByteArray("0"));
            if (entry.type != FileEntry::Type::Folder)
                QCOMPARE(fields.at(4).toLongLong(), entry.size);
            if (entry.type == FileEntry::Type::Symlink && entry.name == "link")
                QCOMPARE(fields.at(10), QByteArray("a"));
            ++compared;
        }
    }
    QVERIFY(compared >= 7);

    const auto byName = [&entries](const QByteArray& name) {
        for (const FileEntry& entry : entries)
            if (entry.name == name)
                return entry;
        return FileEntry();
    };
    QCOMPARE(byName("a b").mode, 04750u);
    QCOMPARE(byName("a b").size, 1);
    QCOMPARE(byName("sub").mode, 01777u);
    QCOMPARE(byName("sub").type, FileEntry::Type::Folder);
    QCOMPARE(byName("empty").size, 0);
    QCOMPARE(byName("fifo").type, FileEntry::Type::Other);
    QCOMPARE(byName("link").linkTarget, QByteArray("a b"));
    QCOMPARE(byName("link2").linkTarget, QByteArray("tar\nget"));
    QCOMPARE(byName("new\nline").size, 2);
    QCOMPARE(byName("bad\xffname").size, 1);
    QCOMPARE(RemotePaths::displayName(byName("bad\xffname").name), QStringLiteral("bad\\xFFname"));
    QCOMPARE(byName("\xe4\xb8\xad\xe6\x96\x87.txt").size, 6);
    QVERIFY(byName(".hidden").isHidden());
    // The container's clock and ours agree to within the test's run.
    QVERIFY(qAbs(byName("empty").modified.secsTo(QDateTime::currentDateTimeUtc())) < 600);
}

void TestExecFiles::statDescribesWithoutFollowing()
{
    Error error;
    const FileEntry link = valueOf(m_files->stat("/t/link"), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(link.name, QByteArray("link"));
    QCOMPARE(link.type, FileEntry::Type::Symlink);
    QCOMPARE(link.linkTarget, QByteArray("a b"));
    const FileEntry root = valueOf(m_files->stat("/"), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(root.type, FileEntry::Type::Folder);
}

void TestExecFiles::missingPaths()
{
    Error error;
    valueOf(m_files->list("/t/nothing here"), &error);
    QCOMPARE(error.kind, Error::NotFound);
    QVERIFY(error.message.contains(QLatin1String("/t/nothing here")));
    valueOf(m_files->stat("/t/nothing"), &error);
    QCOMPARE(error.kind, Error::NotFound);
    valueOf(m_files->list("/t/a b"), &error);
    QCOMPARE(error.kind, Error::Invalid);
    QCOMPARE(errorOf(m_files->remove("/t/nothing", false)).kind, Error::NotFound);
    QCOMPARE(errorOf(m_files->changeMode("/t/nothing", 0644)).kind, Error::NotFound);
    valueOf(m_files->list("relative"), &error);
    QCOMPARE(error.kind, Error::Invalid);
}

void TestExecFiles::findByName()
{
    Error error;
    const QList<FileEntry> found = valueOf(m_files->find("/t", "find-*"), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().name, QByteArray("sub/deeper/find-me"));
    QCOMPARE(found.first().size, 4);
    const QList<FileEntry> newline = valueOf(m_files->find("/t", "new*"), &error);
    QCOMPARE(newline.size(), 1);
    QCOMPARE(newline.first().name, QByteArray("new\nline"));
}

void TestExecFiles::makeMoveChangeRemove()
{
    QCOMPARE(errorOf(m_files->makeFolder("/t/made", false)).kind, Error::None);
    QCOMPARE(errorOf(m_files->makeFolder("/t/made", false)).kind, Error::Conflict);
    QCOMPARE(errorOf(m_files->makeFolder("/t/made/x/y\nz", true)).kind, Error::None);
    QCOMPARE(errorOf(m_files->makeFolder("/t/none/x", false)).kind, Error::NotFound);
    int exitCode = -1;
    inContainer(QStringLiteral("test -d \"/t/made/x/$(printf 'y\\nz')\""), &exitCode);
    QCOMPARE(exitCode, 0);

    QCOMPARE(errorOf(m_files->move("/t/made", "/t/moved \xff")).kind, Error::None);
    inContainer(QStringLiteral("test -d \"/t/moved $(printf '\\377')/x\""), &exitCode);
    QCOMPARE(exitCode, 0);
    const Error conflict = errorOf(m_files->move("/t/empty", "/t/a b"));
    QCOMPARE(conflict.kind, Error::Conflict);
    QVERIFY(conflict.message.contains(QLatin1String("a b")));

    QCOMPARE(errorOf(m_files->changeMode("/t/empty", 0600)).kind, Error::None);
    Error error;
    QCOMPARE(valueOf(m_files->stat("/t/empty"), &error).mode, 0600u);
    QCOMPARE(inContainer(QStringLiteral("stat -c %a /t/empty")).trimmed(), QByteArray("600"));

    QCOMPARE(valueOf(m_files->countEntries("/t/moved \xff"), &error), 3);
    QCOMPARE(valueOf(m_files->countEntries("/t/empty"), &error), 1);
    QCOMPARE(errorOf(m_files->remove("/t/moved \xff", false)).kind, Error::Conflict);
    QCOMPARE(errorOf(m_files->remove("/t/moved \xff", true)).kind, Error::None);
    QCOMPARE(errorOf(m_files->remove("/t/link", false)).kind, Error::None);
    // The link went, not what it pointed to.
    inContainer(QStringLiteral("test -f '/t/a b' && ! test -e /t/link"), &exitCode);
    QCOMPARE(exitCode, 0);
    inContainer(QStringLiteral("ln -s 'a b' /t/link"));
}

void TestExecFiles::transferRoundTrip()
{
    QTemporaryDir here;
    QVERIFY(here.isValid());
    const QString top = here.filePath(QStringLiteral("up"));
    QVERIFY(QDir().mkpath(top + QStringLiteral("/inner")));
    const QByteArray big = randomBytes(3 * 1024 * 1024 + 17);
    QFile bigFile(top + QStringLiteral("/big.bin"));
    QVERIFY(bigFile.open(QIODevice::WriteOnly));
    bigFile.write(big);
    bigFile.close();
    QFile odd(QFile::decodeName(QFile::encodeName(top) + "/inner/sp ace\nnl"));
    QVERIFY(odd.open(QIODevice::WriteOnly));
    odd.write("odd");
    odd.close();

    QBuffer source;
    source.setData(tarOf(here.path(), QStringLiteral("up")));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QVERIFY(errorOf(m_files->makeFolder("/dst", true)).kind == Error::None);
    const int before = m_files->execCount();
    QCOMPARE(errorOf(m_files->writeArchive("/dst", &source, SandboxFiles::Owners::Sandbox)).kind,
             Error::None);
    QCOMPARE(m_files->execCount(), before + 1);
    const QByteArray sum = inContainer(QStringLiteral("sha256sum /dst/up/big.bin")).left(64);
    QCOMPARE(sum, QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex());
    QCOMPARE(inContainer(QStringLiteral("cat \"/dst/up/inner/sp ace$(printf '\\nnl')\"")),
             QByteArray("odd"));

    QBuffer sink;
    QVERIFY(sink.open(QIODevice::WriteOnly));
    Job* download = m_files->readArchive("/dst/up", &sink);
    qint64 progress = 0;
    connect(download, &Job::progressed, this, [&progress](qint64 done) { progress = done; });
    QCOMPARE(errorOf(download).kind, Error::None);
    QCOMPARE(m_files->execCount(), before + 2);
    QCOMPARE(progress, sink.data().size());
    QTemporaryDir back;
    QVERIFY(untar(sink.data(), back.path()));
    QFile returned(back.filePath(QStringLiteral("up/big.bin")));
    QVERIFY(returned.open(QIODevice::ReadOnly));
    QVERIFY(returned.readAll() == big);
    QFile returnedOdd(QFile::decodeName(QFile::encodeName(back.path()) + "/up/inner/sp ace\nnl"));
    QVERIFY(returnedOdd.open(QIODevice::ReadOnly));
    QCOMPARE(returnedOdd.readAll(), QByteArray("odd"));

    QBuffer nowhere;
    QVERIFY(nowhere.open(QIODevice::WriteOnly));
    QCOMPARE(errorOf(m_files->readArchive("/dst/none", &nowhere)).kind, Error::NotFound);
}

void TestExecFiles::stoppedContainer()
{
    const auto run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), image(), QStringLiteral("true")});
    QCOMPARE(run.exitCode, 0);
    const QString id = QString::fromUtf8(run.out).trimmed();
    m_containers << id;
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(id).status == SandboxStatus::Exited, 15000);
    ExecSandboxFiles files(m_backend.get(), id);
    QCOMPARE(files.capabilities(), SandboxFiles::Capabilities());
    QVERIFY(files.limitation().contains(QLatin1String("not running")));
    Error error;
    valueOf(files.list("/"), &error);
    QCOMPARE(error.kind, Error::Conflict);
    QCOMPARE(error.message, files.limitation());
    QCOMPARE(files.execCount(), 0);

    // Docker's own files object still has the archive API on a stopped container.
    std::unique_ptr<SandboxFiles> docker(m_backend->openFiles(id));
    QCOMPARE(docker->capabilities(), SandboxFiles::CanReadArchive | SandboxFiles::CanWriteArchive |
                                         SandboxFiles::PreservesOwnership);
    QVERIFY(!docker->limitation().isEmpty());
    valueOf(docker->list("/"), &error);
    QCOMPARE(error.kind, Error::Conflict);
    QCOMPARE(error.message, docker->limitation());
    QBuffer sink;
    QVERIFY(sink.open(QIODevice::WriteOnly));
    QCOMPARE(errorOf(docker->readArchive("/bin/sh", &sink)).kind, Error::None);
    QVERIFY(sink.size() > 512);
}

void TestExecFiles::dockerFilesListThroughExec()
{
    std::unique_ptr<SandboxFiles> docker(m_backend->openFiles(m_id));
    QCOMPARE(docker->capabilities(),
             SandboxFiles::CanList | SandboxFiles::CanModify | SandboxFiles::CanReadArchive |
                 SandboxFiles::CanWriteArchive | SandboxFiles::PreservesOwnership);
    QVERIFY(docker->limitation().isEmpty());
    Error error;
    const QList<FileEntry> entries = valueOf(docker->list("/t"), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QVERIFY(std::any_of(entries.begin(), entries.end(),
                        [](const FileEntry& entry) { return entry.name == "new\nline"; }));
}

void TestExecFiles::eciThroughTheEmulator()
{
    QNetworkAccessManager network;
    EciEmulatorProcess emulator{QStringLiteral(ECI_EMULATOR_PATH)};
    QVERIFY(emulator.start());
    auto backend =
        makeEciBackend(&network, emulator.endpoint(), uniqueName(QStringLiteral("files")));
    QSignalSpy settled(backend.get(), &Backend::settled);
    backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
    QVERIFY(backend->capabilities().testFlag(Backend::CanBrowseFiles));
    const EciOutcome created = awaitEci(backend->create(eciSpec(uniqueName(QStringLiteral("g")))));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    const QString id = created.result.toString();
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(id).status, SandboxStatus::Running, Generous);
    std::unique_ptr<SandboxFiles> opened(backend->openFiles(id));
    auto* files = qobject_cast<ExecSandboxFiles*>(opened.get());
    QVERIFY(files);

    Error error;
    const QList<FileEntry> root = valueOf(files->list("/"), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QVERIFY(std::any_of(root.begin(), root.end(), [](const FileEntry& entry) {
        return entry.name == "bin" && entry.type == FileEntry::Type::Folder;
    }));

    // Upload, then an edit-style overwrite of one file, then download: one exec each.
    QTemporaryDir here;
    QVERIFY(QDir().mkpath(here.filePath(QStringLiteral("e"))));
    const QByteArray payload = randomBytes(1024 * 1024 + 5);
    QFile data(here.filePath(QStringLiteral("e/data.bin")));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write(payload);
    data.close();
    QFile note(here.filePath(QStringLiteral("e/note.txt")));
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("first\n");
    note.close();
    QBuffer upload;
    upload.setData(tarOf(here.path(), QStringLiteral("e")));
    QVERIFY(upload.open(QIODevice::ReadOnly));
    int calls = files->execCount();
    QCOMPARE(errorOf(files->writeArchive("/tmp", &upload, SandboxFiles::Owners::Sandbox)).kind,
             Error::None);
    QCOMPARE(files->execCount(), calls + 1);

    QVERIFY(note.open(QIODevice::WriteOnly | QIODevice::Truncate));
    note.write("edited\n");
    note.close();
    QBuffer edit;
    edit.setData(tarOf(here.filePath(QStringLiteral("e")), QStringLiteral("note.txt")));
    QVERIFY(edit.open(QIODevice::ReadOnly));
    QCOMPARE(errorOf(files->writeArchive("/tmp/e", &edit, SandboxFiles::Owners::Sandbox)).kind,
             Error::None);

    QBuffer sink;
    QVERIFY(sink.open(QIODevice::WriteOnly));
    calls = files->execCount();
    QCOMPARE(errorOf(files->readArchive("/tmp/e", &sink)).kind, Error::None);
    QCOMPARE(files->execCount(), calls + 1);
    QTemporaryDir back;
    QVERIFY(untar(sink.data(), back.path()));
    QFile returned(back.filePath(QStringLiteral("e/data.bin")));
    QVERIFY(returned.open(QIODevice::ReadOnly));
    QVERIFY(returned.readAll() == payload);
    QFile returnedNote(back.filePath(QStringLiteral("e/note.txt")));
    QVERIFY(returnedNote.open(QIODevice::ReadOnly));
    QCOMPARE(returnedNote.readAll(), QByteArray("edited\n"));

    const FileEntry stat = valueOf(files->stat("/tmp/e/data.bin"), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QCOMPARE(stat.size, payload.size());

    // A download into a sink that does not drain stops within the window: what waits on this
    // side is bounded, whatever the file's size.
    QFile big(here.filePath(QStringLiteral("e/big.bin")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    for (int i = 0; i < 24; ++i)
        big.write(payload.left(1024 * 1024));
    big.close();
    QBuffer bigUpload;
    bigUpload.setData(tarOf(here.filePath(QStringLiteral("e")), QStringLiteral("big.bin")));
    QVERIFY(bigUpload.open(QIODevice::ReadOnly));
    QCOMPARE(errorOf(files->writeArchive("/tmp/e", &bigUpload, SandboxFiles::Owners::Sandbox)).kind,
             Error::None);
    HeldSink held;
    Job* slow = files->readArchive("/tmp/e/big.bin", &held);
    slow->setAutoDelete(false);
    std::unique_ptr<Job> slowOwned(slow);
    QTest::qWait(3000);
    QVERIFY(!slow->isFinished());
    // One chunk is at most 512 KiB; the window's are on the way when the sink stops taking.
    const qint64 bound = ExecSandboxFiles::sinkBound + (ExecSandboxFiles::window + 1) * 512 * 1024;
    QVERIFY2(held.held() > 0 && held.held() <= bound, QByteArray::number(held.held()).constData());
    QTimer drainer;
    connect(&drainer, &QTimer::timeout, &held, &HeldSink::drain);
    drainer.start(5);
    QVERIFY(QTest::qWaitFor([slow] { return slow->isFinished(); }, Generous));
    QCOMPARE(slow->error().kind, Error::None);
    QVERIFY(held.total() > 24 * 1024 * 1024);
    QCOMPARE(errorOf(files->remove("/tmp/e", true)).kind, Error::None);
    valueOf(files->stat("/tmp/e"), &error);
    QCOMPARE(error.kind, Error::NotFound);
}

QTEST_GUILESS_MAIN(TestExecFiles)
#include "tst_execfiles.moc"
