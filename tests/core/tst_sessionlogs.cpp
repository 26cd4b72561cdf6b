#include "terminal/SessionExporter.h"
#include "terminal/SessionRecorder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

namespace {

// Kilobytes of this process's resident memory: "VmRSS" now, "VmHWM" the peak so far.
qint64 memoryKb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field)) + 1)
                .trimmed()
                .split(' ')
                .value(0)
                .toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current size, so that it measures what comes next.
bool resetPeakMemory()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

// The lines of a file, streamed: count, first and last (without their line break).
struct LineScan
{
    qint64 count = 0;
    qint64 bytes = 0;
    QByteArray first;
    QByteArray last;
};

LineScan scanLines(const QString& path)
{
    LineScan scan;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return scan;
    scan.bytes = file.size();
    QByteArray line;
    while (!file.atEnd()) {
        line = file.readLine(1 << 20);
        if (line.endsWith('\n'))
            line.chop(1);
        if (scan.count++ == 0)
            scan.first = line;
    }
    scan.last = line;
    return scan;
}

// The permission bits of a file; -1 when it cannot be read.
int modeOf(const QString& path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QByteArray numberedLine(qint64 n)
{
    // 100 bytes on the wire: 98 visible characters and CR LF, as a program on a pty prints them.
    QByteArray line = "line " + QByteArray::number(n).rightJustified(9, '0') + ' ';
    line += QByteArray(98 - line.size(), 'x');
    return line + "\r\n";
}

} // namespace

class TestSessionLogs final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fileNames()
    {
        const QDateTime at(QDate(2026, 3, 4), QTime(5, 6, 7));
        QCOMPARE(SessionLogWriter::baseName(QStringLiteral("web/1:a*b"), at),
                 QStringLiteral("web_1_a_b-20260304-050607"));
        QCOMPARE(SessionLogWriter::baseName(QStringLiteral(".hidden"), at),
                 QStringLiteral("_hidden-20260304-050607"));
        QCOMPARE(SessionLogWriter::baseName(QString(), at),
                 QStringLiteral("session-20260304-050607"));
        QCOMPARE(
            SessionLogWriter::formatsFromNames(
                {QStringLiteral("asciicast"), QStringLiteral("bogus"), QStringLiteral("text")}),
            (QList<SessionExporter::Format>{SessionExporter::Format::PlainText,
                                            SessionExporter::Format::Asciicast}));
    }

    // Saved after the recorder (the closed tab) is gone; every format, whole.
    void savesEveryFormatAfterTheSessionIsGone()
    {
        const QString folder = m_dir.filePath(QStringLiteral("logs/nested"));
        auto recorder = std::make_unique<SessionRecorder>(40, 5, 4096); // spills at once
        for (int i = 0; i < 500; ++i)
            recorder->recordOutput(numberedLine(i));
        recorder->recordInput("exit\r");
        QVERIFY(recorder->isSpilled());
        SessionLogWriter* writer = SessionLogWriter::save(
            *recorder, folder, QStringLiteral("box"),
            SessionLogWriter::formatsFromNames(
                {QStringLiteral("text"), QStringLiteral("html"), QStringLiteral("asciicast")}),
            true);
        QVERIFY(writer);
        QSignalSpy finished(writer, &SessionLogWriter::finished);
        QSignalSpy destroyed(writer, &QObject::destroyed);
        const QStringList paths = writer->filePaths();
        recorder.reset();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toStringList(), paths);
        QCOMPARE(finished.at(0).at(1).toString(), QString());
        QVERIFY(destroyed.wait(10000)); // it cleans up after itself

        QCOMPARE(paths.size(), 3);
        QVERIFY(paths.at(0).endsWith(QLatin1String(".txt")));
        QVERIFY(paths.at(1).endsWith(QLatin1String(".html")));
        QVERIFY(paths.at(2).endsWith(QLatin1String(".cast")));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 3);
        const LineScan text = scanLines(paths.at(0));
        QCOMPARE(text.count, 500);
        QCOMPARE(text.first, numberedLine(0).left(98));
        QCOMPARE(text.last, numberedLine(499).left(98));
        QFile html(paths.at(1));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains(numberedLine(499).left(98)));
        const LineScan cast = scanLines(paths.at(2));
        QCOMPARE(cast.count, 1 + 500 + 1); // header, output events, the input event
        QCOMPARE(QJsonDocument::fromJson(cast.first).object().value(QLatin1String("width")).toInt(),
                 40);
        QCOMPARE(QJsonDocument::fromJson(cast.last).array().at(2).toString(),
                 QStringLiteral("exit\r"));
        for (const QString& path : paths)
            QCOMPARE(modeOf(path), 0600);
    }

    // Without the preference, keystrokes (a password typed where nothing echoes) reach no
    // saved log, in any format, while the output around them does.
    void inputStaysOutUnlessAskedFor()
    {
        const QString folder = m_dir.filePath(QStringLiteral("private"));
        SessionRecorder recorder(80, 24);
        recorder.recordOutput("Password: ");
        recorder.recordInput("hunter2-secret\r");
        recorder.recordOutput("\r\nwelcome\r\n");
        const auto formats = SessionLogWriter::formatsFromNames(
            {QStringLiteral("text"), QStringLiteral("html"), QStringLiteral("asciicast")});
        SessionLogWriter* writer =
            SessionLogWriter::save(recorder, folder, QStringLiteral("quiet"), formats, false);
        QSignalSpy finished(writer, &SessionLogWriter::finished);
        QVERIFY(finished.wait(30000));
        const QStringList saved = finished.at(0).at(0).toStringList();
        QCOMPARE(saved.size(), 3);
        for (const QString& path : saved) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains("hunter2"), qPrintable(path));
            QVERIFY2(bytes.contains("welcome"), qPrintable(path));
            QCOMPARE(modeOf(path), 0600);
        }

        SessionLogWriter* withInput = SessionLogWriter::save(
            recorder, folder, QStringLiteral("loud"), {SessionExporter::Format::Asciicast}, true);
        QSignalSpy done(withInput, &SessionLogWriter::finished);
        QVERIFY(done.wait(30000));
        QFile cast(done.at(0).at(0).toStringList().value(0));
        QVERIFY(cast.open(QIODevice::ReadOnly));
        QVERIFY(cast.readAll().contains(",\"i\",\"hunter2-secret\\r\"]"));
    }

    void unwritableFolderIsReported()
    {
        SessionRecorder recorder(80, 24);
        recorder.recordOutput("hello\r\n");
        const QString file = m_dir.filePath(QStringLiteral("a-file"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        SessionLogWriter* writer =
            SessionLogWriter::save(recorder, file + QStringLiteral("/logs"), QStringLiteral("box"),
                                   {SessionExporter::Format::PlainText}, false);
        QSignalSpy finished(writer, &SessionLogWriter::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.at(0).at(0).toStringList().isEmpty());
        QVERIFY2(finished.at(0).at(1).toString().startsWith(QLatin1String("Cannot create")),
                 qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(SessionLogWriter::save(recorder, m_dir.path(), QStringLiteral("box"), {}, false) ==
                nullptr);
    }

    // A 500 MB session (spilled to disk) exports whole as text and asciicast, streaming in bounded
    // memory; a cancelled export midway leaves nothing under the final name. About a minute.
    void bigSessionExportsWhole()
    {
        constexpr qint64 Lines = 5'242'880; // 100 bytes each: 500 MiB
        constexpr int LinesPerChunk = 655;
        const qint64 rssBefore = memoryKb("VmRSS:");
        SessionRecorder recorder(120, 40);
        QByteArray chunk;
        qint64 events = 0;
        for (qint64 n = 0; n < Lines;) {
            chunk.clear();
            for (int k = 0; k < LinesPerChunk && n < Lines; ++k)
                chunk += numberedLine(n++);
            recorder.recordOutput(chunk);
            ++events;
        }
        QVERIFY(recorder.isSpilled());
        QVERIFY(!recorder.hasError());
        QVERIFY(recorder.size() > Lines * 100);
        // Recording spilled past its limit: memory grew by far less than the session.
        QVERIFY2(memoryKb("VmRSS:") - rssBefore < 128 * 1024,
                 qPrintable(QStringLiteral("%1 kB").arg(memoryKb("VmRSS:") - rssBefore)));

        const QString textPath = m_dir.filePath(QStringLiteral("big.txt"));
        const QString castPath = m_dir.filePath(QStringLiteral("big.cast"));
        const bool peakMeasured = resetPeakMemory();
        const qint64 base = memoryKb("VmRSS:");
        for (const auto& [format, path] :
             {std::pair{SessionExporter::Format::PlainText, textPath},
              std::pair{SessionExporter::Format::Asciicast, castPath}}) {
            SessionReader reader = recorder.reader();
            const std::atomic<bool> cancelled{false};
            QString error;
            QCOMPARE(SessionExporter::run(reader, format, path, cancelled, {}, &error),
                     SessionExporter::Outcome::Succeeded);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        if (peakMeasured) {
            const qint64 grown = memoryKb("VmHWM:") - base;
            QVERIFY2(grown < 128 * 1024,
                     qPrintable(QStringLiteral("peak grew by %1 kB").arg(grown)));
        }

        const LineScan text = scanLines(textPath);
        QCOMPARE(text.count, Lines);
        QCOMPARE(text.bytes, Lines * 99); // 98 characters and LF a line
        QCOMPARE(text.first, numberedLine(0).left(98));
        QCOMPARE(text.last, numberedLine(Lines - 1).left(98));
        QVERIFY(QFile::remove(textPath));

        const LineScan cast = scanLines(castPath);
        QCOMPARE(cast.count, 1 + events);
        const QJsonArray lastEvent = QJsonDocument::fromJson(cast.last).array();
        QCOMPARE(lastEvent.at(1).toString(), QStringLiteral("o"));
        QVERIFY(lastEvent.at(2).toString().endsWith(QString::fromLatin1(numberedLine(Lines - 1))));
        QVERIFY(cast.bytes > Lines * 100); // CR LF are escaped in JSON
        QVERIFY(QFile::remove(castPath));

        // Interrupted halfway: no file under the final name, no temporary file left behind.
        const QString cancelledPath = m_dir.filePath(QStringLiteral("big-cancelled.cast"));
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        SessionExporter exporter;
        QSignalSpy finished(&exporter, &SessionExporter::finished);
        bool halfway = false;
        connect(&exporter, &SessionExporter::progressChanged, &exporter,
                [&](qint64 done, qint64 total) {
                    if (!halfway && done * 2 >= total) {
                        halfway = true;
                        exporter.cancel();
                    }
                });
        QVERIFY(
            exporter.start(recorder.reader(), SessionExporter::Format::Asciicast, cancelledPath));
        QVERIFY(finished.wait(300000));
        QVERIFY(halfway);
        QCOMPARE(finished.at(0).at(0).value<SessionExporter::Outcome>(),
                 SessionExporter::Outcome::Cancelled);
        QVERIFY(!QFile::exists(cancelledPath));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), before);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSessionLogs)
#include "tst_sessionlogs.moc"
