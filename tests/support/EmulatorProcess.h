#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// One of the emulators in tests/support run as a child process on a loopback port it picks
// itself, against the private engine in DOCKER_HOST. Every container it makes carries the
// label instanceLabel = instance(), and the destructor removes them, so a test leaves nothing
// behind even when it fails. Keys reach it through its environment, never its command line.
class EmulatorProcess
{
public:
    ~EmulatorProcess();
    Q_DISABLE_COPY_MOVE(EmulatorProcess)

    // Kills the emulator (if running) and removes the containers it made.
    void stop();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    // "http://127.0.0.1:PORT"
    QString endpoint() const;
    // API requests the emulator has answered (GET /__emulator/stats); -1 on failure.
    int requestCount();
    // Injects a fault into the running emulator, as --fault does at start.
    bool injectFault(const QString& spec);
    // What the emulator printed on stderr so far (one line per action), for failure messages.
    QByteArray log();
    QString instance() const { return m_instance; }

protected:
    // name is the executable's for messages; statsKey and appliedKey are the fields of its
    // control pages' answers.
    EmulatorProcess(const QString& executable, const char* name, const QString& instanceLabel,
                    const QString& statsKey, const QString& appliedKey);
    // Adds --listen 127.0.0.1:0, --docker-host $DOCKER_HOST and --instance; extraArguments
    // come after them. environment is added to this process's. Waits for the port.
    bool launch(const QStringList& extraArguments,
                const QList<QPair<QString, QString>>& environment);

private:
    void removeContainers();
    // A blocking GET of one of the emulator's own pages; the body, or empty on failure.
    QByteArray getControl(const QByteArray& pathAndQuery);

    QString m_executable;
    const char* m_name;
    QString m_instanceLabel;
    QString m_statsKey;
    QString m_appliedKey;
    QString m_instance;
    QProcess m_process;
    QByteArray m_stderr;
    quint16 m_port = 0;
};
