#include "logs/LogBuffer.h"
#include "logs/LogExporter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using Stream = LogStream::Stream;

namespace {

const qint64 T1 = 1714557600LL * 1000000000 + 123456789;

QByteArray readAll(const QString& fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

Error finish(LogExporter& exporter)
{
    QSignalSpy finished(&exporter, &LogExporter::finished);
    if (!finished.wait(60000))
        return Error::make(Error::Timeout, QStringLiteral("the export did not finish"));
    return finished.first().first().value<Error>();
}

} // namespace

class TestLogExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainText();
    void jsonLines();
    void chosenLines();
    void cancelledExportLeavesNoFile();
    void unwritableTarget();
    void deletedWhileRunning();
};

void TestLogExporter::plainText()
{
    QTemporaryDir dir;
    const auto buffer = std::make_shared<LogBuffer>(1 << 20, 4096, 10);
    buffer->append(Stream::Stdout, "one\n", T1);
    buffer->append(Stream::Stderr, QByteArray("two\0\xff\x1b[1m\n", 10), T1 + 1);
    buffer->append(Stream::Stdout, "a line longer than ten\n", T1 + 2);
    LogExporter exporter(buffer);
    const QString fileName = dir.filePath(QStringLiteral("log.txt"));
    exporter.exportAll(fileName, LogExporter::Format::PlainText);
    const Error error = finish(exporter);
    QVERIFY2(!error.isError(), qPrintable(error.fullText()));
    // Pieces cut at the cap are joined back into their line.
    QCOMPARE(readAll(fileName), QByteArray("one\ntwo\0\xff\x1b[1m\na line longer than ten\n", 37));
}

void TestLogExporter::jsonLines()
{
    QTemporaryDir dir;
    const auto buffer = std::make_shared<LogBuffer>(1 << 20, 4096, 32);
    buffer->append(Stream::Stdout, "plain\n", T1);
    buffer->append(Stream::Stderr, "quote \" back\\ tab\t\x01\xff\n", 0);
    buffer->append(Stream::Stdout, "01234567890123456789012345678901abc\n", T1);
    LogExporter exporter(buffer);
    const QString fileName = dir.filePath(QStringLiteral("log.jsonl"));
    exporter.exportAll(fileName, LogExporter::Format::JsonLines);
    QVERIFY(!finish(exporter).isError());
    const QByteArray expected =
        "{\"time\":\"2024-05-01T10:00:00.123456789Z\",\"stream\":\"stdout\",\"text\":\"plain\"}\n"
        "{\"time\":null,\"stream\":\"stderr\",\"text\":\"quote \\\" back\\\\ "
        "tab\\t\\u0001\xef\xbf\xbd\"}\n"
        "{\"time\":\"2024-05-01T10:00:00.123456789Z\",\"stream\":\"stdout\",\"text\":"
        "\"01234567890123456789012345678901\","
        "\"continued\":true}\n"
        "{\"time\":\"2024-05-01T10:00:00.123456789Z\",\"stream\":\"stdout\",\"text\":\"abc\"}\n";
    const QByteArray written = readAll(fileName);
    QCOMPARE(written, expected);
    for (const QByteArray& line : written.chopped(1).split('\n')) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(line, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
    }
}

void TestLogExporter::chosenLines()
{
    QTemporaryDir dir;
    const auto buffer = std::make_shared<LogBuffer>();
    for (int i = 0; i < 100; ++i)
        buffer->append(Stream::Stdout, "line " + QByteArray::number(i) + '\n');
    LogExporter exporter(buffer);
    const QString fileName = dir.filePath(QStringLiteral("some.txt"));
    exporter.exportLines(fileName, LogExporter::Format::PlainText, {3, 50, 99});
    QVERIFY(!finish(exporter).isError());
    QCOMPARE(readAll(fileName), QByteArray("line 3\nline 50\nline 99\n"));
}

void TestLogExporter::cancelledExportLeavesNoFile()
{
    QTemporaryDir dir;
    const auto buffer = std::make_shared<LogBuffer>(8 * 1024 * 1024);
    const QByteArray line(200, 'x');
    for (int i = 0; i < 300000; ++i)
        buffer->append(Stream::Stdout, line + '\n', T1 + i);
    LogExporter exporter(buffer);
    QSignalSpy progressed(&exporter, &LogExporter::progressed);
    QSignalSpy finished(&exporter, &LogExporter::finished);
    const QString fileName = dir.filePath(QStringLiteral("big.jsonl"));
    exporter.exportAll(fileName, LogExporter::Format::JsonLines);
    QVERIFY(exporter.isRunning());
    QVERIFY(progressed.wait(30000));
    exporter.cancel();
    // cancel() returns at once; finished() comes when the worker has removed its file.
    QVERIFY(finished.isEmpty());
    QVERIFY(exporter.isRunning());
    QVERIFY(finished.wait(30000));
    QVERIFY(!exporter.isRunning());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<Error>().kind, Error::Cancelled);
    QVERIFY(!QFile::exists(fileName));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);

    // Run to the end, the same export reports progress and writes everything.
    exporter.exportAll(fileName, LogExporter::Format::PlainText);
    QVERIFY(!finish(exporter).isError());
    QVERIFY(!progressed.isEmpty());
    QCOMPARE(progressed.last().at(0).toLongLong(), 300000);
    QCOMPARE(QFileInfo(fileName).size(), 300000 * 201);
}

void TestLogExporter::unwritableTarget()
{
    const auto buffer = std::make_shared<LogBuffer>();
    buffer->append(Stream::Stdout, "x\n");
    LogExporter exporter(buffer);
    exporter.exportAll(QStringLiteral("/nonexistent-dir/for/sure/log.txt"),
                       LogExporter::Format::PlainText);
    const Error error = finish(exporter);
    QCOMPARE(error.kind, Error::Invalid);
    QVERIFY(!error.message.isEmpty());
}

void TestLogExporter::deletedWhileRunning()
{
    QTemporaryDir dir;
    auto buffer = std::make_shared<LogBuffer>(8 * 1024 * 1024);
    const QByteArray line(200, 'y');
    for (int i = 0; i < 300000; ++i)
        buffer->append(Stream::Stdout, line + '\n', T1 + i);
    const std::weak_ptr<LogBuffer> watch = buffer;
    auto* exporter = new LogExporter(buffer, this);
    buffer.reset(); // the worker alone keeps the buffer now
    const QString fileName = dir.filePath(QStringLiteral("gone.jsonl"));
    QSignalSpy progressed(exporter, &LogExporter::progressed);
    exporter->exportAll(fileName, LogExporter::Format::JsonLines);
    QVERIFY(progressed.wait(30000));
    QVERIFY(!watch.expired());
    // Deleting the exporter returns at once; the worker stops, removes its file and lets go
    // of the buffer, and its thread goes with it.
    delete exporter;
    QTRY_VERIFY_WITH_TIMEOUT(watch.expired(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList(),
                              30000);
    QVERIFY(!QFile::exists(fileName));
    QTRY_VERIFY_WITH_TIMEOUT(QCoreApplication::instance()->findChildren<QThread*>().isEmpty(),
                             30000);
}

QTEST_GUILESS_MAIN(TestLogExporter)
#include "tst_logexporter.moc"
