#pragma once

#include "DockerStats.h"
#include "sandbox/StatsStream.h"

#include <QPointer>

class HttpClient;
class HttpReply;

// GET /containers/{id}/stats?stream=true: the engine measures about once a second and sends
// one JSON object a line. The first object has nothing to measure CPU against and is not
// passed on; an empty object (the container stopped) or the body's end ends the stream.
class DockerStatsStream final : public StatsStream
{
    Q_OBJECT
public:
    DockerStatsStream(HttpClient* http, const QString& id);
    ~DockerStatsStream() override;

    void start() override;
    void stop() override;

private:
    void onData(const QByteArray& data);
    void onFinished();
    void release();
    void finishWith(const Error& error);

    QPointer<HttpClient> m_http; // the backend's; it may go first
    QString m_id;
    QPointer<HttpReply> m_reply; // a child of the client
    DockerStats::LineSplitter m_splitter;
    bool m_started = false;
    bool m_done = false;
};
