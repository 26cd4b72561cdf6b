#pragma once

#include <QByteArray>
#include <QList>

// Seeds the driver mutates when the target is not built with libFuzzer, besides the files of
// the corpus folders it is given (tests/fuzz/corpus/<target>).
QList<QByteArray> fuzzSeeds();
