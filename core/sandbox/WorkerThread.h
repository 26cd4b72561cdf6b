#pragma once

#include <QPointer>
#include <QThread>

#include <functional>

// The one way core runs CPU work (searches, exports, session logs) off the UI thread: work on a
// thread of its own that never makes the calling (UI) thread wait. stop() asks the work
// to end and returns at once; the work checks QThread::isInterruptionRequested() between small
// steps. Each thread deletes itself on the calling thread once its work has returned, and any
// still running when the application object is destroyed are stopped and waited for there, so
// none outlives it. Results go back with post(), which runs on the calling thread.
namespace WorkerThread {

// Needs a QCoreApplication.
QThread* start(std::function<void()> work);
// Asks the thread to stop, forgets it (thread becomes null) and returns without waiting.
void stop(QPointer<QThread>& thread);
// From the work: whether stop() was called for the current thread.
bool isStopRequested();
// From the work: runs function on the thread that called start(), after what was posted before.
void post(std::function<void()> function);

} // namespace WorkerThread
