#include "DockerTestEnvironment.h"
#include "docker/DockerBackend.h"
#include "settings/Preferences.h"
#include "terminal/SessionRecorder.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalSession.h"
#include "terminal/TerminalTab.h"
#include "terminal/TerminalView.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// The tab that shows a terminal session into a real container on the engine in DOCKER_HOST
// (scripts/test starts one): keys, resizes, the end banner, Reconnect and the export menu.
class TestTerminalTab final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cleanupTestCase();
    void runsCommandsAndFollowsResizes();
    void runsAFullScreenProgramAndComesBack();
    void staysResponsiveUnderAFlood();
    void saysWhenTheContainerDiesAndOffersReconnect();
    void reconnectsIntoTheSameView();
    void exportsFromTheTerminalMenu();

private:
    void type(const QString& text);
    bool screenHasLine(const QString& line) const;
    bool historyContains(const QString& text) const;
    void waitForPrompt();

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    DockerBackend* m_backend = nullptr;
    TerminalTab* m_tab = nullptr;
    TerminalSession* m_session = nullptr;
    QString m_name;
};

void TestTerminalTab::init()
{
    // A failed init() is not followed by cleanup(): leave nothing behind from the last one.
    cleanup();
    REQUIRE_TEST_ENGINE();
    QVERIFY(m_dir.isValid());
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    // The tests count what was typed among the recorded events.
    m_preferences->setTerminalRecordInput(true);

    m_name = DockerTestEnvironment::uniqueName(QStringLiteral("term"));
    const auto result = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--name"), m_name, DockerTestEnvironment::image(),
         QStringLiteral("sleep"), QStringLiteral("3600")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QString id = QString::fromUtf8(result.out).trimmed();

    m_backend = new DockerBackend(QStringLiteral("docker-test"), QStringLiteral("Docker (test)"),
                                  Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
    m_backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 20000);

    m_session = new TerminalSession(m_backend, id, m_name, *m_preferences);
    m_tab = new TerminalTab(m_session, *m_preferences);
    m_session->emulator()->setDamageInterval(0);
    m_tab->resize(820, 480);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab));
    m_session->connectToSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), TerminalSession::State::Running, 20000);
    m_tab->view()->setFocus();
    waitForPrompt();
}

void TestTerminalTab::cleanup()
{
    delete m_tab; // and its session
    m_tab = nullptr;
    m_session = nullptr;
    delete m_backend;
    m_backend = nullptr;
    if (!m_name.isEmpty())
        DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), m_name});
    m_name.clear();
    m_preferences.reset();
}

void TestTerminalTab::cleanupTestCase()
{
    cleanup();
}

void TestTerminalTab::type(const QString& text)
{
    QTest::keyClicks(m_tab->view(), text);
    QTest::keyClick(m_tab->view(), Qt::Key_Return);
}

bool TestTerminalTab::screenHasLine(const QString& line) const
{
    const TerminalEmulator* emulator = m_session->emulator();
    for (int row = 0; row < emulator->rows(); ++row) {
        if (emulator->screenRow(row).toString() == line)
            return true;
    }
    return false;
}

bool TestTerminalTab::historyContains(const QString& text) const
{
    const TerminalEmulator* emulator = m_session->emulator();
    return emulator->text(0, emulator->lineCount() - 1).contains(text);
}

void TestTerminalTab::waitForPrompt()
{
    // Trailing blanks are not kept, so the prompt "/ # " reads "/ #".
    QTRY_VERIFY2_WITH_TIMEOUT(
        historyContains(QStringLiteral("/ #")),
        qPrintable(m_session->emulator()->text(0, m_session->emulator()->lineCount() - 1)), 10000);
}

void TestTerminalTab::runsCommandsAndFollowsResizes()
{
    // The quotes keep the typed command itself from matching.
    type(QStringLiteral("echo hel''lo"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("hello")), 10000);
    QVERIFY(m_session->recorder().eventCount() > 2);

    const int columns = m_session->emulator()->columns();
    m_tab->resize(560, 300);
    QTRY_VERIFY(m_session->emulator()->columns() < columns);
    const int newColumns = m_session->emulator()->columns();
    const int newRows = m_session->emulator()->rows();
    // The engine applies a resize on its own request, so the first stty may come before it.
    const QString expected = QStringLiteral("rows %1; columns %2;").arg(newRows).arg(newColumns);
    for (int attempt = 0; attempt < 10 && !historyContains(expected); ++attempt) {
        type(QStringLiteral("stty -a | head -n1"));
        if (QTest::qWaitFor([&] { return historyContains(expected); }, 1000))
            break;
    }
    QVERIFY2(historyContains(expected),
             qPrintable(m_session->emulator()->text(0, m_session->emulator()->lineCount() - 1)));
}

void TestTerminalTab::runsAFullScreenProgramAndComesBack()
{
    QVERIFY(!m_session->emulator()->isAlternateScreen());
    type(QStringLiteral("vi /tmp/x"));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->emulator()->isAlternateScreen(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("~")), 10000);
    // vi starts in command mode; an Escape right before ':' would read as Alt+:.
    type(QStringLiteral(":q!"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->emulator()->isAlternateScreen(), 10000);
    type(QStringLiteral("echo ba''ck"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("back")), 10000);
}

void TestTerminalTab::staysResponsiveUnderAFlood()
{
    type(QStringLiteral("yes | head -n 200000"));
    // Typed while the output pours in; the shell reads it once the flood is over.
    QTest::qWait(50);
    type(QStringLiteral("echo do''ne"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("done")), 60000);
    QVERIFY(m_session->emulator()->scrollbackSize() > 1000);
}

void TestTerminalTab::saysWhenTheContainerDiesAndOffersReconnect()
{
    const auto killed = DockerTestEnvironment::docker({QStringLiteral("kill"), m_name});
    QCOMPARE(killed.exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->state() == TerminalSession::State::Ended ||
                                 m_session->state() == TerminalSession::State::Lost,
                             20000);
    const QString banner = m_tab->view()->banner();
    QVERIFY2(banner.startsWith(QStringLiteral("The session ended")) ||
                 banner.startsWith(QStringLiteral("Connection lost")),
             qPrintable(banner));
    QVERIFY(historyContains(banner));
    QVERIFY(m_tab->reconnectAction());
    auto* button = m_tab->findChild<QPushButton*>(QStringLiteral("terminalReconnectButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
}

void TestTerminalTab::reconnectsIntoTheSameView()
{
    type(QStringLiteral("echo fir''st"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("first")), 10000);
    type(QStringLiteral("exit 3"));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), TerminalSession::State::Ended, 10000);
    QCOMPARE(m_tab->view()->banner(), QStringLiteral("The session ended (exit code 3)."));

    m_tab->findChild<QPushButton*>(QStringLiteral("terminalReconnectButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), TerminalSession::State::Running, 20000);
    QVERIFY(m_tab->view()->banner().isEmpty());
    type(QStringLiteral("echo sec''ond"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("second")), 10000);
    QVERIFY2(historyContains(QStringLiteral("\nfirst\n")), "the earlier output is kept");
}

void TestTerminalTab::exportsFromTheTerminalMenu()
{
    type(QStringLiteral("echo ex''ported"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("exported")), 10000);
    // The menu the view's context menu and the tab's menu button show.
    QAction* exportText = nullptr;
    for (QAction* action : m_tab->menu()->actions()) {
        if (action->menu() && action->text() == QStringLiteral("&Export Session")) {
            for (QAction* format : action->menu()->actions()) {
                if (format->objectName() == QLatin1String("terminalExportTextAction"))
                    exportText = format;
            }
        }
    }
    QVERIFY(exportText);
    QCOMPARE(exportText->text(), QStringLiteral("As &Plain Text…"));

    // The save dialog is modal: answer it once it shows.
    const QString path = m_dir.filePath(QStringLiteral("menu-export.txt"));
    bool answered = false;
    QTimer answer;
    connect(&answer, &QTimer::timeout, this, [&] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer.stop();
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        // Typed into the name field, as a user would.
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(path);
        answered = true;
        static_cast<QDialog*>(dialog)->accept(); // as its Save button does
    });
    answer.start(50);
    QSignalSpy finished(m_session, &TerminalSession::exportFinished);
    exportText->trigger();
    QVERIFY(answered);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).value<SessionExporter::Outcome>(),
             SessionExporter::Outcome::Succeeded);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("\nexported\n"), text.constData());
    QVERIFY(!text.contains('\x1b')); // escape sequences removed
}

QTEST_MAIN(TestTerminalTab)
#include "tst_terminaltab.moc"
