#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/MemoryCredentialStore.h"
#include "eci/EciBackend.h"
#include "eci/EciClient.h"
#include "logs/LogBuffer.h"
#include "logs/LogWindow.h"
#include "sandbox/Job.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalSession.h"
#include "terminal/TerminalTab.h"
#include "terminal/TerminalTabs.h"
#include "terminal/TerminalView.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The window with an ECI account, against the real ECI emulator and engine: a group of two
// containers (Open Terminal and Show Logs ask which one), a throttling storm (the window says
// so and recovers), an exec WebSocket dropped mid-session (the terminal says so and
// reconnects on request).
class TestEciWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void terminalAndLogsAskForTheContainer();
    void throttlingStormIsToldAndRecovered();
    void droppedExecSocketOffersReconnect();

private:
    QString createGroup(const QStringList& containers);
    bool listed(const QString& id) const;
    void selectGroup(const QString& id);
    // Picks the container in the chooser the window just opened.
    void choose(const QString& container);

    QTemporaryDir m_dir;
    std::unique_ptr<EciEmulatorProcess> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<EciAccounts> m_accounts;
    std::unique_ptr<MemoryCredentialStore> m_store;
    std::unique_ptr<ConnectionRegistry> m_connections;
    std::unique_ptr<EciClient> m_client; // the test's own, patient with throttling
    EciBackend* m_backend = nullptr;
    MainWindow* m_window = nullptr;
};

void TestEciWindow::init()
{
    REQUIRE_TEST_ENGINE();
    m_emulator = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY2(m_emulator->start(), m_emulator->log().constData());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_translations = std::make_unique<Translations>();
    m_translations->apply(QStringLiteral("en"));

    // An account as the Accounts page saves it: settings hold names, the store the secret.
    m_accounts = std::make_unique<EciAccounts>(m_dir.filePath(QStringLiteral("accounts.ini")));
    m_store = std::make_unique<MemoryCredentialStore>();
    EciAccount account;
    account.name = QStringLiteral("test");
    account.accessKeyId = EciEmulatorProcess::accessKeyId();
    account.defaultRegion = QStringLiteral("cn-hangzhou");
    account.endpoint = m_emulator->endpoint();
    m_accounts->save(account);
    Job* stored = m_store->write(account.secretKey(), EciEmulatorProcess::accessKeySecret());
    QSignalSpy storedSpy(stored, &Job::finished);
    QVERIFY(storedSpy.wait(10000));

    m_client = std::make_unique<EciClient>(
        m_network.get(), m_emulator->endpoint(),
        EciCredentials{account.accessKeyId, EciEmulatorProcess::accessKeySecret(), {}});
    m_client->setRetryPolicy(30, 50, 400);
    m_connections = std::make_unique<ConnectionRegistry>(*m_accounts, *m_store, m_network.get());
    m_window = new MainWindow(*m_preferences, *m_translations, *m_connections);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_connections->start();
    m_connections->syncAccounts();
    QTRY_VERIFY_WITH_TIMEOUT(m_connections->connections().size() == 1, 60000);
    m_backend = qobject_cast<EciBackend*>(m_connections->connections().first());
    QVERIFY(m_backend);
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 60000);
}

void TestEciWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_backend = nullptr;
    m_connections.reset();
    m_client.reset();
    m_emulator.reset();
    m_network.reset();
}

bool TestEciWindow::listed(const QString& id) const
{
    const QAbstractItemModel* model =
        m_window->findChild<QTableView*>(QStringLiteral("sandboxTable"))->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(SandboxTableModel::IdRole).toString() == id)
            return true;
    }
    return false;
}

QString TestEciWindow::createGroup(const QStringList& names)
{
    const QString name = DockerTestEnvironment::uniqueName(QStringLiteral("win")).toLower();
    EciParams params{{QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
                     {QStringLiteral("ContainerGroupName"), name}};
    for (int i = 0; i < names.size(); ++i) {
        const QString prefix = QStringLiteral("Container.%1.").arg(i + 1);
        params.append({prefix + QStringLiteral("Name"), names.at(i)});
        params.append({prefix + QStringLiteral("Image"), DockerTestEnvironment::image()});
        EciSigner::appendList(&params, prefix + QStringLiteral("Command"),
                              {QStringLiteral("sh"), QStringLiteral("-c"),
                               QStringLiteral("echo log-of-$WHO; exec sleep 600")});
        EciSigner::appendObjects(&params, prefix + QStringLiteral("EnvironmentVar"),
                                 {{{QStringLiteral("Key"), QStringLiteral("WHO")},
                                   {QStringLiteral("Value"), names.at(i)}}});
    }
    Job* job = m_client->call(QStringLiteral("CreateContainerGroup"), params);
    job->setAutoDelete(false);
    std::unique_ptr<Job> owned(job);
    QSignalSpy finished(job, &Job::finished);
    if (!job->isFinished() && !finished.wait(60000))
        return {};
    if (job->error().isError())
        qWarning("%s", qPrintable(job->error().fullText()));
    return job->result().toMap().value(QStringLiteral("ContainerGroupId")).toString();
}

void TestEciWindow::selectGroup(const QString& id)
{
    auto* table = m_window->findChild<QTableView*>(QStringLiteral("sandboxTable"));
    const QAbstractItemModel* model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(SandboxTableModel::IdRole).toString() == id) {
            table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
            return;
        }
    }
    QFAIL("the group is not in the table");
}

void TestEciWindow::choose(const QString& container)
{
    QInputDialog* chooser = nullptr;
    QTRY_VERIFY((chooser = m_window->findChild<QInputDialog*>(
                     QStringLiteral("containerChooser"))) != nullptr);
    QVERIFY(chooser->isVisible());
    QCOMPARE(chooser->comboBoxItems(),
             (QStringList{QStringLiteral("web"), QStringLiteral("sidecar")}));
    chooser->setTextValue(container);
    chooser->accept();
}

void TestEciWindow::terminalAndLogsAskForTheContainer()
{
    const QString id = createGroup({QStringLiteral("web"), QStringLiteral("sidecar")});
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(id).status == SandboxStatus::Running, 60000);
    QCOMPARE(m_backend->sandbox(id).containers,
             (QStringList{QStringLiteral("web"), QStringLiteral("sidecar")}));
    selectGroup(id);

    // The terminal runs in the chosen container, not the first.
    m_window->findChild<QAction*>(QStringLiteral("actionOpenTerminal"))->trigger();
    QVERIFY(m_window->findChildren<TerminalTab*>().isEmpty()); // nothing before the choice
    choose(QStringLiteral("sidecar"));
    TerminalTab* tab = nullptr;
    QTRY_VERIFY((tab = m_window->findChild<TerminalTab*>()) != nullptr);
    TerminalSession* terminal = tab->session();
    QCOMPARE(terminal->container(), QStringLiteral("sidecar"));
    QVERIFY(terminal->title().contains(QStringLiteral("sidecar")));
    const auto screen = [terminal] {
        return terminal->emulator()->text(0, terminal->emulator()->lineCount() - 1);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(terminal->state() == TerminalSession::State::Running,
                              qPrintable(screen()), 60000);
    QTest::keyClicks(tab->view(), QStringLiteral("echo in-$WHO-now\r"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        !terminal->emulator()->find(QStringLiteral("in-sidecar-now")).isEmpty(),
        qPrintable(screen()), 60000);

    // Logs of the chosen container; a cancelled choice opens nothing.
    m_window->findChild<QAction*>(QStringLiteral("actionShowLogs"))->trigger();
    QInputDialog* chooser = nullptr;
    QTRY_VERIFY((chooser = m_window->findChild<QInputDialog*>(
                     QStringLiteral("containerChooser"))) != nullptr);
    chooser->reject();
    QTRY_VERIFY(m_window->findChild<QInputDialog*>(QStringLiteral("containerChooser")) == nullptr);
    QVERIFY(m_window->findChildren<LogWindow*>().isEmpty());

    m_window->findChild<QAction*>(QStringLiteral("actionShowLogs"))->trigger();
    choose(QStringLiteral("web"));
    LogWindow* logs = nullptr;
    QTRY_VERIFY((logs = m_window->findChild<LogWindow*>()) != nullptr);
    QCOMPARE(logs->requestedOptions().container, QStringLiteral("web"));
    QVERIFY(logs->windowTitle().contains(QStringLiteral("web")));
    QTRY_VERIFY_WITH_TIMEOUT(logs->buffer().count() > 0, 60000);
    QCOMPARE(logs->buffer().line(0), QByteArray("log-of-web"));
}

void TestEciWindow::throttlingStormIsToldAndRecovered()
{
    const QString before = createGroup({QStringLiteral("main")});
    QVERIFY(!before.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(listed(before), 60000);

    // Every call is refused with Throttling for a while: the window says so, keeps the list
    // and the connection, and takes changes again once the storm is over.
    QSignalSpy throttled(m_connections.get(), &ConnectionRegistry::throttled);
    QSignalSpy states(m_backend, &Backend::stateChanged);
    QVERIFY(m_emulator->injectFault(QStringLiteral("throttle:12")));
    QTRY_VERIFY_WITH_TIMEOUT(throttled.size() > 0, 60000);
    QVERIFY(!throttled.first().first().toString().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->statusBar()->currentMessage(),
                              throttled.last().first().toString(), 10000);
    QVERIFY(listed(before));

    const QString after = createGroup({QStringLiteral("main")});
    QVERIFY(!after.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(listed(after), 120000);
    QVERIFY(listed(before));
    for (const QList<QVariant>& change : std::as_const(states))
        QVERIFY(change.first().value<Backend::State>() != Backend::State::Lost);
    QCOMPARE(m_backend->state(), Backend::State::Connected);
}

void TestEciWindow::droppedExecSocketOffersReconnect()
{
    const QString id = createGroup({QStringLiteral("main")});
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(id).status == SandboxStatus::Running, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(listed(id), 60000);
    selectGroup(id);

    // The next exec socket is cut shortly after its first output.
    QVERIFY(m_emulator->injectFault(QStringLiteral("exec-drop:1")));
    m_window->findChild<QAction*>(QStringLiteral("actionOpenTerminal"))->trigger();
    TerminalTab* tab = nullptr;
    QTRY_VERIFY((tab = m_window->findChild<TerminalTab*>()) != nullptr);
    TerminalSession* terminal = tab->session();
    const auto screen = [terminal] {
        return terminal->emulator()->text(0, terminal->emulator()->lineCount() - 1);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(terminal->state() == TerminalSession::State::Lost,
                              qPrintable(screen()), 60000);
    auto* reconnect = tab->findChild<QPushButton*>(QStringLiteral("terminalReconnectButton"));
    QVERIFY(reconnect);
    QVERIFY(reconnect->isVisible());

    // Reconnect: a new socket into the same view, and it works.
    reconnect->click();
    QTRY_VERIFY2_WITH_TIMEOUT(terminal->state() == TerminalSession::State::Running,
                              qPrintable(screen()), 60000);
    QTest::keyClicks(tab->view(), QStringLiteral("echo back-$((40+2))\r"));
    QTRY_VERIFY2_WITH_TIMEOUT(!terminal->emulator()->find(QStringLiteral("back-42")).isEmpty(),
                              qPrintable(screen()), 60000);
}

QTEST_MAIN(TestEciWindow)
#include "tst_eciwindow.moc"
