#include "BackendFixture.h"
#include "LogCollector.h"

using namespace DockerTestEnvironment;

class TestDockerLogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stdoutAndStderrApart();
    void tailAndSince();
    void followEndsWhenTheSandboxStops();
    void restartMidwayLosesAndRepeatsNothing();
    void ttyIsRaw();
    void bytesSurviveExactly();
    void longLineWithoutNewline();
    void unknownSandboxFails();

private:
    QString finished(const QStringList& options, const QString& script);

    std::unique_ptr<DockerBackend> m_backend;
    QStringList m_containers;
};

void TestDockerLogs::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 15000);
}

void TestDockerLogs::cleanupTestCase()
{
    if (!m_containers.isEmpty())
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + m_containers);
}

QString TestDockerLogs::finished(const QStringList& options, const QString& script)
{
    const QString id = runContainer(options, script);
    if (!id.isEmpty()) {
        m_containers << id;
        docker({QStringLiteral("wait"), id});
    }
    return id;
}

void TestDockerLogs::stdoutAndStderrApart()
{
    const QString id =
        finished({}, QStringLiteral("echo one; echo two; echo err >&2; echo three; printf tail"));
    QVERIFY(!id.isEmpty());
    LogOptions options;
    options.follow = false;
    LogStream* stream = m_backend->openLogs(id, options);
    LogCollector logs(stream);
    QTRY_VERIFY_WITH_TIMEOUT(logs.ended || logs.failure.isError(), 15000);
    QVERIFY2(!logs.failure.isError(), qPrintable(logs.failure.fullText()));
    QCOMPARE(logs.raw[1], QByteArray("one\ntwo\nthree\ntail"));
    QCOMPARE(logs.raw[2], QByteArray("err\n"));
    const auto cli = cliLogs(id);
    QCOMPARE(logs.stamped[1], cli[1]);
    QCOMPARE(logs.stamped[2], cli[2]);

    QCOMPARE(logs.buffer.count(), 5);
    QCOMPARE(logs.lines(LogStream::Stream::Stdout),
             QList<QByteArray>({"one", "two", "three", "tail"}));
    QCOMPARE(logs.lines(LogStream::Stream::Stderr), QList<QByteArray>({"err"}));
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000000;
    // The engine copies stdout and stderr separately, so time only rises within one stream.
    QHash<int, qint64> lastOfStream;
    for (qint64 i = 0; i < logs.buffer.count(); ++i) {
        QVERIFY(logs.buffer.timestamp(i) > now - 600LL * 1000000000);
        QVERIFY(logs.buffer.timestamp(i) <= now);
        const int origin = int(logs.buffer.stream(i));
        QVERIFY(logs.buffer.timestamp(i) >= lastOfStream.value(origin));
        lastOfStream.insert(origin, logs.buffer.timestamp(i));
    }
    delete stream;
}

void TestDockerLogs::tailAndSince()
{
    const QString id = finished(
        {},
        QStringLiteral("echo a; echo b; echo c; sleep 1.2; echo d; sleep 0.3; echo e >&2; echo f"));
    QVERIFY(!id.isEmpty());

    LogOptions options;
    options.follow = false;
    options.tail = 2;
    LogStream* tailed = m_backend->openLogs(id, options);
    LogCollector tail(tailed);
    QTRY_VERIFY_WITH_TIMEOUT(tail.ended, 15000);
    const auto cliTail = cliLogs(id, {QStringLiteral("--tail"), QStringLiteral("2")});
    QCOMPARE(tail.stamped[1], cliTail[1]);
    QCOMPARE(tail.stamped[2], cliTail[2]);
    QVERIFY(tail.raw[1].endsWith("f\n"));
    QVERIFY(!tail.raw[1].contains('c'));

    options.tail = -1;
    LogStream* all = m_backend->openLogs(id, options);
    LogCollector everything(all);
    QTRY_VERIFY_WITH_TIMEOUT(everything.ended, 15000);
    QCOMPARE(everything.buffer.count(), 6);
    qint64 dAt = 0;
    for (qint64 i = 0; i < everything.buffer.count(); ++i) {
        if (everything.buffer.line(i) == "d")
            dAt = everything.buffer.timestamp(i);
    }
    QVERIFY(dAt > 0);

    options.since = LogStream::toDateTime(dAt);
    LogStream* since = m_backend->openLogs(id, options);
    LogCollector recent(since);
    QTRY_VERIFY_WITH_TIMEOUT(recent.ended, 15000);
    QCOMPARE(recent.raw[1], QByteArray("d\nf\n"));
    QCOMPARE(recent.raw[2], QByteArray("e\n"));

    // Times that nanoseconds cannot hold (a date picker allows them) are clamped, not wrapped:
    // after 2262 nothing is that recent, before 1677 everything is.
    options.since = QDateTime(QDate(3000, 1, 1), QTime(0, 0), Qt::UTC);
    LogStream* far = m_backend->openLogs(id, options);
    LogCollector future(far);
    QTRY_VERIFY_WITH_TIMEOUT(future.ended, 15000);
    QCOMPARE(future.messages, 0);
    options.since = QDateTime(QDate(1600, 1, 1), QTime(0, 0), Qt::UTC);
    LogStream* old = m_backend->openLogs(id, options);
    LogCollector past(old);
    QTRY_VERIFY_WITH_TIMEOUT(past.ended, 15000);
    QCOMPARE(past.buffer.count(), 6);
    delete tailed;
    delete all;
    delete since;
    delete far;
    delete old;
}

void TestDockerLogs::followEndsWhenTheSandboxStops()
{
    const QString id = runContainer(
        {}, QStringLiteral("for i in 1 2 3 4 5 6; do echo line $i; sleep 0.2; done; echo bye >&2"));
    QVERIFY(!id.isEmpty());
    m_containers << id;
    LogStream* stream = m_backend->openLogs(id, LogOptions());
    LogCollector logs(stream);
    QTRY_VERIFY_WITH_TIMEOUT(logs.raw[1].contains("line 2\n"), 15000);
    QCOMPARE(logs.interruptions, 0); // still following
    QTRY_COMPARE_WITH_TIMEOUT(logs.interruptions, 1, 15000);
    QVERIFY(!logs.lastInterruption.isError());
    QCOMPARE(logs.raw[1], QByteArray("line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n"));
    QCOMPARE(logs.raw[2], QByteArray("bye\n"));
    QVERIFY(!logs.ended);
    QVERIFY(!logs.failure.isError());
    stream->stop();
    delete stream;
}

void TestDockerLogs::restartMidwayLosesAndRepeatsNothing()
{
    // A stderr line too, and lines printed while nobody reads (between stop and start).
    const QString id = runContainer(
        {}, QStringLiteral("echo started $(date +%s%N) >&2; i=0; while [ $i -lt 400 ]; do "
                           "i=$((i+1)); echo \"n $i\"; sleep 0.05; done"));
    QVERIFY(!id.isEmpty());
    m_containers << id;
    LogStream* stream = m_backend->openLogs(id, LogOptions());
    LogCollector logs(stream);
    QTRY_VERIFY_WITH_TIMEOUT(logs.raw[1].contains("n 5\n"), 15000);
    QCOMPARE(
        docker({QStringLiteral("restart"), QStringLiteral("-t"), QStringLiteral("0"), id}).exitCode,
        0);
    QTRY_VERIFY_WITH_TIMEOUT(logs.interruptions >= 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(logs.resumptions >= 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(logs.raw[2].count("started") == 2, 15000);
    const qsizetype before = logs.raw[1].size();
    QTRY_VERIFY_WITH_TIMEOUT(logs.raw[1].size() > before + 40, 15000);
    QCOMPARE(
        docker({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), id}).exitCode,
        0);
    const int interruptions = logs.interruptions;
    QTRY_VERIFY_WITH_TIMEOUT(logs.interruptions > interruptions, 15000);
    QTest::qWait(500); // any retry in flight finishes
    const auto cli = cliLogs(id);
    QCOMPARE(logs.stamped[1], cli[1]);
    QCOMPARE(logs.stamped[2], cli[2]);
    QVERIFY(!logs.failure.isError());
    delete stream;
}

void TestDockerLogs::ttyIsRaw()
{
    const QString id = finished(
        {QStringLiteral("-t")},
        QStringLiteral("echo hi; echo err >&2; head -c 40000 /dev/zero | tr '\\0' a; echo; "
                       "printf 'end'"));
    QVERIFY(!id.isEmpty());
    LogOptions options;
    options.follow = false;
    LogStream* stream = m_backend->openLogs(id, options);
    LogCollector logs(stream);
    QTRY_VERIFY_WITH_TIMEOUT(logs.ended, 15000);
    QCOMPARE(logs.raw[2], QByteArray());
    QCOMPARE(logs.raw[1], "hi\r\nerr\r\n" + QByteArray(40000, 'a') + "\r\nend");
    // The engine cut the long line in three; the timestamps in between are gone.
    QCOMPARE(logs.stamped[1], cliLogs(id)[1]);
    QCOMPARE(logs.buffer.count(), 4);
    QCOMPARE(logs.buffer.line(2), QByteArray(40000, 'a') + '\r');
    QCOMPARE(logs.buffer.line(3), QByteArray("end"));
    delete stream;
}

void TestDockerLogs::bytesSurviveExactly()
{
    // The json-file driver turns invalid UTF-8 into U+FFFD when it stores a line; the local
    // driver keeps the bytes, so what the engine has is what must arrive.
    const QString id =
        finished({QStringLiteral("--log-driver"), QStringLiteral("local")},
                 QStringLiteral("printf 'nul\\000in\\377\\376 line \\033[31mred\\033[0m\\r\\n'; "
                                "printf '\\033]0;title\\007\\001\\n' >&2"));
    QVERIFY(!id.isEmpty());
    LogOptions options;
    options.follow = false;
    LogStream* stream = m_backend->openLogs(id, options);
    LogCollector logs(stream);
    QTRY_VERIFY_WITH_TIMEOUT(logs.ended, 15000);
    QCOMPARE(logs.raw[1], QByteArray("nul\0in\xff\xfe line \x1b[31mred\x1b[0m\r\n", 28));
    QCOMPARE(logs.raw[2], QByteArray("\x1b]0;title\x07\x01\n"));
    QCOMPARE(logs.lines(LogStream::Stream::Stdout),
             QList<QByteArray>{QByteArray("nul\0in\xff\xfe line \x1b[31mred\x1b[0m\r", 27)});
    delete stream;
}

void TestDockerLogs::longLineWithoutNewline()
{
    const qint64 size = 64 * 1024 * 1024;
    const QString id = finished({}, QStringLiteral("head -c %1 /dev/zero | tr '\\0' a").arg(size));
    QVERIFY(!id.isEmpty());
    LogOptions options;
    options.follow = false;
    LogStream* stream = m_backend->openLogs(id, options);
    LogCollector logs(stream, 8 * 1024 * 1024);
    QTRY_VERIFY_WITH_TIMEOUT(logs.ended || logs.failure.isError(), 120000);
    QVERIFY2(!logs.failure.isError(), qPrintable(logs.failure.fullText()));
    QCOMPARE(logs.total[1], size);
    QCOMPARE(logs.buffer.totalBytes(), size);
    QCOMPARE(logs.buffer.count(), size / logs.buffer.maxLineLength());
    QVERIFY(logs.buffer.spilledBytes() > 0);
    QVERIFY(logs.buffer.memoryBytes() <= 8 * 1024 * 1024);
    for (qint64 i = 0; i < logs.buffer.count(); ++i) {
        // The last piece too: it was cut at the cap before the end was known.
        QVERIFY(logs.buffer.isContinued(i));
        const QByteArray line = logs.buffer.line(i);
        QCOMPARE(line.size(), logs.buffer.maxLineLength());
        QCOMPARE(line.count('a'), line.size());
    }
    delete stream;
}

void TestDockerLogs::unknownSandboxFails()
{
    LogStream* stream = m_backend->openLogs(QStringLiteral("no-such-sandbox-here"), LogOptions());
    LogCollector logs(stream);
    QTRY_VERIFY_WITH_TIMEOUT(logs.failure.isError(), 15000);
    QCOMPARE(logs.failure.kind, Error::NotFound);
    QVERIFY(!logs.failure.message.isEmpty());
    delete stream;
}

QTEST_GUILESS_MAIN(TestDockerLogs)
#include "tst_dockerlogs.moc"
