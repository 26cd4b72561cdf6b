#include "HttpResponseParser.h"

namespace {

bool isToken(const QByteArray& name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 32 || u >= 127 || c == ':')
            return false;
    }
    return true;
}

} // namespace

QByteArray HttpResponseParser::header(const QByteArray& name) const
{
    for (const auto& [key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResponseParser::takeLine(QByteArray* line, int limit)
{
    const qsizetype end = m_buffer.indexOf('\n');
    if (end < 0) {
        if (m_buffer.size() > limit)
            fail("line too long");
        return false;
    }
    if (end > limit) {
        fail("line too long");
        return false;
    }
    *line = m_buffer.left(end);
    if (line->endsWith('\r'))
        line->chop(1);
    m_buffer.remove(0, end + 1);
    return true;
}

bool HttpResponseParser::handOnBody(bool gather)
{
    const qint64 take = qMin<qint64>(m_remaining, m_buffer.size());
    if (gather)
        m_gathered.append(m_buffer.constData(), take);
    else if (onBody)
        onBody(m_buffer.left(take));
    m_buffer.remove(0, take);
    m_remaining -= take;
    return m_remaining == 0;
}

void HttpResponseParser::flushBody()
{
    QByteArray gathered;
    gathered.swap(m_gathered);
    if (!gathered.isEmpty() && m_state != State::Failed && onBody)
        onBody(gathered);
}

QByteArray HttpResponseParser::feed(const QByteArray& data)
{
    if (m_state == State::Done || m_state == State::Failed)
        return {};
    // Whatever way feed() returns, the chunks it gathered go on first.
    struct Flush
    {
        HttpResponseParser* parser;
        ~Flush() { parser->flushBody(); }
    } flush{this};
    if (m_state == State::Upgraded)
        return data;
    m_buffer.append(data);

    while (!m_buffer.isEmpty() || m_state == State::Done) {
        QByteArray line;
        switch (m_state) {
        case State::StatusLine:
            if (!takeLine(&line, MaxLineBytes))
                return {};
            if (line.isEmpty())
                continue; // tolerate stray CRLF before the status line
            m_headerBytes = int(line.size());
            if (!parseStatusLine(line))
                return {};
            m_state = State::Headers;
            break;
        case State::Headers:
            if (!takeLine(&line, MaxLineBytes))
                return {};
            if (line.isEmpty()) {
                headersComplete();
                if (m_state == State::Upgraded) {
                    QByteArray rest;
                    rest.swap(m_buffer);
                    return rest;
                }
                break;
            }
            m_headerBytes += int(line.size());
            if (m_headerBytes > MaxHeaderBytes) {
                fail("response headers too large");
                return {};
            }
            if (!parseHeaderLine(line))
                return {};
            break;
        case State::Body: {
            if (m_untilClose) {
                QByteArray piece;
                piece.swap(m_buffer);
                if (onBody)
                    onBody(piece);
                return {};
            }
            if (handOnBody(false))
                done();
            break;
        }
        case State::ChunkSize: {
            if (!takeLine(&line, 1024))
                return {};
            const qsizetype semicolon = line.indexOf(';'); // chunk extensions are ignored
            const QByteArray digits = line.left(semicolon < 0 ? line.size() : semicolon).trimmed();
            bool ok = !digits.isEmpty() && digits.size() <= 15;
            const qint64 size = ok ? digits.toLongLong(&ok, 16) : 0;
            if (!ok || size < 0) {
                fail("malformed chunk size");
                return {};
            }
            m_remaining = size;
            m_state = size == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            if (handOnBody(true))
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
            if (m_buffer == "\r")
                return {};
            if (m_buffer.startsWith("\r\n") || m_buffer.startsWith('\n')) {
                m_buffer.remove(0, m_buffer.startsWith('\n') ? 1 : 2);
                m_state = State::ChunkSize;
                break;
            }
            fail("chunk not followed by CRLF");
            return {};
        case State::Trailers:
            if (!takeLine(&line, MaxLineBytes))
                return {};
            if (line.isEmpty()) {
                done();
                break;
            }
            m_headerBytes += int(line.size());
            if (m_headerBytes > MaxHeaderBytes) {
                fail("response trailers too large");
                return {};
            }
            break;
        case State::Done:
        case State::Failed:
            return {};
        case State::Upgraded: {
            QByteArray rest;
            rest.swap(m_buffer);
            return rest;
        }
        }
        if (m_state == State::Done || m_state == State::Failed)
            return {};
    }
    return {};
}

void HttpResponseParser::finishInput()
{
    switch (m_state) {
    case State::Body:
        if (m_untilClose) {
            done();
            return;
        }
        fail("connection closed before the body was complete");
        return;
    case State::StatusLine:
        fail(m_buffer.isEmpty() && m_headerBytes == 0 ? "connection closed without a response"
                                                      : "connection closed in the status line");
        return;
    case State::Headers:
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkDataEnd:
    case State::Trailers:
        fail("connection closed before the response was complete");
        return;
    case State::Done:
    case State::Upgraded:
    case State::Failed:
        return;
    }
}

bool HttpResponseParser::parseStatusLine(const QByteArray& line)
{
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ') {
        fail("malformed status line");
        return false;
    }
    const QByteArray code = line.mid(9, 3);
    for (char c : code) {
        if (c < '0' || c > '9') {
            fail("malformed status code");
            return false;
        }
    }
    if (line.size() > 12 && line.at(12) != ' ') {
        fail("malformed status line");
        return false;
    }
    m_status = code.toInt();
    if (m_status < 100) {
        fail("malformed status code");
        return false;
    }
    m_reason = line.mid(13);
    m_http11 = line.at(7) == '1';
    return true;
}

bool HttpResponseParser::keepsConnection() const
{
    if (m_state != State::Done || m_untilClose || !m_http11)
        return false;
    for (const auto& [key, value] : m_headers) {
        if (key.compare("Connection", Qt::CaseInsensitive) == 0 &&
            value.toLower().contains("close"))
            return false;
    }
    return true;
}

bool HttpResponseParser::parseHeaderLine(const QByteArray& line)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        fail("obsolete header folding");
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
    if (!isToken(name)) {
        fail("malformed header line");
        return false;
    }
    if (m_headers.size() >= MaxHeaderCount) {
        fail("too many response headers");
        return false;
    }
    m_headers.append({name, line.mid(colon + 1).trimmed()});
    return true;
}

void HttpResponseParser::headersComplete()
{
    if (m_status >= 100 && m_status < 200 && m_status != 101) {
        // An interim response (100 Continue): the real one follows.
        m_headers.clear();
        m_headerBytes = 0;
        m_state = State::StatusLine;
        return;
    }
    if (m_status == 101) {
        m_state = State::Upgraded;
        if (onHeaders)
            onHeaders();
        return;
    }
    const QByteArray transferEncoding = header("Transfer-Encoding").toLower();
    const QByteArray contentLength = header("Content-Length");
    m_state = State::Body;
    if (onHeaders)
        onHeaders();
    if (m_state != State::Body)
        return; // the callback aborted
    if (m_head || m_status == 204 || m_status == 304) {
        done();
    } else if (!transferEncoding.isEmpty() && transferEncoding != "identity") {
        if (transferEncoding != "chunked") {
            fail("unsupported transfer encoding");
            return;
        }
        m_state = State::ChunkSize;
    } else if (!contentLength.isEmpty()) {
        bool ok = contentLength.size() <= 18;
        for (char c : contentLength)
            ok = ok && c >= '0' && c <= '9';
        m_remaining = ok ? contentLength.toLongLong(&ok) : 0;
        if (!ok) {
            fail("malformed Content-Length");
            return;
        }
        for (const auto& [key, value] : m_headers) {
            if (key.compare("Content-Length", Qt::CaseInsensitive) == 0 && value != contentLength) {
                fail("conflicting Content-Length headers");
                return;
            }
        }
        if (m_remaining == 0)
            done();
    } else {
        m_untilClose = true;
    }
}

void HttpResponseParser::fail(const char* why)
{
    if (m_state == State::Failed)
        return;
    m_state = State::Failed;
    m_error = why;
    m_buffer.clear();
}

void HttpResponseParser::done()
{
    flushBody();
    m_state = State::Done;
    m_buffer.clear();
    if (onDone)
        onDone();
}
