#include "net/HttpResponseParser.h"

#include <QTest>

namespace {

struct Outcome
{
    int status = 0;
    QByteArray body;
    bool done = false;
    bool failed = false;
    QByteArray rest;
};

// Feeds the response in pieces of the given size and collects what the parser reports.
Outcome parse(const QByteArray& response, int pieceSize, bool closeAtEnd = false, bool head = false)
{
    Outcome outcome;
    HttpResponseParser parser;
    parser.setHeadRequest(head);
    parser.onHeaders = [&] {
        outcome.status = parser.status();
    };
    parser.onBody = [&](const QByteArray& data) {
        outcome.body += data;
    };
    parser.onDone = [&] {
        outcome.done = true;
    };
    for (qsizetype at = 0; at < response.size(); at += pieceSize)
        outcome.rest += parser.feed(response.mid(at, pieceSize));
    if (closeAtEnd)
        parser.finishInput();
    outcome.failed = parser.isFailed();
    return outcome;
}

} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wellFormed_data();
    void wellFormed();
    void headIgnoresContentLength();
    void upgradeKeepsTheBytesBehind();
    void interimResponseIsSkipped();
    void malformed_data();
    void malformed();
    void truncated_data();
    void truncated();
    void hugeChunkSizeDoesNotAllocate();
    void chunksOfOneReadComeTogether();
    void endlessHeaderIsCapped();
};

void TestHttpResponseParser::wellFormed_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("closeAtEnd");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << false << 200
        << QByteArray("hello");
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "5\r\nhello\r\n1;ext=1\r\n!\r\n0\r\nX-T: 1\r\n\r\n")
                             << false << 200 << QByteArray("hello!");
    QTest::newRow("until close") << QByteArray("HTTP/1.0 200 OK\r\n\r\nstream of bytes") << true
                                 << 200 << QByteArray("stream of bytes");
    QTest::newRow("no content") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << 204
                                << QByteArray();
    QTest::newRow("bare LF lines") << QByteArray("HTTP/1.1 404 Not Found\nContent-Length: 2\n\n{}")
                                   << false << 404 << QByteArray("{}");
}

void TestHttpResponseParser::wellFormed()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, closeAtEnd);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    // Any split of the bytes must give the same result.
    for (int piece : {1, 2, 3, 7, 64, 4096}) {
        const Outcome outcome = parse(response, piece, closeAtEnd);
        QVERIFY2(!outcome.failed, qPrintable(QString::number(piece)));
        QVERIFY(outcome.done);
        QCOMPARE(outcome.status, status);
        QCOMPARE(outcome.body, body);
    }
}

void TestHttpResponseParser::headIgnoresContentLength()
{
    const Outcome outcome = parse("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", 5, false, true);
    QVERIFY(outcome.done);
    QVERIFY(outcome.body.isEmpty());
}

void TestHttpResponseParser::upgradeKeepsTheBytesBehind()
{
    for (int piece : {1, 5, 1000}) {
        const Outcome outcome = parse(
            "HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nraw\x01stream",
            piece);
        QVERIFY(!outcome.failed);
        QCOMPARE(outcome.status, 101);
        QCOMPARE(outcome.rest, QByteArray("raw\x01stream"));
    }
}

void TestHttpResponseParser::interimResponseIsSkipped()
{
    const Outcome outcome = parse(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", 3);
    QVERIFY(outcome.done);
    QCOMPARE(outcome.status, 201);
    QCOMPARE(outcome.body, QByteArray("ok"));
}

void TestHttpResponseParser::malformed_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n");
    QTest::newRow("bad code") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n");
    QTest::newRow("code too low") << QByteArray("HTTP/1.1 042 Huh\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nBroken\r\n\r\n");
    QTest::newRow("header with space in name")
        << QByteArray("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n");
    QTest::newRow("folded header") << QByteArray("HTTP/1.1 200 OK\r\nA: b\r\n c\r\n\r\n");
    QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("length not a number")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\nhello");
    QTest::newRow("conflicting lengths")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello");
    QTest::newRow("chunk size garbage")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QTest::newRow("chunk without CRLF")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY");
    QTest::newRow("unknown encoding")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n");
}

void TestHttpResponseParser::malformed()
{
    QFETCH(QByteArray, response);
    for (int piece : {1, 4096}) {
        const Outcome outcome = parse(response, piece);
        QVERIFY(outcome.failed);
        QVERIFY(!outcome.done);
    }
}

void TestHttpResponseParser::truncated_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("in status line") << QByteArray("HTTP/1.1 20");
    QTest::newRow("in headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le");
    QTest::newRow("short body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
    QTest::newRow("in chunk") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc");
    QTest::newRow("no last chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
}

void TestHttpResponseParser::truncated()
{
    QFETCH(QByteArray, response);
    const Outcome outcome = parse(response, 3, true);
    QVERIFY(outcome.failed);
    QVERIFY(!outcome.done);
}

void TestHttpResponseParser::hugeChunkSizeDoesNotAllocate()
{
    // 0xFFFFFFFFFFFF bytes announced, a few sent: the parser hands on what came and waits.
    HttpResponseParser parser;
    qint64 received = 0;
    parser.onBody = [&](const QByteArray& data) {
        received += data.size();
    };
    parser.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFF\r\nabc");
    QVERIFY(!parser.isFailed());
    QCOMPARE(received, 3);
    HttpResponseParser tooBig;
    tooBig.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                "FFFFFFFFFFFFFFFFFFFFFFFF\r\n");
    QVERIFY(tooBig.isFailed());
}

void TestHttpResponseParser::chunksOfOneReadComeTogether()
{
    // Three chunks in one read are one onBody call; the end is told after them.
    HttpResponseParser parser;
    QList<QByteArray> calls;
    parser.onBody = [&](const QByteArray& data) {
        calls << data;
    };
    parser.onDone = [&] {
        calls << "done";
    };
    parser.feed(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n3\r\ngh");
    QCOMPARE(calls, QList<QByteArray>{"abcdefgh"});
    parser.feed("i\r\n1\r\nj\r\n0\r\n\r\n");
    QCOMPARE(calls, (QList<QByteArray>{"abcdefgh", "ij", "done"}));
}

void TestHttpResponseParser::endlessHeaderIsCapped()
{
    HttpResponseParser line;
    line.feed("HTTP/1.1 200 OK\r\nX: ");
    const QByteArray block(64 * 1024, 'a');
    for (int i = 0; i < 4 && !line.isFailed(); ++i)
        line.feed(block);
    QVERIFY(line.isFailed());

    HttpResponseParser many;
    many.feed("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 1000 && !many.isFailed(); ++i)
        many.feed("X-" + QByteArray::number(i) + ": v\r\n");
    QVERIFY(many.isFailed());
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
