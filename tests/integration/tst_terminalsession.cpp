#include "BackendFixture.h"
#include "sandbox/ExecSession.h"
#include "settings/Preferences.h"
#include "terminal/SessionRecorder.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalSession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DockerTestEnvironment;

// The terminal session without a view, into a real container on the engine in DOCKER_HOST
// (scripts/test starts one): what the user types goes in through write(), and what the shell
// says is read back from the emulator.
class TestTerminalSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cleanupTestCase();
    void opensAndRunsACommand();
    void aLargePasteArrivesWhole();
    void followsTheSizeItIsGiven();
    void reconnectsAfterTheShellExited();
    void exportsTheRecording();
    void noEchoInputStaysOutOfExports();
    void savesItsLogWhenItGoes();
    void saysWhenTheBackendIsRemoved();
    void reconnectsAfterTheConnectionDropped();

private:
    void open();
    void type(const QString& text);
    bool screenHasLine(const QString& line) const;
    QString allText() const;
    // Reconnects and waits for the new shell's prompt: typed before it, a line races the
    // shell's cursor query (busybox asks with ESC[6n), whose answer the tty may echo into it.
    void reconnect();

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<DockerBackend> m_backend;
    TerminalSession* m_session = nullptr;
    QString m_name;
    QString m_id;
};

void TestTerminalSession::init()
{
    // A failed init() is not followed by cleanup(): leave nothing behind from the last one.
    cleanup();
    REQUIRE_TEST_ENGINE();
    QVERIFY(m_dir.isValid());
    QDir(m_dir.path()).removeRecursively();
    QVERIFY(QDir().mkpath(m_dir.path()));
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_name = uniqueName(QStringLiteral("session"));
    const auto result =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"), m_name, image(),
                QStringLiteral("sleep"), QStringLiteral("3600")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    m_id = QString::fromUtf8(result.out).trimmed();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 20000);
}

void TestTerminalSession::cleanup()
{
    delete m_session;
    m_session = nullptr;
    m_backend.reset();
    if (!m_name.isEmpty())
        docker({QStringLiteral("rm"), QStringLiteral("-f"), m_name});
    m_name.clear();
    m_id.clear();
    m_preferences.reset();
}

void TestTerminalSession::cleanupTestCase()
{
    cleanup();
}

void TestTerminalSession::open()
{
    m_session = new TerminalSession(m_backend.get(), m_id, m_name, *m_preferences);
    m_session->emulator()->setDamageInterval(0);
    QSignalSpy states(m_session, &TerminalSession::stateChanged);
    m_session->connectToSandbox();
    QCOMPARE(m_session->state(), TerminalSession::State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), TerminalSession::State::Running, 20000);
    QCOMPARE(states.size(), 1);
    QVERIFY(m_session->endText().isEmpty());
    // Trailing blanks are not kept, so the prompt "/ # " reads "/ #".
    QTRY_VERIFY2_WITH_TIMEOUT(allText().contains(QStringLiteral("/ #")), qPrintable(allText()),
                              10000);
}

void TestTerminalSession::type(const QString& text)
{
    m_session->write(text.toUtf8() + '\r');
}

bool TestTerminalSession::screenHasLine(const QString& line) const
{
    const TerminalEmulator* emulator = m_session->emulator();
    for (int row = 0; row < emulator->rows(); ++row) {
        if (emulator->screenRow(row).toString() == line)
            return true;
    }
    return false;
}

QString TestTerminalSession::allText() const
{
    return m_session->emulator()->text(0, m_session->emulator()->lineCount() - 1);
}

void TestTerminalSession::reconnect()
{
    const qsizetype prompts = allText().count(QStringLiteral("/ #"));
    m_session->connectToSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), TerminalSession::State::Running, 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(allText().count(QStringLiteral("/ #")) > prompts,
                              qPrintable(allText()), 10000);
}

void TestTerminalSession::opensAndRunsACommand()
{
    m_preferences->setTerminalRecordInput(true);
    open();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_session->title(), m_name);
    // The quotes keep the typed command itself from matching.
    type(QStringLiteral("echo hel''lo"));
    QTRY_VERIFY2_WITH_TIMEOUT(screenHasLine(QStringLiteral("hello")), qPrintable(allText()), 10000);
    // Recorded both ways: what was typed and what came back.
    QVERIFY(m_session->recorder().eventCount() > 2);
    // A title the program sets shows after the sandbox's name.
    type(QStringLiteral("printf '\\033]0;%s\\007' sh-title"));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->title(), QStringLiteral("%1 — sh-title").arg(m_name),
                              10000);
}

void TestTerminalSession::aLargePasteArrivesWhole()
{
    open();
    if (QTest::currentTestFailed())
        return;
    // Lines of base64, as a pasted file would be; the terminal's line discipline keeps them.
    QByteArray random(3 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(3);
    generator.fillRange(reinterpret_cast<quint32*>(random.data()), random.size() / 4);
    const QByteArray base64 = random.toBase64();
    QByteArray paste;
    for (qsizetype at = 0; at < base64.size(); at += 76)
        paste += base64.mid(at, 76) + '\n';
    type(QStringLiteral("stty -echo; echo rea''dy; cat > /tmp/paste; echo pas''ted"));
    QTRY_VERIFY2_WITH_TIMEOUT(screenHasLine(QStringLiteral("ready")), qPrintable(allText()), 10000);

    m_session->write(paste);
    // Held by the session, not queued on the connection all at once.
    QVERIFY2(m_session->queuedInput() > paste.size() - 2 * ExecSession::inputBound,
             QByteArray::number(m_session->queuedInput()));
    m_session->write("\x04"); // end of file for cat, behind the paste
    QTRY_VERIFY2_WITH_TIMEOUT(screenHasLine(QStringLiteral("pasted")), qPrintable(allText()),
                              120000);
    QCOMPARE(m_session->queuedInput(), 0);
    const auto digest = docker(
        {QStringLiteral("exec"), m_id, QStringLiteral("sha256sum"), QStringLiteral("/tmp/paste")});
    QCOMPARE(digest.out.simplified(),
             QCryptographicHash::hash(paste, QCryptographicHash::Sha256).toHex() + " /tmp/paste");
}

void TestTerminalSession::followsTheSizeItIsGiven()
{
    open();
    if (QTest::currentTestFailed())
        return;
    m_session->setSize(100, 30);
    QCOMPARE(m_session->emulator()->columns(), 100);
    QCOMPARE(m_session->emulator()->rows(), 30);
    // The engine applies a resize on its own request, so the first stty may come before it.
    const QString expected = QStringLiteral("rows 30; columns 100;");
    for (int attempt = 0; attempt < 10 && !allText().contains(expected); ++attempt) {
        type(QStringLiteral("stty -a | head -n1"));
        if (QTest::qWaitFor([&] { return allText().contains(expected); }, 1000))
            break;
    }
    QVERIFY2(allText().contains(expected), qPrintable(allText()));
}

void TestTerminalSession::reconnectsAfterTheShellExited()
{
    open();
    if (QTest::currentTestFailed())
        return;
    type(QStringLiteral("echo fir''st"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("first")), 10000);
    QSignalSpy ended(m_session, &TerminalSession::ended);
    type(QStringLiteral("exit 3"));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), TerminalSession::State::Ended, 10000);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(m_session->exitCode(), 3);
    QCOMPARE(m_session->endText(), QStringLiteral("The session ended (exit code 3)."));
    QVERIFY(allText().contains(m_session->endText())); // the line stays in the history
    const qint64 recorded = m_session->recorder().eventCount();
    type(QStringLiteral("echo lost"));
    QCOMPARE(m_session->recorder().eventCount(), recorded); // nobody to send it to

    reconnect();
    QVERIFY(m_session->endText().isEmpty());
    type(QStringLiteral("echo sec''ond"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("second")), 10000);
    QVERIFY2(allText().contains(QStringLiteral("\nfirst\n")), "the earlier output is kept");
}

void TestTerminalSession::exportsTheRecording()
{
    m_preferences->setTerminalRecordInput(true);
    open();
    if (QTest::currentTestFailed())
        return;
    type(QStringLiteral("printf '\\033[1mex''ported\\033[0m\\n'"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("exported")), 10000);

    const QString text = m_dir.filePath(QStringLiteral("session.txt"));
    const QString cast = m_dir.filePath(QStringLiteral("session.cast"));
    QSignalSpy finished(m_session, &TerminalSession::exportFinished);
    QVERIFY(m_session->exportTo(SessionExporter::Format::PlainText, text));
    QVERIFY(m_session->isExporting());
    QVERIFY(!m_session->exportTo(SessionExporter::Format::Asciicast, cast)); // one at a time
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).value<SessionExporter::Outcome>(),
             SessionExporter::Outcome::Succeeded);
    QVERIFY(!m_session->isExporting());
    QFile file(text);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY2(content.contains("\nexported\n"), content.constData());
    QVERIFY(!content.contains('\x1b')); // what the screen showed, not the escape sequences

    QVERIFY(m_session->exportTo(SessionExporter::Format::Asciicast, cast));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(1).at(0).value<SessionExporter::Outcome>(),
             SessionExporter::Outcome::Succeeded);
    QFile events(cast);
    QVERIFY(events.open(QIODevice::ReadOnly));
    QVERIFY(events.readAll().contains(",\"i\",\"printf ")); // what was typed, as input
}

// A password typed where nothing echoes (read after stty -echo) reaches no export and no saved
// log while keystrokes are not recorded (the default); with the preference on, it is input.
void TestTerminalSession::noEchoInputStaysOutOfExports()
{
    const QString folder = m_dir.filePath(QStringLiteral("quiet-logs"));
    m_preferences->setSessionLogFolder(folder);
    m_preferences->setSessionLogFormats(
        {QStringLiteral("text"), QStringLiteral("html"), QStringLiteral("asciicast")});
    open();
    if (QTest::currentTestFailed())
        return;
    type(QStringLiteral("stty -echo; echo ask''ing; read secret; stty echo; echo read-''done"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("asking")), 10000);
    type(QStringLiteral("hunter2-typed"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("read-done")), 10000);
    QVERIFY(!allText().contains(QStringLiteral("hunter2")));

    QStringList exported;
    QSignalSpy finished(m_session, &TerminalSession::exportFinished);
    for (const auto format : {SessionExporter::Format::PlainText, SessionExporter::Format::Html,
                              SessionExporter::Format::Asciicast}) {
        exported << m_dir.filePath(QStringLiteral("quiet-%1").arg(int(format)));
        QVERIFY(m_session->exportTo(format, exported.last()));
        QVERIFY(finished.wait(30000));
    }
    m_session->write("exit\r");
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), TerminalSession::State::Ended, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(QDir(folder).entryList(QDir::Files).size(), 3, 30000);
    for (const QString& name : QDir(folder).entryList(QDir::Files))
        exported << QDir(folder).filePath(name);
    for (const QString& path : std::as_const(exported)) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.contains("read-done"), qPrintable(path));
        QVERIFY2(!bytes.contains("hunter2"), qPrintable(path));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }

    // Asked for, the keystrokes are kept as input events.
    m_preferences->setTerminalRecordInput(true);
    reconnect();
    type(QStringLiteral(
        "stty -echo; echo asking-''again; read secret; stty echo; echo again-''done"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("asking-again")), 10000);
    type(QStringLiteral("hunter2-typed"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("again-done")), 10000);
    const QString cast = m_dir.filePath(QStringLiteral("loud.cast"));
    QVERIFY(m_session->exportTo(SessionExporter::Format::Asciicast, cast));
    QVERIFY(finished.wait(30000));
    QFile events(cast);
    QVERIFY(events.open(QIODevice::ReadOnly));
    QVERIFY(events.readAll().contains(",\"i\",\"hunter2-typed\\r\"]"));
}

void TestTerminalSession::savesItsLogWhenItGoes()
{
    const QString folder = m_dir.filePath(QStringLiteral("logs"));
    m_preferences->setSessionLogFolder(folder);
    m_preferences->setSessionLogFormats({QStringLiteral("text")});
    open();
    if (QTest::currentTestFailed())
        return;
    type(QStringLiteral("echo logged-on''ce"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("logged-once")), 10000);
    QVERIFY(!QDir(folder).exists()); // nothing while the session runs

    delete m_session;
    m_session = nullptr;
    const auto files = [&folder] {
        return QDir(folder).entryList(QDir::Files | QDir::Hidden);
    };
    QTRY_COMPARE_WITH_TIMEOUT(files().size(), 1, 30000);
    QVERIFY2(files().at(0).startsWith(m_name + QLatin1Char('-')), qPrintable(files().at(0)));
    QFile log(QDir(folder).filePath(files().at(0)));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("\nlogged-once\n"));
}

void TestTerminalSession::saysWhenTheBackendIsRemoved()
{
    open();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy ended(m_session, &TerminalSession::ended);
    m_backend.reset();
    QCOMPARE(m_session->state(), TerminalSession::State::Lost);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(m_session->error().kind, Error::Connection);
    QVERIFY2(m_session->endText().contains(QStringLiteral("The connection was removed.")),
             qPrintable(m_session->endText()));
    // Reconnecting without a backend says so again, rather than crash or hang.
    m_session->connectToSandbox();
    QCOMPARE(m_session->state(), TerminalSession::State::Lost);
    QCOMPARE(ended.size(), 2);
}

// The engine goes away under a running session (everything on it stops), and comes back.
void TestTerminalSession::reconnectsAfterTheConnectionDropped()
{
    open();
    if (QTest::currentTestFailed())
        return;
    type(QStringLiteral("echo be''fore"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("before")), 10000);
    const auto stopped = engine(QStringLiteral("stop"));
    QVERIFY2(stopped.exitCode == 0, stopped.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(m_session->state() == TerminalSession::State::Lost ||
                                 m_session->state() == TerminalSession::State::Ended,
                             30000);
    QVERIFY(!m_session->endText().isEmpty());

    const auto started = engine(QStringLiteral("start"));
    QVERIFY2(started.exitCode == 0, started.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 60000);
    const auto restarted = docker({QStringLiteral("start"), m_name});
    QVERIFY2(restarted.exitCode == 0, restarted.err.constData());

    reconnect();
    QVERIFY(m_session->endText().isEmpty());
    type(QStringLiteral("echo af''ter"));
    QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(QStringLiteral("after")), 10000);
    QVERIFY2(allText().contains(QStringLiteral("\nbefore\n")), "the earlier output is kept");
}

QTEST_GUILESS_MAIN(TestTerminalSession)
#include "tst_terminalsession.moc"
