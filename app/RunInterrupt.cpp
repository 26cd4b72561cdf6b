#include "RunInterrupt.h"

#include "run/Run.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

// A signal reaches the event loop through a pipe: a signal handler may only write().
int signalPipe[2] = {-1, -1};

void onSignalCaught(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

void setHandler(void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

} // namespace

RunInterrupt::RunInterrupt(Run* run, Finisher finish, QObject* parent)
    : QObject(parent)
    , m_run(run)
    , m_finish(std::move(finish))
{
    if (signalPipe[0] < 0 && ::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char bytes[16];
        ssize_t n;
        while ((n = ::read(signalPipe[0], bytes, sizeof bytes)) > 0) {
            for (ssize_t i = 0; i < n; ++i)
                onSignal(bytes[i]);
        }
    });
    setHandler(onSignalCaught);
}

RunInterrupt::~RunInterrupt()
{
    setHandler(SIG_DFL);
}

void RunInterrupt::onSignal(int signal)
{
    // A second signal leaves at once, without waiting for the process to end.
    if (m_signal != 0 || m_run->isFinished()) {
        m_finish(Text::tr("Interrupted; the process may still run in the sandbox."), 128 + signal);
        return;
    }
    m_signal = signal;
    m_run->cancel();
}

bool RunInterrupt::finishIfInterrupted()
{
    if (m_signal == 0)
        return false;
    const Error& error = m_run->result().error;
    m_finish(error.isError() ? error.fullText() : Text::tr("Stopped."), 128 + m_signal);
    return true;
}
