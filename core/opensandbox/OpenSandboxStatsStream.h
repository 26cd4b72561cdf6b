#pragma once

#include "ExecdAddress.h"
#include "sandbox/StatsStream.h"

#include <QJsonObject>
#include <QPointer>

class HttpClient;
class HttpReply;
class OpenSandboxBackend;

// execd's GET /metrics/watch: one JSON object a line ({"cpu_count", "cpu_used_pct",
// "mem_total_mib", "mem_used_mib", "timestamp"}), "data:" framing accepted too. cpu_used_pct
// is of all the sandbox's CPUs, so a sample's cpuPercent (of one core) is it times cpu_count.
// execd measures no network or block I/O: those stay 0. The body's end ends the stream.
class OpenSandboxStatsStream final : public StatsStream
{
    Q_OBJECT
public:
    OpenSandboxStatsStream(OpenSandboxBackend* backend, const QString& sandboxId);
    ~OpenSandboxStatsStream() override;

    void start() override;
    void stop() override;

    // One metrics object as a sample; false when it is not one (an error line).
    static bool sampleFrom(const QJsonObject& metrics, ResourceSample* sample);

private:
    void resolved(const QJsonObject& answer, const Error& error);
    void onData(const QByteArray& data);
    void onFinished();
    void release();
    void finishWith(const Error& error);

    QPointer<OpenSandboxBackend> m_backend;
    QString m_sandboxId;
    ExecdAddress m_address;
    HttpClient* m_http = nullptr;
    QPointer<HttpReply> m_reply;
    QByteArray m_pending; // a line not yet ended
    bool m_started = false;
    bool m_done = false;
};
