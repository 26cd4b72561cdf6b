#include "BackendFixture.h"
#include "run/PackageManagers.h"
#include "run/Run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>

#include <csignal>

using namespace DockerTestEnvironment;
using PackageManagers::Found;
using PackageManagers::Manager;

namespace {

const QString helloPackage = QStringLiteral("sandboxdesk-hello");

Result sandboxctl(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SANDBOXCTL_PATH), arguments);
    process.closeWriteChannel();
    Result result;
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool hasPackage(const QList<Package>& packages, const QString& name)
{
    return std::any_of(packages.cbegin(), packages.cend(),
                       [&name](const Package& package) { return package.name == name; });
}

} // namespace

// Package managers on the real engine: none in the busybox image (and a clear message), apt
// in the offline Debian image, whose list holds dpkg itself, and an install of a real .deb
// from the image's local repository (apt-get update and install, with --network none) whose
// output streams and whose package is then listed; then its removal. The same through
// sandboxctl, where Ctrl-C and SIGTERM stop the package manager in the sandbox.
class TestPackages final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void busyboxHasNone();
    void debianHasApt();
    void listHoldsDpkg();
    void installStreamsAndLists();
    void failedInstallKeepsTheExitCode();
    void sandboxctlNone();
    void sandboxctlListInstallRemove();
    void sandboxctlUsage();
    void sandboxctlInterruptStopsTheManager_data();
    void sandboxctlInterruptStopsTheManager();

private:
    QString startContainer(const QString& image, const QString& prefix);
    QList<Found> detect(const QString& id);
    QList<Package> list(const Found& found);

    std::unique_ptr<DockerBackend> m_backend;
    QString m_busybox;
    QString m_debian;
};

QString TestPackages::startContainer(const QString& image, const QString& prefix)
{
    const auto run =
        docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                QStringLiteral("none"), QStringLiteral("--name"), uniqueName(prefix), image,
                QStringLiteral("sleep"), QStringLiteral("3600")});
    if (run.exitCode != 0)
        return {};
    return QString::fromUtf8(run.out).trimmed();
}

void TestPackages::initTestCase()
{
    REQUIRE_DEBIAN_IMAGE();
    m_backend = connectedBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 15000);
    m_busybox = startContainer(image(), QStringLiteral("pkg-busybox"));
    m_debian = startContainer(debianImage(), QStringLiteral("pkg-debian"));
    QVERIFY(!m_busybox.isEmpty() && !m_debian.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(m_busybox).status == SandboxStatus::Running &&
                                 m_backend->sandbox(m_debian).status == SandboxStatus::Running,
                             15000);
}

void TestPackages::cleanupTestCase()
{
    for (const QString& id : {m_busybox, m_debian}) {
        if (!id.isEmpty())
            docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
    }
}

QList<Found> TestPackages::detect(const QString& id)
{
    auto* job = PackageManagers::detect(m_backend.get(), id, {}, this);
    const JobOutcome outcome = await(job);
    if (outcome.error.isError())
        qWarning("detect: %s", qPrintable(outcome.error.fullText()));
    return outcome.result.value<QList<Found>>();
}

QList<Package> TestPackages::list(const Found& found)
{
    auto* job = PackageManagers::list(m_backend.get(), m_debian, {}, found, this);
    const JobOutcome outcome = await(job);
    if (outcome.error.isError())
        qWarning("list: %s", qPrintable(outcome.error.fullText()));
    return outcome.result.value<QList<Package>>();
}

void TestPackages::busyboxHasNone()
{
    auto* job = PackageManagers::detect(m_backend.get(), m_busybox, {}, this);
    const JobOutcome outcome = await(job);
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QVERIFY(outcome.result.value<QList<Found>>().isEmpty());
}

void TestPackages::debianHasApt()
{
    const QList<Found> found = detect(m_debian);
    QCOMPARE(found.size(), 1); // minbase has no Python and no Node.js
    QCOMPARE(found.first().manager, Manager::Apt);
    QCOMPARE(found.first().path, QStringLiteral("/usr/bin/apt-get"));
    QCOMPARE(found.first().queryPath, QStringLiteral("/usr/bin/dpkg-query"));
}

void TestPackages::listHoldsDpkg()
{
    const QList<Found> found = detect(m_debian);
    QVERIFY(!found.isEmpty());
    const QList<Package> packages = list(found.first());
    QVERIFY2(packages.size() > 50, qPrintable(QString::number(packages.size())));
    const auto dpkg = std::find_if(packages.cbegin(), packages.cend(), [](const Package& p) {
        return p.name == QLatin1String("dpkg");
    });
    QVERIFY(dpkg != packages.cend());
    // The version dpkg itself reports.
    const auto version =
        docker({QStringLiteral("exec"), m_debian, QStringLiteral("dpkg-query"),
                QStringLiteral("-W"), QStringLiteral("-f=${Version}"), QStringLiteral("dpkg")});
    QCOMPARE(dpkg->version, QString::fromUtf8(version.out));
    QVERIFY(!hasPackage(packages, helloPackage));
}

void TestPackages::installStreamsAndLists()
{
    const QList<Found> found = detect(m_debian);
    QVERIFY(!found.isEmpty());
    RunRequest request = PackageManagers::installRequest(found.first(), {helloPackage});
    Run run(m_backend.get(), m_debian, request);
    QByteArray out;
    int chunks = 0;
    connect(&run, &Run::received, this, [&](ExecSession::Stream stream, const QByteArray& bytes) {
        if (stream == ExecSession::Stream::Stdout) {
            out += bytes;
            ++chunks;
        }
    });
    run.start();
    QVERIFY(QTest::qWaitFor([&] { return run.isFinished(); }, 120000));
    QVERIFY2(!run.result().error.isError(), qPrintable(run.result().error.fullText()));
    QVERIFY2(run.result().exitCode == 0, out.constData());
    // apt-get update read the local repository, then apt-get install unpacked the package.
    QVERIFY2(out.contains("file:/srv/sandboxdesk-repo"), out.constData());
    QVERIFY2(out.contains("Setting up sandboxdesk-hello (1.0-1)"), out.constData());
    QVERIFY2(chunks > 1, out.constData()); // it came as apt printed it, not at the end

    const QList<Package> packages = list(found.first());
    QVERIFY(packages.contains(Package{helloPackage, QStringLiteral("1.0-1")}));
    const auto hello = docker({QStringLiteral("exec"), m_debian, helloPackage});
    QCOMPARE(hello.out, QByteArray("hello from sandboxdesk-hello\n"));

    Run removal(m_backend.get(), m_debian,
                PackageManagers::removeRequest(found.first(), {helloPackage}));
    removal.start();
    QVERIFY(QTest::qWaitFor([&] { return removal.isFinished(); }, 120000));
    QCOMPARE(removal.result().exitCode, 0);
    QVERIFY(!hasPackage(list(found.first()), helloPackage));
}

void TestPackages::failedInstallKeepsTheExitCode()
{
    const QList<Found> found = detect(m_debian);
    QVERIFY(!found.isEmpty());
    Run run(m_backend.get(), m_debian,
            PackageManagers::installRequest(found.first(), {QStringLiteral("no-such-package")}));
    QByteArray err;
    connect(&run, &Run::received, this, [&](ExecSession::Stream stream, const QByteArray& bytes) {
        if (stream == ExecSession::Stream::Stderr)
            err += bytes;
    });
    run.start();
    QVERIFY(QTest::qWaitFor([&] { return run.isFinished(); }, 120000));
    QCOMPARE(run.result().exitCode, 100); // apt-get's own
    QVERIFY2(err.contains("Unable to locate package no-such-package"), err.constData());
}

void TestPackages::sandboxctlNone()
{
    const Result result = sandboxctl({QStringLiteral("packages"), m_busybox});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(QString::fromUtf8(result.err).trimmed(), PackageManagers::noneFoundMessage());
    const Result managers =
        sandboxctl({QStringLiteral("packages"), QStringLiteral("managers"), m_busybox});
    QCOMPARE(managers.exitCode, 1);
}

void TestPackages::sandboxctlListInstallRemove()
{
    const Result managers =
        sandboxctl({QStringLiteral("packages"), QStringLiteral("managers"), m_debian});
    QVERIFY2(managers.exitCode == 0, managers.err.constData());
    QCOMPARE(managers.out.simplified(), QByteArray("apt /usr/bin/apt-get /usr/bin/dpkg-query"));

    const Result listed = sandboxctl({QStringLiteral("packages"), m_debian});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QVERIFY2(listed.out.contains("\napt  dpkg "), listed.out.constData());
    QVERIFY(!listed.out.contains(helloPackage.toUtf8()));

    const Result noPip = sandboxctl(
        {QStringLiteral("packages"), m_debian, QStringLiteral("--manager"), QStringLiteral("pip")});
    QCOMPARE(noPip.exitCode, 1);
    QVERIFY2(noPip.err.contains("pip") && noPip.err.contains("apt"), noPip.err.constData());

    const Result installed = sandboxctl({QStringLiteral("packages"), QStringLiteral("install"),
                                         m_debian, QStringLiteral("apt"), helloPackage});
    QVERIFY2(installed.exitCode == 0, installed.err.constData());
    QVERIFY2(installed.out.contains("Setting up sandboxdesk-hello"), installed.out.constData());

    const Result json = sandboxctl({QStringLiteral("packages"), m_debian, QStringLiteral("-m"),
                                    QStringLiteral("dpkg"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(json.out).array();
    QVERIFY(array.size() > 50);
    QVERIFY(array.contains(QJsonObject{{QStringLiteral("manager"), QStringLiteral("apt")},
                                       {QStringLiteral("name"), helloPackage},
                                       {QStringLiteral("version"), QStringLiteral("1.0-1")}}));

    const Result removed = sandboxctl({QStringLiteral("packages"), QStringLiteral("remove"),
                                       m_debian, QStringLiteral("apt"), helloPackage});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QVERIFY(
        !sandboxctl({QStringLiteral("packages"), m_debian}).out.contains(helloPackage.toUtf8()));

    const Result missing =
        sandboxctl({QStringLiteral("packages"), QStringLiteral("install"), m_debian,
                    QStringLiteral("apt"), QStringLiteral("no-such-package")});
    QCOMPARE(missing.exitCode, 100);
    QVERIFY2(missing.err.contains("Unable to locate package"), missing.err.constData());
}

void TestPackages::sandboxctlUsage()
{
    QCOMPARE(sandboxctl({QStringLiteral("packages")}).exitCode, 64);
    QCOMPARE(sandboxctl({QStringLiteral("packages"), QStringLiteral("install"), m_debian,
                         QStringLiteral("yum"), QStringLiteral("x")})
                 .exitCode,
             64);
    QCOMPARE(sandboxctl({QStringLiteral("packages"), QStringLiteral("install"), m_debian,
                         QStringLiteral("apt"), QStringLiteral("--force-yes")})
                 .exitCode,
             64);
    QCOMPARE(sandboxctl({QStringLiteral("packages"), QStringLiteral("no-such-sandbox")}).exitCode,
             2);
}

void TestPackages::sandboxctlInterruptStopsTheManager_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("signal");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("install, Ctrl-C") << QStringLiteral("install") << int(SIGINT) << 130;
    QTest::newRow("remove, TERM") << QStringLiteral("remove") << int(SIGTERM) << 143;
}

void TestPackages::sandboxctlInterruptStopsTheManager()
{
    QFETCH(QString, action);
    QFETCH(int, signal);
    QFETCH(int, exitCode);
    // A package manager that takes its time: an apk of its own in a busybox container, a
    // shell that waits on a sleep.
    const QString id = startContainer(image(), QStringLiteral("pkg-slow"));
    QVERIFY(!id.isEmpty());
    const auto removeContainer = qScopeGuard([&id] {
        docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
    });
    const Result made =
        docker({QStringLiteral("exec"), id, QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("printf '#!/bin/sh\\necho \"apk $*\"\\nsleep 367\\n' >/bin/apk && "
                               "chmod +x /bin/apk")});
    QVERIFY2(made.exitCode == 0, made.err.constData());

    QProcess process;
    process.start(QStringLiteral(SANDBOXCTL_PATH),
                  {QStringLiteral("packages"), action, id, QStringLiteral("apk"), helloPackage});
    process.closeWriteChannel();
    QByteArray out;
    QTRY_VERIFY2_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("apk "),
                              out.constData(), 60000);
    ::kill(pid_t(process.processId()), signal);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY(process.readAllStandardError().contains("Stopped."));
    const Result ps = docker({QStringLiteral("exec"), id, QStringLiteral("ps"),
                              QStringLiteral("-o"), QStringLiteral("stat,args")});
    QCOMPARE(ps.exitCode, 0);
    for (const QByteArray& line : ps.out.split('\n')) {
        QVERIFY2(!line.contains("sleep 367") || line.trimmed().startsWith('Z'), line.constData());
        QVERIFY2(!line.contains("/bin/apk") || line.trimmed().startsWith('Z'), line.constData());
    }
}

QTEST_GUILESS_MAIN(TestPackages)
#include "tst_packages.moc"
