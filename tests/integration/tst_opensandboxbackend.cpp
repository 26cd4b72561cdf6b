#include "OpenSandboxFixture.h"
#include "opensandbox/OpenSandboxLogStream.h"

#include <QJsonObject>
#include <QSignalSpy>

namespace {

const int Generous = 60000;

QStringList ids(const Backend& backend)
{
    QStringList all;
    const QList<Sandbox> sandboxes = backend.sandboxes();
    for (const Sandbox& sandbox : sandboxes)
        all << sandbox.id;
    all.sort();
    return all;
}

QString suiteName()
{
    return DockerTestEnvironment::uniqueName(QStringLiteral("osb")).remove(QLatin1Char('_'));
}

// Everything qDebug/qWarning print while a test runs, to look for the API key in.
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;
void collectMessages(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_messages << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestOpenSandboxBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lifecycle();
    void listsAcrossPagesWithFilters();
    void withoutLifetimeRenewIsRefused();
    void wrongApiKeyIsRefusedAndNotLeaked();
    void serverErrorsAreRetried();
    void deadServerIsLostAndTheListKept();
    void logsThroughDiagnostics();

private:
    bool startEmulator(const QStringList& arguments = {});
    QString create(OpenSandboxBackend* backend, const SandboxSpec& spec);

    std::unique_ptr<OpenSandboxEmulatorProcess> m_emulator;
};

void TestOpenSandboxBackend::init()
{
    REQUIRE_TEST_ENGINE();
    QVERIFY2(startEmulator(), "opensandbox-emulator did not start");
}

void TestOpenSandboxBackend::cleanup()
{
    m_emulator.reset();
}

bool TestOpenSandboxBackend::startEmulator(const QStringList& arguments)
{
    m_emulator =
        std::make_unique<OpenSandboxEmulatorProcess>(QStringLiteral(OPENSANDBOX_EMULATOR_PATH));
    return m_emulator->start(arguments);
}

QString TestOpenSandboxBackend::create(OpenSandboxBackend* backend, const SandboxSpec& spec)
{
    const OpenSandboxOutcome outcome = awaitJob(backend->create(spec));
    if (outcome.error.isError())
        qWarning("create failed: %s", qPrintable(outcome.error.fullText()));
    return outcome.result.toString();
}

void TestOpenSandboxBackend::lifecycle()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    QVERIFY(backend->capabilities().testFlag(Backend::CanExpire));
    QVERIFY(backend->capabilities().testFlag(Backend::CanPause));
    backend->connectToBackend();
    QTRY_VERIFY_WITH_TIMEOUT(backend->isSettled(), Generous);
    QVERIFY(backend->sandboxes().isEmpty());

    const QString suite = suiteName();
    SandboxSpec spec = openSandboxSpec(suite, 120);
    spec.name = QStringLiteral("first");
    spec.env = {QStringLiteral("GREETING=hi there")};
    spec.cpus = 0.5;
    spec.memoryBytes = 64LL * 1024 * 1024;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QString id = create(backend.get(), spec);
    QVERIFY(!id.isEmpty());

    // The list follows by itself: running, named, with its metadata and expiry.
    QTRY_VERIFY_WITH_TIMEOUT(backend->sandbox(id).status == SandboxStatus::Running, Generous);
    Sandbox listed = backend->sandbox(id);
    QCOMPARE(listed.name, QStringLiteral("first"));
    QCOMPARE(listed.image, DockerTestEnvironment::image());
    QCOMPARE(listed.labels.value(QStringLiteral("suite")), suite);
    QCOMPARE(listed.statusText, QStringLiteral("Running"));
    QVERIFY(listed.expiresAt.isValid());
    const qint64 left = before.secsTo(listed.expiresAt);
    QVERIFY2(left >= 115 && left <= 125, qPrintable(QString::number(left)));

    // Inspect and typed details.
    const OpenSandboxOutcome inspected = awaitJob(backend->details(id));
    QVERIFY2(!inspected.error.isError(), qPrintable(inspected.error.fullText()));
    const SandboxDetails details = inspected.result.value<SandboxDetails>();
    QCOMPARE(details.status, SandboxStatus::Running);
    QCOMPARE(details.expires, listed.expiresAt);
    QCOMPARE(details.raw.value(QLatin1String("id")).toString(), id);
    QVERIFY(!details.events.isEmpty());
    QCOMPARE(details.events.first().reason, QStringLiteral("Created"));

    // Pause and resume.
    OpenSandboxOutcome outcome = awaitJob(backend->perform(Backend::Action::Pause, id));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(id).status, SandboxStatus::Paused, Generous);
    // Pausing twice is a conflict the server explains.
    outcome = awaitJob(backend->perform(Backend::Action::Pause, id));
    QCOMPARE(outcome.error.kind, Error::Conflict);
    QCOMPARE(outcome.error.code, QStringLiteral("DOCKER::SANDBOX_NOT_RUNNING"));
    QVERIFY(outcome.error.detail.contains(QLatin1String("Request ID")));
    outcome = awaitJob(backend->perform(Backend::Action::Unpause, id));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(id).status, SandboxStatus::Running, Generous);

    // What it cannot do is refused before anything is sent.
    outcome = awaitJob(backend->perform(Backend::Action::Restart, id));
    QCOMPARE(outcome.error.kind, Error::Invalid);

    // Renew: the list shows the new expiry at once and the server has it.
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(3600);
    outcome = awaitJob(backend->setExpiry(id, later));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QCOMPARE(outcome.result.toDateTime().toSecsSinceEpoch(), later.toSecsSinceEpoch());
    QCOMPARE(backend->sandbox(id).expiresAt.toSecsSinceEpoch(), later.toSecsSinceEpoch());
    const OpenSandboxOutcome fetched = awaitJob(backend->fetch(id));
    QCOMPARE(fetched.result.value<Sandbox>().expiresAt.toSecsSinceEpoch(),
             later.toSecsSinceEpoch());
    // A renewal into the past is refused by the server.
    outcome = awaitJob(backend->setExpiry(id, QDateTime::currentDateTimeUtc().addSecs(-60)));
    QCOMPARE(outcome.error.kind, Error::Invalid);
    QCOMPARE(outcome.error.code, QStringLiteral("DOCKER::INVALID_EXPIRATION"));

    // Delete: gone from the list and from the server.
    outcome = awaitJob(backend->remove(id, false));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QVERIFY(!backend->sandboxSet()->contains(id));
    outcome = awaitJob(backend->inspect(id));
    QCOMPARE(outcome.error.kind, Error::NotFound);
    QCOMPARE(outcome.error.code, QStringLiteral("DOCKER::SANDBOX_NOT_FOUND"));
    QTRY_VERIFY_WITH_TIMEOUT(ids(*backend).isEmpty(), Generous);
}

void TestOpenSandboxBackend::listsAcrossPagesWithFilters()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    backend->setPageSize(2);
    backend->connectToBackend();
    QTRY_VERIFY_WITH_TIMEOUT(backend->isSettled(), Generous);
    const QString suite = suiteName();
    QStringList made;
    for (int i = 0; i < 5; ++i) {
        SandboxSpec spec = openSandboxSpec(suite);
        spec.labels.insert(QStringLiteral("index"), QString::number(i));
        made << create(backend.get(), spec);
        QVERIFY(!made.last().isEmpty());
    }
    made.sort();
    QSignalSpy listed(backend.get(), &OpenSandboxBackend::listed);
    QTRY_COMPARE_WITH_TIMEOUT(ids(*backend), made, Generous);
    QVERIFY(listed.wait(Generous));
    QCOMPARE(backend->lastSweepPages(), 3);

    // Metadata filter: one of them; state filter: the paused one.
    backend->setListFilter(
        {}, {{QStringLiteral("suite"), suite}, {QStringLiteral("index"), QStringLiteral("3")}});
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandboxes().size(), 1, Generous);
    QCOMPARE(backend->sandboxes().first().labels.value(QStringLiteral("index")),
             QStringLiteral("3"));
    const QString paused = backend->sandboxes().first().id;
    QVERIFY(!awaitJob(backend->perform(Backend::Action::Pause, paused)).error.isError());
    backend->setListFilter({QStringLiteral("Paused")}, {{QStringLiteral("suite"), suite}});
    QTRY_COMPARE_WITH_TIMEOUT(ids(*backend), QStringList{paused}, Generous);
    backend->setListFilter({QStringLiteral("Running")}, {{QStringLiteral("suite"), suite}});
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandboxes().size(), 4, Generous);
    QVERIFY(!backend->sandboxSet()->contains(paused));
}

void TestOpenSandboxBackend::withoutLifetimeRenewIsRefused()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    backend->connectToBackend();
    QTRY_VERIFY_WITH_TIMEOUT(backend->isSettled(), Generous);
    const QString id = create(backend.get(), openSandboxSpec(suiteName()));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(backend->sandboxSet()->contains(id), Generous);
    QVERIFY(!backend->sandbox(id).expiresAt.isValid());
    const OpenSandboxOutcome outcome =
        awaitJob(backend->setExpiry(id, QDateTime::currentDateTimeUtc().addSecs(600)));
    QCOMPARE(outcome.error.kind, Error::Conflict);
    QCOMPARE(outcome.error.code, QStringLiteral("DOCKER::INVALID_EXPIRATION"));
    QVERIFY(outcome.error.detail.contains(QLatin1String("automatic expiration")));
    // Removing a lifetime is not something OpenSandbox offers.
    QCOMPARE(awaitJob(backend->setExpiry(id, {})).error.kind, Error::Invalid);
    // A spec the server would refuse is refused here, by field.
    SandboxSpec tooShort = openSandboxSpec(suiteName(), 10);
    QCOMPARE(backend->validate(tooShort).size(), 1);
    QCOMPARE(awaitJob(backend->create(tooShort)).error.kind, Error::Invalid);
}

void TestOpenSandboxBackend::wrongApiKeyIsRefusedAndNotLeaked()
{
    const QString wrong = QStringLiteral("CANARY-wrong-key-77f3a1");
    g_messages.clear();
    g_previousHandler = qInstallMessageHandler(collectMessages);
    auto backend = makeOpenSandboxBackend(*m_emulator, wrong);
    backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Lost, Generous);
    const Error error = backend->lastError();
    QCOMPARE(error.kind, Error::Auth);
    QCOMPARE(error.code, QStringLiteral("INVALID_API_KEY"));
    QVERIFY(error.detail.contains(QLatin1String("Request ID")));
    QVERIFY(!error.fullText().contains(wrong));
    QVERIFY(!error.fullText().contains(OpenSandboxEmulatorProcess::apiKey()));
    const OpenSandboxOutcome outcome = awaitJob(backend->create(openSandboxSpec(suiteName())));
    QCOMPARE(outcome.error.kind, Error::Auth);
    QVERIFY(!outcome.error.fullText().contains(wrong));
    backend.reset();
    qInstallMessageHandler(g_previousHandler);
    for (const QString& message : std::as_const(g_messages))
        QVERIFY2(!message.contains(wrong), qPrintable(message));
    QVERIFY(!m_emulator->log().contains(wrong.toUtf8()));
    QVERIFY(m_emulator->log().contains("refused a request with a wrong API key"));

    // No key at all: refused before anything is sent.
    auto keyless = makeOpenSandboxBackend(*m_emulator, QString());
    keyless->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(keyless->state(), Backend::State::Lost, Generous);
    QCOMPARE(keyless->lastError().kind, Error::Auth);
    QCOMPARE(keyless->client()->requestsSent(), 0);
}

void TestOpenSandboxBackend::serverErrorsAreRetried()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    backend->connectToBackend();
    QTRY_VERIFY_WITH_TIMEOUT(backend->isSettled(), Generous);
    // Two 503s (Retry-After: 1) before the list answers: the connection never drops.
    QSignalSpy states(backend.get(), &Backend::stateChanged);
    const int sent = backend->client()->requestsSent();
    QVERIFY(m_emulator->injectFault(QStringLiteral("5xx:2")));
    QSignalSpy listed(backend.get(), &OpenSandboxBackend::listed);
    QTRY_VERIFY_WITH_TIMEOUT(backend->client()->requestsSent() >= sent + 3, Generous);
    QVERIFY(listed.wait(Generous));
    for (const QList<QVariant>& change : std::as_const(states))
        QCOMPARE(change.first().value<Backend::State>(), Backend::State::Connected);
    // A create that meets a 503 is sent again: the server did nothing the first time.
    QVERIFY(m_emulator->injectFault(QStringLiteral("5xx:1")));
    const QString id = create(backend.get(), openSandboxSpec(suiteName()));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(backend->sandboxSet()->contains(id), Generous);
    QCOMPARE(backend->sandboxes().size(), 1);
}

void TestOpenSandboxBackend::deadServerIsLostAndTheListKept()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    backend->connectToBackend();
    QTRY_VERIFY_WITH_TIMEOUT(backend->isSettled(), Generous);
    const QString id = create(backend.get(), openSandboxSpec(suiteName()));
    QTRY_VERIFY_WITH_TIMEOUT(backend->sandboxSet()->contains(id), Generous);
    // Killed without removing its sandboxes: the list stays shown while the server is away.
    const quint16 port = m_emulator->port();
    m_emulator->stop();
    QTRY_COMPARE_WITH_TIMEOUT(backend->state(), Backend::State::Lost, Generous);
    QCOMPARE(backend->lastError().kind, Error::Connection);
    QVERIFY(backend->lastError().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    QVERIFY(backend->sandboxSet()->contains(id));
}

void TestOpenSandboxBackend::logsThroughDiagnostics()
{
    auto backend = makeOpenSandboxBackend(*m_emulator);
    backend->connectToBackend();
    QTRY_VERIFY_WITH_TIMEOUT(backend->isSettled(), Generous);
    SandboxSpec spec = openSandboxSpec(suiteName());
    spec.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("echo one; echo two; sleep 1; echo three; sleep 600")};
    const QString id = create(backend.get(), spec);
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(id).status, SandboxStatus::Running, Generous);

    LogOptions options;
    options.follow = true;
    std::unique_ptr<LogStream> stream(backend->openLogs(id, options));
    static_cast<OpenSandboxLogStream*>(stream.get())->setPollInterval(100);
    QByteArray text;
    QObject::connect(stream.get(), &LogStream::received, stream.get(),
                     [&text](LogStream::Stream, const QByteArray& bytes, qint64 timestamp) {
                         QVERIFY(timestamp > 0);
                         text += bytes;
                     });
    // Polled again and again: every line once.
    QTRY_COMPARE_WITH_TIMEOUT(text, QByteArray("one\ntwo\nthree\n"), Generous);
    QTest::qWait(500);
    QCOMPARE(text, QByteArray("one\ntwo\nthree\n"));
    stream->stop();

    // Not following, the last line only.
    options.follow = false;
    options.tail = 1;
    std::unique_ptr<LogStream> tail(backend->openLogs(id, options));
    QByteArray last;
    QObject::connect(
        tail.get(), &LogStream::received, tail.get(),
        [&last](LogStream::Stream, const QByteArray& bytes, qint64) { last += bytes; });
    QSignalSpy ended(tail.get(), &LogStream::ended);
    QVERIFY(ended.wait(Generous));
    QCOMPARE(last, QByteArray("three\n"));
}

QTEST_GUILESS_MAIN(TestOpenSandboxBackend)
#include "tst_opensandboxbackend.moc"
