#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "LogWindow.h"
#include "MainWindow.h"
#include "TerminalSession.h"
#include "TerminalTabs.h"
#include "TerminalView.h"
#include "eci/EciBackend.h"
#include "eci/EciClient.h"
#include "logs/LogBuffer.h"
#include "sandbox/Job.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "terminal/TerminalEmulator.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// A container group with two containers: Open Terminal and Show Logs ask which one, and what
// opens runs in (or reads from) the chosen container. Real ECI emulator, real engine.
class TestEciContainers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void terminalAndLogsAskForTheContainer();

private:
    QString createGroup();
    void selectGroup(const QString& id);
    // Picks the container in the chooser the window just opened.
    void choose(const QString& container);

    QTemporaryDir m_dir;
    std::unique_ptr<EciEmulatorProcess> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<Translations> m_translations;
    EciBackend* m_backend = nullptr;
    MainWindow* m_window = nullptr;
};

void TestEciContainers::init()
{
    REQUIRE_TEST_ENGINE();
    m_emulator = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY2(m_emulator->start(), m_emulator->log().constData());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_translations = std::make_unique<Translations>();
    m_translations->apply(QStringLiteral("en"));
    EciBackendConfig config;
    config.accountName = QStringLiteral("test");
    config.regionId = QStringLiteral("cn-hangzhou");
    config.endpoint = m_emulator->endpoint();
    config.credentials.accessKeyId = EciEmulatorProcess::accessKeyId();
    config.credentials.accessKeySecret = EciEmulatorProcess::accessKeySecret();
    config.pollIntervalMs = 500;
    m_backend = new EciBackend(config, m_network.get());
    m_window = new MainWindow(*m_preferences, *m_translations, {m_backend}, nullptr);
    m_backend->connectToBackend();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 60000);
}

void TestEciContainers::cleanup()
{
    delete m_window; // it owns the backend
    m_window = nullptr;
    m_backend = nullptr;
    m_emulator.reset();
    m_network.reset();
}

QString TestEciContainers::createGroup()
{
    const QString name = DockerTestEnvironment::uniqueName(QStringLiteral("pick")).toLower();
    EciParams params{{QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
                     {QStringLiteral("ContainerGroupName"), name}};
    const QStringList names{QStringLiteral("web"), QStringLiteral("sidecar")};
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
    Job* job = m_backend->client()->call(QStringLiteral("CreateContainerGroup"), params);
    job->setAutoDelete(false);
    std::unique_ptr<Job> owned(job);
    QSignalSpy finished(job, &Job::finished);
    if (!job->isFinished() && !finished.wait(60000))
        return {};
    if (job->error().isError())
        qWarning("%s", qPrintable(job->error().fullText()));
    return job->result().toMap().value(QStringLiteral("ContainerGroupId")).toString();
}

void TestEciContainers::selectGroup(const QString& id)
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

void TestEciContainers::choose(const QString& container)
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

void TestEciContainers::terminalAndLogsAskForTheContainer()
{
    const QString id = createGroup();
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(id).status == SandboxStatus::Running, 60000);
    QCOMPARE(m_backend->sandbox(id).containers,
             (QStringList{QStringLiteral("web"), QStringLiteral("sidecar")}));
    selectGroup(id);

    // The terminal runs in the chosen container, not the first.
    m_window->findChild<QAction*>(QStringLiteral("actionOpenTerminal"))->trigger();
    QVERIFY(m_window->findChildren<TerminalSession*>().isEmpty()); // nothing before the choice
    choose(QStringLiteral("sidecar"));
    TerminalSession* terminal = nullptr;
    QTRY_VERIFY((terminal = m_window->findChild<TerminalSession*>()) != nullptr);
    QCOMPARE(terminal->container(), QStringLiteral("sidecar"));
    QVERIFY(terminal->title().contains(QStringLiteral("sidecar")));
    const auto screen = [terminal] {
        return terminal->emulator()->text(0, terminal->emulator()->lineCount() - 1);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(terminal->state() == TerminalSession::State::Running,
                              qPrintable(screen()), 60000);
    QTest::keyClicks(terminal->view(), QStringLiteral("echo in-$WHO-now\r"));
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

QTEST_MAIN(TestEciContainers)
#include "tst_ecicontainers.moc"
