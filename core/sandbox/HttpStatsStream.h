#pragma once

#include "StatsStream.h"
#include "net/JsonLines.h"

#include <QPointer>

class HttpReply;

// A stats stream read from one streamed HTTP reply, one JSON object a line: the reply's
// lifetime, its lines and the stream's single end are kept here; a backend sends the request
// and makes samples of the objects.
class HttpStatsStream : public StatsStream
{
    Q_OBJECT
public:
    ~HttpStatsStream() override;

    void stop() override;

protected:
    HttpStatsStream(qsizetype maxLine, JsonLines::Framing framing);

    // True the first time only, unless the stream was stopped before.
    bool beginStart();
    // Reads reply from now on (a streaming reply whose owner outlives the stream or is it).
    void follow(HttpReply* reply);
    // Aborts the reply, if any, without a word.
    void release();
    // Ends the stream once: failed() with an error, ended() without.
    void finishWith(const Error& error);
    bool isDone() const { return m_done; }

    // One object of the body; it may end the stream.
    virtual void readObject(const QJsonObject& object) = 0;
    // Why a line ended the stream.
    virtual Error lineError(JsonLines::Problem problem, const QString& detail) const = 0;
    // What ended the body of reply: its transport error or its refusal (a status of 300 or
    // more), or no error when the body simply ended.
    virtual Error endError(const HttpReply& reply) const = 0;

private:
    void onData(const QByteArray& data);
    void onFinished();

    QPointer<HttpReply> m_reply;
    JsonLines m_lines;
    bool m_started = false;
    bool m_done = false;
};
