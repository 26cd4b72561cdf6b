#include "EciJson.h"
#include "sandbox/Lifetime.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace {

constexpr double GiB = 1024.0 * 1024.0 * 1024.0;
constexpr int MaxTags = 20;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EciJson)
};

QString decimal(double value)
{
    return QString::number(value, 'g', 6);
}

QDateTime parseTime(const QJsonValue& value)
{
    QDateTime time = QDateTime::fromString(EciJson::text(value), Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

QJsonArray arrayOf(const QJsonValue& value)
{
    return value.isArray() ? value.toArray() : QJsonArray();
}

} // namespace

namespace EciJson {

double number(const QJsonValue& value)
{
    double result = 0;
    if (value.isDouble()) {
        result = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        result = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return 0;
    }
    if (!std::isfinite(result) || result < 0)
        return 0;
    return result;
}

QString text(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return decimal(value.toDouble());
    return {};
}

SandboxStatus statusFromEci(const QString& status)
{
    static const QHash<QString, SandboxStatus> statuses = {
        {QStringLiteral("Pending"), SandboxStatus::Created},
        {QStringLiteral("Scheduling"), SandboxStatus::Created},
        {QStringLiteral("ScheduleFailed"), SandboxStatus::Dead},
        {QStringLiteral("Running"), SandboxStatus::Running},
        {QStringLiteral("Restarting"), SandboxStatus::Restarting},
        // Updating: the group keeps running while its spec changes.
        {QStringLiteral("Updating"), SandboxStatus::Running},
        {QStringLiteral("Terminating"), SandboxStatus::Removing},
        {QStringLiteral("Succeeded"), SandboxStatus::Exited},
        {QStringLiteral("Failed"), SandboxStatus::Exited},
        {QStringLiteral("Expired"), SandboxStatus::Dead},
    };
    return statuses.value(status, SandboxStatus::Unknown);
}

Sandbox sandboxFromGroup(const QJsonObject& group, const QString& backendId)
{
    Sandbox sandbox;
    sandbox.backendId = backendId;
    sandbox.id = text(group.value(QLatin1String("ContainerGroupId")));
    sandbox.name = text(group.value(QLatin1String("ContainerGroupName")));
    sandbox.statusText = text(group.value(QLatin1String("Status")));
    sandbox.status = statusFromEci(sandbox.statusText);
    sandbox.created = parseTime(group.value(QLatin1String("CreationTime")));
    sandbox.cpus = number(group.value(QLatin1String("Cpu")));
    // Memory is in GiB; anything beyond what qint64 holds is not a real group.
    const double memory = number(group.value(QLatin1String("Memory"))) * GiB;
    sandbox.memoryBytes = memory < 9.0e18 ? qint64(memory) : 0;

    const QJsonArray containers = arrayOf(group.value(QLatin1String("Containers")));
    for (const QJsonValue& value : containers) {
        const QJsonObject container = value.toObject();
        const QString name = text(container.value(QLatin1String("Name")));
        if (!name.isEmpty())
            sandbox.containers.append(name);
        if (sandbox.image.isEmpty())
            sandbox.image = text(container.value(QLatin1String("Image")));
        const QJsonArray ports = arrayOf(container.value(QLatin1String("Ports")));
        for (const QJsonValue& portValue : ports) {
            const QJsonObject port = portValue.toObject();
            const double number = EciJson::number(port.value(QLatin1String("Port")));
            if (number < 1 || number > 65535)
                continue;
            PortBinding binding;
            binding.containerPort = quint16(number);
            const QString protocol = text(port.value(QLatin1String("Protocol"))).toLower();
            binding.protocol = protocol.isEmpty() ? QStringLiteral("tcp") : protocol;
            if (!sandbox.ports.contains(binding))
                sandbox.ports.append(binding);
        }
    }

    const QJsonArray tags = arrayOf(group.value(QLatin1String("Tags")));
    for (const QJsonValue& value : tags) {
        const QJsonObject tag = value.toObject();
        const QString key = text(tag.value(QLatin1String("Key")));
        if (!key.isEmpty())
            sandbox.labels.insert(key, text(tag.value(QLatin1String("Value"))));
    }
    sandbox.expiresAt = Lifetime::fromLabels(sandbox.labels);
    return sandbox;
}

QList<Sandbox> sandboxesFromPage(const QJsonObject& page, const QString& backendId)
{
    QList<Sandbox> sandboxes;
    const QJsonArray groups = arrayOf(page.value(QLatin1String("ContainerGroups")));
    sandboxes.reserve(groups.size());
    for (const QJsonValue& value : groups) {
        if (!value.isObject())
            continue;
        Sandbox sandbox = sandboxFromGroup(value.toObject(), backendId);
        if (!sandbox.id.isEmpty())
            sandboxes.append(sandbox);
    }
    return sandboxes;
}

bool isValidGroupName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() >= 2 && name.size() <= 128 && pattern.match(name).hasMatch();
}

QList<SpecProblem> specProblems(const SandboxSpec& spec)
{
    QList<SpecProblem> found = spec.problems();
    // An empty name is fine: createParams makes one up.
    if (!spec.name.isEmpty() && !isValidGroupName(spec.name)) {
        found.append(
            {SpecField::Name,
             Text::tr("A container group name may use lower-case letters, digits and “-”, must "
                      "start and end with a letter or digit and be 2 to 128 characters long.")});
    }
    if (spec.autoRemove)
        found.append({SpecField::AutoRemove,
                      Text::tr("ECI does not remove a container group by itself when it stops.")});
    if (!spec.networkMode.isEmpty())
        found.append({SpecField::Network,
                      Text::tr("A container group keeps its own network; it cannot use “%1”.")
                          .arg(spec.networkMode)});
    if (spec.labels.size() > MaxTags)
        found.append({SpecField::Labels,
                      Text::tr("ECI allows at most %1 tags on a container group.").arg(MaxTags)});
    for (const PortBinding& port : spec.ports) {
        if (port.hostPort != 0 && port.hostPort != port.containerPort) {
            found.append({SpecField::Ports,
                          Text::tr("ECI cannot map port %1 to %2: a container group exposes its "
                                   "containers' ports as they are.")
                              .arg(port.hostPort)
                              .arg(port.containerPort)});
        }
    }
    if (!spec.restartPolicy.isEmpty() && spec.restartPolicy != QLatin1String("Always") &&
        spec.restartPolicy != QLatin1String("OnFailure") &&
        spec.restartPolicy != QLatin1String("Never")) {
        found.append({SpecField::RestartPolicy,
                      Text::tr("The restart policy must be Always, OnFailure or Never.")});
    }
    const auto checkId = [&found](SpecField field, const QString& value, const char* pattern,
                                  const QString& problem) {
        const QRegularExpression expression(
            QRegularExpression::anchoredPattern(QLatin1String(pattern)));
        if (!value.isEmpty() && !expression.match(value).hasMatch())
            found.append({field, problem.arg(value)});
    };
    checkId(SpecField::Zone, spec.zoneId, "[a-z0-9]+(-[a-z0-9]+)+",
            Text::tr("“%1” is not a zone ID such as cn-hangzhou-h."));
    checkId(SpecField::VSwitch, spec.vSwitchId, "vsw-[a-z0-9]+",
            Text::tr("“%1” is not a vSwitch ID such as vsw-bp1234abcd."));
    checkId(SpecField::SecurityGroup, spec.securityGroupId, "sg-[a-z0-9]+",
            Text::tr("“%1” is not a security group ID such as sg-bp1234abcd."));
    return found;
}

EciParams createParams(const SandboxSpec& spec, const QString& regionId, QStringList* problems)
{
    const QList<SpecProblem> found = specProblems(spec);
    if (!found.isEmpty()) {
        if (problems)
            *problems = problemMessages(found);
        return {};
    }
    const QString name =
        spec.name.isEmpty()
            ? QStringLiteral("sandbox-") + QUuid::createUuid().toString(QUuid::Id128).left(8)
            : spec.name;

    EciParams params{{QStringLiteral("RegionId"), regionId},
                     {QStringLiteral("ContainerGroupName"), name}};
    if (spec.cpus > 0)
        params.append({QStringLiteral("Cpu"), decimal(spec.cpus)});
    if (spec.memoryBytes > 0)
        params.append({QStringLiteral("Memory"), decimal(double(spec.memoryBytes) / GiB)});
    const QList<QPair<QString, QString>> placement = {
        {QStringLiteral("ZoneId"), spec.zoneId},
        {QStringLiteral("VSwitchId"), spec.vSwitchId},
        {QStringLiteral("SecurityGroupId"), spec.securityGroupId},
        {QStringLiteral("RestartPolicy"), spec.restartPolicy},
    };
    for (const auto& [key, value] : placement) {
        if (!value.isEmpty())
            params.append({key, value});
    }

    const QString container = QStringLiteral("Container.1.");
    params.append({container + QStringLiteral("Name"), name});
    params.append({container + QStringLiteral("Image"), spec.image.trimmed()});
    if (!spec.workingDir.isEmpty())
        params.append({container + QStringLiteral("WorkingDir"), spec.workingDir});
    EciSigner::appendList(&params, container + QStringLiteral("Command"), spec.command);
    EciSigner::appendList(&params, container + QStringLiteral("Arg"), spec.args);
    QList<EciParams> env;
    for (const QString& entry : spec.env) {
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        env.append({{QStringLiteral("Key"), entry.left(equals)},
                    {QStringLiteral("Value"), entry.mid(equals + 1)}});
    }
    EciSigner::appendObjects(&params, container + QStringLiteral("EnvironmentVar"), env);
    QList<EciParams> ports;
    for (const PortBinding& port : spec.ports) {
        ports.append({{QStringLiteral("Port"), QString::number(port.containerPort)},
                      {QStringLiteral("Protocol"), port.protocol.toUpper()}});
    }
    EciSigner::appendObjects(&params, container + QStringLiteral("Port"), ports);
    QList<EciParams> tags;
    for (auto it = spec.labels.begin(); it != spec.labels.end(); ++it)
        tags.append({{QStringLiteral("Key"), it.key()}, {QStringLiteral("Value"), it.value()}});
    EciSigner::appendObjects(&params, QStringLiteral("Tag"), tags);
    return params;
}

QList<ResourceSample> samplesFromMetric(const QJsonObject& response)
{
    QList<ResourceSample> samples;
    const QJsonArray records = arrayOf(response.value(QLatin1String("Records")));
    for (const QJsonValue& value : records) {
        const QJsonObject record = value.toObject();
        ResourceSample sample;
        sample.time = parseTime(record.value(QLatin1String("Timestamp")));
        if (!sample.time.isValid())
            continue;
        const QJsonObject cpu = record.value(QLatin1String("CPU")).toObject();
        // 10^9 nano-cores are one core, which is 100 %.
        sample.cpuPercent = number(cpu.value(QLatin1String("UsageNanoCores"))) / 1.0e7;
        const QJsonObject memory = record.value(QLatin1String("Memory")).toObject();
        const double workingSet = number(memory.value(QLatin1String("WorkingSet")));
        const double usage =
            workingSet > 0 ? workingSet : number(memory.value(QLatin1String("UsageBytes")));
        sample.memoryBytes = usage < 9.0e18 ? qint64(usage) : 0;
        const QJsonArray nics = arrayOf(
            record.value(QLatin1String("Network")).toObject().value(QLatin1String("Interfaces")));
        double rx = 0;
        double tx = 0;
        for (const QJsonValue& nic : nics) {
            rx += number(nic.toObject().value(QLatin1String("RxBytes")));
            tx += number(nic.toObject().value(QLatin1String("TxBytes")));
        }
        sample.networkRxBytes = rx < 9.0e18 ? qint64(rx) : 0;
        sample.networkTxBytes = tx < 9.0e18 ? qint64(tx) : 0;
        samples.append(sample);
    }
    std::stable_sort(
        samples.begin(), samples.end(),
        [](const ResourceSample& a, const ResourceSample& b) { return a.time < b.time; });
    return samples;
}

QJsonArray eventsFromResponse(const QJsonObject& response, const QString& groupId)
{
    const QJsonArray data = arrayOf(response.value(QLatin1String("Data")));
    for (const QJsonValue& value : data) {
        const QJsonObject entry = value.toObject();
        const QString id = text(entry.value(QLatin1String("ContainerGroupId")));
        if (id.isEmpty() || id == groupId)
            return arrayOf(entry.value(QLatin1String("Events")));
    }
    return arrayOf(response.value(QLatin1String("Events")));
}

QStringList regionIds(const QJsonObject& response)
{
    QStringList ids;
    const QJsonArray regions = arrayOf(response.value(QLatin1String("Regions")));
    for (const QJsonValue& value : regions) {
        const QString id = text(value.toObject().value(QLatin1String("RegionId")));
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QStringList zoneIds(const QJsonObject& response, const QString& regionId)
{
    QStringList zones;
    const QJsonArray regions = arrayOf(response.value(QLatin1String("Regions")));
    for (const QJsonValue& value : regions) {
        const QJsonObject region = value.toObject();
        if (text(region.value(QLatin1String("RegionId"))) != regionId)
            continue;
        const QJsonArray recommended = arrayOf(region.value(QLatin1String("RecommendZones")));
        for (const QJsonValue& zone : recommended) {
            const QString id = text(zone);
            if (!id.isEmpty() && !zones.contains(id))
                zones.append(id);
        }
    }
    return zones;
}

SandboxDetails detailsFromGroup(const QJsonObject& group)
{
    SandboxDetails details;
    details.status = statusFromEci(text(group.value(QLatin1String("Status"))));
    details.created = parseTime(group.value(QLatin1String("CreationTime")));
    details.expires = parseTime(group.value(QLatin1String("ExpiredTime")));
    for (const char* key : {"IntranetIp", "InternetIp"}) {
        const QString address = text(group.value(QLatin1String(key)));
        if (!address.isEmpty())
            details.addresses << address;
    }
    int exitCode = -1;
    const QJsonArray containers = arrayOf(group.value(QLatin1String("Containers")));
    for (const QJsonValue& value : containers) {
        const QJsonObject container = value.toObject();
        const QJsonObject state = container.value(QLatin1String("CurrentState")).toObject();
        ContainerDetails item;
        item.name = text(container.value(QLatin1String("Name")));
        item.image = text(container.value(QLatin1String("Image")));
        item.state = text(state.value(QLatin1String("State")));
        item.reason = text(state.value(QLatin1String("Reason")));
        item.ready = container.value(QLatin1String("Ready")).toBool();
        item.restartCount = int(number(container.value(QLatin1String("RestartCount"))));
        details.containers << item;
        // The group ran from its first container's start to its last one's end; its code is
        // the first failure, else 0.
        const QDateTime started = parseTime(state.value(QLatin1String("StartTime")));
        if (started.isValid() && (!details.started.isValid() || started < details.started))
            details.started = started;
        const QDateTime finished = parseTime(state.value(QLatin1String("FinishTime")));
        if (finished.isValid() && (!details.finished.isValid() || finished > details.finished))
            details.finished = finished;
        if (state.contains(QLatin1String("ExitCode"))) {
            const int code = int(number(state.value(QLatin1String("ExitCode"))));
            if (exitCode <= 0)
                exitCode = code;
        }
    }
    if (details.status == SandboxStatus::Exited || details.status == SandboxStatus::Dead)
        details.exitCode = exitCode;
    else
        details.finished = QDateTime();
    const QJsonArray events = arrayOf(group.value(QLatin1String("Events")));
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        SandboxEvent item;
        item.time = parseTime(event.value(QLatin1String("LastTimestamp")));
        if (!item.time.isValid())
            item.time = parseTime(event.value(QLatin1String("FirstTimestamp")));
        item.type = text(event.value(QLatin1String("Type")));
        item.reason = text(event.value(QLatin1String("Reason")));
        item.object = text(event.value(QLatin1String("Name")));
        item.count = int(number(event.value(QLatin1String("Count"))));
        item.message = text(event.value(QLatin1String("Message")));
        details.events << item;
    }
    details.raw = group;
    return details;
}

} // namespace EciJson
