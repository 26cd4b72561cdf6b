#include "logs/LogBuffer.h"
#include "logs/LogSearch.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>

using Stream = LogStream::Stream;

namespace {

constexpr int Lines = 200000;

QByteArray lineText(int i)
{
    static const char* const words[] = {"alpha", "Beta", "GAMMA", "delta", "Ünïcode", "error"};
    QByteArray line = "#" + QByteArray::number(i) + ' ' + words[i % 6] + ' ';
    if (i % 1000 == 7)
        line += "Needle";
    if (i % 5000 == 3)
        line += QByteArray("\0\xff", 2);
    return line;
}

QList<qint64> expected(const std::function<bool(const QByteArray&)>& predicate, int first = 0,
                       int last = Lines)
{
    QList<qint64> lines;
    for (int i = first; i < last; ++i) {
        if (predicate(lineText(i)))
            lines << i;
    }
    return lines;
}

QList<qint64> run(LogSearch& search, const LogSearch::Query& query, qint64 first = 0,
                  qint64 last = -1)
{
    QSignalSpy finished(&search, &LogSearch::finished);
    QList<qint64> batched;
    const auto connection = QObject::connect(&search, &LogSearch::matchesFound, &search,
                                             [&](const QList<qint64>& lines) { batched += lines; });
    search.start(query, first, last);
    if (!finished.wait(60000))
        qWarning("the search did not finish");
    QObject::disconnect(connection);
    // Not QList's ==: Qt 6.4's passes null to memcmp for two empty lists, which UBSan stops.
    const QList<qint64> matches = search.matches();
    if (!std::equal(batched.cbegin(), batched.cend(), matches.cbegin(), matches.cend()))
        qWarning("batches and matches() differ");
    return batched;
}

} // namespace

class TestLogSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void plainCaseSensitive();
    void plainCaseInsensitive();
    void nonAsciiCaseInsensitive();
    void regularExpression();
    void range();
    void noMatchAcrossLines();
    void invalidExpressionFails();
    void cancel();
    void unicodeCaseFolding_data();
    void unicodeCaseFolding();
    void deletedWhileRunning();
    void oneStream();

private:
    // Small chunks and a low limit, so that the search also reads spilled chunks back.
    std::shared_ptr<LogBuffer> m_buffer =
        std::make_shared<LogBuffer>(2 * 1024 * 1024, 64 * 1024, 64 * 1024);
};

void TestLogSearch::initTestCase()
{
    for (int i = 0; i < Lines; ++i)
        m_buffer->append(i % 3 ? Stream::Stdout : Stream::Stderr, lineText(i) + '\n', i + 1);
    QCOMPARE(m_buffer->count(), Lines);
    QVERIFY(m_buffer->spilledBytes() > 0);
}

void TestLogSearch::plainCaseSensitive()
{
    LogSearch search(m_buffer);
    const auto found = run(search, {QStringLiteral("Needle")});
    QCOMPARE(found, expected([](const QByteArray& l) { return l.contains("Needle"); }));
    QCOMPARE(found.size(), Lines / 1000);
    QCOMPARE(run(search, {QStringLiteral("needle")}), QList<qint64>());
    const auto beta = run(search, {QStringLiteral("Beta")});
    QCOMPARE(beta.size(), Lines / 6 + (Lines % 6 > 1));
    // Every line matches the empty text.
    QCOMPARE(run(search, {QString()}).size(), Lines);
}

void TestLogSearch::plainCaseInsensitive()
{
    LogSearch search(m_buffer);
    const auto found =
        run(search, {QStringLiteral("nEEDLE"), LogSearch::Mode::Plain, Qt::CaseInsensitive});
    QCOMPARE(found, expected([](const QByteArray& l) { return l.contains("Needle"); }));
    const auto gamma =
        run(search, {QStringLiteral("gamma"), LogSearch::Mode::Plain, Qt::CaseInsensitive});
    QCOMPARE(gamma, expected([](const QByteArray& l) { return l.contains("GAMMA"); }));
}

void TestLogSearch::nonAsciiCaseInsensitive()
{
    LogSearch search(m_buffer);
    const auto found =
        run(search, {QStringLiteral("üNÏ"), LogSearch::Mode::Plain, Qt::CaseInsensitive});
    QCOMPARE(found, expected([](const QByteArray& l) { return l.contains("Ünïcode"); }));
    QVERIFY(!found.isEmpty());
}

void TestLogSearch::regularExpression()
{
    LogSearch search(m_buffer);
    const QRegularExpression pattern(QStringLiteral("^#\\d*99 (alpha|delta)"));
    const auto found =
        run(search, {pattern.pattern(), LogSearch::Mode::RegularExpression, Qt::CaseSensitive});
    QCOMPARE(found, expected([&](const QByteArray& l) {
                 return pattern.match(QString::fromUtf8(l)).hasMatch();
             }));
    QVERIFY(!found.isEmpty());
    const auto folded = run(search, {QStringLiteral("^#1\\d* ERROR$"),
                                     LogSearch::Mode::RegularExpression, Qt::CaseInsensitive});
    QCOMPARE(folded, expected([](const QByteArray& l) {
                 return l.startsWith("#1") && l.endsWith(" error");
             }));
}

void TestLogSearch::range()
{
    LogSearch search(m_buffer);
    const auto found = run(search, {QStringLiteral("Needle")}, 50000, 120000);
    QCOMPARE(found,
             expected([](const QByteArray& l) { return l.contains("Needle"); }, 50000, 120000));
}

void TestLogSearch::noMatchAcrossLines()
{
    const auto buffer = std::make_shared<LogBuffer>();
    buffer->append(Stream::Stdout, "abc\ndef\n\nxabcdefx\n");
    LogSearch search(buffer);
    QCOMPARE(run(search, {QStringLiteral("cd")}), QList<qint64>({3}));
    QCOMPARE(run(search, {QStringLiteral("ab")}), QList<qint64>({0, 3}));
    QCOMPARE(run(search, {QStringLiteral("CD"), LogSearch::Mode::Plain, Qt::CaseInsensitive}),
             QList<qint64>({3}));
}

void TestLogSearch::invalidExpressionFails()
{
    LogSearch search(m_buffer);
    QSignalSpy failed(&search, &LogSearch::failed);
    search.start({QStringLiteral("(unclosed"), LogSearch::Mode::RegularExpression});
    QVERIFY(failed.wait(5000));
    QVERIFY(!failed.first().first().toString().isEmpty());
    QVERIFY(!search.isRunning());
}

void TestLogSearch::cancel()
{
    LogSearch search(m_buffer);
    QSignalSpy finished(&search, &LogSearch::finished);
    QSignalSpy found(&search, &LogSearch::matchesFound);
    // A slow search (every line through the regular expression engine), cancelled at once.
    search.start({QStringLiteral("(a|b|c|d)+\\d+$"), LogSearch::Mode::RegularExpression});
    QVERIFY(search.isRunning());
    search.cancel();
    QVERIFY(!search.isRunning());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    // Nothing from the cancelled run arrives later.
    const qsizetype batches = found.size();
    QTest::qWait(200);
    QCOMPARE(found.size(), batches);
    QCOMPARE(finished.size(), 1);
    // And the object is ready for the next one.
    QCOMPARE(run(search, {QStringLiteral("Needle")}).size(), Lines / 1000);
}

void TestLogSearch::unicodeCaseFolding_data()
{
    QTest::addColumn<QString>("needle");
    QTest::newRow("ascii") << QStringLiteral("k");
    QTest::newRow("ascii word") << QStringLiteral("STRASSE");
    QTest::newRow("kelvin sign folds to k") << QStringLiteral("\u212a");
    QTest::newRow("long s folds to s") << QStringLiteral("\u017fTR");
    QTest::newRow("latin") << QStringLiteral("üNÏ");
    QTest::newRow("greek") << QStringLiteral("ΣΊΣ");
    QTest::newRow("cyrillic") << QStringLiteral("ПРИВЕТ");
    QTest::newRow("replacement") << QStringLiteral("\ufffd A");
    QTest::newRow("mixed") << QStringLiteral("ab\u00c0");
    QTest::newRow("empty") << QString();
}

void TestLogSearch::unicodeCaseFolding()
{
    QFETCH(QString, needle);
    // ASCII lines, lines that are not, and invalid UTF-8, at every alignment and across chunks.
    static const char* const samples[] = {"plain ascii line with K and s",
                                          "temperature 300 \u212a",
                                          "\u017ftraße",
                                          "STRASSE",
                                          "Ünïcode",
                                          "ünÏCODE",
                                          "\xff A invalid",
                                          "\xc3 A truncated",
                                          "ÀB àb",
                                          "ab\u00e0 x",
                                          "ΣΊΣΥΦΟΣ",
                                          "σίσυφος",
                                          "привет мир",
                                          "ПРИВЕТ",
                                          "",
                                          "kkkkKKKK",
                                          "no match here"};
    const auto buffer = std::make_shared<LogBuffer>(1 << 20, 4096, 4096);
    QList<QByteArray> lines;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray sample(samples[i % int(std::size(samples))]);
        const QByteArray line = QByteArray(i % 13, '.') + sample + QByteArray(i % 7, '-');
        lines << line;
        buffer->append(i % 2 ? Stream::Stdout : Stream::Stderr, line + '\n');
    }
    QList<qint64> wanted;
    for (int i = 0; i < lines.size(); ++i) {
        if (QString::fromUtf8(lines.at(i)).contains(needle, Qt::CaseInsensitive))
            wanted << i;
    }
    const LogSearch::Query query{needle, LogSearch::Mode::Plain, Qt::CaseInsensitive};
    LogSearch search(buffer);
    QCOMPARE(run(search, query), wanted);
    for (int i = 0; i < int(std::size(samples)); ++i) {
        const QByteArray sample(samples[i]);
        QCOMPARE(LogSearch::containsPlain(sample, query),
                 QString::fromUtf8(sample).contains(needle, Qt::CaseInsensitive));
    }
}

void TestLogSearch::deletedWhileRunning()
{
    auto buffer = std::make_shared<LogBuffer>(2 * 1024 * 1024, 64 * 1024, 64 * 1024);
    for (int i = 0; i < Lines; ++i)
        buffer->append(Stream::Stdout, lineText(i) + '\n', i + 1);
    const std::weak_ptr<LogBuffer> watch = buffer;
    auto* search = new LogSearch(buffer);
    buffer.reset(); // the worker alone keeps the buffer now
    QSignalSpy finished(search, &LogSearch::finished);
    search->start({QStringLiteral("(a|b|c|d)+\\d+$"), LogSearch::Mode::RegularExpression});
    QVERIFY(search->isRunning());
    delete search;
    // The worker notices between chunks, lets go of the buffer and its thread deletes itself.
    QTRY_VERIFY_WITH_TIMEOUT(watch.expired(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(QCoreApplication::instance()->findChildren<QThread*>().isEmpty(),
                             30000);
    QCOMPARE(finished.size(), 0);
}

void TestLogSearch::oneStream()
{
    // initTestCase wrote every third line (i % 3 == 0) to stderr.
    LogSearch search(m_buffer);
    LogSearch::Query query{QStringLiteral("Needle")};
    query.streams = LogSearch::Streams::Stderr;
    QList<qint64> wanted;
    for (int i = 0; i < Lines; ++i) {
        if (i % 3 == 0 && lineText(i).contains("Needle"))
            wanted << i;
    }
    QVERIFY(!wanted.isEmpty());
    QCOMPARE(run(search, query), wanted);
    // No text: every line of the stream, which is how a view shows one stream only.
    query.text.clear();
    query.streams = LogSearch::Streams::Stdout;
    const auto stdoutLines = run(search, query);
    QCOMPARE(stdoutLines.size(), Lines - (Lines + 2) / 3);
    QVERIFY(std::all_of(stdoutLines.cbegin(), stdoutLines.cend(),
                        [](qint64 line) { return line % 3 != 0; }));
    query = {QStringLiteral("gamma"), LogSearch::Mode::RegularExpression, Qt::CaseInsensitive,
             LogSearch::Streams::Stderr};
    QCOMPARE(run(search, query), expected([](const QByteArray& l) {
                 return l.contains("GAMMA") && l.mid(1).split(' ').first().toInt() % 3 == 0;
             }));
}

QTEST_GUILESS_MAIN(TestLogSearch)
#include "tst_logsearch.moc"
