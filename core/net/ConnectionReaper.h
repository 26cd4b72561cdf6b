#pragma once

#include <QObject>

class QIODevice;
class QProcess;

// Takes connections that are done with and lets them end without a blocking wait on the caller's
// thread. A child process has its input closed and is asked to stop; if it has not exited when
// the grace time is up it is killed, and it is deleted once it has exited. Sockets are closed
// and deleted from the event loop.
class ConnectionReaper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionReaper)
public:
    explicit ConnectionReaper(QObject* parent = nullptr);
    // Processes still running at this point are killed.
    ~ConnectionReaper() override;

    // The reaper of the application, made on first use and deleted with it.
    static ConnectionReaper* instance();

    // Takes ownership of device and cuts every connection from its signals; call it from the
    // device's thread.
    void reap(QIODevice* device);
    void setGraceMs(int ms) { m_graceMs = ms; }
    int graceMs() const { return m_graceMs; }
    // Processes handed over that have not exited yet.
    int pending() const { return m_pending; }
    // Whether process was still running when it was handed over, and so was told to end.
    static bool endedByReaper(const QProcess* process);

Q_SIGNALS:
    // A process handed over has exited; killed says whether the grace time ran out first.
    void processReaped(qint64 pid, bool killed);

private:
    void adopt(QIODevice* device);
    void adoptProcess(QProcess* process);

    int m_graceMs = 5000;
    int m_pending = 0;
};
