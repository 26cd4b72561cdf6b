#pragma once

#include <QObject>
#include <QString>

#include <functional>

class Run;

// Ctrl-C (SIGINT) and SIGTERM while sandboxctl runs a process in a sandbox (run, packages
// install and remove): the first one stops that process with everything it started, as the
// window's Cancel does (Run::cancel), and sandboxctl then ends as a shell's child killed by
// the signal would, with 128 + its number (130 for Ctrl-C); a second one leaves at once.
class RunInterrupt final : public QObject
{
public:
    // Ends the command: message (if any) to stderr, then exit with code.
    using Finisher = std::function<void(const QString& message, int code)>;

    // Watches from now on; the default handlers come back when it is destroyed.
    RunInterrupt(Run* run, Finisher finish, QObject* parent = nullptr);
    ~RunInterrupt() override;
    Q_DISABLE_COPY_MOVE(RunInterrupt)

    // The signal that stopped the run; 0 when none did.
    int signal() const { return m_signal; }
    // For the run's finished(): when a signal stopped it, ends the command with 128 + the
    // signal's number (saying why, or what went wrong while stopping) and returns true.
    bool finishIfInterrupted();

private:
    void onSignal(int signal);

    Run* m_run;
    Finisher m_finish;
    int m_signal = 0;
};
