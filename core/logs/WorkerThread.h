#pragma once

#include <QThread>

#include <atomic>
#include <memory>

// Stops a worker made with QThread::create: raises its cancel flag, waits for it (workers check
// the flag between small steps, so the wait is short) and deletes it.
inline void stopWorkerThread(QThread*& thread, const std::shared_ptr<std::atomic<bool>>& cancel)
{
    if (!thread)
        return;
    cancel->store(true);
    thread->wait();
    delete thread;
    thread = nullptr;
}
