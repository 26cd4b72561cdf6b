#include "FuzzDriver.h"
#include "eci/EciJson.h"

#include <QJsonDocument>

#include <cmath>
#include <cstdint>
#include <cstdlib>

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// ECI's answers (DescribeContainerGroups, …Metric, …Events, DescribeRegions) through every
// reader: nothing trusts a type, and numbers come out finite and not negative.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonObject response = QJsonDocument::fromJson(input).object();
    const QList<Sandbox> sandboxes = EciJson::sandboxesFromPage(response, QStringLiteral("f"));
    for (const Sandbox& sandbox : sandboxes) {
        (void)sandbox.portsText();
        (void)sandbox.limitsText();
    }
    const QJsonArray groups = response.value(QStringLiteral("ContainerGroups")).toArray();
    for (const QJsonValue& group : groups) {
        const SandboxDetails details = EciJson::detailsFromGroup(group.toObject());
        (void)statusSummary(details.status, details.started, details.finished, details.exitCode);
        (void)EciJson::eventsFromResponse(
            response, EciJson::text(group.toObject().value(QStringLiteral("ContainerGroupId"))));
    }
    (void)EciJson::detailsFromGroup(response);
    (void)EciJson::samplesFromMetric(response);
    (void)EciJson::eventsFromResponse(response, QStringLiteral("eci-1"));
    const QStringList regions = EciJson::regionIds(response);
    for (const QString& region : regions)
        (void)EciJson::zoneIds(response, region);
    for (auto it = response.begin(); it != response.end(); ++it) {
        const double value = EciJson::number(it.value());
        if (!std::isfinite(value) || value < 0)
            std::abort();
        (void)EciJson::text(it.value());
        (void)EciJson::statusFromEci(it.value().toString());
    }
    return 0;
}
