#include "BackendFixture.h"
#include "EciBackendFixture.h"
#include "logs/ActivityLog.h"
#include "logs/ActivityLogFile.h"
#include "sandbox/Lifetime.h"
#include "settings/IdleStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

using namespace DockerTestEnvironment;

namespace {

Result sandboxctl(const QStringList& arguments, const QMap<QString, QString>& environment = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.begin(); it != environment.end(); ++it)
        env.insert(it.key(), it.value());
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SANDBOXCTL_PATH), arguments);
    process.closeWriteChannel();
    Result result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// What sandboxctl list --json says of one sandbox.
QJsonObject listed(const QString& id, const QStringList& before = {},
                   const QMap<QString, QString>& environment = {})
{
    const Result result = sandboxctl(
        before + QStringList{QStringLiteral("list"), QStringLiteral("--json")}, environment);
    const QJsonArray array = QJsonDocument::fromJson(result.out).array();
    for (const QJsonValue& value : array) {
        if (value.toObject().value(QLatin1String("id")).toString() == id)
            return value.toObject();
    }
    return {};
}

// The ids (12 characters) gc printed, header left out.
QStringList gcIds(const Result& result)
{
    QStringList ids;
    const QStringList lines =
        QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i)
        ids << lines.at(i).section(QLatin1Char(' '), 0, 0);
    ids.sort();
    return ids;
}

bool exists(const QString& id)
{
    return docker({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Id}}"), id})
               .exitCode == 0;
}

// The time ttl prints, or the one at the end of renew's "ID expires at TIME".
QDateTime printedTime(const Result& result)
{
    return QDateTime::fromString(
        QString::fromUtf8(result.out).trimmed().section(QLatin1Char(' '), -1), Qt::ISODate);
}

} // namespace

class TestLifetimes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void ttlFromSandboxctlIsSeenByTheWindowsBackend();
    void ttlFromTheBackendIsSeenBySandboxctl();
    void renew();
    void createWithTtlAndRemoveIt();
    void usageErrors();
    void eciTags();
    void gcRemovesWhatItsDryRunLists();
    void idleOptIn();
    void gcRemovesOnlyIdleOptedInSandboxes();

private:
    QString running(const QString& prefix);
    std::unique_ptr<DockerBackend> m_backend; // as the window has it: watching changes
    QStringList m_created;
};

void TestLifetimes::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    m_backend = connectedBackend();
    QVERIFY(
        QTest::qWaitFor([&] { return m_backend->state() == Backend::State::Connected; }, 20000));
    QVERIFY(m_backend->capabilities() & Backend::CanExpire);
}

void TestLifetimes::cleanupTestCase()
{
    if (!m_created.isEmpty())
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + m_created);
}

QString TestLifetimes::running(const QString& prefix)
{
    const Result created =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"), uniqueName(prefix), image(),
                QStringLiteral("sleep"), QStringLiteral("600")});
    const QString id = QString::fromUtf8(created.out).trimmed();
    if (id.isEmpty())
        return {};
    m_created << id;
    // Listed by the backend first, as the window would have it.
    if (!QTest::qWaitFor([&] { return !m_backend->sandbox(id).id.isEmpty(); }, 20000))
        return {};
    return id;
}

void TestLifetimes::ttlFromSandboxctlIsSeenByTheWindowsBackend()
{
    const QString id = running(QStringLiteral("ttl-ctl"));
    QVERIFY(!id.isEmpty());
    QVERIFY(!m_backend->sandbox(id).expiresAt.isValid());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Result set = sandboxctl({QStringLiteral("ttl"), id.left(12), QStringLiteral("2h")});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    const QDateTime printed = printedTime(set);
    QVERIFY(printed.isValid());
    QVERIFY(qAbs(before.addSecs(7200).secsTo(printed)) <= 5);
    // The window's backend hears of it without being told.
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(id).expiresAt.toSecsSinceEpoch(),
                              printed.toSecsSinceEpoch(), 10000);
}

void TestLifetimes::ttlFromTheBackendIsSeenBySandboxctl()
{
    const QString id = running(QStringLiteral("ttl-window"));
    QVERIFY(!id.isEmpty());
    const QDateTime when =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 90, Qt::UTC);
    const JobOutcome outcome = await(m_backend->setExpiry(id, when));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QCOMPARE(m_backend->sandbox(id).expiresAt, when);
    const QJsonObject object = listed(id);
    QCOMPARE(object.value(QLatin1String("expiresAt")).toString(), when.toString(Qt::ISODate));

    const JobOutcome missing = await(m_backend->setExpiry(QStringLiteral("no-such-sandbox"), when));
    QCOMPARE(missing.error.kind, Error::NotFound);
}

void TestLifetimes::renew()
{
    const QString id = running(QStringLiteral("renew"));
    QVERIFY(!id.isEmpty());
    const Result set = sandboxctl({QStringLiteral("ttl"), id, QStringLiteral("10m")});
    QCOMPARE(set.exitCode, 0);
    const QDateTime first = printedTime(set);
    QVERIFY(first.isValid());
    // renew: the lifetime ends DURATION from now, on Docker as on OpenSandbox.
    const QDateTime now0 = QDateTime::currentDateTimeUtc();
    const Result renewed = sandboxctl({QStringLiteral("renew"), id, QStringLiteral("2h")});
    QVERIFY2(renewed.exitCode == 0, renewed.err.constData());
    const QDateTime until = printedTime(renewed);
    QVERIFY2(qAbs(now0.addSecs(7200).secsTo(until)) <= 5, renewed.out.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(id).expiresAt.toSecsSinceEpoch(),
                              until.toSecsSinceEpoch(), 10000);
    QCOMPARE(listed(id).value(QLatin1String("expiresAt")).toString(),
             m_backend->sandbox(id).expiresAt.toString(Qt::ISODate));

    // The same once it has passed.
    QVERIFY(!await(m_backend->setExpiry(id, QDateTime::currentDateTimeUtc().addSecs(-600)))
                 .error.isError());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result late = sandboxctl({QStringLiteral("renew"), id, QStringLiteral("1d")});
    QCOMPARE(late.exitCode, 0);
    QVERIFY(qAbs(now.addDays(1).secsTo(printedTime(late))) <= 5);

    // And the window's own renewal is what sandboxctl lists.
    const QDateTime later =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 86400 * 2, Qt::UTC);
    QVERIFY(!await(m_backend->setExpiry(id, later)).error.isError());
    QCOMPARE(listed(id).value(QLatin1String("expiresAt")).toString(), later.toString(Qt::ISODate));
}

void TestLifetimes::createWithTtlAndRemoveIt()
{
    const QString name = uniqueName(QStringLiteral("ttl-create"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Result created =
        sandboxctl({QStringLiteral("create"), QStringLiteral("--image"), image(),
                    QStringLiteral("--name"), name, QStringLiteral("--network"),
                    QStringLiteral("none"), QStringLiteral("--ttl"), QStringLiteral("10m"),
                    QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("600")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString id = QString::fromUtf8(created.out).trimmed();
    m_created << id;
    // The lifetime set at create is a label, which any Docker client can read.
    const Result label =
        docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                QStringLiteral("{{index .Config.Labels \"sandboxdesk.expires-at\"}}"), id});
    const QDateTime labelled =
        QDateTime::fromString(QString::fromUtf8(label.out).trimmed(), Qt::ISODate);
    QVERIFY2(labelled.isValid(), label.out.constData());
    QVERIFY(qAbs(before.addSecs(600).secsTo(labelled)) <= 5);
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox(id).expiresAt, labelled.toUTC(), 10000);

    // ttl none removes it, label or not; the label stays, the shared file says "none".
    const Result none = sandboxctl({QStringLiteral("ttl"), name, QStringLiteral("none")});
    QVERIFY2(none.exitCode == 0, none.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(!m_backend->sandbox(id).expiresAt.isValid(), 10000);
    QVERIFY(!listed(id).contains(QLatin1String("expiresAt")));
    QVERIFY(m_backend->sandbox(id).labels.contains(Lifetime::labelKey()));
}

void TestLifetimes::usageErrors()
{
    const QString id = running(QStringLiteral("ttl-usage"));
    QCOMPARE(sandboxctl({QStringLiteral("ttl"), id}).exitCode, 64);
    QCOMPARE(sandboxctl({QStringLiteral("ttl"), id, QStringLiteral("soon")}).exitCode, 64);
    QCOMPARE(sandboxctl({QStringLiteral("ttl"), id, QStringLiteral("0s")}).exitCode, 64);
    QCOMPARE(sandboxctl({QStringLiteral("renew"), id, QStringLiteral("none")}).exitCode, 64);
    QCOMPARE(
        sandboxctl({QStringLiteral("ttl"), QStringLiteral("no-such-one"), QStringLiteral("1h")})
            .exitCode,
        2);
    QCOMPARE(sandboxctl({QStringLiteral("create"), QStringLiteral("--image"), image(),
                         QStringLiteral("--ttl"), QStringLiteral("later")})
                 .exitCode,
             64);
    QVERIFY(!m_backend->sandbox(id).expiresAt.isValid());
}

void TestLifetimes::eciTags()
{
    EciEmulatorProcess emulator{QStringLiteral(ECI_EMULATOR_PATH)};
    QVERIFY2(emulator.start(), emulator.log().constData());
    const QString region = uniqueName(QStringLiteral("ttl"));
    const QMap<QString, QString> env{
        {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), EciEmulatorProcess::accessKeyId()},
        {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), EciEmulatorProcess::accessKeySecret()},
        {QStringLiteral("ECI_SANDBOX_ENDPOINT"), emulator.endpoint()},
    };
    const QStringList eci{QStringLiteral("--eci"), region};
    const Result created = sandboxctl(
        eci + QStringList{QStringLiteral("create"), QStringLiteral("--image"), image(),
                          QStringLiteral("--name"), uniqueName(QStringLiteral("ttl")),
                          QStringLiteral("--label"), QStringLiteral("team=blue"),
                          QStringLiteral("--restart"), QStringLiteral("Never"),
                          QStringLiteral("--ttl"), QStringLiteral("1h"), QStringLiteral("--"),
                          QStringLiteral("sleep"), QStringLiteral("600")},
        env);
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString id = QString::fromUtf8(created.out).trimmed();

    // The window's backend for that region.
    QNetworkAccessManager network;
    std::unique_ptr<EciBackend> backend = makeEciBackend(&network, emulator.endpoint(), region);
    QVERIFY(backend->capabilities() & Backend::CanExpire);
    backend->connectToBackend();
    QTRY_VERIFY_WITH_TIMEOUT(backend->sandbox(id).status == SandboxStatus::Running, 60000);
    const QDateTime first = backend->sandbox(id).expiresAt;
    QVERIFY(first.isValid());

    // sandboxctl renews through the tag; the backend sees it at its next look, other tags kept.
    const Result renewed =
        sandboxctl(eci + QStringList{QStringLiteral("renew"), id, QStringLiteral("30m")}, env);
    QVERIFY2(renewed.exitCode == 0, renewed.err.constData());
    const QDateTime until = printedTime(renewed);
    QVERIFY(until.isValid() && until != first);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().addSecs(1800).secsTo(until)) <= 10);
    QTRY_COMPARE_WITH_TIMEOUT(backend->sandbox(id).expiresAt, until, 20000);
    QCOMPARE(backend->sandbox(id).labels.value(QStringLiteral("team")), QStringLiteral("blue"));

    // And the reverse: the backend sets it, sandboxctl lists it.
    const QDateTime when =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 300, Qt::UTC);
    const EciOutcome set = awaitEci(backend->setExpiry(id, when));
    QVERIFY2(!set.error.isError(), qPrintable(set.error.fullText()));
    QCOMPARE(listed(id, eci, env).value(QLatin1String("expiresAt")).toString(),
             when.toString(Qt::ISODate));
    QVERIFY(!awaitEci(backend->remove(id, true)).error.isError());
}

void TestLifetimes::gcRemovesWhatItsDryRunLists()
{
    const auto expired = [this](const QString& prefix) {
        const QString id = running(prefix);
        if (!id.isEmpty() &&
            await(m_backend->setExpiry(id, QDateTime::currentDateTimeUtc().addSecs(-60)))
                .error.isError())
            return QString();
        return id;
    };
    const auto stopped = [this](const QString& prefix, const QString& ttl) {
        QStringList args{
            QStringLiteral("create"), QStringLiteral("--image"), image(),
            QStringLiteral("--name"), uniqueName(prefix),        QStringLiteral("--network"),
            QStringLiteral("none"),   QStringLiteral("--start")};
        if (!ttl.isEmpty())
            args << QStringLiteral("--ttl") << ttl;
        const Result made =
            sandboxctl(args + QStringList{QStringLiteral("--"), QStringLiteral("true")});
        const QString id = QString::fromUtf8(made.out).trimmed();
        m_created << id;
        return id;
    };
    const QString expiredRunning = expired(QStringLiteral("gc-expired"));
    const QString stoppedNoLifetime = stopped(QStringLiteral("gc-stopped"), {});
    const QString stoppedWithLifetime =
        stopped(QStringLiteral("gc-stopped-ttl"), QStringLiteral("1h"));
    const QString runningNoLifetime = running(QStringLiteral("gc-running"));
    const QString runningWithLifetime = running(QStringLiteral("gc-running-ttl"));
    QVERIFY(!expiredRunning.isEmpty() && !stoppedNoLifetime.isEmpty() &&
            !stoppedWithLifetime.isEmpty() && !runningNoLifetime.isEmpty() &&
            !runningWithLifetime.isEmpty());
    QCOMPARE(
        sandboxctl({QStringLiteral("ttl"), runningWithLifetime, QStringLiteral("1h")}).exitCode, 0);

    // Expiry alone: only the expired one, whatever runs or stopped without a lifetime stays.
    const Result preview = sandboxctl({QStringLiteral("gc"), QStringLiteral("--dry-run")});
    QVERIFY2(preview.exitCode == 0, preview.err.constData());
    const QStringList listed = gcIds(preview);
    QVERIFY2(listed.contains(expiredRunning.left(12)), preview.out.constData());
    for (const QString& kept :
         {stoppedNoLifetime, stoppedWithLifetime, runningNoLifetime, runningWithLifetime})
        QVERIFY2(!listed.contains(kept.left(12)), preview.out.constData());
    QVERIFY(exists(expiredRunning)); // a dry run removes nothing
    const Result removed = sandboxctl({QStringLiteral("gc")});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QCOMPARE(gcIds(removed), listed);
    for (const QString& id : listed)
        QVERIFY2(!exists(id), qPrintable(id));
    for (const QString& kept :
         {stoppedNoLifetime, stoppedWithLifetime, runningNoLifetime, runningWithLifetime})
        QVERIFY(exists(kept));

    // Idle clean-up, chosen: a stopped sandbox opted in to it goes too; one not opted in,
    // running ones and one whose lifetime still runs stay.
    QCOMPARE(sandboxctl({QStringLiteral("idle"), stoppedNoLifetime, QStringLiteral("on")}).exitCode,
             0);
    const QString expiredAgain = expired(QStringLiteral("gc-expired2"));
    QVERIFY(!expiredAgain.isEmpty());
    QTest::qWait(3500); // stopped for longer than --idle 3s
    const Result idlePreview = sandboxctl({QStringLiteral("gc"), QStringLiteral("--dry-run"),
                                           QStringLiteral("--idle"), QStringLiteral("3s")});
    QVERIFY2(idlePreview.exitCode == 0, idlePreview.err.constData());
    const QStringList idleListed = gcIds(idlePreview);
    QVERIFY2(idleListed.contains(expiredAgain.left(12)) &&
                 idleListed.contains(stoppedNoLifetime.left(12)),
             idlePreview.out.constData());
    for (const QString& kept : {stoppedWithLifetime, runningNoLifetime, runningWithLifetime})
        QVERIFY2(!idleListed.contains(kept.left(12)), idlePreview.out.constData());
    const Result idleRemoved =
        sandboxctl({QStringLiteral("gc"), QStringLiteral("--idle"), QStringLiteral("3s")});
    QVERIFY2(idleRemoved.exitCode == 0, idleRemoved.err.constData());
    QCOMPARE(gcIds(idleRemoved), idleListed);
    for (const QString& id : idleListed)
        QVERIFY2(!exists(id), qPrintable(id));
    for (const QString& kept : {stoppedWithLifetime, runningNoLifetime, runningWithLifetime})
        QVERIFY(exists(kept));

    QCOMPARE(sandboxctl({QStringLiteral("gc"), QStringLiteral("--idle"), QStringLiteral("soon")})
                 .exitCode,
             64);
}

void TestLifetimes::idleOptIn()
{
    const QString id = running(QStringLiteral("idle-optin"));
    QVERIFY(!id.isEmpty());
    const auto idle = [](const QStringList& args) {
        const Result result = sandboxctl(QStringList{QStringLiteral("idle")} + args);
        return qMakePair(result.exitCode, QString::fromUtf8(result.out).trimmed());
    };
    QCOMPARE(idle({id}), qMakePair(0, QStringLiteral("off")));
    QCOMPARE(idle({id, QStringLiteral("on")}), qMakePair(0, QStringLiteral("on")));
    QCOMPARE(idle({id}), qMakePair(0, QStringLiteral("on")));
    // Kept where every client reads it, by id.
    IdleStore store(IdleStore::defaultPath());
    QVERIFY(store.sandboxOptedIn(id));
    QCOMPARE(idle({id, QStringLiteral("off")}), qMakePair(0, QStringLiteral("off")));
    // The connection: every sandbox of it.
    QCOMPARE(idle({QStringLiteral("--connection"), QStringLiteral("on")}),
             qMakePair(0, QStringLiteral("on")));
    QCOMPARE(idle({id}), qMakePair(0, QStringLiteral("off (on for its connection)")));
    IdleStore reread(IdleStore::defaultPath());
    QVERIFY(reread.connectionOptedIn(m_backend->endpointDescription()));
    QVERIFY(reread.optedIn(id, m_backend->endpointDescription()));
    QCOMPARE(idle({QStringLiteral("--connection"), QStringLiteral("off")}),
             qMakePair(0, QStringLiteral("off")));
    QCOMPARE(idle({QStringLiteral("--connection")}), qMakePair(0, QStringLiteral("off")));
    QCOMPARE(idle({id, QStringLiteral("maybe")}).first, 64);
    QCOMPARE(idle({}).first, 64);
    QCOMPARE(idle({QStringLiteral("no-such-sandbox"), QStringLiteral("on")}).first, 2);
}

void TestLifetimes::gcRemovesOnlyIdleOptedInSandboxes()
{
    // Four running sandboxes without a lifetime: quiet and opted in; busy and opted in; quiet
    // and not opted in; quiet, opted in, with a shell open in it.
    const QString quiet = running(QStringLiteral("idle-quiet"));
    const QString notIn = running(QStringLiteral("idle-notin"));
    const QString withShell = running(QStringLiteral("idle-shell"));
    const Result made =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"),
                uniqueName(QStringLiteral("idle-busy")), image(), QStringLiteral("sh"),
                QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
    const QString busy = QString::fromUtf8(made.out).trimmed();
    m_created << busy;
    QVERIFY(!quiet.isEmpty() && !notIn.isEmpty() && !withShell.isEmpty() && !busy.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return !m_backend->sandbox(busy).id.isEmpty(); }, 20000));
    for (const QString& id : {quiet, busy, withShell})
        QCOMPARE(sandboxctl({QStringLiteral("idle"), id, QStringLiteral("on")}).exitCode, 0);

    // A shell another client holds open (as a terminal would be).
    QProcess shell;
    shell.start(QStringLiteral("docker"),
                {QStringLiteral("exec"), QStringLiteral("-i"), withShell, QStringLiteral("sh")});
    QVERIFY(shell.waitForStarted());
    shell.write("echo ready\n");
    QVERIFY(
        QTest::qWaitFor([&] { return shell.readAllStandardOutput().contains("ready"); }, 20000));

    const QStringList idleArgs{QStringLiteral("--idle"), QStringLiteral("3s")};
    const auto idleIds = [&](const Result& result) {
        QStringList ids;
        const QStringList lines =
            QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            if (line.contains(QLatin1String("idle for")))
                ids << line.section(QLatin1Char(' '), 0, 0);
        }
        return ids;
    };
    // Never watched before: nobody saw them idle, so nothing is idle yet.
    const Result first =
        sandboxctl(QStringList{QStringLiteral("gc"), QStringLiteral("--dry-run")} + idleArgs);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2(idleIds(first).isEmpty(), first.out.constData());
    QTest::qWait(4000);

    const Result preview =
        sandboxctl(QStringList{QStringLiteral("gc"), QStringLiteral("--dry-run")} + idleArgs);
    QVERIFY2(preview.exitCode == 0, preview.err.constData());
    QCOMPARE(idleIds(preview), QStringList{quiet.left(12)});
    QVERIFY(exists(quiet));

    const Result removed = sandboxctl(QStringList{QStringLiteral("gc")} + idleArgs);
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QCOMPARE(idleIds(removed), QStringList{quiet.left(12)});
    QVERIFY(!exists(quiet));
    for (const QString& kept : {busy, notIn, withShell})
        QVERIFY2(exists(kept), qPrintable(kept));

    // The removal is in the activity log, with why and by whom.
    ActivityLogFile file(ActivityLogFile::defaultPath());
    ActivityLog log;
    log.setFile(&file);
    const ActivityLog::Entry* entry = nullptr;
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (log.at(i).sandboxId == quiet)
            entry = &log.at(i);
    }
    QVERIFY(entry);
    QCOMPARE(entry->action, QStringLiteral("Clean Up"));
    QCOMPARE(entry->by, QStringLiteral("sandboxctl"));
    QCOMPARE(entry->result, ActivityLog::Result::Done);
    QVERIFY2(entry->detail.startsWith(QLatin1String("idle for ")), qPrintable(entry->detail));
    QVERIFY2(entry->connection.startsWith(QLatin1String("Docker")), qPrintable(entry->connection));
    QVERIFY(QDateTime::currentMSecsSinceEpoch() * 1000000 - entry->time < 120LL * 1000000000);

    // The shell closed: it was seen in use moments ago, so the idle time starts again.
    shell.closeWriteChannel();
    QVERIFY(shell.waitForFinished(20000));
    const Result after =
        sandboxctl(QStringList{QStringLiteral("gc"), QStringLiteral("--dry-run")} + idleArgs);
    QVERIFY2(idleIds(after).isEmpty(), after.out.constData());
}

QTEST_GUILESS_MAIN(TestLifetimes)
#include "tst_lifetimes.moc"
