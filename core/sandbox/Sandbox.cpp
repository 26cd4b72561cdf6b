#include "Sandbox.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

struct StatusName
{
    SandboxStatus status;
    const char* key;
};

constexpr StatusName statusNames[] = {
    {SandboxStatus::Created, "created"},   {SandboxStatus::Running, "running"},
    {SandboxStatus::Paused, "paused"},     {SandboxStatus::Restarting, "restarting"},
    {SandboxStatus::Removing, "removing"}, {SandboxStatus::Exited, "exited"},
    {SandboxStatus::Dead, "dead"},         {SandboxStatus::Unknown, "unknown"},
};

} // namespace

QString statusKey(SandboxStatus status)
{
    for (const auto& name : statusNames) {
        if (name.status == status)
            return QString::fromLatin1(name.key);
    }
    return QStringLiteral("unknown");
}

SandboxStatus statusFromKey(const QString& key)
{
    for (const auto& name : statusNames) {
        if (key.compare(QLatin1String(name.key), Qt::CaseInsensitive) == 0)
            return name.status;
    }
    return SandboxStatus::Unknown;
}

QString statusDisplayName(SandboxStatus status)
{
    switch (status) {
    case SandboxStatus::Created:
        return QCoreApplication::translate("Sandbox", "Created");
    case SandboxStatus::Running:
        return QCoreApplication::translate("Sandbox", "Running");
    case SandboxStatus::Paused:
        return QCoreApplication::translate("Sandbox", "Paused");
    case SandboxStatus::Restarting:
        return QCoreApplication::translate("Sandbox", "Restarting");
    case SandboxStatus::Removing:
        return QCoreApplication::translate("Sandbox", "Removing");
    case SandboxStatus::Exited:
        return QCoreApplication::translate("Sandbox", "Exited");
    case SandboxStatus::Dead:
        return QCoreApplication::translate("Sandbox", "Dead");
    case SandboxStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("Sandbox", "Unknown");
}

QString PortBinding::toString() const
{
    const QString inner = QStringLiteral("%1/%2").arg(containerPort).arg(protocol);
    if (hostPort == 0)
        return inner;
    const QString host = hostIp.isEmpty() || hostIp == QLatin1String("0.0.0.0")
                             ? QString()
                             : hostIp + QLatin1Char(':');
    return QStringLiteral("%1%2->%3").arg(host).arg(hostPort).arg(inner);
}

bool PortBinding::operator==(const PortBinding& other) const
{
    return containerPort == other.containerPort && hostPort == other.hostPort &&
           hostIp == other.hostIp && protocol == other.protocol;
}

QString Sandbox::portsText() const
{
    QStringList parts;
    for (const auto& port : ports)
        parts << port.toString();
    parts.removeDuplicates();
    return parts.join(QStringLiteral(", "));
}

QString Sandbox::limitsText() const
{
    QStringList parts;
    if (cpus > 0)
        parts << QCoreApplication::translate("Sandbox", "%1 CPU").arg(cpus);
    if (memoryBytes > 0)
        parts << formatBytes(memoryBytes);
    else if (memoryBytes == OutOfRange)
        parts << QCoreApplication::translate("Sandbox", "memory out of range");
    return parts.join(QStringLiteral(", "));
}

bool Sandbox::operator==(const Sandbox& other) const
{
    return backendId == other.backendId && id == other.id && name == other.name &&
           image == other.image && status == other.status && statusText == other.statusText &&
           created == other.created && ports == other.ports && cpus == other.cpus &&
           memoryBytes == other.memoryBytes && labels == other.labels &&
           containers == other.containers && expiresAt == other.expiresAt;
}

qint64 parseMemorySize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*([bkmgt]?)i?b?\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return -1;
    bool ok = false;
    const qint64 value = match.captured(1).toLongLong(&ok);
    if (!ok)
        return -1;
    const QChar unit =
        match.captured(2).isEmpty() ? QLatin1Char('b') : match.captured(2).at(0).toLower();
    const int shift = QStringLiteral("bkmgt").indexOf(unit) * 10;
    if (value > (std::numeric_limits<qint64>::max() >> shift))
        return -1;
    return value << shift;
}

QString formatBytes(qint64 bytes)
{
    static const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    const int precision = unit == 0 || value >= 100 || value == qint64(value) ? 0 : 1;
    return QStringLiteral("%1 %2").arg(value, 0, 'f', precision).arg(QLatin1String(units[unit]));
}

bool parsePortBinding(const QString& text, PortBinding* binding)
{
    // [ip:]hostPort:containerPort[/proto], or containerPort[/proto]
    static const QRegularExpression pattern(QStringLiteral(
        "^(?:(?:(\\d{1,3}(?:\\.\\d{1,3}){3}):)?(\\d{1,5}):)?(\\d{1,5})(?:/(tcp|udp|sctp))?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const int hostPort = match.captured(2).isEmpty() ? 0 : match.captured(2).toInt();
    const int containerPort = match.captured(3).toInt();
    if (containerPort < 1 || containerPort > 65535 || hostPort < 0 || hostPort > 65535)
        return false;
    if (!match.captured(2).isEmpty() && hostPort == 0)
        return false;
    binding->hostIp = match.captured(1);
    binding->hostPort = quint16(hostPort);
    binding->containerPort = quint16(containerPort);
    binding->protocol = match.captured(4).isEmpty() ? QStringLiteral("tcp") : match.captured(4);
    return true;
}

bool isValidSandboxName(const QString& name)
{
    // Docker's rule: [a-zA-Z0-9][a-zA-Z0-9_.-]+
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,127}$"));
    return pattern.match(name).hasMatch();
}

QStringList problemMessages(const QList<SpecProblem>& problems)
{
    QStringList messages;
    for (const SpecProblem& problem : problems)
        messages << problem.message;
    return messages;
}

QList<SpecProblem> SandboxSpec::problems() const
{
    QList<SpecProblem> problems;
    if (image.trimmed().isEmpty())
        problems.append({SpecField::Image, tr("An image is required.")});
    else if (image.contains(QRegularExpression(QStringLiteral("\\s"))))
        problems.append({SpecField::Image, tr("The image name must not contain spaces.")});
    if (!name.isEmpty() && !isValidSandboxName(name)) {
        problems.append(
            {SpecField::Name, tr("The name may use letters, digits, “_”, “.” and “-”, must start "
                                 "with a letter or digit and be 2 to 128 characters long.")});
    }
    for (const QString& entry : env) {
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        if (equals <= 0)
            problems.append(
                {SpecField::Env, tr("Environment entry “%1” is not KEY=VALUE.").arg(entry)});
    }
    if (!(cpus >= 0 && cpus <= 1024)) // NaN too
        problems.append({SpecField::Cpus, tr("CPUs must be between 0 (no limit) and 1024.")});
    if (memoryBytes != 0 && memoryBytes < 6 * 1024 * 1024)
        problems.append(
            {SpecField::Memory, tr("Memory must be at least 6 MiB, or empty for no limit.")});
    if (!workingDir.isEmpty() && !workingDir.startsWith(QLatin1Char('/')))
        problems.append(
            {SpecField::WorkingDir, tr("The working directory must be an absolute path.")});
    return problems;
}
