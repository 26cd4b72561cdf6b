#include "DockerStatsStream.h"

#include "DockerJson.h"
#include "net/HttpClient.h"

#include <QTimer>
#include <QUrl>

DockerStatsStream::DockerStatsStream(HttpClient* http, const QString& id)
    : StatsStream(nullptr)
    , m_http(http)
    , m_id(id)
{}

DockerStatsStream::~DockerStatsStream()
{
    release();
}

void DockerStatsStream::start()
{
    if (m_started || m_done)
        return;
    m_started = true;
    if (!m_http) {
        // Told from the event loop, so that a caller connecting after start() hears it.
        QTimer::singleShot(0, this, [this] {
            finishWith(Error::make(Error::Connection, tr("The connection was closed.")));
        });
        return;
    }
    HttpRequest request =
        HttpRequest::get("/containers/" + QUrl::toPercentEncoding(m_id) + "/stats?stream=true");
    HttpReply* reply = m_http->send(request, HttpReply::Mode::Streaming);
    m_reply = reply;
    connect(reply, &HttpReply::dataReceived, this, &DockerStatsStream::onData);
    connect(reply, &HttpReply::finished, this, &DockerStatsStream::onFinished);
}

void DockerStatsStream::stop()
{
    m_done = true;
    release();
}

void DockerStatsStream::release()
{
    if (!m_reply)
        return;
    HttpReply* reply = m_reply.data();
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void DockerStatsStream::onData(const QByteArray& data)
{
    // An error body (404) is not a stream of samples; onFinished() reads it.
    if (m_done || !m_reply || m_reply->status() >= 300)
        return;
    QPointer<DockerStatsStream> self(this);
    const bool ok = m_splitter.feed(data, [this, self](const QJsonObject& object) {
        if (!self || m_done)
            return;
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
    });
    if (self && !ok && !m_done) {
        release();
        finishWith(m_splitter.error());
    }
}

void DockerStatsStream::onFinished()
{
    HttpReply* reply = m_reply.data();
    if (!reply || m_done)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    Error error = reply->error();
    if (!error.isError() && reply->status() >= 300) {
        const bool missing = reply->status() == 404;
        error = Error::make(missing ? Error::NotFound : Error::Server,
                            missing ? tr("No such sandbox: %1").arg(m_id)
                                    : tr("The engine refused to send the sandbox's stats."),
                            QString::number(reply->status()),
                            DockerJson::errorMessage(reply->body().left(512)));
    }
    finishWith(error);
}

void DockerStatsStream::finishWith(const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    if (error.isError())
        Q_EMIT failed(error);
    else
        Q_EMIT ended();
}
