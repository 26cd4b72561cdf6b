#include "logs/ActivityLog.h"
#include "logs/LogBuffer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray Canary = "c4n4ry-S3CRET-9f2e71";

QByteArray readAll(const QString& fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QByteArray bufferText(const LogBuffer& buffer)
{
    QByteArray text;
    for (qint64 i = 0; i < buffer.count(); ++i)
        text += buffer.line(i) + '\n';
    return text;
}

} // namespace

class TestActivityLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsWhatWasDone();
    void keepsTheNewestEntries();
    void neverHoldsASecret_data();
    void neverHoldsASecret();
    void exportsTextAndJsonLines();
    void unwritableTarget();
};

void TestActivityLog::recordsWhatWasDone()
{
    ActivityLog log;
    QSignalSpy recorded(&log, &ActivityLog::recorded);
    log.record(QStringLiteral("Stop"), QStringLiteral("web-1"),
               QStringLiteral("3f2a1b2c3d4e5f60718293a4b5c6d7e8"),
               QStringLiteral("Docker (local)"));
    log.record(QStringLiteral("Start"), QStringLiteral("db"), QStringLiteral("aabbccddeeff0011"),
               QStringLiteral("Docker (local)"),
               Error::make(Error::Conflict, QStringLiteral("The sandbox is being removed.")));
    log.record(QStringLiteral("Delete"), QString(), QStringLiteral("0123456789abcdef"),
               QStringLiteral("ECI"), Error::make(Error::Cancelled, QStringLiteral("Cancelled.")));
    QCOMPARE(recorded.size(), 3);
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).result, ActivityLog::Result::Done);
    QCOMPARE(log.at(1).result, ActivityLog::Result::Failed);
    QCOMPARE(log.at(1).detail, QStringLiteral("The sandbox is being removed."));
    QCOMPARE(log.at(2).result, ActivityLog::Result::Cancelled);
    QVERIFY(log.at(0).time > 0);
    QVERIFY(log.at(0).time <= log.at(1).time);

    const auto buffer = log.buffer();
    QCOMPARE(buffer->count(), 3);
    QCOMPARE(buffer->line(0), "Stop · web-1 (3f2a1b2c3d4e) · on Docker (local) — done");
    QCOMPARE(buffer->line(1), "Start · db (aabbccddeeff) · on Docker (local) — failed: The "
                              "sandbox is being removed.");
    QCOMPARE(buffer->line(2), "Delete · 0123456789ab · on ECI — cancelled");
    QCOMPARE(buffer->stream(0), LogStream::Stream::Stdout);
    QCOMPARE(buffer->stream(1), LogStream::Stream::Stderr);
    QCOMPARE(buffer->timestamp(1), log.at(1).time);
}

void TestActivityLog::keepsTheNewestEntries()
{
    ActivityLog log(8);
    QSignalSpy trimmed(&log, &ActivityLog::trimmed);
    for (int i = 0; i < 20; ++i)
        log.record(QStringLiteral("Start"), QStringLiteral("s%1").arg(i), QString(), QString());
    QVERIFY(log.size() <= 8);
    QVERIFY(!trimmed.isEmpty());
    QCOMPARE(log.at(log.size() - 1).sandbox, QStringLiteral("s19"));
    // What is kept is the newest, in order, and the buffer holds exactly that.
    for (qsizetype i = 0; i < log.size(); ++i) {
        const QString name = QStringLiteral("s%1").arg(20 - log.size() + i);
        QCOMPARE(log.at(i).sandbox, name);
        QCOMPARE(log.buffer()->line(i),
                 (QStringLiteral("Start · ") + name + QStringLiteral(" — done")).toUtf8());
    }
    QCOMPARE(log.buffer()->count(), log.size());
}

void TestActivityLog::neverHoldsASecret_data()
{
    QTest::addColumn<QString>("detail");
    const QString c = QString::fromLatin1(Canary);
    QTest::newRow("query") << QStringLiteral("POST /?Action=Run&AccessKeySecret=%1&x=1").arg(c);
    QTest::newRow("env") << QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=%1 not valid").arg(c);
    QTest::newRow("json") << QStringLiteral("{\"AccessKeySecret\": \"%1\", \"Code\": 1}").arg(c);
    QTest::newRow("header") << QStringLiteral("Authorization: Bearer %1").arg(c);
    QTest::newRow("acs") << QStringLiteral("ACS3-HMAC-SHA256 Credential=%1,Signature=%1").arg(c);
    QTest::newRow("password") << QStringLiteral("login failed: password='%1'").arg(c);
    QTest::newRow("token") << QStringLiteral("x-acs-security-token: %1").arg(c);
    QTest::newRow("url") << QStringLiteral("cannot reach tcp://admin:%1@10.0.0.2:2376").arg(c);
    QTest::newRow("api key") << QStringLiteral("api_key=%1; retry").arg(c);
    QTest::newRow("url value") << QStringLiteral("token: https://%1.example/").arg(c);
}

void TestActivityLog::neverHoldsASecret()
{
    QFETCH(QString, detail);
    QTemporaryDir dir;
    ActivityLog log;
    // A canary secret passed through an error, as a server or a library might quote it back.
    log.record(QStringLiteral("Create"), QStringLiteral("web"), QStringLiteral("abc"),
               QStringLiteral("ECI cn-hangzhou"),
               Error::make(Error::Auth, QStringLiteral("The request was refused."),
                           QStringLiteral("InvalidAccessKeySecret"), detail));
    const ActivityLog::Entry& entry = log.at(0);
    for (const QString& field :
         {entry.action, entry.sandbox, entry.sandboxId, entry.connection, entry.detail})
        QVERIFY2(!field.contains(QString::fromLatin1(Canary)), qPrintable(field));
    // What is not a secret stays readable.
    QVERIFY(entry.detail.contains(QStringLiteral("The request was refused.")));
    QVERIFY(entry.detail.contains(QStringLiteral("***")));
    QVERIFY(!bufferText(*log.buffer()).contains(Canary));
    const QString text = dir.filePath(QStringLiteral("activity.txt"));
    const QString json = dir.filePath(QStringLiteral("activity.jsonl"));
    QVERIFY(!log.exportTo(text, ActivityLog::Format::PlainText).isError());
    QVERIFY(!log.exportTo(json, ActivityLog::Format::JsonLines).isError());
    QVERIFY(readAll(text).contains("The request was refused."));
    QVERIFY(!readAll(text).contains(Canary));
    QVERIFY(!readAll(json).contains(Canary));
}

void TestActivityLog::exportsTextAndJsonLines()
{
    QTemporaryDir dir;
    ActivityLog log;
    ActivityLog::Entry first;
    first.time = 1714557600LL * 1000000000 + 5;
    first.action = QStringLiteral("Open Logs");
    first.sandbox = QStringLiteral("web \"1\"");
    first.sandboxId = QStringLiteral("3f2a1b2c3d4e5f60");
    first.connection = QStringLiteral("Docker (local)");
    log.record(first);
    log.record(QStringLiteral("Stop"), QStringLiteral("db"), QStringLiteral("0011"),
               QStringLiteral("Docker (local)"),
               Error::make(Error::Conflict, QStringLiteral("Already stopped\nfor good.")));

    const QString text = dir.filePath(QStringLiteral("a.txt"));
    QVERIFY(!log.exportTo(text, ActivityLog::Format::PlainText).isError());
    const QList<QByteArray> lines = readAll(text).split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), "2024-05-01T10:00:00.000000005Z Open Logs · web \"1\" (3f2a1b2c3d4e) · "
                          "on Docker (local) — done");
    QVERIFY(lines.at(1).endsWith("— failed: Already stopped for good."));
    QCOMPARE(lines.at(2), QByteArray());

    const QString json = dir.filePath(QStringLiteral("a.jsonl"));
    const QList<qint64> onlySecond{1};
    QVERIFY(!log.exportTo(json, ActivityLog::Format::JsonLines, &onlySecond).isError());
    const QList<QByteArray> jsonLines = readAll(json).split('\n');
    QCOMPARE(jsonLines.size(), 2);
    const QJsonObject object = QJsonDocument::fromJson(jsonLines.at(0)).object();
    QCOMPARE(object.value(QStringLiteral("action")).toString(), QStringLiteral("Stop"));
    QCOMPARE(object.value(QStringLiteral("sandbox")).toString(), QStringLiteral("db"));
    QCOMPARE(object.value(QStringLiteral("id")).toString(), QStringLiteral("0011"));
    QCOMPARE(object.value(QStringLiteral("connection")).toString(),
             QStringLiteral("Docker (local)"));
    QCOMPARE(object.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(object.value(QStringLiteral("detail")).toString(),
             QStringLiteral("Already stopped\nfor good."));
    QVERIFY(object.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));
}

void TestActivityLog::unwritableTarget()
{
    ActivityLog log;
    log.record(QStringLiteral("Start"), QStringLiteral("a"), QString(), QString());
    const Error error = log.exportTo(QStringLiteral("/nonexistent-dir/for/sure/a.txt"),
                                     ActivityLog::Format::PlainText);
    QCOMPARE(error.kind, Error::Invalid);
    QVERIFY(!error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"
