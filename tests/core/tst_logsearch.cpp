#include "logs/LogBuffer.h"
#include "logs/LogSearch.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

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
    if (batched != search.matches())
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

private:
    // Small chunks and a low limit, so that the search also reads spilled chunks back.
    LogBuffer m_buffer{2 * 1024 * 1024, 64 * 1024, 64 * 1024};
};

void TestLogSearch::initTestCase()
{
    for (int i = 0; i < Lines; ++i)
        m_buffer.append(i % 3 ? Stream::Stdout : Stream::Stderr, lineText(i) + '\n', i + 1);
    QCOMPARE(m_buffer.count(), Lines);
    QVERIFY(m_buffer.spilledBytes() > 0);
}

void TestLogSearch::plainCaseSensitive()
{
    LogSearch search(&m_buffer);
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
    LogSearch search(&m_buffer);
    const auto found =
        run(search, {QStringLiteral("nEEDLE"), LogSearch::Mode::Plain, Qt::CaseInsensitive});
    QCOMPARE(found, expected([](const QByteArray& l) { return l.contains("Needle"); }));
    const auto gamma =
        run(search, {QStringLiteral("gamma"), LogSearch::Mode::Plain, Qt::CaseInsensitive});
    QCOMPARE(gamma, expected([](const QByteArray& l) { return l.contains("GAMMA"); }));
}

void TestLogSearch::nonAsciiCaseInsensitive()
{
    LogSearch search(&m_buffer);
    const auto found =
        run(search, {QStringLiteral("üNÏ"), LogSearch::Mode::Plain, Qt::CaseInsensitive});
    QCOMPARE(found, expected([](const QByteArray& l) { return l.contains("Ünïcode"); }));
    QVERIFY(!found.isEmpty());
}

void TestLogSearch::regularExpression()
{
    LogSearch search(&m_buffer);
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
    LogSearch search(&m_buffer);
    const auto found = run(search, {QStringLiteral("Needle")}, 50000, 120000);
    QCOMPARE(found,
             expected([](const QByteArray& l) { return l.contains("Needle"); }, 50000, 120000));
}

void TestLogSearch::noMatchAcrossLines()
{
    LogBuffer buffer;
    buffer.append(Stream::Stdout, "abc\ndef\n\nxabcdefx\n");
    LogSearch search(&buffer);
    QCOMPARE(run(search, {QStringLiteral("cd")}), QList<qint64>({3}));
    QCOMPARE(run(search, {QStringLiteral("ab")}), QList<qint64>({0, 3}));
    QCOMPARE(run(search, {QStringLiteral("CD"), LogSearch::Mode::Plain, Qt::CaseInsensitive}),
             QList<qint64>({3}));
}

void TestLogSearch::invalidExpressionFails()
{
    LogSearch search(&m_buffer);
    QSignalSpy failed(&search, &LogSearch::failed);
    search.start({QStringLiteral("(unclosed"), LogSearch::Mode::RegularExpression});
    QVERIFY(failed.wait(5000));
    QVERIFY(!failed.first().first().toString().isEmpty());
    QVERIFY(!search.isRunning());
}

void TestLogSearch::cancel()
{
    LogSearch search(&m_buffer);
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

QTEST_GUILESS_MAIN(TestLogSearch)
#include "tst_logsearch.moc"
