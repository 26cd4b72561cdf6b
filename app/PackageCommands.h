#pragma once

#include "run/PackageManagers.h"

#include <QObject>
#include <QStringList>

#include <functional>

class Backend;

// sandboxctl packages: the package managers a sandbox has (apt, apk, pip, npm, found by
// core's PackageManagers), what they have installed, and installs and removals whose output
// streams as the manager prints it, its exit code becoming sandboxctl's; Ctrl-C and SIGTERM
// stop the manager in the sandbox (RunInterrupt).
class PackageCommands final : public QObject
{
public:
    using Resolver = std::function<QString(const QString& idOrName, QString* problem)>;
    // Ends the command: message (if any) to stderr, then exit with code.
    using Finisher = std::function<void(const QString& message, int code)>;

    PackageCommands(Backend* backend, Resolver resolve, Finisher finish,
                    std::function<void()> began, QObject* parent = nullptr);

    static bool handles(const QString& verb);
    // The lines --help shows for these commands, translated.
    static QString usage();
    void run(const QString& verb, const QStringList& args);

private:
    enum class Action
    {
        List,
        Managers,
        Install,
        Remove
    };
    // Resolves the sandbox, looks its managers up, then goes on with them.
    void withManagers(
        const QString& target,
        const std::function<void(const QString& id, const QList<PackageManagers::Found>&)>& next);
    void runList(const QStringList& args);
    void listEach(const QString& id, QList<PackageManagers::Found> managers, bool json,
                  QList<QStringList> rows);
    void runManagers(const QStringList& args);
    void runChange(Action action, const QStringList& args);

    Backend* m_backend;
    Resolver m_resolve;
    Finisher m_finish;
    std::function<void()> m_began;
};
