#include "ConnectionReaper.h"

#include <QCoreApplication>
#include <QPointer>
#include <QProcess>
#include <QThread>
#include <QTimer>
#include <QVariant>

#include <memory>
#include <utility>

namespace {
constexpr char EndedProperty[] = "sandboxdesk_endedByReaper";
}

ConnectionReaper::ConnectionReaper(QObject* parent)
    : QObject(parent)
{}

ConnectionReaper::~ConnectionReaper()
{
    const QList<QProcess*> processes = findChildren<QProcess*>(Qt::FindDirectChildrenOnly);
    for (QProcess* process : processes) {
        process->disconnect(this);
        // Only when the application ends: once killed, the process is gone as soon as the
        // kernel has reaped it.
        process->kill();
        process->waitForFinished();
    }
}

ConnectionReaper* ConnectionReaper::instance()
{
    static QPointer<ConnectionReaper> reaper;
    if (!reaper) {
        reaper = new ConnectionReaper;
        if (QCoreApplication* application = QCoreApplication::instance()) {
            reaper->moveToThread(application->thread());
            reaper->setParent(application);
        }
    }
    return reaper;
}

bool ConnectionReaper::endedByReaper(const QProcess* process)
{
    return process && process->property(EndedProperty).toBool();
}

void ConnectionReaper::reap(QIODevice* device)
{
    if (!device)
        return;
    device->disconnect();
    device->setParent(nullptr);
    if (device->thread() == thread()) {
        adopt(device);
        return;
    }
    // Only the device's own thread may hand it to another one.
    device->moveToThread(thread());
    QMetaObject::invokeMethod(
        this, [this, device] { adopt(device); }, Qt::QueuedConnection);
}

void ConnectionReaper::adopt(QIODevice* device)
{
    device->setParent(this);
    if (auto* process = qobject_cast<QProcess*>(device)) {
        adoptProcess(process);
        return;
    }
    // QAbstractSocket and QLocalSocket close without waiting.
    device->close();
    device->deleteLater();
}

void ConnectionReaper::adoptProcess(QProcess* process)
{
    if (process->state() == QProcess::NotRunning) {
        // A start still queued (a reply dropped as soon as it was sent) must not run.
        QCoreApplication::removePostedEvents(process, QEvent::MetaCall);
        process->deleteLater();
        return;
    }
    ++m_pending;
    process->setProperty(EndedProperty, true);
    const qint64 pid = process->processId();
    auto* grace = new QTimer(process);
    grace->setSingleShot(true);
    struct Reaping
    {
        bool killed = false;
        bool done = false;
    };
    auto reaping = std::make_shared<Reaping>();
    connect(grace, &QTimer::timeout, process, [process, reaping] {
        reaping->killed = true;
        process->kill();
    });
    const auto done = [this, process, pid, reaping] {
        if (std::exchange(reaping->done, true))
            return;
        --m_pending;
        process->deleteLater();
        Q_EMIT processReaped(pid, reaping->killed);
    };
    connect(process, &QProcess::finished, this, done);
    connect(process, &QProcess::errorOccurred, this, [done](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            done();
    });
    process->closeWriteChannel();
    process->terminate();
    grace->start(m_graceMs);
}
