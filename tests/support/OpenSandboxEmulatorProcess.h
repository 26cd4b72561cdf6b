#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// The OpenSandbox emulator (tests/support/opensandbox-emulator) run as a child process on a
// loopback port it picks itself, against the private engine in DOCKER_HOST, with one API key.
// Every container it makes carries the label instanceLabel() = instance(), and the destructor
// removes them, so a test leaves nothing behind even when it fails.
class OpenSandboxEmulatorProcess final
{
public:
    explicit OpenSandboxEmulatorProcess(const QString& executable);
    ~OpenSandboxEmulatorProcess();
    Q_DISABLE_COPY_MOVE(OpenSandboxEmulatorProcess)

    // Adds --listen 127.0.0.1:0, --docker-host $DOCKER_HOST, --api-key and --instance;
    // extraArguments come after them (e.g. {"--fault", "drop:1"}). Waits for the port.
    bool start(const QStringList& extraArguments = {});
    // Kills the emulator (if running) and removes the containers it made.
    void stop();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    // "127.0.0.1:PORT", as OPEN_SANDBOX_DOMAIN takes it.
    QString domain() const;
    // "http://127.0.0.1:PORT"
    QString endpoint() const;
    // API requests the emulator has answered (GET /__emulator/stats); -1 on failure.
    int requestCount();
    // Injects a fault into the running emulator, as --fault does at start ("drop:1").
    bool injectFault(const QString& spec);
    // What the emulator printed on stderr so far (one line per action), for failure messages.
    QByteArray log();

    QString instance() const { return m_instance; }
    static QString instanceLabel();
    // A canary: tests check that it appears in nothing the app writes or prints.
    static QString apiKey();

private:
    void removeContainers();
    // A blocking GET of one of the emulator's own pages; the body, or empty on failure.
    QByteArray getControl(const QByteArray& pathAndQuery);

    QString m_executable;
    QString m_instance;
    QProcess m_process;
    QByteArray m_stderr;
    quint16 m_port = 0;
};
