#include "Lifetime.h"

namespace Lifetime {

QString labelKey()
{
    return QStringLiteral("sandboxdesk.expires-at");
}

QString labelValue(const QDateTime& expiresAt)
{
    return expiresAt.isValid() ? expiresAt.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromLabels(const QMap<QString, QString>& labels)
{
    const QString value = labels.value(labelKey());
    if (value.isEmpty())
        return {};
    return QDateTime::fromString(value, Qt::ISODate).toUTC();
}

} // namespace Lifetime
