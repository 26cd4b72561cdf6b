#include "FakeBackend.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/ConnectionList.h"
#include "window/MainWindow.h"
#include "window/OperationProgress.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The window driven against in-memory backends: pages, actions, bulk operations, settings.
class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsConnectingThenTheTable();
    void explainsAnUnreachableEngineAndRetries();
    void offersANewSandboxWhenThereIsNone();
    void actionsFollowTheSelection();
    void actsOnlyOnTheRowsAnActionAppliesTo();
    void reportsFailuresTogether();
    void deleteAsksFirstAndCanForce();
    void connectionSelectionFiltersTheTable();
    void showsDetailsOfTheCurrentSandbox();
    void restoresTheTableHeader();

private:
    void createWindow(const QList<Backend*>& backends);
    QString currentPage() const;
    QTableView* table() const;
    QAction* action(const char* name) const;
    void select(const QStringList& names);

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<Translations> m_translations;
    MainWindow* m_window = nullptr;
    std::unique_ptr<TestConnections> m_connections;
    FakeBackend* m_backend = nullptr;
};

void TestMainWindow::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_translations = std::make_unique<Translations>();
    m_translations->apply(QStringLiteral("en"));
    m_backend = new FakeBackend(QStringLiteral("fake"));
}

void TestMainWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_connections.reset();
    m_translations.reset();
    m_preferences.reset();
}

void TestMainWindow::createWindow(const QList<Backend*>& backends)
{
    m_connections =
        std::make_unique<TestConnections>(m_dir.filePath(QStringLiteral("accounts.ini")), backends);
    m_window = new MainWindow(*m_preferences, *m_translations, m_connections->registry);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

QString TestMainWindow::currentPage() const
{
    return m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))
        ->currentWidget()
        ->objectName();
}

QTableView* TestMainWindow::table() const
{
    return m_window->findChild<QTableView*>(QStringLiteral("sandboxTable"));
}

QAction* TestMainWindow::action(const char* name) const
{
    return m_window->findChild<QAction*>(QLatin1String(name));
}

void TestMainWindow::select(const QStringList& names)
{
    QTableView* view = table();
    view->clearSelection();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, SandboxTableModel::NameColumn);
        if (names.contains(index.data().toString())) {
            view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::Select |
                                                               QItemSelectionModel::Rows);
        }
    }
    QCOMPARE(view->selectionModel()->selectedRows().size(), names.size());
}

void TestMainWindow::showsConnectingThenTheTable()
{
    createWindow({m_backend});
    QCOMPARE(currentPage(), QStringLiteral("noConnectionState"));
    m_backend->setState(Backend::State::Connecting);
    QCOMPARE(currentPage(), QStringLiteral("connectingState"));
    m_backend->add(QStringLiteral("web-1"), QStringLiteral("nginx"), SandboxStatus::Running);
    m_backend->connectToBackend();
    QCOMPARE(currentPage(), QStringLiteral("tablePage"));
    QCOMPARE(table()->model()->rowCount(), 1);
    QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("countLabel"))
                ->text()
                .contains(QStringLiteral("Running: 1")));
    QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("versionLabel"))
                ->text()
                .contains(QStringLiteral("1.0-fake")));
}

void TestMainWindow::explainsAnUnreachableEngineAndRetries()
{
    createWindow({m_backend});
    m_backend->lose(Error::make(Error::Connection,
                                QStringLiteral("Cannot reach the engine at unix:///nowhere.sock."),
                                {}, QStringLiteral("No such file or directory")));
    QCOMPARE(currentPage(), QStringLiteral("noConnectionState"));
    const QString text = m_window->findChild<QWidget*>(QStringLiteral("noConnectionState"))
                             ->findChild<QLabel*>(QStringLiteral("emptyStateText"))
                             ->text();
    QVERIFY2(text.contains(QStringLiteral("Cannot reach the engine at unix:///nowhere.sock.")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("No such file or directory")));
    QVERIFY(text.contains(QStringLiteral("sudo systemctl start docker")));
    QVERIFY(text.contains(QStringLiteral("DOCKER_HOST")));
    QVERIFY(text.contains(QStringLiteral("Preferences")));

    auto* retry = m_window->findChild<QPushButton*>(QStringLiteral("retryButton"));
    QVERIFY(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(m_backend->state(), Backend::State::Connected);
    QCOMPARE(currentPage(), QStringLiteral("noSandboxesState"));
}

void TestMainWindow::offersANewSandboxWhenThereIsNone()
{
    m_backend->setImages({QStringLiteral("busybox:latest")});
    createWindow({m_backend});
    m_backend->connectToBackend();
    QCOMPARE(currentPage(), QStringLiteral("noSandboxesState"));
    QVERIFY(action("actionNew")->isEnabled());

    QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("newSandboxButton")),
                      Qt::LeftButton);
    QDialog* dialog = nullptr;
    QTRY_VERIFY(dialog = m_window->findChild<QDialog*>(QStringLiteral("createSandboxDialog")));
    QTRY_VERIFY(dialog->isVisible());
    dialog->reject();

    m_backend->add(QStringLiteral("first"), QStringLiteral("busybox"), SandboxStatus::Created);
    QCOMPARE(currentPage(), QStringLiteral("tablePage"));
}

void TestMainWindow::actionsFollowTheSelection()
{
    createWindow({m_backend});
    m_backend->connectToBackend();
    m_backend->add(QStringLiteral("running"), QStringLiteral("busybox"), SandboxStatus::Running);
    m_backend->add(QStringLiteral("exited"), QStringLiteral("busybox"), SandboxStatus::Exited);
    m_backend->add(QStringLiteral("paused"), QStringLiteral("busybox"), SandboxStatus::Paused);

    select({});
    for (const char* name : {"actionStart", "actionStop", "actionRestart", "actionPause",
                             "actionResume", "actionDelete"})
        QVERIFY2(!action(name)->isEnabled(), name);

    select({QStringLiteral("running")});
    QVERIFY(!action("actionStart")->isEnabled());
    QVERIFY(action("actionStop")->isEnabled());
    QVERIFY(action("actionPause")->isEnabled());
    QVERIFY(!action("actionResume")->isEnabled());
    QVERIFY(action("actionDelete")->isEnabled());

    select({QStringLiteral("exited"), QStringLiteral("paused")});
    QVERIFY(action("actionStart")->isEnabled());
    QVERIFY(action("actionStop")->isEnabled());
    QVERIFY(!action("actionPause")->isEnabled());
    QVERIFY(action("actionResume")->isEnabled());

    // Capabilities decide too: a backend that cannot pause offers neither pause nor resume.
    m_backend->setCapabilities(Backend::CanRestart);
    select({QStringLiteral("running"), QStringLiteral("paused")});
    QVERIFY(!action("actionPause")->isEnabled());
    QVERIFY(!action("actionResume")->isEnabled());
    QVERIFY(action("actionRestart")->isEnabled());

    // Nothing can be done on a lost connection.
    m_backend->lose(Error::make(Error::Connection, QStringLiteral("gone")));
    QVERIFY(!action("actionStop")->isEnabled());
    QVERIFY(!action("actionNew")->isEnabled());
}

void TestMainWindow::actsOnlyOnTheRowsAnActionAppliesTo()
{
    createWindow({m_backend});
    m_backend->connectToBackend();
    const Sandbox a =
        m_backend->add(QStringLiteral("a"), QStringLiteral("x"), SandboxStatus::Exited);
    m_backend->add(QStringLiteral("b"), QStringLiteral("x"), SandboxStatus::Running);
    const Sandbox c =
        m_backend->add(QStringLiteral("c"), QStringLiteral("x"), SandboxStatus::Created);

    select({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
    action("actionStart")->trigger();
    QCOMPARE(m_backend->performed.size(), 2);
    QStringList started;
    for (const auto& [what, id] : std::as_const(m_backend->performed)) {
        QCOMPARE(what, Backend::Action::Start);
        started << id;
    }
    started.sort();
    QCOMPARE(started, (QStringList{a.id, c.id}));
    QTRY_VERIFY(!m_window->findChild<OperationProgress*>());
    QVERIFY(!action("actionStart")->isEnabled());
    QVERIFY(!m_window->findChild<QMessageBox*>());
}

void TestMainWindow::reportsFailuresTogether()
{
    createWindow({m_backend});
    m_backend->connectToBackend();
    m_backend->add(QStringLiteral("one"), QStringLiteral("x"), SandboxStatus::Running);
    m_backend->add(QStringLiteral("two"), QStringLiteral("x"), SandboxStatus::Running);
    m_backend->performError = Error::make(Error::Conflict, QStringLiteral("Not now."),
                                          QStringLiteral("409"), QStringLiteral("is busy"));
    select({QStringLiteral("one"), QStringLiteral("two")});
    action("actionStop")->trigger();

    QMessageBox* report = nullptr;
    QTRY_VERIFY(report = m_window->findChild<QMessageBox*>(QStringLiteral("failureReport")));
    QVERIFY(report->text().contains(QStringLiteral("2 of 2")));
    const QString details = report->informativeText();
    QVERIFY2(details.contains(QStringLiteral("one: Not now. (409: is busy)")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("two: Not now. (409: is busy)")));
    QCOMPARE(m_window->findChildren<QMessageBox*>().size(), 1);
}

void TestMainWindow::deleteAsksFirstAndCanForce()
{
    createWindow({m_backend});
    m_backend->connectToBackend();
    const Sandbox running =
        m_backend->add(QStringLiteral("busy"), QStringLiteral("x"), SandboxStatus::Running);
    const Sandbox exited =
        m_backend->add(QStringLiteral("done"), QStringLiteral("x"), SandboxStatus::Exited);
    select({QStringLiteral("busy"), QStringLiteral("done")});
    QCOMPARE(action("actionDelete")->shortcut(), QKeySequence(QKeySequence::Delete));
    action("actionDelete")->trigger();

    QMessageBox* box = nullptr;
    QTRY_VERIFY(box = m_window->findChild<QMessageBox*>(QStringLiteral("deleteConfirmation")));
    QVERIFY(box->informativeText().contains(QStringLiteral("busy")));
    QVERIFY(box->informativeText().contains(QStringLiteral("done")));
    QVERIFY(m_backend->removed.isEmpty());
    QVERIFY(box->checkBox());
    box->checkBox()->setChecked(true);
    QAbstractButton* deleteButton = nullptr;
    const QList<QAbstractButton*> buttons = box->buttons();
    for (QAbstractButton* button : buttons) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            deleteButton = button;
    }
    QVERIFY(deleteButton);
    deleteButton->click();

    QTRY_COMPARE(m_backend->removed.size(), 2);
    for (const auto& [id, force] : std::as_const(m_backend->removed)) {
        QVERIFY(id == running.id || id == exited.id);
        QVERIFY(force);
    }
    QTRY_COMPARE(currentPage(), QStringLiteral("noSandboxesState"));
}

void TestMainWindow::connectionSelectionFiltersTheTable()
{
    auto* other = new FakeBackend(QStringLiteral("other"));
    createWindow({m_backend, other});
    m_backend->connectToBackend();
    other->connectToBackend();
    m_backend->add(QStringLiteral("mine"), QStringLiteral("x"), SandboxStatus::Running);
    other->add(QStringLiteral("theirs"), QStringLiteral("x"), SandboxStatus::Running);
    QCOMPARE(table()->model()->rowCount(), 2);

    auto* connections = m_window->findChild<ConnectionList*>();
    QCOMPARE(connections->count(), 3);
    QVERIFY(connections->item(2)->text().contains(QStringLiteral("Fake other")));
    QVERIFY(connections->item(2)->text().contains(QStringLiteral("1.0-fake")));
    connections->setCurrentRow(2);
    QCOMPARE(table()->model()->rowCount(), 1);
    QCOMPARE(table()->model()->index(0, 0).data().toString(), QStringLiteral("theirs"));
    connections->setCurrentRow(0);
    QCOMPARE(table()->model()->rowCount(), 2);

    other->lose(Error::make(Error::Connection, QStringLiteral("The engine went away.")));
    QVERIFY(connections->item(2)->text().contains(QStringLiteral("The engine went away.")));
    QVERIFY(connections->item(2)->toolTip().contains(QStringLiteral("fake://other")));
}

void TestMainWindow::showsDetailsOfTheCurrentSandbox()
{
    createWindow({m_backend});
    m_backend->connectToBackend();
    const Sandbox sandbox =
        m_backend->add(QStringLiteral("web"), QStringLiteral("nginx"), SandboxStatus::Running);
    select({QStringLiteral("web")});
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("detailsId"))->text(), sandbox.id);
    auto* inspect = m_window->findChild<QPlainTextEdit*>(QStringLiteral("inspectText"));
    QTRY_VERIFY(inspect->toPlainText().contains(QStringLiteral("\"Id\": \"%1\"").arg(sandbox.id)));
    QVERIFY(action("actionRefreshDetails")->isEnabled());
    QCOMPARE(action("actionRefreshDetails")->shortcut(), QKeySequence(QKeySequence::Refresh));
}

void TestMainWindow::restoresTheTableHeader()
{
    createWindow({m_backend});
    m_backend->connectToBackend();
    m_backend->add(QStringLiteral("web"), QStringLiteral("nginx"), SandboxStatus::Running);
    table()->horizontalHeader()->resizeSection(SandboxTableModel::ImageColumn, 321);
    table()->sortByColumn(SandboxTableModel::CreatedColumn, Qt::DescendingOrder);
    m_window->close();
    delete m_window;

    m_backend = new FakeBackend(QStringLiteral("fake"));
    createWindow({m_backend});
    QHeaderView* header = table()->horizontalHeader();
    QCOMPARE(header->sectionSize(SandboxTableModel::ImageColumn), 321);
    QCOMPARE(header->sortIndicatorSection(), int(SandboxTableModel::CreatedColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QVERIFY(!m_preferences->windowGeometry().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
