#include "FuzzDriver.h"
#include "docker/DockerStreamDemuxer.h"

#include <cstdint>
#include <cstdlib>

namespace {

// Small pieces for small inputs; a bounded number of them for large ones, as the network cuts.
qsizetype splitStep(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 1;
    if (size <= 1024)
        return 1 + qsizetype(data[0]) % 41;
    return qsizetype(size) / (2 + qsizetype(data[0]) % 16);
}

struct Output
{
    QByteArray streams[4];
    bool ok = true;
    bool atBoundary = true;
};

// The demuxer fed in pieces of step bytes (the whole input when step is 0).
Output demux(const QByteArray& input, qsizetype step)
{
    Output output;
    DockerStreamDemuxer demuxer;
    demuxer.onPayload = [&output](DockerStreamDemuxer::Stream stream, const QByteArray& payload) {
        if (int(stream) < 0 || int(stream) > 3)
            std::abort();
        output.streams[int(stream)] += payload;
    };
    if (step == 0)
        step = qMax<qsizetype>(1, input.size());
    for (qsizetype at = 0; at < input.size() && output.ok; at += step)
        output.ok = demuxer.feed(input.mid(at, step));
    if (output.ok != !demuxer.isFailed())
        std::abort();
    output.atBoundary = demuxer.isAtFrameBoundary();
    return output;
}

} // namespace

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// Exec and attach streams: whatever the splits, the same bytes on the same streams, never more
// than came in, and a failure at the same point.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const Output whole = demux(input, 0);
    const Output split = demux(input, splitStep(data, size));
    qsizetype delivered = 0;
    for (int i = 0; i < 4; ++i) {
        delivered += whole.streams[i].size();
        if (whole.ok && split.ok && whole.streams[i] != split.streams[i])
            std::abort();
    }
    if (delivered > input.size() || whole.ok != split.ok)
        std::abort();
    if (whole.ok && whole.atBoundary != split.atBoundary)
        std::abort();
    return 0;
}
