#include "logs/ActivityLog.h"
#include "logs/ActivityLogFile.h"
#include "logs/LogBuffer.h"

#include <QFile>
#include <QFileInfo>
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

// rw for the owner, nothing for group or others (ReadUser and the like only repeat the owner's).
bool readableByOwnerAlone(const QString& path)
{
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                      QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    const QFile::Permissions permissions = QFile::permissions(path);
    return !(permissions & others) && permissions.testFlag(QFile::ReadOwner) &&
           permissions.testFlag(QFile::WriteOwner);
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
    void persistsForTheUserAlone();
    void showsWhatAnotherProgramAppends();
    void rotatesBySizeAndLosesNothingWhileWatching();
    void keepsSecretsOffTheDisk();
    void skipsLinesThatAreNotEntries();
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

void TestActivityLog::persistsForTheUserAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data/sandboxdesk/activity.jsonl"));
    {
        ActivityLogFile file(path);
        ActivityLog log;
        log.setFile(&file);
        QCOMPARE(log.size(), 0);
        log.record(QStringLiteral("Stop"), QStringLiteral("web-1"), QStringLiteral("abc"),
                   QStringLiteral("Docker (local)"));
        log.record(QStringLiteral("Start"), QStringLiteral("db"), QStringLiteral("def"),
                   QStringLiteral("Docker (local)"),
                   Error::make(Error::Conflict, QStringLiteral("Busy.")));
    }
    QVERIFY(readableByOwnerAlone(path));
    ActivityLogFile file(path);
    ActivityLog later;
    later.setFile(&file);
    QCOMPARE(later.size(), 2);
    QCOMPARE(later.at(0).action, QStringLiteral("Stop"));
    QCOMPARE(later.at(0).sandbox, QStringLiteral("web-1"));
    QCOMPARE(later.at(1).result, ActivityLog::Result::Failed);
    QCOMPARE(later.at(1).detail, QStringLiteral("Busy."));
    QCOMPARE(later.at(1).by, QCoreApplication::applicationName());
    QVERIFY(later.at(0).time > 0 && later.at(0).time <= later.at(1).time);
    QCOMPARE(later.buffer()->count(), 2);
}

void TestActivityLog::showsWhatAnotherProgramAppends()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("activity.jsonl"));
    ActivityLogFile windowFile(path);
    windowFile.setWatching(true);
    ActivityLog window;
    window.setFile(&windowFile);
    window.record(QStringLiteral("Open Terminal"), QStringLiteral("a"), QString(), QString());

    // sandboxctl: a file of its own on the same path, writing only.
    ActivityLogFile ctlFile(path);
    ActivityLog ctl;
    ctl.setOrigin(QStringLiteral("sandboxctl"));
    ctl.setFile(&ctlFile);
    QCOMPARE(ctl.size(), 1); // it reads what was there
    QSignalSpy recorded(&window, &ActivityLog::recorded);
    ctl.record(QStringLiteral("Clean Up"), QStringLiteral("old"), QStringLiteral("0123"),
               QStringLiteral("Docker (local)"));
    QTRY_COMPARE_WITH_TIMEOUT(window.size(), 2, 5000);
    QCOMPARE(window.at(1).by, QStringLiteral("sandboxctl"));
    QCOMPARE(window.buffer()->line(1), "Clean Up · old (0123) · on Docker (local) · by "
                                       "sandboxctl — done");
    QCOMPARE(recorded.size(), 1);
    // Its own entries are not read back as someone else's.
    window.record(QStringLiteral("Stop"), QStringLiteral("b"), QString(), QString());
    QTest::qWait(300);
    QCOMPARE(window.size(), 3);
    ctl.record(QStringLiteral("Clean Up"), QStringLiteral("older"), QString(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(window.size(), 4, 5000);
    QCOMPARE(window.at(2).action, QStringLiteral("Stop"));
    QCOMPARE(window.at(3).sandbox, QStringLiteral("older"));
}

void TestActivityLog::rotatesBySizeAndLosesNothingWhileWatching()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("activity.jsonl"));
    constexpr qint64 MaxBytes = 4096;
    ActivityLogFile readerFile(path, MaxBytes);
    readerFile.setWatching(true);
    ActivityLog reader;
    reader.setFile(&readerFile);
    ActivityLogFile writerFile(path, MaxBytes);
    ActivityLog writer;
    writer.setFile(&writerFile);
    constexpr int Count = 120;
    for (int i = 0; i < Count; ++i) {
        writer.record(QStringLiteral("Start"), QStringLiteral("s%1").arg(i), QString(),
                      QStringLiteral("Docker (local)"));
        if (i % 10 == 0)
            QCoreApplication::processEvents(); // the reader reads now and then, mid-rotation too
    }
    QTRY_COMPARE_WITH_TIMEOUT(reader.size(), Count, 5000);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(reader.at(i).sandbox, QStringLiteral("s%1").arg(i));
    QVERIFY(QFileInfo(path).size() <= MaxBytes);
    QVERIFY(QFileInfo(path + QStringLiteral(".1")).size() <= MaxBytes);
    QVERIFY(readableByOwnerAlone(path));

    // A new reader finds the newest entries, oldest first, from both files.
    ActivityLogFile laterFile(path, MaxBytes);
    ActivityLog later;
    later.setFile(&laterFile);
    QVERIFY(later.size() > 10 && later.size() < Count);
    QCOMPARE(later.at(later.size() - 1).sandbox, QStringLiteral("s%1").arg(Count - 1));
    const int first = later.at(0).sandbox.mid(1).toInt();
    for (qsizetype i = 0; i < later.size(); ++i)
        QCOMPARE(later.at(i).sandbox, QStringLiteral("s%1").arg(first + i));
}

void TestActivityLog::keepsSecretsOffTheDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("activity.jsonl"));
    ActivityLogFile file(path);
    ActivityLog log;
    log.setFile(&file);
    log.record(
        QStringLiteral("Start"), QStringLiteral("a"), QString(),
        QStringLiteral("https://user:%1@example.test").arg(QString::fromLatin1(Canary)),
        Error::make(Error::Server, QStringLiteral("token=%1").arg(QString::fromLatin1(Canary))));
    // Whoever appends directly is scrubbed too.
    ActivityLog::Entry direct;
    direct.time = 1;
    direct.action = QStringLiteral("Clean Up");
    direct.detail = QStringLiteral("password: %1").arg(QString::fromLatin1(Canary));
    QVERIFY(!file.append(direct).isError());
    const QByteArray onDisk = readAll(path);
    QVERIFY(onDisk.contains("example.test"));
    QVERIFY(!onDisk.contains(Canary));
}

void TestActivityLog::skipsLinesThatAreNotEntries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("activity.jsonl"));
    QFile garbage(path);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("not json\n{\"time\":\"2024-05-01T10:00:00Z\",\"action\":\"Stop\","
                  "\"result\":\"done\"}\n{\"time\":\"yesterday\",\"action\":\"Stop\","
                  "\"result\":\"done\"}\n{\"time\":\"2024-05-01T10:00:01Z\",\"action\":\"Stop\","
                  "\"result\":\"maybe\"}\n{\"time\":\"2024-05-01T10:00:0");
    garbage.close();
    ActivityLogFile file(path);
    ActivityLog log;
    log.setFile(&file);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).time, 1714557600LL * 1000000000);
    // A line left half-written by a program that died does not swallow the next entry.
    log.record(QStringLiteral("Start"), QStringLiteral("after"), QString(), QString());
    ActivityLogFile again(path);
    ActivityLog reread;
    reread.setFile(&again);
    QCOMPARE(reread.size(), 2);
    QCOMPARE(reread.at(1).sandbox, QStringLiteral("after"));
}

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"
