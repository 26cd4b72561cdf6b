#include "JobCommands.h"
#include "CommandOutput.h"

#include "run/SandboxJobs.h"
#include "sandbox/Backend.h"
#include "text/Duration.h"
#include "text/TextWidth.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <unistd.h>

using namespace ctl;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

int codeFor(const Error& error)
{
    return error.kind == Error::NotFound ? UnknownSandbox : Failed;
}

} // namespace

JobCommands::JobCommands(Backend* backend, Resolver resolve, Finisher finish,
                         std::function<void()> began, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_resolve(std::move(resolve))
    , m_finish(std::move(finish))
    , m_began(std::move(began))
{}

bool JobCommands::handles(const QString& verb)
{
    return verb == QLatin1String("jobs");
}

QString JobCommands::usage()
{
    return Text::tr(
        "\n"
        "Background jobs (kept by the sandbox: they run on after sandboxctl exits):\n"
        "  jobs start ID [--workdir DIR] [-e K=V]… [-- CMD…]\n"
        "                                start a command detached and print its job id\n"
        "  jobs list [ID]                the jobs of a sandbox, or of every running one\n"
        "                                (each container of a group: SANDBOX/CONTAINER)\n"
        "  jobs logs [-f] ID JOB         print a job's output (-f: follow it to its end)\n"
        "  jobs wait ID JOB              wait for a job; its exit code becomes sandboxctl's\n"
        "  jobs kill ID JOB              stop a job: TERM, then KILL 2s later\n"
        "  jobs rm ID JOB                forget an ended job and its output\n"
        "  --container NAME              in a group of containers (ECI): that container;\n"
        "                                start uses the first unless told, the others find\n"
        "                                the container that keeps JOB\n");
}

QString JobCommands::stateText(const JobInfo& job)
{
    switch (job.state) {
    case JobInfo::State::Running:
        return Text::tr("running");
    case JobInfo::State::Exited:
        return Text::tr("exited (%1)").arg(job.exitCode);
    case JobInfo::State::Killed:
        return Text::tr("killed (%1)").arg(job.exitCode);
    case JobInfo::State::Lost:
        return Text::tr("lost");
    }
    return {};
}

void JobCommands::run(const QString& verb, const QStringList& args)
{
    Q_UNUSED(verb)
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("start"))
        runStart(rest);
    else if (sub == QLatin1String("list") || sub == QLatin1String("ls"))
        runList(rest);
    else if (sub == QLatin1String("logs"))
        runLogs(rest);
    else if (sub == QLatin1String("wait"))
        runWait(rest);
    else if (sub == QLatin1String("kill"))
        runKill(rest);
    else if (sub == QLatin1String("rm") || sub == QLatin1String("remove"))
        runRemove(rest);
    else
        m_finish(sub.isEmpty() ? Text::tr("Name a jobs command.")
                               : Text::tr("Unknown command “jobs %1”.").arg(sub),
                 Usage);
}

QString JobCommands::resolveRunnable(const QString& idOrName)
{
    QString problem;
    const QString id = m_resolve(idOrName, &problem);
    if (id.isEmpty()) {
        m_finish(problem, UnknownSandbox);
        return {};
    }
    if (!m_backend->capabilities().testFlag(Backend::CanExec)) {
        m_finish(Text::tr("This sandbox cannot run commands."), Failed);
        return {};
    }
    return id;
}

SandboxJobs* JobCommands::open(const QString& idOrName)
{
    const QString id = resolveRunnable(idOrName);
    if (id.isEmpty() || (!m_container.isEmpty() && !containersOf(id)))
        return nullptr;
    return new SandboxJobs(m_backend, id, m_container, this);
}

bool JobCommands::takeContainer(QStringList* args)
{
    for (qsizetype i = 0; i < args->size(); ++i) {
        if (args->at(i) != QLatin1String("--container"))
            continue;
        if (i + 1 >= args->size()) {
            m_finish(Text::tr("%1 needs a value.").arg(args->at(i)), Usage);
            return false;
        }
        m_container = args->at(i + 1);
        args->remove(i, 2);
        --i;
    }
    return true;
}

std::optional<QStringList> JobCommands::containersOf(const QString& id)
{
    const QStringList all = m_backend->sandbox(id).containers;
    if (m_container.isEmpty())
        return all.size() > 1 ? all : QStringList{QString()};
    if (!all.contains(m_container)) {
        m_finish(all.isEmpty() ? Text::tr("%1 is not a group of containers; leave out --container.")
                                     .arg(id.left(12))
                               : Text::tr("%1 has no container “%2”; it has: %3.")
                                     .arg(id.left(12), m_container, all.join(QLatin1String(", "))),
                 UnknownSandbox);
        return std::nullopt;
    }
    return QStringList{m_container};
}

void JobCommands::openTarget(const QStringList& args, const JobHandler& then)
{
    QStringList rest = args;
    if (!takeContainer(&rest))
        return;
    if (rest.size() != 2) {
        m_finish(Text::tr("Name a sandbox and a job."), Usage);
        return;
    }
    const QString jobId = rest.at(1);
    if (!JobScript::isValidId(jobId)) {
        m_finish(Text::tr("“%1” is not a job id.").arg(jobId), Usage);
        return;
    }
    const QString id = resolveRunnable(rest.at(0));
    if (id.isEmpty())
        return;
    if (const std::optional<QStringList> containers = containersOf(id))
        findJob(id, *containers, jobId, then);
}

void JobCommands::findJob(const QString& id, QStringList containers, const QString& jobId,
                          const JobHandler& then)
{
    auto* jobs = new SandboxJobs(m_backend, id, containers.takeFirst(), this);
    if (containers.isEmpty()) {
        then(jobs, jobId);
        return;
    }
    ResultJob<QList<JobInfo>>* listed = jobs->list();
    connect(listed, &Job::finished, this, [this, listed, jobs, id, containers, jobId, then] {
        const QList<JobInfo> found = listed->error().isError() ? QList<JobInfo>() : listed->value();
        if (std::any_of(found.begin(), found.end(),
                        [&jobId](const JobInfo& info) { return info.id == jobId; })) {
            then(jobs, jobId);
            return;
        }
        jobs->deleteLater();
        findJob(id, containers, jobId, then);
    });
}

void JobCommands::runStart(const QStringList& args)
{
    RunRequest request;
    QString target;
    QStringList problems;
    int at = 0;
    for (; at < args.size(); ++at) {
        const QString& arg = args.at(at);
        if (arg == QLatin1String("--")) {
            ++at;
            break;
        }
        const auto value = [&] {
            if (at + 1 >= args.size()) {
                problems << Text::tr("%1 needs a value.").arg(arg);
                return QString();
            }
            return args.at(++at);
        };
        if (arg == QLatin1String("--workdir") || arg == QLatin1String("-w")) {
            request.workingDir = value();
        } else if (arg == QLatin1String("-e") || arg == QLatin1String("--env")) {
            const QString entry = value();
            if (entry.indexOf(QLatin1Char('=')) <= 0)
                problems << Text::tr("“%1” is not KEY=VALUE.").arg(entry);
            else
                request.env << entry;
        } else if (arg == QLatin1String("--container")) {
            m_container = value();
        } else if (arg.startsWith(QLatin1Char('-')) || !target.isEmpty()) {
            if (!target.isEmpty())
                break;
            problems << Text::tr("Unknown option “%1”.").arg(arg);
        } else {
            target = arg;
        }
    }
    request.command = args.mid(at);
    if (target.isEmpty())
        problems << Text::tr("Name a sandbox.");
    else if (request.command.isEmpty())
        problems << Text::tr("Give the job's command after --.");
    if (!problems.isEmpty()) {
        m_finish(problems.join(QLatin1Char('\n')), Usage);
        return;
    }
    SandboxJobs* jobs = open(target);
    if (!jobs)
        return;
    ResultJob<QString>* job = jobs->start(request);
    connect(job, &Job::finished, this, [this, job] {
        if (job->error().isError()) {
            m_finish(job->error().fullText(), codeFor(job->error()));
            return;
        }
        writeAll(STDOUT_FILENO, job->value().toUtf8() + '\n');
        m_finish({}, Ok);
    });
}

void JobCommands::printTable(const QList<QStringList>& rows)
{
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList& row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], TextWidth::columns(row[column]));
    }
    QByteArray text;
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype column = 0; column + 1 < row.size(); ++column)
            line += TextWidth::padRight(row[column], widths[column]) + QLatin1String("  ");
        text += (line + row.last()).toUtf8() + '\n';
    }
    writeAll(STDOUT_FILENO, text);
}

void JobCommands::runList(const QStringList& args)
{
    QStringList rest = args;
    if (!takeContainer(&rest))
        return;
    if (rest.size() > 1) {
        m_finish(Text::tr("Name one sandbox, or none for all."), Usage);
        return;
    }
    if (rest.isEmpty() && !m_container.isEmpty()) {
        m_finish(Text::tr("--container needs a sandbox."), Usage);
        return;
    }
    QStringList ids;
    if (rest.isEmpty()) {
        const QList<Sandbox> sandboxes = m_backend->sandboxes();
        for (const Sandbox& sandbox : sandboxes) {
            if (sandbox.status == SandboxStatus::Running)
                ids << sandbox.id;
        }
    } else {
        QString problem;
        const QString id = m_resolve(rest.first(), &problem);
        if (id.isEmpty()) {
            m_finish(problem, UnknownSandbox);
            return;
        }
        ids << id;
    }
    QList<QPair<QString, QString>> targets;
    for (const QString& id : std::as_const(ids)) {
        const std::optional<QStringList> containers = containersOf(id);
        if (!containers)
            return;
        for (const QString& container : *containers)
            targets.append({id, container});
    }
    listEach(targets, {{Text::tr("SANDBOX"), Text::tr("JOB"), Text::tr("STATE"),
                        Text::tr("STARTED"), Text::tr("OUTPUT"), Text::tr("COMMAND")}});
}

void JobCommands::listEach(QList<QPair<QString, QString>> ids, QList<QStringList> rows)
{
    if (ids.isEmpty()) {
        printTable(rows);
        m_finish({}, Ok);
        return;
    }
    const auto [id, container] = ids.takeFirst();
    const QString shown =
        container.isEmpty() ? id.left(12) : id.left(12) + QLatin1Char('/') + container;
    auto* jobs = new SandboxJobs(m_backend, id, container, this);
    ResultJob<QList<JobInfo>>* job = jobs->list();
    connect(job, &Job::finished, this, [this, job, jobs, shown, ids, rows]() mutable {
        jobs->deleteLater();
        if (job->error().isError()) {
            // One sandbox that cannot answer (no sh, stopped meanwhile) does not hide the others.
            if (ids.isEmpty() && rows.size() == 1) {
                m_finish(job->error().fullText(), codeFor(job->error()));
                return;
            }
            writeAll(STDERR_FILENO,
                     (shown + QLatin1String(": ") + job->error().fullText()).toUtf8() + '\n');
            listEach(ids, rows);
            return;
        }
        const QList<JobInfo> found = job->value();
        for (const JobInfo& info : found)
            rows.append({shown, info.id, stateText(info),
                         info.started.toLocalTime().toString(Qt::ISODate),
                         QString::number(info.outputBytes), info.command});
        listEach(ids, rows);
    });
}

void JobCommands::runLogs(const QStringList& args)
{
    QStringList rest = args;
    const bool follow =
        rest.removeAll(QStringLiteral("-f")) + rest.removeAll(QStringLiteral("--follow")) > 0;
    openTarget(rest, [this, follow](SandboxJobs* jobs, const QString& jobId) {
        followOutput(jobs, jobId, follow);
    });
}

void JobCommands::followOutput(SandboxJobs* jobs, const QString& jobId, bool follow)
{
    JobOutput* output = jobs->openOutput(jobId, follow);
    if (!output) {
        m_finish(Text::tr("This sandbox cannot run commands."), Failed);
        return;
    }
    output->setParent(this);
    connect(output, &JobOutput::received, this,
            [](const QByteArray& bytes) { writeAll(STDOUT_FILENO, bytes); });
    connect(output, &JobOutput::ended, this, [this](const Error& error) {
        if (error.isError())
            m_finish(error.fullText(), codeFor(error));
        else
            m_finish({}, Ok);
    });
    if (follow)
        m_began();
    output->start();
}

void JobCommands::runWait(const QStringList& args)
{
    openTarget(args, [this](SandboxJobs* jobs, const QString& jobId) {
        m_began();
        ResultJob<int>* job = jobs->wait(jobId);
        connect(job, &Job::finished, this, [this, job] {
            if (job->error().isError())
                m_finish(job->error().fullText(), codeFor(job->error()));
            else
                m_finish({}, job->value());
        });
    });
}

void JobCommands::runKill(const QStringList& args)
{
    actOnJob(args, [](SandboxJobs* jobs, const QString& id) { return jobs->kill(id); });
}

void JobCommands::runRemove(const QStringList& args)
{
    actOnJob(args, [](SandboxJobs* jobs, const QString& id) { return jobs->remove(id); });
}

void JobCommands::actOnJob(const QStringList& args,
                           const std::function<Job*(SandboxJobs*, const QString&)>& act)
{
    openTarget(args, [this, act](SandboxJobs* jobs, const QString& jobId) {
        Job* job = act(jobs, jobId);
        connect(job, &Job::finished, this, [this, job, jobId] {
            if (job->error().isError()) {
                m_finish(job->error().fullText(), codeFor(job->error()));
                return;
            }
            writeAll(STDOUT_FILENO, jobId.toUtf8() + '\n');
            m_finish({}, Ok);
        });
    });
}
