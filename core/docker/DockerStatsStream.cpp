#include "DockerStatsStream.h"

#include "DockerJson.h"
#include "net/HttpClient.h"

#include <QTimer>
#include <QUrl>

DockerStatsStream::DockerStatsStream(HttpClient* http, const QString& id)
    : HttpStatsStream(DockerStats::MaxLine, JsonLines::Framing::Plain)
    , m_http(http)
    , m_id(id)
{}

DockerStatsStream::~DockerStatsStream() = default;

void DockerStatsStream::start()
{
    if (!beginStart())
        return;
    if (!m_http) {
        // Told from the event loop, so that a caller connecting after start() hears it.
        QTimer::singleShot(0, this, [this] {
            finishWith(Error::make(Error::Connection, tr("The connection was closed.")));
        });
        return;
    }
    HttpRequest request =
        HttpRequest::get("/containers/" + QUrl::toPercentEncoding(m_id) + "/stats?stream=true");
    // The reply is a child of the client.
    follow(m_http->send(request, HttpReply::Mode::Streaming));
}

void DockerStatsStream::readObject(const QJsonObject& object)
{
    ResourceSample sample;
    switch (DockerStats::read(object, &sample)) {
    case DockerStats::Reading::Sample:
        Q_EMIT sampled(sample);
        break;
    case DockerStats::Reading::Priming:
        break;
    case DockerStats::Reading::NotRunning:
        release();
        finishWith({});
        break;
    }
}

Error DockerStatsStream::lineError(JsonLines::Problem problem, const QString& detail) const
{
    return DockerStats::lineError(problem, detail);
}

Error DockerStatsStream::endError(const HttpReply& reply) const
{
    if (reply.error().isError() || reply.status() < 300)
        return reply.error();
    const bool missing = reply.status() == 404;
    return Error::make(missing ? Error::NotFound : Error::Server,
                       missing ? tr("No such sandbox: %1").arg(m_id)
                               : tr("The engine refused to send the sandbox's stats."),
                       QString::number(reply.status()),
                       DockerJson::errorMessage(reply.body().left(512)));
}
