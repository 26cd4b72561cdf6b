#pragma once

#include "ExecdAddress.h"
#include "sandbox/ExecSession.h"

#include <QJsonObject>

class QWebSocket;

// One of execd's interactive sessions, made by POST /pty, spoken to over its WebSocket
// (GET /pty/{id}/ws; components/execd/PTY.md, in execd's code but not its spec). The wire:
// - after the upgrade the server sends a JSON text frame {"type":"connected","mode":"pty"|
//   "pipe"}; the shell starts with the first WebSocket, in a terminal of 80x24, or with plain
//   pipes when the URL asks ?pty=0;
// - output comes as binary frames whose first byte is the channel: 0x01 stdout, 0x02 stderr
//   (pipes only), 0x03 replayed output after an 8-byte offset;
// - input goes as binary frames 0x00 followed by the bytes; resize as the text frame
//   {"type":"resize","cols":C,"rows":R};
// - the end is a text frame {"type":"exit","exit_code":N}, then a normal close; trouble is
//   {"type":"error","code":…,"error":…}; close code 4001 means another client took over.
// Input goes out as fast as the connection takes it: pendingInput() is what the socket holds.
class ExecdPtySession final : public ExecSession
{
    Q_OBJECT
public:
    ExecdPtySession(const ExecdAddress& address, const QString& sessionId,
                    const ExecOptions& options, QObject* parent = nullptr);
    ~ExecdPtySession() override;

    void start() override;
    void write(const QByteArray& bytes) override;
    void closeStdin() override;
    qint64 pendingInput() const override;
    void resize(int columns, int rows) override;
    void close() override;

    // The mode the server said it runs the shell in ("pty" or "pipe"), once connected.
    const QString& mode() const { return m_mode; }

    // An input frame; a server frame's channel and bytes (false for a frame that is none).
    static QByteArray inputFrame(const QByteArray& bytes);
    static bool parseOutput(const QByteArray& frame, Stream* stream, QByteArray* bytes);
    static QByteArray resizeFrame(int columns, int rows);

private:
    void onText(const QString& text);
    void onBinary(const QByteArray& frame);
    void onDisconnected();
    void sendInput(const QByteArray& bytes);
    void end(const Error& error);

    ExecdAddress m_address;
    QString m_sessionId;
    ExecOptions m_options;
    QWebSocket* m_socket = nullptr;
    QString m_mode;
    QByteArray m_pendingInput; // written before the server said connected
    bool m_connected = false;
    bool m_stdinClosed = false;
    bool m_ended = false;
};
