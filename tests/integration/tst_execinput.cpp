#include "DockerTestEnvironment.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace DockerTestEnvironment;

// `sandboxctl exec -i` as a pipe: every byte of a large input reaches the process before its
// end-of-file, on each transport, and input faster than the engine takes it keeps memory bounded.
class TestExecInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pipedInputArrivesWhole_data();
    void pipedInputArrivesWhole();
    void endlessInputKeepsMemoryBounded();

private:
    QProcessEnvironment transport(const QString& name) const;

    QTemporaryDir m_dir;
    QString m_inputPath;
    QByteArray m_inputDigest;
    QString m_id;
};

namespace {

constexpr qint64 inputBytes = 64 * 1024 * 1024;

// VmRSS of a process in KiB, or -1.
qint64 residentKib(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

void TestExecInput::initTestCase()
{
    REQUIRE_TEST_ENGINE();
    QVERIFY(m_dir.isValid());
    QVERIFY2(!qEnvironmentVariable("SANDBOXDESK_TEST_TLS_HOST").isEmpty(),
             "SANDBOXDESK_TEST_TLS_HOST and SANDBOXDESK_TEST_CERT_PATH are set by scripts/test.");

    // Random bytes, so that a lost or repeated piece shows in the digest.
    m_inputPath = m_dir.filePath(QStringLiteral("input"));
    QFile input(m_inputPath);
    QVERIFY(input.open(QIODevice::WriteOnly));
    QRandomGenerator generator(64);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < inputBytes; written += block.size()) {
        generator.fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
        QCOMPARE(input.write(block), block.size());
        hash.addData(block);
    }
    input.close();
    m_inputDigest = hash.result().toHex();

    QVERIFY2(!qEnvironmentVariable("SANDBOXDESK_TEST_SSH_HOST").isEmpty() &&
                 !qEnvironmentVariable("SANDBOXDESK_TEST_SSH_BIN").isEmpty(),
             "SANDBOXDESK_TEST_SSH_HOST and SANDBOXDESK_TEST_SSH_BIN are set by scripts/test.");

    const auto run = docker({QStringLiteral("run"), QStringLiteral("-d"),
                             QStringLiteral("--network"), QStringLiteral("none"),
                             QStringLiteral("--name"), uniqueName(QStringLiteral("execinput")),
                             image(), QStringLiteral("sleep"), QStringLiteral("3600")});
    QCOMPARE(run.exitCode, 0);
    m_id = QString::fromUtf8(run.out).trimmed();
}

void TestExecInput::cleanupTestCase()
{
    if (!m_id.isEmpty())
        docker({QStringLiteral("rm"), QStringLiteral("-f"), m_id});
}

QProcessEnvironment TestExecInput::transport(const QString& name) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (name == QLatin1String("tls")) {
        env.insert(QStringLiteral("DOCKER_HOST"),
                   qEnvironmentVariable("SANDBOXDESK_TEST_TLS_HOST"));
        env.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
        env.insert(QStringLiteral("DOCKER_CERT_PATH"),
                   qEnvironmentVariable("SANDBOXDESK_TEST_CERT_PATH"));
    } else if (name == QLatin1String("ssh")) {
        // The private sshd of scripts/test, through the ssh that carries its key.
        env.insert(QStringLiteral("DOCKER_HOST"),
                   qEnvironmentVariable("SANDBOXDESK_TEST_SSH_HOST"));
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("SANDBOXDESK_TEST_SSH_BIN") +
                                               QLatin1Char(':') +
                                               env.value(QStringLiteral("PATH")));
    }
    return env;
}

void TestExecInput::pipedInputArrivesWhole_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("unix") << QStringLiteral("unix");
    QTest::newRow("tcp+tls") << QStringLiteral("tls");
    QTest::newRow("ssh") << QStringLiteral("ssh");
}

void TestExecInput::pipedInputArrivesWhole()
{
    QFETCH(QString, transport);
    const QString target = QStringLiteral("/input-") + transport;
    QProcess ctl;
    ctl.setProcessEnvironment(this->transport(transport));
    ctl.setStandardInputFile(m_inputPath);
    ctl.start(QStringLiteral(SANDBOXCTL_PATH),
              {QStringLiteral("exec"), QStringLiteral("-i"), m_id, QStringLiteral("--"),
               QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("cat > ") + target});
    // A few seconds; over TLS the end of the stream went unnoticed for minutes.
    QVERIFY(ctl.waitForFinished(60000));
    QVERIFY2(ctl.exitCode() == 0, ctl.readAllStandardError().constData());

    const auto size =
        docker({QStringLiteral("exec"), m_id, QStringLiteral("wc"), QStringLiteral("-c"), target});
    QCOMPARE(size.out.simplified(), QByteArray::number(inputBytes) + ' ' + target.toUtf8());
    const auto digest = docker({QStringLiteral("exec"), m_id, QStringLiteral("sha256sum"), target});
    QCOMPARE(digest.out.simplified(), m_inputDigest + ' ' + target.toUtf8());
}

void TestExecInput::endlessInputKeepsMemoryBounded()
{
    // The process takes 128 MiB of zeros and ends; sandboxctl reads no faster than the engine
    // takes its input.
    constexpr qint64 takenBytes = 128 * 1024 * 1024;
    constexpr qint64 boundKib = 64 * 1024;
    QProcess ctl;
    ctl.setStandardInputFile(QStringLiteral("/dev/zero"));
    ctl.start(QStringLiteral(SANDBOXCTL_PATH),
              {QStringLiteral("exec"), QStringLiteral("-i"), m_id, QStringLiteral("--"),
               QStringLiteral("sh"), QStringLiteral("-c"),
               QStringLiteral("head -c %1 | wc -c").arg(takenBytes)});
    QVERIFY(ctl.waitForStarted());
    qint64 peakKib = 0;
    QElapsedTimer clock;
    clock.start();
    while (!ctl.waitForFinished(100) && clock.elapsed() < 120000) {
        peakKib = qMax(peakKib, residentKib(ctl.processId()));
        if (peakKib > boundKib)
            break;
    }
    if (ctl.state() != QProcess::NotRunning) {
        ctl.kill();
        ctl.waitForFinished();
    }
    QVERIFY2(peakKib > 0 && peakKib <= boundKib,
             qPrintable(QStringLiteral("peak VmRSS %1 KiB").arg(peakKib)));
    QCOMPARE(ctl.exitStatus(), QProcess::NormalExit);
    QVERIFY2(ctl.exitCode() == 0, ctl.readAllStandardError().constData());
    QCOMPARE(ctl.readAllStandardOutput().trimmed(), QByteArray::number(takenBytes));
    qInfo("sandboxctl exec -i < /dev/zero: peak VmRSS %lld KiB over %lld ms", peakKib,
          clock.elapsed());
}

QTEST_GUILESS_MAIN(TestExecInput)
#include "tst_execinput.moc"
