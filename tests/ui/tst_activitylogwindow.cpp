#include "DockerTestEnvironment.h"
#include "DockerWindowFixture.h"
#include "logs/ActivityLog.h"
#include "logs/ActivityLogFile.h"
#include "logs/ActivityLogWindow.h"
#include "logs/LogBuffer.h"
#include "logs/LogView.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The session's activity log fed by the main window's actions on a real engine (the one in
// DOCKER_HOST; scripts/test starts a private one), and shown, searched and exported in its window.
class TestActivityLogWindow final : public QObject, private DockerWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void recordsTheWindowsActions();
    void recordsPreferenceChanges();
    void searchesFiltersAndExports();
    void showsWhatSandboxctlRemoved();
    void followsTrimming();

private:
    const ActivityLog::Entry* find(const QString& action, ActivityLog::Result result) const;

    // As the app has it: on disk in the data folder sandboxctl is given, watched.
    std::unique_ptr<ActivityLogFile> m_activityFile;
    ActivityLog m_activity;
    QString m_name;
    QString m_id;
};

void TestActivityLogWindow::initTestCase()
{
    initWindow();
    m_activityFile = std::make_unique<ActivityLogFile>(
        m_dir.filePath(QStringLiteral("data/sandboxdesk/activity.jsonl")));
    m_activityFile->setWatching(true);
    m_activity.setFile(m_activityFile.get());
    showWindow(&m_activity);
    if (QTest::currentTestFailed() || !m_window)
        return;
    m_name = DockerTestEnvironment::uniqueName(QStringLiteral("activity"));
    m_id = run(m_name,
               {QStringLiteral("--stop-timeout"), QStringLiteral("1"),
                DockerTestEnvironment::image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QVERIFY(!m_id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_name), QStringLiteral("running"), 20000);
    m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"))->setText(m_name);
    QCOMPARE(table()->model()->rowCount(), 1);
    table()->selectRow(0);
}

void TestActivityLogWindow::cleanupTestCase()
{
    cleanupWindow();
}

const ActivityLog::Entry* TestActivityLogWindow::find(const QString& action,
                                                      ActivityLog::Result result) const
{
    for (qsizetype i = m_activity.size() - 1; i >= 0; --i) {
        if (m_activity.at(i).action == action && m_activity.at(i).result == result)
            return &m_activity.at(i);
    }
    return nullptr;
}

void TestActivityLogWindow::recordsTheWindowsActions()
{
    // Stop through the window: one entry with the sandbox, its id, the connection and the result.
    m_window->findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("Stop"), ActivityLog::Result::Done), 30000);
    const ActivityLog::Entry* stop = find(QStringLiteral("Stop"), ActivityLog::Result::Done);
    QCOMPARE(stop->sandbox, m_name);
    QCOMPARE(stop->sandboxId, m_id);
    QCOMPARE(stop->connection, QStringLiteral("Docker (test)"));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_name), QStringLiteral("exited"), 20000);
    table()->selectRow(rowOf(m_name));

    // Opening its logs is recorded at once.
    m_window->findChild<QAction*>(QStringLiteral("actionShowLogs"))->trigger();
    const ActivityLog::Entry* logs = find(QStringLiteral("Open Logs"), ActivityLog::Result::Done);
    QVERIFY(logs);
    QCOMPARE(logs->sandboxId, m_id);

    // A failure keeps the engine's reason: start a sandbox that was removed behind our back.
    table()->selectRow(rowOf(m_name));
    DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), m_name});
    m_window->findChild<QAction*>(QStringLiteral("actionStart"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("Start"), ActivityLog::Result::Failed), 30000);
    const ActivityLog::Entry* start = find(QStringLiteral("Start"), ActivityLog::Result::Failed);
    QCOMPARE(start->sandboxId, m_id);
    QVERIFY(!start->detail.isEmpty());
    // The buffer a view shows: the failure on the stderr side.
    const auto buffer = m_activity.buffer();
    QCOMPARE(buffer->count(), m_activity.size());
    QCOMPARE(buffer->stream(m_activity.size() - 1), LogStream::Stream::Stderr);
    QVERIFY(buffer->line(m_activity.size() - 1).contains(m_name.toUtf8()));
}

void TestActivityLogWindow::recordsPreferenceChanges()
{
    m_window->findChild<QAction*>(QStringLiteral("actionPreferences"))->trigger();
    auto* dialog = m_window->findChild<QDialog*>(QStringLiteral("preferencesDialog"));
    QVERIFY(dialog);
    auto* memory = dialog->findChild<QSpinBox*>(QStringLiteral("logMemorySpin"));
    QVERIFY(memory);
    QCOMPARE(memory->value(), 256);
    memory->setValue(512);
    dialog->accept();
    QCOMPARE(m_preferences->logMemoryLimitMiB(), 512);
    QVERIFY(find(QStringLiteral("Change Preferences"), ActivityLog::Result::Done));
}

void TestActivityLogWindow::searchesFiltersAndExports()
{
    QVERIFY(m_activity.size() >= 3);
    m_window->findChild<QAction*>(QStringLiteral("actionActivityLog"))->trigger();
    auto* window = m_window->findChild<ActivityLogWindow*>();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    LogView* view = window->view();
    QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), m_activity.size(), 5000);
    QVERIFY(view->rowText(0).contains(m_name));

    // The view follows entries recorded while it is open.
    m_activity.record(QStringLiteral("Probe"), QStringLiteral("later"), QString(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), m_activity.size(), 5000);

    window->findChild<QLineEdit*>(QStringLiteral("activitySearchEdit"))
        ->setText(QStringLiteral("FAILED"));
    QTRY_COMPARE_WITH_TIMEOUT(window->matches().size(), 1, 10000);
    QTRY_VERIFY(!window->isSearching());
    window->findChild<QAction*>(QStringLiteral("filterAction"))->setChecked(true);
    QCOMPARE(view->rowCount(), 1);
    QVERIFY(view->rowText(0).startsWith(QLatin1String("Start")));

    const QString json = m_dir.filePath(QStringLiteral("activity.jsonl"));
    QVERIFY(!window->exportTo(json, ActivityLog::Format::JsonLines, true).isError());
    QFile in(json);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = in.readAll().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject object = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(object.value(QStringLiteral("action")).toString(), QStringLiteral("Start"));
    QCOMPARE(object.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(object.value(QStringLiteral("id")).toString(), m_id);
    QCOMPARE(object.value(QStringLiteral("connection")).toString(),
             QStringLiteral("Docker (test)"));

    const QString text = m_dir.filePath(QStringLiteral("activity.txt"));
    QVERIFY(!window->exportTo(text, ActivityLog::Format::PlainText, false).isError());
    QFile textIn(text);
    QVERIFY(textIn.open(QIODevice::ReadOnly));
    const QByteArray all = textIn.readAll();
    QVERIFY(all.contains("Stop · " + m_name.toUtf8()));
    // The exports themselves are recorded too.
    QVERIFY(find(QStringLiteral("Export activity log"), ActivityLog::Result::Done));
}

void TestActivityLogWindow::showsWhatSandboxctlRemoved()
{
    // A sandbox whose lifetime has passed, removed by sandboxctl gc from another process.
    const QString name = DockerTestEnvironment::uniqueName(QStringLiteral("gc-activity"));
    const auto made = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--label"),
         QStringLiteral("sandboxdesk.expires-at=2020-01-01T00:00:00Z"), QStringLiteral("--name"),
         name, DockerTestEnvironment::image(), QStringLiteral("sleep"), QStringLiteral("600")});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QString id = QString::fromUtf8(made.out).trimmed();
    m_window->findChild<QAction*>(QStringLiteral("actionActivityLog"))->trigger();
    auto* window = m_window->findChild<ActivityLogWindow*>();
    QVERIFY(window);
    QAction* filter = window->findChild<QAction*>(QStringLiteral("filterAction"));
    const bool filtered = filter->isChecked();
    filter->setChecked(false);

    QProcess sandboxctl;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    sandboxctl.setProcessEnvironment(environment);
    sandboxctl.start(QStringLiteral(SANDBOXCTL_PATH), {QStringLiteral("gc")});
    QVERIFY(sandboxctl.waitForFinished(60000));
    QVERIFY2(sandboxctl.exitCode() == 0, sandboxctl.readAllStandardError().constData());
    QVERIFY(sandboxctl.readAllStandardOutput().contains(id.left(12).toLatin1()));

    const auto shown = [&] {
        for (qint64 row = window->view()->rowCount() - 1; row >= 0; --row) {
            const QString text = window->view()->rowText(row);
            if (text.contains(name))
                return text;
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!shown().isEmpty(), 10000);
    const QString text = shown();
    QVERIFY2(text.startsWith(QStringLiteral("Clean Up · %1 (%2)").arg(name, id.left(12))),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" · by sandboxctl — done: expired ")), qPrintable(text));
    const ActivityLog::Entry& entry = m_activity.at(m_activity.size() - 1);
    QCOMPARE(entry.sandboxId, id);
    QCOMPARE(entry.by, QStringLiteral("sandboxctl"));
    filter->setChecked(filtered);
}

void TestActivityLogWindow::followsTrimming()
{
    // Past its bound the log starts a new buffer; the open window moves to it.
    auto* window = m_window->findChild<ActivityLogWindow*>();
    QVERIFY(window);
    for (int i = 0; i < ActivityLog::DefaultMaxEntries; ++i)
        m_activity.record(QStringLiteral("Bulk"), QStringLiteral("n%1").arg(i), QString(),
                          QString());
    QVERIFY(m_activity.size() <= ActivityLog::DefaultMaxEntries);
    QTRY_COMPARE_WITH_TIMEOUT(window->view()->rowCount(), window->matches().size(), 10000);
    window->findChild<QAction*>(QStringLiteral("filterAction"))->setChecked(false);
    QTRY_COMPARE_WITH_TIMEOUT(window->view()->rowCount(), m_activity.size(), 10000);
    QCOMPARE(window->view()->rowText(m_activity.size() - 1),
             QStringLiteral("Bulk · n%1 — done").arg(ActivityLog::DefaultMaxEntries - 1));
}

QTEST_MAIN(TestActivityLogWindow)
#include "tst_activitylogwindow.moc"
