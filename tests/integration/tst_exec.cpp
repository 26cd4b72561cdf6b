#include "BackendFixture.h"
#include "docker/DockerExecSession.h"
#include "net/HttpClient.h"
#include "sandbox/ExecSession.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScopeGuard>

#include <algorithm>
#include <utility>

using namespace DockerTestEnvironment;

namespace {

// Collects what a session says until it ends.
struct Transcript
{
    QByteArray out;
    QByteArray err;
    int exitCode = -1000;
    Error error;
    bool ended = false;

    void attach(ExecSession* session)
    {
        QObject::connect(session, &ExecSession::received, session,
                         [this](ExecSession::Stream stream, const QByteArray& bytes) {
                             (stream == ExecSession::Stream::Stderr ? err : out) += bytes;
                         });
        QObject::connect(session, &ExecSession::finished, session, [this](int code) {
            exitCode = code;
            ended = true;
        });
        QObject::connect(session, &ExecSession::failed, session, [this](const Error& e) {
            error = e;
            ended = true;
        });
    }
};

} // namespace

class TestExec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void separateStreamsAndExitCode();
    void stdinReachesTheProcess();
    void ttyFollowsTheSize();
    void defaultShell();
    void unknownSandbox();
    void sandboxKilledMidSession();
    void largeInputArrivesWhole();
    void closedWhileConnecting_data();
    void closedWhileConnecting();

private:
    std::unique_ptr<ExecSession> open(const ExecOptions& options, Transcript* transcript);
    std::unique_ptr<DockerBackend> m_backend;
    QString m_id;
};

void TestExec::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 15000);
    const auto run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                             QStringLiteral("--network"), QStringLiteral("none"),
                             QStringLiteral("--name"), uniqueName(QStringLiteral("exec")), image(),
                             QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    m_id = QString::fromUtf8(run.out).trimmed();
}

void TestExec::cleanupTestCase()
{
    if (!m_id.isEmpty())
        docker({QStringLiteral("rm"), QStringLiteral("-f"), m_id});
}

std::unique_ptr<ExecSession> TestExec::open(const ExecOptions& options, Transcript* transcript)
{
    std::unique_ptr<ExecSession> session(m_backend->openExec(m_id, options));
    transcript->attach(session.get());
    session->start();
    return session;
}

void TestExec::separateStreamsAndExitCode()
{
    ExecOptions options;
    options.tty = false;
    options.attachStdin = false;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo out; echo err >&2; printf '\\001\\000\\377'; exit 3")};
    Transcript transcript;
    auto session = open(options, &transcript);
    QTRY_VERIFY_WITH_TIMEOUT(transcript.ended, 15000);
    QVERIFY2(!transcript.error.isError(), qPrintable(transcript.error.fullText()));
    QCOMPARE(transcript.exitCode, 3);
    QCOMPARE(transcript.out, QByteArray("out\n\x01\x00\xff", 7));
    QCOMPARE(transcript.err, QByteArray("err\n"));
}

void TestExec::stdinReachesTheProcess()
{
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("cat; echo done >&2")};
    Transcript transcript;
    auto session = open(options, &transcript);
    QByteArray sent;
    for (int i = 0; i < 1000; ++i)
        sent += "line " + QByteArray::number(i) + '\n';
    session->write(sent);
    session->closeStdin();
    QTRY_VERIFY_WITH_TIMEOUT(transcript.ended, 15000);
    QCOMPARE(transcript.exitCode, 0);
    QCOMPARE(transcript.out, sent);
    QCOMPARE(transcript.err, QByteArray("done\n"));
}

void TestExec::ttyFollowsTheSize()
{
    ExecOptions options;
    options.tty = true;
    options.columns = 101;
    options.rows = 33;
    options.command = {QStringLiteral("sh")};
    Transcript transcript;
    auto session = open(options, &transcript);
    QTRY_VERIFY_WITH_TIMEOUT(transcript.out.contains("#"), 15000); // the prompt
    session->write("stty -a | head -n 1\n");
    QTRY_VERIFY_WITH_TIMEOUT(transcript.out.contains("rows 33; columns 101"), 15000);
    session->resize(120, 40);
    QTest::qWait(200);
    session->write("stty -a | head -n 1\n");
    QTRY_VERIFY_WITH_TIMEOUT(transcript.out.contains("rows 40; columns 120"), 15000);
    session->write("exit 7\n");
    QTRY_VERIFY_WITH_TIMEOUT(transcript.ended, 15000);
    QCOMPARE(transcript.exitCode, 7);
    QVERIFY(transcript.err.isEmpty()); // a TTY has one stream
}

void TestExec::defaultShell()
{
    // The test image has no bash, so the default command must fall back to sh.
    ExecOptions options;
    options.tty = false;
    Transcript transcript;
    auto session = open(options, &transcript);
    session->write("echo $0; exit 0\n");
    session->closeStdin();
    QTRY_VERIFY_WITH_TIMEOUT(transcript.ended, 15000);
    QCOMPARE(transcript.exitCode, 0);
    QCOMPARE(transcript.out, QByteArray("sh\n"));
}

void TestExec::unknownSandbox()
{
    std::unique_ptr<ExecSession> session(
        m_backend->openExec(QStringLiteral("no-such-sandbox"), ExecOptions()));
    Transcript transcript;
    transcript.attach(session.get());
    session->start();
    QTRY_VERIFY_WITH_TIMEOUT(transcript.ended, 15000);
    QCOMPARE(transcript.error.kind, Error::NotFound);
    QVERIFY(!transcript.error.message.isEmpty());
}

void TestExec::sandboxKilledMidSession()
{
    const auto run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    const QString id = QString::fromUtf8(run.out).trimmed();
    std::unique_ptr<ExecSession> session(m_backend->openExec(id, ExecOptions()));
    Transcript transcript;
    transcript.attach(session.get());
    session->start();
    session->write("echo ready\n");
    QTRY_VERIFY_WITH_TIMEOUT(transcript.out.contains("ready"), 15000);
    QCOMPARE(docker({QStringLiteral("kill"), id}).exitCode, 0);
    // The session ends on its own and says how: output kept, an exit code or a reason.
    QTRY_VERIFY_WITH_TIMEOUT(transcript.ended, 15000);
    QVERIFY(transcript.out.contains("ready"));
    QVERIFY(transcript.exitCode != 0 || transcript.error.isError());
    docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
}

void TestExec::largeInputArrivesWhole()
{
    // Written all at once and closed at once: the end of input must wait for the last byte.
    QByteArray sent(16 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(12);
    generator.fillRange(reinterpret_cast<quint32*>(sent.data()), sent.size() / 4);
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("cat > /tmp/input; wc -c < /tmp/input; "
                                      "sha256sum < /tmp/input")};
    Transcript transcript;
    std::unique_ptr<ExecSession> session(m_backend->openExec(m_id, options));
    transcript.attach(session.get());
    // Some before the stream opens, the rest as it opens: in the order written.
    const qsizetype early = 1024 * 1024;
    session->write(sent.left(early));
    connect(session.get(), &ExecSession::started, this, [&] { session->write(sent.mid(early)); });
    QSignalSpy started(session.get(), &ExecSession::started);
    session->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 15000);
    QVERIFY(session->pendingInput() > 0);
    session->closeStdin();
    session->write("more"); // after the end: dropped
    QTRY_VERIFY_WITH_TIMEOUT(transcript.ended, 60000);
    QVERIFY2(!transcript.error.isError(), qPrintable(transcript.error.fullText()));
    QCOMPARE(transcript.exitCode, 0);
    const QByteArray digest = QCryptographicHash::hash(sent, QCryptographicHash::Sha256).toHex();
    QCOMPARE(transcript.out.simplified(), QByteArray::number(sent.size()) + ' ' + digest + " -");
    QCOMPARE(session->pendingInput(), 0);
}

namespace {

// A request of this mode that has not ended yet, among the client's replies.
bool hasOpenReply(const HttpClient& http, HttpReply::Mode mode)
{
    const QList<HttpReply*> replies = http.findChildren<HttpReply*>();
    return std::any_of(replies.begin(), replies.end(), [mode](const HttpReply* reply) {
        return reply->mode() == mode && !reply->isFinished();
    });
}

int processCount(const QString& id)
{
    const auto top = docker({QStringLiteral("top"), id});
    if (top.exitCode != 0)
        return -1;
    return int(top.out.trimmed().count('\n')); // a line a process, below the header
}

} // namespace

void TestExec::closedWhileConnecting_data()
{
    QTest::addColumn<bool>("duringStart"); // else while the process is being created
    QTest::addColumn<bool>("deleted");
    QTest::newRow("create, closed") << false << false;
    QTest::newRow("create, deleted") << false << true;
    QTest::newRow("start, closed") << true << false;
    QTest::newRow("start, deleted") << true << true;
}

void TestExec::closedWhileConnecting()
{
    QFETCH(bool, duringStart);
    QFETCH(bool, deleted);
    const HttpReply::Mode during =
        duringStart ? HttpReply::Mode::Upgrade : HttpReply::Mode::Buffered;
    const auto run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    const QString id = QString::fromUtf8(run.out).trimmed();
    auto cleanup = qScopeGuard([&] { docker({QStringLiteral("rm"), QStringLiteral("-f"), id}); });
    QCOMPARE(processCount(id), 1);

    HttpClient http(DockerEndpoint(QProcessEnvironment::systemEnvironment()).primary().endpoint);
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("cat")}; // runs while its input is open
    auto* session = new DockerExecSession(&http, id, options);
    QStringList said;
    connect(session, &ExecSession::started, this, [&] { said << QStringLiteral("started"); });
    connect(session, &ExecSession::finished, this, [&] { said << QStringLiteral("finished"); });
    connect(session, &ExecSession::failed, this, [&] { said << QStringLiteral("failed"); });
    session->start();
    // Catch the request while it is on its way: the engine answers within milliseconds.
    QElapsedTimer waited;
    waited.start();
    while (!hasOpenReply(http, during) && waited.elapsed() < 15000)
        QCoreApplication::processEvents();
    QVERIFY(hasOpenReply(http, during));
    if (deleted)
        delete std::exchange(session, nullptr);
    else
        session->close();
    QCOMPARE(said, deleted ? QStringList() : QStringList{QStringLiteral("failed")});

    // Long enough for the engine to have answered whatever reached it.
    QTest::qWait(1500);
    QCOMPARE(said, deleted ? QStringList() : QStringList{QStringLiteral("failed")});
    // No reply is left holding a connection, and no process runs with its input open.
    QTRY_VERIFY_WITH_TIMEOUT(http.findChildren<HttpReply*>().isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(processCount(id), 1, 10000);
    delete session;
}

QTEST_GUILESS_MAIN(TestExec)
#include "tst_exec.moc"
