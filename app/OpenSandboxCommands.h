#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

class Backend;
struct OpenSandboxConfig;

// sandboxctl --opensandbox [DOMAIN]: where the server is and which key it takes (as the
// OpenSandbox SDKs read them), and the commands only a backend with lifetimes or pause has:
// resume ID… and renew ID DURATION (the sandbox expires DURATION from now).
class OpenSandboxCommands final : public QObject
{
public:
    // Finds the sandbox id for an id, prefix or name; empty and a problem when there is none.
    using Resolver = std::function<QString(const QString& idOrName, QString* problem)>;
    // Ends the command with an exit code after the message (if any) went to stderr.
    using Finisher = std::function<void(const QString& message, int code)>;
    // Milliseconds in a duration such as 90s, 10m, 2h; -1 when it is none.
    using DurationParser = std::function<qint64(const QString& text)>;

    OpenSandboxCommands(Backend* backend, Resolver resolver, Finisher finisher,
                        DurationParser durations, QObject* parent);

    static QString usage();
    // The server for DOMAIN (host:port or URL), else OPEN_SANDBOX_DOMAIN, else the SDKs'
    // default; the key from OPEN_SANDBOX_API_KEY. False with a problem when either is no good.
    static bool configFrom(const QString& domain, const QProcessEnvironment& environment,
                           OpenSandboxConfig* config, QString* problem);

    static bool handles(const QString& verb);
    static QStringList verbs();
    void run(const QString& verb, const QStringList& args);

private:
    void runResume(QStringList ids);
    void runRenew(const QStringList& args);

    Backend* m_backend;
    Resolver m_resolver;
    Finisher m_finisher;
    DurationParser m_durations;
    int m_worst = 0;
};
