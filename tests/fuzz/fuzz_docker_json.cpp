#include "FuzzDriver.h"
#include "docker/DockerJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>

QList<QByteArray> fuzzSeeds()
{
    return {
        R"([{"Id":"a","Names":["/x"],"Image":"i","State":"running","Status":"Up","Created":1,
            "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],
            "Labels":{"k":"v"}}])",
        R"({"HostConfig":{"NanoCpus":1000000000,"Memory":1048576,"CpuQuota":1,"CpuPeriod":0}})",
        R"({"message":"No such container"})",
    };
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(input);
    const QJsonArray entries = document.array();
    for (const QJsonValue& entry : entries) {
        const Sandbox sandbox =
            DockerJson::sandboxFromListEntry(entry.toObject(), QStringLiteral("f"));
        (void)sandbox.portsText();
        (void)sandbox.limitsText();
    }
    double cpus = 0;
    qint64 memory = 0;
    DockerJson::limitsFromInspect(document.object(), &cpus, &memory);
    (void)DockerJson::errorMessage(input);
    return 0;
}
