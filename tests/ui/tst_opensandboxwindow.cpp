#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "OpenSandboxEmulatorProcess.h"
#include "accounts/AccountsDialog.h"
#include "accounts/OpenSandboxServersPanel.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/MemoryCredentialStore.h"
#include "opensandbox/OpenSandboxBackend.h"
#include "sandbox/Job.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalSession.h"
#include "terminal/TerminalTab.h"
#include "terminal/TerminalView.h"
#include "window/ConnectionList.h"
#include "window/MainWindow.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

const int Generous = 60000;

Error awaitError(Job* job, QVariant* result = nullptr)
{
    Error error;
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&] {
        error = job->error();
        if (result)
            *result = job->result();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, Generous))
        return Error::make(Error::Timeout, QStringLiteral("the job did not finish"));
    return error;
}

} // namespace

// OpenSandbox servers on the Accounts page (keys in the keychain only, imported from the SDKs'
// variables), the window listing Docker, ECI and OpenSandbox connections together, and a
// terminal tab on an OpenSandbox sandbox being a real terminal.
class TestOpenSandboxWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addedServerConnectsWithItsKeyInTheKeychainOnly();
    void importedFromTheEnvironmentEditedAndRemoved();
    void wrongKeyIsToldWithoutTheKey();
    void windowListsDockerEciAndOpenSandboxTogether();
    void terminalTabIsARealTerminal();

private:
    OpenSandboxServersPanel* panel();
    void save(OpenSandboxServerEditor* editor);
    Backend* waitForConnection(const QString& id);

    QTemporaryDir m_dir;
    std::unique_ptr<OpenSandboxEmulatorProcess> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EciAccounts> m_accounts;
    std::unique_ptr<OpenSandboxServers> m_servers;
    std::unique_ptr<MemoryCredentialStore> m_keychain;
    std::unique_ptr<ConnectionRegistry> m_registry;
    std::unique_ptr<AccountsDialog> m_dialog;
};

void TestOpenSandboxWindow::init()
{
    REQUIRE_TEST_ENGINE();
    m_emulator =
        std::make_unique<OpenSandboxEmulatorProcess>(QStringLiteral(OPENSANDBOX_EMULATOR_PATH));
    QVERIFY2(m_emulator->start(), "opensandbox-emulator did not start");
    m_network = std::make_unique<QNetworkAccessManager>();
    const QString settings = m_dir.filePath(QStringLiteral("sandboxdesk.ini"));
    m_accounts = std::make_unique<EciAccounts>(settings);
    m_servers = std::make_unique<OpenSandboxServers>(settings);
    m_keychain = std::make_unique<MemoryCredentialStore>();
    m_registry = std::make_unique<ConnectionRegistry>(*m_accounts, *m_keychain, m_network.get());
    m_registry->setOpenSandboxServers(m_servers.get());
    m_registry->start();
}

void TestOpenSandboxWindow::cleanup()
{
    m_dialog.reset();
    m_registry.reset();
    m_keychain.reset();
    m_servers.reset();
    m_accounts.reset();
    m_emulator.reset();
}

OpenSandboxServersPanel* TestOpenSandboxWindow::panel()
{
    if (!m_dialog)
        m_dialog = std::make_unique<AccountsDialog>(*m_registry);
    return m_dialog->openSandboxServers();
}

void TestOpenSandboxWindow::save(OpenSandboxServerEditor* editor)
{
    QSignalSpy saved(editor, &OpenSandboxServerEditor::saved);
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QVERIFY2(saved.count() == 1 || saved.wait(10000), qPrintable(editor->message()));
}

Backend* TestOpenSandboxWindow::waitForConnection(const QString& id)
{
    if (!QTest::qWaitFor([&] { return m_registry->connection(id) != nullptr; }, Generous))
        return nullptr;
    return m_registry->connection(id);
}

void TestOpenSandboxWindow::addedServerConnectsWithItsKeyInTheKeychainOnly()
{
    OpenSandboxServerEditor* editor = panel()->addServer();
    QVERIFY(editor);
    editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("local"));
    editor->findChild<QLineEdit*>(QStringLiteral("domainEdit"))->setText(m_emulator->domain());
    // Saving without a key is refused with a reason.
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QVERIFY(editor->message().contains(QStringLiteral("API key is required")));
    editor->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))
        ->setText(OpenSandboxEmulatorProcess::apiKey());
    save(editor);

    Backend* backend = waitForConnection(QStringLiteral("opensandbox:local"));
    QVERIFY(backend);
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, Generous);
    QCOMPARE(m_registry->origin(backend).kind, ConnectionOrigin::Kind::OpenSandboxServer);
    QVERIFY(backend->capabilities().testFlag(Backend::CanExpire));

    // The key is in the keychain and nowhere in the settings.
    const OpenSandboxServer server = m_servers->server(QStringLiteral("local"));
    QVariant key;
    QVERIFY(!awaitError(m_keychain->read(server.apiKeyKey()), &key).isError());
    QCOMPARE(key.toString(), OpenSandboxEmulatorProcess::apiKey());
    m_servers->sync();
    QFile file(m_dir.filePath(QStringLiteral("sandboxdesk.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains(m_emulator->domain().toUtf8()));
    QVERIFY(!written.contains(OpenSandboxEmulatorProcess::apiKey().toUtf8()));

    auto* list = panel()->findChild<QTreeWidget*>(QStringLiteral("openSandboxServerList"));
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(1), m_emulator->domain());

    // A registry that starts afresh (the next run) finds the server and its key.
    ConnectionRegistry next(*m_accounts, *m_keychain, m_network.get());
    next.setOpenSandboxServers(m_servers.get());
    next.start();
    next.syncOpenSandboxServers();
    QTRY_VERIFY_WITH_TIMEOUT(next.connection(QStringLiteral("opensandbox:local")), Generous);
    QTRY_COMPARE_WITH_TIMEOUT(next.connection(QStringLiteral("opensandbox:local"))->state(),
                              Backend::State::Connected, Generous);
}

void TestOpenSandboxWindow::importedFromTheEnvironmentEditedAndRemoved()
{
    QProcessEnvironment empty;
    QVERIFY(!panel()->importFromEnvironment(empty));
    QVERIFY(panel()->message().contains(QStringLiteral("OPEN_SANDBOX_DOMAIN")));

    QProcessEnvironment environment;
    environment.insert(QStringLiteral("OPEN_SANDBOX_DOMAIN"), m_emulator->domain());
    environment.insert(QStringLiteral("OPEN_SANDBOX_API_KEY"),
                       OpenSandboxEmulatorProcess::apiKey());
    OpenSandboxServerEditor* editor = panel()->importFromEnvironment(environment);
    QVERIFY(editor);
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->text(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("domainEdit"))->text(),
             m_emulator->domain());
    save(editor);
    Backend* first = waitForConnection(QStringLiteral("opensandbox:127.0.0.1"));
    QVERIFY(first);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), Backend::State::Connected, Generous);

    // Edited without typing the key again: the key stays, the connection is made anew.
    QPointer<Backend> before = first;
    editor = panel()->editServer(QStringLiteral("127.0.0.1"));
    QVERIFY(editor);
    QVERIFY(editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->isReadOnly());
    editor->findChild<QCheckBox*>(QStringLiteral("serverProxyCheck"))->setChecked(true);
    save(editor);
    QVERIFY(m_servers->server(QStringLiteral("127.0.0.1")).useServerProxy);
    QTRY_VERIFY_WITH_TIMEOUT(!before, Generous);
    Backend* again = waitForConnection(QStringLiteral("opensandbox:127.0.0.1"));
    QVERIFY(again);
    QTRY_COMPARE_WITH_TIMEOUT(again->state(), Backend::State::Connected, Generous);

    // Removed after the question: the connection and the key go.
    const OpenSandboxServer server = m_servers->server(QStringLiteral("127.0.0.1"));
    QMessageBox* question = panel()->removeServer(QStringLiteral("127.0.0.1"));
    QVERIFY(question);
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_registry->connection(QStringLiteral("opensandbox:127.0.0.1")),
                             Generous);
    QVERIFY(!m_servers->contains(QStringLiteral("127.0.0.1")));
    QTRY_VERIFY(panel()->message().contains(QStringLiteral("Removed")));
    QCOMPARE(awaitError(m_keychain->read(server.apiKeyKey())).kind, Error::NotFound);
}

void TestOpenSandboxWindow::wrongKeyIsToldWithoutTheKey()
{
    const QString wrong = QStringLiteral("CANARY-window-wrong-0d1e");
    OpenSandboxServerEditor* editor = panel()->addServer();
    editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("wrong"));
    editor->findChild<QLineEdit*>(QStringLiteral("domainEdit"))->setText(m_emulator->endpoint());
    editor->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))->setText(wrong);
    save(editor);
    Backend* backend = waitForConnection(QStringLiteral("opensandbox:wrong"));
    QVERIFY(backend);
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Lost, Generous);
    QCOMPARE(backend->lastError().kind, Error::Auth);
    QVERIFY(!backend->lastError().fullText().contains(wrong));

    // The window says why, without the key.
    Preferences preferences(m_dir.filePath(QStringLiteral("preferences.ini")));
    Translations translations;
    translations.apply(QStringLiteral("en"));
    MainWindow window(preferences, translations, *m_registry);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* list = window.findChild<ConnectionList*>();
    QString shown;
    for (int row = 0; row < list->count(); ++row)
        shown += list->item(row)->text() + list->item(row)->toolTip();
    QVERIFY2(shown.contains(QStringLiteral("refused the API key")), qPrintable(shown));
    QVERIFY(!shown.contains(wrong));
}

void TestOpenSandboxWindow::windowListsDockerEciAndOpenSandboxTogether()
{
    EciEmulatorProcess eci(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY2(eci.start(), eci.log().constData());
    m_registry->discoverDocker(QProcessEnvironment::systemEnvironment());
    EciAccount account;
    account.name = QStringLiteral("env");
    account.accessKeyId = EciEmulatorProcess::accessKeyId();
    account.endpoint = eci.endpoint();
    Backend* eciBackend = m_registry->addEci(
        account, {EciEmulatorProcess::accessKeyId(), EciEmulatorProcess::accessKeySecret(), {}},
        QStringLiteral("cn-osbwindow"));
    OpenSandboxServer server;
    server.name = QStringLiteral("local");
    server.domain = m_emulator->domain();
    m_servers->save(server);
    QVERIFY(!awaitError(m_keychain->write(server.apiKeyKey(), OpenSandboxEmulatorProcess::apiKey()))
                 .isError());
    m_registry->syncOpenSandboxServers();
    Backend* openSandbox = waitForConnection(QStringLiteral("opensandbox:local"));
    QVERIFY(openSandbox);
    Backend* docker = m_registry->defaultDocker();
    QVERIFY(docker);

    Preferences preferences(m_dir.filePath(QStringLiteral("preferences.ini")));
    Translations translations;
    translations.apply(QStringLiteral("en"));
    MainWindow window(preferences, translations, *m_registry);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (Backend* backend : {docker, eciBackend, openSandbox})
        QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, Generous);

    // One sandbox on each, all in one table.
    const QString containerName = DockerTestEnvironment::uniqueName(QStringLiteral("osbwin"));
    const auto ran = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), containerName,
         DockerTestEnvironment::image(), QStringLiteral("sleep"), QStringLiteral("600")});
    const QString dockerId = QString::fromUtf8(ran.out).trimmed();
    QVERIFY2(!dockerId.isEmpty(), ran.err.constData());
    SandboxSpec eciSpec;
    eciSpec.image = DockerTestEnvironment::image();
    eciSpec.command = {QStringLiteral("sleep"), QStringLiteral("600")};
    eciSpec.restartPolicy = QStringLiteral("Never");
    ResultJob<QString>* eciJob = eciBackend->create(eciSpec);
    QString eciId;
    QObject::connect(eciJob, &Job::finished, eciJob, [&] { eciId = eciJob->value(); });
    SandboxSpec osbSpec;
    osbSpec.image = DockerTestEnvironment::image();
    osbSpec.name = QStringLiteral("in-window");
    osbSpec.lifetimeSeconds = 600;
    ResultJob<QString>* osbJob = openSandbox->create(osbSpec);
    QString osbId;
    QObject::connect(osbJob, &Job::finished, osbJob, [&] { osbId = osbJob->value(); });
    QTRY_VERIFY_WITH_TIMEOUT(!eciId.isEmpty() && !osbId.isEmpty(), Generous);

    auto* table = window.findChild<QTableView*>(QStringLiteral("sandboxTable"));
    const auto listed = [table](const QString& id) {
        const QAbstractItemModel* model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(SandboxTableModel::IdRole).toString() == id)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(listed(dockerId) && listed(eciId) && listed(osbId), Generous);

    auto* list = window.findChild<ConnectionList*>();
    QStringList names;
    for (int row = 0; row < list->count(); ++row)
        names << list->item(row)->text();
    const QString all = names.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("Docker")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("ECI · env · cn-osbwindow")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("OpenSandbox · local")), qPrintable(all));
    DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), dockerId});
}

void TestOpenSandboxWindow::terminalTabIsARealTerminal()
{
    OpenSandboxConfig config;
    config.name = QStringLiteral("local");
    config.domain = m_emulator->domain();
    config.apiKey = OpenSandboxEmulatorProcess::apiKey();
    config.pollIntervalMs = 200;
    OpenSandboxBackend backend(config);
    backend.connectToBackend();
    SandboxSpec spec;
    spec.image = DockerTestEnvironment::image();
    spec.lifetimeSeconds = 600;
    ResultJob<QString>* job = backend.create(spec);
    QString id;
    QObject::connect(job, &Job::finished, job, [&] { id = job->value(); });
    QTRY_VERIFY_WITH_TIMEOUT(!id.isEmpty(), Generous);
    QTRY_COMPARE_WITH_TIMEOUT(backend.sandbox(id).status, SandboxStatus::Running, Generous);

    Preferences preferences(m_dir.filePath(QStringLiteral("preferences.ini")));
    auto* session = new TerminalSession(&backend, id, QStringLiteral("osb"), preferences);
    TerminalTab tab(session, preferences); // owns the session
    session->emulator()->setDamageInterval(0);
    tab.resize(820, 480);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    session->connectToSandbox();
    const auto history = [session] {
        return session->emulator()->text(0, session->emulator()->lineCount() - 1);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(session->state() == TerminalSession::State::Running,
                              qPrintable(session->error().fullText()), Generous);
    tab.view()->setFocus();
    const auto type = [&tab](const QString& text) {
        QTest::keyClicks(tab.view(), text);
        QTest::keyClick(tab.view(), Qt::Key_Return);
    };
    // The size the shell's terminal has, asked until it answers what the view shows (a resize
    // reaches the sandbox on its own request, so the first answer may come before it).
    const auto sizeIsTold = [&] {
        const QString expected = QStringLiteral("%1 %2")
                                     .arg(session->emulator()->rows())
                                     .arg(session->emulator()->columns());
        for (int attempt = 0; attempt < 10; ++attempt) {
            type(QStringLiteral("stty size"));
            if (QTest::qWaitFor([&] { return history().contains(expected); }, 2000))
                return true;
        }
        return false;
    };
    QVERIFY2(sizeIsTold(), qPrintable(history()));
    // Typed keys reach a TTY: the quotes keep the typed line itself from matching.
    type(QStringLiteral("[ -t 0 ] && echo is-a-t''ty"));
    QTRY_VERIFY2_WITH_TIMEOUT(history().contains(QStringLiteral("is-a-tty")), qPrintable(history()),
                              Generous);

    const int columns = session->emulator()->columns();
    tab.resize(560, 300);
    QTRY_VERIFY(session->emulator()->columns() < columns);
    QVERIFY2(sizeIsTold(), qPrintable(history()));

    type(QStringLiteral("exit 4"));
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), TerminalSession::State::Ended, Generous);
    QCOMPARE(session->exitCode(), 4);
    QVERIFY(!history().contains(QStringLiteral("without a terminal")));
}

QTEST_MAIN(TestOpenSandboxWindow)
#include "tst_opensandboxwindow.moc"
