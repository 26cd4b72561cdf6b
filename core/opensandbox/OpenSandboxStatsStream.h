#pragma once

#include "ExecdAddress.h"
#include "sandbox/HttpStatsStream.h"

#include <QJsonObject>
#include <QPointer>

class HttpClient;
class OpenSandboxBackend;

// execd's GET /metrics/watch: one JSON object a line ({"cpu_count", "cpu_used_pct",
// "mem_total_mib", "mem_used_mib", "timestamp"}), "data:" framing accepted too. cpu_used_pct
// is of all the sandbox's CPUs, so a sample's cpuPercent (of one core) is it times cpu_count.
// execd measures no network or block I/O: those stay 0. The body's end ends the stream.
class OpenSandboxStatsStream final : public HttpStatsStream
{
    Q_OBJECT
public:
    OpenSandboxStatsStream(OpenSandboxBackend* backend, const QString& sandboxId);
    ~OpenSandboxStatsStream() override;

    void start() override;

    // One metrics object as a sample; false when it is not one (an error line).
    static bool sampleFrom(const QJsonObject& metrics, ResourceSample* sample);

protected:
    void readObject(const QJsonObject& object) override;
    Error lineError(JsonLines::Problem problem, const QString& detail) const override;
    Error endError(const HttpReply& reply) const override;

private:
    void resolved(const QJsonObject& answer, const Error& error);

    QPointer<OpenSandboxBackend> m_backend;
    QString m_sandboxId;
    ExecdAddress m_address;
    HttpClient* m_http = nullptr;
};
