#include "HttpServer.h"

#include <QTcpSocket>
#include <QUrl>

#include <utility>

namespace {

const qsizetype maxHeaderBytes = 64 * 1024;

} // namespace

QByteArray statusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 101:
        return "Switching Protocols";
    case 201:
        return "Created";
    case 206:
        return "Partial Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 416:
        return "Range Not Satisfiable";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

QByteArray ServerRequest::header(const QByteArray& lowerName) const
{
    for (const auto& h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

QStringList ServerRequest::queryValues(const QString& name) const
{
    QStringList values;
    for (const QByteArray& pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        if (QString::fromUtf8(QByteArray::fromPercentEncoding(key)) == name)
            values.append(QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return values;
}

HttpExchange::HttpExchange(QTcpSocket* socket, ServerRequest request, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_request(std::move(request))
{
    m_keepAlive = m_request.header("connection").toLower() != "close";
}

QByteArray HttpExchange::head(int status, const QByteArray& contentType, const HeaderList& headers,
                              const QByteArray& lengthHeader) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += lengthHeader + "\r\n";
    for (const auto& h : headers + m_extraHeaders)
        out += h.first + ": " + h.second + "\r\n";
    out += m_keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    return out + "\r\n";
}

void HttpExchange::send(int status, const QByteArray& body, const QByteArray& contentType,
                        const HeaderList& headers)
{
    if (m_answered)
        return;
    m_answered = true;
    m_done = true;
    if (m_socket) {
        const bool bodyless = status == 204 || status == 304 || m_request.method == "HEAD";
        m_socket->write(head(status, bodyless ? QByteArray() : contentType, headers,
                             bodyless && status != 200
                                 ? QByteArray("Content-Length: 0")
                                 : "Content-Length: " + QByteArray::number(body.size())));
        if (!bodyless)
            m_socket->write(body);
    }
    Q_EMIT finished();
}

void HttpExchange::beginStream(int status, const QByteArray& contentType, const HeaderList& headers)
{
    if (m_answered)
        return;
    m_answered = true;
    m_streaming = true;
    if (m_socket) {
        m_socket->write(head(status, contentType, headers, "Transfer-Encoding: chunked"));
        m_socket->flush();
    }
}

void HttpExchange::writeChunk(const QByteArray& data)
{
    if (!m_streaming || m_done || data.isEmpty() || !m_socket)
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    m_socket->flush();
}

void HttpExchange::endStream()
{
    if (!m_streaming || m_done)
        return;
    m_done = true;
    if (m_socket)
        m_socket->write("0\r\n\r\n");
    Q_EMIT finished();
}

void HttpExchange::drop()
{
    m_answered = true;
    m_done = true;
    m_keepAlive = false;
    if (m_socket)
        m_socket->abort();
}

QTcpSocket* HttpExchange::switchProtocols(const HeaderList& headers, QByteArray* alreadyRead)
{
    if (m_answered || !m_socket)
        return nullptr;
    m_answered = true;
    m_done = true;
    QByteArray out = "HTTP/1.1 101 " + statusText(101) + "\r\n";
    for (const auto& h : headers + m_extraHeaders)
        out += h.first + ": " + h.second + "\r\n";
    m_socket->write(out + "\r\n");
    *alreadyRead = m_release();
    return m_socket;
}

// Reads requests off one socket and hands each to the server's handler in turn.
class HttpConnection final : public QObject
{
public:
    HttpConnection(QTcpSocket* socket, const HttpServer::Handler& handler, qint64 maxBody)
        : QObject(socket)
        , m_socket(socket)
        , m_handler(handler)
        , m_maxBody(maxBody)
    {
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            if (m_current && !m_current->m_done)
                Q_EMIT m_current->clientGone();
            m_socket->deleteLater();
        });
    }

private:
    enum class State
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkTrailer
    };

    void fail(int status, const QByteArray& message)
    {
        const QByteArray body = "{\"code\":\"INVALID_REQUEST\",\"message\":\"" + message + "\"}";
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) +
                        "\r\nContent-Type: application/json\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        m_socket->disconnectFromHost();
        m_failed = true;
    }

    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        parse();
    }

    bool parseHead()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > maxHeaderBytes)
                fail(431, "Request headers are too large.");
            return false;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            fail(400, "Malformed request line.");
            return false;
        }
        m_request = ServerRequest();
        m_request.method = requestLine.at(0);
        const QByteArray target = requestLine.at(1);
        const qsizetype q = target.indexOf('?');
        m_request.path = QByteArray::fromPercentEncoding(q < 0 ? target : target.left(q));
        m_request.query = q < 0 ? QByteArray() : target.mid(q + 1);
        m_remaining = 0;
        bool chunked = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                fail(400, "Malformed header.");
                return false;
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            m_request.headers.append({name, value});
            if (name == "content-length") {
                bool ok = false;
                m_remaining = value.toLongLong(&ok);
                if (!ok || m_remaining < 0 || m_remaining > m_maxBody) {
                    fail(413, "Request body is too large.");
                    return false;
                }
            } else if (name == "transfer-encoding") {
                chunked = value.toLower().contains("chunked");
            }
        }
        m_state = chunked ? State::ChunkSize : State::Body;
        return true;
    }

    void parse()
    {
        while (!m_failed && !m_current) {
            switch (m_state) {
            case State::Head:
                if (!parseHead())
                    return;
                break;
            case State::Body: {
                const qint64 take = qMin<qint64>(m_remaining, m_buffer.size());
                m_request.body += m_buffer.left(take);
                m_buffer.remove(0, take);
                m_remaining -= take;
                if (m_remaining > 0)
                    return;
                dispatch();
                break;
            }
            case State::ChunkSize: {
                const qsizetype eol = m_buffer.indexOf("\r\n");
                if (eol < 0)
                    return;
                bool ok = false;
                const QByteArray sizeText = m_buffer.left(eol).split(';').first().trimmed();
                m_remaining = sizeText.toLongLong(&ok, 16);
                m_buffer.remove(0, eol + 2);
                if (!ok || m_remaining < 0 || m_request.body.size() + m_remaining > m_maxBody) {
                    fail(413, "Request body is too large.");
                    return;
                }
                m_state = m_remaining == 0 ? State::ChunkTrailer : State::ChunkData;
                break;
            }
            case State::ChunkData: {
                if (m_buffer.size() < m_remaining + 2) {
                    return;
                }
                m_request.body += m_buffer.left(m_remaining);
                m_buffer.remove(0, m_remaining + 2);
                m_state = State::ChunkSize;
                break;
            }
            case State::ChunkTrailer: {
                const qsizetype eol = m_buffer.indexOf("\r\n");
                if (eol < 0)
                    return;
                const bool last = eol == 0;
                m_buffer.remove(0, eol + 2);
                if (last)
                    dispatch();
                break;
            }
            }
        }
    }

    void dispatch()
    {
        m_state = State::Head;
        m_current = new HttpExchange(m_socket, std::move(m_request), this);
        m_current->m_release = [this] {
            disconnect(m_socket, &QTcpSocket::readyRead, this, nullptr);
            m_failed = true; // no more requests from this socket
            return std::exchange(m_buffer, QByteArray());
        };
        connect(m_current, &HttpExchange::finished, this, [this] {
            HttpExchange* done = m_current;
            m_current = nullptr;
            const bool keepAlive = done->m_keepAlive;
            done->deleteLater();
            if (!keepAlive) {
                m_socket->disconnectFromHost();
                return;
            }
            parse();
        });
        m_handler(m_current);
    }

    QTcpSocket* m_socket;
    HttpServer::Handler m_handler;
    qint64 m_maxBody;
    QByteArray m_buffer;
    State m_state = State::Head;
    qint64 m_remaining = 0;
    ServerRequest m_request;
    HttpExchange* m_current = nullptr;
    bool m_failed = false;
};

HttpServer::HttpServer(Handler handler, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

bool HttpServer::listen(const QHostAddress& address, quint16 port)
{
    return m_server.listen(address, port);
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection())
        new HttpConnection(socket, m_handler, m_maxBody);
}
