#pragma once

#include "RunRequest.h"

#include <QByteArray>
#include <QStringList>

// How Run starts and stops a process in a sandbox, written down in one place because it is a
// wire format of our own. It needs only POSIX sh and what busybox, Alpine and Debian have
// (head -c, mktemp, setsid, kill).
//
// The exec runs `/bin/sh -c LOADER sh PRELUDE` without a terminal. The loader reads
// "<length>\n" and that many bytes of script from stdin (0: none) into a file of its own,
// then starts `sh -c` in a new session (setsid, when the image has it, so that the process
// and everything it starts share one process group whose id is its pid) with stdin from
// /dev/null. That shell prints "#sdk-run <pid>\n" on stderr before anything else, then
// evaluates PRELUDE (cd, export, exec of the command or the script file). The loader waits
// for it, removes the file and exits with its status: the command's own, 128+N after
// signal N, or setupFailed.
//
// Stopping is a second exec (kill(pid, graceTenths)): TERM to the process group (to the pid
// alone without setsid), then KILL to what is left once the grace has passed.
namespace RunScript {

// The loader's status when it could not set the command up (no /tmp, no such folder).
constexpr int setupFailed = 125;
constexpr const char* pidPrefix = "#sdk-run ";

// The exec's command for a request.
QStringList command(const RunRequest& request);
// What goes to the exec's stdin first: the script's length and the script.
QByteArray input(const RunRequest& request);
// The exec's command that stops the process group pid: TERM, KILL after graceTenths / 10 s.
QStringList kill(qint64 pid, int graceTenths);

// The shell text that sets the request's folder and environment up, then execs its command
// (or, for a script, the interpreter on the file that is "$2").
QString prelude(const RunRequest& request);
// The stopper's text: $1 a pid, $2 the grace in tenths of a second.
extern const char* const killer;

// text quoted for sh: 'it'\''s'.
QString quoted(const QString& text);
// The pid in a "#sdk-run <pid>" line (its newline taken off), or -1 when it is no such line.
qint64 parsePidLine(const QByteArray& line);

} // namespace RunScript
