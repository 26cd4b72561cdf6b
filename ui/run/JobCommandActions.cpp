#include "JobCommandActions.h"

#include "run/SandboxJobs.h"
#include "sandbox/ShellWords.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>

void JobCommandActions::runAgain(SandboxJobs* jobs, const JobInfo& job, const QString& sandboxName,
                                 QObject* context, const Done& done)
{
    QString why;
    RunRequest request;
    request.command = ShellWords::split(job.command, &why);
    if (request.command.isEmpty()) {
        done({{}, tr("The command of job %1 cannot be run again: %2").arg(job.id, why), true});
        return;
    }
    ResultJob<QString>* start = jobs->start(request);
    QObject::connect(start, &Job::finished, context, [start, sandboxName, done] {
        if (start->error().isError()) {
            done({{},
                  tr("The command could not be started again in %1: %2")
                      .arg(sandboxName, start->error().fullText()),
                  true});
            return;
        }
        done({start->value(), tr("Started again in %1 as job %2.").arg(sandboxName, start->value()),
              false});
    });
}

QString JobCommandActions::copyCommand(const JobInfo& job)
{
    QGuiApplication::clipboard()->setText(job.command);
    return tr("The command was copied.");
}

void JobCommandActions::retranslate(QPushButton* runAgainButton, QPushButton* copyButton)
{
    runAgainButton->setText(tr("Run &Again"));
    runAgainButton->setToolTip(tr("Start the same command line in the same sandbox as a new job"));
    copyButton->setText(tr("&Copy Command"));
}
