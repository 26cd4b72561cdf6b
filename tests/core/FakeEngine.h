#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

// A Docker engine's HTTP API on loopback, only as much of it as a backend needs to connect,
// list and follow events, and able to misbehave: go silent, or leave chosen requests unanswered.
class FakeEngine : public QObject
{
public:
    FakeEngine()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++m_accepted;
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket,
                        [this, socket, buffer] { onReadyRead(socket, buffer.get()); });
            }
        });
    }

    QString url() const
    {
        return QStringLiteral("tcp://127.0.0.1:") + QString::number(m_server.serverPort());
    }
    int accepted() const { return m_accepted; }
    int requests(const QByteArray& pathPrefix) const
    {
        int count = 0;
        for (const QByteArray& target : m_targets)
            count += target.startsWith(pathPrefix) ? 1 : 0;
        return count;
    }

    // While silent, no request gets an answer and open streams say nothing more.
    void setSilent(bool silent) { m_silent = silent; }
    // Requests for which this says true are read and never answered.
    void setStallIf(const std::function<bool(const QByteArray& target)>& stallIf)
    {
        m_stallIf = stallIf;
    }

    void setContainer(const QString& id, const QString& name, const QString& state)
    {
        QJsonObject entry{{QStringLiteral("Id"), id},
                          {QStringLiteral("Names"), QJsonArray{QLatin1Char('/') + name}},
                          {QStringLiteral("Image"), QStringLiteral("busybox")},
                          {QStringLiteral("State"), state},
                          {QStringLiteral("Status"), state},
                          {QStringLiteral("Created"), 1700000000}};
        m_containers.insert(id, entry);
    }

    void pushEvent(const QString& id, const QString& action)
    {
        const QByteArray line =
            QJsonDocument(
                QJsonObject{{QStringLiteral("Type"), QStringLiteral("container")},
                            {QStringLiteral("Action"), action},
                            {QStringLiteral("Actor"), QJsonObject{{QStringLiteral("ID"), id}}}})
                .toJson(QJsonDocument::Compact) +
            '\n';
        for (const QPointer<QTcpSocket>& stream : std::as_const(m_streams)) {
            if (stream)
                stream->write(QByteArray::number(line.size(), 16) + "\r\n" + line + "\r\n");
        }
    }

private:
    void onReadyRead(QTcpSocket* socket, QByteArray* buffer)
    {
        *buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            qsizetype length = 0;
            bool close = false;
            const QList<QByteArray> lines = head.split('\n');
            for (const QByteArray& line : lines) {
                const QByteArray lower = line.trimmed().toLower();
                if (lower.startsWith("content-length:"))
                    length = lower.mid(15).trimmed().toLongLong();
                if (lower == "connection: close")
                    close = true;
            }
            if (buffer->size() < end + 4 + length)
                return;
            buffer->remove(0, end + 4 + length);
            const QByteArray target = lines.first().split(' ').value(1);
            m_targets.append(target);
            answer(socket, target, close);
        }
    }

    void answer(QTcpSocket* socket, const QByteArray& target, bool close)
    {
        if (m_silent || (m_stallIf && m_stallIf(target)))
            return;
        const QUrl url(QString::fromLatin1(target));
        const QString path = url.path();
        if (path == QLatin1String("/events")) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n");
            m_streams.append(socket);
            return;
        }
        QByteArray body;
        if (path == QLatin1String("/_ping")) {
            body = "OK";
        } else if (path == QLatin1String("/version")) {
            body = R"({"Version":"24.0.0-fake","ApiVersion":"1.43"})";
        } else if (path == QLatin1String("/containers/json")) {
            const QJsonObject filters =
                QJsonDocument::fromJson(
                    QUrlQuery(url)
                        .queryItemValue(QStringLiteral("filters"), QUrl::FullyDecoded)
                        .toUtf8())
                    .object();
            const QJsonArray ids = filters.value(QLatin1String("id")).toArray();
            QJsonArray list;
            for (const QJsonObject& entry : std::as_const(m_containers)) {
                if (ids.isEmpty() || ids.contains(entry.value(QLatin1String("Id"))))
                    list.append(entry);
            }
            body = QJsonDocument(list).toJson(QJsonDocument::Compact);
        } else if (path.startsWith(QLatin1String("/containers/"))) {
            body = R"({"HostConfig":{"NanoCpus":0,"Memory":0}})";
        } else {
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        if (close)
            socket->disconnectFromHost();
    }

    QTcpServer m_server;
    int m_accepted = 0;
    bool m_silent = false;
    std::function<bool(const QByteArray&)> m_stallIf;
    QHash<QString, QJsonObject> m_containers;
    QList<QPointer<QTcpSocket>> m_streams;
    QList<QByteArray> m_targets;
};
