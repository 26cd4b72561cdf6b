#include "OpenSandboxCommands.h"
#include "CommandOutput.h"

#include "opensandbox/OpenSandboxClient.h"
#include "sandbox/Backend.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace ctl;

namespace {

// The same translation context as the rest of sandboxctl.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

int codeFor(const Error& error)
{
    return error.kind == Error::NotFound ? UnknownSandbox : Failed;
}

} // namespace

OpenSandboxCommands::OpenSandboxCommands(Backend* backend, Resolver resolver, Finisher finisher,
                                         DurationParser durations, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_resolver(std::move(resolver))
    , m_finisher(std::move(finisher))
    , m_durations(std::move(durations))
{}

QString OpenSandboxCommands::usage()
{
    return Text::tr(
        "\n"
        "OpenSandbox: sandboxctl --opensandbox [DOMAIN] COMMAND [ARGS…]\n"
        "  list [--json] | inspect ID | rm ID… | pause ID… | resume ID…\n"
        "  create --image IMAGE [--name N] [--env K=V]… [--label K=V]… [--cpus N]\n"
        "         [--memory SIZE] [--ttl DURATION] [-- CMD…]\n"
        "                                create a sandbox (no --ttl: it never expires)\n"
        "  renew ID DURATION             make the sandbox expire DURATION from now\n"
        "  logs [-f] [--tail N] [--since T] [--timestamps] ID\n"
        "  exec ID [-- CMD…]             run a command through the sandbox's execd (no\n"
        "                                terminal, no input); exits with its code\n"
        "DOMAIN is host:port or a URL; without it OPEN_SANDBOX_DOMAIN is read (default\n"
        "localhost:8080). The API key comes from OPEN_SANDBOX_API_KEY.\n");
}

bool OpenSandboxCommands::configFrom(const QString& domain, const QProcessEnvironment& environment,
                                     OpenSandboxConfig* config, QString* problem)
{
    config->domain = domain;
    if (config->domain.isEmpty())
        config->domain = environment.value(QStringLiteral("OPEN_SANDBOX_DOMAIN")).trimmed();
    if (config->domain.isEmpty())
        config->domain = OpenSandboxClient::defaultDomain();
    config->apiKey = environment.value(QStringLiteral("OPEN_SANDBOX_API_KEY"));
    QString error;
    if (!OpenSandboxClient::baseUrl(config->domain, config->protocol, &error).isValid()) {
        *problem = error;
        return false;
    }
    if (config->apiKey.isEmpty()) {
        *problem = Text::tr("No OpenSandbox API key: set OPEN_SANDBOX_API_KEY.");
        return false;
    }
    return true;
}

QStringList OpenSandboxCommands::verbs()
{
    return {QStringLiteral("resume"), QStringLiteral("renew")};
}

bool OpenSandboxCommands::handles(const QString& verb)
{
    return verbs().contains(verb);
}

void OpenSandboxCommands::run(const QString& verb, const QStringList& args)
{
    if (verb == QLatin1String("resume"))
        runResume(args);
    else
        runRenew(args);
}

void OpenSandboxCommands::runResume(QStringList ids)
{
    if (ids.isEmpty()) {
        m_finisher(Text::tr("Name at least one sandbox."), Usage);
        return;
    }
    if (!m_backend->capabilities().testFlag(Backend::CanPause)) {
        m_finisher(Text::tr("%1 cannot pause or resume sandboxes.").arg(m_backend->displayName()),
                   Failed);
        return;
    }
    // One after the other, so the output follows the order given.
    const QString idOrName = ids.takeFirst();
    const auto next = [this, ids] {
        if (ids.isEmpty())
            m_finisher({}, m_worst);
        else
            runResume(ids);
    };
    QString problem;
    const QString id = m_resolver(idOrName, &problem);
    if (id.isEmpty()) {
        err() << problem << Qt::endl;
        m_worst = std::max<int>(m_worst, UnknownSandbox);
        next();
        return;
    }
    Job* job = m_backend->perform(Backend::Action::Unpause, id);
    connect(job, &Job::finished, this, [this, job, idOrName, next] {
        if (job->error().isError()) {
            err() << idOrName << ": " << job->error().fullText() << Qt::endl;
            m_worst = std::max(m_worst, codeFor(job->error()));
        } else {
            out() << idOrName << Qt::endl;
        }
        next();
    });
}

void OpenSandboxCommands::runRenew(const QStringList& args)
{
    if (args.size() != 2) {
        m_finisher(Text::tr("renew takes a sandbox and a duration, for example: renew ID 30m."),
                   Usage);
        return;
    }
    if (!m_backend->capabilities().testFlag(Backend::CanExpire)) {
        m_finisher(
            Text::tr("Sandboxes of %1 have no lifetime to renew.").arg(m_backend->displayName()),
            Failed);
        return;
    }
    const qint64 ms = m_durations(args.at(1));
    if (ms <= 0) {
        m_finisher(Text::tr("“%1” is not a duration such as 90s, 10m or 2h.").arg(args.at(1)),
                   Usage);
        return;
    }
    QString problem;
    const QString id = m_resolver(args.first(), &problem);
    if (id.isEmpty()) {
        m_finisher(problem, UnknownSandbox);
        return;
    }
    // From now, as OpenSandbox's SDKs renew and as the README says.
    Job* job = m_backend->setExpiry(id, QDateTime::currentDateTimeUtc().addMSecs(ms));
    connect(job, &Job::finished, this, [this, job, id] {
        if (job->error().isError()) {
            m_finisher(job->error().fullText(), codeFor(job->error()));
            return;
        }
        const QDateTime renewed = job->result().toDateTime();
        const QDateTime expires = renewed.isValid() ? renewed : m_backend->sandbox(id).expiresAt;
        out() << Text::tr("%1 expires at %2").arg(id, expires.toUTC().toString(Qt::ISODate))
              << Qt::endl;
        m_finisher({}, Ok);
    });
}
