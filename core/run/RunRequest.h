#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// What to run in a sandbox: a command (argv, no shell in between) or a script sent on stdin,
// with its working folder, environment, user and time limit.
struct RunRequest
{
    QStringList command;  // used when script is empty
    QByteArray script;    // run by /bin/sh, or by the interpreter its #! line names
    QString workingDir;   // empty: the sandbox's own
    QStringList env;      // KEY=VALUE, added to the sandbox's environment
    QString user;         // empty: the sandbox's own; only where the backend can switch users
    qint64 timeoutMs = 0; // 0: none; past it the process is stopped as by cancel()
    QString container;    // which container of a group; empty: the first

    bool isScript() const { return !script.isEmpty(); }
    // One line that says what runs: the command as a shell would read it, or the script's
    // first line that is not blank or a comment.
    QString summary() const;
};
