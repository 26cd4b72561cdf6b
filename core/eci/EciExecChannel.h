#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

// The framing of ECI's exec WebSocket, which Alibaba does not document; every fact about it
// lives here, so that it can be corrected in one place. Each binary WebSocket message is one
// frame: the first byte names a channel, the rest is its payload.
//   0 stdin   bytes for the process
//   1 stdout  bytes from the process (all of the terminal's output with a TTY)
//   2 stderr  bytes from the process (only without a TTY)
//   3 resize  JSON {"Width":columns,"Height":rows}
//   4 status  sent once when the process has ended, in the shape of Kubernetes' remotecommand
//             status: {"status":"Success"}, or {"status":"Failure","reason":"NonZeroExitCode",
//             "details":{"causes":[{"reason":"ExitCode","message":"N"}]}}, or a Failure with
//             another reason and a "message" when the command could not run.
// A message may come split into several WebSocket frames; the decoder joins them, bounded.
// Decoding is tolerant of what does not matter (extra JSON fields, letter case of names) and
// reports what does (an empty, oversized or unknown frame) as an error, never by crashing.
class EciExecChannel final
{
public:
    enum Channel : quint8
    {
        Stdin = 0,
        Stdout = 1,
        Stderr = 2,
        Resize = 3,
        Status = 4
    };

    struct ExitStatus
    {
        bool valid = false; // false: the payload was not a status we can read
        bool success = false;
        int exitCode = -1; // 0 on success, the code from the causes, or -1 when none is given
        QString reason;
        QString message;
    };

    // The largest message the decoder accepts, channel byte included.
    static constexpr qsizetype maxMessageBytes = 1024 * 1024 + 1;
    // encodeData() splits data into messages with at most this many payload bytes.
    static constexpr qsizetype maxDataPayloadBytes = 32 * 1024;

    static QByteArray encode(Channel channel, const QByteArray& payload);
    static QList<QByteArray> encodeData(Channel channel, const QByteArray& bytes);
    static QByteArray encodeResize(int columns, int rows);
    static QByteArray encodeExitStatus(int exitCode);
    static QByteArray encodeFailure(const QString& reason, const QString& message);

    // Columns and rows from 1 to 65535; false for anything else.
    static bool parseResize(const QByteArray& payload, int* columns, int* rows);
    static ExitStatus parseStatus(const QByteArray& payload);

    // Called for every complete frame, in order.
    std::function<void(Channel channel, const QByteArray& payload)> onFrame;

    // One whole message. False once the stream is malformed; nothing is delivered after that.
    bool feedMessage(const QByteArray& message);
    // A piece of a message as QWebSocket::binaryFrameReceived hands it on.
    bool feedFragment(const QByteArray& fragment, bool lastFragment);
    bool isFailed() const { return m_failed; }
    // Why decoding stopped, in English, for an Error's detail.
    const QString& errorString() const { return m_error; }

private:
    bool fail(const QString& error);

    QByteArray m_partial;
    bool m_failed = false;
    QString m_error;
};
