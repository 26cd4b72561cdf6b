#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

// Numbers from outside (JSON doubles, timestamps, sizes) become integers only when they fit:
// casting a double outside the target's range is undefined behaviour, and a product that
// wraps gives a wrong answer that looks right.
namespace CheckedNumbers {

// The integer a finite double truncates to, when T holds it; nothing for NaN, the
// infinities and values outside T's range.
template<typename T> std::optional<T> toInteger(double value)
{
    static_assert(std::is_integral_v<T>, "an integer type");
    if (!std::isfinite(value))
        return std::nullopt;
    // Both bounds are exact as doubles: min is 0 or -2^(n-1), and max + 1 is a power of two.
    constexpr double low = double(std::numeric_limits<T>::min());
    constexpr double highExclusive = double(std::numeric_limits<T>::max() / 2 + 1) * 2.0;
    const double whole = std::trunc(value);
    if (whole < low || whole >= highExclusive)
        return std::nullopt;
    return T(whole);
}

// The same, but only for a value without a fractional part.
template<typename T> std::optional<T> toExactInteger(double value)
{
    if (std::isfinite(value) && std::trunc(value) != value)
        return std::nullopt;
    return toInteger<T>(value);
}

// a + b, or the nearest end of qint64's range when that does not fit.
qint64 saturatingAdd(qint64 a, qint64 b);

// Nanoseconds since the epoch fit a qint64 from 1677-09-21 to 2262-04-11 (UTC).
// fraction: nanoseconds within the second, 0 to 999999999.
std::optional<qint64> nanosecondsFromSeconds(qint64 seconds, qint64 fraction = 0);
std::optional<qint64> nanosecondsFromMSecs(qint64 milliseconds);
// Nothing for an invalid time as well.
std::optional<qint64> nanosecondsFromDateTime(const QDateTime& time);
// A valid time outside that range as the nearest end of it; 0 for an invalid time.
qint64 clampedNanoseconds(const QDateTime& time);
// The earliest and latest times that nanosecondsFromDateTime takes.
QDateTime earliestNanosecondTime();
QDateTime latestNanosecondTime();

} // namespace CheckedNumbers
