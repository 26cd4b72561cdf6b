#pragma once

// What every sandboxctl command file shares: its exit codes and its output. One stream for
// each of stdout and stderr, so that what several files print stays in order.

#include <QByteArray>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace ctl {

enum ExitCode
{
    Ok = 0,
    Failed = 1,
    UnknownSandbox = 2,
    Usage = 64
};

inline QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

// Writes all of bytes to fd unbuffered (data, not text: a file copied to stdout).
inline void writeAll(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

} // namespace ctl
