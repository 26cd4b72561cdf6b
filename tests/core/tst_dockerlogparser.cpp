#include "docker/DockerLogStream.h"

#include <QTest>

using Stream = LogStream::Stream;
using Message = DockerLogParser::Message;

namespace {

QByteArray frame(uchar type, const QByteArray& payload)
{
    QByteArray header(8, '\0');
    header[0] = char(type);
    const auto size = quint32(payload.size());
    header[4] = char(size >> 24);
    header[5] = char(size >> 16);
    header[6] = char(size >> 8);
    header[7] = char(size);
    return header + payload;
}

const QByteArray T1 = "2024-05-01T10:00:00.000000001Z";
const QByteArray T2 = "2024-05-01T10:00:00.000000002Z";
constexpr qint64 N1 = 1714557600LL * 1000000000 + 1;

struct Collected
{
    QList<Message> messages;
    DockerLogParser::Sink sink()
    {
        return [this](Message&& message) {
            messages.append(std::move(message));
        };
    }
};

} // namespace

class TestDockerLogParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timestamps();
    void framesByteByByte();
    void unknownStreamIsAnError();
    void engineErrorFrame();
    void hugeFrameHeaderAllocatesNothing();
    void ttyMessages();
    void resumeDropsWhatWasDelivered();
    void resumeSurvivesStreamsOutOfOrder();
};

void TestDockerLogParser::timestamps()
{
    qint64 ns = 0;
    QCOMPARE(LogStream::parseTimestamp(T1.constData(), T1.size(), &ns), T1.size());
    QCOMPARE(ns, N1);
    QCOMPARE(LogStream::formatTimestamp(ns), T1);
    const QByteArray offset = "2024-05-01T12:00:00.5+02:00 rest";
    QCOMPARE(LogStream::parseTimestamp(offset.constData(), offset.size(), &ns), 27);
    QCOMPARE(ns, N1 - 1 + 500000000);
    const QByteArray epoch = "1970-01-01T00:00:00Z";
    QCOMPARE(LogStream::parseTimestamp(epoch.constData(), epoch.size(), &ns), 20);
    QCOMPARE(ns, 0);
    for (const char* bad : {"2024-13-01T00:00:00Z", "2024-05-01 10:00:00Z", "2024-05-01T10:00:00",
                            "hello world, not a time", "2024-05-01T10:00:00.Z"}) {
        QCOMPARE(LogStream::parseTimestamp(bad, qsizetype(strlen(bad)), &ns), 0);
    }
    QCOMPARE(LogStream::formatTimestamp(-1), QByteArray("1969-12-31T23:59:59.999999999Z"));
}

void TestDockerLogParser::framesByteByByte()
{
    const QByteArray body = frame(1, T1 + " out\n") + frame(2, T2 + " err\n") +
                            frame(1, T2 + " part") + frame(1, "no time\n");
    DockerLogParser parser(false);
    Collected got;
    for (char byte : body)
        QVERIFY(parser.feed(QByteArrayView(&byte, 1), got.sink()));
    QCOMPARE(got.messages.size(), 4);
    QCOMPARE(got.messages[0].bytes, QByteArray("out\n"));
    QCOMPARE(got.messages[0].stream, Stream::Stdout);
    QCOMPARE(got.messages[0].timestamp, N1);
    QCOMPARE(got.messages[1].bytes, QByteArray("err\n"));
    QCOMPARE(got.messages[1].stream, Stream::Stderr);
    QCOMPARE(got.messages[2].bytes, QByteArray("part"));
    QCOMPARE(got.messages[2].timestamp, N1 + 1);
    // Without a timestamp the message keeps the previous one.
    QCOMPARE(got.messages[3].bytes, QByteArray("no time\n"));
    QCOMPARE(got.messages[3].timestamp, N1 + 1);
}

void TestDockerLogParser::unknownStreamIsAnError()
{
    DockerLogParser parser(false);
    Collected got;
    QVERIFY(!parser.feed(frame(1, T1 + " kept\n") + frame(0, "stdin?") + frame(1, T1 + " no\n"),
                         got.sink()));
    QCOMPARE(got.messages.size(), 1);
    QCOMPARE(got.messages[0].bytes, QByteArray("kept\n"));
    QCOMPARE(parser.error().kind, Error::Protocol);
    QVERIFY(!parser.feed("more", got.sink()));
    QCOMPARE(got.messages.size(), 1);

    DockerLogParser padded(false);
    QByteArray bad = frame(1, "x");
    bad[2] = 1;
    QVERIFY(!padded.feed(bad, got.sink()));
}

void TestDockerLogParser::engineErrorFrame()
{
    DockerLogParser parser(false);
    Collected got;
    QVERIFY(!parser.feed(frame(3, "disk on fire"), got.sink()));
    QCOMPARE(parser.error().kind, Error::Server);
    QCOMPARE(parser.error().detail, QStringLiteral("disk on fire"));
}

void TestDockerLogParser::hugeFrameHeaderAllocatesNothing()
{
    DockerLogParser parser(false);
    Collected got;
    QByteArray header(8, '\0');
    header[0] = 1;
    header[4] = header[5] = header[6] = header[7] = char(0xff);
    QVERIFY(parser.feed(header + T1 + " ", got.sink()));
    qint64 delivered = 0;
    const QByteArray piece(64 * 1024, 'z');
    for (int i = 0; i < 64; ++i) {
        QVERIFY(parser.feed(piece, got.sink()));
        for (const Message& message : std::as_const(got.messages)) {
            delivered += message.bytes.size();
            QCOMPARE(message.timestamp, N1);
            QVERIFY(message.bytes.size() <= piece.size());
        }
        got.messages.clear();
    }
    QCOMPARE(delivered, 64 * piece.size());
}

void TestDockerLogParser::ttyMessages()
{
    const QByteArray longLine(DockerLogParser::EngineLineSplit + 10, 'q');
    const QByteArray body =
        T1 + " hi\r\n" + T2 + " " + longLine.left(DockerLogParser::EngineLineSplit) + T2 + " " +
        longLine.mid(DockerLogParser::EngineLineSplit) + "\r\n" + T2 + " unfinished";
    DockerLogParser parser(true);
    Collected got;
    for (qsizetype at = 0; at < body.size(); at += 333)
        QVERIFY(parser.feed(QByteArrayView(body).sliced(at, qMin<qsizetype>(333, body.size() - at)),
                            got.sink()));
    QCOMPARE(got.messages.size(), 3);
    parser.finish(got.sink());
    QCOMPARE(got.messages.size(), 4);
    QCOMPARE(got.messages[0].bytes, QByteArray("hi\r\n"));
    QCOMPARE(got.messages[1].bytes, longLine.left(DockerLogParser::EngineLineSplit));
    QCOMPARE(got.messages[2].bytes, longLine.mid(DockerLogParser::EngineLineSplit) + "\r\n");
    QCOMPARE(got.messages[3].bytes, QByteArray("unfinished"));
    for (const Message& message : std::as_const(got.messages))
        QCOMPARE(message.stream, Stream::Stdout);
}

void TestDockerLogParser::resumeDropsWhatWasDelivered()
{
    LogResumeFilter filter;
    // Three messages share one timestamp; two of them got through before the break.
    QVERIFY(filter.accept(10));
    QVERIFY(filter.accept(20));
    QVERIFY(filter.accept(20));
    filter.rewind();
    QCOMPARE(filter.since(), qMax<qint64>(1, 20 - LogResumeFilter::WindowNs));
    // The engine sends again from `since`, inclusive, and maybe older lines too.
    QVERIFY(!filter.accept(10));
    QVERIFY(!filter.accept(20));
    QVERIFY(!filter.accept(20));
    QVERIFY(filter.accept(20));
    QVERIFY(filter.accept(30));
    // A second break right after: the 20s are no longer the last.
    filter.rewind();
    QVERIFY(!filter.accept(20));
    QVERIFY(!filter.accept(30));
    QVERIFY(filter.accept(30));
    QVERIFY(filter.accept(31));
    // Once past the resume point, equal timestamps are new lines.
    QVERIFY(filter.accept(31));
    // Before anything was seen there is nothing to drop.
    LogResumeFilter fresh;
    fresh.rewind();
    QVERIFY(fresh.accept(5));
}

void TestDockerLogParser::resumeSurvivesStreamsOutOfOrder()
{
    // stderr's line was stamped later but stored before stdout's: the newest time is not the
    // last one delivered, and resuming from the last would send the stderr line twice.
    const qint64 second = 1000000000;
    LogResumeFilter filter;
    QVERIFY(filter.accept(100 * second, Stream::Stdout, "a"));
    QVERIFY(filter.accept(200 * second + 5, Stream::Stderr, "late err"));
    QVERIFY(filter.accept(200 * second + 3, Stream::Stdout, "late out"));
    filter.rewind();
    QVERIFY(filter.since() <= 200 * second + 3);
    QVERIFY(!filter.accept(200 * second + 5, Stream::Stderr, "late err"));
    QVERIFY(!filter.accept(200 * second + 3, Stream::Stdout, "late out"));
    // A line in the window that was never delivered still gets through.
    QVERIFY(filter.accept(200 * second + 4, Stream::Stdout, "never seen"));
    QVERIFY(filter.accept(300 * second, Stream::Stdout, "after the restart"));
    QVERIFY(filter.accept(300 * second, Stream::Stdout, "after the restart"));
}

QTEST_GUILESS_MAIN(TestDockerLogParser)
#include "tst_dockerlogparser.moc"
