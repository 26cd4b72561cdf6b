#include "logs/LogBuffer.h"

#include <QRandomGenerator>
#include <QTest>

using Stream = LogStream::Stream;

namespace {

QByteArray sampleLog(int lines)
{
    QByteArray log;
    QRandomGenerator random(42);
    for (int i = 0; i < lines; ++i) {
        log += "line " + QByteArray::number(i);
        log += QByteArray(int(random.bounded(0, 200)), char('a' + i % 26));
        if (i % 97 == 0)
            log += QByteArray("\0\xff\xfe\x1b[1m", 7);
        log += '\n';
    }
    return log;
}

QList<QByteArray> allLines(const LogBuffer& buffer)
{
    QList<QByteArray> lines;
    for (qint64 i = 0; i < buffer.count(); ++i)
        lines << buffer.line(i);
    return lines;
}

} // namespace

class TestLogBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsOnNewlines();
    void arbitraryPiecesGiveTheSameLines();
    void streamsKeepTheirOwnUnfinishedLines();
    void spillsPastTheLimitAndReadsBack();
    void capsLongLines();
    void lineOfExactlyTheCapIsNotCut();
    void keepsNulAndInvalidUtf8();
    void slicesMatchLines();
    void clears();
};

void TestLogBuffer::splitsOnNewlines()
{
    LogBuffer buffer;
    buffer.append(Stream::Stdout, "a\n\nbc\nunfinished", 1000);
    QCOMPARE(buffer.count(), 3);
    QCOMPARE(allLines(buffer), QList<QByteArray>({"a", "", "bc"}));
    QCOMPARE(buffer.pendingBytes(), 10);
    buffer.append(Stream::Stdout, " now\n", 2000);
    QCOMPARE(buffer.count(), 4);
    QCOMPARE(buffer.line(3), QByteArray("unfinished now"));
    // A line carries the time of its first piece.
    QCOMPARE(buffer.timestamp(3), 1000);
    QCOMPARE(buffer.totalBytes(), 1 + 0 + 2 + 14);
    buffer.append(Stream::Stdout, "last", 3000);
    buffer.flush();
    QCOMPARE(buffer.count(), 5);
    QCOMPARE(buffer.line(4), QByteArray("last"));
    QCOMPARE(buffer.pendingBytes(), 0);
    QCOMPARE(buffer.line(5), QByteArray());
    QCOMPARE(buffer.line(-1), QByteArray());
}

void TestLogBuffer::arbitraryPiecesGiveTheSameLines()
{
    const QByteArray log = sampleLog(5000);
    LogBuffer whole(1 << 20, 4096, 4096);
    whole.append(Stream::Stdout, log);
    QRandomGenerator random(7);
    LogBuffer pieces(1 << 20, 4096, 4096);
    for (qsizetype at = 0; at < log.size();) {
        const qsizetype size = qMin<qsizetype>(random.bounded(1, 700), log.size() - at);
        pieces.append(Stream::Stdout, QByteArrayView(log.constData() + at, size));
        at += size;
    }
    QCOMPARE(pieces.count(), 5000);
    QCOMPARE(allLines(pieces), allLines(whole));
    QCOMPARE(allLines(pieces), log.chopped(1).split('\n'));
    QCOMPARE(pieces.totalBytes(), log.size() - 5000);
}

void TestLogBuffer::streamsKeepTheirOwnUnfinishedLines()
{
    LogBuffer buffer;
    buffer.append(Stream::Stdout, "out-", 1);
    buffer.append(Stream::Stderr, "err line\n", 2);
    buffer.append(Stream::Stdout, "done\n", 3);
    QCOMPARE(buffer.count(), 2);
    QCOMPARE(buffer.line(0), QByteArray("err line"));
    QCOMPARE(buffer.stream(0), Stream::Stderr);
    QCOMPARE(buffer.line(1), QByteArray("out-done"));
    QCOMPARE(buffer.stream(1), Stream::Stdout);
    QCOMPARE(buffer.timestamp(1), 1);
}

void TestLogBuffer::spillsPastTheLimitAndReadsBack()
{
    const QByteArray log = sampleLog(40000); // about 4.3 MB
    const qint64 limit = 256 * 1024;
    LogBuffer buffer(limit, 64 * 1024, 64 * 1024);
    qint64 time = 0;
    for (const QByteArray& line : log.chopped(1).split('\n')) {
        ++time;
        buffer.append(time % 2 ? Stream::Stderr : Stream::Stdout, line + '\n', time);
    }
    QCOMPARE(buffer.count(), 40000);
    QVERIFY(buffer.memoryBytes() <= limit);
    QVERIFY(buffer.spilledBytes() > 3 * 1024 * 1024);
    QCOMPARE(buffer.memoryBytes() + buffer.spilledBytes(), buffer.totalBytes());
    QVERIFY(buffer.errorString().isEmpty());
    const QList<QByteArray> expected = log.chopped(1).split('\n');
    QCOMPARE(allLines(buffer), expected);
    // Out of order, as a view jumping around reads them.
    QRandomGenerator random(3);
    for (int i = 0; i < 2000; ++i) {
        const int index = int(random.bounded(40000));
        QCOMPARE(buffer.line(index), expected.at(index));
        QCOMPARE(buffer.timestamp(index), index + 1);
        QCOMPARE(buffer.stream(index), (index + 1) % 2 ? Stream::Stderr : Stream::Stdout);
    }
}

void TestLogBuffer::capsLongLines()
{
    LogBuffer buffer(1 << 20, 1024, 100);
    buffer.append(Stream::Stdout, QByteArray(250, 'x') + "\nshort\n");
    QCOMPARE(buffer.count(), 4);
    QCOMPARE(buffer.line(0), QByteArray(100, 'x'));
    QCOMPARE(buffer.line(1), QByteArray(100, 'x'));
    QCOMPARE(buffer.line(2), QByteArray(50, 'x'));
    QVERIFY(buffer.isContinued(0));
    QVERIFY(buffer.isContinued(1));
    QVERIFY(!buffer.isContinued(2));
    QVERIFY(!buffer.isContinued(3));
    // In small pieces, never holding more than the cap.
    LogBuffer pieces(1 << 20, 1024, 100);
    for (int i = 0; i < 1000; ++i) {
        pieces.append(Stream::Stderr, QByteArray(7, 'y'));
        QVERIFY(pieces.pendingBytes() < 100);
    }
    pieces.flush();
    QCOMPARE(pieces.count(), 70);
    QCOMPARE(pieces.totalBytes(), 7000);
    QCOMPARE(pieces.line(69), QByteArray(100, 'y'));
}

void TestLogBuffer::lineOfExactlyTheCapIsNotCut()
{
    LogBuffer buffer(1 << 20, 1024, 100);
    buffer.append(Stream::Stdout, QByteArray(60, 'x'));
    buffer.append(Stream::Stdout, QByteArray(40, 'x') + "\nnext\n");
    QCOMPARE(buffer.count(), 2);
    QCOMPARE(buffer.line(0), QByteArray(100, 'x'));
    QVERIFY(!buffer.isContinued(0));
    QCOMPARE(buffer.line(1), QByteArray("next"));
}

void TestLogBuffer::keepsNulAndInvalidUtf8()
{
    LogBuffer buffer;
    const QByteArray odd("\0a\xff\xc3(\r\x1b[31m\x7f", 11);
    buffer.append(Stream::Stdout, odd + '\n' + odd);
    buffer.flush();
    QCOMPARE(buffer.count(), 2);
    QCOMPARE(buffer.line(0), odd);
    QCOMPARE(buffer.line(1), odd);
    QCOMPARE(buffer.totalBytes(), 22);
}

void TestLogBuffer::slicesMatchLines()
{
    const QByteArray log = sampleLog(3000);
    LogBuffer buffer(128 * 1024, 16 * 1024, 16 * 1024);
    buffer.append(Stream::Stdout, log, 5);
    qint64 seen = 0;
    while (seen < buffer.count()) {
        const LogBuffer::Slice slice = buffer.slice(seen);
        QCOMPARE(slice.firstLine, seen);
        QVERIFY(slice.size() > 0);
        for (qsizetype i = 0; i < slice.size(); ++i) {
            QCOMPARE(slice.line(i).toByteArray(), buffer.line(seen + i));
            QCOMPARE(slice.stream(i), Stream::Stdout);
            QCOMPARE(slice.times.at(i), 5);
        }
        seen += slice.size();
    }
    QCOMPARE(seen, 3000);
    QCOMPARE(buffer.slice(3000).size(), 0);
}

void TestLogBuffer::clears()
{
    LogBuffer buffer(128 * 1024, 16 * 1024, 16 * 1024);
    buffer.append(Stream::Stdout, sampleLog(3000));
    buffer.append(Stream::Stdout, "pending");
    buffer.clear();
    QCOMPARE(buffer.count(), 0);
    QCOMPARE(buffer.totalBytes(), 0);
    QCOMPARE(buffer.pendingBytes(), 0);
    buffer.append(Stream::Stdout, "again\n");
    QCOMPARE(buffer.line(0), QByteArray("again"));
}

QTEST_GUILESS_MAIN(TestLogBuffer)
#include "tst_logbuffer.moc"
