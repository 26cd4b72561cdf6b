#include "OpenSandboxStatsStream.h"

#include "OpenSandboxBackend.h"
#include "OpenSandboxClient.h"
#include "net/HttpClient.h"

#include <QJsonDocument>
#include <QTimer>

namespace {

// A line longer than this is not a metrics object.
constexpr qsizetype MaxLine = 64 * 1024;
constexpr double MiB = 1024.0 * 1024.0;

} // namespace

OpenSandboxStatsStream::OpenSandboxStatsStream(OpenSandboxBackend* backend,
                                               const QString& sandboxId)
    : StatsStream(nullptr)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
{}

OpenSandboxStatsStream::~OpenSandboxStatsStream()
{
    release();
}

bool OpenSandboxStatsStream::sampleFrom(const QJsonObject& metrics, ResourceSample* sample)
{
    if (!metrics.contains(QLatin1String("cpu_used_pct")) &&
        !metrics.contains(QLatin1String("mem_used_mib")))
        return false;
    const double cpus = qMax(1.0, metrics.value(QLatin1String("cpu_count")).toDouble());
    const qint64 stamp = metrics.value(QLatin1String("timestamp")).toInteger();
    sample->time = stamp > 0 ? QDateTime::fromMSecsSinceEpoch(stamp, Qt::UTC)
                             : QDateTime::currentDateTimeUtc();
    sample->cpuPercent = metrics.value(QLatin1String("cpu_used_pct")).toDouble() * cpus;
    sample->memoryBytes = qint64(metrics.value(QLatin1String("mem_used_mib")).toDouble() * MiB);
    sample->memoryLimitBytes =
        qint64(metrics.value(QLatin1String("mem_total_mib")).toDouble() * MiB);
    return true;
}

void OpenSandboxStatsStream::start()
{
    if (m_started || m_done)
        return;
    m_started = true;
    if (!m_backend) {
        QTimer::singleShot(0, this, [this] {
            finishWith(Error::make(Error::Connection, tr("The OpenSandbox connection is gone.")));
        });
        return;
    }
    m_backend->resolveExecd(
        m_sandboxId, this,
        [this](const QJsonObject& answer, const Error& error) { resolved(answer, error); });
}

void OpenSandboxStatsStream::resolved(const QJsonObject& answer, const Error& error)
{
    if (m_done)
        return;
    Error problem = error;
    if (!problem.isError() && (!m_backend || !ExecdAddress::fromAnswer(answer, m_backend->config(),
                                                                       &m_address, &problem)))
        problem = problem.isError()
                      ? problem
                      : Error::make(Error::Connection, tr("The OpenSandbox connection is gone."));
    if (problem.isError()) {
        finishWith(problem);
        return;
    }
    m_http = new HttpClient(m_address.endpoint, this);
    HttpRequest request;
    request.target = m_address.pathPrefix + "/metrics/watch";
    request.headers = m_address.headers;
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
    HttpReply* reply = m_http->send(request, HttpReply::Mode::Streaming);
    m_reply = reply;
    connect(reply, &HttpReply::dataReceived, this, &OpenSandboxStatsStream::onData);
    connect(reply, &HttpReply::finished, this, &OpenSandboxStatsStream::onFinished);
}

void OpenSandboxStatsStream::stop()
{
    m_done = true;
    release();
}

void OpenSandboxStatsStream::release()
{
    if (!m_reply)
        return;
    HttpReply* reply = m_reply.data();
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void OpenSandboxStatsStream::onData(const QByteArray& data)
{
    if (m_done || !m_reply || m_reply->status() >= 300)
        return;
    m_pending += data;
    QPointer<OpenSandboxStatsStream> self(this);
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        QByteArray line = m_pending.left(end).trimmed();
        m_pending.remove(0, end + 1);
        if (line.startsWith("data:"))
            line = line.mid(5).trimmed();
        // Comments, event names and blank separators of an event stream carry no sample.
        if (!line.startsWith('{'))
            continue;
        ResourceSample sample;
        if (sampleFrom(QJsonDocument::fromJson(line).object(), &sample))
            Q_EMIT sampled(sample);
        if (!self || m_done)
            return;
    }
    if (m_pending.size() > MaxLine) {
        release();
        finishWith(Error::make(Error::Protocol, tr("execd sent a metrics line that is too long.")));
    }
}

void OpenSandboxStatsStream::onFinished()
{
    HttpReply* reply = m_reply.data();
    if (!reply || m_done)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    Error error;
    if (reply->error().isError())
        error = OpenSandboxClient::transportError(reply->error(), m_address.endpoint.url);
    else if (reply->status() >= 300)
        error = OpenSandboxClient::errorFor(reply->status(), reply->body(),
                                            reply->header("x-request-id"),
                                            m_backend ? m_backend->config().apiKey : QString());
    finishWith(error);
}

void OpenSandboxStatsStream::finishWith(const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    if (error.isError())
        Q_EMIT failed(error);
    else
        Q_EMIT ended();
}
