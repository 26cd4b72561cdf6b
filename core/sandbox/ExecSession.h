#pragma once

#include "Error.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

struct ExecOptions
{
    QStringList command; // empty: bash where the sandbox has it, else sh
    bool tty = true;
    bool attachStdin = true;
    QString workingDir;
    QString user;
    QStringList env; // KEY=VALUE
    int columns = 80;
    int rows = 24;
    QString container; // which container of a group (ECI); empty: the first
};

// A process running in a sandbox: bytes in, bytes out (stdout and stderr apart when there is
// no TTY), resize, and one end: finished() with the exit code, or failed() when the
// connection broke before the process ended. Input is queued without a bound: a producer of
// much input writes while pendingInput() is below inputBound and goes on at inputWritten().
class ExecSession : public QObject
{
    Q_OBJECT
public:
    enum class Stream
    {
        Stdout,
        Stderr
    };
    Q_ENUM(Stream)

    using QObject::QObject;

    virtual void start() = 0;
    virtual void write(const QByteArray& bytes) = 0;
    // End of input, passed on once everything written before has gone out; later writes are
    // dropped.
    virtual void closeStdin() = 0;
    // Input written and not yet handed to the system for sending.
    virtual qint64 pendingInput() const { return 0; }
    static constexpr qint64 inputBound = 1024 * 1024;
    virtual void resize(int columns, int rows) = 0;
    // Drops the connection; the process may go on in the sandbox.
    virtual void close() = 0;

Q_SIGNALS:
    void started();
    // Some of the pending input has gone out.
    void inputWritten();
    void received(ExecSession::Stream stream, const QByteArray& bytes);
    void finished(int exitCode);
    void failed(const Error& error);
};
