#pragma once

#include "sandbox/BackgroundCommands.h"

class ExecdClient;
class OpenSandboxBackend;
class QJsonObject;

// execd's background commands in one sandbox: POST /command with "background": true answers
// with the command's id in its "init" event and leaves the command running in execd;
// GET /command/status/{id} says whether it runs and how it ended, GET /command/{id}/logs?cursor=N
// gives its output after cursor N (all of it without one; stdout and stderr together) with the
// next cursor in the EXECD-COMMANDS-TAIL-CURSOR header, DELETE /command?id= stops it. execd keeps
// these in its own memory: after execd restarts an id is unknown (404).
class OpenSandboxBackgroundCommands final : public BackgroundCommands
{
    Q_OBJECT
public:
    OpenSandboxBackgroundCommands(OpenSandboxBackend* backend, const QString& sandboxId);
    ~OpenSandboxBackgroundCommands() override;

    ResultJob<QString>* start(const QString& shellCommand) override;
    ResultJob<BackgroundCommandStatus>* status(const QString& id) override;
    ResultJob<BackgroundOutput>* output(const QString& id, qint64 cursor) override;
    Job* interrupt(const QString& id) override;

    // One answer of GET /command/status/{id}.
    static BackgroundCommandStatus statusFrom(const QJsonObject& answer);

private:
    ExecdClient* m_execd;
};
