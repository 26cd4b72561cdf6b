#pragma once

#include "Job.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

// A command the sandbox host keeps running by itself, as the host reports it.
struct BackgroundCommandStatus
{
    QString id;
    bool running = false;
    int exitCode = -1; // once ended; -1 when the host gave none
    QString error;     // the host's words when it ended with an error
    QDateTime startedAt;
    QDateTime finishedAt;
};

// Output of a background command read from a cursor on; cursor is what the next read passes.
// What a cursor counts is the host's business (execd's spec says lines, execd counts bytes).
struct BackgroundOutput
{
    QByteArray bytes;
    qint64 cursor = -1;
};

// Commands a sandbox host runs detached from any connection and answers about by id
// (OpenSandbox's execd: POST /command with background, GET /command/status/{id},
// GET /command/{id}/logs, DELETE /command). Backend::openBackgroundCommands() gives one per
// sandbox with HasBackgroundCommands; it belongs to the caller. Jobs are its children.
class BackgroundCommands : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Runs shellCommand (text for the host's shell) detached; the host's id for it. A host
    // whose execd has no background commands fails with Error::NotFound.
    virtual ResultJob<QString>* start(const QString& shellCommand) = 0;
    // Error::NotFound when the host does not know the id (any more).
    virtual ResultJob<BackgroundCommandStatus>* status(const QString& id) = 0;
    // Output (stdout and stderr together, as the host keeps it) after the cursor the last read
    // gave; all of it for a cursor of -1.
    virtual ResultJob<BackgroundOutput>* output(const QString& id, qint64 cursor) = 0;
    // Stops the command.
    virtual Job* interrupt(const QString& id) = 0;
};
