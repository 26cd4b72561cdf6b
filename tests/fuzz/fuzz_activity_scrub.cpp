#include "FuzzDriver.h"
#include "logs/ActivityLog.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// Error texts from engines and services on their way into the activity log: a secret after
// whatever came before is still found, and an entry made of them exports as one JSON object a
// line.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(qMin<size_t>(size, 1024)));
    const QString scrubbed = ActivityLog::scrub(text);
    const QString secret = QStringLiteral("Zq7Secret9Value");
    for (const QString& key :
         {QStringLiteral("password="), QStringLiteral("X-Acs-Security-Token: "),
          QStringLiteral("Authorization: Bearer "), QStringLiteral("https://user:")}) {
        const QString tail = QStringLiteral(", ") + key + secret + QStringLiteral("@host ");
        if (ActivityLog::scrub(text + tail).contains(secret))
            std::abort();
    }

    static ActivityLog log(4);
    ActivityLog::Entry entry;
    entry.time = 1;
    entry.action = text.left(16);
    entry.sandbox = text;
    entry.detail = scrubbed;
    entry.result = ActivityLog::Result::Failed;
    const QByteArray plain = log.format(entry, ActivityLog::Format::PlainText);
    if (plain.count('\n') != 1 || !plain.endsWith('\n'))
        std::abort();
    const QByteArray json = log.format(entry, ActivityLog::Format::JsonLines);
    if (json.count('\n') != 1 || !QJsonDocument::fromJson(json).isObject())
        std::abort();
    log.record(entry);
    return 0;
}
