#include "DockerTestEnvironment.h"
#include "docker/DockerBackend.h"
#include "run/JobTableModel.h"
#include "run/JobsPanel.h"
#include "run/RunHistory.h"
#include "run/RunPanel.h"
#include "run/RunWindow.h"
#include "settings/Translations.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

// The Run window against a real container: every button does what it says, output comes
// with stderr in its own colour, cancel and the time limit stop the process in the container,
// the history survives a new window, jobs are started, followed, killed, removed, started
// again and their commands copied; in English and in Chinese.
class TestRunWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void runsACommandWithStderrApart();
    void cancelStopsTheProcess();
    void scriptAndTimeLimit();
    void historyIsKeptPerSandbox();
    void jobsStartFollowKillRemove(); // and Run Again, Copy Command
    void codeSaysWhichInterpreter();
    void chinese();

private:
    template<typename T> T* child(const char* name) const
    {
        T* widget = m_window->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void typeCommand(const QString& command);
    QString status() const { return child<QLabel>("runStatus")->text(); }
    QString output() const { return child<QPlainTextEdit>("runOutput")->toPlainText(); }
    QString jobsStatus() const { return child<QLabel>("jobsStatus")->text(); }
    QByteArray ps() const;

    Translations m_translations;
    DockerBackend* m_backend = nullptr;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<RunHistory> m_history;
    RunWindow* m_window = nullptr;
    QString m_id;
};

void TestRunWindow::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_translations.apply(QStringLiteral("en"));
    m_backend = new DockerBackend(QStringLiteral("docker-test"), QStringLiteral("Docker (test)"),
                                  Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
    m_backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 20000);
    const auto run = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--name"),
         DockerTestEnvironment::uniqueName(QStringLiteral("run-ui")),
         DockerTestEnvironment::image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    m_id = QString::fromUtf8(run.out).trimmed();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(m_id).status == SandboxStatus::Running, 15000);
    m_history = std::make_unique<RunHistory>(m_settingsDir.filePath(QStringLiteral("run.ini")));
}

void TestRunWindow::init()
{
    m_window = new RunWindow(m_backend, m_id, {}, QStringLiteral("run-ui"), *m_history);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestRunWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestRunWindow::cleanupTestCase()
{
    if (!m_id.isEmpty())
        DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), m_id});
    delete m_backend;
}

void TestRunWindow::typeCommand(const QString& command)
{
    auto* line = child<QComboBox>("runCommand")->lineEdit();
    line->clear();
    QTest::keyClicks(line, command);
}

QByteArray TestRunWindow::ps() const
{
    return DockerTestEnvironment::docker({QStringLiteral("exec"), m_id, QStringLiteral("ps"),
                                          QStringLiteral("-o"), QStringLiteral("stat,args")})
        .out;
}

void TestRunWindow::runsACommandWithStderrApart()
{
    auto* run = child<QPushButton>("runButton");
    QVERIFY(!run->isEnabled()); // nothing typed yet
    typeCommand(QStringLiteral("sh -c 'echo to-out; echo to-err >&2; exit 3'"));
    QVERIFY(run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(child<QPushButton>("runCancelButton")->isEnabled() || status().contains(u"Exit"));
    QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(QStringLiteral("Exit code 3 · ")),
                              qPrintable(status() + QLatin1Char('|') + output()), 30000);
    QVERIFY(output().contains(QLatin1String("to-out\n")));
    QVERIFY(output().contains(QLatin1String("to-err\n")));
    QVERIFY(run->isEnabled());
    QVERIFY(!child<QPushButton>("runCancelButton")->isEnabled());
    // stderr is drawn in its own colour, stdout in the default one.
    const QTextDocument* document = child<QPlainTextEdit>("runOutput")->document();
    const QColor outColour =
        document->find(QStringLiteral("to-out")).charFormat().foreground().color();
    const QColor errColour =
        document->find(QStringLiteral("to-err")).charFormat().foreground().color();
    QVERIFY(errColour.isValid());
    QVERIFY(errColour != outColour);
    QCOMPARE(errColour, QColor(0xc0, 0x1c, 0x28));

    // Export writes the text as it came, or JSON lines with streams and the exit code.
    auto* exportButton = child<QPushButton>("runExportButton");
    QVERIFY(exportButton->isEnabled());
    QTemporaryDir exports;
    const auto exportTo = [&](const QString& name) -> QByteArray {
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QFileDialog* dialog = nullptr;
        // The last one closed may linger until its deletion: the visible one is the new one.
        if (!QTest::qWaitFor([&] {
                const QList<QFileDialog*> dialogs = m_window->findChildren<QFileDialog*>();
                for (QFileDialog* shown : dialogs) {
                    if (shown->isVisible())
                        dialog = shown;
                }
                return dialog != nullptr;
            }))
            return "no dialog";
        dialog->selectFile(exports.filePath(name));
        static_cast<QDialog*>(dialog)->accept();
        if (!QTest::qWaitFor(
                [&] { return status().startsWith(QStringLiteral("The output was saved to")); }))
            return status().toUtf8();
        QFile file(exports.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("not written");
    };
    // The two streams are apart on the wire: either may come first.
    const QByteArray text = exportTo(QStringLiteral("out.txt"));
    QVERIFY2(text == "to-out\nto-err\n" || text == "to-err\nto-out\n", text.constData());
    const QList<QByteArray> lines = exportTo(QStringLiteral("out.jsonl")).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QMap<QString, QString> byStream;
    for (int i = 0; i < 2; ++i) {
        const QJsonObject chunk = QJsonDocument::fromJson(lines.at(i)).object();
        byStream.insert(chunk.value(QStringLiteral("stream")).toString(),
                        chunk.value(QStringLiteral("text")).toString());
    }
    QCOMPARE(byStream.value(QStringLiteral("stdout")), QStringLiteral("to-out\n"));
    QCOMPARE(byStream.value(QStringLiteral("stderr")), QStringLiteral("to-err\n"));
    const QJsonObject end = QJsonDocument::fromJson(lines.at(2)).object();
    QCOMPARE(end.value(QStringLiteral("exitCode")).toInt(), 3);
    QVERIFY(end.value(QStringLiteral("durationMs")).toInt() > 0);

    // Copy and Clear do what they say.
    QTest::mouseClick(child<QPushButton>("runCopyButton"), Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text().contains(QLatin1String("to-err")));
    QTest::mouseClick(child<QPushButton>("runClearButton"), Qt::LeftButton);
    QCOMPARE(output(), QString());
    QVERIFY(!exportButton->isEnabled());
}

void TestRunWindow::cancelStopsTheProcess()
{
    typeCommand(QStringLiteral("sh -c 'echo up; sleep 551'"));
    QTest::keyClick(child<QComboBox>("runCommand")->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(output().contains(QLatin1String("up")), 30000);
    auto* cancel = child<QPushButton>("runCancelButton");
    QVERIFY(cancel->isEnabled());
    QVERIFY(!child<QPushButton>("runButton")->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("Cancelled · exit code 143")),
                             30000);
    const QByteArray processes = ps();
    for (const QByteArray& line : processes.split('\n'))
        QVERIFY2(!line.contains("sleep 551") || line.trimmed().startsWith('Z'),
                 processes.constData());
}

void TestRunWindow::scriptAndTimeLimit()
{
    auto* mode = child<QComboBox>("runMode");
    mode->setCurrentIndex(1);
    auto* script = child<QPlainTextEdit>("runScript");
    QVERIFY(script->isVisible());
    script->setPlainText(QStringLiteral("x=$((6 * 7))\necho \"answer $x in $PWD\"\n"));
    QTest::keyClicks(child<QLineEdit>("runWorkdir"), QStringLiteral("/etc"));
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QLatin1String("Exit code 0")), 30000);
    QCOMPARE(output(), QStringLiteral("answer 42 in /etc\n"));
    // A job is a command line; a script cannot be one.
    QVERIFY(!child<QPushButton>("runAsJobButton")->isEnabled());

    mode->setCurrentIndex(0);
    typeCommand(QStringLiteral("sleep 552"));
    QTest::keyClicks(child<QLineEdit>("runTimeout"), QStringLiteral("1s"));
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QLatin1String("Stopped after its time limit")),
                             30000);
    QVERIFY(!ps().contains("sleep 552"));

    child<QLineEdit>("runTimeout")->setText(QStringLiteral("soon"));
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(status().contains(QLatin1String("not a time limit")));
    child<QLineEdit>("runTimeout")->clear();
}

void TestRunWindow::historyIsKeptPerSandbox()
{
    // Earlier tests ran command lines; a new history on the same file and a new window show
    // them, newest first. Scripts are never kept.
    const RunHistory reread(m_settingsDir.filePath(QStringLiteral("run.ini")));
    const QStringList kept = reread.commands(QStringLiteral("docker-test"), m_id);
    QVERIFY(kept.size() >= 3);
    QCOMPARE(kept.first(), QStringLiteral("sleep 552"));
    QVERIFY(kept.contains(QStringLiteral("sh -c 'echo up; sleep 551'")));
    QVERIFY(!kept.join(u'\n').contains(QLatin1String("answer")));
    QVERIFY(reread.commands(QStringLiteral("docker-test"), QStringLiteral("other")).isEmpty());
    auto* combo = child<QComboBox>("runCommand");
    QCOMPARE(combo->count(), kept.size());
    QCOMPARE(combo->itemText(0), kept.first());
    // Picking one and running it again.
    combo->setCurrentIndex(kept.indexOf(QStringLiteral("sh -c 'echo to-out; echo to-err >&2; "
                                                       "exit 3'")));
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QLatin1String("Exit code 3")), 30000);
}

void TestRunWindow::jobsStartFollowKillRemove()
{
    JobsPanel* jobs = m_window->jobsPanel();
    QAbstractItemModelTester tester(jobs->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    typeCommand(QStringLiteral("sh -c 'trap \"\" TERM; echo job-says-hi; sleep 553 & wait'"));
    QTest::mouseClick(child<QPushButton>("runAsJobButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QLatin1String("Started job ")), 30000);
    // The window shows the jobs tab with the new job selected.
    QTRY_VERIFY_WITH_TIMEOUT(!jobs->currentJobId().isEmpty(), 30000);
    QVERIFY(jobs->isVisible());
    const QString jobId = jobs->currentJobId();
    QVERIFY(status().contains(jobId));
    QCOMPARE(jobs->model()->jobs().size(), 1);
    QCOMPARE(jobs->model()->jobs().first().state, JobInfo::State::Running);
    QVERIFY(!child<QPushButton>("jobsRemoveButton")->isEnabled());

    QTest::mouseClick(child<QPushButton>("jobsFollowButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPlainTextEdit>("jobsOutput")->toPlainText() ==
                                 QLatin1String("job-says-hi\n"),
                             30000);
    QCOMPARE(jobs->followedJobId(), jobId);

    auto* kill = child<QPushButton>("jobsKillButton");
    QVERIFY(kill->isEnabled());
    QTest::mouseClick(kill, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!jobs->model()->jobs().isEmpty() &&
                                 jobs->model()->jobs().first().state == JobInfo::State::Killed,
                             30000);
    QCOMPARE(jobs->model()->jobs().first().exitCode, 128 + 9);
    QVERIFY(!ps().contains("sleep 553") || !ps().contains(" S "));

    // Its command line copied, and started again as a new job of the same sandbox.
    const QString command = jobs->model()->jobs().first().command;
    QVERIFY2(command.contains(QLatin1String("sleep 553")), qPrintable(command));
    QTest::mouseClick(child<QPushButton>("jobsCopyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), command);
    QCOMPARE(jobsStatus(), QStringLiteral("The command was copied."));
    auto* rerun = child<QPushButton>("jobsRerunButton");
    QVERIFY(rerun->isEnabled());
    QTest::mouseClick(rerun, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(jobs->model()->jobs().size() == 2 && !jobs->currentJobId().isEmpty() &&
                                 jobs->currentJobId() != jobId,
                             30000);
    const QString again = jobs->currentJobId();
    QCOMPARE(jobsStatus(), QStringLiteral("Started again in run-ui as job %1.").arg(again));
    const auto jobOf = [jobs](const QString& id) {
        const QList<JobInfo>& all = jobs->model()->jobs();
        const auto it = std::find_if(all.cbegin(), all.cend(),
                                     [&id](const JobInfo& job) { return job.id == id; });
        return it == all.cend() ? JobInfo() : *it;
    };
    QCOMPARE(jobOf(again).command, command);
    QCOMPARE(jobOf(again).state, JobInfo::State::Running);
    QTRY_VERIFY(kill->isEnabled());
    QTest::mouseClick(kill, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(jobOf(again).state, JobInfo::State::Killed, 30000);

    // Removed, the new one and then the followed one.
    QTRY_VERIFY(child<QPushButton>("jobsRemoveButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("jobsRemoveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(jobs->model()->jobs().size() == 1, 30000);
    QCOMPARE(jobs->followedJobId(), jobId);
    jobs->selectJob(jobId);
    QCOMPARE(jobs->currentJobId(), jobId);
    QTRY_VERIFY(child<QPushButton>("jobsRemoveButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("jobsRemoveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(jobs->model()->jobs().isEmpty(), 30000);
    QCOMPARE(jobs->followedJobId(), QString());
    QVERIFY(!rerun->isEnabled());
    QVERIFY(!child<QPushButton>("jobsCopyButton")->isEnabled());
}

void TestRunWindow::codeSaysWhichInterpreter()
{
    child<QComboBox>("runMode")->setCurrentIndex(2);
    auto* language = child<QComboBox>("runLanguage");
    QVERIFY(language->isVisible());
    QVERIFY(!child<QPushButton>("runAsJobButton")->isEnabled());
    child<QPlainTextEdit>("runScript")->setPlainText(QStringLiteral("print(6 * 7)\n"));
    // The test image is busybox: no Python, and the window says so.
    language->setCurrentIndex(0);
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        status(), QStringLiteral("This sandbox has no Python: none of python3, python was found."),
        30000);
    QCOMPARE(output(), QString());
    // sh it has.
    language->setCurrentIndex(2);
    child<QPlainTextEdit>("runScript")->setPlainText(QStringLiteral("echo $((6 * 7))\n"));
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        status().startsWith(QStringLiteral("sh found at /bin/sh · Exit code 0")),
        qPrintable(status()), 30000);
    QCOMPARE(output(), QStringLiteral("42\n"));
}

void TestRunWindow::chinese()
{
    QCOMPARE(m_translations.apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    auto* run = child<QPushButton>("runButton");
    // The language change reaches the windows as a posted event.
    QTRY_COMPARE(run->text(), QStringLiteral("运行"));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("run-ui")));
    QVERIFY(m_window->windowTitle() != QStringLiteral("Run in run-ui"));
    const QTabWidget* tabs = m_window->findChild<QTabWidget*>();
    QCOMPARE(tabs->tabText(1), QStringLiteral("作业"));
    QCOMPARE(child<QPushButton>("jobsKillButton")->text(), QStringLiteral("终止(&K)"));
    typeCommand(QStringLiteral("sh -c 'exit 5'"));
    QTest::mouseClick(run, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("退出码 5")), 30000);
    const JobTableModel* model = m_window->jobsPanel()->model();
    QCOMPARE(model->headerData(JobTableModel::State, Qt::Horizontal).toString(),
             QStringLiteral("状态"));
    QCOMPARE(m_translations.apply(QStringLiteral("en")), QStringLiteral("en"));
    QTRY_COMPARE(run->text(), QStringLiteral("Run"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Jobs"));
}

QTEST_MAIN(TestRunWindow)
#include "tst_runwindow.moc"
