#pragma once

#include "run/JobScript.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class Backend;
class Job;
class SandboxJobs;

// sandboxctl jobs: background jobs kept by the sandbox itself (core's SandboxJobs), started,
// listed, followed, waited for, killed and removed by id, on every backend that can exec.
class JobCommands final : public QObject
{
public:
    using Resolver = std::function<QString(const QString& idOrName, QString* problem)>;
    // Ends the command: message (if any) to stderr, then exit with code.
    using Finisher = std::function<void(const QString& message, int code)>;

    JobCommands(Backend* backend, Resolver resolve, Finisher finish, std::function<void()> began,
                QObject* parent = nullptr);

    static bool handles(const QString& verb);
    // The lines --help shows for these commands, translated.
    static QString usage();
    void run(const QString& verb, const QStringList& args);

    static QString stateText(const JobInfo& job);

private:
    using JobHandler = std::function<void(SandboxJobs* jobs, const QString& jobId)>;

    // The id of the sandbox named by idOrName, when its backend can exec; empty after
    // finishing when not.
    QString resolveRunnable(const QString& idOrName);
    // The jobs of the sandbox named by idOrName, in --container's container or the first;
    // null after finishing when there is no such sandbox or container.
    SandboxJobs* open(const QString& idOrName);
    // Takes "--container NAME" out of args; false after finishing when it has no NAME.
    bool takeContainer(QStringList* args);
    // Where jobs of sandbox id are asked: --container's container, or each container of a
    // group ("" for a sandbox of one); nullopt after finishing when --container names none.
    std::optional<QStringList> containersOf(const QString& id);
    void runStart(const QStringList& args);
    void runList(const QStringList& args);
    // ids: sandbox id and container pairs.
    void listEach(QList<QPair<QString, QString>> ids, QList<QStringList> rows);
    void runLogs(const QStringList& args);
    void followOutput(SandboxJobs* jobs, const QString& jobId, bool follow);
    void runWait(const QStringList& args);
    void runKill(const QStringList& args);
    void runRemove(const QStringList& args);
    // kill and rm: act on the job, then print its id.
    void actOnJob(const QStringList& args,
                  const std::function<Job*(SandboxJobs*, const QString&)>& act);
    // Two words, ID and JOB, after the options: then() gets the jobs of the container of
    // sandbox ID that keeps JOB (a group's containers are asked in turn unless --container
    // names one), or finishing says why not.
    void openTarget(const QStringList& args, const JobHandler& then);
    // Asks containers of sandbox id in turn for jobId; the last one is taken without asking.
    void findJob(const QString& id, QStringList containers, const QString& jobId,
                 const JobHandler& then);
    void printTable(const QList<QStringList>& rows);

    Backend* m_backend;
    Resolver m_resolve;
    Finisher m_finish;
    std::function<void()> m_began;
    QString m_container; // --container
};
