#pragma once

#include "Error.h"
#include "Sandbox.h"

#include <QObject>

// A running sandbox's resource use as it is measured, one sample at a time. Counters
// (network, block I/O) are totals since the sandbox started; cpuPercent is of one core over
// the interval since the previous sample, as `docker stats` shows it.
class StatsStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start() = 0;
    // Ends the stream; neither ended() nor failed() follows.
    virtual void stop() = 0;

Q_SIGNALS:
    void sampled(const ResourceSample& sample);
    // The sandbox stopped or was removed.
    void ended();
    void failed(const Error& error);
};
