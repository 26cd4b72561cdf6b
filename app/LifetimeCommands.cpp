#include "LifetimeCommands.h"
#include "CommandOutput.h"

#include "sandbox/Backend.h"
#include "sandbox/Job.h"
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
    return verb == QLatin1String("ttl") || verb == QLatin1String("gc");
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
        "  gc [--dry-run] [--idle DURATION]\n"
        "                                remove the sandboxes whose lifetime has\n"
        "                                passed; --idle also those without one that\n"
        "                                have been stopped that long (never a running\n"
        "                                one); --dry-run lists them and removes nothing\n");
}

void LifetimeCommands::run(const QString& verb, const QStringList& args)
{
    if (verb == QLatin1String("gc")) {
        runGc(args);
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
            options.idleSeconds = milliseconds / 1000;
        } else {
            m_finish(Text::tr("Unknown option “%1”.").arg(arg), Usage);
            return;
        }
    }
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
        if (job->error().isError() && job->error().kind != Error::NotFound) {
            ++m_failures;
            err() << candidate.sandbox.name << QLatin1String(": ") << job->error().fullText()
                  << Qt::endl;
        } else {
            m_removed.append(candidate);
        }
        removeNext(left);
    });
}
