#include "FuzzDriver.h"
#include "eci/EciExecChannel.h"

#include <cstdint>
#include <cstdlib>

namespace {

void checkPayload(EciExecChannel::Channel channel, const QByteArray& payload)
{
    if (channel == EciExecChannel::Resize) {
        int columns = 0;
        int rows = 0;
        if (EciExecChannel::parseResize(payload, &columns, &rows) &&
            (columns < 1 || columns > 65535 || rows < 1 || rows > 65535))
            std::abort();
    } else if (channel == EciExecChannel::Status) {
        const EciExecChannel::ExitStatus status = EciExecChannel::parseStatus(payload);
        if (status.valid && (status.exitCode < -1 || status.exitCode > 255))
            std::abort();
        if (status.success && status.exitCode != 0)
            std::abort();
    }
}

} // namespace

QList<QByteArray> fuzzSeeds()
{
    return {};
}

// ECI's exec WebSocket: the input is a run of messages, each cut into fragments. A byte of
// 0xff ends a fragment, 0xfe ends a message; the frames decoded come out in order, never larger
// than what came in, and resize and status payloads read within their ranges.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    EciExecChannel channel;
    qsizetype delivered = 0;
    channel.onFrame = [&delivered](EciExecChannel::Channel kind, const QByteArray& payload) {
        if (kind > EciExecChannel::Status)
            std::abort();
        delivered += payload.size() + 1;
        checkPayload(kind, payload);
    };
    QByteArray fragment;
    bool ok = true;
    for (size_t i = 0; i < size && ok; ++i) {
        const auto byte = char(data[i]);
        if (data[i] == 0xff || data[i] == 0xfe) {
            ok = channel.feedFragment(fragment, data[i] == 0xfe);
            fragment.clear();
        } else {
            fragment.append(byte);
        }
    }
    if (ok)
        ok = channel.feedMessage(fragment);
    if (ok == channel.isFailed() || (!ok && channel.errorString().isEmpty()))
        std::abort();
    if (delivered > qsizetype(size) + 1)
        std::abort();

    // The whole input as one payload of each kind.
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    checkPayload(EciExecChannel::Resize, input);
    checkPayload(EciExecChannel::Status, input);
    // What we encode decodes to itself.
    EciExecChannel echo;
    QByteArray echoed;
    echo.onFrame = [&echoed](EciExecChannel::Channel, const QByteArray& payload) {
        echoed += payload;
    };
    for (const QByteArray& message : EciExecChannel::encodeData(EciExecChannel::Stdin, input))
        echo.feedMessage(message);
    if (echoed != input)
        std::abort();
    return 0;
}
