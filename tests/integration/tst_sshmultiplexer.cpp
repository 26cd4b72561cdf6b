#include "BackendFixture.h"
#include "net/ConnectionReaper.h"
#include "net/HttpClient.h"
#include "net/SshMultiplexer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <csignal>

using namespace DockerTestEnvironment;

// ssh:// engines against the private sshd of scripts/test: connections share a few logins,
// each one handshake, counted in sshd's log.
class TestSshMultiplexer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void burstSharesOneLogin();
    void streamsPastTheBoundWaitTheirTurn();
    void backendListsAndFollowsEvents();
    void killedLoginIsOpenedAgain();
    void refusedLoginIsTold();
    void closingWithAHungRequestDoesNotWait();

private:
    static Endpoint sshEndpoint();
    // Logins sshd accepted so far.
    static int handshakes();
    static void sendBurst(HttpClient* client, int count);
    // The control master's pid, from the processes whose command line names the socket folder.
    static QList<qint64> mastersIn(const QString& folder);
};

void TestSshMultiplexer::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    const QString bin = qEnvironmentVariable("SANDBOXDESK_TEST_SSH_BIN");
    QVERIFY2(!bin.isEmpty() && !qEnvironmentVariable("SANDBOXDESK_TEST_SSH_HOST").isEmpty() &&
                 QFile::exists(qEnvironmentVariable("SANDBOXDESK_TEST_SSHD_LOG")),
             "SANDBOXDESK_TEST_SSH_* are set by scripts/test, which starts a private sshd.");
    // The ssh of scripts/test: the real one with this run's key and known host.
    qputenv("PATH", (bin + QLatin1Char(':') + qEnvironmentVariable("PATH")).toLocal8Bit());
}

Endpoint TestSshMultiplexer::sshEndpoint()
{
    QString error;
    const Endpoint endpoint =
        Endpoint::fromUrl(qEnvironmentVariable("SANDBOXDESK_TEST_SSH_HOST"), &error);
    if (!endpoint.isValid())
        qFatal("%s", qPrintable(error));
    return endpoint;
}

int TestSshMultiplexer::handshakes()
{
    QFile log(qEnvironmentVariable("SANDBOXDESK_TEST_SSHD_LOG"));
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    return int(log.readAll().count("Accepted publickey for "));
}

void TestSshMultiplexer::sendBurst(HttpClient* client, int count)
{
    QList<HttpReply*> replies;
    for (int i = 0; i < count; ++i)
        replies << client->send(HttpRequest::get("/_ping"));
    for (HttpReply* reply : std::as_const(replies)) {
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().fullText()));
        QCOMPARE(reply->status(), 200);
        QCOMPARE(reply->body(), QByteArray("OK"));
    }
}

QList<qint64> TestSshMultiplexer::mastersIn(const QString& folder)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& entry : entries) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> words = cmdline.readAll().split('\0');
        if (words.contains(QByteArray("ControlMaster=yes")) &&
            std::any_of(words.begin(), words.end(), [&](const QByteArray& word) {
                return word.startsWith(QFile::encodeName(folder + QLatin1Char('/')));
            }))
            pids << pid;
    }
    return pids;
}

void TestSshMultiplexer::burstSharesOneLogin()
{
    const int before = handshakes();
    HttpClient client(sshEndpoint());
    QVERIFY(client.ssh());
    sendBurst(&client, 50);
    QCOMPARE(client.ssh()->loginsStarted(), 1);
    QCOMPARE(handshakes() - before, 1);
    // The sessions stay within the pool and the login's bound.
    QVERIFY2(client.connectionsOpened() <= client.maxConnections(),
             QByteArray::number(client.connectionsOpened()));
    // A second burst reuses what is open.
    sendBurst(&client, 50);
    QCOMPARE(handshakes() - before, 1);

    // The control socket's folder is the user's alone.
    const QFileInfo folder(client.ssh()->controlFolder());
    QVERIFY(folder.isDir());
    QCOMPARE(folder.permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestSshMultiplexer::streamsPastTheBoundWaitTheirTurn()
{
    const int before = handshakes();
    HttpClient client(sshEndpoint());
    client.setConnectTimeoutMs(60000);
    client.ssh()->setSessionsPerLogin(4);
    client.ssh()->setMaxLogins(2);
    // Streams have a connection each: past 2 logins of 4 sessions they wait, not fail.
    QList<HttpReply*> streams;
    for (int i = 0; i < 11; ++i)
        streams << client.send(HttpRequest::get("/events"), HttpReply::Mode::Streaming);
    QTRY_COMPARE_WITH_TIMEOUT(client.ssh()->sessionsRunning(), 8, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        int(std::count_if(streams.begin(), streams.end(),
                          [](HttpReply* reply) { return reply->status() == 200; })),
        8, 20000);
    QCOMPARE(client.ssh()->sessionsWaiting(), 3);
    QCOMPARE(client.ssh()->loginsStarted(), 2);
    for (HttpReply* reply : std::as_const(streams))
        QVERIFY2(!reply->isFinished(), qPrintable(reply->error().fullText()));

    // Three end; the three waiting take their places.
    int ended = 0;
    for (HttpReply* reply : std::as_const(streams)) {
        if (reply->status() == 200 && ended < 3) {
            delete reply;
            ++ended;
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(client.ssh()->sessionsWaiting(), 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(client.ssh()->sessionsRunning(), 8, 20000);
    QCOMPARE(handshakes() - before, 2);
    QCOMPARE(client.ssh()->loginsStarted(), 2);
}

void TestSshMultiplexer::backendListsAndFollowsEvents()
{
    const int before = handshakes();
    DockerBackend backend(QStringLiteral("ssh"), QStringLiteral("ssh"), sshEndpoint());
    const QString name = uniqueName(QStringLiteral("ssh"));
    QCOMPARE(docker({QStringLiteral("create"), QStringLiteral("--network"), QStringLiteral("none"),
                     QStringLiteral("--name"), name, image()})
                 .exitCode,
             0);
    backend.connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend.state(), Backend::State::Connected, 15000);
    QCOMPARE(backendIds(backend), allIds());
    // A burst of container events: each is looked up, over the one login.
    QStringList names;
    for (int i = 0; i < 20; ++i) {
        names << uniqueName(QStringLiteral("sshburst"));
        QCOMPARE(docker({QStringLiteral("create"), QStringLiteral("--network"),
                         QStringLiteral("none"), QStringLiteral("--name"), names.last(), image()})
                     .exitCode,
                 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(backendIds(backend), allIds(), 15000);
    QCOMPARE(docker(QStringList{QStringLiteral("rm"), name} + names).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(backendIds(backend), allIds(), 15000);
    QCOMPARE(handshakes() - before, 1);
}

void TestSshMultiplexer::killedLoginIsOpenedAgain()
{
    const int before = handshakes();
    HttpClient client(sshEndpoint());
    sendBurst(&client, 5);
    const QList<qint64> masters = mastersIn(client.ssh()->controlFolder());
    QCOMPARE(masters.size(), 1);
    // SIGKILL leaves the control socket behind, with nobody listening on it.
    QCOMPARE(::kill(pid_t(masters.first()), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1").arg(masters.first())) ||
                                 mastersIn(client.ssh()->controlFolder()).isEmpty(),
                             5000);
    // The pooled sessions died with it; the next requests get a new login.
    QTRY_COMPARE_WITH_TIMEOUT(client.idleConnections(), 0, 5000);
    sendBurst(&client, 5);
    QCOMPARE(client.ssh()->loginsStarted(), 2);
    QCOMPARE(handshakes() - before, 2);
}

void TestSshMultiplexer::refusedLoginIsTold()
{
    Endpoint endpoint = sshEndpoint();
    // No key of this run logs in as this user.
    endpoint.sshDestination = QStringLiteral("sandboxdesk-nobody@127.0.0.1");
    HttpClient client(endpoint);
    QElapsedTimer timer;
    timer.start();
    QList<HttpReply*> replies;
    for (int i = 0; i < 3; ++i)
        replies << client.send(HttpRequest::get("/_ping"));
    replies << client.send(HttpRequest::get("/events"), HttpReply::Mode::Streaming);
    for (HttpReply* reply : std::as_const(replies)) {
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
        QCOMPARE(reply->error().kind, Error::Connection);
        QVERIFY2(reply->error().detail.contains(QLatin1String("Could not log in to "
                                                              "sandboxdesk-nobody@127.0.0.1")),
                 qPrintable(reply->error().fullText()));
        QVERIFY2(reply->error().detail.contains(QLatin1String("Permission denied")),
                 qPrintable(reply->error().fullText()));
    }
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(client.ssh()->loginsOpen(), 0);
}

void TestSshMultiplexer::closingWithAHungRequestDoesNotWait()
{
    const auto run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                             QStringLiteral("--network"), QStringLiteral("none"),
                             QStringLiteral("--name"), uniqueName(QStringLiteral("sshhung")),
                             image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    const QByteArray id = run.out.trimmed();

    auto* client = new HttpClient(sshEndpoint());
    // Answered when the container stops, which it does not for an hour.
    HttpRequest wait = HttpRequest::post("/containers/" + id + "/wait");
    wait.timeoutMs = -1;
    HttpReply* hung = client->send(wait);
    HttpReply* events = client->send(HttpRequest::get("/events"), HttpReply::Mode::Streaming);
    QTRY_COMPARE_WITH_TIMEOUT(events->status(), 200, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(client->ssh()->sessionsRunning(), 2, 15000);
    QTest::qWait(300);
    QVERIFY(!hung->isFinished());
    const QString folder = client->ssh()->controlFolder();
    QCOMPARE(mastersIn(folder).size(), 1);

    QElapsedTimer timer;
    timer.start();
    delete client;
    // The request would hang for an hour; closing waits for none of it.
    QVERIFY2(timer.elapsed() < 5000, QByteArray::number(timer.elapsed()));
    // The login ends and its sessions are reaped, later and elsewhere.
    QTRY_VERIFY_WITH_TIMEOUT(mastersIn(folder).isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(ConnectionReaper::instance()->pending(), 0, 10000);
    QVERIFY(!QFileInfo::exists(folder));
    QCOMPARE(docker({QStringLiteral("rm"), QStringLiteral("-f"), QString::fromUtf8(id)}).exitCode,
             0);
}

QTEST_GUILESS_MAIN(TestSshMultiplexer)
#include "tst_sshmultiplexer.moc"
