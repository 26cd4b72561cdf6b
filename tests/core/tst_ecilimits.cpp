#include "eci/EciClient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

// An ECI endpoint on loopback that answers every call with what the test chooses.
class EciPeer : public QObject
{
public:
    using Script = std::function<void(QTcpSocket*)>;

    explicit EciPeer(const Script& script)
        : m_script(script)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto request = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
                    *request += socket->readAll();
                    const qsizetype end = request->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    request->remove(0, end + 4);
                    ++m_calls;
                    m_script(socket);
                });
            }
        });
    }

    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:") + QString::number(m_server.serverPort());
    }
    int calls() const { return m_calls; }

private:
    QTcpServer m_server;
    Script m_script;
    int m_calls = 0;
};

// What an ECI answer may make the client do: never more than a bounded read, a bounded wait,
// and never a signed call sent to another host.
class TestEciLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redirectIsRefused();
    void oversizedAnswerIsRefused();
    void retryAfterIsCapped();

private:
    std::unique_ptr<EciClient> clientFor(const EciPeer& peer);
    QNetworkAccessManager m_network;
};

std::unique_ptr<EciClient> TestEciLimits::clientFor(const EciPeer& peer)
{
    auto client = std::make_unique<EciClient>(
        &m_network, peer.url(),
        EciCredentials{QStringLiteral("id"), QStringLiteral("secret"), QStringLiteral("token")});
    client->setRetryPolicy(3, 10, 20);
    client->setTimeout(10000);
    return client;
}

void TestEciLimits::redirectIsRefused()
{
    EciPeer peer([](QTcpSocket* socket) {
        socket->write("HTTP/1.1 307 Temporary Redirect\r\n"
                      "Location: http://elsewhere.invalid/collect\r\nContent-Length: 0\r\n\r\n");
    });
    auto client = clientFor(peer);
    Job* job = client->call(QStringLiteral("DescribeContainerGroups"), {});
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(job->error().kind, Error::Protocol);
    QVERIFY2(job->error().message.contains(QStringLiteral("elsewhere.invalid")),
             qPrintable(job->error().message));
    QCOMPARE(peer.calls(), 1);
}

void TestEciLimits::oversizedAnswerIsRefused()
{
    EciPeer peer([](QTcpSocket* socket) {
        const qint64 size = 64 * 1024 * 1024;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(size) + "\r\n\r\n");
        socket->write(QByteArray(1024 * 1024, ' '));
    });
    auto client = clientFor(peer);
    Job* job = client->call(QStringLiteral("DescribeContainerGroups"), {});
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(job->error().kind, Error::Protocol);
    QCOMPARE(job->error().message,
             EciClient::tr("The ECI endpoint sent an answer larger than %n MiB; it was refused.",
                           nullptr, 16));
    QCOMPARE(peer.calls(), 1); // not retried
}

void TestEciLimits::retryAfterIsCapped()
{
    EciPeer peer([](QTcpSocket* socket) {
        const QByteArray body = R"({"Code":"Throttling.User","Message":"slow down"})";
        socket->write("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
                      "x-acs-retry-after: 604800000\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    });
    auto client = clientFor(peer);
    QSignalSpy retries(client.get(), &EciClient::retryScheduled);
    Job* job = client->call(QStringLiteral("DescribeContainerGroups"), {});
    QVERIFY(retries.wait(10000));
    const int delayMs = retries.first().at(2).toInt();
    const auto reason = retries.first().at(3).value<Error>();
    QCOMPARE(delayMs, 5 * 60 * 1000); // a week asked for
    QVERIFY2(reason.detail.contains(QStringLiteral("604800")), qPrintable(reason.detail));
    job->cancel();
}

QTEST_GUILESS_MAIN(TestEciLimits)
#include "tst_ecilimits.moc"
