#include "DockerTestEnvironment.h"
#include "DockerWindowFixture.h"
#include "docker/DockerBackend.h"
#include "run/RunWindow.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The window against a real engine: the one in DOCKER_HOST (scripts/test starts a private one).
class TestMainWindowDocker final : public QObject, private DockerWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsAndSearchesRealSandboxes();
    void stopsStartsAndDeletesSeveralAtOnce();
    void pausesAndResumesSeveralAtOnce();
    void explainsAMissingEngine();
    void runActionOpensARunWindowOnTheSandbox();

private:
    void showWindowWithTwoSandboxes();
    bool waitForBoth(const QString& status, int timeoutMs) const;
    QByteArray bothStatuses() const;
    QString run(const QString& name);

    QString m_prefix;
    QString m_first;
    QString m_second;
    QString m_firstId;
};

void TestMainWindowDocker::init()
{
    initWindow();
}

void TestMainWindowDocker::cleanup()
{
    cleanupWindow();
}

QString TestMainWindowDocker::run(const QString& name)
{
    // sleep as PID 1 ignores SIGTERM; a short stop timeout keeps stopping quick.
    return DockerWindowFixture::run(name, {QStringLiteral("--stop-timeout"), QStringLiteral("1"),
                                           DockerTestEnvironment::image(), QStringLiteral("sleep"),
                                           QStringLiteral("3600")});
}

void TestMainWindowDocker::showWindowWithTwoSandboxes()
{
    showWindow();
    if (QTest::currentTestFailed() || !m_window)
        return;

    m_prefix = DockerTestEnvironment::uniqueName(QStringLiteral("ui"));
    m_first = m_prefix + QStringLiteral("-a");
    m_second = m_prefix + QStringLiteral("-b");
    m_firstId = run(m_first);
    QVERIFY(!m_firstId.isEmpty());
    QVERIFY(!run(m_second).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(m_first) == QLatin1String("running") &&
                                 statusOf(m_second) == QLatin1String("running"),
                             20000);

    // Only ours, so that other sandboxes on the engine stay out of reach of selectAll().
    m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"))->setText(m_prefix);
    QCOMPARE(table()->model()->rowCount(), 2);
    table()->selectAll();
}

bool TestMainWindowDocker::waitForBoth(const QString& status, int timeoutMs) const
{
    return QTest::qWaitFor(
        [&] { return statusOf(m_first) == status && statusOf(m_second) == status; }, timeoutMs);
}

QByteArray TestMainWindowDocker::bothStatuses() const
{
    return (statusOf(m_first) + QStringLiteral(", ") + statusOf(m_second)).toUtf8();
}

void TestMainWindowDocker::listsAndSearchesRealSandboxes()
{
    showWindowWithTwoSandboxes();
    if (QTest::currentTestFailed() || !m_window)
        return;
    QCOMPARE(m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))
                 ->currentWidget()
                 ->objectName(),
             QStringLiteral("tablePage"));

    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    search->clear();
    m_window->findChild<QAction*>(QStringLiteral("actionSearch"))->trigger();
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, m_first);
    QCOMPARE(table()->model()->rowCount(), 1);
    QCOMPARE(table()->model()->index(0, 0).data().toString(), m_first);
    search->clear();
    QTest::keyClicks(search, m_firstId.left(12));
    QCOMPARE(table()->model()->rowCount(), 1);
    search->setText(m_prefix + QStringLiteral("-none"));
    QCOMPARE(table()->model()->rowCount(), 0);

    search->setText(m_prefix);
    auto* status = m_window->findChild<QComboBox*>(QStringLiteral("statusFilter"));
    status->setCurrentIndex(status->findData(int(SandboxStatus::Exited)));
    QCOMPARE(table()->model()->rowCount(), 0);
    status->setCurrentIndex(status->findData(int(SandboxStatus::Running)));
    QCOMPARE(table()->model()->rowCount(), 2);
    status->setCurrentIndex(0);

    // The details of the current one come from the engine.
    table()->selectionModel()->setCurrentIndex(table()->model()->index(rowOf(m_first), 0),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("detailsId"))->text(), m_firstId);
    auto* inspect = m_window->findChild<QPlainTextEdit*>(QStringLiteral("inspectText"));
    QTRY_VERIFY_WITH_TIMEOUT(inspect->toPlainText().contains(m_firstId), 10000);
}

void TestMainWindowDocker::stopsStartsAndDeletesSeveralAtOnce()
{
    showWindowWithTwoSandboxes();
    if (QTest::currentTestFailed() || !m_window)
        return;
    auto* stop = m_window->findChild<QAction*>(QStringLiteral("actionStop"));
    auto* start = m_window->findChild<QAction*>(QStringLiteral("actionStart"));
    QVERIFY(stop->isEnabled());
    QVERIFY(!start->isEnabled());
    stop->trigger();
    QVERIFY2(waitForBoth(QStringLiteral("exited"), 30000), bothStatuses().constData());
    QTRY_VERIFY(start->isEnabled());
    QVERIFY(!stop->isEnabled());

    start->trigger();
    QVERIFY2(waitForBoth(QStringLiteral("running"), 20000), bothStatuses().constData());
    QTRY_VERIFY(stop->isEnabled());
    stop->trigger();
    QVERIFY2(waitForBoth(QStringLiteral("exited"), 30000), bothStatuses().constData());

    // These preferences do not ask first.
    table()->selectAll();
    m_window->findChild<QAction*>(QStringLiteral("actionDelete"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), 0, 20000);
    const auto listed = DockerTestEnvironment::docker(
        {QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"),
         QStringLiteral("--filter"), QStringLiteral("name=") + m_prefix});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.trimmed().isEmpty());
    QVERIFY(!m_window->findChild<QMessageBox*>());
}

void TestMainWindowDocker::pausesAndResumesSeveralAtOnce()
{
    showWindowWithTwoSandboxes();
    if (QTest::currentTestFailed() || !m_window)
        return;
    auto* pause = m_window->findChild<QAction*>(QStringLiteral("actionPause"));
    auto* resume = m_window->findChild<QAction*>(QStringLiteral("actionResume"));
    QVERIFY(pause->isEnabled());
    QVERIFY(!resume->isEnabled());
    pause->trigger();
    QVERIFY2(waitForBoth(QStringLiteral("paused"), 20000), bothStatuses().constData());
    QTRY_VERIFY(resume->isEnabled());
    QVERIFY(!pause->isEnabled());
    resume->trigger();
    QVERIFY2(waitForBoth(QStringLiteral("running"), 20000), bothStatuses().constData());
    QVERIFY(!m_window->findChild<QMessageBox*>());
}

void TestMainWindowDocker::explainsAMissingEngine()
{
    const QString address = QStringLiteral("unix://") + m_dir.filePath(QStringLiteral("none.sock"));
    auto* backend = new DockerBackend(QStringLiteral("docker-missing"),
                                      QStringLiteral("Docker (test)"), Endpoint::fromUrl(address));
    m_connections = std::make_unique<TestConnections>(
        m_dir.filePath(QStringLiteral("accounts.ini")), QList<Backend*>{backend});
    m_window = new MainWindow(*m_preferences, *m_translations, m_connections->registry);
    m_window->show();
    m_connections->registry.start();
    auto* pages = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    QTRY_COMPARE_WITH_TIMEOUT(pages->currentWidget()->objectName(),
                              QStringLiteral("noConnectionState"), 10000);
    const QString text =
        pages->currentWidget()->findChild<QLabel*>(QStringLiteral("emptyStateText"))->text();
    QVERIFY2(text.contains(QStringLiteral("Cannot reach the engine at %1.").arg(address)),
             qPrintable(text));

    QSignalSpy states(backend, &Backend::stateChanged);
    QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("retryButton")),
                      Qt::LeftButton);
    QVERIFY(!states.isEmpty());
    QCOMPARE(states.first().first().value<Backend::State>(), Backend::State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Lost, 10000);
}

void TestMainWindowDocker::runActionOpensARunWindowOnTheSandbox()
{
    showWindowWithTwoSandboxes();
    if (QTest::currentTestFailed() || !m_window)
        return;
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionRunCommand"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // two are selected
    table()->clearSelection();
    table()->selectRow(rowOf(m_first));
    QTRY_VERIFY(action->isEnabled());
    action->trigger();
    RunWindow* window = nullptr;
    QTRY_VERIFY((window = m_window->findChild<RunWindow*>()) && window->isVisible());
    QVERIFY(window->windowTitle().contains(m_first));
    // It runs in that sandbox: the container's hostname is its short id.
    auto* command = window->findChild<QComboBox*>(QStringLiteral("runCommand"));
    command->setEditText(QStringLiteral("cat /etc/hostname"));
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("runButton")), Qt::LeftButton);
    auto* output = window->findChild<QPlainTextEdit*>(QStringLiteral("runOutput"));
    QTRY_COMPARE_WITH_TIMEOUT(output->toPlainText(), m_firstId.left(12) + QLatin1Char('\n'), 30000);
    // Asked again, the same window comes back.
    action->trigger();
    QCOMPARE(m_window->findChildren<RunWindow*>().size(), 1);
}

QTEST_MAIN(TestMainWindowDocker)
#include "tst_mainwindowdocker.moc"
