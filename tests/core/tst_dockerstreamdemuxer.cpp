#include "docker/DockerStreamDemuxer.h"

#include <QTest>

namespace {

QByteArray frame(char stream, const QByteArray& payload)
{
    QByteArray header(8, '\0');
    header[0] = stream;
    const quint32 size = quint32(payload.size());
    header[4] = char(size >> 24);
    header[5] = char(size >> 16);
    header[6] = char(size >> 8);
    header[7] = char(size);
    return header + payload;
}

} // namespace

class TestDockerStreamDemuxer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anySplitGivesTheSameStreams();
    void emptyFramesAreFine();
    void hugeHeaderAllocatesNothing();
    void badHeadersFail_data();
    void badHeadersFail();
};

void TestDockerStreamDemuxer::anySplitGivesTheSameStreams()
{
    const QByteArray input = frame(1, "hello ") + frame(2, QByteArray("err\0or", 6)) +
                             frame(1, "world\n") + frame(3, "engine says no");
    for (int piece = 1; piece <= input.size(); ++piece) {
        DockerStreamDemuxer demuxer;
        QByteArray out;
        QByteArray err;
        QByteArray engine;
        demuxer.onPayload = [&](DockerStreamDemuxer::Stream stream, const QByteArray& payload) {
            (stream == DockerStreamDemuxer::Stdout   ? out
             : stream == DockerStreamDemuxer::Stderr ? err
                                                     : engine) += payload;
        };
        for (qsizetype at = 0; at < input.size(); at += piece)
            QVERIFY(demuxer.feed(input.mid(at, piece)));
        QVERIFY(demuxer.isAtFrameBoundary());
        QCOMPARE(out, QByteArray("hello world\n"));
        QCOMPARE(err, QByteArray("err\0or", 6));
        QCOMPARE(engine, QByteArray("engine says no"));
    }
}

void TestDockerStreamDemuxer::emptyFramesAreFine()
{
    DockerStreamDemuxer demuxer;
    int calls = 0;
    demuxer.onPayload = [&](DockerStreamDemuxer::Stream, const QByteArray&) {
        ++calls;
    };
    QVERIFY(demuxer.feed(frame(1, {}) + frame(2, {}) + frame(1, "x")));
    QCOMPARE(calls, 1);
}

void TestDockerStreamDemuxer::hugeHeaderAllocatesNothing()
{
    // 4 GiB announced, 3 bytes sent: they are handed on, and the frame is still open.
    DockerStreamDemuxer demuxer;
    QByteArray got;
    demuxer.onPayload = [&](DockerStreamDemuxer::Stream, const QByteArray& payload) {
        got += payload;
    };
    QVERIFY(demuxer.feed(QByteArray("\x01\0\0\0\xff\xff\xff\xff"
                                    "abc",
                                    11)));
    QCOMPARE(got, QByteArray("abc"));
    QVERIFY(!demuxer.isAtFrameBoundary());
}

void TestDockerStreamDemuxer::badHeadersFail_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("unknown stream") << QByteArray("\x07\0\0\0\0\0\0\x01x", 9);
    QTest::newRow("padding not zero") << QByteArray("\x01\x01\0\0\0\0\0\x01x", 9);
    QTest::newRow("text, not frames") << QByteArray("hello world, this is not framed\n");
}

void TestDockerStreamDemuxer::badHeadersFail()
{
    QFETCH(QByteArray, input);
    DockerStreamDemuxer demuxer;
    QByteArray got;
    demuxer.onPayload = [&](DockerStreamDemuxer::Stream, const QByteArray& payload) {
        got += payload;
    };
    // What came before the bad frame is kept.
    QVERIFY(demuxer.feed(frame(1, "kept")));
    QVERIFY(!demuxer.feed(input));
    QVERIFY(demuxer.isFailed());
    QCOMPARE(got, QByteArray("kept"));
    QVERIFY(!demuxer.feed(frame(1, "later")));
    QCOMPARE(got, QByteArray("kept"));
}

QTEST_GUILESS_MAIN(TestDockerStreamDemuxer)
#include "tst_dockerstreamdemuxer.moc"
