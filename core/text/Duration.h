#pragma once

#include <QString>

// Durations as people type them on a command line: 90s, 10m, 2h, 1d, 1h30m, 250ms, 1.5h.
namespace Duration {

// Milliseconds; -1 when text is no duration (empty, unknown unit, past a hundred years).
qint64 parse(const QString& text);
// For showing, in units parse() reads: 250ms, 1.5s, 12s, 1m30s, 2h5m, 1d3h (durations below
// a minute keep tenths, longer ones whole seconds).
QString format(qint64 milliseconds);

} // namespace Duration
