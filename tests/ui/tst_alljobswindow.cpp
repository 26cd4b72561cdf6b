#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "JobResults.h"
#include "OpenSandboxEmulatorProcess.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/EciCredentials.h"
#include "credentials/MemoryCredentialStore.h"
#include "opensandbox/OpenSandboxClient.h"
#include "run/AllJobsModel.h"
#include "run/AllJobsWindow.h"
#include "run/SandboxJobs.h"
#include "settings/EciAccounts.h"
#include "settings/OpenSandboxServers.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

const int Generous = 60000;

} // namespace

// The window of every job of every sandbox, against the real engine, the ECI emulator and the
// OpenSandbox emulator at once: jobs started elsewhere (as sandboxctl would) are listed with
// their sandbox, command, state, exit code, start and output; one is followed, killed, run
// again and its command copied; in English and in Chinese.
class TestAllJobsWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsEveryJobOfEverySandbox();
    void refreshLeavesTheThreadAtOnce();
    void followKillRunAgainCopy();
    void chinese();

private:
    template<typename T> T* child(const char* name) const
    {
        T* widget = m_jobsWindow->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    QString startJob(Backend* backend, const QString& id, const QString& script);
    int rowOf(const QString& jobId) const;
    QString cell(const QString& jobId, int column) const;
    void select(const QString& jobId);

    QTemporaryDir m_dir;
    std::unique_ptr<EciEmulatorProcess> m_eci;
    std::unique_ptr<OpenSandboxEmulatorProcess> m_openSandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EciAccounts> m_accounts;
    std::unique_ptr<OpenSandboxServers> m_servers;
    std::unique_ptr<MemoryCredentialStore> m_keychain;
    std::unique_ptr<ConnectionRegistry> m_registry;
    std::unique_ptr<Preferences> m_preferences;
    Translations m_translations;
    std::unique_ptr<MainWindow> m_window;
    AllJobsWindow* m_jobsWindow = nullptr;
    Backend* m_docker = nullptr;
    Backend* m_eciBackend = nullptr;
    Backend* m_osbBackend = nullptr;
    QString m_dockerId;
    QString m_eciId;
    QString m_osbId;
    QString m_dockerJob;
    QString m_eciJob;
    QString m_osbJob;
    QHash<QString, QString> m_jobBackends; // job id: the id of the connection that started it
};

void TestAllJobsWindow::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_translations.apply(QStringLiteral("en"));
    m_eci = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY2(m_eci->start(), m_eci->log().constData());
    m_openSandbox =
        std::make_unique<OpenSandboxEmulatorProcess>(QStringLiteral(OPENSANDBOX_EMULATOR_PATH));
    QVERIFY2(m_openSandbox->start(), "opensandbox-emulator did not start");
    m_network = std::make_unique<QNetworkAccessManager>();
    const QString settings = m_dir.filePath(QStringLiteral("sandboxdesk.ini"));
    m_accounts = std::make_unique<EciAccounts>(settings);
    m_servers = std::make_unique<OpenSandboxServers>(settings);
    m_keychain = std::make_unique<MemoryCredentialStore>();
    m_registry = std::make_unique<ConnectionRegistry>(*m_accounts, *m_keychain, m_network.get());
    m_registry->start();
    m_registry->discoverDocker(QProcessEnvironment::systemEnvironment());
    m_docker = m_registry->defaultDocker();
    QVERIFY(m_docker);
    EciAccount account;
    account.name = QStringLiteral("env");
    account.accessKeyId = EciEmulatorProcess::accessKeyId();
    account.endpoint = m_eci->endpoint();
    m_eciBackend = m_registry->addEci(
        account, {EciEmulatorProcess::accessKeyId(), EciEmulatorProcess::accessKeySecret(), {}},
        DockerTestEnvironment::uniqueName(QStringLiteral("cn-jobs")));
    OpenSandboxConfig config;
    config.name = QStringLiteral("local");
    config.domain = m_openSandbox->domain();
    config.apiKey = OpenSandboxEmulatorProcess::apiKey();
    config.pollIntervalMs = 300;
    m_osbBackend = m_registry->addOpenSandbox(config, {});
    QVERIFY(m_eciBackend && m_osbBackend);
    for (Backend* backend : {m_docker, m_eciBackend, m_osbBackend})
        QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, Generous);

    const auto ran = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--name"),
         DockerTestEnvironment::uniqueName(QStringLiteral("alljobs")),
         DockerTestEnvironment::image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    m_dockerId = QString::fromUtf8(ran.out).trimmed();
    QVERIFY2(!m_dockerId.isEmpty(), ran.err.constData());
    SandboxSpec eciSpec;
    eciSpec.image = DockerTestEnvironment::image();
    eciSpec.name = QStringLiteral("eci-jobs");
    eciSpec.command = {QStringLiteral("sleep"), QStringLiteral("3600")};
    eciSpec.restartPolicy = QStringLiteral("Never");
    Error error;
    m_eciId = valueOf(m_eciBackend->create(eciSpec), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    SandboxSpec osbSpec;
    osbSpec.image = DockerTestEnvironment::image();
    osbSpec.name = QStringLiteral("osb-jobs");
    osbSpec.lifetimeSeconds = 3600;
    m_osbId = valueOf(m_osbBackend->create(osbSpec), &error);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    QTRY_VERIFY_WITH_TIMEOUT(m_docker->sandbox(m_dockerId).status == SandboxStatus::Running &&
                                 m_eciBackend->sandbox(m_eciId).status == SandboxStatus::Running &&
                                 m_osbBackend->sandbox(m_osbId).status == SandboxStatus::Running,
                             Generous);

    // Started by someone else (sandboxctl, another window): the view finds them by listing.
    m_dockerJob = startJob(m_docker, m_dockerId, QStringLiteral("echo docker-out; sleep 3600"));
    m_eciJob = startJob(m_eciBackend, m_eciId, QStringLiteral("echo eci-done; exit 3"));
    m_osbJob = startJob(m_osbBackend, m_osbId, QStringLiteral("echo osb-out; sleep 3600"));
    QVERIFY(!m_dockerJob.isEmpty() && !m_eciJob.isEmpty() && !m_osbJob.isEmpty());

    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("prefs.ini")));
    m_window = std::make_unique<MainWindow>(*m_preferences, m_translations, *m_registry);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionAllJobs"));
    QVERIFY(action);
    QTRY_VERIFY(action->isEnabled());
    action->trigger();
    m_jobsWindow = m_window->findChild<AllJobsWindow*>();
    QVERIFY(m_jobsWindow);
    QVERIFY(QTest::qWaitForWindowExposed(m_jobsWindow));
    // The same window comes back, not a second one.
    action->trigger();
    QCOMPARE(m_window->findChildren<AllJobsWindow*>().size(), 1);
    new QAbstractItemModelTester(m_jobsWindow->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_jobsWindow);
}

void TestAllJobsWindow::cleanupTestCase()
{
    m_window.reset();
    if (!m_dockerId.isEmpty())
        DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), m_dockerId});
    if (m_eciBackend && !m_eciId.isEmpty()) {
        Job* removal = m_eciBackend->remove(m_eciId, true);
        removal->setAutoDelete(false);
        std::unique_ptr<Job> owned(removal);
        static_cast<void>(QTest::qWaitFor([removal] { return removal->isFinished(); }, Generous));
    }
    m_registry.reset();
    m_openSandbox.reset();
    m_eci.reset();
}

QString TestAllJobsWindow::startJob(Backend* backend, const QString& id, const QString& script)
{
    SandboxJobs jobs(backend, id);
    Error error;
    const QString job = valueOf(jobs.start(shell(script)), &error);
    if (error.isError())
        qWarning("starting a job failed: %s", qPrintable(error.fullText()));
    m_jobBackends.insert(job, backend->id());
    return job;
}

int TestAllJobsWindow::rowOf(const QString& jobId) const
{
    // The emulators keep their sandboxes on the same engine, so the Docker connection lists
    // their jobs too: a row is the job as its own connection lists it.
    const QString backendId = m_jobBackends.value(jobId);
    const QAbstractItemModel* model = child<QTableView>("allJobsTable")->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(AllJobsModel::JobIdRole).toString() == jobId &&
            index.data(AllJobsModel::BackendIdRole).toString() == backendId)
            return row;
    }
    return -1;
}

QString TestAllJobsWindow::cell(const QString& jobId, int column) const
{
    const int row = rowOf(jobId);
    if (row < 0)
        return QStringLiteral("(no row)");
    return child<QTableView>("allJobsTable")->model()->index(row, column).data().toString();
}

void TestAllJobsWindow::select(const QString& jobId)
{
    auto* table = child<QTableView>("allJobsTable");
    const int row = rowOf(jobId);
    QVERIFY(row >= 0);
    table->setCurrentIndex(table->model()->index(row, 0));
}

void TestAllJobsWindow::listsEveryJobOfEverySandbox()
{
    QTRY_VERIFY_WITH_TIMEOUT(
        rowOf(m_dockerJob) >= 0 && rowOf(m_eciJob) >= 0 && rowOf(m_osbJob) >= 0, Generous);
    const QString dockerName = m_docker->sandbox(m_dockerId).name;
    QCOMPARE(cell(m_dockerJob, AllJobsModel::Sandbox), dockerName);
    // ECI names a new group once it has described it; the row follows.
    QTRY_COMPARE_WITH_TIMEOUT(cell(m_eciJob, AllJobsModel::Sandbox),
                              m_eciBackend->sandbox(m_eciId).name, Generous);
    QCOMPARE(cell(m_dockerJob, AllJobsModel::Connection), m_docker->displayName());
    QCOMPARE(cell(m_eciJob, AllJobsModel::Connection), m_eciBackend->displayName());
    QCOMPARE(cell(m_osbJob, AllJobsModel::Connection), m_osbBackend->displayName());
    QCOMPARE(cell(m_dockerJob, AllJobsModel::Command),
             QStringLiteral("sh -c 'echo docker-out; sleep 3600'"));
    QCOMPARE(cell(m_dockerJob, AllJobsModel::State), QStringLiteral("Running"));
    QCOMPARE(cell(m_dockerJob, AllJobsModel::ExitCode), QString());
    QCOMPARE(cell(m_osbJob, AllJobsModel::State), QStringLiteral("Running"));
    QTRY_COMPARE_WITH_TIMEOUT(cell(m_eciJob, AllJobsModel::State), QStringLiteral("Exited"),
                              Generous);
    QCOMPARE(cell(m_eciJob, AllJobsModel::ExitCode), QStringLiteral("3"));
    QVERIFY(!cell(m_eciJob, AllJobsModel::Started).isEmpty());
    // "eci-done\n": 9 bytes.
    QCOMPARE(cell(m_eciJob, AllJobsModel::Output), QStringLiteral("9 bytes"));
    QCOMPARE(child<QLabel>("allJobsStatus")->text(), QString());
}

void TestAllJobsWindow::refreshLeavesTheThreadAtOnce()
{
    AllJobsModel* model = m_jobsWindow->model();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isRefreshing(), Generous);
    QSignalSpy rounds(model, &AllJobsModel::refreshed);
    QTest::mouseClick(child<QPushButton>("allJobsRefreshButton"), Qt::LeftButton);
    // Every sandbox is asked by an exec of its own: the click returns before any answer.
    QVERIFY(model->isRefreshing());
    QCOMPARE(rounds.count(), 0);
    QVERIFY(rounds.wait(Generous));
    QVERIFY(rowOf(m_dockerJob) >= 0 && rowOf(m_eciJob) >= 0 && rowOf(m_osbJob) >= 0);
}

void TestAllJobsWindow::followKillRunAgainCopy()
{
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(m_osbJob) >= 0, Generous);
    select(m_osbJob);
    QTest::mouseClick(child<QPushButton>("allJobsFollowButton"), Qt::LeftButton);
    QCOMPARE(m_jobsWindow->followedJobId(), m_osbJob);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QPlainTextEdit>("allJobsOutput")->toPlainText().contains(QStringLiteral("osb-out")),
        Generous);

    select(m_dockerJob);
    QTest::mouseClick(child<QPushButton>("allJobsCopyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("sh -c 'echo docker-out; sleep 3600'"));

    QVERIFY(child<QPushButton>("allJobsKillButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("allJobsKillButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(m_dockerJob, AllJobsModel::State), QStringLiteral("Killed"),
                              Generous);
    QCOMPARE(cell(m_dockerJob, AllJobsModel::ExitCode), QStringLiteral("143"));
    QVERIFY(child<QLabel>("allJobsStatus")->text().contains(QStringLiteral("was stopped")));

    // Run again: a new job with the same command in the same sandbox, selected once listed.
    select(m_dockerJob);
    const int before = m_jobsWindow->model()->rowCount();
    QTest::mouseClick(child<QPushButton>("allJobsRerunButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_jobsWindow->model()->rowCount(), before + 1, Generous);
    QTRY_VERIFY(m_jobsWindow->currentRow() >= 0 &&
                m_jobsWindow->model()->row(m_jobsWindow->currentRow()).job.id != m_dockerJob);
    const AllJobsModel::Row again = m_jobsWindow->model()->row(m_jobsWindow->currentRow());
    QVERIFY(again.job.id != m_dockerJob);
    QCOMPARE(again.sandboxId, m_dockerId);
    QCOMPARE(again.job.command, QStringLiteral("sh -c 'echo docker-out; sleep 3600'"));
    QCOMPARE(again.job.state, JobInfo::State::Running);
    const QByteArray inside =
        DockerTestEnvironment::docker(
            {QStringLiteral("exec"), m_dockerId, QStringLiteral("cat"),
             QStringLiteral("/tmp/.sandboxdesk/jobs/") + again.job.id + QStringLiteral("/cmd")})
            .out;
    QCOMPARE(inside.trimmed(), QByteArray("sh -c 'echo docker-out; sleep 3600'"));
}

void TestAllJobsWindow::chinese()
{
    QCOMPARE(m_translations.apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    // The language change reaches the windows as a posted event.
    QTRY_COMPARE(m_jobsWindow->windowTitle(), QStringLiteral("所有沙箱中的作业"));
    const QAbstractItemModel* model = child<QTableView>("allJobsTable")->model();
    QCOMPARE(model->headerData(AllJobsModel::Sandbox, Qt::Horizontal).toString(),
             QStringLiteral("沙箱"));
    QCOMPARE(model->headerData(AllJobsModel::ExitCode, Qt::Horizontal).toString(),
             QStringLiteral("退出码"));
    QCOMPARE(cell(m_eciJob, AllJobsModel::State), QStringLiteral("已退出"));
    QCOMPARE(cell(m_dockerJob, AllJobsModel::State), QStringLiteral("已终止"));
    QCOMPARE(child<QPushButton>("allJobsRerunButton")->text(), QStringLiteral("再次运行(&A)"));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionAllJobs"));
    QCOMPARE(action->text(), QStringLiteral("所有沙箱中的作业(&J)"));
    select(m_dockerJob);
    QTest::mouseClick(child<QPushButton>("allJobsCopyButton"), Qt::LeftButton);
    QCOMPARE(child<QLabel>("allJobsStatus")->text(), QStringLiteral("命令已复制。"));
    m_translations.apply(QStringLiteral("en"));
    QTRY_COMPARE(m_jobsWindow->windowTitle(), QStringLiteral("Jobs in All Sandboxes"));
}

QTEST_MAIN(TestAllJobsWindow)
#include "tst_alljobswindow.moc"
