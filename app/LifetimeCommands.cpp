#include "LifetimeCommands.h"

#include "sandbox/Backend.h"
#include "sandbox/Job.h"
#include "text/Duration.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

enum ExitCode
{
    Ok = 0,
    Failed = 1,
    UnknownSandbox = 2,
    Usage = 64
};

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
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
    return verb == QLatin1String("ttl") || verb == QLatin1String("renew");
}

QString LifetimeCommands::usage()
{
    return Text::tr("\n"
                    "Lifetimes (DURATION as 90s, 10m, 2h, 1d):\n"
                    "  ttl ID DURATION|none          the sandbox expires DURATION from now (none:\n"
                    "                                it never expires); prints the time\n"
                    "  renew ID DURATION             push its expiry DURATION later (from now if\n"
                    "                                it has passed); prints the time\n"
                    "  create … --ttl DURATION       give a new sandbox a lifetime\n");
}

void LifetimeCommands::run(const QString& verb, const QStringList& args)
{
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
    const bool never = verb == QLatin1String("ttl") && args.at(1) == QLatin1String("none");
    const qint64 milliseconds = never ? 0 : Duration::parse(args.at(1));
    if (milliseconds < 0 || (!never && milliseconds == 0)) {
        m_finish(Text::tr("“%1” is not a duration such as 90s, 10m, 2h or 1d.").arg(args.at(1)),
                 Usage);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime expiresAt;
    if (verb == QLatin1String("renew")) {
        const QDateTime current = m_backend->sandbox(id).expiresAt;
        if (!current.isValid()) {
            m_finish(Text::tr("%1 has no lifetime to renew; give it one with ttl.").arg(args.at(0)),
                     Failed);
            return;
        }
        expiresAt = std::max(current, now).addMSecs(milliseconds);
    } else if (!never) {
        expiresAt = now.addMSecs(milliseconds);
    }
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
