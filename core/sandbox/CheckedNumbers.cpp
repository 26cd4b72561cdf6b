#include "CheckedNumbers.h"

#include <QtNumeric>

namespace CheckedNumbers {

qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (qAddOverflow(a, b, &sum))
        return b < 0 ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    return sum;
}

std::optional<qint64> nanosecondsFromSeconds(qint64 seconds, qint64 fraction)
{
    // The earliest time has a product below the range and a sum within it: borrow a second.
    if (seconds < 0 && fraction > 0) {
        ++seconds;
        fraction -= 1000000000;
    }
    qint64 product = 0;
    qint64 sum = 0;
    if (qMulOverflow(seconds, qint64(1000000000), &product) ||
        qAddOverflow(product, fraction, &sum))
        return std::nullopt;
    return sum;
}

std::optional<qint64> nanosecondsFromMSecs(qint64 milliseconds)
{
    qint64 product = 0;
    if (qMulOverflow(milliseconds, qint64(1000000), &product))
        return std::nullopt;
    return product;
}

std::optional<qint64> nanosecondsFromDateTime(const QDateTime& time)
{
    if (!time.isValid())
        return std::nullopt;
    return nanosecondsFromMSecs(time.toMSecsSinceEpoch());
}

qint64 clampedNanoseconds(const QDateTime& time)
{
    if (!time.isValid())
        return 0;
    if (const std::optional<qint64> nanoseconds = nanosecondsFromDateTime(time))
        return *nanoseconds;
    return time.toMSecsSinceEpoch() < 0 ? std::numeric_limits<qint64>::min()
                                        : std::numeric_limits<qint64>::max();
}

QDateTime earliestNanosecondTime()
{
    // Rounded towards the epoch, so that the whole millisecond fits.
    return QDateTime::fromMSecsSinceEpoch(std::numeric_limits<qint64>::min() / 1000000, Qt::UTC);
}

QDateTime latestNanosecondTime()
{
    return QDateTime::fromMSecsSinceEpoch(std::numeric_limits<qint64>::max() / 1000000, Qt::UTC);
}

} // namespace CheckedNumbers
