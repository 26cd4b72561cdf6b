#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

class Backend;
class Job;

// A short command that looks something up in a sandbox (its interpreters, its package
// managers), run straight through an exec session: no terminal, no input.
namespace ExecProbe {

// Runs command for job: onEnded gets the first 64 KiB of its stdout once it has ended, whatever
// its exit status. The job fails when the sandbox cannot run commands or the exec fails;
// cancelling the job closes the exec.
void run(Job* job, Backend* backend, const QString& sandboxId, const QString& container,
         const QStringList& command, const std::function<void(const QByteArray& output)>& onEnded);

} // namespace ExecProbe
