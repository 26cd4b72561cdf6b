#include "WorkerThread.h"

#include <QCoreApplication>

namespace {

// Parent of the running worker threads, itself a child of the application object: it goes when
// the application object goes, and waits there for what is still running.
class WorkerThreads final : public QObject
{
public:
    // Found by this name: without Q_OBJECT, findChild<WorkerThreads*> takes any child of the
    // application (its event dispatcher, say) for one.
    static constexpr const char* Name = "sandboxdesk-worker-threads";

    explicit WorkerThreads(QObject* parent)
        : QObject(parent)
    {
        setObjectName(QLatin1String(Name));
    }
    ~WorkerThreads() override
    {
        const QList<QThread*> threads = findChildren<QThread*>(Qt::FindDirectChildrenOnly);
        for (QThread* thread : threads)
            thread->requestInterruption();
        for (QThread* thread : threads)
            thread->wait();
    }
    Q_DISABLE_COPY_MOVE(WorkerThreads)
};

QObject* workerThreads()
{
    QCoreApplication* app = QCoreApplication::instance();
    Q_ASSERT(app);
    auto* threads =
        app->findChild<QObject*>(QLatin1String(WorkerThreads::Name), Qt::FindDirectChildrenOnly);
    return threads ? threads : new WorkerThreads(app);
}

} // namespace

namespace WorkerThread {

QThread* start(std::function<void()> work)
{
    QThread* thread = QThread::create(std::move(work));
    thread->setParent(workerThreads());
    // QThread's destructor waits for the few instructions after finished(), if any are left.
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return thread;
}

void stop(QPointer<QThread>& thread)
{
    if (thread)
        thread->requestInterruption();
    thread = nullptr;
}

bool isStopRequested()
{
    return QThread::currentThread()->isInterruptionRequested();
}

void post(std::function<void()> function)
{
    // The thread object lives on the starting thread and is deleted only after the work returned,
    // so what is posted to it runs there, in order, before it goes.
    QMetaObject::invokeMethod(QThread::currentThread(), std::move(function), Qt::QueuedConnection);
}

} // namespace WorkerThread
