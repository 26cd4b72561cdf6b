#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "accounts/AccountsDialog.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "eci/EciBackend.h"
#include "sandbox/Job.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

// The Accounts page offscreen, against the real keychain (gnome-keyring under scripts/test;
// the memory store otherwise) and, for regions, the ECI emulator.
class TestAccountsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addKeepsTheSecretInTheStoreOnly();
    void refusesAnIncompleteAccount();
    void editKeepsTheSecretWhenLeftEmpty();
    void removeDeletesTheKeychainItems();
    void importsFromTheEnvironment();
    void importsADotEnvFileAndReportsABadOne();
    void picksAnAliyunProfile();
    void fetchesRegionsFromTheService();
    void missingKeychainOffersASessionOnlyAccount();
    void anAccountWithoutItsSecretIsReported();

private:
    AccountEditor* fill(AccountEditor* editor, const QString& name, const QString& secret);
    static void save(AccountEditor* editor);
    QString stored(const QString& key, Error* error = nullptr);
    QByteArray settingsText() const;
    QTreeWidget* list(AccountsDialog* dialog) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EciAccounts> m_accounts;
    std::unique_ptr<CredentialStore> m_keychain;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ConnectionRegistry> m_connections;
    std::unique_ptr<AccountsDialog> m_dialog;
    QString m_secret;
};

void TestAccountsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_accounts = std::make_unique<EciAccounts>(m_dir->filePath(QStringLiteral("settings.ini")));
    // A service of its own per test: nothing it writes can meet another run's items.
    const bool keychain =
        qEnvironmentVariable("SANDBOXDESK_TEST_SECRET_SERVICE") == QLatin1String("1") ||
        qEnvironmentVariable("SANDBOXDESK_TEST_NO_KEYCHAIN") == QLatin1String("1");
    if (keychain)
        m_keychain = std::make_unique<KeychainCredentialStore>(
            QStringLiteral("SandboxDesk-test-") + QUuid::createUuid().toString(QUuid::Id128));
    else if (TestComponents::required())
        QFAIL(qPrintable(TestComponents::missingSecretService()));
    else
        m_keychain = std::make_unique<MemoryCredentialStore>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_connections = std::make_unique<ConnectionRegistry>(*m_accounts, *m_keychain, m_network.get());
    m_dialog = std::make_unique<AccountsDialog>(*m_connections);
    m_dialog->show();
    m_secret = QStringLiteral("Secret-") + QUuid::createUuid().toString(QUuid::Id128);
}

void TestAccountsDialog::cleanup()
{
    // What a failed test left in the keychain is removed with the accounts' items.
    if (m_accounts && m_keychain) {
        const QList<EciAccount> all = m_accounts->accounts();
        for (const EciAccount& account : all) {
            for (const QString& key : account.storeKeys()) {
                Job* job = m_keychain->remove(key);
                QSignalSpy done(job, &Job::finished);
                done.wait(20000);
            }
        }
    }
    m_dialog.reset();
    m_connections.reset();
    m_network.reset();
    m_keychain.reset();
    m_accounts.reset();
    m_dir.reset();
}

QTreeWidget* TestAccountsDialog::list(AccountsDialog* dialog) const
{
    return dialog->findChild<QTreeWidget*>(QStringLiteral("accountList"));
}

AccountEditor* TestAccountsDialog::fill(AccountEditor* editor, const QString& name,
                                        const QString& secret)
{
    editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(name);
    editor->findChild<QLineEdit*>(QStringLiteral("accessKeyIdEdit"))
        ->setText(QStringLiteral("LTAI5tTest"));
    editor->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->setText(secret);
    editor->findChild<QComboBox*>(QStringLiteral("regionCombo"))
        ->setEditText(QStringLiteral("cn-hangzhou"));
    editor->findChild<QLineEdit*>(QStringLiteral("extraRegionsEdit"))
        ->setText(QStringLiteral("cn-beijing"));
    return editor;
}

void TestAccountsDialog::save(AccountEditor* editor)
{
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
}

QString TestAccountsDialog::stored(const QString& key, Error* error)
{
    Job* job = m_keychain->read(key);
    job->setAutoDelete(false);
    QSignalSpy done(job, &Job::finished);
    if (!job->isFinished())
        done.wait(30000);
    const QString value = job->result().toString();
    if (error)
        *error = job->error();
    delete job;
    return value;
}

QByteArray TestAccountsDialog::settingsText() const
{
    m_accounts->sync();
    QFile file(m_dir->filePath(QStringLiteral("settings.ini")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestAccountsDialog::addKeepsTheSecretInTheStoreOnly()
{
    QSignalSpy added(m_connections.get(), &ConnectionRegistry::connectionAdded);
    AccountEditor* editor = fill(m_dialog->addAccount(), QStringLiteral("work"), m_secret);
    editor->findChild<QLineEdit*>(QStringLiteral("tokenEdit"))->setText(QStringLiteral("STS-tok"));
    QVERIFY(m_dialog->findChild<AccountEditor*>());
    save(editor);
    QTRY_VERIFY_WITH_TIMEOUT(m_accounts->contains(QStringLiteral("work")), 30000);

    const EciAccount account = m_accounts->account(QStringLiteral("work"));
    QCOMPARE(account.regions(),
             (QStringList{QStringLiteral("cn-hangzhou"), QStringLiteral("cn-beijing")}));
    QVERIFY(account.hasSecurityToken);
    QVERIFY(!account.sessionOnly);
    QCOMPARE(stored(account.secretKey()), m_secret);
    QCOMPARE(stored(account.securityTokenKey()), QStringLiteral("STS-tok"));

    const QByteArray settings = settingsText();
    QVERIFY(settings.contains("LTAI5tTest"));
    QVERIFY(settings.contains(account.secretKey().toUtf8()));
    QVERIFY(!settings.contains(m_secret.toUtf8()));
    QVERIFY(!settings.contains("STS-tok"));

    QTreeWidget* accounts = list(m_dialog.get());
    QCOMPARE(accounts->topLevelItemCount(), 1);
    QCOMPARE(accounts->topLevelItem(0)->text(0), QStringLiteral("work"));
    QCOMPARE(accounts->topLevelItem(0)->text(3), QStringLiteral("Keychain"));

    // The window's connections follow: one per region, named by account and region.
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, 30000);
    const QList<Backend*> backends = m_connections->connections();
    QCOMPARE(backends.size(), 2);
    QVERIFY(backends.first()->displayName().contains(QStringLiteral("work")));
    QVERIFY(backends.first()->displayName().contains(QStringLiteral("cn-hangzhou")));
    QVERIFY(m_connections->origin(backends.first()).isEci());
    auto* eci = qobject_cast<EciBackend*>(backends.first());
    QCOMPARE(eci->config().credentials.accessKeySecret, m_secret);
    QCOMPARE(eci->config().credentials.securityToken, QStringLiteral("STS-tok"));
}

void TestAccountsDialog::refusesAnIncompleteAccount()
{
    AccountEditor* editor = m_dialog->addAccount();
    editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("a/b"));
    editor->findChild<QLineEdit*>(QStringLiteral("endpointEdit"))
        ->setText(QStringLiteral("ftp://x"));
    save(editor);
    auto* message = editor->findChild<QLabel*>(QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("account name")));
    QVERIFY(message->text().contains(QStringLiteral("AccessKey ID")));
    QVERIFY(message->text().contains(QStringLiteral("secret is required")));
    QVERIFY(message->text().contains(QStringLiteral("region")));
    QVERIFY(message->text().contains(QStringLiteral("endpoint")));
    QVERIFY(editor->isVisible());
    QVERIFY(m_accounts->accounts().isEmpty());

    // A name in use is refused too.
    fill(editor, QStringLiteral("dup"), m_secret);
    editor->findChild<QLineEdit*>(QStringLiteral("endpointEdit"))->clear();
    save(editor);
    QTRY_VERIFY_WITH_TIMEOUT(m_accounts->contains(QStringLiteral("dup")), 30000);
    AccountEditor* second = fill(m_dialog->addAccount(), QStringLiteral("dup"), m_secret);
    save(second);
    QVERIFY(second->findChild<QLabel*>(QStringLiteral("messageLabel"))
                ->text()
                .contains(QStringLiteral("exists already")));
}

void TestAccountsDialog::editKeepsTheSecretWhenLeftEmpty()
{
    save(fill(m_dialog->addAccount(), QStringLiteral("edited"), m_secret));
    QTRY_VERIFY_WITH_TIMEOUT(m_accounts->contains(QStringLiteral("edited")), 30000);
    const EciAccount before = m_accounts->account(QStringLiteral("edited"));

    AccountEditor* editor = m_dialog->editAccount(QStringLiteral("edited"));
    QVERIFY(editor);
    auto* secretEdit = editor->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    // Never shown back.
    QVERIFY(secretEdit->text().isEmpty());
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
    QVERIFY(editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->isReadOnly());
    editor->findChild<QComboBox*>(QStringLiteral("regionCombo"))
        ->setEditText(QStringLiteral("cn-shanghai"));
    QSignalSpy saved(editor, &AccountEditor::saved);
    save(editor);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(m_accounts->account(QStringLiteral("edited")).defaultRegion,
             QStringLiteral("cn-shanghai"));
    QCOMPARE(stored(before.secretKey()), m_secret);

    const QString replaced = m_secret + QStringLiteral("-new");
    AccountEditor* again = m_dialog->editAccount(QStringLiteral("edited"));
    again->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->setText(replaced);
    QSignalSpy savedAgain(again, &AccountEditor::saved);
    save(again);
    QTRY_COMPARE_WITH_TIMEOUT(savedAgain.size(), 1, 30000);
    QCOMPARE(stored(before.secretKey()), replaced);
}

void TestAccountsDialog::removeDeletesTheKeychainItems()
{
    AccountEditor* editor = fill(m_dialog->addAccount(), QStringLiteral("gone"), m_secret);
    editor->findChild<QLineEdit*>(QStringLiteral("tokenEdit"))->setText(QStringLiteral("tok"));
    save(editor);
    QTRY_VERIFY_WITH_TIMEOUT(m_accounts->contains(QStringLiteral("gone")), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_connections->connections().size(), 2, 30000);
    const EciAccount account = m_accounts->account(QStringLiteral("gone"));
    QCOMPARE(stored(account.secretKey()), m_secret);

    QSignalSpy removed(m_connections.get(), &ConnectionRegistry::connectionRemoved);
    m_dialog->removeAccount(QStringLiteral("gone"));
    auto* box = m_dialog->findChild<QMessageBox*>(QStringLiteral("removeConfirmation"));
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmRemoveButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_accounts->contains(QStringLiteral("gone")), 30000);
    QCOMPARE(removed.size(), 2);
    QVERIFY(m_connections->connections().isEmpty());

    Error error;
    stored(account.secretKey(), &error);
    QCOMPARE(error.kind, Error::NotFound);
    stored(account.securityTokenKey(), &error);
    QCOMPARE(error.kind, Error::NotFound);
    QCOMPARE(list(m_dialog.get())->topLevelItemCount(), 0);
    QVERIFY(!settingsText().contains("gone"));
}

void TestAccountsDialog::importsFromTheEnvironment()
{
    QProcessEnvironment empty;
    QVERIFY(!m_dialog->importFromEnvironment(empty));
    QVERIFY(m_dialog->message().contains(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID")));

    QProcessEnvironment environment;
    environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIenv"));
    environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), m_secret);
    environment.insert(QStringLiteral("ALIBABA_CLOUD_REGION_ID"), QStringLiteral("cn-shenzhen"));
    environment.insert(QStringLiteral("ECI_SANDBOX_ENDPOINT"), QStringLiteral("127.0.0.1:1"));
    AccountEditor* editor = m_dialog->importFromEnvironment(environment);
    QVERIFY(editor);
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("accessKeyIdEdit"))->text(),
             QStringLiteral("LTAIenv"));
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->echoMode(),
             QLineEdit::Password);
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("endpointEdit"))->text(),
             QStringLiteral("127.0.0.1:1"));
    QSignalSpy saved(editor, &AccountEditor::saved);
    save(editor);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    const EciAccount account = m_accounts->account(saved.first().first().toString());
    QCOMPARE(account.defaultRegion, QStringLiteral("cn-shenzhen"));
    QCOMPARE(account.endpoint, QStringLiteral("127.0.0.1:1"));
    QCOMPARE(stored(account.secretKey()), m_secret);
    QVERIFY(!settingsText().contains(m_secret.toUtf8()));
}

void TestAccountsDialog::importsADotEnvFileAndReportsABadOne()
{
    QFile bad(m_dir->filePath(QStringLiteral("bad.env")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIx\nALIBABA_CLOUD_ACCESS_KEY_SECRET=\"" +
              m_secret.toUtf8() + "\n");
    bad.close();
    QVERIFY(!m_dialog->importDotEnvFile(bad.fileName()));
    QVERIFY(m_dialog->message().contains(QStringLiteral("Line 2")));
    QVERIFY(!m_dialog->message().contains(m_secret));
    QVERIFY(!m_dialog->findChild<AccountEditor*>());

    QFile good(m_dir->filePath(QStringLiteral("project.env")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write("export ECI_SANDBOX_ACCESS_KEY_ID=LTAIdotenv\nECI_SANDBOX_ACCESS_KEY_SECRET='" +
               m_secret.toUtf8() + "'\nECI_SANDBOX_REGION_ID=cn-qingdao\n");
    good.close();
    AccountEditor* editor = m_dialog->importDotEnvFile(good.fileName());
    QVERIFY(editor);
    QVERIFY(m_dialog->message().isEmpty());
    QSignalSpy saved(editor, &AccountEditor::saved);
    save(editor);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    const EciAccount account = m_accounts->account(saved.first().first().toString());
    QCOMPARE(account.accessKeyId, QStringLiteral("LTAIdotenv"));
    QCOMPARE(account.defaultRegion, QStringLiteral("cn-qingdao"));
    QCOMPARE(stored(account.secretKey()), m_secret);
}

void TestAccountsDialog::picksAnAliyunProfile()
{
    QFile config(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"profiles": [
        {"name": "sso", "mode": "CloudSSO"},
        {"name": "cli", "mode": "AK", "access_key_id": "LTAIcli", "access_key_secret": ")" +
                 m_secret.toUtf8() + R"(", "region_id": "cn-hongkong"}]})");
    config.close();

    QDialog* picker = m_dialog->chooseAliyunProfile(config.fileName());
    QVERIFY(picker);
    auto* profiles = picker->findChild<QListWidget*>(QStringLiteral("profileList"));
    QCOMPARE(profiles->count(), 2);
    QVERIFY(!(profiles->item(0)->flags() & Qt::ItemIsEnabled));
    QVERIFY(profiles->item(0)->text().contains(QStringLiteral("CloudSSO")));
    QCOMPARE(profiles->currentRow(), 1);
    QTest::mouseClick(picker->findChild<QPushButton*>(QStringLiteral("importProfileButton")),
                      Qt::LeftButton);
    AccountEditor* editor = nullptr;
    QTRY_VERIFY((editor = m_dialog->findChild<AccountEditor*>()) != nullptr);
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->text(),
             QStringLiteral("cli"));
    QSignalSpy saved(editor, &AccountEditor::saved);
    save(editor);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(m_accounts->account(QStringLiteral("cli")).defaultRegion,
             QStringLiteral("cn-hongkong"));
    QCOMPARE(stored(m_accounts->account(QStringLiteral("cli")).secretKey()), m_secret);

    QFile broken(m_dir->filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"profiles\": [");
    broken.close();
    QVERIFY(!m_dialog->chooseAliyunProfile(broken.fileName()));
    QVERIFY(m_dialog->message().contains(QStringLiteral("not valid JSON")));
}

void TestAccountsDialog::fetchesRegionsFromTheService()
{
    REQUIRE_TEST_ENGINE();
    EciEmulatorProcess emulator(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY2(emulator.start(), emulator.log().constData());

    AccountEditor* editor = m_dialog->addAccount();
    editor->findChild<QLineEdit*>(QStringLiteral("accessKeyIdEdit"))
        ->setText(EciEmulatorProcess::accessKeyId());
    auto* secretEdit = editor->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    secretEdit->setText(QStringLiteral("wrong-secret"));
    editor->findChild<QLineEdit*>(QStringLiteral("endpointEdit"))->setText(emulator.endpoint());
    auto* regions = editor->findChild<QComboBox*>(QStringLiteral("regionCombo"));
    auto* message = editor->findChild<QLabel*>(QStringLiteral("messageLabel"));
    auto* fetch = editor->findChild<QPushButton*>(QStringLiteral("fetchRegionsButton"));

    // A wrong secret: the service's refusal is shown, nothing is filled in.
    QTest::mouseClick(fetch, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("could not be listed")),
                             60000);
    QCOMPARE(regions->count(), 0);

    secretEdit->setText(EciEmulatorProcess::accessKeySecret());
    QTest::mouseClick(fetch, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(regions->count() > 0, 60000);
    QVERIFY(!regions->currentText().isEmpty());
    QVERIFY(message->text().contains(QStringLiteral("region")));
}

void TestAccountsDialog::missingKeychainOffersASessionOnlyAccount()
{
    if (qEnvironmentVariable("SANDBOXDESK_TEST_NO_KEYCHAIN") != QLatin1String("1"))
        QSKIP("Needs a session without a keychain: CTest runs this case as "
              "ui.tst_accountsdialog.nokeychain with SANDBOXDESK_TEST_NO_KEYCHAIN=1.");
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isKeychainAvailable(), 60000);
    auto* banner = m_dialog->findChild<QLabel*>(QStringLiteral("keychainLabel"));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("No keychain")));
    QVERIFY(banner->text().contains(QStringLiteral("session only")));

    AccountEditor* editor = fill(m_dialog->addAccount(), QStringLiteral("temp"), m_secret);
    save(editor);
    auto* offer = editor->findChild<QPushButton*>(QStringLiteral("sessionOnlyButton"));
    QTRY_VERIFY_WITH_TIMEOUT(offer->isVisible(), 60000);
    auto* message = editor->findChild<QLabel*>(QStringLiteral("messageLabel"));
    QVERIFY(message->text().contains(QStringLiteral("session only")));
    QVERIFY(!message->text().contains(m_secret));
    QVERIFY(!m_accounts->contains(QStringLiteral("temp")));

    QSignalSpy saved(editor, &AccountEditor::saved);
    QTest::mouseClick(offer, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    const EciAccount account = m_accounts->account(QStringLiteral("temp"));
    QVERIFY(account.sessionOnly);
    QVERIFY(m_connections->sessionStore().contains(account.secretKey()));
    QCOMPARE(list(m_dialog.get())->topLevelItem(0)->text(3),
             QStringLiteral("This session only (memory)"));
    // Nothing of it reaches the disk.
    const QByteArray settings = settingsText();
    QVERIFY(!settings.contains("temp"));
    QVERIFY(!settings.contains(m_secret.toUtf8()));
    // It connects like any account, from the memory store.
    QTRY_COMPARE_WITH_TIMEOUT(m_connections->connections().size(), 2, 30000);
}

void TestAccountsDialog::anAccountWithoutItsSecretIsReported()
{
    // Saved in the settings, but its keychain item is gone (removed outside the app).
    EciAccount account;
    account.name = QStringLiteral("orphan");
    account.accessKeyId = QStringLiteral("LTAIorphan");
    account.defaultRegion = QStringLiteral("cn-hangzhou");
    m_accounts->save(account);

    Preferences preferences(m_dir->filePath(QStringLiteral("preferences.ini")));
    Translations translations;
    translations.apply(QStringLiteral("en"));
    QSignalSpy failed(m_connections.get(), &ConnectionRegistry::accountFailed);
    MainWindow window(preferences, translations, *m_connections);
    m_connections->start();
    m_connections->syncAccounts();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("orphan"));
    QCOMPARE(failed.first().at(1).value<Error>().kind, Error::NotFound);
    QVERIFY(m_connections->connections().isEmpty());
    QVERIFY(window.backends().isEmpty());
    const QString shown = window.statusBar()->currentMessage();
    QVERIFY2(shown.contains(QStringLiteral("orphan")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("not connected")));

    // Once the secret is stored again, the account connects.
    AccountEditor* editor = m_dialog->editAccount(QStringLiteral("orphan"));
    editor->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->setText(m_secret);
    save(editor);
    QTRY_COMPARE_WITH_TIMEOUT(window.backends().size(), 1, 30000);
    QVERIFY(window.backends().first()->displayName().contains(QStringLiteral("orphan")));
}

QTEST_MAIN(TestAccountsDialog)
#include "tst_accountsdialog.moc"
