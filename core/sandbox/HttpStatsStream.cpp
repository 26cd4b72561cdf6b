#include "HttpStatsStream.h"

#include "net/HttpClient.h"

HttpStatsStream::HttpStatsStream(qsizetype maxLine, JsonLines::Framing framing)
    : StatsStream(nullptr)
    , m_lines(maxLine, framing)
{}

HttpStatsStream::~HttpStatsStream()
{
    release();
}

bool HttpStatsStream::beginStart()
{
    if (m_started || m_done)
        return false;
    m_started = true;
    return true;
}

void HttpStatsStream::follow(HttpReply* reply)
{
    m_reply = reply;
    connect(reply, &HttpReply::dataReceived, this, &HttpStatsStream::onData);
    connect(reply, &HttpReply::finished, this, &HttpStatsStream::onFinished);
}

void HttpStatsStream::stop()
{
    m_done = true;
    release();
}

void HttpStatsStream::release()
{
    if (!m_reply)
        return;
    HttpReply* reply = m_reply.data();
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void HttpStatsStream::onData(const QByteArray& data)
{
    // An error body is not a stream of samples; onFinished() reads it.
    if (m_done || !m_reply || m_reply->status() >= 300)
        return;
    m_lines.append(data);
    QPointer<HttpStatsStream> self(this);
    QJsonObject object;
    while (m_lines.next(&object)) {
        readObject(object);
        if (!self || m_done)
            return;
    }
    if (m_lines.problem() != JsonLines::Problem::None) {
        release();
        finishWith(lineError(m_lines.problem(), m_lines.detail()));
    }
}

void HttpStatsStream::onFinished()
{
    HttpReply* reply = m_reply.data();
    if (!reply || m_done)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    finishWith(endError(*reply));
}

void HttpStatsStream::finishWith(const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    if (error.isError())
        Q_EMIT failed(error);
    else
        Q_EMIT ended();
}
