#include "FuzzDriver.h"
#include "docker/DockerLogStream.h"

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
    QByteArray streams[3];
    qsizetype messages = 0;
    bool ok = true;
};

// The log body fed in pieces of step bytes (the whole input when step is 0), then finished.
Output parse(bool tty, const QByteArray& input, qsizetype step)
{
    Output output;
    DockerLogParser parser(tty);
    const DockerLogParser::Sink sink = [&output](DockerLogParser::Message&& message) {
        const int stream = int(message.stream);
        if (stream < 1 || stream > 2)
            std::abort();
        output.streams[stream] += message.bytes;
        ++output.messages;
    };
    if (step == 0)
        step = qMax<qsizetype>(1, input.size());
    for (qsizetype at = 0; at < input.size() && output.ok; at += step)
        output.ok = parser.feed(
            QByteArrayView(input.constData() + at, qMin(step, input.size() - at)), sink);
    if (output.ok) {
        parser.finish(sink);
        if (parser.error().isError())
            std::abort();
    } else if (!parser.error().isError()) {
        std::abort();
    }
    return output;
}

void check(bool tty, const QByteArray& input, qsizetype step)
{
    const Output whole = parse(tty, input, 0);
    const Output split = parse(tty, input, step);
    if (whole.ok != split.ok)
        std::abort();
    qsizetype delivered = 0;
    for (int i = 1; i < 3; ++i) {
        delivered += whole.streams[i].size();
        if (whole.ok && whole.streams[i] != split.streams[i])
            std::abort();
    }
    if (delivered > input.size())
        std::abort();
}

} // namespace

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// GET /containers/{id}/logs?timestamps=1, framed and raw (TTY): however the body is split, the
// same bytes on the same streams, never more than came in, and the same verdict.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype step = splitStep(data, size);
    check(false, input, step);
    check(true, input, step);
    return 0;
}
