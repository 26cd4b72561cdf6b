#include "LifetimeCommands.h"
#include "CommandOutput.h"

#include "logs/ActivityLogFile.h"
#include "sandbox/Backend.h"
#include "sandbox/Job.h"
#include "settings/IdleStore.h"
#include "text/Duration.h"
#include "text/TextWidth.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace ctl;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

// One line a sandbox: id, name and why, the columns lined up by display width.
void printCandidates(const QList<CleanupCandidate>& candidates)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QStringList> rows{{Text::tr("ID"), Text::tr("NAME"), Text::tr("REASON")}};
    for (const CleanupCandidate& candidate : candidates)
        rows.append(
            {candidate.sandbox.id.left(12), candidate.sandbox.name, candidate.reasonText(now)});
    int idWidth = 0;
    int nameWidth = 0;
    for (const QStringList& row : std::as_const(rows)) {
        idWidth = std::max(idWidth, TextWidth::columns(row.at(0)));
        nameWidth = std::max(nameWidth, TextWidth::columns(row.at(1)));
    }
    for (const QStringList& row : std::as_const(rows)) {
        out() << TextWidth::padRight(row.at(0), idWidth) << QLatin1String("  ")
              << TextWidth::padRight(row.at(1), nameWidth) << QLatin1String("  ") << row.at(2)
              << Qt::endl;
    }
}

} // namespace

LifetimeCommands::LifetimeCommands(Backend* backend, Resolver resolve, Finisher finish,
                                   QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_resolve(std::move(resolve))
    , m_finish(std::move(finish))
{}

bool LifetimeCommands::handles(const QString& verb)
{
    // renew is OpenSandboxCommands': the same setExpiry(), DURATION from now, on every backend.
    return verb == QLatin1String("ttl") || verb == QLatin1String("gc") ||
           verb == QLatin1String("idle");
}

QString LifetimeCommands::usage()
{
    return Text::tr(
        "\n"
        "Lifetimes (DURATION as 90s, 10m, 2h, 1d):\n"
        "  ttl ID DURATION|none          the sandbox expires DURATION from now (none:\n"
        "                                it never expires); prints the time\n"
        "  renew ID DURATION             the sandbox expires DURATION from now, as\n"
        "                                OpenSandbox renews; prints the time\n"
        "  create … --ttl DURATION       give a new sandbox a lifetime\n"
        "  idle ID [on|off]              let idle clean-up remove the sandbox (on) or\n"
        "                                not (off); without on or off, print which\n"
        "  idle --connection [on|off]    the same for every sandbox of the connection\n"
        "  gc [--dry-run] [--idle DURATION [--cpu PERCENT]]\n"
        "                                remove the sandboxes whose lifetime has\n"
        "                                passed; --idle also those opted in to idle\n"
        "                                clean-up that have been stopped that long, or\n"
        "                                running with no terminal, command or job open\n"
        "                                and CPU below PERCENT (default 5) of a core\n"
        "                                for that long, as far as gc and SandboxDesk\n"
        "                                have watched them; --dry-run lists them and\n"
        "                                removes nothing. Removals go to the activity\n"
        "                                log.\n");
}

void LifetimeCommands::run(const QString& verb, const QStringList& args)
{
    if (verb == QLatin1String("gc")) {
        runGc(args);
        return;
    }
    if (verb == QLatin1String("idle")) {
        runIdle(args);
        return;
    }
    if (args.size() != 2) {
        m_finish(Text::tr("Name one sandbox and a duration."), Usage);
        return;
    }
    if (!(m_backend->capabilities() & Backend::CanExpire)) {
        m_finish(Text::tr("%1 does not keep lifetimes.").arg(m_backend->displayName()), Failed);
        return;
    }
    QString problem;
    const QString id = m_resolve(args.at(0), &problem);
    if (id.isEmpty()) {
        m_finish(problem, UnknownSandbox);
        return;
    }
    const bool never = args.at(1) == QLatin1String("none");
    const qint64 milliseconds = never ? 0 : Duration::parse(args.at(1));
    if (milliseconds < 0 || (!never && milliseconds == 0)) {
        m_finish(Text::tr("“%1” is not a duration such as 90s, 10m, 2h or 1d.").arg(args.at(1)),
                 Usage);
        return;
    }
    const QDateTime expiresAt =
        never ? QDateTime() : QDateTime::currentDateTimeUtc().addMSecs(milliseconds);
    Job* job = m_backend->setExpiry(id, expiresAt);
    connect(job, &Job::finished, this, [this, job, expiresAt] {
        if (job->error().isError()) {
            m_finish(job->error().fullText(),
                     job->error().kind == Error::NotFound ? UnknownSandbox : Failed);
            return;
        }
        out() << (expiresAt.isValid() ? expiresAt.toString(Qt::ISODate) : Text::tr("none"))
              << Qt::endl;
        m_finish({}, Ok);
    });
}

void LifetimeCommands::runGc(const QStringList& args)
{
    bool dryRun = false;
    CleanupOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--dry-run")) {
            dryRun = true;
        } else if (arg == QLatin1String("--idle") && i + 1 < args.size()) {
            const qint64 milliseconds = Duration::parse(args.at(++i));
            if (milliseconds <= 0) {
                m_finish(
                    Text::tr("“%1” is not a duration such as 90s, 10m, 2h or 1d.").arg(args.at(i)),
                    Usage);
                return;
            }
            options.idle = true;
            options.rule.idleSeconds = milliseconds / 1000;
        } else if (arg == QLatin1String("--cpu") && i + 1 < args.size()) {
            bool ok = false;
            const double percent = QString(args.at(++i)).remove(QLatin1Char('%')).toDouble(&ok);
            if (!ok || percent <= 0) {
                m_finish(Text::tr("“%1” is not a CPU percentage such as 5 or 2.5.").arg(args.at(i)),
                         Usage);
                return;
            }
            options.rule.cpuPercent = percent;
        } else {
            m_finish(Text::tr("Unknown option “%1”.").arg(arg), Usage);
            return;
        }
    }
    options.store = idleStore();
    // The whole list first, as the window has it, so that the plan misses nothing.
    if (m_backend->isSettled())
        collect(dryRun, options);
    else
        connect(
            m_backend, &Backend::settled, this,
            [this, dryRun, options] { collect(dryRun, options); }, Qt::SingleShotConnection);
}

void LifetimeCommands::collect(bool dryRun, const CleanupOptions& options)
{
    auto* planner = new CleanupPlanner(m_backend, options, this);
    connect(planner, &CleanupPlanner::finished, this,
            [this, dryRun, planner](const QList<CleanupCandidate>& candidates, const Error& error) {
                planner->deleteLater();
                if (error.isError()) {
                    m_finish(error.fullText(), Failed);
                    return;
                }
                if (dryRun) {
                    printCandidates(candidates);
                    m_finish({}, Ok);
                    return;
                }
                removeNext(candidates);
            });
    planner->start();
}

IdleStore* LifetimeCommands::idleStore()
{
    if (!m_idleStore)
        m_idleStore = new IdleStore(IdleStore::defaultPath(), this);
    return m_idleStore;
}

void LifetimeCommands::runIdle(const QStringList& args)
{
    if (args.isEmpty() || args.size() > 2) {
        m_finish(Text::tr("Name one sandbox, or --connection, then on or off."), Usage);
        return;
    }
    const bool connection = args.at(0) == QLatin1String("--connection");
    QString id;
    if (!connection) {
        QString problem;
        id = m_resolve(args.at(0), &problem);
        if (id.isEmpty()) {
            m_finish(problem, UnknownSandbox);
            return;
        }
    }
    const QString endpoint = m_backend->endpointDescription();
    IdleStore* store = idleStore();
    if (args.size() == 1) {
        const bool on = connection ? store->connectionOptedIn(endpoint) : store->sandboxOptedIn(id);
        out() << (on ? QLatin1String("on") : QLatin1String("off"));
        // A sandbox can also be in through its connection; say so, or "off" would mislead.
        if (!connection && !on && store->connectionOptedIn(endpoint))
            out() << QLatin1Char(' ') << Text::tr("(on for its connection)");
        out() << Qt::endl;
        m_finish({}, Ok);
        return;
    }
    const QString word = args.at(1);
    if (word != QLatin1String("on") && word != QLatin1String("off")) {
        m_finish(Text::tr("Say on or off, not “%1”.").arg(word), Usage);
        return;
    }
    const bool on = word == QLatin1String("on");
    Error error;
    const bool saved = connection ? store->setConnectionOptIn(endpoint, on, &error)
                                  : store->setSandboxOptIn(id, on, &error);
    if (!saved) {
        m_finish(error.fullText(), Failed);
        return;
    }
    out() << word << Qt::endl;
    m_finish({}, Ok);
}

void LifetimeCommands::record(const CleanupCandidate& candidate, const Error& error)
{
    // The same words the window's clean-up records, so that the log reads alike.
    ActivityLog::Entry entry;
    entry.action = QCoreApplication::translate("SandboxCommands", "Clean Up");
    entry.sandbox = candidate.sandbox.name;
    entry.sandboxId = candidate.sandbox.id;
    entry.connection = m_backend->displayName();
    entry.result = error.isError() ? ActivityLog::Result::Failed : ActivityLog::Result::Done;
    entry.detail = candidate.reasonText();
    if (error.isError())
        entry.detail += QStringLiteral("; ") + error.fullText();
    entry.by = QCoreApplication::applicationName();
    if (!m_activityFile)
        m_activityFile = new ActivityLogFile(ActivityLogFile::defaultPath(),
                                             ActivityLogFile::DefaultMaxBytes, this);
    const Error written = m_activityFile->append(entry);
    if (written.isError())
        err() << written.fullText() << Qt::endl;
}

void LifetimeCommands::removeNext(QList<CleanupCandidate> left)
{
    if (left.isEmpty()) {
        // What went, in the dry run's words.
        printCandidates(m_removed);
        m_finish({}, m_failures > 0 ? Failed : Ok);
        return;
    }
    const CleanupCandidate candidate = left.takeFirst();
    Job* job = m_backend->remove(candidate.sandbox.id, true);
    connect(job, &Job::finished, this, [this, job, candidate, left] {
        const bool failed = job->error().isError() && job->error().kind != Error::NotFound;
        if (failed) {
            ++m_failures;
            err() << candidate.sandbox.name << QLatin1String(": ") << job->error().fullText()
                  << Qt::endl;
        } else {
            m_removed.append(candidate);
            idleStore()->forget(candidate.sandbox.id);
        }
        record(candidate, failed ? job->error() : Error());
        removeNext(left);
    });
}
