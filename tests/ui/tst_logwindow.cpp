#include "DockerTestEnvironment.h"
#include "docker/DockerBackend.h"
#include "logs/LogBuffer.h"
#include "logs/LogView.h"
#include "logs/LogWindow.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The log window against a real engine: the one in DOCKER_HOST (scripts/test starts a private one).
class TestLogWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void showsEveryLineWithItsStream();
    void searchesAndFilters();
    void exportsJsonLines();
    void tailShowsTheLastLines();
    void followsLaterOutput();
    void survivesARestartWithoutLosingOrRepeating();
    void showsOneStreamOnly();
    void wrapsLongLines();
    void sinceAsADuration();

private:
    QList<QByteArray> bufferLines() const;
    qint64 dockerLogsLineCount() const;
    bool exportTo(const QString& file, LogExporter::Format format, bool matchesOnly);

    DockerBackend* m_backend = nullptr;
    QString m_name;
    QString m_id;
    LogWindow* m_window = nullptr;
    QTemporaryDir m_dir;
};

void TestLogWindow::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = new DockerBackend(QStringLiteral("docker-test"), QStringLiteral("Docker (test)"),
                                  Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
    m_backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 20000);

    m_name = DockerTestEnvironment::uniqueName(QStringLiteral("logs"));
    const auto result = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--name"), m_name, DockerTestEnvironment::image(),
         QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("for i in $(seq 1 500); do echo out $i; echo err $i >&2; done; "
                        "sleep 3600")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    m_id = QString::fromUtf8(result.out).trimmed();
    QTRY_COMPARE_WITH_TIMEOUT(dockerLogsLineCount(), 1000, 20000);
}

void TestLogWindow::cleanupTestCase()
{
    if (!m_name.isEmpty())
        DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), m_name});
    delete m_backend;
}

void TestLogWindow::init()
{
    Sandbox sandbox;
    sandbox.backendId = m_backend->id();
    sandbox.id = m_id;
    sandbox.name = m_name;
    m_window = new LogWindow(m_backend, sandbox);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestLogWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

QList<QByteArray> TestLogWindow::bufferLines() const
{
    QList<QByteArray> lines;
    for (qint64 i = 0; i < m_window->buffer().count(); ++i)
        lines << m_window->buffer().line(i);
    return lines;
}

qint64 TestLogWindow::dockerLogsLineCount() const
{
    const auto result = DockerTestEnvironment::docker({QStringLiteral("logs"), m_name});
    return result.out.count('\n') + result.err.count('\n');
}

bool TestLogWindow::exportTo(const QString& file, LogExporter::Format format, bool matchesOnly)
{
    bool done = false;
    Error error;
    const auto connection =
        connect(m_window, &LogWindow::exportFinished, this, [&](const Error& e) {
            done = true;
            error = e;
        });
    m_window->exportTo(file, format, matchesOnly);
    const bool finished = QTest::qWaitFor([&] { return done; }, 20000);
    disconnect(connection);
    return finished && !error.isError();
}

void TestLogWindow::showsEveryLineWithItsStream()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->buffer().count(), 1000, 20000);
    // The view takes appends in batches on a short timer.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->view()->rowCount(), 1000, 5000);
    int out = 0;
    int err = 0;
    for (qint64 i = 0; i < 1000; ++i) {
        const QByteArray line = m_window->buffer().line(i);
        const LogStream::Stream stream = m_window->buffer().stream(i);
        if (line.startsWith("out ")) {
            QCOMPARE(stream, LogStream::Stream::Stdout);
            ++out;
        } else {
            QVERIFY2(line.startsWith("err "), line.constData());
            QCOMPARE(stream, LogStream::Stream::Stderr);
            ++err;
        }
        QVERIFY(m_window->buffer().timestamp(i) > 0);
    }
    QCOMPARE(out, 500);
    QCOMPARE(err, 500);
    QCOMPARE(m_window->streamState(), QStringLiteral("Following"));
    QVERIFY(m_window->view()->isFollowing());
}

void TestLogWindow::searchesAndFilters()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->buffer().count(), 1000, 20000);
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("logSearchEdit"));
    QVERIFY(search);
    search->setText(QStringLiteral("out 25"));
    // "out 25" and "out 250" … "out 259".
    QTRY_COMPARE_WITH_TIMEOUT(m_window->matches().size(), 11, 10000);
    QTRY_VERIFY(!m_window->isSearching());
    QCOMPARE(m_window->matches().size(), 11);
    for (const qint64 line : m_window->matches()) {
        QVERIFY(m_window->buffer().line(line).startsWith("out 25"));
        QCOMPARE(m_window->buffer().stream(line), LogStream::Stream::Stdout);
    }

    auto* filter = m_window->findChild<QAction*>(QStringLiteral("filterAction"));
    filter->setChecked(true);
    LogView* view = m_window->view();
    QCOMPARE(view->rowCount(), 11);
    for (qint64 row = 0; row < view->rowCount(); ++row)
        QVERIFY(view->rowText(row).startsWith(QLatin1String("out 25")));
    filter->setChecked(false);
    QCOMPARE(view->rowCount(), 1000);

    // Next goes to the first match; a regular expression narrows it down.
    m_window->findChild<QAction*>(QStringLiteral("nextMatchAction"))->trigger();
    m_window->findChild<QAction*>(QStringLiteral("regexAction"))->setChecked(true);
    search->setText(QStringLiteral("^ERR 1\\d$"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->matches().size(), 10, 10000);
    m_window->findChild<QAction*>(QStringLiteral("caseSensitiveAction"))->setChecked(true);
    QTRY_VERIFY(!m_window->isSearching());
    QTest::qWait(400);
    QCOMPARE(m_window->matches().size(), 0);
}

void TestLogWindow::exportsJsonLines()
{
    QVERIFY(m_dir.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->buffer().count(), 1000, 20000);
    m_window->findChild<QLineEdit*>(QStringLiteral("logSearchEdit"))
        ->setText(QStringLiteral("out 25"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->matches().size(), 11, 10000);
    QTRY_VERIFY(!m_window->isSearching());

    const QString file = m_dir.filePath(QStringLiteral("matches.jsonl"));
    QVERIFY(exportTo(file, LogExporter::Format::JsonLines, true));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QByteArray> records = in.readAll().split('\n');
    QCOMPARE(records.size(), 12); // eleven and the empty piece after the last newline
    QStringList texts;
    for (int i = 0; i < 11; ++i) {
        const QJsonObject object = QJsonDocument::fromJson(records.at(i)).object();
        QCOMPARE(object.value(QLatin1String("stream")).toString(), QStringLiteral("stdout"));
        QVERIFY(object.value(QLatin1String("time")).isString());
        texts << object.value(QLatin1String("text")).toString();
    }
    QStringList expected{QStringLiteral("out 25")};
    for (int i = 250; i < 260; ++i)
        expected << QStringLiteral("out %1").arg(i);
    QCOMPARE(texts, expected);

    const QString all = m_dir.filePath(QStringLiteral("all.jsonl"));
    QVERIFY(exportTo(all, LogExporter::Format::JsonLines, false));
    QFile allIn(all);
    QVERIFY(allIn.open(QIODevice::ReadOnly));
    const QByteArray allBytes = allIn.readAll();
    QCOMPARE(allBytes.count('\n'), 1000);
    QCOMPARE(allBytes.count("\"stream\":\"stderr\""), 500);
}

void TestLogWindow::tailShowsTheLastLines()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->buffer().count() >= 1000, 20000);
    auto* mode = m_window->findChild<QComboBox*>(QStringLiteral("tailMode"));
    mode->setCurrentIndex(1);
    m_window->findChild<QSpinBox*>(QStringLiteral("tailCount"))->setValue(10);
    m_window->findChild<QPushButton*>(QStringLiteral("reloadButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->buffer().count(), 10, 20000);
    QTest::qWait(500);
    QCOMPARE(m_window->buffer().count(), 10);
    QCOMPARE(m_window->view()->rowCount(), 10);
    const QList<QByteArray> lines = bufferLines();
    QVERIFY(lines.contains("out 500") || lines.contains("err 500"));
}

void TestLogWindow::followsLaterOutput()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->buffer().count(), 1000, 20000);
    // What PID 1 writes is the container's own output.
    const auto result = DockerTestEnvironment::docker(
        {QStringLiteral("exec"), m_name, QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("echo late out >/proc/1/fd/1; echo late err >/proc/1/fd/2")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->buffer().count(), 1002, 10000);
    QTRY_COMPARE(m_window->view()->rowCount(), 1002);
    const QList<QByteArray> lines = bufferLines();
    const qint64 outIndex = lines.indexOf("late out");
    const qint64 errIndex = lines.indexOf("late err");
    QVERIFY(outIndex >= 1000 && errIndex >= 1000);
    QCOMPARE(m_window->buffer().stream(outIndex), LogStream::Stream::Stdout);
    QCOMPARE(m_window->buffer().stream(errIndex), LogStream::Stream::Stderr);
    // Still at the bottom.
    QVERIFY(m_window->view()->isFollowing());
    QCOMPARE(m_window->view()->firstVisibleRow(),
             std::max<qint64>(0, 1002 - m_window->view()->visibleRowCount()));
}

void TestLogWindow::survivesARestartWithoutLosingOrRepeating()
{
    const qint64 before = dockerLogsLineCount();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->buffer().count(), before, 20000);
    auto* label = m_window->findChild<QObject*>(QStringLiteral("streamStateLabel"));
    QVERIFY(label);

    const auto result = DockerTestEnvironment::docker(
        {QStringLiteral("restart"), QStringLiteral("-t"), QStringLiteral("1"), m_name});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    // The command runs again: another 1000 lines.
    QTRY_COMPARE_WITH_TIMEOUT(dockerLogsLineCount(), before + 1000, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->buffer().count(), before + 1000, 30000);
    QTest::qWait(1000);
    QCOMPARE(m_window->buffer().count(), dockerLogsLineCount());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->streamState(), QStringLiteral("Following"), 10000);

    const QList<QByteArray> lines = bufferLines();
    for (int i = 1; i <= 500; ++i) {
        QCOMPARE(lines.count("out " + QByteArray::number(i)), 2);
        QCOMPARE(lines.count("err " + QByteArray::number(i)), 2);
    }
}

void TestLogWindow::showsOneStreamOnly()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->buffer().count() >= 1000, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->view()->rowCount(), m_window->buffer().count(), 5000);
    const qint64 total = m_window->buffer().count();
    auto* streams = m_window->findChild<QComboBox*>(QStringLiteral("streamFilter"));
    QVERIFY(streams);
    streams->setCurrentIndex(streams->findData(int(LogSearch::Streams::Stderr)));
    LogView* view = m_window->view();
    QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), total / 2, 10000);
    for (qint64 row = 0; row < view->rowCount(); ++row) {
        QCOMPARE(m_window->buffer().stream(view->lineAt(row)), LogStream::Stream::Stderr);
        QVERIFY(view->rowText(row).contains(QLatin1String("err"))); // "err 1", "late err"
    }
    // With a text as well: the text's matches in that stream.
    m_window->findChild<QLineEdit*>(QStringLiteral("logSearchEdit"))
        ->setText(QStringLiteral(" 25"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->matches().size(), total / 1000 * 11, 10000);
    QTRY_VERIFY(!m_window->isSearching());
    for (const qint64 line : m_window->matches())
        QVERIFY(m_window->buffer().line(line).startsWith("err 25"));
    m_window->findChild<QLineEdit*>(QStringLiteral("logSearchEdit"))->clear();
    streams->setCurrentIndex(streams->findData(int(LogSearch::Streams::Stdout)));
    QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), total / 2, 10000);
    QTRY_VERIFY(!m_window->isSearching());
    for (qint64 row = 0; row < view->rowCount(); ++row)
        QVERIFY(view->rowText(row).contains(QLatin1String("out")));
    streams->setCurrentIndex(streams->findData(int(LogSearch::Streams::Both)));
    QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), total, 10000);
    QVERIFY(!view->isFiltered());
}

void TestLogWindow::wrapsLongLines()
{
    auto* wrap = m_window->findChild<QAction*>(QStringLiteral("wrapAction"));
    QVERIFY(wrap);
    QVERIFY(!m_window->view()->wrapsLines());
    wrap->trigger();
    QVERIFY(m_window->view()->wrapsLines());
    wrap->trigger();
    QVERIFY(!m_window->view()->wrapsLines());
}

void TestLogWindow::sinceAsADuration()
{
    auto* since = m_window->findChild<QComboBox*>(QStringLiteral("sinceMode"));
    QVERIFY(since);
    const auto secondsBack = [this] {
        const LogOptions options = m_window->requestedOptions();
        return options.since.isValid() ? options.since.secsTo(QDateTime::currentDateTimeUtc())
                                       : qint64(-1);
    };
    QCOMPARE(secondsBack(), -1);
    since->setCurrentIndex(1);
    QVERIFY(qAbs(secondsBack() - 300) <= 2);
    since->setCurrentIndex(2);
    QVERIFY(qAbs(secondsBack() - 3600) <= 2);
    since->setCurrentIndex(3);
    QVERIFY(qAbs(secondsBack() - 86400) <= 2);
    since->setCurrentIndex(4);
    m_window->findChild<QSpinBox*>(QStringLiteral("sinceAmount"))->setValue(2);
    auto* unit = m_window->findChild<QComboBox*>(QStringLiteral("sinceUnit"));
    unit->setCurrentIndex(2); // hours
    QVERIFY(qAbs(secondsBack() - 7200) <= 2);

    // Against the engine: a container that wrote one line, then another six seconds later.
    const QString name = DockerTestEnvironment::uniqueName(QStringLiteral("since"));
    const auto run = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--name"), name, DockerTestEnvironment::image(),
         QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("echo early; sleep 6; echo late; sleep 3600")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto logsOf = [&name] {
        return DockerTestEnvironment::docker({QStringLiteral("logs"), name}).out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(logsOf().contains("late"), 30000);
    Sandbox sandbox;
    sandbox.backendId = m_backend->id();
    sandbox.id = QString::fromUtf8(run.out).trimmed();
    sandbox.name = name;
    LogWindow window(m_backend, sandbox);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    QTRY_COMPARE_WITH_TIMEOUT(window.buffer().count(), 2, 20000);
    auto* windowSince = window.findChild<QComboBox*>(QStringLiteral("sinceMode"));
    windowSince->setCurrentIndex(4);
    window.findChild<QSpinBox*>(QStringLiteral("sinceAmount"))->setValue(4);
    window.findChild<QComboBox*>(QStringLiteral("sinceUnit"))->setCurrentIndex(0); // seconds
    window.reload();
    QTRY_COMPARE_WITH_TIMEOUT(window.buffer().count(), 1, 20000);
    QTest::qWait(500);
    QCOMPARE(window.buffer().count(), 1);
    QCOMPARE(window.buffer().line(0), QByteArray("late"));
    DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
}

QTEST_MAIN(TestLogWindow)
#include "tst_logwindow.moc"
