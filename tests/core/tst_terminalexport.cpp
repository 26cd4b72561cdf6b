#include "terminal/SessionExporter.h"
#include "terminal/SessionRecorder.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

void output(SessionRecorder& r, qint64 ms, const QByteArray& bytes)
{
    r.record({ms, SessionEvent::Kind::Output, bytes, 0, 0});
}

QByteArray exportSync(const SessionRecorder& recorder, SessionExporter::Format format,
                      const QString& path)
{
    SessionReader reader = recorder.reader();
    std::atomic<bool> cancelled{false};
    QString error;
    const auto outcome = SessionExporter::run(reader, format, path, cancelled, {}, &error);
    if (outcome != SessionExporter::Outcome::Succeeded)
        qWarning() << "export failed:" << error;
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The worker threads running now (WorkerThread parents them under the application object).
QList<QThread*> workerThreads()
{
    return QCoreApplication::instance()->findChildren<QThread*>();
}

QThread* newWorker(const QList<QThread*>& before)
{
    for (QThread* thread : workerThreads()) {
        if (!before.contains(thread))
            return thread;
    }
    return nullptr;
}

// About 16 MB of coloured lines: seconds of work for an HTML export.
void recordBigSession(SessionRecorder& recorder)
{
    QByteArray chunk;
    for (int i = 0; i < 1024; ++i)
        chunk +=
            "\x1b[32mline " + QByteArray::number(i) + "\x1b[0m " + QByteArray(40, 'x') + "\r\n";
    for (int i = 0; i < 256; ++i)
        output(recorder, i, chunk);
}

QByteArray firstLineRemoved(const QByteArray& bytes)
{
    return bytes.mid(bytes.indexOf('\n') + 1);
}

} // namespace

class TestTerminalExport final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void asciicast()
    {
        SessionRecorder recorder(100, 30);
        output(recorder, 0, "a\xe4\xb8");                  // a character cut in two
        output(recorder, 1500, "\xad\xff\"\\\x01\x1b[0m"); // its rest, an invalid byte, escapes
        recorder.record({2000, SessionEvent::Kind::Input, "ls\r", 0, 0});
        recorder.record({2250, SessionEvent::Kind::Resize, {}, 120, 40});
        output(recorder, 3001, "\xf0\x9f\x98"); // never completed
        const QByteArray cast = exportSync(recorder, SessionExporter::Format::Asciicast,
                                           m_dir.filePath(QStringLiteral("a.cast")));
        QVERIFY(cast.startsWith("{\"version\":2,\"width\":100,\"height\":30,\"timestamp\":" +
                                QByteArray::number(recorder.startedAt().toSecsSinceEpoch()) +
                                "}\n"));
        QCOMPARE(firstLineRemoved(cast),
                 QByteArray("[0.000,\"o\",\"a\"]\n"
                            "[1.500,\"o\",\"中\xef\xbf\xbd\\\"\\\\\\u0001\\u001b[0m\"]\n"
                            "[2.000,\"i\",\"ls\\r\"]\n"
                            "[2.250,\"r\",\"120x40\"]\n"
                            "[2.250,\"o\",\"\xef\xbf\xbd\"]\n"));
    }

    void plainText()
    {
        SessionRecorder recorder(20, 4);
        output(recorder, 0, "hello\r\nwor\x1b[31mld\x1b[0m\r\n");
        output(recorder, 1, "progress 10%\rprogress 100%\r\n");
        output(recorder, 2, "0123456789012345678901234\r\n"); // soft-wrapped: one line
        output(recorder, 3, "a\r\nb\r\nc\r\n\x1b[2J\x1b[Hafter clear\r\n");
        output(recorder, 4, "\x1b[?1049hfull-screen app\x1b[?1049l");
        output(recorder, 5, "\xe4\xb8\xad\xe6\x96\x87 e\xcc\x81 end");
        const QByteArray text = exportSync(recorder, SessionExporter::Format::PlainText,
                                           m_dir.filePath(QStringLiteral("a.txt")));
        QCOMPARE(text, QByteArray("hello\n"
                                  "world\n"
                                  "progress 100%\n"
                                  "0123456789012345678901234\n"
                                  "a\n"
                                  "b\n"
                                  "c\n"
                                  "after clear\n"
                                  "中文 e\xcc\x81 end\n"));
    }

    void html()
    {
        SessionRecorder recorder(40, 3);
        output(recorder, 0, "<script>alert('x')</script> & \"q\"\r\n");
        output(recorder, 1,
               "\x1b[1;31mred\x1b[0m \x1b[48;5;21mbg\x1b[0m \x1b[38;2;1;2;3;4mrgb\x1b[0m");
        output(recorder, 2, " \x1b[7mrev\x1b[0m \x1b[8mhidden\x1b[0m");
        const QByteArray html = exportSync(recorder, SessionExporter::Format::Html,
                                           m_dir.filePath(QStringLiteral("a.html")));
        QVERIFY(!html.contains("<script>"));
        QCOMPARE(html,
                 QByteArray("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Terminal "
                            "session</title></head>\n<body "
                            "style=\"background-color:#1e1e1e;color:#d4d4d4\"><pre "
                            "style=\"font-family:monospace\">"
                            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\n"
                            "<span style=\"color:#cd0000;font-weight:bold;\">red</span> "
                            "<span style=\"background-color:#0000ff;\">bg</span> "
                            "<span style=\"color:#010203;text-decoration:underline;\">rgb</span> "
                            "<span style=\"color:#1e1e1e;background-color:#d4d4d4;\">rev</span> "
                            "<span style=\"color:#1e1e1e;\">hidden</span>\n"
                            "</pre></body></html>\n"));
    }

    void cancelledExportLeavesNoFile()
    {
        SessionRecorder recorder(80, 24);
        const QByteArray chunk =
            QByteArray("line of output \x1b[32mgreen\x1b[0m\r\n").repeated(2000);
        for (int i = 0; i < 400; ++i)
            output(recorder, i, chunk);
        const QString path = m_dir.filePath(QStringLiteral("cancelled.txt"));

        // Cancelled before the first event.
        SessionReader reader = recorder.reader();
        std::atomic<bool> cancelled{true};
        QCOMPARE(SessionExporter::run(reader, SessionExporter::Format::PlainText, path, cancelled,
                                      {}, nullptr),
                 SessionExporter::Outcome::Cancelled);
        QVERIFY(!QFile::exists(path));

        // Cancelled while running on the worker thread; an older file of that name survives.
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous export");
        }
        SessionExporter exporter;
        QSignalSpy progress(&exporter, &SessionExporter::progressChanged);
        QSignalSpy finished(&exporter, &SessionExporter::finished);
        QVERIFY(exporter.start(recorder.reader(), SessionExporter::Format::PlainText, path));
        QVERIFY(exporter.isRunning());
        QVERIFY(progress.wait(10000));
        exporter.cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).value<SessionExporter::Outcome>(),
                 SessionExporter::Outcome::Cancelled);
        QVERIFY(!exporter.isRunning());
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("previous export"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).filter(QStringLiteral("cancelled")),
                 QStringList{QStringLiteral("cancelled.txt")});
    }

    void exportOnWorkerThread()
    {
        SessionRecorder recorder(80, 24);
        output(recorder, 10, "one\r\ntwo\r\n");
        const QString path = m_dir.filePath(QStringLiteral("worker.txt"));
        SessionExporter exporter;
        QSignalSpy finished(&exporter, &SessionExporter::finished);
        QVERIFY(exporter.start(recorder.reader(), SessionExporter::Format::PlainText, path));
        QVERIFY(!exporter.start(recorder.reader(), SessionExporter::Format::PlainText, path));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).value<SessionExporter::Outcome>(),
                 SessionExporter::Outcome::Succeeded);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("one\ntwo\n"));
    }

    // Deleting an exporter while it writes returns without waiting: the worker stops by itself,
    // leaves nothing under the name and deletes its thread.
    void deletingARunningExporterDoesNotWait()
    {
        SessionRecorder recorder(80, 24);
        recordBigSession(recorder);
        const QString path = m_dir.filePath(QStringLiteral("deleted.html"));
        const QList<QThread*> before = workerThreads();
        auto* exporter = new SessionExporter;
        QSignalSpy finished(exporter, &SessionExporter::finished);
        QVERIFY(exporter->start(recorder.reader(), SessionExporter::Format::Html, path));
        const QPointer<QThread> worker = newWorker(before);
        QVERIFY(worker);
        delete exporter;
        QTRY_VERIFY_WITH_TIMEOUT(worker.isNull(), 60000);
        QCOMPARE(finished.size(), 0);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path())
                     .entryList(QDir::Files | QDir::Hidden)
                     .filter(QStringLiteral("deleted")),
                 QStringList());
    }

    // A session log is written whole even when its writer object goes first; deleting the writer
    // does not wait for the worker, which is still running after the delete returned.
    void deletingALogWriterDoesNotWait()
    {
        SessionRecorder recorder(80, 24);
        recordBigSession(recorder);
        const QString folder = m_dir.filePath(QStringLiteral("logs"));
        const QList<QThread*> before = workerThreads();
        SessionLogWriter* writer = SessionLogWriter::save(recorder, folder, QStringLiteral("big"),
                                                          {SessionExporter::Format::Html}, false);
        QVERIFY(writer);
        const QPointer<QThread> worker = newWorker(before);
        QVERIFY(worker);
        const QString path = writer->filePaths().value(0);
        delete writer;
        QVERIFY(worker && worker->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(worker.isNull(), 120000);
        QFile html(path);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray content = html.readAll();
        QVERIFY(content.contains("line 1023"));
        QVERIFY(content.endsWith("</pre></body></html>\n"));
    }

    void unwritableTarget()
    {
        SessionRecorder recorder(80, 24);
        output(recorder, 0, "x");
        SessionReader reader = recorder.reader();
        std::atomic<bool> cancelled{false};
        QString error;
        QCOMPARE(SessionExporter::run(reader, SessionExporter::Format::Asciicast,
                                      m_dir.filePath(QStringLiteral("missing/dir/x.cast")),
                                      cancelled, {}, &error),
                 SessionExporter::Outcome::Failed);
        QVERIFY(error.contains(QStringLiteral("x.cast")));
    }

    void asciinemaRoundTrip()
    {
        const QString asciinema = QStandardPaths::findExecutable(QStringLiteral("asciinema"));
        if (asciinema.isEmpty())
            QFAIL("asciinema is not installed; this test replays the export with the real "
                  "asciinema (Debian package asciinema).");
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QFAIL("script (util-linux) is not installed; asciinema cat needs a terminal.");

        // Known output: CRLF line ends, colours (16, 256, true colour), CJK, combining marks,
        // and characters cut between two writes.
        QList<QByteArray> writes = {"plain line\r\n",
                                    "\x1b[1;31mred\x1b[0m \x1b[38;5;208m256\x1b[0m "
                                    "\x1b[38;2;10;200;30mtrue\x1b[0m\r\n",
                                    "\xe4\xb8\xad\xe6\x96",
                                    "\x87 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e e\xcc",
                                    "\x81 \xf0\x9f\x98\x80\r\n",
                                    "quotes \" backslash \\ tab\tend\r\n"};
        SessionRecorder recorder(80, 24);
        QByteArray expected;
        for (qsizetype i = 0; i < writes.size(); ++i) {
            output(recorder, 10 * i, writes.at(i));
            expected += writes.at(i);
        }
        recorder.record({5, SessionEvent::Kind::Input, "typed\r", 0, 0});
        const QString path = m_dir.filePath(QStringLiteral("round.cast"));
        exportSync(recorder, SessionExporter::Format::Asciicast, path);

        // asciinema cat insists on a terminal, so script(1) provides one. asciinema switches that
        // terminal to raw mode (no output post-processing), so the pty does not turn \n into
        // \r\n: the bytes come back as recorded. The recording uses \r\n line ends, as a
        // program on a pty produces them, so that this holds whatever the line discipline does
        // with a lone \n; input events ("i") are not replayed by cat.
        QProcess cat;
        cat.setStandardInputFile(QProcess::nullDevice());
        cat.start(QStringLiteral("script"),
                  {QStringLiteral("-qec"), QStringLiteral("asciinema cat '%1'").arg(path),
                   QStringLiteral("/dev/null")});
        QVERIFY(cat.waitForFinished(30000));
        QCOMPARE(cat.exitCode(), 0);
        QCOMPARE(cat.readAllStandardOutput(), expected);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestTerminalExport)
#include "tst_terminalexport.moc"
