#include "OpenSandboxStatsStream.h"

#include "OpenSandboxBackend.h"
#include "OpenSandboxClient.h"
#include "net/HttpClient.h"

#include <QTimer>

namespace {

// A line longer than this is not a metrics object.
constexpr qsizetype MaxLine = 64 * 1024;
constexpr double MiB = 1024.0 * 1024.0;

} // namespace

OpenSandboxStatsStream::OpenSandboxStatsStream(OpenSandboxBackend* backend,
                                               const QString& sandboxId)
    : HttpStatsStream(MaxLine, JsonLines::Framing::EventStream)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
{}

OpenSandboxStatsStream::~OpenSandboxStatsStream() = default;

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
    if (!beginStart())
        return;
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
    if (isDone())
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
    follow(m_http->send(request, HttpReply::Mode::Streaming));
}

void OpenSandboxStatsStream::readObject(const QJsonObject& object)
{
    ResourceSample sample;
    if (sampleFrom(object, &sample))
        Q_EMIT sampled(sample);
}

Error OpenSandboxStatsStream::lineError(JsonLines::Problem problem, const QString& detail) const
{
    // Lines that are not JSON are passed over; only a line without end fails.
    Q_UNUSED(problem)
    Q_UNUSED(detail)
    return Error::make(Error::Protocol, tr("execd sent a metrics line that is too long."));
}

Error OpenSandboxStatsStream::endError(const HttpReply& reply) const
{
    if (reply.error().isError())
        return OpenSandboxClient::transportError(reply.error(), m_address.endpoint.url);
    if (reply.status() >= 300)
        return OpenSandboxClient::errorFor(reply.status(), reply.body(),
                                           reply.header("x-request-id"),
                                           m_backend ? m_backend->config().apiKey : QString());
    return {};
}
