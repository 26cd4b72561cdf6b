#include "Duration.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Duration {

qint64 parse(const QString& text)
{
    if (text.isEmpty())
        return -1;
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)"));
    static const QHash<QString, qint64> units = {
        {QStringLiteral("ms"), 1},           {QStringLiteral("s"), 1000},
        {QStringLiteral("m"), 60 * 1000},    {QStringLiteral("h"), 3600 * 1000},
        {QStringLiteral("d"), 86400 * 1000},
    };
    qint64 milliseconds = 0;
    qsizetype at = 0;
    while (at < text.size()) {
        const QRegularExpressionMatch match =
            part.match(text, at, QRegularExpression::NormalMatch,
                       QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return -1;
        const double value = match.captured(1).toDouble() * double(units.value(match.captured(2)));
        // Past a hundred years it is no duration anyone means.
        if (value > 100.0 * 365 * 86400 * 1000 - double(milliseconds))
            return -1;
        milliseconds += qint64(value);
        at = match.capturedEnd();
    }
    return milliseconds;
}

QString format(qint64 milliseconds)
{
    if (milliseconds < 1000)
        return QString::number(std::max<qint64>(milliseconds, 0)) + QStringLiteral("ms");
    if (milliseconds < 60 * 1000) {
        // Tenths while seconds are few: 1.5s, 12s.
        const qint64 tenths = milliseconds / 100;
        return (tenths % 10 == 0 ? QString::number(tenths / 10)
                                 : QString::number(tenths / 10) + QLatin1Char('.') +
                                       QString::number(tenths % 10)) +
               QLatin1Char('s');
    }
    static const struct
    {
        qint64 size;
        char unit;
    } units[] = {{86400 * 1000, 'd'}, {3600 * 1000, 'h'}, {60 * 1000, 'm'}, {1000, 's'}};
    QString text;
    qint64 left = milliseconds;
    for (const auto& unit : units) {
        if (left >= unit.size) {
            text += QString::number(left / unit.size) + QLatin1Char(unit.unit);
            left %= unit.size;
        }
    }
    return text;
}

} // namespace Duration
