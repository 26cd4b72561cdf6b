#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// A job's state as the sandbox's files tell it.
struct JobInfo
{
    enum class State
    {
        Running,
        Exited, // exitCode is the command's status
        Killed, // stopped by a kill; exitCode is 128 + the signal
        Lost    // no process and no status: the sandbox restarted meanwhile
    };
    QString id;
    QString command; // one line
    QDateTime started;
    qint64 pid = -1;
    State state = State::Running;
    int exitCode = -1;
    qint64 outputBytes = 0; // what is kept of its output now
    QString hostCommandId;  // a command the host keeps (execd's); empty: our runner's job
    bool killRequested = false;
};

// Background jobs kept by the sandbox itself, written down in one place because it is a wire
// format of our own: POSIX sh and busybox's tools (setsid, mkfifo, dd, wc, tail -c, sed), no
// tmux, bash or python. Each job has a folder <jobsRoot>/<id> holding
//   cmd      the command, one line          started  when, in seconds since the epoch
//   runner   the pid of the runner shell    pid      the command's pid and process group
//   out.<n>  its output, stdout and stderr together, in segments of about the limit; the
//            runner keeps the two newest, so a chatty job holds at most 2 × (limit + 64 KiB)
//   killed   there once a kill was asked    exit     its status, once all output is written
//   command-id  instead of runner, pid and out.<n>: the host runs the command itself as a
//            background command of this id (OpenSandbox's execd), which keeps its output;
//            exit is written once the host said how it ended
// The runner (setsid, so it outlives the exec that starts it) runs the command in a process
// group of its own with its output into a FIFO, copies that into the segments with dd, waits,
// then writes exit.
namespace JobScript {

constexpr const char* jobsRoot = "/tmp/.sandboxdesk/jobs";

// Exit statuses the scripts use for what they find out themselves.
enum Status
{
    NoSuchJob = 90,
    JobExists = 93,
    StillRunning = 94,
    NotStarted = 96, // the runner did not come up
    JobLost = 97,    // no process and no status
};

// A new job id: 8 characters of [0-9a-z].
QString newId();
// Whether text can be a job id (and so a folder name, nothing more).
bool isValidId(const QString& text);

// Each returns an exec command (/bin/sh -c SCRIPT sh ARGS…).
QStringList start(const QString& id, const QString& prelude, const QString& command,
                  qint64 outputLimit);
QStringList list();
// Prints the kept output; with follow, then what comes until the job has ended.
QStringList output(const QString& id, bool follow);
// Waits for the job's end and prints its status.
QStringList wait(const QString& id);
QStringList kill(const QString& id, int graceTenths);
// Refuses a running job (StillRunning).
QStringList remove(const QString& id);

// Records a job the host runs as its background command commandId (no runner).
QStringList record(const QString& id, const QString& command, const QString& commandId);
// Prints the job's host command id (nothing for a runner's job); NoSuchJob when none.
QStringList hostCommandOf(const QString& id);
// Notes that a kill was asked for a host's command.
QStringList markKilled(const QString& id);
// Writes the exit status of host commands that have ended: pairs of id and status.
QStringList recordExits(const QList<QPair<QString, int>>& exits);

// Reads list()'s output.
QList<JobInfo> parseList(const QByteArray& output);

} // namespace JobScript
