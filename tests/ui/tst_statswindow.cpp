#include "DockerTestEnvironment.h"
#include "DockerWindowFixture.h"
#include "docker/DockerBackend.h"
#include "logs/ActivityLog.h"
#include "sandbox/Job.h"
#include "sandbox/SandboxTableModel.h"
#include "sandbox/StatsMonitor.h"
#include "settings/IdleStore.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/CleanupDialog.h"
#include "window/ConnectionList.h"
#include "window/MainWindow.h"
#include "window/ResourceCharts.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

// Live stats, lifetimes and clean-up in the window, against the real engine.
class TestStatsWindow final : public QObject, private DockerWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void liveColumnsOnlyForWhatIsShown();
    void renewShowsTimeLeft();
    void cleanUpRemovesWhatThePreviewListed();
    void cleanUpOnATimerWhenChosen();
    void idleCleanUpOptInPerSandboxAndConnection();
    void idleCleanUpOnATimerOnlyWhenOptedIn();

private:
    void showWindow();
    QString run(const QString& name, const QString& script);
    QString cell(const QString& name, int column) const;
    StatsMonitor* monitor() const;
    // Saves the window as a PNG into SANDBOXDESK_SCREENSHOT_DIR, when it is set.
    void screenshot(const QString& name, QWidget* widget = nullptr);

    ActivityLog m_activity;
    QString m_prefix;
};

void TestStatsWindow::init()
{
    initWindow();
}

void TestStatsWindow::cleanup()
{
    cleanupWindow();
}

QString TestStatsWindow::cell(const QString& name, int column) const
{
    return SandboxTable::cell(m_window, name, column);
}

StatsMonitor* TestStatsWindow::monitor() const
{
    return m_window->findChild<StatsMonitor*>();
}

QString TestStatsWindow::run(const QString& name, const QString& script)
{
    return DockerWindowFixture::run(name, {QStringLiteral("--memory"), QStringLiteral("128m"),
                                           DockerTestEnvironment::image(), QStringLiteral("sh"),
                                           QStringLiteral("-c"), script});
}

void TestStatsWindow::showWindow()
{
    DockerWindowFixture::showWindow(&m_activity, QSize(1280, 760));
    m_prefix = DockerTestEnvironment::uniqueName(QStringLiteral("stats"));
}

void TestStatsWindow::screenshot(const QString& name, QWidget* widget)
{
    const QString folder = qEnvironmentVariable("SANDBOXDESK_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QVERIFY((widget ? widget : m_window)
                ->grab()
                .save(QDir(folder).filePath(name + QStringLiteral(".png"))));
}

void TestStatsWindow::liveColumnsOnlyForWhatIsShown()
{
    showWindow();
    if (QTest::currentTestFailed())
        return;
    const QString busy = m_prefix + QStringLiteral("-busy");
    const QString idle = m_prefix + QStringLiteral("-idle");
    QVERIFY(!run(busy, QStringLiteral("while :; do :; done")).isEmpty());
    QVERIFY(!run(idle, QStringLiteral("sleep 600")).isEmpty());
    m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"))->setText(m_prefix);
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), 2, 20000);

    // Both rows on screen: one stream each, and figures in the CPU and memory columns.
    QTRY_COMPARE_WITH_TIMEOUT(monitor()->openStreams(), 2, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!cell(busy, SandboxTableModel::CpuColumn).isEmpty() &&
                                 !cell(idle, SandboxTableModel::MemoryColumn).isEmpty(),
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(table()->model()
                                     ->index(rowOf(busy), SandboxTableModel::CpuColumn)
                                     .data(SandboxTableModel::HistoryRole)
                                     .value<QList<qreal>>()
                                     .size() >= 3,
                             20000);
    QCOMPARE(table()->model()->headerData(SandboxTableModel::CpuColumn, Qt::Horizontal).toString(),
             QStringLiteral("CPU"));
    QCOMPARE(
        table()->model()->headerData(SandboxTableModel::TimeLeftColumn, Qt::Horizontal).toString(),
        QStringLiteral("Time Left"));
    auto* totals = m_window->findChild<QLabel*>(QStringLiteral("statsTotals"));
    QVERIFY(totals->text().contains(QLatin1String("2 measured")));

    // Sortable: by CPU, the busy loop comes first when sorted down.
    table()->sortByColumn(SandboxTableModel::CpuColumn, Qt::DescendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(busy), 0, 10000);

    // The current sandbox's charts in Details, from the same monitor.
    table()->selectRow(0);
    auto* charts = m_window->findChild<ResourceCharts*>(QStringLiteral("resourceCharts"));
    QVERIFY(charts);
    auto* tabs = qobject_cast<QTabWidget*>(charts->parentWidget()->parentWidget());
    QVERIFY(tabs);
    tabs->setCurrentWidget(charts);
    QTRY_VERIFY_WITH_TIMEOUT(charts->samples().size() >= 3, 20000);
    QVERIFY(charts->samples().last().cpuPercent > 1);
    screenshot(QStringLiteral("stats-list-en"));
    m_translations->apply(QStringLiteral("zh_CN"));
    QTest::qWait(300);
    QVERIFY(totals->text().contains(QStringLiteral("已测量")));
    screenshot(QStringLiteral("stats-list-zh"));
    m_translations->apply(QStringLiteral("en"));

    // What the filter hides is not watched; what the window hides neither.
    m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"))->setText(idle);
    QTRY_COMPARE_WITH_TIMEOUT(monitor()->openStreams(), 1, 10000);
    m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"))->setText(m_prefix);
    QTRY_COMPARE_WITH_TIMEOUT(monitor()->openStreams(), 2, 10000);
    m_window->hide();
    QTRY_COMPARE_WITH_TIMEOUT(monitor()->openStreams(), 0, 10000);
    QCOMPARE(monitor()->watchedCount(), 0);
    m_window->show();
    QTRY_COMPARE_WITH_TIMEOUT(monitor()->openStreams(), 2, 10000);
}

void TestStatsWindow::renewShowsTimeLeft()
{
    showWindow();
    if (QTest::currentTestFailed())
        return;
    const QString name = m_prefix + QStringLiteral("-renew");
    const QString id = run(name, QStringLiteral("sleep 600"));
    QVERIFY(!id.isEmpty());
    m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"))->setText(name);
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(name), 0, 20000);
    QVERIFY(cell(name, SandboxTableModel::TimeLeftColumn).isEmpty());
    table()->selectRow(0);
    QAction* renew = m_window->findChild<QAction*>(QStringLiteral("actionRenew"));
    QTRY_VERIFY(renew->isEnabled());
    renew->trigger();
    QInputDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QInputDialog*>(QStringLiteral("renewDialog"))));
    const QPointer<QInputDialog> closed = dialog; // deleted once answered
    dialog->setTextValue(QStringLiteral("2h"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(id).expiresAt.isValid(), 10000);
    QVERIFY(qAbs(before.addSecs(7200).secsTo(m_backend->sandbox(id).expiresAt)) <= 5);
    QTRY_VERIFY(cell(name, SandboxTableModel::TimeLeftColumn).contains(QLatin1String("hour")));
    // Renewing again: that long from now, as sandboxctl renew.
    const QDateTime first = m_backend->sandbox(id).expiresAt;
    QTRY_VERIFY(!closed);
    renew->trigger();
    QTRY_VERIFY((dialog = m_window->findChild<QInputDialog*>(QStringLiteral("renewDialog"))));
    dialog->setTextValue(QStringLiteral("30m"));
    const QDateTime again = QDateTime::currentDateTimeUtc();
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(id).expiresAt < first, 10000);
    QVERIFY(qAbs(again.addSecs(1800).secsTo(m_backend->sandbox(id).expiresAt)) <= 5);
    QVERIFY(m_activity.size() >= 1);
    QCOMPARE(m_activity.at(m_activity.size() - 1).sandboxId, id);
    screenshot(QStringLiteral("stats-renew-en"));
}

void TestStatsWindow::cleanUpRemovesWhatThePreviewListed()
{
    showWindow();
    if (QTest::currentTestFailed())
        return;
    const QString expired = m_prefix + QStringLiteral("-expired");
    const QString kept = m_prefix + QStringLiteral("-kept");
    const QString expiredId = run(expired, QStringLiteral("sleep 600"));
    const QString keptId = run(kept, QStringLiteral("sleep 600"));
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(expiredId).status == SandboxStatus::Running &&
                                 m_backend->sandbox(keptId).status == SandboxStatus::Running,
                             20000);
    Job* job = m_backend->setExpiry(expiredId, QDateTime::currentDateTimeUtc().addSecs(-30));
    bool set = false;
    connect(job, &Job::finished, this, [&] { set = !job->error().isError(); });
    QTRY_VERIFY(set);

    m_window->findChild<QAction*>(QStringLiteral("actionCleanUp"))->trigger();
    CleanupDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<CleanupDialog*>(QStringLiteral("cleanupDialog"))));
    auto* remove = dialog->findChild<QPushButton*>(QStringLiteral("removeButton"));
    QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), 20000);
    QStringList listed;
    for (const CleanupCandidate& candidate : dialog->candidates())
        listed << candidate.sandbox.id;
    QVERIFY(listed.contains(expiredId));
    QVERIFY(!listed.contains(keptId)); // no lifetime: never removed by clean-up of the expired
    auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("cleanupList"));
    QCOMPARE(list->topLevelItemCount(), int(listed.size()));
    screenshot(QStringLiteral("stats-cleanup-en"), dialog);
    m_translations->apply(QStringLiteral("zh_CN"));
    QTest::qWait(100);
    screenshot(QStringLiteral("stats-cleanup-zh"), dialog);
    m_translations->apply(QStringLiteral("en"));

    const qsizetype logged = m_activity.size();
    remove->click();
    for (const QString& id : std::as_const(listed))
        QTRY_VERIFY_WITH_TIMEOUT(!m_backend->sandboxSet()->contains(id), 20000);
    QVERIFY(m_backend->sandboxSet()->contains(keptId));
    // Each removal is in the activity log.
    QTRY_COMPARE_WITH_TIMEOUT(m_activity.size(), logged + listed.size(), 10000);
    QStringList recorded;
    for (qsizetype i = logged; i < m_activity.size(); ++i)
        recorded << m_activity.at(i).sandboxId;
    recorded.sort();
    listed.sort();
    QCOMPARE(recorded, listed);
}

void TestStatsWindow::cleanUpOnATimerWhenChosen()
{
    m_preferences->setCleanupIntervalMinutes(5);
    showWindow();
    if (QTest::currentTestFailed())
        return;
    auto* timer = m_window->findChild<QTimer*>(QStringLiteral("cleanupTimer"));
    QVERIFY(timer && timer->isActive());
    QCOMPARE(timer->interval(), 5 * 60 * 1000);
    const QString expiredId = run(m_prefix + QStringLiteral("-timed"), QStringLiteral("sleep 600"));
    const QString keptId = run(m_prefix + QStringLiteral("-untimed"), QStringLiteral("sleep 600"));
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandboxSet()->contains(expiredId) &&
                                 m_backend->sandboxSet()->contains(keptId),
                             20000);
    Job* job = m_backend->setExpiry(expiredId, QDateTime::currentDateTimeUtc().addSecs(-5));
    bool set = false;
    connect(job, &Job::finished, this, [&] { set = !job->error().isError(); });
    QTRY_VERIFY(set);
    // Five minutes are long for a test: the same timer, sooner.
    timer->start(100);
    QTRY_VERIFY_WITH_TIMEOUT(!m_backend->sandboxSet()->contains(expiredId), 20000);
    QVERIFY(m_backend->sandboxSet()->contains(keptId)); // no lifetime: never removed by expiry
    bool logged = false;
    for (qsizetype i = 0; i < m_activity.size(); ++i)
        logged = logged || m_activity.at(i).sandboxId == expiredId;
    QVERIFY(logged);
    timer->stop();
    m_preferences->setCleanupIntervalMinutes(0);
}

void TestStatsWindow::idleCleanUpOptInPerSandboxAndConnection()
{
    showWindow();
    if (QTest::currentTestFailed())
        return;
    const QString name = m_prefix + QStringLiteral("-optin");
    const QString id = run(name, QStringLiteral("sleep 600"));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) >= 0, 20000);
    QAction* idle = m_window->findChild<QAction*>(QStringLiteral("actionIdleCleanup"));
    table()->clearSelection();
    QVERIFY(!idle->isEnabled());
    table()->selectRow(rowOf(name));
    QVERIFY(idle->isEnabled());
    QVERIFY(!idle->isChecked());
    idle->trigger();
    QVERIFY(idle->isChecked());
    // Where sandboxctl reads it.
    QVERIFY(IdleStore(IdleStore::defaultPath()).sandboxOptedIn(id));
    idle->trigger();
    QVERIFY(!idle->isChecked());
    QVERIFY(!IdleStore(IdleStore::defaultPath()).sandboxOptedIn(id));
    // What sandboxctl idle ID on writes shows in the window too.
    IdleStore other(IdleStore::defaultPath());
    Error error;
    QVERIFY(other.setSandboxOptIn(id, true, &error));
    QTRY_VERIFY_WITH_TIMEOUT(idle->isChecked(), 5000);

    // The connection's menu in the connections list.
    auto* connections = m_window->findChild<ConnectionList*>();
    QVERIFY(connections);
    QListWidgetItem* item = nullptr;
    for (int row = 0; row < connections->count(); ++row) {
        if (connections->item(row)->text().contains(m_backend->displayName()))
            item = connections->item(row);
    }
    QVERIFY(item);
    const auto toggleConnection = [&] {
        Q_EMIT connections->customContextMenuRequested(connections->visualItemRect(item).center());
        auto* menu = m_window->findChild<QMenu*>(QStringLiteral("connectionMenu"));
        QVERIFY(menu);
        auto* action = menu->findChild<QAction*>(QStringLiteral("actionConnectionIdleCleanup"));
        QVERIFY(action);
        action->trigger();
        menu->close();
        delete menu;
    };
    toggleConnection();
    const QString endpoint = m_backend->endpointDescription();
    QVERIFY(IdleStore(IdleStore::defaultPath()).connectionOptedIn(endpoint));
    toggleConnection();
    QVERIFY(!IdleStore(IdleStore::defaultPath()).connectionOptedIn(endpoint));
    QVERIFY(other.setSandboxOptIn(id, false, &error));
    // Each choice is in the activity log.
    bool logged = false;
    for (qsizetype i = 0; i < m_activity.size(); ++i)
        logged = logged || (m_activity.at(i).sandboxId == id &&
                            m_activity.at(i).action == QStringLiteral("Allow Idle Clean-Up"));
    QVERIFY(logged);
}

void TestStatsWindow::idleCleanUpOnATimerOnlyWhenOptedIn()
{
    m_preferences->setCleanupIntervalMinutes(5);
    m_preferences->setIdleCleanupMinutes(1);
    showWindow();
    if (QTest::currentTestFailed())
        return;
    const QString quiet = m_prefix + QStringLiteral("-quiet");
    const QString busy = m_prefix + QStringLiteral("-busy");
    const QString notIn = m_prefix + QStringLiteral("-notin");
    QElapsedTimer started;
    started.start();
    const QString quietId = run(quiet, QStringLiteral("sleep 600"));
    const QString busyId = run(busy, QStringLiteral("while :; do :; done"));
    const QString notInId = run(notIn, QStringLiteral("sleep 600"));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(quiet) >= 0 && rowOf(busy) >= 0 && rowOf(notIn) >= 0, 20000);
    QAction* idle = m_window->findChild<QAction*>(QStringLiteral("actionIdleCleanup"));
    for (const QString& name : {quiet, busy}) {
        table()->selectRow(rowOf(name));
        QVERIFY(!idle->isChecked());
        idle->trigger();
    }
    // Watched, quiet, since two minutes ago, as earlier clean-ups would have noted.
    IdleStore seed(IdleStore::defaultPath());
    Error error;
    for (const QString& id : {quietId, busyId, notInId})
        QVERIFY(seed.noteSeen(id, false, QDateTime::currentDateTimeUtc().addSecs(-120), &error));

    // A start is activity: idle time counts from it at the earliest, and the shortest idle
    // time Preferences offer is a minute.
    QTest::qWait(int(std::max<qint64>(0, 62000 - started.elapsed())));
    auto* timer = m_window->findChild<QTimer*>(QStringLiteral("cleanupTimer"));
    QVERIFY(timer && timer->isActive());
    timer->start(200); // the same timer, sooner
    QTRY_VERIFY_WITH_TIMEOUT(!m_backend->sandboxSet()->contains(quietId), 30000);
    QTest::qWait(3000);                                  // more rounds of the timer
    QVERIFY(m_backend->sandboxSet()->contains(busyId));  // busy
    QVERIFY(m_backend->sandboxSet()->contains(notInId)); // not opted in
    timer->stop();
    const ActivityLog::Entry* entry = nullptr;
    for (qsizetype i = 0; i < m_activity.size(); ++i) {
        if (m_activity.at(i).sandboxId == quietId &&
            m_activity.at(i).action == QStringLiteral("Clean Up"))
            entry = &m_activity.at(i);
    }
    QVERIFY(entry);
    QCOMPARE(entry->result, ActivityLog::Result::Done);
    QVERIFY2(entry->detail.startsWith(QLatin1String("idle for ")), qPrintable(entry->detail));
    m_preferences->setCleanupIntervalMinutes(0);
    m_preferences->setIdleCleanupMinutes(0);
}

QTEST_MAIN(TestStatsWindow)
#include "tst_statswindow.moc"
