#include "opensandbox/ExecdEventParser.h"

#include <QTest>

class TestExecdEventParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // execd's own shape: bare JSON objects, each followed by a blank line.
    void bareEventsAcrossPieces()
    {
        const QByteArray stream = "{\"type\":\"init\",\"text\":\"c1\"}\n\n"
                                  "{\"type\":\"stdout\",\"text\":\"hi\\n\"}\n\n"
                                  "{\"type\":\"execution_complete\"}\n\n";
        // Every way of cutting the stream in two gives the same events.
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            ExecdEventParser parser;
            QList<QByteArray> events;
            QVERIFY(parser.feed(stream.left(cut), &events));
            QVERIFY(parser.feed(stream.mid(cut), &events));
            QCOMPARE(events.size(), 3);
            QCOMPARE(events.at(1), QByteArray("{\"type\":\"stdout\",\"text\":\"hi\\n\"}"));
            QVERIFY(parser.finish().isEmpty());
        }
    }

    void serverSentEventsToo()
    {
        ExecdEventParser parser;
        QList<QByteArray> events;
        QVERIFY(parser.feed(": comment\r\nevent: message\r\nid: 4\r\ndata: {\"a\":\r\n"
                            "data: 1}\r\n\r\nretry: 10\n\n",
                            &events));
        QCOMPARE(events, QList<QByteArray>{"{\"a\":\n1}"});
    }

    void unterminatedLastEventAtTheEnd()
    {
        ExecdEventParser parser;
        QList<QByteArray> events;
        QVERIFY(parser.feed("{\"type\":\"ping\"}\n\n{\"type\":\"stdout\"", &events));
        QCOMPARE(events.size(), 1);
        QCOMPARE(parser.finish(), QByteArray("{\"type\":\"stdout\""));
    }

    void oversizedEventFailsInsteadOfGrowing()
    {
        ExecdEventParser parser(1024);
        QList<QByteArray> events;
        QVERIFY(parser.feed(QByteArray(1000, 'x'), &events));
        QVERIFY(!parser.feed(QByteArray(100, 'x'), &events));
        QVERIFY(parser.failed());
        QVERIFY(!parser.feed("\n\n", &events));
        QVERIFY(events.isEmpty());
        QVERIFY(parser.finish().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExecdEventParser)
#include "tst_execdeventparser.moc"
