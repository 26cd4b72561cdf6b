#include "RunCommands.h"
#include "CommandOutput.h"
#include "RunInterrupt.h"

#include "run/Run.h"
#include "text/Duration.h"

#include <QCoreApplication>
#include <QFile>

#include <unistd.h>

using namespace ctl;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

QByteArray readAllStdin()
{
    QByteArray bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0)
            return bytes;
        bytes.append(buffer, qsizetype(n));
    }
}

} // namespace

RunCommands::RunCommands(Backend* backend, Resolver resolve, Finisher finish,
                         std::function<void()> began, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_resolve(std::move(resolve))
    , m_finish(std::move(finish))
    , m_began(std::move(began))
{}

RunCommands::~RunCommands() = default;

bool RunCommands::handles(const QString& verb)
{
    return verb == QLatin1String("run");
}

QString RunCommands::usage()
{
    return Text::tr(
        "\n"
        "Running (the command's exit code becomes sandboxctl's):\n"
        "  run ID [--script FILE|-] [--timeout D] [--workdir DIR] [-e K=V]… [--user U]\n"
        "         [-- CMD…]               run a command, or a script read from FILE or\n"
        "                                stdin (by /bin/sh, or by its #! line), without a\n"
        "                                terminal; stdout and stderr stay apart. --timeout\n"
        "                                (90s, 10m, 2h, 1d) and Ctrl-C stop the process and\n"
        "                                everything it started: TERM, then KILL 2s later\n");
}

void RunCommands::run(const QString& verb, const QStringList& args)
{
    Q_UNUSED(verb)
    runRun(args);
}

void RunCommands::runRun(const QStringList& args)
{
    RunRequest request;
    QString target;
    QString scriptFile;
    bool hasScript = false;
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
        if (arg == QLatin1String("--script")) {
            hasScript = true;
            scriptFile = value();
        } else if (arg == QLatin1String("--timeout")) {
            const QString text = value();
            request.timeoutMs = Duration::parse(text);
            if (request.timeoutMs <= 0)
                problems << Text::tr("“%1” is not a duration such as 90s, 10m or 2h.").arg(text);
        } else if (arg == QLatin1String("--workdir") || arg == QLatin1String("-w")) {
            request.workingDir = value();
        } else if (arg == QLatin1String("-e") || arg == QLatin1String("--env")) {
            const QString entry = value();
            if (entry.indexOf(QLatin1Char('=')) <= 0)
                problems << Text::tr("“%1” is not KEY=VALUE.").arg(entry);
            else
                request.env << entry;
        } else if (arg == QLatin1String("--user") || arg == QLatin1String("-u")) {
            request.user = value();
        } else if (arg == QLatin1String("--container")) {
            request.container = value();
        } else if (arg.startsWith(QLatin1Char('-')) || !target.isEmpty()) {
            if (!target.isEmpty())
                break; // the command starts here
            problems << Text::tr("Unknown option “%1”.").arg(arg);
        } else {
            target = arg;
        }
    }
    request.command = args.mid(at);
    if (target.isEmpty())
        problems << Text::tr("Name a sandbox.");
    if (hasScript && !request.command.isEmpty())
        problems << Text::tr("Give a command or --script, not both.");
    if (!hasScript && request.command.isEmpty() && !target.isEmpty())
        problems << Text::tr("Give a command after -- or a script with --script.");
    if (!problems.isEmpty()) {
        m_finish(problems.join(QLatin1Char('\n')), Usage);
        return;
    }
    if (hasScript) {
        if (scriptFile == QLatin1String("-")) {
            request.script = readAllStdin();
        } else {
            QFile file(scriptFile);
            if (!file.open(QIODevice::ReadOnly)) {
                m_finish(Text::tr("Could not read “%1”: %2").arg(scriptFile, file.errorString()),
                         Failed);
                return;
            }
            request.script = file.readAll();
        }
        if (request.script.isEmpty()) {
            m_finish(Text::tr("The script is empty."), Usage);
            return;
        }
    }
    QString problem;
    const QString id = m_resolve(target, &problem);
    if (id.isEmpty()) {
        m_finish(problem, UnknownSandbox);
        return;
    }
    m_run = new Run(m_backend, id, request, this);
    connect(m_run, &Run::started, this, [this] { m_began(); });
    connect(m_run, &Run::received, this, [](ExecSession::Stream stream, const QByteArray& bytes) {
        writeAll(stream == ExecSession::Stream::Stderr ? STDERR_FILENO : STDOUT_FILENO, bytes);
    });
    auto* interrupt = new RunInterrupt(m_run, m_finish, this);
    connect(m_run, &Run::finished, this, [this, interrupt] {
        if (interrupt->finishIfInterrupted())
            return;
        const RunResult& result = m_run->result();
        if (result.error.isError()) {
            m_finish(result.error.fullText(),
                     result.error.kind == Error::NotFound ? UnknownSandbox : Failed);
            return;
        }
        QString message;
        if (result.timedOut)
            message = Text::tr("Stopped after %1 (--timeout).")
                          .arg(Duration::format(m_run->request().timeoutMs));
        m_finish(message, result.exitCode);
    });
    m_run->start();
}
