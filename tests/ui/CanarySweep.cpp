#include "CanarySweep.h"

#include "DockerTestEnvironment.h"
#include "DockerWindowFixture.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "logs/ActivityLog.h"
#include "logs/LogBuffer.h"
#include "logs/LogWindow.h"
#include "sandbox/Job.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalSession.h"
#include "terminal/TerminalTab.h"
#include "terminal/TerminalView.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QMutex>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>
#include <unistd.h>

namespace CanarySweep {

namespace {

QString rootPath;
QString dataHomeBefore;
QtMessageHandler previousHandler = nullptr;
QMutex messagesMutex;
QStringList recorded;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker locker(&messagesMutex);
        recorded << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

// As text, as UTF-16 (a QString dumped raw) and as base64 (a QSettings byte array), in hex so
// that a match can be told to start on a byte.
QStringList forms(const QString& secret)
{
    const QByteArray utf8 = secret.toUtf8();
    QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
    return {QString::fromLatin1(utf8.toHex()), QString::fromLatin1(utf16.toHex()),
            QString::fromLatin1(utf8.toBase64().toHex())};
}

bool holds(const QString& hex, const QString& needle)
{
    qsizetype at = hex.indexOf(needle);
    while (at >= 0 && at % 2 != 0)
        at = hex.indexOf(needle, at + 1);
    return at >= 0;
}

} // namespace

QString root()
{
    return rootPath;
}

QString keyringFolder()
{
    return QDir(dataHomeBefore).filePath(QStringLiteral("keyrings"));
}

void recordMessages()
{
    previousHandler = qInstallMessageHandler(recordMessage);
    qInfo("canary sweep: recording every message");
}

void stopRecording()
{
    qInstallMessageHandler(previousHandler);
}

QStringList messages()
{
    QMutexLocker locker(&messagesMutex);
    return recorded;
}

Findings searchFiles(const QString& folder, const QString& secret, const QString& keyName)
{
    Findings findings;
    const QStringList needles = forms(secret);
    const QString keyHex = QString::fromLatin1(keyName.toUtf8().toHex());
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++findings.scanned;
        const QString hex = QString::fromLatin1(file.readAll().toHex());
        if (!keyHex.isEmpty() && holds(hex, keyHex))
            findings.keyNamed << file.fileName();
        for (const QString& needle : needles) {
            if (holds(hex, needle)) {
                findings.leaks << file.fileName();
                break;
            }
        }
    }
    return findings;
}

QStringList searchCommandLines(const QString& secret)
{
    QStringList found;
    const QStringList needles = forms(secret);
    const QStringList pids =
        QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString& pid : pids) {
        QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = file.readAll();
        const QString hex = QString::fromLatin1(line.toHex());
        for (const QString& needle : needles) {
            if (holds(hex, needle)) {
                found << pid + QStringLiteral(": ") +
                             QString::fromUtf8(QByteArray(line).replace('\0', ' '));
                break;
            }
        }
    }
    return found;
}

QString selfCheck(const QString& secret)
{
    QTemporaryDir probe(QDir(rootPath).filePath(QStringLiteral("../sbd-canary-probe-XXXXXX")));
    if (!probe.isValid())
        return QStringLiteral("no probe folder");
    const QStringList needles = forms(secret);
    for (int i = 0; i < needles.size(); ++i) {
        QFile file(probe.filePath(QString::number(i)));
        if (!file.open(QIODevice::WriteOnly))
            return QStringLiteral("no probe file");
        file.write("prefix " + QByteArray::fromHex(needles.at(i).toLatin1()) + " suffix");
    }
    const Findings findings = searchFiles(probe.path(), secret);
    if (findings.leaks.size() != needles.size())
        return QStringLiteral("the file search found %1 of %2 forms")
            .arg(findings.leaks.size())
            .arg(needles.size());
    // A process with the secret among its arguments (a shell waiting on its input, so that
    // it runs no other program in its place) for as long as the search takes.
    QProcess holder;
    holder.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"), QStringLiteral("read x"), QStringLiteral("sh"), secret});
    if (!holder.waitForStarted(10000))
        return QStringLiteral("no probe process");
    const QStringList lines = searchCommandLines(secret);
    holder.kill();
    holder.waitForFinished(10000);
    if (lines.size() != 1)
        return QStringLiteral("the command line search found %1 processes, not the probe")
            .arg(lines.size());
    return {};
}

std::unique_ptr<CredentialStore> keychain()
{
    if (qEnvironmentVariable("SANDBOXDESK_TEST_SECRET_SERVICE") == QLatin1String("1"))
        return std::make_unique<KeychainCredentialStore>(
            QStringLiteral("SandboxDesk-canary-") + QUuid::createUuid().toString(QUuid::Id128));
    if (TestComponents::required()) {
        QTest::qFail(qPrintable(TestComponents::missingSecretService()), __FILE__, __LINE__);
        return nullptr;
    }
    return std::make_unique<MemoryCredentialStore>();
}

void expectStored(CredentialStore& store, const QString& key, const QString& secret)
{
    Job* read = store.read(key);
    read->setAutoDelete(false);
    const std::unique_ptr<Job> owner(read);
    QSignalSpy done(read, &Job::finished);
    QVERIFY(read->isFinished() || done.wait(30000));
    QCOMPARE(read->result().toString(), secret);
}

void expectNowhereElse(const QString& secret, const QString& keyName, const QDateTime& since)
{
    std::fflush(stdout);
    std::fflush(stderr);
    const Findings findings = searchFiles(rootPath, secret, keyName);
    QVERIFY2(!findings.keyNamed.isEmpty(), "the settings were not where the sweep looked");
    QVERIFY2(findings.leaks.isEmpty(), qPrintable(findings.leaks.join(QStringLiteral(", "))));
    const QStringList printed = messages();
    QVERIFY(!printed.isEmpty());
    for (const QString& message : printed)
        QVERIFY2(!message.contains(secret), "a message carried the secret");
    const QStringList commandLines = searchCommandLines(secret);
    QVERIFY2(commandLines.isEmpty(), qPrintable(commandLines.join(QLatin1Char('\n'))));
    int keyringFiles = 0;
    if (qEnvironmentVariable("SANDBOXDESK_TEST_SECRET_SERVICE") == QLatin1String("1")) {
        // The keyring's files hold the secret encrypted only.
        const QDir keyrings(keyringFolder());
        const QFileInfoList stored = keyrings.entryInfoList({QStringLiteral("*.keyring")});
        QVERIFY2(!stored.isEmpty(), qPrintable(keyrings.path()));
        bool written = false;
        for (const QFileInfo& file : stored)
            written = written || file.lastModified() >= since;
        QVERIFY2(written, "the keyring's files were not written while the test ran");
        const Findings inKeyring = searchFiles(keyrings.path(), secret);
        QVERIFY2(inKeyring.leaks.isEmpty(), qPrintable(inKeyring.leaks.join(QStringLiteral(", "))));
        keyringFiles = inKeyring.scanned;
    }
    qInfo("canary sweep: %d files, %d keyring files, %lld messages and every command line "
          "searched",
          findings.scanned, keyringFiles, static_cast<long long>(printed.size()));
}

App::App(CredentialStore& keychain)
    : connections(accounts, keychain, &network)
{
    preferences.setConfirmDelete(false);
    translations.apply(QStringLiteral("en"));
    connections.setOpenSandboxServers(&servers);
    window = std::make_unique<MainWindow>(preferences, translations, connections);
    window->setActivityLog(&activity);
}

App::~App()
{
    window.reset();
}

void App::show()
{
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    connections.start();
    connections.syncAccounts();
    connections.syncOpenSandboxServers();
}

void App::quit()
{
    window->close();
    window.reset();
    preferences.sync();
    accounts.sync();
    servers.sync();
}

QTableView* WindowSteps::table() const
{
    return SandboxTable::of(m_window);
}

int WindowSteps::rowOf(const QString& name) const
{
    return SandboxTable::rowOf(m_window, name);
}

void WindowSteps::select(const QString& name)
{
    SandboxTable::select(m_window, name);
}

void WindowSteps::create(const QString& name, const std::function<QByteArray()>& log)
{
    m_window->findChild<QAction*>(QStringLiteral("actionNew"))->trigger();
    QWidget* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(QStringLiteral("createSandboxDialog"))));
    dialog->findChild<QComboBox*>(QStringLiteral("imageCombo"))
        ->setEditText(DockerTestEnvironment::image());
    dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(name);
    dialog->findChild<QLineEdit*>(QStringLiteral("commandEdit"))
        ->setText(QStringLiteral("sh -c \"echo canary-log-line; sleep 3600\""));
    dialog->findChild<QPlainTextEdit*>(QStringLiteral("labelsEdit"))
        ->setPlainText(QStringLiteral("purpose=canary"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("createButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) >= 0, 90000);
    QTRY_VERIFY2_WITH_TIMEOUT(SandboxTable::statusOf(m_window, name) == QLatin1String("running"),
                              qPrintable(SandboxTable::statusOf(m_window, name) +
                                         QLatin1Char('\n') + QString::fromUtf8(log())),
                              90000);
    select(name);
}

void WindowSteps::showAndExportLogs()
{
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
}

TerminalTab* WindowSteps::openTerminal()
{
    m_window->findChild<QAction*>(QStringLiteral("actionOpenTerminal"))->trigger();
    TerminalTab* tab = nullptr;
    if (!QTest::qWaitFor([&] { return (tab = m_window->findChild<TerminalTab*>()) != nullptr; },
                         10000)) {
        QTest::qFail("no terminal tab opened", __FILE__, __LINE__);
        return nullptr;
    }
    TerminalSession* terminal = tab->session();
    const auto screen = [terminal] {
        return terminal->emulator()->text(0, terminal->emulator()->lineCount() - 1);
    };
    const auto running = [terminal] {
        return terminal->state() == TerminalSession::State::Running;
    };
    if (!QTest::qWaitFor(running, 60000)) {
        QTest::qFail(qPrintable(screen()), __FILE__, __LINE__);
        return nullptr;
    }
    QTest::keyClicks(tab->view(), QStringLiteral("echo sum-$((6*7))\r"));
    const auto answered = [terminal] {
        return !terminal->emulator()->find(QStringLiteral("sum-42")).isEmpty();
    };
    if (!QTest::qWaitFor(answered, 60000)) {
        QTest::qFail(qPrintable(screen()), __FILE__, __LINE__);
        return nullptr;
    }
    return tab;
}

void WindowSteps::remove(const QString& name)
{
    select(name);
    m_window->findChild<QAction*>(QStringLiteral("actionDelete"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) < 0, 90000);
}

void WindowSteps::exportActivity(const ActivityLog& activity)
{
    QVERIFY(activity.size() > 0);
    const Error error =
        activity.exportTo(QDir(QDir::tempPath()).filePath(QStringLiteral("activity.jsonl")),
                          ActivityLog::Format::JsonLines);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
}

int run(int argc, char* argv[], const std::function<std::unique_ptr<QObject>()>& makeTest)
{
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/sbd-canary-XXXXXX"));
    if (!dir.isValid())
        return 2;
    rootPath = dir.path();
    dataHomeBefore = qEnvironmentVariable("XDG_DATA_HOME");
    if (dataHomeBefore.isEmpty())
        dataHomeBefore = QDir::homePath() + QStringLiteral("/.local/share");
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
    const QString stderrLog = dir.filePath(QStringLiteral("stderr.log"));
    const int savedStderr = dup(STDERR_FILENO);
    if (!std::freopen(QFile::encodeName(stderrLog).constData(), "w", stderr))
        return 2;

    int result = 0;
    {
        QApplication app(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("SandboxDesk"));
        QApplication::setApplicationName(QStringLiteral("sandboxdesk"));
        const std::unique_ptr<QObject> test = makeTest();
        // QTest's own output goes to stdout and into the swept folder.
        QStringList arguments = QCoreApplication::arguments();
        arguments << QStringLiteral("-o") << QStringLiteral("-,txt") << QStringLiteral("-o")
                  << dir.filePath(QStringLiteral("testlog.txt")) + QStringLiteral(",txt");
        result = QTest::qExec(test.get(), arguments);
    }

    std::fflush(stderr);
    QFile captured(stderrLog);
    if (captured.open(QIODevice::ReadOnly)) {
        const QByteArray text = captured.readAll();
        if (write(savedStderr, text.constData(), size_t(text.size())) < 0)
            return result == 0 ? 3 : result;
    }
    return result;
}

} // namespace CanarySweep
