#include "CanarySweep.h"
#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "accounts/AccountsDialog.h"
#include "credentials/CredentialStore.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

// The canary sweep for ECI: an account whose secret is a fresh canary is added through
// the Accounts page, then the window lists, creates, shows the details of, follows the logs
// of, opens a terminal into, exports and deletes an ECI sandbox. Afterwards the canary must
// be in the credential store and nowhere else (see CanarySweep::expectNowhereElse).
class TestEciCanary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { CanarySweep::recordMessages(); }
    void cleanupTestCase() { CanarySweep::stopRecording(); }
    void canaryAppearsOnlyInTheStore();
};

void TestEciCanary::canaryAppearsOnlyInTheStore()
{
    REQUIRE_TEST_ENGINE();
    const QDateTime began = QDateTime::currentDateTime().addSecs(-2);
    // Unique, so that no other process on the machine carries it by chance.
    const QString canary =
        QStringLiteral("CANARY-eci-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString sweepProblem = CanarySweep::selfCheck(canary);
    QVERIFY2(sweepProblem.isEmpty(), qPrintable(sweepProblem));
    EciEmulatorProcess emulator(QStringLiteral(ECI_EMULATOR_PATH));
    emulator.setSecret(canary);
    QVERIFY2(emulator.start(), emulator.log().constData());
    const std::unique_ptr<CredentialStore> keychain = CanarySweep::keychain();
    QVERIFY(keychain);

    CanarySweep::App app(*keychain);
    MainWindow* window = app.window.get();
    CanarySweep::WindowSteps steps(window);
    STEP(app.show());

    // The account, through the Accounts page.
    window->findChild<QAction*>(QStringLiteral("actionAccounts"))->trigger();
    auto* accountsDialog = window->findChild<AccountsDialog*>();
    QVERIFY(accountsDialog);
    AccountEditor* editor = accountsDialog->addAccount();
    editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("canary"));
    editor->findChild<QLineEdit*>(QStringLiteral("accessKeyIdEdit"))
        ->setText(EciEmulatorProcess::accessKeyId());
    editor->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->setText(canary);
    editor->findChild<QLineEdit*>(QStringLiteral("endpointEdit"))->setText(emulator.endpoint());
    editor->findChild<QComboBox*>(QStringLiteral("regionCombo"))
        ->setEditText(QStringLiteral("cn-hangzhou"));
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("fetchRegionsButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        editor->findChild<QComboBox*>(QStringLiteral("regionCombo"))->count() > 0, 60000);
    editor->findChild<QComboBox*>(QStringLiteral("regionCombo"))
        ->setEditText(QStringLiteral("cn-hangzhou"));
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(app.accounts.contains(QStringLiteral("canary")), 60000);
    accountsDialog->close();

    // The connection appears in the window and lists.
    QTRY_COMPARE_WITH_TIMEOUT(window->backends().size(), 1, 60000);
    Backend* backend = window->backends().first();
    QVERIFY(app.connections.origin(backend).isEci());
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 60000);

    const QString name =
        QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    STEP(steps.create(name, [&emulator] { return emulator.log(); }));
    // Details: inspect, containers, events, resource history.
    auto* containers = window->findChild<QTreeWidget*>(QStringLiteral("containersTree"));
    QTRY_VERIFY_WITH_TIMEOUT(containers->topLevelItemCount() == 1, 60000);
    auto* events = window->findChild<QTreeWidget*>(QStringLiteral("eventsTree"));
    QTRY_VERIFY_WITH_TIMEOUT(events->topLevelItemCount() > 0, 60000);
    STEP(steps.showAndExportLogs());
    STEP(steps.openTerminal());
    STEP(steps.remove(name));
    STEP(steps.exportActivity(app.activity));

    app.quit();

    const QString keyName = app.accounts.account(QStringLiteral("canary")).secretKey();
    STEP(CanarySweep::expectStored(*keychain, keyName, canary));
    CanarySweep::expectNowhereElse(canary, keyName, began);
}

int main(int argc, char* argv[])
{
    return CanarySweep::run<TestEciCanary>(argc, argv);
}

#include "tst_ecicanary.moc"
