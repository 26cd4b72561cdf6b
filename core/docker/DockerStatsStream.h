#pragma once

#include "DockerStats.h"
#include "sandbox/HttpStatsStream.h"

#include <QPointer>

class HttpClient;

// GET /containers/{id}/stats?stream=true: the engine measures about once a second and sends
// one JSON object a line. The first object has nothing to measure CPU against and is not
// passed on; an empty object (the container stopped) or the body's end ends the stream.
class DockerStatsStream final : public HttpStatsStream
{
    Q_OBJECT
public:
    DockerStatsStream(HttpClient* http, const QString& id);
    ~DockerStatsStream() override;

    void start() override;

protected:
    void readObject(const QJsonObject& object) override;
    Error lineError(JsonLines::Problem problem, const QString& detail) const override;
    Error endError(const HttpReply& reply) const override;

private:
    QPointer<HttpClient> m_http; // the backend's; it may go first
    QString m_id;
};
