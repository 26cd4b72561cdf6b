#pragma once

#include "sandbox/Error.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class ActivityLog;
class Backend;
class Job;

// One operation over several sandboxes: every job runs at once, failures are collected and
// reported together when the last one has finished. It always finishes: a backend that goes
// away cancels its jobs, and a target whose backend is gone fails at once. Deletes itself
// after finished().
class BulkOperation final : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        QPointer<Backend> backend;
        QString id;
        QString name;
        QString why = {}; // for the activity log: why this one (a clean-up's reason)
    };
    struct Failure
    {
        QString name;
        Error error;
    };
    using JobStarter = std::function<Job*(Backend* backend, const QString& id)>;

    BulkOperation(const QString& title, const QList<Target>& targets, const JobStarter& startJob,
                  QObject* parent = nullptr);

    QString title() const { return m_title; }
    int total() const { return int(m_targets.size()); }
    int done() const { return m_done; }

    // Each sandbox's outcome is recorded there as it comes.
    void setActivityLog(ActivityLog* log);
    void start();
    void cancel();

Q_SIGNALS:
    void progressed(int done, int total);
    void finished(const QList<BulkOperation::Failure>& failures);

private:
    void onJobFinished(const Target& target, Job* job);

    QString m_title;
    QList<Target> m_targets;
    JobStarter m_startJob;
    QList<Job*> m_jobs; // started and not yet ended
    QList<Failure> m_failures;
    QPointer<ActivityLog> m_activity;
    int m_done = 0;
};
