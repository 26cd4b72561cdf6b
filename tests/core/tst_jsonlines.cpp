#include "net/JsonLines.h"

#include <QTest>

namespace {

// Every object the lines hold now.
QList<QJsonObject> drain(JsonLines& lines)
{
    QList<QJsonObject> objects;
    QJsonObject object;
    while (lines.next(&object))
        objects << object;
    return objects;
}

} // namespace

class TestJsonLines : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsLines();
    void refusesHostileLines();
    void readsAnEventStream();
    void endlessEventLineFails();
};

void TestJsonLines::splitsLines()
{
    JsonLines lines(1024, JsonLines::Framing::Plain);
    lines.append("{\"a\":1}\n{\"a\"");
    QCOMPARE(drain(lines).size(), 1);
    lines.append(":2}\n\n{\"a\":3}");
    const QList<QJsonObject> second = drain(lines);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.at(0).value(QLatin1String("a")).toInt(), 2);
    lines.append("\n");
    const QList<QJsonObject> third = drain(lines);
    QCOMPARE(third.size(), 1);
    QCOMPARE(third.at(0).value(QLatin1String("a")).toInt(), 3);
    QCOMPARE(lines.problem(), JsonLines::Problem::None);
}

void TestJsonLines::refusesHostileLines()
{
    JsonLines endless(1024 * 1024, JsonLines::Framing::Plain);
    const QByteArray chunk(64 * 1024, 'x');
    bool failed = false;
    for (int i = 0; !failed && i < 32; ++i) {
        endless.append(chunk);
        drain(endless);
        failed = endless.problem() != JsonLines::Problem::None;
    }
    QCOMPARE(endless.problem(), JsonLines::Problem::TooLong);
    endless.append("{}\n");
    QVERIFY(drain(endless).isEmpty()); // stays failed

    JsonLines garbage(1024, JsonLines::Framing::Plain);
    garbage.append("{\"a\":1}\n[1,2]\n{\"a\":2}\n");
    QCOMPARE(drain(garbage).size(), 1);
    QCOMPARE(garbage.problem(), JsonLines::Problem::NotJson);

    // A whole line over the limit fails even when its end came in the same chunk.
    JsonLines longLine(16, JsonLines::Framing::Plain);
    longLine.append("{\"a\":\"" + QByteArray(32, 'y') + "\"}\n");
    QVERIFY(drain(longLine).isEmpty());
    QCOMPARE(longLine.problem(), JsonLines::Problem::TooLong);
}

void TestJsonLines::readsAnEventStream()
{
    JsonLines lines(1024, JsonLines::Framing::EventStream);
    lines.append(": a comment\nevent: metrics\ndata: {\"cpu\":1}\n\n{\"cpu\":2}\r\n");
    lines.append("data: not json\ndata: [3]\ndata:{\"cpu\":3}\n");
    const QList<QJsonObject> objects = drain(lines);
    QCOMPARE(objects.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(objects.at(i).value(QLatin1String("cpu")).toInt(), i + 1);
    QCOMPARE(lines.problem(), JsonLines::Problem::None);
}

void TestJsonLines::endlessEventLineFails()
{
    JsonLines lines(64, JsonLines::Framing::EventStream);
    lines.append("data: {\"cpu\":1}\ndata: " + QByteArray(100, 'z'));
    QCOMPARE(drain(lines).size(), 1);
    QCOMPARE(lines.problem(), JsonLines::Problem::TooLong);
}

QTEST_GUILESS_MAIN(TestJsonLines)
#include "tst_jsonlines.moc"
