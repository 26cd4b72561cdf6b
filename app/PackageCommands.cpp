#include "PackageCommands.h"
#include "CommandOutput.h"
#include "RunInterrupt.h"

#include "run/Run.h"
#include "sandbox/Backend.h"
#include "text/TextWidth.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

using namespace ctl;
using PackageManagers::Found;
using PackageManagers::Manager;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

int codeFor(const Error& error)
{
    return error.kind == Error::NotFound ? UnknownSandbox : Failed;
}

QString keys(const QList<Found>& managers)
{
    QStringList names;
    for (const Found& found : managers)
        names << PackageManagers::key(found.manager);
    return names.join(QStringLiteral(", "));
}

void printTable(const QList<QStringList>& rows)
{
    if (rows.isEmpty())
        return;
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

} // namespace

PackageCommands::PackageCommands(Backend* backend, Resolver resolve, Finisher finish,
                                 std::function<void()> began, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_resolve(std::move(resolve))
    , m_finish(std::move(finish))
    , m_began(std::move(began))
{}

bool PackageCommands::handles(const QString& verb)
{
    return verb == QLatin1String("packages");
}

QString PackageCommands::usage()
{
    return Text::tr(
        "\n"
        "Packages (apt, apk, pip or npm, whichever the sandbox has):\n"
        "  packages ID [--manager M] [--json]\n"
        "                                list the installed packages: manager, name, version\n"
        "  packages managers ID          the package managers found, with their paths\n"
        "  packages install ID M NAME…   install with manager M (apt: apt-get update first);\n"
        "                                the manager's output streams, its exit code becomes\n"
        "                                sandboxctl's; Ctrl-C stops it in the sandbox\n"
        "  packages remove ID M NAME…    remove installed packages the same way\n");
}

void PackageCommands::run(const QString& verb, const QStringList& args)
{
    Q_UNUSED(verb)
    const QString sub = args.value(0);
    if (sub == QLatin1String("install"))
        runChange(Action::Install, args.mid(1));
    else if (sub == QLatin1String("remove") || sub == QLatin1String("uninstall"))
        runChange(Action::Remove, args.mid(1));
    else if (sub == QLatin1String("managers"))
        runManagers(args.mid(1));
    else
        runList(args);
}

void PackageCommands::withManagers(
    const QString& target, const std::function<void(const QString& id, const QList<Found>&)>& next)
{
    QString problem;
    const QString id = m_resolve(target, &problem);
    if (id.isEmpty()) {
        m_finish(problem, UnknownSandbox);
        return;
    }
    if (!m_backend->capabilities().testFlag(Backend::CanExec)) {
        m_finish(Text::tr("This sandbox cannot run commands."), Failed);
        return;
    }
    auto* job = PackageManagers::detect(m_backend, id, {}, this);
    connect(job, &Job::finished, this, [this, job, id, next] {
        if (job->error().isError()) {
            m_finish(job->error().fullText(), codeFor(job->error()));
            return;
        }
        if (job->value().isEmpty()) {
            m_finish(PackageManagers::noneFoundMessage(), Failed);
            return;
        }
        next(id, job->value());
    });
}

void PackageCommands::runList(const QStringList& args)
{
    QString target;
    QString managerName;
    bool json = false;
    QStringList problems;
    for (int at = 0; at < args.size(); ++at) {
        const QString& arg = args.at(at);
        if (arg == QLatin1String("--manager") || arg == QLatin1String("-m")) {
            if (at + 1 >= args.size())
                problems << Text::tr("%1 needs a value.").arg(arg);
            else
                managerName = args.at(++at);
        } else if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg.startsWith(QLatin1Char('-')) || !target.isEmpty()) {
            problems << Text::tr("Unknown option “%1”.").arg(arg);
        } else {
            target = arg;
        }
    }
    std::optional<Manager> wanted;
    if (!managerName.isEmpty()) {
        wanted = PackageManagers::fromKey(managerName);
        if (!wanted)
            problems << Text::tr("“%1” is not a package manager: use apt, apk, pip or npm.")
                            .arg(managerName);
    }
    if (target.isEmpty())
        problems << Text::tr("Name a sandbox.");
    if (!problems.isEmpty()) {
        m_finish(problems.join(QLatin1Char('\n')), Usage);
        return;
    }
    withManagers(target, [this, wanted, json](const QString& id, const QList<Found>& managers) {
        QList<Found> chosen;
        for (const Found& found : managers) {
            if (!wanted || found.manager == *wanted)
                chosen << found;
        }
        if (chosen.isEmpty()) {
            m_finish(Text::tr("This sandbox has no %1; it has %2.")
                         .arg(PackageManagers::key(*wanted), keys(managers)),
                     Failed);
            return;
        }
        m_began();
        listEach(id, chosen, json, {});
    });
}

void PackageCommands::listEach(const QString& id, QList<Found> managers, bool json,
                               QList<QStringList> rows)
{
    if (managers.isEmpty()) {
        if (json) {
            QJsonArray array;
            for (const QStringList& row : std::as_const(rows))
                array.append(QJsonObject{{QStringLiteral("manager"), row.at(0)},
                                         {QStringLiteral("name"), row.at(1)},
                                         {QStringLiteral("version"), row.at(2)}});
            writeAll(STDOUT_FILENO, QJsonDocument(array).toJson(QJsonDocument::Indented));
        } else {
            printTable(rows);
        }
        m_finish({}, Ok);
        return;
    }
    const Found found = managers.takeFirst();
    auto* job = PackageManagers::list(m_backend, id, {}, found, this);
    connect(job, &Job::finished, this, [this, job, id, managers, json, rows, found]() mutable {
        if (job->error().isError()) {
            m_finish(job->error().fullText(), codeFor(job->error()));
            return;
        }
        for (const Package& package : job->value())
            rows << QStringList{PackageManagers::key(found.manager), package.name, package.version};
        listEach(id, managers, json, rows);
    });
}

void PackageCommands::runManagers(const QStringList& args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-'))) {
        m_finish(Text::tr("Name a sandbox."), Usage);
        return;
    }
    withManagers(args.first(), [this](const QString&, const QList<Found>& managers) {
        QList<QStringList> rows;
        for (const Found& found : managers) {
            QString paths = found.path;
            if (found.queryPath != found.path)
                paths += QLatin1Char(' ') + found.queryPath;
            rows << QStringList{PackageManagers::key(found.manager), paths};
        }
        printTable(rows);
        m_finish({}, Ok);
    });
}

void PackageCommands::runChange(Action action, const QStringList& args)
{
    if (args.size() < 3) {
        m_finish(Text::tr("Name a sandbox, a package manager and at least one package."), Usage);
        return;
    }
    const std::optional<Manager> wanted = PackageManagers::fromKey(args.at(1));
    if (!wanted) {
        m_finish(
            Text::tr("“%1” is not a package manager: use apt, apk, pip or npm.").arg(args.at(1)),
            Usage);
        return;
    }
    const QStringList names = args.mid(2);
    QString problem;
    if (!PackageManagers::checkNames(names, &problem)) {
        m_finish(problem, Usage);
        return;
    }
    withManagers(args.at(0), [this, action, wanted, names](const QString& id,
                                                           const QList<Found>& managers) {
        const auto it = std::find_if(managers.cbegin(), managers.cend(),
                                     [wanted](const Found& f) { return f.manager == *wanted; });
        if (it == managers.cend()) {
            m_finish(Text::tr("This sandbox has no %1; it has %2.")
                         .arg(PackageManagers::key(*wanted), keys(managers)),
                     Failed);
            return;
        }
        const RunRequest request = action == Action::Install
                                       ? PackageManagers::installRequest(*it, names)
                                       : PackageManagers::removeRequest(*it, names);
        auto* run = new Run(m_backend, id, request, this);
        connect(run, &Run::started, this, [this] { m_began(); });
        connect(run, &Run::received, this, [](ExecSession::Stream stream, const QByteArray& bytes) {
            writeAll(stream == ExecSession::Stream::Stderr ? STDERR_FILENO : STDOUT_FILENO, bytes);
        });
        // Ctrl-C stops the package manager in the sandbox, as it does a command's run.
        auto* interrupt = new RunInterrupt(run, m_finish, this);
        connect(run, &Run::finished, this, [this, run, interrupt] {
            if (interrupt->finishIfInterrupted())
                return;
            const RunResult& result = run->result();
            if (result.error.isError())
                m_finish(result.error.fullText(), codeFor(result.error));
            else
                m_finish({}, result.exitCode);
        });
        run->start();
    });
}
