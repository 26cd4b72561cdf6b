#include "OpenSandboxJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace {

// The backend's words, under one translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(OpenSandboxJson)
};

QString text(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

bool isLabelName(const QString& name)
{
    static const QRegularExpression rx(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")));
    return !name.isEmpty() && name.size() <= 63 && rx.match(name).hasMatch();
}

bool isMetadataKey(const QString& key)
{
    static const QRegularExpression dns(QRegularExpression::anchoredPattern(
        QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")));
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return isLabelName(key);
    const QString prefix = key.left(slash);
    return prefix.size() <= 253 && dns.match(prefix).hasMatch() && isLabelName(key.mid(slash + 1));
}

} // namespace

namespace OpenSandboxJson {

SandboxStatus statusFromState(const QString& state)
{
    static const QHash<QString, SandboxStatus> states{
        {QStringLiteral("pending"), SandboxStatus::Created},
        {QStringLiteral("running"), SandboxStatus::Running},
        // Still running until the pause has completed.
        {QStringLiteral("pausing"), SandboxStatus::Running},
        {QStringLiteral("paused"), SandboxStatus::Paused},
        {QStringLiteral("stopping"), SandboxStatus::Removing},
        {QStringLiteral("terminated"), SandboxStatus::Exited},
        {QStringLiteral("failed"), SandboxStatus::Dead},
    };
    return states.value(state.toLower(), SandboxStatus::Unknown);
}

Sandbox sandboxFromJson(const QJsonObject& object, const QString& backendId)
{
    Sandbox sandbox;
    sandbox.backendId = backendId;
    sandbox.id = text(object.value(QLatin1String("id")));
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
        sandbox.labels.insert(it.key(), text(it.value()));
    sandbox.name = sandbox.labels.value(QStringLiteral("name"));
    const QJsonValue image = object.value(QLatin1String("image"));
    sandbox.image =
        image.isObject() ? text(image.toObject().value(QLatin1String("uri"))) : text(image);
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    const QString state = text(status.value(QLatin1String("state")));
    sandbox.status = statusFromState(state);
    sandbox.statusText = state;
    sandbox.created = parseTime(object.value(QLatin1String("createdAt")));
    sandbox.expiresAt = parseTime(object.value(QLatin1String("expiresAt")));
    const QJsonObject limits = object.value(QLatin1String("resourceLimits")).toObject();
    sandbox.cpus = cpuQuantity(text(limits.value(QLatin1String("cpu"))));
    sandbox.memoryBytes = memoryQuantity(text(limits.value(QLatin1String("memory"))));
    return sandbox;
}

QList<Sandbox> sandboxesFromPage(const QJsonObject& page, const QString& backendId)
{
    QList<Sandbox> sandboxes;
    const QJsonArray items = page.value(QLatin1String("items")).toArray();
    for (const QJsonValue& item : items) {
        if (!item.isObject())
            continue;
        Sandbox sandbox = sandboxFromJson(item.toObject(), backendId);
        if (!sandbox.id.isEmpty())
            sandboxes.append(std::move(sandbox));
    }
    return sandboxes;
}

bool hasNextPage(const QJsonObject& page)
{
    return page.value(QLatin1String("pagination"))
        .toObject()
        .value(QLatin1String("hasNextPage"))
        .toBool();
}

double cpuQuantity(const QString& text)
{
    static const QRegularExpression rx(
        QRegularExpression::anchoredPattern(QStringLiteral("(\\d+(?:\\.\\d+)?)(m?)")));
    const QRegularExpressionMatch match = rx.match(text.trimmed());
    if (!match.hasMatch())
        return 0;
    const double value = match.captured(1).toDouble();
    const double cpus = match.captured(2).isEmpty() ? value : value / 1000;
    return std::isfinite(cpus) && cpus <= 1e6 ? cpus : 0;
}

qint64 memoryQuantity(const QString& text)
{
    static const QRegularExpression rx(QRegularExpression::anchoredPattern(
        QStringLiteral("(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T)?")));
    const QRegularExpressionMatch match = rx.match(text.trimmed());
    if (!match.hasMatch())
        return 0;
    static const QHash<QString, double> units{
        {QString(), 1},
        {QStringLiteral("k"), 1e3},
        {QStringLiteral("K"), 1e3},
        {QStringLiteral("M"), 1e6},
        {QStringLiteral("G"), 1e9},
        {QStringLiteral("T"), 1e12},
        {QStringLiteral("Ki"), 1024.0},
        {QStringLiteral("Mi"), 1024.0 * 1024},
        {QStringLiteral("Gi"), 1024.0 * 1024 * 1024},
        {QStringLiteral("Ti"), 1024.0 * 1024 * 1024 * 1024},
    };
    const double bytes = match.captured(1).toDouble() * units.value(match.captured(2), 0);
    // Past a petabyte it is no sandbox's memory.
    return std::isfinite(bytes) && bytes < 1e15 ? qint64(bytes) : 0;
}

QString cpuText(double cpus)
{
    const auto millis = qint64(std::llround(cpus * 1000));
    if (millis % 1000 == 0)
        return QString::number(millis / 1000);
    return QStringLiteral("%1m").arg(millis);
}

QString memoryText(qint64 bytes)
{
    constexpr qint64 MiB = 1024 * 1024;
    if (bytes % (1024 * MiB) == 0)
        return QStringLiteral("%1Gi").arg(bytes / (1024 * MiB));
    if (bytes % MiB == 0)
        return QStringLiteral("%1Mi").arg(bytes / MiB);
    if (bytes % 1024 == 0)
        return QStringLiteral("%1Ki").arg(bytes / 1024);
    return QString::number(bytes);
}

QStringList defaultEntrypoint()
{
    return {QStringLiteral("tail"), QStringLiteral("-f"), QStringLiteral("/dev/null")};
}

QList<SpecProblem> specProblems(const SandboxSpec& spec)
{
    QList<SpecProblem> found = spec.problems();
    if (!spec.name.isEmpty() && !isLabelName(spec.name)) {
        found.append({SpecField::Name, Text::tr("An OpenSandbox name is kept as metadata: at most "
                                                "63 letters, digits, “-”, “_” and “.”, starting "
                                                "and ending with a letter or digit.")});
    }
    for (auto it = spec.labels.begin(); it != spec.labels.end(); ++it) {
        if (it.key().startsWith(QLatin1String("opensandbox.io/"))) {
            found.append({SpecField::Labels,
                          Text::tr("Metadata key “%1” uses the prefix opensandbox.io/, which the "
                                   "server keeps for itself.")
                              .arg(it.key())});
        } else if (!isMetadataKey(it.key())) {
            found.append({SpecField::Labels,
                          Text::tr("Metadata key “%1” is not a valid label name.").arg(it.key())});
        } else if (!it.value().isEmpty() && !isLabelName(it.value())) {
            found.append({SpecField::Labels,
                          Text::tr("Metadata value “%1” of “%2” is not a valid label value: at "
                                   "most 63 letters, digits, “-”, “_” and “.”.")
                              .arg(it.value(), it.key())});
        }
    }
    if (spec.labels.contains(QStringLiteral("name")) && !spec.name.isEmpty() &&
        spec.labels.value(QStringLiteral("name")) != spec.name) {
        found.append({SpecField::Labels, Text::tr("The metadata “name” and the name differ; an "
                                                  "OpenSandbox name is that metadata.")});
    }
    if (spec.lifetimeSeconds != 0 &&
        (spec.lifetimeSeconds < MinTimeoutSeconds || spec.lifetimeSeconds > MaxTimeoutSeconds)) {
        // The contract has no lifetime field; Start names the form's row of options.
        found.append({SpecField::Start, Text::tr("An OpenSandbox lifetime is from %1 seconds to "
                                                 "%2 seconds (a day), or none.")
                                            .arg(MinTimeoutSeconds)
                                            .arg(MaxTimeoutSeconds)});
    }
    if (!spec.workingDir.isEmpty())
        found.append({SpecField::WorkingDir,
                      Text::tr("OpenSandbox has no working directory for the entry process.")});
    if (!spec.networkMode.isEmpty())
        found.append({SpecField::Network,
                      Text::tr("OpenSandbox chooses a sandbox's network itself; it cannot use "
                               "“%1”.")
                          .arg(spec.networkMode)});
    if (!spec.ports.isEmpty())
        found.append({SpecField::Ports,
                      Text::tr("OpenSandbox publishes no ports when it creates a sandbox; ask for "
                               "a port's endpoint instead.")});
    if (spec.autoRemove)
        found.append({SpecField::AutoRemove,
                      Text::tr("OpenSandbox removes a sandbox when its lifetime ends; give it a "
                               "lifetime instead.")});
    return found;
}

QJsonObject createBody(const SandboxSpec& spec)
{
    QJsonObject env;
    for (const QString& entry : spec.env) {
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        if (equals > 0)
            env.insert(entry.left(equals), entry.mid(equals + 1));
    }
    QJsonObject metadata;
    for (auto it = spec.labels.begin(); it != spec.labels.end(); ++it)
        metadata.insert(it.key(), it.value());
    if (!spec.name.isEmpty())
        metadata.insert(QStringLiteral("name"), spec.name);
    QJsonObject limits;
    if (spec.cpus > 0)
        limits.insert(QStringLiteral("cpu"), cpuText(spec.cpus));
    if (spec.memoryBytes > 0)
        limits.insert(QStringLiteral("memory"), memoryText(spec.memoryBytes));
    const QStringList entrypoint = spec.command.isEmpty() ? defaultEntrypoint() : spec.command;
    QJsonObject body{
        {QStringLiteral("image"), QJsonObject{{QStringLiteral("uri"), spec.image.trimmed()}}},
        {QStringLiteral("entrypoint"), QJsonArray::fromStringList(entrypoint)},
        {QStringLiteral("resourceLimits"), limits},
        {QStringLiteral("timeout"), spec.lifetimeSeconds > 0
                                        ? QJsonValue(double(spec.lifetimeSeconds))
                                        : QJsonValue(QJsonValue::Null)},
    };
    if (!env.isEmpty())
        body.insert(QStringLiteral("env"), env);
    if (!metadata.isEmpty())
        body.insert(QStringLiteral("metadata"), metadata);
    return body;
}

QByteArray listQuery(int page, int pageSize, const QStringList& states,
                     const QMap<QString, QString>& metadata)
{
    QByteArray query =
        "page=" + QByteArray::number(page) + "&pageSize=" + QByteArray::number(pageSize);
    for (const QString& state : states)
        query += "&state=" + QUrl::toPercentEncoding(state);
    if (!metadata.isEmpty()) {
        // Each key and value encoded, then the whole filter once more as one parameter.
        QByteArray filter;
        for (auto it = metadata.begin(); it != metadata.end(); ++it) {
            if (!filter.isEmpty())
                filter += '&';
            filter += QUrl::toPercentEncoding(it.key()) + '=' + QUrl::toPercentEncoding(it.value());
        }
        query += "&metadata=" + QUrl::toPercentEncoding(QString::fromLatin1(filter));
    }
    return query;
}

SandboxDetails detailsFromJson(const QJsonObject& object)
{
    SandboxDetails details;
    const Sandbox sandbox = sandboxFromJson(object, {});
    details.status = sandbox.status;
    details.created = sandbox.created;
    details.expires = sandbox.expiresAt;
    details.events = eventsFromText(text(object.value(QLatin1String("events"))));
    details.raw = object;
    return details;
}

QList<SandboxEvent> eventsFromText(const QString& text)
{
    QList<SandboxEvent> events;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        SandboxEvent event;
        event.time = QDateTime::fromString(words.value(0), Qt::ISODateWithMs);
        if (!event.time.isValid()) {
            // A line in a shape this client does not know: kept whole as the message.
            event.message = line;
            events.append(event);
            continue;
        }
        event.object = words.value(1);
        event.type = words.value(2);
        event.reason = words.value(3);
        event.message = words.mid(4).join(QLatin1Char(' '));
        event.count = 1;
        events.append(event);
    }
    return events;
}

QString timeText(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QJsonValue& value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        // Python writes microseconds ("…:05.123456+00:00"); Qt reads at most milliseconds.
        static const QRegularExpression micro(QStringLiteral("(\\.\\d{3})\\d+"));
        time = QDateTime::fromString(QString(text).replace(micro, QStringLiteral("\\1")),
                                     Qt::ISODateWithMs);
    }
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace OpenSandboxJson
