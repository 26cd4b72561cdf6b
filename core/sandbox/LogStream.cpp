#include "LogStream.h"

#include "CheckedNumbers.h"

#include <cstdio>

namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
qint64 daysFromCivil(qint64 year, unsigned month, unsigned day)
{
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = unsigned(year - era * 400);
    const unsigned dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + qint64(dayOfEra) - 719468;
}

void civilFromDays(qint64 days, int* year, unsigned* month, unsigned* day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = unsigned(days - era * 146097);
    const unsigned yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned mp = (5 * dayOfYear + 2) / 153;
    *day = dayOfYear - (153 * mp + 2) / 5 + 1;
    *month = mp < 10 ? mp + 3 : mp - 9;
    *year = int(qint64(yearOfEra) + era * 400 + (*month <= 2));
}

bool digits(const char* data, int count, int* value)
{
    int result = 0;
    for (int i = 0; i < count; ++i) {
        if (data[i] < '0' || data[i] > '9')
            return false;
        result = result * 10 + (data[i] - '0');
    }
    *value = result;
    return true;
}

} // namespace

QByteArray LogStream::formatTimestamp(qint64 nanoseconds)
{
    qint64 seconds = nanoseconds / 1000000000;
    qint64 fraction = nanoseconds % 1000000000;
    if (fraction < 0) {
        fraction += 1000000000;
        --seconds;
    }
    qint64 days = seconds / 86400;
    qint64 secondOfDay = seconds % 86400;
    if (secondOfDay < 0) {
        secondOfDay += 86400;
        --days;
    }
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civilFromDays(days, &year, &month, &day);
    char text[64];
    const int size = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%09lldZ", year,
                                   month, day, int(secondOfDay / 3600), int(secondOfDay / 60 % 60),
                                   int(secondOfDay % 60), static_cast<long long>(fraction));
    return QByteArray(text, size);
}

qsizetype LogStream::parseTimestamp(const char* data, qsizetype size, qint64* nanoseconds,
                                    bool* outOfRange)
{
    if (outOfRange)
        *outOfRange = false;
    // YYYY-MM-DDTHH:MM:SS is 19 bytes; the zone needs at least one more.
    if (size < 20)
        return 0;
    int year, month, day, hour, minute, second;
    if (!digits(data, 4, &year) || data[4] != '-' || !digits(data + 5, 2, &month) ||
        data[7] != '-' || !digits(data + 8, 2, &day) || (data[10] != 'T' && data[10] != 't') ||
        !digits(data + 11, 2, &hour) || data[13] != ':' || !digits(data + 14, 2, &minute) ||
        data[16] != ':' || !digits(data + 17, 2, &second))
        return 0;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return 0;
    qsizetype at = 19;
    qint64 fraction = 0;
    if (data[at] == '.') {
        ++at;
        int count = 0;
        while (at < size && data[at] >= '0' && data[at] <= '9') {
            if (count < 9) {
                fraction = fraction * 10 + (data[at] - '0');
                ++count;
            }
            ++at;
        }
        if (count == 0)
            return 0;
        for (; count < 9; ++count)
            fraction *= 10;
    }
    if (at >= size)
        return 0;
    qint64 offsetSeconds = 0;
    if (data[at] == 'Z' || data[at] == 'z') {
        ++at;
    } else if (data[at] == '+' || data[at] == '-') {
        int offsetHours, offsetMinutes;
        if (size - at < 6 || !digits(data + at + 1, 2, &offsetHours) || data[at + 3] != ':' ||
            !digits(data + at + 4, 2, &offsetMinutes))
            return 0;
        offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (data[at] == '-' ? -1 : 1);
        at += 6;
    } else {
        return 0;
    }
    const qint64 seconds = daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 +
                           hour * 3600 + minute * 60 + second - offsetSeconds;
    const std::optional<qint64> total = CheckedNumbers::nanosecondsFromSeconds(seconds, fraction);
    if (!total) {
        if (outOfRange)
            *outOfRange = true;
        return 0;
    }
    *nanoseconds = *total;
    return at;
}

QDateTime LogStream::toDateTime(qint64 nanoseconds)
{
    return QDateTime::fromMSecsSinceEpoch(nanoseconds / 1000000, Qt::UTC);
}
