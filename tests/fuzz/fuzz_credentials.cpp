#include "FuzzDriver.h"
#include "credentials/CredentialImport.h"

#include <cstdint>
#include <cstdlib>

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// A .env file and the aliyun CLI's config.json, as a user may have them: a reader that reports
// an error returns nothing with it.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    QHash<QString, QString> values;
    if (!CredentialImport::parseDotEnv(input, &values, &error) && error.isEmpty())
        std::abort();

    error.clear();
    const ImportedCredentials fromDotEnv = CredentialImport::fromDotEnv(input, &error);
    if (!error.isEmpty() && !fromDotEnv.isEmpty())
        std::abort();
    (void)CredentialImport::problemWith(fromDotEnv);

    error.clear();
    const QList<CredentialImport::AliyunProfile> profiles =
        CredentialImport::aliyunProfiles(input, &error);
    if (!error.isEmpty() && !profiles.isEmpty())
        std::abort();
    for (const CredentialImport::AliyunProfile& profile : profiles) {
        if (profile.usable && !profile.problem.isEmpty())
            std::abort();
        (void)CredentialImport::problemWith(profile.credentials);
    }
    return 0;
}
