#include "sandbox/Sandbox.h"

#include <QTest>

class TestSandbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusKeysRoundTrip();
    void memorySizes_data();
    void memorySizes();
    void portBindings_data();
    void portBindings();
    void validation_data();
    void validation();
};

void TestSandbox::statusKeysRoundTrip()
{
    for (SandboxStatus status :
         {SandboxStatus::Created, SandboxStatus::Running, SandboxStatus::Paused,
          SandboxStatus::Restarting, SandboxStatus::Removing, SandboxStatus::Exited,
          SandboxStatus::Dead}) {
        QCOMPARE(statusFromKey(statusKey(status)), status);
        QCOMPARE(statusKey(status), statusKey(status).toLower());
    }
    QCOMPARE(statusFromKey(QStringLiteral("RUNNING")), SandboxStatus::Running);
    QCOMPARE(statusFromKey(QStringLiteral("bogus")), SandboxStatus::Unknown);
}

void TestSandbox::memorySizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("plain") << "1048576" << qint64(1048576);
    QTest::newRow("k") << "4k" << qint64(4096);
    QTest::newRow("m") << "512m" << qint64(512) * 1024 * 1024;
    QTest::newRow("MiB") << "512MiB" << qint64(512) * 1024 * 1024;
    QTest::newRow("G") << "2G" << qint64(2) * 1024 * 1024 * 1024;
    QTest::newRow("spaces") << " 2 g " << qint64(2) * 1024 * 1024 * 1024;
    QTest::newRow("junk") << "12q" << qint64(-1);
    QTest::newRow("negative") << "-5m" << qint64(-1);
    QTest::newRow("overflow") << "99999999999999999t" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestSandbox::memorySizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(parseMemorySize(text), bytes);
}

void TestSandbox::portBindings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("shown");
    QTest::newRow("container only") << "80" << true << "80/tcp";
    QTest::newRow("host:container") << "8080:80" << true << "8080->80/tcp";
    QTest::newRow("ip") << "127.0.0.1:8080:80/udp" << true << "127.0.0.1:8080->80/udp";
    QTest::newRow("too big") << "99999" << false << "";
    QTest::newRow("zero") << "0" << false << "";
    QTest::newRow("host zero") << "0:80" << false << "";
    QTest::newRow("bad proto") << "80/icmp" << false << "";
    QTest::newRow("words") << "http" << false << "";
}

void TestSandbox::portBindings()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, shown);
    PortBinding binding;
    QCOMPARE(parsePortBinding(text, &binding), valid);
    if (valid)
        QCOMPARE(binding.toString(), shown);
}

void TestSandbox::validation_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<QString>("workingDir");
    QTest::addColumn<int>("problems");
    QTest::newRow("valid") << "busybox"
                           << "web-1" << QStringList{QStringLiteral("A=1")}
                           << qint64(64) * 1024 * 1024 << "/srv" << 0;
    QTest::newRow("no image") << ""
                              << "" << QStringList() << qint64(0) << "" << 1;
    QTest::newRow("bad name") << "busybox"
                              << "-x" << QStringList() << qint64(0) << "" << 1;
    QTest::newRow("hostile name") << "busybox"
                                  << "../../etc" << QStringList() << qint64(0) << "" << 1;
    QTest::newRow("env") << "busybox"
                         << "" << QStringList{QStringLiteral("NOEQUALS")} << qint64(0) << "" << 1;
    QTest::newRow("tiny memory") << "busybox"
                                 << "" << QStringList() << qint64(1024) << "" << 1;
    QTest::newRow("relative dir") << "busybox"
                                  << "" << QStringList() << qint64(0) << "srv" << 1;
    QTest::newRow("all wrong") << "a b"
                               << "!" << QStringList{QStringLiteral("=x")} << qint64(5) << "x" << 5;
}

void TestSandbox::validation()
{
    QFETCH(QString, image);
    QFETCH(QString, name);
    QFETCH(QStringList, env);
    QFETCH(qint64, memory);
    QFETCH(QString, workingDir);
    QFETCH(int, problems);
    SandboxSpec spec;
    spec.image = image;
    spec.name = name;
    spec.env = env;
    spec.memoryBytes = memory;
    spec.workingDir = workingDir;
    const QStringList found = spec.validate();
    QCOMPARE(found.size(), problems);
    for (const QString& problem : found)
        QVERIFY(!problem.isEmpty());
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
