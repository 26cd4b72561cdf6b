#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;
class QPushButton;
class SandboxJobs;
struct JobInfo;

// Run Again and Copy Command for a background job: the same for a sandbox's Jobs tab and for
// the window of every sandbox's jobs.
class JobCommandActions final
{
    Q_DECLARE_TR_FUNCTIONS(JobCommandActions)
public:
    struct Outcome
    {
        QString jobId;   // the new job; empty when none was started
        QString message; // what happened, translated
        bool isError = false;
    };
    using Done = std::function<void(const Outcome&)>;

    // Starts job's command line again as a new job in the sandbox of jobs; done (called in
    // context, perhaps at once) learns which job, or why none. sandboxName is for the message.
    static void runAgain(SandboxJobs* jobs, const JobInfo& job, const QString& sandboxName,
                         QObject* context, const Done& done);
    // Puts job's command line on the clipboard; what to tell the user.
    static QString copyCommand(const JobInfo& job);
    static void retranslate(QPushButton* runAgainButton, QPushButton* copyButton);
};
