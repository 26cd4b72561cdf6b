#include "eci/EciExecChannel.h"

#include <QTest>

namespace {

struct Frame
{
    EciExecChannel::Channel channel;
    QByteArray payload;
    bool operator==(const Frame& other) const
    {
        return channel == other.channel && payload == other.payload;
    }
};

struct Collector
{
    EciExecChannel decoder;
    QList<Frame> frames;
    Collector()
    {
        decoder.onFrame = [this](EciExecChannel::Channel channel, const QByteArray& payload) {
            frames.append({channel, payload});
        };
    }
};

} // namespace

class TestEciExecChannel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void everySplit();
    void dataIsSplitIntoBoundedMessages();
    void resize();
    void resizeRejectsNonsense_data();
    void resizeRejectsNonsense();
    void status();
    void statusIsReadTolerantly_data();
    void statusIsReadTolerantly();
    void emptyFrameIsAnError();
    void unknownChannelIsAnError();
    void oversizedFrameIsAnError();
    void nothingAfterAnError();
};

void TestEciExecChannel::roundTrip_data()
{
    QTest::addColumn<int>("channel");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("stdin") << 0 << QByteArray("echo hi\n");
    QTest::newRow("stdout binary") << 1 << QByteArray("\x00\x01\xff\x04 bytes", 10);
    QTest::newRow("stderr") << 2 << QByteArray("error: \xe4\xb8\xad\n");
    QTest::newRow("empty stdout") << 1 << QByteArray();
    QTest::newRow("resize") << 3 << QByteArray(R"({"Width":80,"Height":24})");
    QTest::newRow("status") << 4 << QByteArray(R"({"status":"Success"})");
}

void TestEciExecChannel::roundTrip()
{
    QFETCH(int, channel);
    QFETCH(QByteArray, payload);
    const QByteArray message = EciExecChannel::encode(EciExecChannel::Channel(channel), payload);
    QCOMPARE(message.size(), payload.size() + 1);
    QCOMPARE(int(quint8(message.at(0))), channel);
    Collector c;
    QVERIFY(c.decoder.feedMessage(message));
    QCOMPARE(c.frames.size(), 1);
    QCOMPARE(int(c.frames.first().channel), channel);
    QCOMPARE(c.frames.first().payload, payload);
}

void TestEciExecChannel::everySplit()
{
    const QByteArray payload("stdout \x00 with a NUL and \xe2\x80\xa6 UTF-8", 34);
    const QByteArray message = EciExecChannel::encode(EciExecChannel::Stdout, payload);
    // Every way of cutting the message into two or three WebSocket frames gives the same frame.
    for (qsizetype i = 0; i <= message.size(); ++i) {
        for (qsizetype j = i; j <= message.size(); ++j) {
            Collector c;
            QVERIFY(c.decoder.feedFragment(message.left(i), false));
            QVERIFY(c.decoder.feedFragment(message.mid(i, j - i), false));
            QVERIFY(c.frames.isEmpty());
            QVERIFY(c.decoder.feedFragment(message.mid(j), true));
            QCOMPARE(c.frames.size(), 1);
            QCOMPARE(c.frames.first(), (Frame{EciExecChannel::Stdout, payload}));
        }
    }
    // Several messages one after another keep their order and channels.
    Collector c;
    for (const auto& frame :
         {Frame{EciExecChannel::Stdout, "a"}, Frame{EciExecChannel::Stderr, "b"},
          Frame{EciExecChannel::Stdout, "c"}})
        QVERIFY(c.decoder.feedMessage(EciExecChannel::encode(frame.channel, frame.payload)));
    QCOMPARE(c.frames.size(), 3);
    QCOMPARE(c.frames.at(1), (Frame{EciExecChannel::Stderr, "b"}));
}

void TestEciExecChannel::dataIsSplitIntoBoundedMessages()
{
    QByteArray big(EciExecChannel::maxDataPayloadBytes * 2 + 17, 'x');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i % 251);
    const QList<QByteArray> messages = EciExecChannel::encodeData(EciExecChannel::Stdin, big);
    QCOMPARE(messages.size(), 3);
    Collector c;
    QByteArray joined;
    for (const QByteArray& message : messages) {
        QVERIFY(message.size() <= EciExecChannel::maxDataPayloadBytes + 1);
        QVERIFY(c.decoder.feedMessage(message));
    }
    for (const Frame& frame : std::as_const(c.frames)) {
        QCOMPARE(frame.channel, EciExecChannel::Stdin);
        joined += frame.payload;
    }
    QCOMPARE(joined, big);
    QVERIFY(EciExecChannel::encodeData(EciExecChannel::Stdin, {}).isEmpty());
}

void TestEciExecChannel::resize()
{
    const QByteArray message = EciExecChannel::encodeResize(132, 43);
    QCOMPARE(quint8(message.at(0)), quint8(EciExecChannel::Resize));
    int columns = 0;
    int rows = 0;
    QVERIFY(EciExecChannel::parseResize(message.mid(1), &columns, &rows));
    QCOMPARE(columns, 132);
    QCOMPARE(rows, 43);
    // Other writers' spellings are read too.
    QVERIFY(EciExecChannel::parseResize(R"({"width":"100","height":30,"x":1})", &columns, &rows));
    QCOMPARE(columns, 100);
    QCOMPARE(rows, 30);
}

void TestEciExecChannel::resizeRejectsNonsense_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("80x24");
    QTest::newRow("array") << QByteArray("[80,24]");
    QTest::newRow("missing height") << QByteArray(R"({"Width":80})");
    QTest::newRow("zero") << QByteArray(R"({"Width":0,"Height":24})");
    QTest::newRow("negative") << QByteArray(R"({"Width":80,"Height":-1})");
    QTest::newRow("huge") << QByteArray(R"({"Width":1e12,"Height":24})");
    QTest::newRow("fraction") << QByteArray(R"({"Width":80.5,"Height":24})");
    QTest::newRow("text") << QByteArray(R"({"Width":"wide","Height":24})");
}

void TestEciExecChannel::resizeRejectsNonsense()
{
    QFETCH(QByteArray, payload);
    int columns = 7;
    int rows = 7;
    QVERIFY(!EciExecChannel::parseResize(payload, &columns, &rows));
    QCOMPARE(columns, 7);
    QCOMPARE(rows, 7);
}

void TestEciExecChannel::status()
{
    const auto success = EciExecChannel::parseStatus(EciExecChannel::encodeExitStatus(0).mid(1));
    QVERIFY(success.valid);
    QVERIFY(success.success);
    QCOMPARE(success.exitCode, 0);
    for (const int code : {1, 3, 127, 255}) {
        const QByteArray message = EciExecChannel::encodeExitStatus(code);
        QCOMPARE(quint8(message.at(0)), quint8(EciExecChannel::Status));
        const auto failure = EciExecChannel::parseStatus(message.mid(1));
        QVERIFY(failure.valid);
        QVERIFY(!failure.success);
        QCOMPARE(failure.exitCode, code);
        QCOMPARE(failure.reason, QStringLiteral("NonZeroExitCode"));
    }
    const auto failed =
        EciExecChannel::parseStatus(EciExecChannel::encodeFailure(QStringLiteral("InternalError"),
                                                                  QStringLiteral("no such file"))
                                        .mid(1));
    QVERIFY(failed.valid);
    QVERIFY(!failed.success);
    QCOMPARE(failed.exitCode, -1);
    QCOMPARE(failed.reason, QStringLiteral("InternalError"));
    QCOMPARE(failed.message, QStringLiteral("no such file"));
}

void TestEciExecChannel::statusIsReadTolerantly_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("kubernetes success with metadata")
        << QByteArray(R"({"metadata":{},"status":"Success"})") << true << 0;
    QTest::newRow("lower case") << QByteArray(R"({"status":"success"})") << true << 0;
    QTest::newRow("exit code as number")
        << QByteArray(
               R"({"status":"Failure","details":{"causes":[{"reason":"ExitCode","message":42}]}})")
        << true << 42;
    QTest::newRow("other causes first")
        << QByteArray(R"({"Status":"Failure","Details":{"Causes":[{"reason":"Other"},)"
                      R"({"reason":"ExitCode","message":"2"}]}})")
        << true << 2;
    QTest::newRow("exit code out of range")
        << QByteArray(
               R"({"status":"Failure","details":{"causes":[{"reason":"ExitCode","message":"999"}]}})")
        << true << -1;
    for (const char* hostile : {"1e300", "-1e300", "9.3e18", "42.5"}) {
        QTest::newRow(qPrintable(QStringLiteral("exit code %1").arg(QLatin1String(hostile))))
            << QByteArray(R"({"status":"Failure","details":{"causes":[{"reason":"ExitCode",)"
                          R"("message":)") +
                   hostile + "}]}}"
            << true << -1;
    }
    QTest::newRow("exit code not a number")
        << QByteArray(
               R"({"status":"Failure","details":{"causes":[{"reason":"ExitCode","message":"x"}]}})")
        << true << -1;
    QTest::newRow("causes not an array")
        << QByteArray(R"({"status":"Failure","details":{"causes":"nope"}})") << true << -1;
    QTest::newRow("unknown status") << QByteArray(R"({"status":"Maybe"})") << false << -1;
    QTest::newRow("not json") << QByteArray("exit 0") << false << -1;
    QTest::newRow("empty") << QByteArray() << false << -1;
    QTest::newRow("array") << QByteArray("[]") << false << -1;
}

void TestEciExecChannel::statusIsReadTolerantly()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, valid);
    QFETCH(int, exitCode);
    const auto status = EciExecChannel::parseStatus(payload);
    QCOMPARE(status.valid, valid);
    QCOMPARE(status.exitCode, exitCode);
}

void TestEciExecChannel::emptyFrameIsAnError()
{
    Collector c;
    QVERIFY(!c.decoder.feedMessage({}));
    QVERIFY(c.decoder.isFailed());
    QVERIFY(!c.decoder.errorString().isEmpty());
    QVERIFY(c.frames.isEmpty());
}

void TestEciExecChannel::unknownChannelIsAnError()
{
    for (const int channel : {5, 9, 127, 255}) {
        Collector c;
        QVERIFY(!c.decoder.feedMessage(QByteArray(1, char(channel)) + "data"));
        QVERIFY(c.decoder.errorString().contains(QString::number(channel)));
        QVERIFY(c.frames.isEmpty());
    }
}

void TestEciExecChannel::oversizedFrameIsAnError()
{
    // At the limit is fine.
    Collector fits;
    QVERIFY(fits.decoder.feedMessage(EciExecChannel::encode(
        EciExecChannel::Stdout, QByteArray(EciExecChannel::maxMessageBytes - 1, 'a'))));
    QCOMPARE(fits.frames.size(), 1);

    // One byte more is not, whether whole or in fragments, and the fragments are not kept.
    Collector whole;
    QVERIFY(!whole.decoder.feedMessage(QByteArray(EciExecChannel::maxMessageBytes + 1, '\x01')));
    QVERIFY(whole.frames.isEmpty());
    Collector pieces;
    const QByteArray piece(64 * 1024, '\x01');
    bool ok = true;
    qsizetype fed = 0;
    while (ok && fed <= EciExecChannel::maxMessageBytes) {
        ok = pieces.decoder.feedFragment(piece, false);
        fed += piece.size();
    }
    QVERIFY(!ok);
    QVERIFY(pieces.decoder.errorString().contains(QLatin1String("larger")));
    QVERIFY(pieces.frames.isEmpty());
}

void TestEciExecChannel::nothingAfterAnError()
{
    Collector c;
    QVERIFY(c.decoder.feedMessage(EciExecChannel::encode(EciExecChannel::Stdout, "kept")));
    QVERIFY(!c.decoder.feedMessage(QByteArray(1, char(7))));
    QVERIFY(!c.decoder.feedMessage(EciExecChannel::encode(EciExecChannel::Stdout, "dropped")));
    QCOMPARE(c.frames.size(), 1);
    QCOMPARE(c.frames.first().payload, QByteArray("kept"));
}

QTEST_GUILESS_MAIN(TestEciExecChannel)
#include "tst_eciexecchannel.moc"
