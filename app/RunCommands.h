#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class Backend;
class Run;

// sandboxctl run: a command or a script in a sandbox through core's Run, stdout and stderr
// apart, the command's exit code as sandboxctl's, Ctrl-C and --timeout stopping the process
// in the sandbox (not just the connection; RunInterrupt).
class RunCommands final : public QObject
{
public:
    using Resolver = std::function<QString(const QString& idOrName, QString* problem)>;
    // Ends the command: message (if any) to stderr, then exit with code.
    using Finisher = std::function<void(const QString& message, int code)>;

    RunCommands(Backend* backend, Resolver resolve, Finisher finish, std::function<void()> began,
                QObject* parent = nullptr);
    ~RunCommands() override;

    static bool handles(const QString& verb);
    // The lines --help shows for these commands, translated.
    static QString usage();
    void run(const QString& verb, const QStringList& args);

private:
    void runRun(const QStringList& args);

    Backend* m_backend;
    Resolver m_resolve;
    Finisher m_finish;
    std::function<void()> m_began;
    Run* m_run = nullptr;
};
