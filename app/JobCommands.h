#pragma once

#include "run/JobScript.h"

#include <QObject>
#include <QStringList>

#include <functional>

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
    // The jobs of the sandbox named by idOrName; null after finishing when there is none.
    SandboxJobs* open(const QString& idOrName);
    void runStart(const QStringList& args);
    void runList(const QStringList& args);
    void listEach(QStringList ids, QList<QStringList> rows);
    void runLogs(const QStringList& args);
    void runWait(const QStringList& args);
    void runKill(const QStringList& args);
    void runRemove(const QStringList& args);
    // kill and rm: act on the job, then print its id.
    void actOnJob(const QStringList& args,
                  const std::function<Job*(SandboxJobs*, const QString&)>& act);
    // Two words, ID and JOB, after the options: the jobs of sandbox ID, JOB in job; null after
    // finishing when they are not.
    SandboxJobs* openTarget(const QStringList& args, QString* job);
    void printTable(const QList<QStringList>& rows);

    Backend* m_backend;
    Resolver m_resolve;
    Finisher m_finish;
    std::function<void()> m_began;
};
