#include "DockerTestEnvironment.h"
#include "FakeBackend.h"
#include "docker/DockerBackend.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalSession.h"
#include "terminal/TerminalTab.h"
#include "terminal/TerminalTabs.h"
#include "terminal/TerminalView.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QMainWindow>
#include <QPointer>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// Terminals in tabs and windows, and opened from the main window, into a real container on the
// engine in DOCKER_HOST (scripts/test starts one).
class TestTerminalTabs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cleanupTestCase();
    void openTerminalActionOfTheMainWindow();
    void movesToItsOwnWindowAndBack();
    void closingTheTabSavesTheSessionLog();
    void anEndedSessionSavesItsLog();
    void newTerminalsFollowThePreferences();

private:
    void runContainer();
    void openInTabs();
    static void type(TerminalTab* tab, const QString& text);
    static bool screenHasLine(const TerminalTab* tab, const QString& line);
    static QString allText(const TerminalTab* tab);
    QStringList logFiles() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<Translations> m_translations;
    DockerBackend* m_backend = nullptr;
    TerminalTabs* m_tabs = nullptr;
    std::unique_ptr<TestConnections> m_connections;
    MainWindow* m_window = nullptr;
    QString m_name;
    QString m_id;
};

void TestTerminalTabs::init()
{
    cleanup();
    REQUIRE_TEST_ENGINE();
    QVERIFY(m_dir.isValid());
    QDir(m_dir.path()).removeRecursively();
    QVERIFY(QDir().mkpath(m_dir.path()));
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_translations = std::make_unique<Translations>();
    m_translations->apply(QStringLiteral("en"));
}

void TestTerminalTabs::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_connections.reset();
    delete m_tabs;
    m_tabs = nullptr;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->objectName() == QLatin1String("terminalWindow"))
            delete w;
    }
    delete m_backend;
    m_backend = nullptr;
    if (!m_name.isEmpty())
        DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), m_name});
    m_name.clear();
    m_translations.reset();
    m_preferences.reset();
}

void TestTerminalTabs::cleanupTestCase()
{
    cleanup();
}

void TestTerminalTabs::runContainer()
{
    m_name = DockerTestEnvironment::uniqueName(QStringLiteral("tabs"));
    const auto result = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--name"), m_name, DockerTestEnvironment::image(),
         QStringLiteral("sleep"), QStringLiteral("3600")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    m_id = QString::fromUtf8(result.out).trimmed();
}

void TestTerminalTabs::openInTabs()
{
    runContainer();
    m_backend = new DockerBackend(QStringLiteral("docker-test"), QStringLiteral("Docker (test)"),
                                  Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
    m_backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 20000);
    m_tabs = new TerminalTabs(*m_preferences);
    m_tabs->resize(820, 480);
    m_tabs->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tabs));
    TerminalTab* tab = m_tabs->openTerminal(m_backend, m_id, m_name);
    QCOMPARE(m_tabs->count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(tab->session()->state(), TerminalSession::State::Running, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(allText(tab).contains(QStringLiteral("/ #")), 10000);
}

void TestTerminalTabs::type(TerminalTab* tab, const QString& text)
{
    QTest::keyClicks(tab->view(), text);
    QTest::keyClick(tab->view(), Qt::Key_Return);
}

bool TestTerminalTabs::screenHasLine(const TerminalTab* tab, const QString& line)
{
    const TerminalEmulator* emulator = tab->session()->emulator();
    for (int row = 0; row < emulator->rows(); ++row) {
        if (emulator->screenRow(row).toString() == line)
            return true;
    }
    return false;
}

QString TestTerminalTabs::allText(const TerminalTab* tab)
{
    return tab->session()->emulator()->text(0, tab->session()->emulator()->lineCount() - 1);
}

QStringList TestTerminalTabs::logFiles() const
{
    return QDir(m_dir.filePath(QStringLiteral("logs")))
        .entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

void TestTerminalTabs::openTerminalActionOfTheMainWindow()
{
    runContainer();
    auto* backend =
        new DockerBackend(QStringLiteral("docker-test"), QStringLiteral("Docker (test)"),
                          Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
    m_connections = std::make_unique<TestConnections>(
        m_dir.filePath(QStringLiteral("accounts.ini")), QList<Backend*>{backend});
    m_window = new MainWindow(*m_preferences, *m_translations, m_connections->registry);
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_connections->registry.start();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 20000);

    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionOpenTerminal"));
    QVERIFY(action);
    auto* table = m_window->findChild<QTableView*>(QStringLiteral("sandboxTable"));
    m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"))->setText(m_name);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 20000);
    table->clearSelection();
    QTRY_VERIFY(!action->isEnabled()); // nothing selected
    table->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 10000);
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("terminalsDock"));
    auto* tabs = m_window->findChild<TerminalTabs*>(QStringLiteral("terminalTabs"));
    QVERIFY(dock && tabs);
    QCOMPARE(tabs->count(), 0);

    action->trigger();
    QCOMPARE(tabs->count(), 1);
    QTRY_VERIFY(dock->isVisible());
    TerminalTab* tab = tabs->tabAt(0);
    QCOMPARE(tab->session()->sandboxName(), m_name);
    QCOMPARE(tabs->tabText(0), m_name);
    QTRY_COMPARE_WITH_TIMEOUT(tab->session()->state(), TerminalSession::State::Running, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(allText(tab).contains(QStringLiteral("/ #")), 10000);
    type(tab, QStringLiteral("echo from-the-m''ain-window"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("from-the-main-window")), 10000);

    // A second terminal on the same sandbox, in a tab of its own.
    action->trigger();
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(tabs->tabAt(1)->session()->state(), TerminalSession::State::Running,
                              20000);
}

void TestTerminalTabs::movesToItsOwnWindowAndBack()
{
    openInTabs();
    if (QTest::currentTestFailed())
        return;
    TerminalTab* tab = m_tabs->tabAt(0);
    type(tab, QStringLiteral("echo be''fore"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("before")), 10000);
    QVERIFY(tab->detachAction()->isVisible());
    QVERIFY(!tab->attachAction()->isVisible());

    tab->detachAction()->trigger();
    QCOMPARE(m_tabs->count(), 0);
    QPointer<QWidget> window = tab->window();
    QVERIFY(window != m_tabs);
    QCOMPARE(window->objectName(), QStringLiteral("terminalWindow"));
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->windowTitle(), m_name);
    QVERIFY(!tab->detachAction()->isVisible());
    QVERIFY(tab->attachAction()->isVisible());
    QCOMPARE(tab->session()->state(), TerminalSession::State::Running);
    tab->view()->setFocus();
    type(tab, QStringLiteral("echo in-a-win''dow"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("in-a-window")), 10000);

    tab->attachAction()->trigger();
    QCOMPARE(m_tabs->count(), 1);
    QCOMPARE(m_tabs->tabAt(0), tab);
    QCOMPARE(tab->window(), m_tabs);
    QTRY_VERIFY(window.isNull()); // the window closed and went away, the tab did not
    QVERIFY(tab->detachAction()->isVisible());
    QVERIFY(!tab->attachAction()->isVisible());
    QCOMPARE(tab->session()->state(), TerminalSession::State::Running);
    type(tab, QStringLiteral("echo back-in-a-t''ab"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("back-in-a-tab")), 10000);
    QVERIFY(allText(tab).contains(QStringLiteral("\nbefore\n")));

    // Closing the window of a detached terminal ends that terminal.
    tab->detachAction()->trigger();
    QPointer<TerminalTab> detached = tab;
    detached->window()->close();
    QTRY_VERIFY(detached.isNull());
    QCOMPARE(m_tabs->count(), 0);
}

void TestTerminalTabs::closingTheTabSavesTheSessionLog()
{
    m_preferences->setTerminalRecordInput(true);
    m_preferences->setSessionLogFolder(m_dir.filePath(QStringLiteral("logs")));
    m_preferences->setSessionLogFormats({QStringLiteral("text"), QStringLiteral("asciicast")});
    openInTabs();
    if (QTest::currentTestFailed())
        return;
    TerminalTab* tab = m_tabs->tabAt(0);
    type(tab, QStringLiteral("echo logged-on''ce"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("logged-once")), 10000);
    QVERIFY(logFiles().isEmpty()); // nothing while the tab runs

    QPointer<TerminalTab> closing = tab;
    QTest::mouseClick(m_tabs->tabBar()->tabButton(0, QTabBar::RightSide), Qt::LeftButton);
    QCOMPARE(m_tabs->count(), 0);
    QTRY_VERIFY(closing.isNull());
    // Complete files under their final names only: never a partial one to be seen.
    QTRY_COMPARE_WITH_TIMEOUT(logFiles().size(), 2, 30000);
    const QStringList files = logFiles();
    QVERIFY2(files.at(0).startsWith(m_name + QLatin1Char('-')) &&
                 files.at(0).endsWith(QLatin1String(".cast")),
             qPrintable(files.join(QLatin1Char(' '))));
    QVERIFY(files.at(1).endsWith(QLatin1String(".txt")));
    QFile text(m_dir.filePath(QStringLiteral("logs/") + files.at(1)));
    QVERIFY(text.open(QIODevice::ReadOnly));
    const QByteArray content = text.readAll();
    QVERIFY2(content.contains("\nlogged-once\n"), content.constData());
    QFile cast(m_dir.filePath(QStringLiteral("logs/") + files.at(0)));
    QVERIFY(cast.open(QIODevice::ReadOnly));
    const QByteArray events = cast.readAll();
    QVERIFY(events.contains(",\"i\",\"\\r\"]")); // the Enter typed
    QVERIFY(events.contains("logged-once"));
}

void TestTerminalTabs::anEndedSessionSavesItsLog()
{
    m_preferences->setSessionLogFolder(m_dir.filePath(QStringLiteral("logs")));
    m_preferences->setSessionLogFormats({QStringLiteral("html")});
    openInTabs();
    if (QTest::currentTestFailed())
        return;
    TerminalTab* tab = m_tabs->tabAt(0);
    type(tab, QStringLiteral("echo '<zz>'; exit 4"));
    QTRY_COMPARE_WITH_TIMEOUT(tab->session()->state(), TerminalSession::State::Ended, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(logFiles().size(), 1, 30000);
    QVERIFY(logFiles().at(0).endsWith(QLatin1String(".html")));
    QFile html(m_dir.filePath(QStringLiteral("logs/") + logFiles().at(0)));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray content = html.readAll();
    QVERIFY(content.contains("&lt;zz&gt;"));
    QVERIFY(!content.contains("<zz>"));

    // Closing the tab afterwards writes nothing new: the log already holds everything.
    const QDateTime written = QFileInfo(html).lastModified();
    QTest::mouseClick(m_tabs->tabBar()->tabButton(0, QTabBar::RightSide), Qt::LeftButton);
    QTRY_COMPARE(m_tabs->count(), 0);
    QTest::qWait(500);
    QCOMPARE(logFiles().size(), 1);
    QCOMPARE(QFileInfo(html).lastModified(), written);
}

void TestTerminalTabs::newTerminalsFollowThePreferences()
{
    m_preferences->setTerminalFontSize(17);
    m_preferences->setScrollbackLines(1234);
    m_preferences->setTerminalClipboardWrites(true);
    m_preferences->setTerminalCursorBlink(false);
    openInTabs();
    if (QTest::currentTestFailed())
        return;
    const TerminalTab* tab = m_tabs->tabAt(0);
    QCOMPARE(tab->view()->terminalFont().pointSize(), 17);
    QCOMPARE(tab->session()->emulator()->scrollbackLimit(), 1234);
    QVERIFY(tab->session()->emulator()->clipboardWritesAllowed());
    QVERIFY(!tab->view()->isCursorBlinkEnabled());
    QVERIFY(!tab->view()->isCursorBlinking());
}

QTEST_MAIN(TestTerminalTabs)
#include "tst_terminaltabs.moc"
