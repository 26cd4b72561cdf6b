#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "accounts/AccountsDialog.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "logs/ActivityLog.h"
#include "logs/LogBuffer.h"
#include "logs/LogWindow.h"
#include "sandbox/Job.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/EciAccounts.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalSession.h"
#include "terminal/TerminalTab.h"
#include "terminal/TerminalView.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

#include <cstdio>
#include <unistd.h>

// The canary sweep: an account whose secret is the emulator's canary is added through the
// Accounts page, then the window lists, creates, follows logs of, opens a terminal into,
// exports and deletes an ECI sandbox. Afterwards every file under the test's private HOME,
// XDG folders and temporary folder, and everything the app printed, is searched for the
// canary: it must be in the credential store and nowhere else.
class TestEciCanary final : public QObject
{
    Q_OBJECT

public:
    static QString root;          // the private folders live under it
    static QString stderrLogPath; // fd 2 of this process, redirected
    static QStringList messages;  // every Qt message
    static QMutex messagesMutex;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void canaryAppearsOnlyInTheStore();

private:
    QTableView* table() const;
    int rowOf(const QString& name) const;
    void select(int row);
    static QStringList forms(const QString& secret);

    MainWindow* m_window = nullptr;
};

QString TestEciCanary::root;
QString TestEciCanary::stderrLogPath;
QStringList TestEciCanary::messages;
QMutex TestEciCanary::messagesMutex;

namespace {

QtMessageHandler previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker locker(&TestEciCanary::messagesMutex);
        TestEciCanary::messages << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

void TestEciCanary::initTestCase()
{
    // After QTest's own handler, which it passes the messages on to.
    previousHandler = qInstallMessageHandler(recordMessage);
}

void TestEciCanary::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

QTableView* TestEciCanary::table() const
{
    return m_window->findChild<QTableView*>(QStringLiteral("sandboxTable"));
}

int TestEciCanary::rowOf(const QString& name) const
{
    const QAbstractItemModel* model = table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, SandboxTableModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

void TestEciCanary::select(int row)
{
    table()->selectionModel()->setCurrentIndex(table()->model()->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
}

QStringList TestEciCanary::forms(const QString& secret)
{
    // As text, as UTF-16 (a QString dumped raw) and as base64 (a QSettings byte array).
    const QByteArray utf8 = secret.toUtf8();
    QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
    return {QString::fromLatin1(utf8.toHex()), QString::fromLatin1(utf16.toHex()),
            QString::fromLatin1(utf8.toBase64().toHex())};
}

void TestEciCanary::canaryAppearsOnlyInTheStore()
{
    REQUIRE_TEST_ENGINE();
    const QString canary = EciEmulatorProcess::accessKeySecret();
    EciEmulatorProcess emulator(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY2(emulator.start(), emulator.log().constData());
    QElapsedTimer clock;
    clock.start();
    const auto stage = [&clock](const char* what) {
        qInfo("%s after %lld ms", what, static_cast<long long>(clock.elapsed()));
    };

    const bool realKeychain =
        qEnvironmentVariable("SANDBOXDESK_TEST_SECRET_SERVICE") == QLatin1String("1");
    std::unique_ptr<CredentialStore> keychain;
    if (realKeychain)
        keychain = std::make_unique<KeychainCredentialStore>(
            QStringLiteral("SandboxDesk-canary-") + QUuid::createUuid().toString(QUuid::Id128));
    else if (TestComponents::required())
        QFAIL(qPrintable(TestComponents::missingSecretService()));
    else
        keychain = std::make_unique<MemoryCredentialStore>();

    // The app's own settings locations, under the private HOME.
    Preferences preferences;
    preferences.setConfirmDelete(false);
    Translations translations;
    translations.apply(QStringLiteral("en"));
    EciAccounts accounts;
    QNetworkAccessManager network;
    ConnectionRegistry connections(accounts, *keychain, &network);
    ActivityLog activity;
    m_window = new MainWindow(preferences, translations, connections);
    connections.start();
    connections.syncAccounts();
    m_window->setActivityLog(&activity);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));

    // The account, through the Accounts page.
    m_window->findChild<QAction*>(QStringLiteral("actionAccounts"))->trigger();
    auto* accountsDialog = m_window->findChild<AccountsDialog*>();
    QVERIFY(accountsDialog);
    AccountEditor* editor = accountsDialog->addAccount();
    editor->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("canary"));
    editor->findChild<QLineEdit*>(QStringLiteral("accessKeyIdEdit"))
        ->setText(EciEmulatorProcess::accessKeyId());
    editor->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->setText(canary);
    editor->findChild<QLineEdit*>(QStringLiteral("endpointEdit"))->setText(emulator.endpoint());
    editor->findChild<QComboBox*>(QStringLiteral("regionCombo"))
        ->setEditText(QStringLiteral("cn-hangzhou"));
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("fetchRegionsButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        editor->findChild<QComboBox*>(QStringLiteral("regionCombo"))->count() > 0, 60000);
    editor->findChild<QComboBox*>(QStringLiteral("regionCombo"))
        ->setEditText(QStringLiteral("cn-hangzhou"));
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(accounts.contains(QStringLiteral("canary")), 60000);
    accountsDialog->close();

    stage("account saved");
    // The connection appears in the window and lists.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->backends().size(), 1, 60000);
    Backend* backend = m_window->backends().first();
    QVERIFY(connections.origin(backend).isEci());
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Connected, 60000);

    stage("connected");
    // Create through the dialog.
    const QString name =
        QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_window->findChild<QAction*>(QStringLiteral("actionNew"))->trigger();
    QWidget* create = nullptr;
    QTRY_VERIFY((create = m_window->findChild<QDialog*>(QStringLiteral("createSandboxDialog"))));
    create->findChild<QComboBox*>(QStringLiteral("imageCombo"))
        ->setEditText(DockerTestEnvironment::image());
    create->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(name);
    create->findChild<QLineEdit*>(QStringLiteral("commandEdit"))
        ->setText(QStringLiteral("sh -c \"echo canary-log-line; sleep 3600\""));
    create->findChild<QPlainTextEdit*>(QStringLiteral("labelsEdit"))
        ->setPlainText(QStringLiteral("purpose=canary"));
    QTest::mouseClick(create->findChild<QPushButton*>(QStringLiteral("createButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) >= 0, 90000);
    const auto status = [this, &name] {
        return table()->model()->index(rowOf(name), 0).data(SandboxTableModel::StatusKeyRole);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(
        status() == QLatin1String("running"),
        qPrintable(status().toString() + QLatin1Char('\n') + QString::fromUtf8(emulator.log())),
        90000);
    select(rowOf(name));

    stage("created and running");
    // Details: inspect, containers, events, resource history.
    auto* containers = m_window->findChild<QTreeWidget*>(QStringLiteral("containersTree"));
    QTRY_VERIFY_WITH_TIMEOUT(containers->topLevelItemCount() == 1, 60000);
    auto* events = m_window->findChild<QTreeWidget*>(QStringLiteral("eventsTree"));
    QTRY_VERIFY_WITH_TIMEOUT(events->topLevelItemCount() > 0, 60000);

    stage("details shown");
    // Logs, then an export of them.
    m_window->findChild<QAction*>(QStringLiteral("actionShowLogs"))->trigger();
    LogWindow* logs = nullptr;
    QTRY_VERIFY((logs = m_window->findChild<LogWindow*>()) != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(
        logs->buffer().count() > 0 && logs->buffer().line(0).contains("canary-log-line"), 90000);
    QSignalSpy exported(logs, &LogWindow::exportFinished);
    logs->exportTo(QDir(QDir::tempPath()).filePath(QStringLiteral("logs.txt")),
                   LogExporter::Format::PlainText, false);
    QVERIFY(exported.wait(60000));
    logs->close();

    stage("logs shown and exported");
    // A terminal: a command and its answer.
    m_window->findChild<QAction*>(QStringLiteral("actionOpenTerminal"))->trigger();
    TerminalTab* tab = nullptr;
    QTRY_VERIFY((tab = m_window->findChild<TerminalTab*>()) != nullptr);
    TerminalSession* terminal = tab->session();
    const auto screen = [terminal] {
        return terminal->emulator()->text(0, terminal->emulator()->lineCount() - 1);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(terminal->state() == TerminalSession::State::Running,
                              qPrintable(screen()), 60000);
    QTest::keyClicks(tab->view(), QStringLiteral("echo sum-$((6*7))\r"));
    QTRY_VERIFY2_WITH_TIMEOUT(!terminal->emulator()->find(QStringLiteral("sum-42")).isEmpty(),
                              qPrintable(screen()), 60000);

    stage("terminal answered");
    // Delete.
    select(rowOf(name));
    m_window->findChild<QAction*>(QStringLiteral("actionDelete"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) < 0, 90000);

    stage("deleted");
    // What the user did, exported as a user would (JSON carries the most).
    QVERIFY(activity.size() > 0);
    const Error exportError =
        activity.exportTo(QDir(QDir::tempPath()).filePath(QStringLiteral("activity.jsonl")),
                          ActivityLog::Format::JsonLines);
    QVERIFY2(!exportError.isError(), qPrintable(exportError.fullText()));

    m_window->close();
    delete m_window;
    m_window = nullptr;
    preferences.sync();
    accounts.sync();

    // The point: the store holds it.
    Job* read = keychain->read(accounts.account(QStringLiteral("canary")).secretKey());
    read->setAutoDelete(false);
    QSignalSpy readDone(read, &Job::finished);
    QVERIFY(read->isFinished() || readDone.wait(30000));
    QCOMPARE(read->result().toString(), canary);
    delete read;

    // And nothing else does.
    std::fflush(stdout);
    std::fflush(stderr);
    const QStringList needles = forms(canary);
    QStringList leaks;
    QStringList keyNamed; // files that name the keychain item, as the settings must
    const QString keyName = QString::fromLatin1(
        accounts.account(QStringLiteral("canary")).secretKey().toUtf8().toHex());
    int scanned = 0;
    const auto sweep = [&](const QString& dir) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++scanned;
            const QString hex = QString::fromLatin1(file.readAll().toHex());
            if (hex.contains(keyName))
                keyNamed << file.fileName();
            for (const QString& needle : needles) {
                // A match must start on a byte, not in the middle of one.
                qsizetype at = hex.indexOf(needle);
                while (at >= 0 && at % 2 != 0)
                    at = hex.indexOf(needle, at + 1);
                if (at >= 0) {
                    leaks << file.fileName();
                    break;
                }
            }
        }
    };
    // The sweep finds the canary where it is, in each of its forms.
    QTemporaryDir probe(QDir(root).filePath(QStringLiteral("../sbd-canary-probe-XXXXXX")));
    QVERIFY(probe.isValid());
    for (int i = 0; i < 3; ++i) {
        QFile file(probe.filePath(QString::number(i)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("prefix " + QByteArray::fromHex(needles.at(i).toLatin1()) + " suffix");
    }
    sweep(probe.path());
    QCOMPARE(leaks.size(), 3);
    leaks.clear();
    scanned = 0;

    sweep(root);
    QVERIFY2(!keyNamed.isEmpty(), "the settings were not where the sweep looked");
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QStringLiteral(", "))));
    QVERIFY(QFileInfo::exists(stderrLogPath));
    QStringList printed;
    {
        QMutexLocker locker(&messagesMutex);
        printed = messages;
    }
    for (const QString& message : std::as_const(printed))
        QVERIFY2(!message.contains(canary), "a message carried the secret");
    QVERIFY(!printed.isEmpty());
    qInfo("canary sweep: %d files and %lld messages searched", scanned,
          static_cast<long long>(printed.size()));
}

int main(int argc, char* argv[])
{
    // Private folders before anything reads them: HOME, XDG and the temporary folder.
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/sbd-canary-XXXXXX"));
    if (!dir.isValid())
        return 2;
    TestEciCanary::root = dir.path();
    const QString home = dir.filePath(QStringLiteral("home"));
    const QList<QPair<const char*, QString>> folders = {
        {"HOME", home},
        {"XDG_CONFIG_HOME", home + QStringLiteral("/.config")},
        {"XDG_DATA_HOME", home + QStringLiteral("/.local/share")},
        {"XDG_CACHE_HOME", home + QStringLiteral("/.cache")},
        {"XDG_STATE_HOME", home + QStringLiteral("/.local/state")},
        {"TMPDIR", dir.filePath(QStringLiteral("tmp"))},
    };
    for (const auto& [name, path] : folders) {
        QDir().mkpath(path);
        qputenv(name, QFile::encodeName(path));
    }
    // What the process prints on stderr goes to a file in the swept folder, and is shown
    // again at the end; Qt's messages are recorded as well (initTestCase).
    TestEciCanary::stderrLogPath = dir.filePath(QStringLiteral("stderr.log"));
    const int savedStderr = dup(STDERR_FILENO);
    if (!std::freopen(QFile::encodeName(TestEciCanary::stderrLogPath).constData(), "w", stderr))
        return 2;

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SandboxDesk"));
    QApplication::setApplicationName(QStringLiteral("sandboxdesk"));
    TestEciCanary test;
    // QTest's own output goes to stdout and into the swept folder.
    QStringList arguments = QCoreApplication::arguments();
    arguments << QStringLiteral("-o") << QStringLiteral("-,txt") << QStringLiteral("-o")
              << dir.filePath(QStringLiteral("testlog.txt")) + QStringLiteral(",txt");
    const int result = QTest::qExec(&test, arguments);

    std::fflush(stderr);
    QFile captured(TestEciCanary::stderrLogPath);
    if (captured.open(QIODevice::ReadOnly)) {
        const QByteArray text = captured.readAll();
        if (write(savedStderr, text.constData(), size_t(text.size())) < 0)
            return result == 0 ? 3 : result;
    }
    return result;
}

#include "tst_ecicanary.moc"
