#pragma once

#include <QByteArray>
#include <QList>

// Seeds the driver mutates when the target is not built with libFuzzer.
QList<QByteArray> fuzzSeeds();
