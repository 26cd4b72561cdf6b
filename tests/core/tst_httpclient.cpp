#include "FakeEngine.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

// A local socket server that answers every connection with bytes the test chooses; it reads
// the request first so that the client sees a real exchange.
class BadServer : public QObject
{
public:
    using Script = std::function<void(QLocalSocket*)>;

    explicit BadServer(const QString& path)
    {
        QLocalServer::removeServer(path);
        m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (m_request.contains("\r\n\r\n") && !m_answered) {
                        m_answered = true;
                        m_script(socket);
                    }
                });
            }
        });
    }

    void setScript(const Script& script)
    {
        m_script = script;
        m_answered = false;
        m_request.clear();
    }
    const QByteArray& request() const { return m_request; }

private:
    QLocalServer m_server;
    Script m_script;
    QByteArray m_request;
    bool m_answered = false;
};

// A misbehaving TCP peer on loopback: it accepts, reads the request, then runs the script
// (which may do nothing at all) and keeps the connection open.
class TcpPeer : public QObject
{
public:
    using Script = std::function<void(QTcpSocket*)>;

    explicit TcpPeer(const Script& script)
        : m_script(script)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++m_accepted;
                auto request = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
                    const bool whole = request->contains("\r\n\r\n");
                    *request += socket->readAll();
                    if (!whole && request->contains("\r\n\r\n"))
                        m_script(socket);
                });
            }
        });
    }

    QString url(const QString& scheme = QStringLiteral("tcp")) const
    {
        return scheme + QStringLiteral("://127.0.0.1:") + QString::number(m_server.serverPort());
    }
    int accepted() const { return m_accepted; }

private:
    QTcpServer m_server;
    Script m_script;
    int m_accepted = 0;
};

class TestHttpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void buffered();
    void streamingHandsOnPieces();
    void closedWithoutAnswer();
    void garbage();
    void truncatedBody();
    void oversizedBodyIsRefused();
    void oversizedTcpBodyIsRefusedWithTheReason();
    void declaredLengthPastTheCapIsRefusedAtOnce();
    void repliesTogetherAreCapped();
    void endlessStreamHoldsNothing();
    void noServer();
    void upgradeHandsOverTheConnection();
    void abortFinishesOnce();
    void tcpPeerThatNeverAnswersTimesOut();
    void tcpPeerThatStallsMidBodyTimesOut();
    void tlsPeerThatNeverHandshakesTimesOut();
    void quietStreamIsNotCutOff();
    void streamsKeepAlive();
    void connectionsAreReused();
    void burstStaysWithinThePool();
    void connectionClosedWhileIdleIsReplaced();
    void closingResponseIsNotReused();

private:
    HttpReply* send(const HttpRequest& request, HttpReply::Mode mode = HttpReply::Mode::Buffered);
    void waitFor(HttpReply* reply);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BadServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

void TestHttpClient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(QStringLiteral("s"));
    m_server = std::make_unique<BadServer>(path);
    m_client = std::make_unique<HttpClient>(Endpoint::fromUrl(QStringLiteral("unix://") + path));
}

void TestHttpClient::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_dir.reset();
}

HttpReply* TestHttpClient::send(const HttpRequest& request, HttpReply::Mode mode)
{
    return m_client->send(request, mode);
}

void TestHttpClient::waitFor(HttpReply* reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(10000));
    }
}

void TestHttpClient::buffered()
{
    m_server->setScript([](QLocalSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n2\r\n[]\r\n0\r\n\r\n");
    });
    HttpReply* reply = send(HttpRequest::post("/containers/x/start", "{\"a\":1}"));
    waitFor(reply);
    QVERIFY(!reply->error().isError());
    QCOMPARE(reply->status(), 200);
    QCOMPARE(reply->body(), QByteArray("[]"));
    QCOMPARE(reply->header("content-type"), QByteArray("application/json"));
    QVERIFY(m_server->request().startsWith("POST /containers/x/start HTTP/1.1\r\n"));
    QVERIFY(m_server->request().contains("Content-Length: 7\r\n"));
    QVERIFY(m_server->request().contains("Host: docker\r\n"));
}

void TestHttpClient::streamingHandsOnPieces()
{
    m_server->setScript([](QLocalSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        socket->write("6\r\n{\"a\":1\r\n");
        socket->flush();
        QTimer::singleShot(20, socket, [socket] { socket->write("2\r\n}\n\r\n0\r\n\r\n"); });
    });
    HttpReply* reply = send(HttpRequest::get("/events"), HttpReply::Mode::Streaming);
    QByteArray streamed;
    connect(reply, &HttpReply::dataReceived, this,
            [&streamed](const QByteArray& data) { streamed += data; });
    waitFor(reply);
    QVERIFY(!reply->error().isError());
    QCOMPARE(streamed, QByteArray("{\"a\":1}\n"));
    QVERIFY(reply->body().isEmpty());
}

void TestHttpClient::closedWithoutAnswer()
{
    m_server->setScript([](QLocalSocket* socket) { socket->disconnectFromServer(); });
    HttpReply* reply = send(HttpRequest::get("/version"));
    waitFor(reply);
    QCOMPARE(reply->error().kind, Error::Connection);
    QVERIFY(!reply->error().message.isEmpty());
}

void TestHttpClient::garbage()
{
    m_server->setScript([](QLocalSocket* socket) {
        socket->write(QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 16));
    });
    HttpReply* reply = send(HttpRequest::get("/version"));
    waitFor(reply);
    QCOMPARE(reply->error().kind, Error::Protocol);
}

void TestHttpClient::truncatedBody()
{
    m_server->setScript([](QLocalSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Id\":");
        socket->flush();
        socket->disconnectFromServer();
    });
    HttpReply* reply = send(HttpRequest::get("/containers/json"));
    waitFor(reply);
    QCOMPARE(reply->error().kind, Error::Connection);
    QCOMPARE(reply->status(), 200);
}

void TestHttpClient::oversizedBodyIsRefused()
{
    m_client->setMaxBufferedBody(1024 * 1024);
    m_server->setScript([](QLocalSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 10485760\r\n\r\n");
        const QByteArray block(64 * 1024, 'x');
        for (int i = 0; i < 160; ++i)
            socket->write(block);
    });
    HttpReply* reply = send(HttpRequest::get("/containers/json"));
    waitFor(reply);
    QCOMPARE(reply->error().kind, Error::Protocol);
    QVERIFY(reply->body().size() <= 1024 * 1024);
}

// A peer that sends a chunked body with no end in sight: the reply stops at the cap, says why,
// and holds nothing afterwards.
void TestHttpClient::oversizedTcpBodyIsRefusedWithTheReason()
{
    QCOMPARE(HttpClient::DefaultMaxBufferedBody, 64 * 1024 * 1024);
    TcpPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray block(64 * 1024, 'z');
        for (int i = 0; i < 48; ++i) // 3 MiB, and the body never ends
            socket->write(QByteArray::number(block.size(), 16) + "\r\n" + block + "\r\n");
    });
    HttpClient client(Endpoint::fromUrl(peer.url()));
    client.setMaxBufferedBody(1024 * 1024);
    HttpReply* reply = client.send(HttpRequest::get("/containers/json"));
    waitFor(reply);
    QCOMPARE(reply->error().kind, Error::Protocol);
    QVERIFY2(reply->error().message.contains(QLatin1String("larger than 1 MiB")),
             qPrintable(reply->error().message));
    QVERIFY(reply->error().message.contains(peer.url()));
    QVERIFY(reply->body().isEmpty());
    QCOMPARE(client.bufferedBytes(), 0);
}

// A declared length past the cap fails when the headers come, not after a timeout.
void TestHttpClient::declaredLengthPastTheCapIsRefusedAtOnce()
{
    TcpPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 10737418240\r\n\r\n");
    });
    HttpClient client(Endpoint::fromUrl(peer.url()));
    client.setMaxBufferedBody(1024 * 1024);
    client.setRequestTimeoutMs(60000);
    QElapsedTimer clock;
    clock.start();
    HttpReply* reply = client.send(HttpRequest::get("/containers/json"));
    waitFor(reply);
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(reply->error().kind, Error::Protocol);
    QVERIFY2(reply->error().message.contains(QLatin1String("larger than 1 MiB")),
             qPrintable(reply->error().message));
}

// Replies read at once share one cap: the one that would pass it stops, with its reason.
void TestHttpClient::repliesTogetherAreCapped()
{
    // 900 KiB each, then the peer stalls with the body unfinished.
    TcpPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2097152\r\n\r\n");
        socket->write(QByteArray(900 * 1024, 'w'));
    });
    HttpClient client(Endpoint::fromUrl(peer.url()));
    client.setMaxBufferedBody(4 * 1024 * 1024);
    client.setMaxBufferedTotal(1536 * 1024);
    client.setRequestTimeoutMs(60000);
    HttpReply* first = client.send(HttpRequest::get("/a"));
    HttpReply* second = client.send(HttpRequest::get("/b"));
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() || second->isFinished(), 10000);
    QVERIFY(client.bufferedBytes() <= 1536 * 1024);
    HttpReply* stopped = first->isFinished() ? first : second;
    HttpReply* reading = stopped == first ? second : first;
    QVERIFY(!reading->isFinished());
    QCOMPARE(stopped->error().kind, Error::Protocol);
    QVERIFY2(stopped->error().message.contains(QLatin1String("more than 1 MiB together")),
             qPrintable(stopped->error().message));
    QTRY_COMPARE_WITH_TIMEOUT(client.bufferedBytes(), 900 * 1024, 10000);
    reading->abort();
    QCOMPARE(client.bufferedBytes(), 0);
}

void TestHttpClient::endlessStreamHoldsNothing()
{
    m_server->setScript([](QLocalSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\n\r\n");
        const QByteArray block(64 * 1024, 'y');
        for (int i = 0; i < 320; ++i) // 20 MiB, then the peer goes away
            socket->write(block);
        socket->flush();
        socket->disconnectFromServer();
    });
    HttpReply* reply = send(HttpRequest::get("/logs"), HttpReply::Mode::Streaming);
    qint64 streamed = 0;
    connect(reply, &HttpReply::dataReceived, this,
            [&streamed](const QByteArray& data) { streamed += data.size(); });
    waitFor(reply);
    QVERIFY(!reply->error().isError());
    QCOMPARE(streamed, qint64(320) * 64 * 1024);
    QVERIFY(reply->body().isEmpty());
}

void TestHttpClient::noServer()
{
    HttpClient client(Endpoint::fromUrl(m_dir->filePath(QStringLiteral("missing"))));
    HttpReply* reply = client.send(HttpRequest::get("/version"));
    waitFor(reply);
    QCOMPARE(reply->error().kind, Error::Connection);
    QVERIFY(reply->error().message.contains(QStringLiteral("missing")));
    QCOMPARE(reply->error().detail, HttpClient::tr("The socket does not exist."));
}

void TestHttpClient::upgradeHandsOverTheConnection()
{
    m_server->setScript([](QLocalSocket* socket) {
        socket->write("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nfirst");
        socket->flush();
        QTimer::singleShot(20, socket, [socket] { socket->write("second"); });
    });
    HttpReply* reply = send(HttpRequest::post("/exec/1/start", "{}"), HttpReply::Mode::Upgrade);
    QIODevice* connection = nullptr;
    QByteArray leftover;
    connect(reply, &HttpReply::upgraded, this,
            [&] { connection = reply->takeConnection(&leftover); });
    waitFor(reply);
    QVERIFY(connection);
    std::unique_ptr<QIODevice> owned(connection);
    QVERIFY(m_server->request().contains("Upgrade: tcp\r\n"));
    QByteArray all = leftover;
    QTRY_VERIFY_WITH_TIMEOUT((all += connection->readAll()).endsWith("second"), 5000);
    QCOMPARE(all, QByteArray("firstsecond"));
}

void TestHttpClient::abortFinishesOnce()
{
    m_server->setScript([](QLocalSocket*) {}); // never answers
    HttpReply* reply = send(HttpRequest::get("/version"));
    QSignalSpy finished(reply, &HttpReply::finished);
    QTest::qWait(50);
    reply->abort();
    reply->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind, Error::Cancelled);
}

void TestHttpClient::tcpPeerThatNeverAnswersTimesOut()
{
    TcpPeer peer([](QTcpSocket*) {});
    HttpClient client(Endpoint::fromUrl(peer.url()));
    client.setRequestTimeoutMs(300);
    HttpReply* reply = client.send(HttpRequest::get("/version"));
    waitFor(reply);
    QCOMPARE(peer.accepted(), 1);
    QCOMPARE(reply->error().kind, Error::Timeout);
    QCOMPARE(reply->error().message,
             HttpClient::tr("The engine did not answer within %n s.", nullptr, 1));
}

void TestHttpClient::tcpPeerThatStallsMidBodyTimesOut()
{
    TcpPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n[{\"Id\":");
    });
    HttpClient client(Endpoint::fromUrl(peer.url()));
    client.setRequestTimeoutMs(300);
    HttpReply* reply = client.send(HttpRequest::get("/containers/json"));
    waitFor(reply);
    QCOMPARE(reply->status(), 200);
    QCOMPARE(reply->error().kind, Error::Timeout);
    QCOMPARE(
        reply->error().message,
        HttpClient::tr("The engine stopped sending in the middle of a response (nothing for %n s).",
                       nullptr, 1));
}

void TestHttpClient::tlsPeerThatNeverHandshakesTimesOut()
{
    TcpPeer peer([](QTcpSocket*) {});
    const Endpoint endpoint = Endpoint::fromUrl(peer.url(QStringLiteral("https")));
    HttpClient client(endpoint);
    client.setConnectTimeoutMs(300);
    HttpReply* reply = client.send(HttpRequest::get("/version"));
    waitFor(reply);
    QCOMPARE(reply->error().kind, Error::Timeout);
    QVERIFY(reply->error().message.contains(endpoint.url));
}

void TestHttpClient::quietStreamIsNotCutOff()
{
    TcpPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        // Silent for several request timeouts, as an idle event stream is.
        QTimer::singleShot(600, socket, [socket] {
            socket->write("3\r\nend\r\n0\r\n\r\n");
            socket->disconnectFromHost();
        });
    });
    HttpClient client(Endpoint::fromUrl(peer.url()));
    client.setRequestTimeoutMs(100);
    HttpReply* reply = client.send(HttpRequest::get("/events"), HttpReply::Mode::Streaming);
    QByteArray streamed;
    connect(reply, &HttpReply::dataReceived, this,
            [&streamed](const QByteArray& data) { streamed += data; });
    waitFor(reply);
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().fullText()));
    QCOMPARE(streamed, QByteArray("end"));
}

void TestHttpClient::streamsKeepAlive()
{
    TcpPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
    });
    HttpClient client(Endpoint::fromUrl(peer.url()));
    HttpReply* reply =
        client.send(HttpRequest::post("/exec/1/start", "{}"), HttpReply::Mode::Upgrade);
    QIODevice* connection = nullptr;
    connect(reply, &HttpReply::upgraded, this,
            [&] { connection = reply->takeConnection(nullptr); });
    waitFor(reply);
    QVERIFY(connection);
    std::unique_ptr<QIODevice> owned(connection);
    auto* socket = qobject_cast<QTcpSocket*>(connection);
    QVERIFY(socket);
    QCOMPARE(socket->socketOption(QAbstractSocket::KeepAliveOption).toInt(), 1);
}

void TestHttpClient::connectionsAreReused()
{
    FakeEngine engine;
    HttpClient client(Endpoint::fromUrl(engine.url()));
    for (int i = 0; i < 20; ++i) {
        HttpReply* reply = client.send(HttpRequest::get("/_ping"));
        waitFor(reply);
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().fullText()));
        QCOMPARE(reply->body(), QByteArray("OK"));
        delete reply;
    }
    QCOMPARE(engine.requests("/_ping"), 20);
    QCOMPARE(engine.accepted(), 1);
    QCOMPARE(client.connectionsOpened(), 1);
    QCOMPARE(client.idleConnections(), 1);
}

void TestHttpClient::burstStaysWithinThePool()
{
    FakeEngine engine;
    HttpClient client(Endpoint::fromUrl(engine.url()));
    client.setMaxConnections(3);
    QList<HttpReply*> replies;
    for (int i = 0; i < 50; ++i)
        replies << client.send(HttpRequest::get("/version"));
    for (HttpReply* reply : std::as_const(replies)) {
        waitFor(reply);
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().fullText()));
        QCOMPARE(reply->status(), 200);
    }
    QCOMPARE(engine.requests("/version"), 50);
    QVERIFY2(engine.accepted() <= 3, QByteArray::number(engine.accepted()));
    QVERIFY(client.connectionsOpened() <= 3);
}

void TestHttpClient::connectionClosedWhileIdleIsReplaced()
{
    // Answers each request, then closes the connection a moment later, as a peer with a short
    // idle timeout does.
    TcpPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
        QTimer::singleShot(50, socket, [socket] { socket->disconnectFromHost(); });
    });
    HttpClient client(Endpoint::fromUrl(peer.url()));
    for (int i = 0; i < 3; ++i) {
        HttpReply* reply = client.send(HttpRequest::get("/_ping"));
        waitFor(reply);
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().fullText()));
        QCOMPARE(reply->body(), QByteArray("OK"));
        QTest::qWait(200);
    }
    QCOMPARE(peer.accepted(), 3);
    QCOMPARE(client.idleConnections(), 0);
}

void TestHttpClient::closingResponseIsNotReused()
{
    TcpPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nOK");
    });
    HttpClient client(Endpoint::fromUrl(peer.url()));
    for (int i = 0; i < 2; ++i) {
        HttpReply* reply = client.send(HttpRequest::get("/_ping"));
        waitFor(reply);
        QVERIFY(!reply->error().isError());
    }
    QCOMPARE(peer.accepted(), 2);
    QCOMPARE(client.idleConnections(), 0);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
