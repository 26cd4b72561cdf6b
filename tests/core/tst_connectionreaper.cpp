#include "net/ConnectionReaper.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <memory>

namespace {

constexpr int Generous = 30000;

// True while the process exists, zombie included: only a reaped process is gone.
bool exists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
}

// A shell that says "ready" once its traps are set, then runs script.
QProcess* startShell(const QString& script, QObject* parent)
{
    auto* process = new QProcess(parent);
    process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    return process;
}

bool waitForReady(QProcess* process)
{
    QByteArray out;
    QSignalSpy ready(process, &QProcess::readyReadStandardOutput);
    while (!out.contains("ready")) {
        if (!ready.wait(Generous))
            return false;
        out += process->readAllStandardOutput();
    }
    return true;
}

qint64 readPid(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

} // namespace

class TestConnectionReaper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void processThatTakesItsTimeExitsOnItsOwn();
    void processThatIgnoresTheRequestIsKilled();
    void replyDestructorLeavesTheProcessToTheReaper();
    void finishedReplyLeavesTheProcessToTheReaper();
    void pooledProcessIsReapedWithItsClient();
    void socketIsClosed();
};

void TestConnectionReaper::processThatTakesItsTimeExitsOnItsOwn()
{
    ConnectionReaper reaper;
    reaper.setGraceMs(Generous);
    // Asked to stop, it takes a second to tidy up before exiting.
    QProcess* process = startShell(
        QStringLiteral("trap 'sleep 1; kill $!; exit 0' TERM; sleep 3600 & echo ready; wait"),
        nullptr);
    QVERIFY(waitForReady(process));
    const qint64 pid = process->processId();
    QSignalSpy reaped(&reaper, &ConnectionReaper::processReaped);

    reaper.reap(process);
    QVERIFY(exists(pid));
    QCOMPARE(reaper.pending(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(reaped.size(), 1, Generous);
    QCOMPARE(reaped.first().at(0).toLongLong(), pid);
    QCOMPARE(reaped.first().at(1).toBool(), false);
    QCOMPARE(reaper.pending(), 0);
    QVERIFY(!exists(pid));
}

void TestConnectionReaper::processThatIgnoresTheRequestIsKilled()
{
    ConnectionReaper reaper;
    reaper.setGraceMs(200);
    QProcess* process =
        startShell(QStringLiteral("trap '' TERM; echo ready; exec sleep 3600"), nullptr);
    QVERIFY(waitForReady(process));
    const qint64 pid = process->processId();
    QSignalSpy reaped(&reaper, &ConnectionReaper::processReaped);

    reaper.reap(process);
    QVERIFY(exists(pid));

    QTRY_COMPARE_WITH_TIMEOUT(reaped.size(), 1, Generous);
    QCOMPARE(reaped.first().at(1).toBool(), true);
    QCOMPARE(reaper.pending(), 0);
    QVERIFY(!exists(pid));
}

void TestConnectionReaper::replyDestructorLeavesTheProcessToTheReaper()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath(QStringLiteral("pid"));
    Endpoint endpoint;
    endpoint.kind = Endpoint::Kind::Process;
    endpoint.url = QStringLiteral("ssh://nowhere");
    endpoint.program = QStringLiteral("/bin/sh");
    // A transport that never answers and ignores being asked to stop.
    endpoint.arguments = {QStringLiteral("-c"),
                          QStringLiteral("trap '' TERM; echo $$ > \"$0\".new; "
                                         "mv \"$0\".new \"$0\"; exec sleep 3600"),
                          pidFile};
    HttpClient client(endpoint);
    ConnectionReaper* reaper = ConnectionReaper::instance();
    reaper->setGraceMs(300);
    QSignalSpy reaped(reaper, &ConnectionReaper::processReaped);

    HttpReply* reply = client.send(HttpRequest::get("/version"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile), Generous);
    const qint64 pid = readPid(pidFile);
    QVERIFY(pid > 0);
    QVERIFY(!reply->isFinished());

    delete reply;
    // Still there: the destructor did not wait for it to go.
    QVERIFY(exists(pid));
    QCOMPARE(reaper->pending(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(reaped.size(), 1, Generous);
    QCOMPARE(reaped.first().at(0).toLongLong(), pid);
    QCOMPARE(reaped.first().at(1).toBool(), true);
    QVERIFY(!exists(pid));
}

void TestConnectionReaper::finishedReplyLeavesTheProcessToTheReaper()
{
    Endpoint endpoint;
    endpoint.kind = Endpoint::Kind::Process;
    endpoint.url = QStringLiteral("ssh://nowhere");
    endpoint.program = QStringLiteral("/bin/sh");
    // Answers, then lingers as a transport may after the response. (Connection: close keeps
    // it out of the client's pool.)
    endpoint.arguments = {QStringLiteral("-c"),
                          QStringLiteral("trap '' TERM; "
                                         "printf 'HTTP/1.1 200 OK\\r\\nConnection: close\\r\\n"
                                         "Content-Length: 2\\r\\n\\r\\nok'; exec sleep 3600")};
    HttpClient client(endpoint);
    ConnectionReaper* reaper = ConnectionReaper::instance();
    reaper->setGraceMs(300);
    QSignalSpy reaped(reaper, &ConnectionReaper::processReaped);

    HttpReply* reply = client.send(HttpRequest::get("/version"));
    QSignalSpy finished(reply, &HttpReply::finished);
    QVERIFY(finished.wait(Generous));
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().fullText()));
    QCOMPARE(reply->status(), 200);
    QCOMPARE(reply->body(), QByteArray("ok"));
    QCOMPARE(reaper->pending(), 1);
    delete reply;

    QTRY_COMPARE_WITH_TIMEOUT(reaped.size(), 1, Generous);
    QCOMPARE(reaped.first().at(1).toBool(), true);
    QVERIFY(!exists(reaped.first().at(0).toLongLong()));
    QCOMPARE(reaper->pending(), 0);
}

void TestConnectionReaper::pooledProcessIsReapedWithItsClient()
{
    Endpoint endpoint;
    endpoint.kind = Endpoint::Kind::Process;
    endpoint.url = QStringLiteral("ssh://nowhere");
    endpoint.program = QStringLiteral("/bin/sh");
    endpoint.arguments = {QStringLiteral("-c"),
                          QStringLiteral("trap '' TERM; "
                                         "printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n"
                                         "\\r\\nok'; exec sleep 3600")};
    auto client = std::make_unique<HttpClient>(endpoint);
    ConnectionReaper* reaper = ConnectionReaper::instance();
    reaper->setGraceMs(300);
    QSignalSpy reaped(reaper, &ConnectionReaper::processReaped);

    HttpReply* reply = client->send(HttpRequest::get("/version"));
    QSignalSpy finished(reply, &HttpReply::finished);
    QVERIFY(finished.wait(Generous));
    QCOMPARE(reply->body(), QByteArray("ok"));
    // Kept for the next request, not ended.
    QCOMPARE(client->idleConnections(), 1);
    QCOMPARE(reaper->pending(), 0);

    client.reset(); // returns at once; the reaper ends the process
    QCOMPARE(reaper->pending(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(reaped.size(), 1, Generous);
    QVERIFY(!exists(reaped.first().at(0).toLongLong()));
    QCOMPARE(reaper->pending(), 0);
}

void TestConnectionReaper::socketIsClosed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QLocalServer server;
    QVERIFY(server.listen(dir.filePath(QStringLiteral("s"))));
    auto* client = new QLocalSocket;
    client->connectToServer(server.fullServerName());
    QVERIFY(server.waitForNewConnection(Generous));
    QLocalSocket* peer = server.nextPendingConnection();
    QVERIFY(peer);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), QLocalSocket::ConnectedState, Generous);
    QSignalSpy gone(peer, &QLocalSocket::disconnected);

    ConnectionReaper reaper;
    reaper.reap(client);
    // Connections made before the hand-over are cut; this one comes after it.
    QSignalSpy destroyed(client, &QObject::destroyed);
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, Generous);
    QTRY_COMPARE_WITH_TIMEOUT(destroyed.size(), 1, Generous);
    QCOMPARE(reaper.pending(), 0);
}

QTEST_GUILESS_MAIN(TestConnectionReaper)
#include "tst_connectionreaper.moc"
