#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "eci/EciClient.h"
#include "eci/EciExecSession.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace {

const QString region = QStringLiteral("cn-hangzhou");
const int waitMs = 60000;

std::unique_ptr<Job> await(Job* job)
{
    job->setAutoDelete(false);
    std::unique_ptr<Job> owned(job);
    QSignalSpy finished(job, &Job::finished);
    if (!job->isFinished())
        finished.wait(waitMs);
    return owned;
}

QString commandJson(const QStringList& command)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(command)).toJson(QJsonDocument::Compact));
}

// Everything a session said, in order, with its end.
struct Transcript
{
    explicit Transcript(ExecSession* session)
    {
        QObject::connect(session, &ExecSession::started, session, [this] { started = true; });
        QObject::connect(session, &ExecSession::received, session,
                         [this](ExecSession::Stream stream, const QByteArray& bytes) {
                             (stream == ExecSession::Stream::Stdout ? out : err) += bytes;
                         });
        QObject::connect(session, &ExecSession::finished, session, [this](int code) {
            exitCode = code;
            ends += 1;
        });
        QObject::connect(session, &ExecSession::failed, session, [this](const Error& e) {
            error = e;
            ends += 1;
        });
    }
    bool started = false;
    QByteArray out;
    QByteArray err;
    int exitCode = -100;
    Error error;
    int ends = 0;
};

// busybox's line editor asks where the cursor is and waits; answer as a terminal would.
void answerCursorQueries(ExecSession* shell)
{
    QObject::connect(shell, &ExecSession::received, shell,
                     [shell](ExecSession::Stream, const QByteArray& bytes) {
                         for (qsizetype i = bytes.indexOf("\x1b[6n"); i >= 0;
                              i = bytes.indexOf("\x1b[6n", i + 1))
                             shell->write("\x1b[1;1R");
                     });
}

} // namespace

class TestEciExec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void terminalShell();
    void resizeIsSeenInside();
    void exitCodes();
    void stdoutAndStderrApart();
    void longScriptThroughStdin();
    void longArgvThroughStdin();
    void syncExec();
    void commandLimits();
    void urlIsSingleUse();
    void urlExpires();
    void droppedSocketFailsAndKeepsOutput();
    void malformedFrameFailsAndKeepsOutput();
    void refusedCallFails();
    void largeInputArrivesWhole();
    void closedWhileConnecting();

private:
    bool startEmulator(const QStringList& arguments = {});
    QString createGroup(const QStringList& command = {QStringLiteral("sleep"),
                                                      QStringLiteral("300")},
                        const QString& restartPolicy = QStringLiteral("Always"));
    std::unique_ptr<EciExecSession> session(const ExecOptions& options, const QString& group = {});

    QNetworkAccessManager m_network;
    std::unique_ptr<EciEmulatorProcess> m_emulator;
    std::unique_ptr<EciClient> m_client;
    QString m_group;
};

void TestEciExec::init()
{
    REQUIRE_TEST_ENGINE();
    QVERIFY(startEmulator());
    m_group = createGroup();
    QVERIFY(m_group.startsWith(QLatin1String("eci-")));
}

void TestEciExec::cleanup()
{
    m_client.reset();
    m_emulator.reset(); // removes the groups it made
}

bool TestEciExec::startEmulator(const QStringList& arguments)
{
    m_client.reset();
    m_emulator = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    if (!m_emulator->start(arguments))
        return false;
    m_client = std::make_unique<EciClient>(&m_network, m_emulator->endpoint(),
                                           EciCredentials{EciEmulatorProcess::accessKeyId(),
                                                          EciEmulatorProcess::accessKeySecret(),
                                                          {}});
    m_client->setRetryPolicy(3, 50, 200);
    return true;
}

QString TestEciExec::createGroup(const QStringList& command, const QString& restartPolicy)
{
    EciParams params{{QStringLiteral("RegionId"), region},
                     {QStringLiteral("RestartPolicy"), restartPolicy},
                     {QStringLiteral("ContainerGroupName"),
                      DockerTestEnvironment::uniqueName(QStringLiteral("eciexec"))},
                     {QStringLiteral("Container.1.Name"), QStringLiteral("main")},
                     {QStringLiteral("Container.1.Image"), DockerTestEnvironment::image()}};
    EciSigner::appendList(&params, QStringLiteral("Container.1.Command"), command);
    auto job = await(m_client->call(QStringLiteral("CreateContainerGroup"), params));
    if (job->error().isError())
        qWarning("create failed: %s", qPrintable(job->error().fullText()));
    return job->result().toMap().value(QStringLiteral("ContainerGroupId")).toString();
}

std::unique_ptr<EciExecSession> TestEciExec::session(const ExecOptions& options,
                                                     const QString& group)
{
    return std::make_unique<EciExecSession>(
        m_client.get(), region, group.isEmpty() ? m_group : group, QStringLiteral("main"), options);
}

void TestEciExec::terminalShell()
{
    ExecOptions options; // an interactive shell on a terminal
    auto shell = session(options);
    Transcript t(shell.get());
    answerCursorQueries(shell.get());
    shell->start();
    QTRY_VERIFY_WITH_TIMEOUT(t.started, waitMs);
    shell->write("echo typed-$((6*7))\n");
    // The terminal echoes what was typed, then the shell prints the result.
    QTRY_VERIFY_WITH_TIMEOUT(
        t.out.contains("echo typed-$((6*7))") && t.out.contains("typed-42\r\n"), waitMs);
    QVERIFY(t.err.isEmpty());
    shell->write("exit 3\n");
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
    QVERIFY2(!t.error.isError(), qPrintable(t.error.fullText()));
    QCOMPARE(t.exitCode, 3);
    QVERIFY(!shell->requestId().isEmpty());
}

void TestEciExec::resizeIsSeenInside()
{
    auto shell = session(ExecOptions{});
    Transcript t(shell.get());
    answerCursorQueries(shell.get());
    shell->start();
    QTRY_VERIFY_WITH_TIMEOUT(t.started, waitMs);
    // busybox 1.35's `stty size` is broken; `stty -a` prints "rows R; columns C;". The engine
    // applies a resize on its own time, so ask again at each prompt until the size shows.
    int asked = 0;
    const auto shows = [&](const char* pattern) {
        const QRegularExpression size{QString::fromLatin1(pattern)};
        const QString out = QString::fromUtf8(t.out);
        if (size.match(out).hasMatch())
            return true;
        if (out.count(QLatin1String("# ")) > asked) {
            ++asked;
            shell->write("stty -a\n");
        }
        return false;
    };
    // On failure, say which sizes the terminal did report.
    const auto seen = [&] {
        static const QRegularExpression any(QStringLiteral("rows \\d+; columns \\d+;"));
        QStringList sizes;
        for (auto it = any.globalMatch(QString::fromUtf8(t.out)); it.hasNext();)
            sizes << it.next().captured();
        return QStringLiteral("asked %1 times, saw: ").arg(asked) + sizes.join(QLatin1Char('|'));
    };
    shell->resize(101, 37);
    QTRY_VERIFY2_WITH_TIMEOUT(shows("rows 37; columns 101;"), qPrintable(seen()), waitMs);
    shell->resize(72, 19);
    QTRY_VERIFY2_WITH_TIMEOUT(shows("rows 19; columns 72;"), qPrintable(seen()), waitMs);
    shell->write("exit\n");
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
    QCOMPARE(t.exitCode, 0);
}

void TestEciExec::exitCodes()
{
    for (const int code : {0, 1, 7, 255}) {
        ExecOptions options;
        options.tty = false;
        options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("exit %1").arg(code)};
        auto s = session(options);
        Transcript t(s.get());
        s->start();
        QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
        QVERIFY2(!t.error.isError(), qPrintable(t.error.fullText()));
        QCOMPARE(t.exitCode, code);
    }
}

void TestEciExec::stdoutAndStderrApart()
{
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo to-out; echo to-err >&2; echo more-out; exit 2")};
    auto s = session(options);
    Transcript t(s.get());
    s->start();
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
    QCOMPARE(t.exitCode, 2);
    QCOMPARE(t.out, QByteArray("to-out\nmore-out\n"));
    QCOMPARE(t.err, QByteArray("to-err\n"));
}

void TestEciExec::longScriptThroughStdin()
{
    // Far beyond 20 × 256 characters, with quotes, UTF-8 and input read after the script.
    QString script;
    for (int i = 0; i < 400; ++i)
        script += QStringLiteral("echo \"line-%1 'quoted' \u4e2d\"\n").arg(i);
    script += QStringLiteral("read answer; echo \"got:$answer\"; echo done >&2; exit 5\n");
    QVERIFY(script.size() > 5120 * 2);
    ExecOptions options = EciExecSession::scriptOptions(script);
    QByteArray prefix;
    const QStringList command = EciExecSession::commandFor(options, &prefix);
    QVERIFY(EciExecSession::fitsCommandLimit(command));
    QVERIFY(!prefix.isEmpty());

    auto s = session(options);
    Transcript t(s.get());
    s->write("the-answer\n"); // before the connection: sent after the script, not lost
    s->start();
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
    QVERIFY2(!t.error.isError(), qPrintable(t.error.fullText()));
    QCOMPARE(t.exitCode, 5);
    const QString out = QString::fromUtf8(t.out);
    QVERIFY(out.startsWith(QStringLiteral("line-0 'quoted' \u4e2d\n")));
    QVERIFY(out.contains(QStringLiteral("line-399 'quoted' \u4e2d\n")));
    QCOMPARE(out.count(QLatin1Char('\n')), 401);
    QVERIFY(out.endsWith(QLatin1String("got:the-answer\n")));
    QCOMPARE(t.err, QByteArray("done\n"));
}

void TestEciExec::longArgvThroughStdin()
{
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("echo")};
    for (int i = 1; i <= 25; ++i)
        options.command.append(i == 13 ? QStringLiteral("it's $HOME") : QString::number(i));
    QVERIFY(!EciExecSession::fitsCommandLimit(options.command));
    auto s = session(options);
    Transcript t(s.get());
    s->start();
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
    QCOMPARE(t.exitCode, 0);
    QCOMPARE(t.out, QByteArray("1 2 3 4 5 6 7 8 9 10 11 12 it's $HOME 14 15 16 17 18 19 20 21 22 "
                               "23 24 25\n"));

    // A terminal cannot carry the loader; the session says so instead of garbling it.
    options.tty = true;
    auto onTerminal = session(options);
    Transcript refused(onTerminal.get());
    onTerminal->start();
    QTRY_COMPARE_WITH_TIMEOUT(refused.ends, 1, waitMs);
    QCOMPARE(refused.error.kind, Error::Invalid);
    QVERIFY(refused.error.message.contains(QLatin1String("without a terminal")));
}

void TestEciExec::syncExec()
{
    auto job = await(
        m_client->call(QStringLiteral("ExecContainerCommand"),
                       {{QStringLiteral("RegionId"), region},
                        {QStringLiteral("ContainerGroupId"), m_group},
                        {QStringLiteral("ContainerName"), QStringLiteral("main")},
                        {QStringLiteral("Command"),
                         commandJson({QStringLiteral("sh"), QStringLiteral("-c"),
                                      QStringLiteral("echo sync-$((2+3)); echo sync-err >&2")})},
                        {QStringLiteral("Sync"), QStringLiteral("true")},
                        {QStringLiteral("TTY"), QStringLiteral("false")}}));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().fullText()));
    const QString response = job->result().toMap().value(QStringLiteral("SyncResponse")).toString();
    QVERIFY2(response.contains(QLatin1String("sync-5\n")), qPrintable(response));
    QVERIFY(response.contains(QLatin1String("sync-err\n")));
}

void TestEciExec::commandLimits()
{
    const auto exec = [&](const QString& command, const QString& tty = QStringLiteral("false"),
                          const QString& sync = QStringLiteral("false")) {
        return await(m_client->call(QStringLiteral("ExecContainerCommand"),
                                    {{QStringLiteral("RegionId"), region},
                                     {QStringLiteral("ContainerGroupId"), m_group},
                                     {QStringLiteral("ContainerName"), QStringLiteral("main")},
                                     {QStringLiteral("Command"), command},
                                     {QStringLiteral("TTY"), tty},
                                     {QStringLiteral("Sync"), sync}}));
    };
    QStringList twenty;
    for (int i = 0; i < 20; ++i)
        twenty << QStringLiteral("x");
    QVERIFY(!exec(commandJson(twenty))->error().isError());
    auto tooMany = exec(commandJson(twenty + QStringList{QStringLiteral("x")}));
    QCOMPARE(tooMany->error().code, QStringLiteral("InvalidParameter.ValueExceeded"));
    QCOMPARE(tooMany->error().kind, Error::Invalid);
    QVERIFY(tooMany->error().detail.contains(QLatin1String("RequestId")));

    QVERIFY(!exec(commandJson({QString(256, QLatin1Char('a'))}))->error().isError());
    auto tooLong = exec(commandJson({QString(257, QLatin1Char('a'))}));
    QCOMPARE(tooLong->error().code, QStringLiteral("InvalidParameter.ValueExceeded"));

    QCOMPARE(exec(QStringLiteral("echo hi"))->error().code, QStringLiteral("InvalidParameter"));
    QCOMPARE(exec(QStringLiteral("[1,2]"))->error().code, QStringLiteral("InvalidParameter"));
    QCOMPARE(exec(QStringLiteral("[]"))->error().code, QStringLiteral("InvalidParameter"));
    QCOMPARE(
        exec(commandJson({QStringLiteral("true")}), QStringLiteral("true"), QStringLiteral("true"))
            ->error()
            .code,
        QStringLiteral("InvalidParameter"));

    auto noName =
        await(m_client->call(QStringLiteral("ExecContainerCommand"),
                             {{QStringLiteral("RegionId"), region},
                              {QStringLiteral("ContainerGroupId"), m_group},
                              {QStringLiteral("Command"), commandJson({QStringLiteral("true")})}}));
    QCOMPARE(noName->error().code, QStringLiteral("MissingParameter"));
}

void TestEciExec::urlIsSingleUse()
{
    auto job =
        await(m_client->call(QStringLiteral("ExecContainerCommand"),
                             {{QStringLiteral("RegionId"), region},
                              {QStringLiteral("ContainerGroupId"), m_group},
                              {QStringLiteral("ContainerName"), QStringLiteral("main")},
                              {QStringLiteral("Command"),
                               commandJson({QStringLiteral("echo"), QStringLiteral("once")})}}));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().fullText()));
    const QUrl url(job->result().toMap().value(QStringLiteral("WebSocketUri")).toString());
    QCOMPARE(url.scheme(), QStringLiteral("ws"));
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));

    const auto use = [&url](QByteArray* frames) {
        QWebSocket socket;
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                         [frames](const QByteArray& message) { *frames += message; });
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(url);
        disconnected.wait(waitMs);
        return socket.closeCode();
    };
    QByteArray first;
    QCOMPARE(use(&first), QWebSocketProtocol::CloseCodeNormal);
    QVERIFY(first.contains("once\n"));
    QVERIFY(first.endsWith(EciExecChannel::encodeExitStatus(0)));

    QByteArray second;
    QCOMPARE(use(&second), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY(second.isEmpty());

    // A token the service never issued is refused the same way.
    QUrl forged = url;
    forged.setQuery(QStringLiteral("s=0123456789abcdef"));
    QWebSocket socket;
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(forged);
    QVERIFY(disconnected.wait(waitMs));
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

void TestEciExec::urlExpires()
{
    // The service's 30 s, shortened so that the test need not wait half a minute.
    cleanup();
    QVERIFY(startEmulator({QStringLiteral("--exec-url-validity"), QStringLiteral("1000")}));
    m_group = createGroup();
    const auto issue = [this] {
        auto job = await(
            m_client->call(QStringLiteral("ExecContainerCommand"),
                           {{QStringLiteral("RegionId"), region},
                            {QStringLiteral("ContainerGroupId"), m_group},
                            {QStringLiteral("ContainerName"), QStringLiteral("main")},
                            {QStringLiteral("Command"),
                             commandJson({QStringLiteral("echo"), QStringLiteral("in-time")})}}));
        return QUrl(job->result().toMap().value(QStringLiteral("WebSocketUri")).toString());
    };
    const auto use = [](const QUrl& url, QByteArray* frames) {
        QWebSocket socket;
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                         [frames](const QByteArray& message) { *frames += message; });
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(url);
        disconnected.wait(waitMs);
        return socket.closeCode();
    };

    const QUrl stale = issue();
    QVERIFY(stale.isValid());
    QTest::qWait(1500); // past the URL's validity
    QByteArray late;
    QCOMPARE(use(stale, &late), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY(late.isEmpty());

    // A URL used in time still works.
    QByteArray prompt;
    QCOMPARE(use(issue(), &prompt), QWebSocketProtocol::CloseCodeNormal);
    QVERIFY(prompt.contains("in-time\n"));
}

void TestEciExec::droppedSocketFailsAndKeepsOutput()
{
    cleanup();
    QVERIFY(startEmulator({QStringLiteral("--fault"), QStringLiteral("exec-drop:1")}));
    m_group = createGroup();
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo before-the-drop; sleep 30; echo never")};
    auto s = session(options);
    Transcript t(s.get());
    s->start();
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
    QCOMPARE(t.error.kind, Error::Connection);
    QVERIFY(t.error.message.contains(QLatin1String("lost")));
    QVERIFY2(t.error.detail.contains(s->requestId()), qPrintable(t.error.fullText()));
    QCOMPARE(t.out, QByteArray("before-the-drop\n"));
    QCOMPARE(t.exitCode, -100);

    // The fault was for one session; the next one runs to its end.
    options.command = {QStringLiteral("echo"), QStringLiteral("after")};
    auto next = session(options);
    Transcript again(next.get());
    next->start();
    QTRY_COMPARE_WITH_TIMEOUT(again.ends, 1, waitMs);
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out, QByteArray("after\n"));
}

void TestEciExec::malformedFrameFailsAndKeepsOutput()
{
    cleanup();
    QVERIFY(startEmulator({QStringLiteral("--fault"), QStringLiteral("exec-garble:1")}));
    m_group = createGroup();
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo first-words; sleep 30")};
    auto s = session(options);
    Transcript t(s.get());
    s->start();
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
    QCOMPARE(t.error.kind, Error::Protocol);
    QVERIFY2(t.error.detail.contains(QLatin1String("unknown channel 9")),
             qPrintable(t.error.fullText()));
    QCOMPARE(t.out, QByteArray("first-words\n"));
}

void TestEciExec::refusedCallFails()
{
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("true")};
    auto missing = session(options, QStringLiteral("eci-doesnotexist0000"));
    Transcript t(missing.get());
    missing->start();
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, waitMs);
    QCOMPARE(t.error.kind, Error::NotFound);
    QCOMPARE(t.error.code, QStringLiteral("InvalidParameter.ContainerGroupId.NotFound"));
    QVERIFY(t.error.detail.contains(QLatin1String("RequestId")));
    QVERIFY(!t.started);

    // A group whose container has ended cannot run commands.
    const QString ended = createGroup({QStringLiteral("true")});
    QVERIFY(!ended.isEmpty());
    auto update =
        await(m_client->call(QStringLiteral("UpdateContainerGroup"),
                             {{QStringLiteral("RegionId"), region},
                              {QStringLiteral("ContainerGroupId"), ended},
                              {QStringLiteral("RestartPolicy"), QStringLiteral("Never")}}));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto s = session(options, ended);
            Transcript r(s.get());
            s->start();
            QSignalSpy spy(s.get(), &ExecSession::failed);
            if (r.ends == 0)
                spy.wait(waitMs);
            return r.error.code == QLatin1String("IncorrectStatus") &&
                   r.error.kind == Error::Conflict;
        }(),
        waitMs);
}

void TestEciExec::largeInputArrivesWhole()
{
    // More than the channel's frames and the socket's queue hold, fed as the session takes it.
    QByteArray sent(32 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(32);
    generator.fillRange(reinterpret_cast<quint32*>(sent.data()), sent.size() / 4);
    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("head -c %1 | sha256sum").arg(sent.size())};
    auto s = session(options);
    Transcript t(s.get());
    constexpr qsizetype chunkBytes = 256 * 1024;
    qsizetype fed = 0;
    qint64 peakPending = 0;
    const auto feed = [&] {
        while (fed < sent.size() && s->pendingInput() < ExecSession::inputBound) {
            s->write(sent.mid(fed, chunkBytes));
            fed += chunkBytes;
            peakPending = qMax(peakPending, s->pendingInput());
        }
    };
    connect(s.get(), &ExecSession::inputWritten, this, feed);
    connect(s.get(), &ExecSession::started, this, feed);
    s->start();
    feed();
    QTRY_COMPARE_WITH_TIMEOUT(t.ends, 1, 120000);
    QVERIFY2(!t.error.isError(), qPrintable(t.error.fullText()));
    QCOMPARE(t.exitCode, 0);
    QCOMPARE(fed, sent.size());
    QCOMPARE(t.out.simplified(),
             QCryptographicHash::hash(sent, QCryptographicHash::Sha256).toHex() + " -");
    QVERIFY2(peakPending < ExecSession::inputBound + 2 * chunkBytes,
             QByteArray::number(peakPending));
}

void TestEciExec::closedWhileConnecting()
{
    const auto container = DockerTestEnvironment::docker(
        {QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--no-trunc"),
         QStringLiteral("--filter"), QStringLiteral("label=eci.sandboxdesk/id=") + m_group});
    const QString dockerId = QString::fromUtf8(container.out).trimmed();
    QVERIFY2(!dockerId.isEmpty() && !dockerId.contains(QLatin1Char('\n')),
             container.err.constData());
    const auto processes = [&] {
        const auto top = DockerTestEnvironment::docker({QStringLiteral("top"), dockerId});
        return top.exitCode == 0 ? int(top.out.trimmed().count('\n')) : -1;
    };
    QCOMPARE(processes(), 1);

    ExecOptions options;
    options.tty = false;
    options.command = {QStringLiteral("cat")}; // runs while its input is open
    auto s = session(options);
    QStringList said;
    connect(s.get(), &ExecSession::started, this, [&] { said << QStringLiteral("started"); });
    connect(s.get(), &ExecSession::failed, this, [&] { said << QStringLiteral("failed"); });
    s->start();
    // The call has answered when the request id is known; the WebSocket is opening then.
    QElapsedTimer waited;
    waited.start();
    while (s->requestId().isEmpty() && waited.elapsed() < waitMs)
        QCoreApplication::processEvents();
    QVERIFY(!s->requestId().isEmpty());
    QVERIFY(said.isEmpty());
    s->close();
    QTest::qWait(1500);
    QCOMPARE(said, QStringList{QStringLiteral("failed")});
    QTRY_COMPARE_WITH_TIMEOUT(processes(), 1, 10000);
}

QTEST_GUILESS_MAIN(TestEciExec)
#include "tst_eciexec.moc"
