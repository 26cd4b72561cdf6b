#include "EciBackendFixture.h"
#include "eci/EciLogStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>

namespace {

const int Generous = 120000;

// Everything a stream delivers, as lines, with the signals around them.
struct Lines
{
    explicit Lines(LogStream* stream)
    {
        QObject::connect(stream, &LogStream::received, stream,
                         [this](LogStream::Stream which, const QByteArray& bytes, qint64 time) {
                             if (which != LogStream::Stream::Stdout)
                                 ++stderrPieces;
                             pending += bytes;
                             if (time <= 0)
                                 ++untimed;
                             qsizetype newline;
                             while ((newline = pending.indexOf('\n')) >= 0) {
                                 lines << pending.left(newline);
                                 times << time;
                                 pending.remove(0, newline + 1);
                             }
                         });
        QObject::connect(stream, &LogStream::interrupted, stream, [this](const Error& reason) {
            ++interruptions;
            lastInterruption = reason;
        });
        QObject::connect(stream, &LogStream::resumed, stream, [this] { ++resumptions; });
        QObject::connect(stream, &LogStream::ended, stream, [this] { ended = true; });
        QObject::connect(stream, &LogStream::failed, stream,
                         [this](const Error& error) { failure = error; });
    }

    bool has(const QByteArray& line) const { return lines.contains(line); }

    QList<QByteArray> lines;
    QList<qint64> times;
    QByteArray pending;
    int stderrPieces = 0;
    int untimed = 0;
    int interruptions = 0;
    int resumptions = 0;
    Error lastInterruption;
    bool ended = false;
    Error failure;
};

// The emulator as a bare process, so that it can go away and come back on the same port with
// the engine's containers left as they are (EciEmulatorProcess removes them when it stops).
quint16 startBareEmulator(QProcess* process, quint16 port)
{
    process->start(QStringLiteral(ECI_EMULATOR_PATH),
                   {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                    QStringLiteral("--docker-host"), qEnvironmentVariable("DOCKER_HOST"),
                    QStringLiteral("--access-key"),
                    EciEmulatorProcess::accessKeyId() + QLatin1Char(':') +
                        EciEmulatorProcess::accessKeySecret()});
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QByteArray out;
    const bool started = QTest::qWaitFor(
        [&] {
            out += process->readAllStandardOutput();
            return listening.match(QString::fromUtf8(out)).hasMatch() ||
                   process->state() == QProcess::NotRunning;
        },
        20000);
    const auto match = listening.match(QString::fromUtf8(out));
    return started && match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

QList<QByteArray> numbered(const QByteArray& prefix, int from, int to)
{
    QList<QByteArray> lines;
    for (int i = from; i <= to; ++i)
        lines << prefix + QByteArray::number(i);
    return lines;
}

} // namespace

class TestEciLogs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void knownLines();
    void followNeitherRepeatsNorLoses();
    void tail();
    void tailThenFollow();
    void since();
    void stoppedGroupInterruptsTheFollow();
    void followingAGroupThatHasStopped();
    void deletedGroupEndsTheFollow();
    void outageInterruptsAndResumesWithoutLoss();
    void groupWithTwoContainers();

private:
    // A connected backend in a region of its own, and one group in it running script.
    QString startGroup(const QString& script);
    std::unique_ptr<LogStream> open(const QString& id, const LogOptions& options);
    // The lines of one stream that does not follow, once it has ended.
    QList<QByteArray> fetch(const QString& id, LogOptions options, QList<qint64>* times = nullptr,
                            Error* failure = nullptr);

    QNetworkAccessManager m_network;
    std::unique_ptr<EciEmulatorProcess> m_emulator;
    std::unique_ptr<EciBackend> m_backend;
    QString m_region;
};

void TestEciLogs::init()
{
    REQUIRE_TEST_ENGINE();
    m_emulator = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY(m_emulator->start());
    m_region = DockerTestEnvironment::uniqueName(QStringLiteral("logs"));
    m_backend = makeEciBackend(&m_network, m_emulator->endpoint(), m_region);
    QSignalSpy settled(m_backend.get(), &Backend::settled);
    m_backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
}

void TestEciLogs::cleanup()
{
    m_backend.reset();
    m_emulator.reset();
}

QString TestEciLogs::startGroup(const QString& script)
{
    const EciOutcome created = awaitEci(
        m_backend->create(eciSpec(DockerTestEnvironment::uniqueName(QStringLiteral("g")), script)));
    if (created.error.isError()) {
        qWarning("create: %s", qPrintable(created.error.fullText()));
        return {};
    }
    const QString id = created.result.toString();
    const auto listed = [&] {
        bool found = false;
        m_backend->sandbox(id, &found);
        return found;
    };
    if (!QTest::qWaitFor(listed, Generous))
        return {};
    return id;
}

std::unique_ptr<LogStream> TestEciLogs::open(const QString& id, const LogOptions& options)
{
    std::unique_ptr<LogStream> stream(m_backend->openLogs(id, options));
    if (auto* eci = qobject_cast<EciLogStream*>(stream.get()))
        eci->setPollInterval(200);
    return stream;
}

QList<QByteArray> TestEciLogs::fetch(const QString& id, LogOptions options, QList<qint64>* times,
                                     Error* failure)
{
    options.follow = false;
    auto stream = open(id, options);
    Lines lines(stream.get());
    if (!QTest::qWaitFor([&] { return lines.ended || lines.failure.isError(); }, Generous))
        lines.failure = Error::make(Error::Timeout, QStringLiteral("the stream did not end"));
    if (lines.untimed > 0 || lines.stderrPieces > 0)
        lines.failure = Error::make(Error::Protocol, QStringLiteral("untimed or stderr pieces"));
    if (times)
        *times = lines.times;
    if (failure)
        *failure = lines.failure;
    return lines.lines;
}

void TestEciLogs::knownLines()
{
    const QString id = startGroup(QStringLiteral("for i in 1 2 3 4 5; do echo line-$i; done; "
                                                 "echo 'with  spaces and ünïcödé'; sleep 600"));
    QVERIFY(!id.isEmpty());
    // Until all six are written; each look is a fresh stream that ends by itself.
    QList<QByteArray> got;
    Error failure;
    QTRY_VERIFY_WITH_TIMEOUT(
        (got = fetch(id, {}, nullptr, &failure)).size() >= 6 || failure.isError(), Generous);
    QVERIFY2(!failure.isError(), qPrintable(failure.fullText()));
    QCOMPARE(got, numbered("line-", 1, 5) << QByteArray("with  spaces and ünïcödé"));
}

void TestEciLogs::followNeitherRepeatsNorLoses()
{
    // Bursts of lines, many within one second, spread over several polls.
    const QString id = startGroup(QStringLiteral(
        "n=0; for b in 1 2 3 4 5 6 7 8 9 10 11 12; do for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 "
        "15 16 17 18 19 20 21 22 23 24 25; do n=$((n+1)); echo n-$n; done; sleep 0.3; done; "
        "sleep 600"));
    QVERIFY(!id.isEmpty());
    LogOptions options;
    options.follow = true;
    const int before = m_emulator->requestCount();
    auto stream = open(id, options);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.has("n-300") || lines.failure.isError(), Generous);
    QVERIFY2(!lines.failure.isError(), qPrintable(lines.failure.fullText()));
    QCOMPARE(lines.lines, numbered("n-", 1, 300));
    for (qsizetype i = 1; i < lines.times.size(); ++i)
        QVERIFY(lines.times.at(i) >= lines.times.at(i - 1));
    // It took several polls, so the boundaries between them were crossed.
    QVERIFY(m_emulator->requestCount() - before >= 3);
    // Nothing more comes while nothing more is written.
    QTest::qWait(1000);
    QCOMPARE(lines.lines.size(), 300);
    QCOMPARE(lines.interruptions, 0);
}

void TestEciLogs::tail()
{
    const QString id =
        startGroup(QStringLiteral("for i in 1 2 3 4 5 6 7 8 9 10; do echo t-$i; done; sleep 600"));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        DockerTestEnvironment::docker({QStringLiteral("logs"), id}).out.contains("t-10"), Generous);
    LogOptions options;
    options.follow = false;
    options.tail = 3;
    auto stream = open(id, options);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.ended || lines.failure.isError(), Generous);
    QVERIFY2(!lines.failure.isError(), qPrintable(lines.failure.fullText()));
    QCOMPARE(lines.lines, numbered("t-", 8, 10));

    // A tail beyond the service's 2000 is asked as 2000, not refused.
    options.tail = 1000000;
    auto all = open(id, options);
    Lines allLines(all.get());
    QTRY_VERIFY_WITH_TIMEOUT(allLines.ended || allLines.failure.isError(), Generous);
    QVERIFY2(!allLines.failure.isError(), qPrintable(allLines.failure.fullText()));
    QCOMPARE(allLines.lines, numbered("t-", 1, 10));
}

void TestEciLogs::tailThenFollow()
{
    const QString id = startGroup(QStringLiteral(
        "i=0; while true; do i=$((i+1)); echo f-$i; echo f-$i-again; sleep 0.1; done"));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        DockerTestEnvironment::docker({QStringLiteral("logs"), id}).out.contains("f-10-again"),
        Generous);
    LogOptions options;
    options.follow = true;
    options.tail = 2;
    auto stream = open(id, options);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.lines.size() >= 60 || lines.failure.isError(), Generous);
    QVERIFY2(!lines.failure.isError(), qPrintable(lines.failure.fullText()));
    // Two lines of the tail, then every later line once: a gapless run of the sequence.
    QList<QByteArray> sequence;
    for (int i = 1; sequence.size() < 100000; ++i)
        sequence << QByteArray("f-") + QByteArray::number(i)
                 << QByteArray("f-") + QByteArray::number(i) + "-again";
    const qsizetype start = sequence.indexOf(lines.lines.first());
    QVERIFY2(start >= 18, lines.lines.first().constData()); // f-10-again was written before
    const QList<QByteArray> expected = sequence.mid(start, lines.lines.size());
    QCOMPARE(lines.lines, expected);
}

void TestEciLogs::since()
{
    const QString id = startGroup(
        QStringLiteral("echo early-1; echo early-2; sleep 3; echo late-1; echo late-2; sleep 600"));
    QVERIFY(!id.isEmpty());
    // Learn the time of the late lines from the log itself.
    QList<QByteArray> got;
    QList<qint64> times;
    QTRY_COMPARE_WITH_TIMEOUT((got = fetch(id, {}, &times)).size(), 4, Generous);
    QCOMPARE(got.at(2), QByteArray("late-1"));
    LogOptions options;
    options.follow = false;
    options.since = LogStream::toDateTime(times.at(2));
    auto stream = open(id, options);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.ended || lines.failure.isError(), Generous);
    QVERIFY2(!lines.failure.isError(), qPrintable(lines.failure.fullText()));
    QCOMPARE(lines.lines, (QList<QByteArray>{"late-1", "late-2"}));
}

void TestEciLogs::stoppedGroupInterruptsTheFollow()
{
    const QString id = startGroup(
        QStringLiteral("sleep 2; for i in 1 2 3; do echo last-$i; sleep 0.2; done; exit 0"));
    QVERIFY(!id.isEmpty());
    LogOptions options;
    options.follow = true;
    auto stream = open(id, options);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.interruptions > 0 || lines.failure.isError(), Generous);
    QVERIFY2(!lines.failure.isError(), qPrintable(lines.failure.fullText()));
    // Stopping is no error, and what it wrote last was fetched before the stream said so.
    QVERIFY(!lines.lastInterruption.isError());
    QCOMPARE(lines.lines, numbered("last-", 1, 3));
    QCOMPARE(m_backend->sandbox(id).status, SandboxStatus::Exited);
}

void TestEciLogs::followingAGroupThatHasStopped()
{
    const QString id = startGroup(QStringLiteral("echo done-1; echo done-2"));
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(id).statusText, QStringLiteral("Succeeded"),
                              Generous);
    LogOptions options;
    options.follow = true;
    auto stream = open(id, options);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.interruptions > 0 || lines.failure.isError(), Generous);
    QVERIFY(!lines.lastInterruption.isError());
    QCOMPARE(lines.lines, numbered("done-", 1, 2));
    // Paused: no more polls while the group does not run.
    const auto logCalls = [&] {
        return m_emulator->log().count("DescribeContainerLog");
    };
    const qsizetype polls = logCalls();
    QVERIFY(polls > 0);
    QTest::qWait(1500);
    QCOMPARE(logCalls(), polls);
    QCOMPARE(lines.lines.size(), 2);
}

void TestEciLogs::deletedGroupEndsTheFollow()
{
    const QString id = startGroup(QStringLiteral("echo here; sleep 600"));
    QVERIFY(!id.isEmpty());
    LogOptions options;
    options.follow = true;
    auto stream = open(id, options);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.has("here"), Generous);
    const EciOutcome deleted = awaitEci(m_backend->remove(id, true));
    QVERIFY2(!deleted.error.isError(), qPrintable(deleted.error.fullText()));
    QTRY_VERIFY_WITH_TIMEOUT(lines.ended || lines.failure.isError(), Generous);
    QVERIFY2(!lines.failure.isError(), qPrintable(lines.failure.fullText()));
    QCOMPARE(lines.lines, QList<QByteArray>{"here"});
}

void TestEciLogs::groupWithTwoContainers()
{
    const QString name = DockerTestEnvironment::uniqueName(QStringLiteral("pair"));
    EciParams params{{QStringLiteral("RegionId"), m_region},
                     {QStringLiteral("ContainerGroupName"), name}};
    const QStringList names{QStringLiteral("alpha"), QStringLiteral("beta")};
    for (int i = 0; i < 2; ++i) {
        const QString prefix = QStringLiteral("Container.%1.").arg(i + 1);
        params.append({prefix + QStringLiteral("Name"), names.at(i)});
        params.append({prefix + QStringLiteral("Image"), DockerTestEnvironment::image()});
        EciSigner::appendList(&params, prefix + QStringLiteral("Command"),
                              {QStringLiteral("sh"), QStringLiteral("-c")});
        EciSigner::appendList(
            &params, prefix + QStringLiteral("Arg"),
            {QStringLiteral("echo from-%1-1; echo from-%1-2; sleep 600").arg(names.at(i))});
    }
    const EciOutcome created =
        awaitEci(m_backend->client()->call(QStringLiteral("CreateContainerGroup"), params));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    const QString id = created.result.toMap().value(QStringLiteral("ContainerGroupId")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(id).containers, names, Generous);

    const auto logsOf = [&](const QString& container) {
        LogOptions options;
        options.container = container;
        return fetch(id, options);
    };
    QTRY_COMPARE_WITH_TIMEOUT(logsOf(QStringLiteral("beta")).size(), 2, Generous);
    QTRY_COMPARE_WITH_TIMEOUT(logsOf(QStringLiteral("alpha")).size(), 2, Generous);
    QCOMPARE(logsOf(QStringLiteral("beta")), (QList<QByteArray>{"from-beta-1", "from-beta-2"}));
    // No container named: the first.
    QCOMPARE(logsOf(QString()), (QList<QByteArray>{"from-alpha-1", "from-alpha-2"}));

    LogOptions options;
    options.follow = false;
    options.container = QStringLiteral("gamma");
    auto stream = open(id, options);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.ended || lines.failure.isError(), Generous);
    QVERIFY(lines.failure.isError());
    QVERIFY(!lines.failure.message.isEmpty());
}

void TestEciLogs::outageInterruptsAndResumesWithoutLoss()
{
    QProcess bare;
    bare.setStandardErrorFile(QProcess::nullDevice()); // a line per request; nobody reads them
    const quint16 port = startBareEmulator(&bare, 0);
    QVERIFY(port != 0);
    const QString region = DockerTestEnvironment::uniqueName(QStringLiteral("outage"));
    const auto cleanup = qScopeGuard([&] {
        bare.kill();
        bare.waitForFinished();
        const QStringList ids = engineGroupIds(region);
        for (const QString& id : ids)
            DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
    });
    auto backend =
        makeEciBackend(&m_network, QStringLiteral("http://127.0.0.1:%1").arg(port), region);
    backend->client()->setRetryPolicy(1, 50, 50);
    QSignalSpy settled(backend.get(), &Backend::settled);
    backend->connectToBackend();
    QVERIFY(settled.wait(Generous));
    const EciOutcome created = awaitEci(backend->create(eciSpec(
        region, QStringLiteral("i=0; while true; do i=$((i+1)); echo o-$i; sleep 0.1; done"))));
    QVERIFY2(!created.error.isError(), qPrintable(created.error.fullText()));
    const QString id = created.result.toString();
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(id).status, SandboxStatus::Running, Generous);

    LogOptions options;
    options.follow = true;
    std::unique_ptr<LogStream> stream(backend->openLogs(id, options));
    qobject_cast<EciLogStream*>(stream.get())->setPollInterval(200);
    Lines lines(stream.get());
    QTRY_VERIFY_WITH_TIMEOUT(lines.lines.size() >= 5, Generous);

    bare.kill();
    bare.waitForFinished();
    QTRY_VERIFY_WITH_TIMEOUT(lines.interruptions == 1, Generous);
    QVERIFY(lines.lastInterruption.isError());
    QVERIFY(!lines.lastInterruption.message.isEmpty());
    QTest::qWait(1000); // the group writes on while nobody can read it
    const qsizetype before = lines.lines.size();

    QCOMPARE(startBareEmulator(&bare, port), port);
    QTRY_VERIFY_WITH_TIMEOUT(lines.resumptions == 1 && lines.lines.size() >= before + 20, Generous);
    QVERIFY2(!lines.failure.isError(), qPrintable(lines.failure.fullText()));
    QCOMPARE(lines.interruptions, 1);
    QCOMPARE(lines.lines, numbered("o-", 1, int(lines.lines.size())));
}

QTEST_GUILESS_MAIN(TestEciLogs)
#include "tst_ecilogs.moc"
