#include "DockerJson.h"

#include "sandbox/CheckedNumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace DockerJson {

namespace {

// The engine writes "0001-01-01T00:00:00Z" for a time that has not happened.
QDateTime engineTime(const QJsonValue& value)
{
    // Nanoseconds: Qt reads milliseconds.
    static const QRegularExpression digits(QStringLiteral("(\\.\\d{3})\\d+"));
    QString text = value.toString();
    text.replace(digits, QStringLiteral("\\1"));
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() && time.date().year() > 1 ? time : QDateTime();
}

} // namespace

SandboxStatus statusFromState(const QString& state)
{
    return statusFromKey(state);
}

Sandbox sandboxFromListEntry(const QJsonObject& entry, const QString& backendId)
{
    Sandbox sandbox;
    sandbox.backendId = backendId;
    sandbox.id = entry.value(QLatin1String("Id")).toString();
    const QJsonArray names = entry.value(QLatin1String("Names")).toArray();
    if (!names.isEmpty()) {
        sandbox.name = names.first().toString();
        if (sandbox.name.startsWith(QLatin1Char('/')))
            sandbox.name.remove(0, 1);
    }
    sandbox.image = entry.value(QLatin1String("Image")).toString();
    sandbox.status = statusFromState(entry.value(QLatin1String("State")).toString());
    sandbox.statusText = entry.value(QLatin1String("Status")).toString();
    if (const auto created =
            CheckedNumbers::toInteger<qint64>(entry.value(QLatin1String("Created")).toDouble()))
        sandbox.created = QDateTime::fromSecsSinceEpoch(*created, Qt::UTC);
    const QJsonArray ports = entry.value(QLatin1String("Ports")).toArray();
    for (const QJsonValue& value : ports) {
        const QJsonObject port = value.toObject();
        PortBinding binding;
        binding.containerPort = quint16(port.value(QLatin1String("PrivatePort")).toInt());
        binding.hostPort = quint16(port.value(QLatin1String("PublicPort")).toInt());
        binding.hostIp = port.value(QLatin1String("IP")).toString();
        binding.protocol = port.value(QLatin1String("Type")).toString(QStringLiteral("tcp"));
        // The engine lists IPv4 and IPv6 bindings separately; one row each is noise.
        if (binding.hostIp == QLatin1String("::"))
            continue;
        sandbox.ports.append(binding);
    }
    const QJsonObject labels = entry.value(QLatin1String("Labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        sandbox.labels.insert(it.key(), it.value().toString());
    return sandbox;
}

QJsonObject createBody(const SandboxSpec& spec)
{
    QJsonObject body;
    body.insert(QLatin1String("Image"), spec.image.trimmed());
    if (!spec.command.isEmpty())
        body.insert(QLatin1String("Cmd"), QJsonArray::fromStringList(spec.command));
    if (!spec.env.isEmpty())
        body.insert(QLatin1String("Env"), QJsonArray::fromStringList(spec.env));
    if (!spec.workingDir.isEmpty())
        body.insert(QLatin1String("WorkingDir"), spec.workingDir);

    QJsonObject labels;
    for (auto it = spec.labels.begin(); it != spec.labels.end(); ++it)
        labels.insert(it.key(), it.value());
    if (!labels.isEmpty())
        body.insert(QLatin1String("Labels"), labels);

    QJsonObject host;
    if (spec.cpus > 0)
        host.insert(QLatin1String("NanoCpus"),
                    CheckedNumbers::toInteger<qint64>(spec.cpus * 1e9).value_or(0));
    if (spec.memoryBytes > 0)
        host.insert(QLatin1String("Memory"), spec.memoryBytes);
    if (!spec.networkMode.isEmpty())
        host.insert(QLatin1String("NetworkMode"), spec.networkMode);
    if (spec.autoRemove)
        host.insert(QLatin1String("AutoRemove"), true);
    if (!spec.ports.isEmpty()) {
        QJsonObject exposed;
        QJsonObject bindings;
        for (const PortBinding& port : spec.ports) {
            const QString key = QStringLiteral("%1/%2").arg(port.containerPort).arg(port.protocol);
            exposed.insert(key, QJsonObject());
            if (port.hostPort == 0)
                continue;
            QJsonArray list = bindings.value(key).toArray();
            QJsonObject binding;
            binding.insert(QLatin1String("HostIp"), port.hostIp);
            binding.insert(QLatin1String("HostPort"), QString::number(port.hostPort));
            list.append(binding);
            bindings.insert(key, list);
        }
        body.insert(QLatin1String("ExposedPorts"), exposed);
        if (!bindings.isEmpty())
            host.insert(QLatin1String("PortBindings"), bindings);
    }
    if (!host.isEmpty())
        body.insert(QLatin1String("HostConfig"), host);
    return body;
}

QString errorMessage(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString message = object.value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return message;
    return QString::fromUtf8(body.left(1024)).trimmed();
}

void limitsFromInspect(const QJsonObject& inspect, double* cpus, qint64* memoryBytes)
{
    const QJsonObject host = inspect.value(QLatin1String("HostConfig")).toObject();
    const double nanoCpus = host.value(QLatin1String("NanoCpus")).toDouble();
    const double quota = host.value(QLatin1String("CpuQuota")).toDouble();
    const double period = host.value(QLatin1String("CpuPeriod")).toDouble();
    *cpus = nanoCpus > 0 ? nanoCpus / 1e9 : (quota > 0 && period > 0 ? quota / period : 0);
    const double memory = host.value(QLatin1String("Memory")).toDouble();
    const std::optional<qint64> bytes = CheckedNumbers::toInteger<qint64>(memory);
    *memoryBytes = !bytes || *bytes < 0 ? Sandbox::OutOfRange : *bytes;
}

SandboxDetails detailsFromInspect(const QJsonObject& inspect)
{
    SandboxDetails details;
    const QJsonObject state = inspect.value(QLatin1String("State")).toObject();
    details.status = statusFromState(state.value(QLatin1String("Status")).toString());
    details.created = engineTime(inspect.value(QLatin1String("Created")));
    details.started = engineTime(state.value(QLatin1String("StartedAt")));
    details.finished = engineTime(state.value(QLatin1String("FinishedAt")));
    if (details.status == SandboxStatus::Running || details.status == SandboxStatus::Paused)
        details.finished = QDateTime();
    if (details.status == SandboxStatus::Exited || details.status == SandboxStatus::Dead)
        details.exitCode = state.value(QLatin1String("ExitCode")).toInt(-1);
    const QJsonObject networks = inspect.value(QLatin1String("NetworkSettings"))
                                     .toObject()
                                     .value(QLatin1String("Networks"))
                                     .toObject();
    for (auto it = networks.constBegin(); it != networks.constEnd(); ++it) {
        const QString address = it.value().toObject().value(QLatin1String("IPAddress")).toString();
        if (!address.isEmpty())
            details.addresses << QStringLiteral("%1 (%2)").arg(address, it.key());
    }
    details.raw = inspect;
    return details;
}

} // namespace DockerJson
