#pragma once

#include <QByteArray>

#include <functional>

// Splits the Engine API's multiplexed stream (exec, attach and logs without a TTY): frames of
// an 8-byte header [stream, 0, 0, 0, size as uint32 big-endian] and a payload. Payloads are
// handed on as they arrive, so a header announcing 4 GiB allocates nothing.
class DockerStreamDemuxer
{
public:
    enum Stream
    {
        Stdin = 0,
        Stdout = 1,
        Stderr = 2,
        EngineError = 3
    };

    std::function<void(Stream stream, const QByteArray& payload)> onPayload;

    // False once the stream is malformed; nothing after that is delivered.
    bool feed(const QByteArray& bytes);
    bool isFailed() const { return m_failed; }
    // True between frames: a stream that ends here ended cleanly.
    bool isAtFrameBoundary() const { return m_remaining == 0 && m_header.isEmpty(); }

private:
    QByteArray m_header;
    quint32 m_remaining = 0;
    Stream m_stream = Stdout;
    bool m_failed = false;
};
