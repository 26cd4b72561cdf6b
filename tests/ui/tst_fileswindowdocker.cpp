#include "DockerTestEnvironment.h"
#include "docker/DockerBackend.h"
#include "files/FilePreview.h"
#include "files/FileTransfer.h"
#include "files/FilesWindow.h"
#include "files/RemoteFileModel.h"
#include "files/SandboxFiles.h"
#include "files/TransfersPanel.h"
#include "settings/Translations.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// The file browser against a real container on the engine in DOCKER_HOST (scripts/test starts
// a private one): preview, upload and download through the archive API, and a clear word for
// what the sandbox cannot do.
class TestFilesWindowDocker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void previewsAndTransfersWithARealContainer();

private:
    QString exec(const QString& script);

    Translations m_translations;
    DockerBackend* m_backend = nullptr;
    QPointer<FilesWindow> m_window;
    QString m_container;
    QString m_id;
};

void TestFilesWindowDocker::init()
{
    REQUIRE_TEST_ENGINE();
    m_translations.apply(QStringLiteral("en"));
    m_backend = new DockerBackend(QStringLiteral("docker-test"), QStringLiteral("Docker (test)"),
                                  Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
    m_backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 20000);
    QVERIFY(m_backend->capabilities().testFlag(Backend::CanBrowseFiles));
    m_container = DockerTestEnvironment::uniqueName(QStringLiteral("files-ui"));
    const auto run = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--name"), m_container,
         DockerTestEnvironment::image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    m_id = QString::fromUtf8(run.out).trimmed();
    exec(QStringLiteral("mkdir -p /data/sub/deeper && printf 'hello\\n' > /data/a.txt && "
                        "touch '/data/with space' /data/sub/deeper/x"));
}

void TestFilesWindowDocker::cleanup()
{
    delete m_window;
    delete m_backend;
    m_backend = nullptr;
    if (!m_container.isEmpty())
        DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), m_container});
    m_container.clear();
}

QString TestFilesWindowDocker::exec(const QString& script)
{
    const auto result = DockerTestEnvironment::docker(
        {QStringLiteral("exec"), m_container, QStringLiteral("sh"), QStringLiteral("-c"), script});
    return QString::fromUtf8(result.out);
}

void TestFilesWindowDocker::previewsAndTransfersWithARealContainer()
{
    SandboxFiles* files = m_backend->openFiles(m_id);
    QVERIFY(files);
    m_window = new FilesWindow(files, m_container);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    // Whatever the sandbox cannot do is said, never waited for.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->state() != RemoteFileModel::State::Loading, 20000);
    if (!files->capabilities().testFlag(SandboxFiles::CanList))
        QCOMPARE(m_window->bannerText(), files->limitation());

    // Preview reads the head of the file through the archive API.
    FileEntry entry;
    entry.name = "a.txt";
    entry.size = 6;
    m_window->preview()->show();
    m_window->preview()->open(files, "/data/a.txt", entry);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->preview()->content(), FilePreview::Content::Text, 20000);
    QCOMPARE(m_window->preview()->textView()->toPlainText(), QStringLiteral("hello\n"));

    // Upload and download through FileTransfer.
    QTemporaryDir local;
    {
        QFile file(local.filePath(QStringLiteral("up.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("uploaded\n");
    }
    FileTransfer* up = m_window->upload({local.filePath(QStringLiteral("up.txt"))}, "/data");
    QVERIFY(up);
    QTRY_COMPARE_WITH_TIMEOUT(up->state(), FileTransfer::State::Finished, 20000);
    QCOMPARE(exec(QStringLiteral("cat /data/up.txt")), QStringLiteral("uploaded\n"));
    QTemporaryDir down;
    FileTransfer* get = m_window->download({"/data/sub", "/data/a.txt"}, down.path());
    QVERIFY(get);
    QTRY_COMPARE_WITH_TIMEOUT(get->state(), FileTransfer::State::Finished, 20000);
    QVERIFY(QFile::exists(down.filePath(QStringLiteral("sub/deeper/x"))));
    QFile got(down.filePath(QStringLiteral("a.txt")));
    QVERIFY(got.open(QIODevice::ReadOnly));
    QCOMPARE(got.readAll(), QByteArray("hello\n"));
}

QTEST_MAIN(TestFilesWindowDocker)
#include "tst_fileswindowdocker.moc"
