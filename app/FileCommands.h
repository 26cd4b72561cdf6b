#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class Backend;
class Job;
struct Error;
class SandboxFiles;

// sandboxctl's file commands with the docker CLI's habits: ls, mkdir, mv, rm ID:PATH, chmod
// and find, through Backend::openFiles() on every backend.
class FileCommands final : public QObject
{
public:
    // Finds the sandbox id for an id, prefix or name; empty and a problem when there is none.
    using Resolver = std::function<QString(const QString& idOrName, QString* problem)>;
    // Ends the command with an exit code after the message (if any) went to stderr.
    using Finisher = std::function<void(const QString& message, int code)>;

    FileCommands(Backend* backend, Resolver resolver, Finisher finisher, QString usage,
                 QObject* parent);

    // Whether verb and args are a file command; `rm` is one only with an ID:PATH argument.
    static bool handles(const QString& verb, const QStringList& args);
    static QStringList verbs();
    void run(const QString& verb, const QStringList& args);

private:
    // The sandbox and path of an ID:PATH argument; false after finishing when it is no good.
    bool open(const QString& target, QByteArray* path);
    void runList(const QStringList& args);
    void runMakeFolder(const QStringList& args);
    void runMove(const QStringList& args);
    void runRemove(const QStringList& args);
    void runChangeMode(const QStringList& args);
    void runFind(const QStringList& args);
    void usageError(const QString& problem);
    QString missingText(const QString& target) const;
    // A stat that failed: "no such file" for a missing path, else the backend's words.
    void finishWithStatError(const Error& error, const QString& target);
    // Ends the command with job's outcome once it has finished.
    void finishWhenDone(Job* job);

    Backend* m_backend;
    Resolver m_resolver;
    Finisher m_finisher;
    QString m_usage;
    QString m_container;
    QString m_sandboxId;
    SandboxFiles* m_files = nullptr;
};
