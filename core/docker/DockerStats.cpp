#include "DockerStats.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DockerStats)
};

// The engine's counters are unsigned 64-bit; as doubles they stay exact up to 2^53 ns of CPU
// time (about a hundred days), which is more than a delta ever needs.
double number(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toDouble();
}

qint64 count(const QJsonObject& object, const char* key)
{
    return qint64(object.value(QLatin1String(key)).toDouble());
}

double cpuPercent(const QJsonObject& cpu, const QJsonObject& precpu)
{
    const double cpuDelta =
        number(cpu.value(QLatin1String("cpu_usage")).toObject(), "total_usage") -
        number(precpu.value(QLatin1String("cpu_usage")).toObject(), "total_usage");
    const double systemDelta = number(cpu, "system_cpu_usage") - number(precpu, "system_cpu_usage");
    double onlineCpus = number(cpu, "online_cpus");
    if (onlineCpus == 0) {
        onlineCpus = double(cpu.value(QLatin1String("cpu_usage"))
                                .toObject()
                                .value(QLatin1String("percpu_usage"))
                                .toArray()
                                .size());
    }
    if (systemDelta > 0 && cpuDelta > 0)
        return cpuDelta / systemDelta * onlineCpus * 100.0;
    return 0;
}

qint64 memoryInUse(const QJsonObject& memory)
{
    const qint64 usage = count(memory, "usage");
    const QJsonObject stats = memory.value(QLatin1String("stats")).toObject();
    if (const auto v1 = stats.constFind(QLatin1String("total_inactive_file"));
        v1 != stats.constEnd()) {
        const qint64 inactive = qint64(v1->toDouble());
        if (inactive < usage)
            return usage - inactive;
    }
    const qint64 inactive = count(stats, "inactive_file");
    return inactive < usage ? usage - inactive : usage;
}

} // namespace

namespace DockerStats {

Reading read(const QJsonObject& object, ResourceSample* sample)
{
    const QJsonObject cpu = object.value(QLatin1String("cpu_stats")).toObject();
    const QJsonObject precpu = object.value(QLatin1String("precpu_stats")).toObject();
    // A stopped container's object has its name and id and nothing measured.
    if (number(cpu, "system_cpu_usage") == 0 &&
        object.value(QLatin1String("memory_stats")).toObject().isEmpty())
        return Reading::NotRunning;
    if (number(precpu, "system_cpu_usage") == 0)
        return Reading::Priming;

    ResourceSample result;
    result.time =
        QDateTime::fromString(object.value(QLatin1String("read")).toString(), Qt::ISODateWithMs);
    if (!result.time.isValid())
        result.time = QDateTime::currentDateTimeUtc();
    result.cpuPercent = cpuPercent(cpu, precpu);
    const QJsonObject memory = object.value(QLatin1String("memory_stats")).toObject();
    result.memoryBytes = memoryInUse(memory);
    result.memoryLimitBytes = count(memory, "limit");
    const QJsonObject networks = object.value(QLatin1String("networks")).toObject();
    for (auto it = networks.constBegin(); it != networks.constEnd(); ++it) {
        const QJsonObject network = it->toObject();
        result.networkRxBytes += count(network, "rx_bytes");
        result.networkTxBytes += count(network, "tx_bytes");
    }
    const QJsonArray io = object.value(QLatin1String("blkio_stats"))
                              .toObject()
                              .value(QLatin1String("io_service_bytes_recursive"))
                              .toArray();
    for (const QJsonValue& value : io) {
        const QJsonObject entry = value.toObject();
        const QString op = entry.value(QLatin1String("op")).toString().toLower();
        if (op == QLatin1String("read"))
            result.blockReadBytes += count(entry, "value");
        else if (op == QLatin1String("write"))
            result.blockWriteBytes += count(entry, "value");
    }
    result.pids = int(count(object.value(QLatin1String("pids_stats")).toObject(), "current"));
    *sample = result;
    return Reading::Sample;
}

Error lineError(JsonLines::Problem problem, const QString& detail)
{
    if (problem == JsonLines::Problem::TooLong)
        return Error::make(Error::Protocol,
                           Text::tr("The engine sent a stats line that is too long."));
    return Error::make(Error::Protocol, Text::tr("The engine sent stats that are not JSON."), {},
                       detail);
}

} // namespace DockerStats
