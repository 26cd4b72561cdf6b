#include "OpenSandboxLogStream.h"

#include "OpenSandboxBackend.h"
#include "eci/EciLogStream.h"

#include <QDateTime>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace {

constexpr int MaxRetryMs = 30000;

} // namespace

OpenSandboxLogStream::OpenSandboxLogStream(OpenSandboxBackend* backend, const QString& id,
                                           const LogOptions& options)
    : LogStream(nullptr)
    , m_backend(backend)
    , m_id(id)
    , m_options(options)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &OpenSandboxLogStream::poll);
    // Started from the event loop, so that the caller can connect first.
    m_timer->start(0);
}

OpenSandboxLogStream::~OpenSandboxLogStream() = default;

void OpenSandboxLogStream::stop()
{
    m_stopped = true;
    m_timer->stop();
    // Deleting the call aborts its request without a word; no finished() follows.
    delete m_job.data();
    m_job = nullptr;
}

void OpenSandboxLogStream::poll()
{
    if (m_stopped || m_job)
        return;
    if (!m_backend) {
        finishWith(Error::make(Error::Connection, tr("The OpenSandbox connection is gone.")));
        return;
    }
    ResultJob<QJsonObject>* job = m_backend->client()->call(
        "GET", "/sandboxes/" + QUrl::toPercentEncoding(m_id) + "/diagnostics/logs?scope=container",
        QJsonValue(QJsonValue::Null), this);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] { onPolled(job); });
}

void OpenSandboxLogStream::onPolled(Job* job)
{
    m_job = nullptr;
    if (m_stopped)
        return;
    const Error& error = job->error();
    if (error.isError()) {
        if (error.kind == Error::NotFound && !m_first && m_options.follow) {
            // Deleted while we followed it: everything there was has been delivered.
            finishWith({});
            return;
        }
        if (!m_options.follow || m_first || error.kind == Error::Auth ||
            error.kind == Error::Invalid || error.kind == Error::NotFound) {
            finishWith(error);
            return;
        }
        if (!m_interrupted) {
            m_interrupted = true;
            Q_EMIT interrupted(error);
        }
        ++m_failures;
        m_timer->start(std::min(MaxRetryMs, m_pollIntervalMs << std::min(m_failures, 4)));
        return;
    }
    m_failures = 0;
    if (m_interrupted) {
        m_interrupted = false;
        Q_EMIT resumed();
    }
    const QJsonObject answer = static_cast<ResultJob<QJsonObject>*>(job)->value();
    const QJsonValue content = answer.value(QLatin1String("content"));
    if (!content.isString() && !content.isNull() && !content.isUndefined()) {
        finishWith(Error::make(Error::Protocol,
                               tr("The OpenSandbox server sent a log that is not text.")));
        return;
    }
    deliver(content.toString().toUtf8());
    m_first = false;
    if (m_stopped)
        return;
    if (!m_options.follow) {
        finishWith({});
        return;
    }
    m_timer->start(m_pollIntervalMs);
}

void OpenSandboxLogStream::deliver(const QByteArray& content)
{
    QByteArray unfinished;
    QList<EciLogStream::Line> lines = EciLogStream::parseContent(content, &unfinished);
    if (m_first) {
        const qint64 newest = lines.isEmpty() ? 0 : lines.last().timestamp;
        if (m_options.since.isValid()) {
            const qint64 since = m_options.since.toMSecsSinceEpoch() * 1000000;
            lines.removeIf([since](const EciLogStream::Line& line) {
                return line.timestamp != 0 && line.timestamp < since;
            });
        }
        if (m_options.tail >= 0 && lines.size() > m_options.tail)
            lines = lines.mid(lines.size() - m_options.tail);
        // What the tail or since left out stays out when later polls bring it again.
        m_lowerBoundNs = lines.isEmpty() ? newest + 1 : lines.first().timestamp;
    } else {
        m_filter.rewind();
    }
    for (const EciLogStream::Line& line : std::as_const(lines)) {
        if (m_stopped)
            return;
        if (line.timestamp != 0 && line.timestamp < m_lowerBoundNs)
            continue;
        if (!m_filter.accept(line.timestamp, Stream::Stdout, line.bytes))
            continue;
        Q_EMIT received(Stream::Stdout, line.bytes, line.timestamp);
    }
}

void OpenSandboxLogStream::finishWith(const Error& error)
{
    m_stopped = true;
    m_timer->stop();
    if (error.isError())
        Q_EMIT failed(error);
    else
        Q_EMIT ended();
}
