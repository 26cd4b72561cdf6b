#include "CanarySweep.h"
#include "DockerTestEnvironment.h"
#include "OpenSandboxEmulatorProcess.h"
#include "accounts/AccountsDialog.h"
#include "accounts/OpenSandboxServersPanel.h"
#include "credentials/CredentialStore.h"
#include "files/FileTransfer.h"
#include "files/FilesWindow.h"
#include "files/RemoteFileModel.h"
#include "terminal/TerminalTab.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

// The canary sweep for OpenSandbox: a server whose API key is a fresh canary is added through
// the Accounts page, then the window lists, creates, follows the logs of, opens a terminal
// into (and exports its recording), moves a file in and out of, and deletes a sandbox. After
// the window has closed, the key must be in the keychain and nowhere else (see
// CanarySweep::expectNowhereElse), the emulator given it through its environment.
class TestOpenSandboxCanary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { CanarySweep::recordMessages(); }
    void cleanupTestCase() { CanarySweep::stopRecording(); }
    void apiKeyAppearsOnlyInTheKeychain();
};

void TestOpenSandboxCanary::apiKeyAppearsOnlyInTheKeychain()
{
    REQUIRE_TEST_ENGINE();
    const QDateTime began = QDateTime::currentDateTime().addSecs(-2);
    const QString canary =
        QStringLiteral("CANARY-osb-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString sweepProblem = CanarySweep::selfCheck(canary);
    QVERIFY2(sweepProblem.isEmpty(), qPrintable(sweepProblem));
    OpenSandboxEmulatorProcess emulator(QStringLiteral(OPENSANDBOX_EMULATOR_PATH));
    emulator.setKey(canary);
    QVERIFY2(emulator.start(), emulator.log().constData());
    const std::unique_ptr<CredentialStore> keychain = CanarySweep::keychain();
    QVERIFY(keychain);

    CanarySweep::App app(*keychain);
    MainWindow* window = app.window.get();
    CanarySweep::WindowSteps steps(window);
    STEP(app.show());

    // The server, through the Accounts page.
    window->findChild<QAction*>(QStringLiteral("actionAccounts"))->trigger();
    auto* accountsDialog = window->findChild<AccountsDialog*>();
    QVERIFY(accountsDialog);
    OpenSandboxServerEditor* editor = accountsDialog->openSandboxServers()->addServer();
    QVERIFY(editor);
    editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("canary"));
    editor->findChild<QLineEdit*>(QStringLiteral("domainEdit"))->setText(emulator.domain());
    editor->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))->setText(canary);
    QSignalSpy saved(editor, &OpenSandboxServerEditor::saved);
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QVERIFY2(saved.count() == 1 || saved.wait(30000), qPrintable(editor->message()));
    QVERIFY(app.servers.contains(QStringLiteral("canary")));
    accountsDialog->close();

    // The connection appears in the window and lists.
    QTRY_COMPARE_WITH_TIMEOUT(window->backends().size(), 1, 60000);
    Backend* backend = window->backends().first();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 60000);

    const QString name =
        QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    STEP(steps.create(name, [&emulator] { return emulator.log(); }));
    STEP(steps.showAndExportLogs());
    STEP(steps.select(name));
    TerminalTab* tab = nullptr;
    STEP(tab = steps.openTerminal());
    // The session's recording, exported.
    const QString cast = QDir(QDir::tempPath()).filePath(QStringLiteral("session.cast"));
    tab->exportTo(SessionExporter::Format::Asciicast, cast);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(cast).size() > 0, 60000);

    // Files through execd's files API: one up, the same one back down.
    STEP(steps.select(name));
    window->findChild<QAction*>(QStringLiteral("actionBrowseFiles"))->trigger();
    FilesWindow* files = nullptr;
    QTRY_VERIFY((files = window->findChild<FilesWindow*>()) != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(files->model()->state() == RemoteFileModel::State::Loaded, 60000);
    const QString local = QDir(QDir::tempPath()).filePath(QStringLiteral("up.txt"));
    {
        QFile file(local);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("canary-file-content\n");
    }
    FileTransfer* up = files->upload({local}, "/tmp");
    QVERIFY(up);
    QTRY_COMPARE_WITH_TIMEOUT(up->state(), FileTransfer::State::Finished, 60000);
    const QString downFolder = QDir(QDir::tempPath()).filePath(QStringLiteral("down"));
    QVERIFY(QDir().mkpath(downFolder));
    FileTransfer* down = files->download({"/tmp/up.txt"}, downFolder);
    QVERIFY(down);
    QTRY_COMPARE_WITH_TIMEOUT(down->state(), FileTransfer::State::Finished, 60000);
    QFile back(QDir(downFolder).filePath(QStringLiteral("up.txt")));
    QVERIFY(back.open(QIODevice::ReadOnly));
    QCOMPARE(back.readAll(), QByteArray("canary-file-content\n"));
    files->close();

    STEP(steps.remove(name));
    STEP(steps.exportActivity(app.activity));

    app.quit();

    const QString keyName = app.servers.server(QStringLiteral("canary")).apiKeyKey();
    STEP(CanarySweep::expectStored(*keychain, keyName, canary));
    CanarySweep::expectNowhereElse(canary, keyName, began);
}

int main(int argc, char* argv[])
{
    return CanarySweep::run<TestOpenSandboxCanary>(argc, argv);
}

#include "tst_opensandboxcanary.moc"
