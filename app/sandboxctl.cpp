// sandboxctl: the command-line companion, built on the core alone.
#include "CommandOutput.h"
#include "CopyCommands.h"
#include "FileCommands.h"
#include "JobCommands.h"
#include "LifetimeCommands.h"
#include "OpenSandboxCommands.h"
#include "PackageCommands.h"
#include "RunCommands.h"
#include "StatsCommands.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/CredentialImport.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "opensandbox/OpenSandboxClient.h"
#include "sandbox/Backend.h"
#include "sandbox/ExecSession.h"
#include "sandbox/Job.h"
#include "sandbox/LogStream.h"
#include "sandbox/SpillFiles.h"
#include "settings/EciAccounts.h"
#include "settings/Translations.h"
#include "text/Duration.h"
#include "text/TextWidth.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <QSocketNotifier>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <memory>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

using namespace ctl;

namespace {

// sandboxctl's own words, under one translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

QString dockerUsage()
{
    return Text::tr(
               "Usage: sandboxctl [--docker HOST] COMMAND [ARGS…]\n"
               "\n"
               "Commands:\n"
               "  list [--json]                 list every sandbox\n"
               "  inspect ID                    print the engine's details as JSON\n"
               "  create --image IMAGE [--name N] [--env K=V]… [--label K=V]… [--workdir DIR]\n"
               "         [--cpus N] [--memory SIZE] [--network MODE] [-p [IP:]HOST:PORT]… [--rm]\n"
               "         [--start] [-- CMD…]     create a sandbox and print its id\n"
               "  start|stop|restart|pause|unpause|kill ID…\n"
               "  rm [-f] ID…                   remove sandboxes (-f: also running ones)\n"
               "  exec [-i] [-t] ID [-- CMD…]    run a command (default: a shell) in a sandbox;\n"
               "                                -i passes stdin, -t gives it a terminal; both are\n"
               "                                on when stdin is a terminal and neither is given\n"
               "  images                        list local images\n"
               "  pull IMAGE                    pull an image\n"
               "  logs [-f] [--since T] [--tail N] [--timestamps] ID\n"
               "                                print the log (stderr lines to stderr); T is\n"
               "                                RFC 3339 or a duration back from now (10m, 2h)\n"
               "\n") +
           Text::tr("Files (ID:PATH is a path in a sandbox, relative paths start at its root):\n") +
           CopyCommands::usage() +
           Text::tr(
               "  ls [-l] [-a] ID:PATH          list a folder (-l: details, -a: hidden names too)\n"
               "  mkdir [-p] ID:PATH            make a folder (-p: with its parents, no error if\n"
               "                                it exists)\n"
               "  mv ID:SRC ID:DST              move or rename inside one sandbox\n"
               "  rm [-r] [-f] ID:PATH          remove (-r: a folder and everything in it,\n"
               "                                -f: no error when the path is missing)\n"
               "  chmod MODE ID:PATH            set the permissions to an octal MODE such as 755\n"
               "  find ID:PATH -name PATTERN    print the paths below PATH whose name matches\n") +
           Text::tr(
               "\n"
               "ID is an id, a unique id prefix or a name. The engine is found like the docker\n"
               "CLI finds it (DOCKER_HOST, DOCKER_CONTEXT, the current context, the default\n"
               "socket), then at the rootless and Podman sockets. Exit codes: 0 success,\n"
               "1 failure, 2 unknown sandbox, 64 usage; exec exits with the command's own code.\n");
}

QString eciUsage()
{
    return Text::tr(
        "\n"
        "Alibaba Cloud ECI: sandboxctl --eci [REGION] [--account NAME] COMMAND [ARGS…]\n"
        "  list [--json] | inspect ID | rm [-f] ID… | restart ID…\n"
        "  create --image IMAGE [--name N] [--env K=V]… [--label K=V]… [--workdir DIR]\n"
        "         [--cpus N] [--memory SIZE] [-p PORT]… [--arg ARG]… [--zone ZONE]\n"
        "         [--vswitch ID] [--security-group ID] [--restart Always|OnFailure|Never]\n"
        "         [-- CMD…]               create a container group and print its id\n"
        "  logs [-f] [--tail N] [--since T] [--timestamps] [--container NAME] ID\n"
        "  exec [-i] [-t] [--container NAME] ID [-- CMD…]\n"
        "  ls | mkdir | mv | rm ID:PATH | chmod | find, as above, with [--container NAME]\n"
        "The AccessKey comes from --account NAME (an account added in SandboxDesk, its\n"
        "secret read from the keychain) or from ALIBABA_CLOUD_ACCESS_KEY_ID,\n"
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN, overridden by\n"
        "ECI_SANDBOX_ACCESS_KEY_ID and ECI_SANDBOX_ACCESS_KEY_SECRET. The region is REGION,\n"
        "else ECI_SANDBOX_REGION_ID, ALIBABA_CLOUD_REGION_ID or the account's default.\n"
        "ECI_SANDBOX_ENDPOINT (host, host:port or URL) overrides the endpoint and\n"
        "ECI_SANDBOX_TIMEOUT_MS the time each request may take.\n");
}

QString timeoutUsage()
{
    return Text::tr("\n"
                    "--timeout DURATION (before the command) gives up when the engine has not\n"
                    "answered for DURATION (90s, 10m, 2h; default 60s); logs -f and exec, once\n"
                    "they have begun, run until they end.\n"
                    "list --json --limits adds CPU and memory limits (a request per sandbox).\n");
}

QString usage()
{
    return dockerUsage() + RunCommands::usage() + JobCommands::usage() + PackageCommands::usage() +
           StatsCommands::usage() + LifetimeCommands::usage() + timeoutUsage() + eciUsage() +
           OpenSandboxCommands::usage();
}

QJsonObject toJson(const Sandbox& sandbox, bool withLimits)
{
    QJsonObject object;
    object.insert(QLatin1String("id"), sandbox.id);
    object.insert(QLatin1String("name"), sandbox.name);
    object.insert(QLatin1String("image"), sandbox.image);
    object.insert(QLatin1String("status"), statusKey(sandbox.status));
    object.insert(QLatin1String("statusText"), sandbox.statusText);
    object.insert(QLatin1String("created"), sandbox.created.toString(Qt::ISODate));
    object.insert(QLatin1String("ports"), sandbox.portsText());
    // Docker's list leaves limits out (0 then means unknown); ECI's carries them.
    if (withLimits || sandbox.cpus != 0 || sandbox.memoryBytes != 0) {
        object.insert(QLatin1String("cpus"), sandbox.cpus);
        // null: the backend gave a limit no integer holds.
        object.insert(QLatin1String("memoryBytes"), sandbox.memoryBytes == Sandbox::OutOfRange
                                                        ? QJsonValue()
                                                        : QJsonValue(sandbox.memoryBytes));
    }
    QJsonObject labels;
    for (auto it = sandbox.labels.begin(); it != sandbox.labels.end(); ++it)
        labels.insert(it.key(), it.value());
    object.insert(QLatin1String("labels"), labels);
    object.insert(QLatin1String("backend"), sandbox.backendId);
    if (sandbox.expiresAt.isValid())
        object.insert(QLatin1String("expiresAt"), sandbox.expiresAt.toUTC().toString(Qt::ISODate));
    if (!sandbox.containers.isEmpty())
        object.insert(QLatin1String("containers"), QJsonArray::fromStringList(sandbox.containers));
    return object;
}

// Puts the terminal on stdin into raw mode for an interactive session, and back after.
class RawTerminal
{
public:
    RawTerminal()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios raw = m_saved;
        ::cfmakeraw(&raw);
        m_active = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
    }
    ~RawTerminal()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }
    Q_DISABLE_COPY_MOVE(RawTerminal)

private:
    termios m_saved{};
    bool m_active = false;
};

bool terminalSize(int* columns, int* rows)
{
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0)
        return false;
    *columns = size.ws_col;
    *rows = size.ws_row;
    return true;
}

// RFC 3339, or a duration back from now such as 30s, 10m, 2h, 1h30m, 1d. outOfRange: an
// RFC 3339 time outside what log timestamps can hold (1677 to 2262).
QDateTime parseSince(const QString& text, bool* outOfRange)
{
    const QByteArray bytes = text.toUtf8();
    qint64 nanoseconds = 0;
    if (LogStream::parseTimestamp(bytes.constData(), bytes.size(), &nanoseconds, outOfRange) ==
        bytes.size())
        return QDateTime::fromMSecsSinceEpoch(nanoseconds / 1000000, Qt::UTC);
    if (*outOfRange)
        return {};
    const qint64 milliseconds = Duration::parse(text);
    if (milliseconds < 0)
        return {};
    return QDateTime::currentDateTimeUtc().addMSecs(-milliseconds);
}

// How long sandboxctl waits for an answer, as given and in milliseconds.
struct Timeout
{
    QString text = QStringLiteral("60s");
    qint64 ms = 60 * 1000;
};

// The value after the option at args[*at], or an empty one and a problem when it is missing.
QString takeValue(const QStringList& args, int* at, QStringList* problems)
{
    if (*at + 1 >= args.size()) {
        *problems << Text::tr("%1 needs a value.").arg(args.at(*at));
        return {};
    }
    return args.at(++*at);
}

// One run of one command: connects, does the work through the Backend contract, quits.
class Command final : public QObject
{
public:
    Command(ConnectionRegistry& registry, Backend* backend, const QStringList& args,
            const Timeout& timeout)
        : m_registry(registry)
        , m_backend(backend)
        , m_args(args)
        , m_groups(backend->capabilities().testFlag(Backend::HasContainerGroups))
        , m_timeout(timeout)
    {
        m_deadline.setSingleShot(true);
        // QTimer counts in int milliseconds: about 24 days at most.
        m_deadline.setInterval(int(std::min<qint64>(timeout.ms, INT_MAX)));
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            fail(Text::tr("No answer from %1 for %2 (--timeout); giving up.")
                     .arg(m_backend->displayName(), m_timeout.text),
                 Failed);
        });
    }

    void start()
    {
        m_deadline.start();
        // Limits cost a request per sandbox; only list --limits shows them.
        m_backend->setDetailsInBackground(m_args.value(0) == QLatin1String("list") &&
                                          m_args.contains(QLatin1String("--limits")));
        // One command, one look at the engine; only a log or a session that runs on follows
        // the sandbox's changes.
        m_backend->setWatchesChanges(m_args.value(0) == QLatin1String("logs") ||
                                     m_args.value(0) == QLatin1String("exec") ||
                                     (m_args.value(0) == QLatin1String("stats") &&
                                      !m_args.contains(QLatin1String("--no-stream"))));
        connect(m_backend, &Backend::stateChanged, this, [this](Backend::State state) {
            if (m_started)
                return;
            if (state == Backend::State::Connected) {
                m_started = true;
                run();
            } else if (state == Backend::State::Lost) {
                m_started = true;
                err() << m_backend->lastError().fullText() << Qt::endl;
                finish(Failed);
            }
        });
        m_registry.start(m_backend);
    }

private:
    void run();
    void runCreate(const QStringList& args);
    void runLogs(const QStringList& args);
    void runExec(const QStringList& args);
    void runEach(const QStringList& ids, const std::function<Job*(const QString& id)>& makeJob);
    void list(bool json, bool withLimits);
    QString resolve(const QString& idOrName, QString* problem) const;
    // What every command file is given: name-or-id resolution, and how it ends the run
    // (a usage error with the usage, another error, or the exit code alone).
    std::function<QString(const QString&, QString*)> resolver() const
    {
        return [this](const QString& idOrName, QString* problem) {
            return resolve(idOrName, problem);
        };
    }
    std::function<void(const QString&, int)> finisher()
    {
        return [this](const QString& message, int code) {
            if (code == Usage)
                fail(message + QLatin1Char('\n') + usage(), code);
            else if (!message.isEmpty())
                fail(message, code);
            else
                finish(code);
        };
    }
    // Ends the command with the job: its error, or onSuccess's output and Ok.
    void finishWith(Job* job, const std::function<void()>& onSuccess);
    void finish(int code)
    {
        out().flush();
        err().flush();
        QCoreApplication::exit(code);
    }
    void fail(const QString& message, int code)
    {
        err() << message << Qt::endl;
        finish(code);
    }

    ConnectionRegistry& m_registry;
    Backend* m_backend;
    QStringList m_args;
    bool m_groups = false; // a sandbox holds several containers: --container applies
    bool m_started = false;
    int m_worst = Ok;
    Timeout m_timeout;
    QTimer m_deadline; // restarted by every sign of progress, stopped once a stream has begun
};

QString Command::resolve(const QString& idOrName, QString* problem) const
{
    QStringList matches;
    const QList<Sandbox> sandboxes = m_backend->sandboxes();
    for (const Sandbox& sandbox : sandboxes) {
        if (sandbox.id == idOrName || sandbox.name == idOrName)
            return sandbox.id;
        if (idOrName.size() >= 1 && sandbox.id.startsWith(idOrName))
            matches << sandbox.id;
    }
    if (matches.size() == 1)
        return matches.first();
    *problem = matches.isEmpty() ? Text::tr("No such sandbox: %1").arg(idOrName)
                                 : Text::tr("“%1” matches more than one sandbox.").arg(idOrName);
    return {};
}

void Command::finishWith(Job* job, const std::function<void()>& onSuccess)
{
    connect(job, &Job::finished, this, [this, job, onSuccess] {
        if (job->error().isError()) {
            fail(job->error().fullText(),
                 job->error().kind == Error::NotFound ? UnknownSandbox : Failed);
            return;
        }
        onSuccess();
        finish(Ok);
    });
}

void Command::list(bool json, bool withLimits)
{
    const QList<Sandbox> sandboxes = m_backend->sandboxes();
    if (json) {
        QJsonArray array;
        for (const Sandbox& sandbox : sandboxes)
            array.append(toJson(sandbox, withLimits));
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        finish(Ok);
        return;
    }
    // Padded by display width, as wide as the widest cell: Chinese headers take two columns a
    // character, and a long name must not push the columns after it off.
    QList<QStringList> rows{{Text::tr("ID"), Text::tr("NAME"), Text::tr("IMAGE"),
                             Text::tr("STATUS"), Text::tr("PORTS")}};
    for (const Sandbox& sandbox : sandboxes)
        rows.append({sandbox.id.left(12), sandbox.name, sandbox.image,
                     // A state the client does not know is shown as the backend words it.
                     sandbox.status == SandboxStatus::Unknown && !sandbox.statusText.isEmpty()
                         ? sandbox.statusText
                         : statusKey(sandbox.status),
                     sandbox.portsText()});
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList& row : std::as_const(rows)) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], TextWidth::columns(row[column]));
    }
    for (const QStringList& row : std::as_const(rows)) {
        QString line;
        for (qsizetype column = 0; column + 1 < row.size(); ++column)
            line += TextWidth::padRight(row[column], widths[column]) + QLatin1String("  ");
        out() << line + row.last() << Qt::endl;
    }
    finish(Ok);
}

void Command::runEach(const QStringList& ids, const std::function<Job*(const QString& id)>& makeJob)
{
    if (ids.isEmpty()) {
        fail(Text::tr("Name at least one sandbox.") + QLatin1Char('\n') + usage(), Usage);
        return;
    }
    // One after the other, so the output follows the order given.
    const QString idOrName = ids.first();
    const QStringList rest = ids.mid(1);
    const auto next = [this, rest, makeJob] {
        if (rest.isEmpty())
            finish(m_worst);
        else
            runEach(rest, makeJob);
    };
    QString problem;
    const QString id = resolve(idOrName, &problem);
    if (id.isEmpty()) {
        err() << problem << Qt::endl;
        m_worst = UnknownSandbox;
        next();
        return;
    }
    Job* job = makeJob(id);
    connect(job, &Job::finished, this, [this, job, idOrName, next] {
        if (job->error().isError()) {
            err() << idOrName << ": " << job->error().fullText() << Qt::endl;
            const int code = job->error().kind == Error::NotFound ? UnknownSandbox : Failed;
            m_worst = qMax(m_worst, code);
        } else {
            out() << idOrName << Qt::endl;
        }
        next();
    });
}

void Command::runCreate(const QStringList& args)
{
    SandboxSpec spec;
    bool startAfter = false;
    QStringList problems;
    // The options are the fields of the connection's create form, as the window shows them.
    const CreateForm form = m_backend->createForm();
    const auto applies = [&](const QString& arg, SpecField field) {
        if (form.has(field))
            return true;
        problems << Text::tr("“%1” does not apply to %2.").arg(arg, m_backend->displayName());
        return false;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        const auto value = [&] {
            return takeValue(args, &i, &problems);
        };
        if (arg == QLatin1String("--")) {
            spec.command = args.mid(i + 1);
            break;
        }
        if (arg == QLatin1String("--image")) {
            spec.image = value();
        } else if (arg == QLatin1String("--name")) {
            spec.name = value();
        } else if (arg == QLatin1String("--env") || arg == QLatin1String("-e")) {
            spec.env << value();
        } else if (arg == QLatin1String("--label") || arg == QLatin1String("-l")) {
            const QString label = value();
            const qsizetype equals = label.indexOf(QLatin1Char('='));
            if (equals <= 0)
                problems << Text::tr("Label “%1” is not KEY=VALUE.").arg(label);
            else
                spec.labels.insert(label.left(equals), label.mid(equals + 1));
        } else if (arg == QLatin1String("--workdir") || arg == QLatin1String("-w")) {
            spec.workingDir = value();
        } else if (arg == QLatin1String("--cpus")) {
            bool ok = false;
            const QString text = value();
            spec.cpus = text.toDouble(&ok);
            if (!ok)
                problems << Text::tr("“%1” is not a number of CPUs.").arg(text);
        } else if (arg == QLatin1String("--memory") || arg == QLatin1String("-m")) {
            const QString text = value();
            spec.memoryBytes = parseMemorySize(text);
            if (spec.memoryBytes < 0)
                problems
                    << Text::tr("“%1” is not a memory size (for example 512m or 2g).").arg(text);
        } else if (arg == QLatin1String("--arg")) {
            const QString text = value();
            if (applies(arg, SpecField::Args))
                spec.args << text;
        } else if (arg == QLatin1String("--zone")) {
            const QString text = value();
            if (applies(arg, SpecField::Zone))
                spec.zoneId = text;
        } else if (arg == QLatin1String("--vswitch")) {
            const QString text = value();
            if (applies(arg, SpecField::VSwitch))
                spec.vSwitchId = text;
        } else if (arg == QLatin1String("--security-group")) {
            const QString text = value();
            if (applies(arg, SpecField::SecurityGroup))
                spec.securityGroupId = text;
        } else if (arg == QLatin1String("--restart")) {
            const QString text = value();
            if (applies(arg, SpecField::RestartPolicy))
                spec.restartPolicy = text;
        } else if (arg == QLatin1String("--network")) {
            const QString text = value();
            if (applies(arg, SpecField::Network))
                spec.networkMode = text;
        } else if (arg == QLatin1String("-p") || arg == QLatin1String("--publish")) {
            const QString text = value();
            PortBinding binding;
            if (parsePortBinding(text, &binding))
                spec.ports << binding;
            else
                problems << Text::tr("“%1” is not a port binding.").arg(text);
        } else if (arg == QLatin1String("--ttl")) {
            const QString text = value();
            const qint64 ms = Duration::parse(text);
            if (ms <= 0)
                problems << Text::tr("“%1” is not a duration such as 90s, 10m or 2h.").arg(text);
            else if (m_backend->capabilities().testFlag(Backend::CanExpire))
                spec.lifetimeSeconds = (ms + 999) / 1000;
            else
                problems
                    << Text::tr("“%1” does not apply to %2.").arg(arg, m_backend->displayName());
        } else if (arg == QLatin1String("--rm")) {
            spec.autoRemove = applies(arg, SpecField::AutoRemove);
        } else if (arg == QLatin1String("--start")) {
            startAfter = applies(arg, SpecField::Start);
        } else {
            problems << Text::tr("Unknown option “%1”.").arg(arg);
        }
    }
    problems << problemMessages(m_backend->validate(spec));
    if (!problems.isEmpty()) {
        fail(problems.join(QLatin1Char('\n')), Usage);
        return;
    }
    ResultJob<QString>* job = m_backend->create(spec);
    connect(job, &Job::finished, this, [this, job, startAfter] {
        if (job->error().isError()) {
            fail(job->error().fullText(), Failed);
            return;
        }
        const QString id = job->value();
        out() << id << Qt::endl;
        if (!startAfter) {
            finish(Ok);
            return;
        }
        finishWith(m_backend->perform(Backend::Action::Start, id), [] {});
    });
}

void Command::runExec(const QStringList& args)
{
    ExecOptions options;
    bool interactive = false;
    bool tty = false;
    QString target;
    int at = 0;
    for (; at < args.size(); ++at) {
        const QString& arg = args.at(at);
        if (arg == QLatin1String("--")) {
            ++at;
            break;
        }
        if (arg == QLatin1String("-i")) {
            interactive = true;
        } else if (arg == QLatin1String("-t")) {
            tty = true;
        } else if (arg == QLatin1String("-it") || arg == QLatin1String("-ti")) {
            interactive = tty = true;
        } else if (m_groups && arg == QLatin1String("--container") && target.isEmpty()) {
            if (at + 1 >= args.size()) {
                fail(Text::tr("%1 needs a value.").arg(arg), Usage);
                return;
            }
            options.container = args.at(++at);
        } else if (arg.startsWith(QLatin1Char('-')) || !target.isEmpty()) {
            if (!target.isEmpty())
                break; // the command starts here
            fail(Text::tr("Unknown option “%1”.").arg(arg) + QLatin1Char('\n') + usage(), Usage);
            return;
        } else {
            target = arg;
        }
    }
    if (target.isEmpty()) {
        fail(Text::tr("Name a sandbox.") + QLatin1Char('\n') + usage(), Usage);
        return;
    }
    options.command = args.mid(at);
    const bool stdinIsTerminal = ::isatty(STDIN_FILENO) == 1;
    if (!interactive && !tty && stdinIsTerminal)
        interactive = tty = true;
    options.attachStdin = interactive;
    options.tty = tty;
    if (tty)
        terminalSize(&options.columns, &options.rows);

    QString problem;
    const QString id = resolve(target, &problem);
    if (id.isEmpty()) {
        fail(problem, UnknownSandbox);
        return;
    }
    ExecSession* session = m_backend->openExec(id, options);
    if (!session) {
        fail(Text::tr("This sandbox cannot run commands."), Failed);
        return;
    }
    session->setParent(this);
    auto raw = std::make_shared<std::unique_ptr<RawTerminal>>();
    if (tty && stdinIsTerminal && interactive)
        *raw = std::make_unique<RawTerminal>();

    connect(session, &ExecSession::received, this,
            [](ExecSession::Stream stream, const QByteArray& bytes) {
                writeAll(stream == ExecSession::Stream::Stderr ? STDERR_FILENO : STDOUT_FILENO,
                         bytes);
            });
    connect(session, &ExecSession::started, this, [this] { m_deadline.stop(); });
    connect(session, &ExecSession::finished, this, [this, raw](int exitCode) {
        raw->reset();
        finish(exitCode < 0 ? Failed : exitCode);
    });
    connect(session, &ExecSession::failed, this, [this, raw](const Error& error) {
        raw->reset();
        fail(error.fullText(), error.kind == Error::NotFound ? UnknownSandbox : Failed);
    });
    if (interactive) {
        // Reads only while little input waits to be sent, so memory stays bounded however fast
        // stdin comes; end-of-file goes to the process once the last byte has.
        auto* notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, session);
        auto stdinEnded = std::make_shared<bool>(false);
        connect(notifier, &QSocketNotifier::activated, session, [session, notifier, stdinEnded] {
            char buffer[65536];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n < 0 && (errno == EINTR || errno == EAGAIN))
                return;
            if (n > 0) {
                session->write(QByteArray(buffer, qsizetype(n)));
                notifier->setEnabled(session->pendingInput() < ExecSession::inputBound);
                return;
            }
            *stdinEnded = true;
            notifier->setEnabled(false);
            session->closeStdin();
        });
        connect(session, &ExecSession::inputWritten, notifier, [session, notifier, stdinEnded] {
            if (!*stdinEnded && session->pendingInput() < ExecSession::inputBound)
                notifier->setEnabled(true);
        });
    }
    if (tty && stdinIsTerminal) {
        // Follows the terminal's size; a timer is simpler than a SIGWINCH handler here.
        auto* sizeWatch = new QTimer(session);
        connect(sizeWatch, &QTimer::timeout, session, [session, options]() mutable {
            int columns = 0;
            int rows = 0;
            if (terminalSize(&columns, &rows) &&
                (columns != options.columns || rows != options.rows)) {
                options.columns = columns;
                options.rows = rows;
                session->resize(columns, rows);
            }
        });
        sizeWatch->start(250);
    }
    session->start();
}

void Command::runLogs(const QStringList& args)
{
    LogOptions options;
    options.follow = false;
    options.timestamps = false;
    QString idOrName;
    QStringList problems;
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        const auto value = [&] {
            return takeValue(args, &i, &problems);
        };
        if (arg == QLatin1String("-f") || arg == QLatin1String("--follow")) {
            options.follow = true;
        } else if (arg == QLatin1String("-t") || arg == QLatin1String("--timestamps")) {
            options.timestamps = true;
        } else if (arg == QLatin1String("--since")) {
            const QString text = value();
            bool outOfRange = false;
            options.since = parseSince(text, &outOfRange);
            if (outOfRange)
                problems << Text::tr("“%1” is out of range: logs have times from 1677 to 2262.")
                                .arg(text);
            else if (!options.since.isValid())
                problems << Text::tr("“%1” is neither an RFC 3339 time nor a duration such as 10m.")
                                .arg(text);
        } else if (arg == QLatin1String("--tail") || arg == QLatin1String("-n")) {
            const QString text = value();
            bool ok = false;
            options.tail = text == QLatin1String("all") ? -1 : text.toInt(&ok);
            if (!ok && text != QLatin1String("all"))
                problems << Text::tr("“%1” is not a number of lines.").arg(text);
        } else if (m_groups && arg == QLatin1String("--container")) {
            options.container = value();
        } else if (arg.startsWith(QLatin1Char('-')) || !idOrName.isEmpty()) {
            problems << Text::tr("Unknown option “%1”.").arg(arg);
        } else {
            idOrName = arg;
        }
    }
    if (idOrName.isEmpty())
        problems << Text::tr("Name a sandbox.");
    if (!problems.isEmpty()) {
        fail(problems.join(QLatin1Char('\n')) + QLatin1Char('\n') + usage(), Usage);
        return;
    }
    QString problem;
    const QString id = resolve(idOrName, &problem);
    if (id.isEmpty()) {
        fail(problem, UnknownSandbox);
        return;
    }
    out().flush();
    LogStream* stream = m_backend->openLogs(id, options);
    stream->setParent(this);
    if (options.follow) {
        // Following waits for lines as long as it takes; the stream itself notices a dead peer.
        m_deadline.stop();
    } else {
        connect(stream, &LogStream::received, this, [this] { m_deadline.start(); });
    }
    // Raw bytes straight to the file descriptors; timestamps only at the start of a line.
    auto atLineStart = std::make_shared<std::array<bool, 3>>(std::array<bool, 3>{true, true, true});
    const bool timestamps = options.timestamps;
    connect(stream, &LogStream::received, this,
            [atLineStart, timestamps](LogStream::Stream which, const QByteArray& bytes,
                                      qint64 timestamp) {
                const bool isErr = which == LogStream::Stream::Stderr;
                FILE* file = isErr ? stderr : stdout;
                bool& lineStart = (*atLineStart)[isErr ? 2 : 1];
                if (timestamps && lineStart) {
                    const QByteArray prefix = LogStream::formatTimestamp(timestamp) + ' ';
                    std::fwrite(prefix.constData(), 1, size_t(prefix.size()), file);
                }
                std::fwrite(bytes.constData(), 1, size_t(bytes.size()), file);
                lineStart = bytes.endsWith('\n');
            });
    const auto done = [this](const Error& error) {
        std::fflush(stdout);
        std::fflush(stderr);
        if (error.isError())
            fail(error.fullText(), error.kind == Error::NotFound ? UnknownSandbox : Failed);
        else
            finish(Ok);
    };
    connect(stream, &LogStream::ended, this, [done] { done({}); });
    connect(stream, &LogStream::failed, this, done);
    // Like docker logs -f: following ends when the sandbox stops.
    connect(stream, &LogStream::interrupted, this, [stream, done](const Error& reason) {
        stream->stop();
        done(reason);
    });
}

void Command::run()
{
    const QString verb = m_args.value(0);
    const QStringList args = m_args.mid(1);
    if (FileCommands::handles(verb, args)) {
        auto* files = new FileCommands(
            m_backend, resolver(),
            [this](const QString& message, int code) {
                if (message.isEmpty())
                    finish(code);
                else
                    fail(message, code);
            },
            usage(), this);
        files->run(verb, args);
        return;
    }
    if (OpenSandboxCommands::handles(verb)) {
        auto* commands = new OpenSandboxCommands(
            m_backend, resolver(),
            [this](const QString& message, int code) {
                if (message.isEmpty())
                    finish(code);
                else
                    fail(message, code);
            },
            Duration::parse, this);
        commands->run(verb, args);
        return;
    }
    if (JobCommands::handles(verb)) {
        auto* jobs = new JobCommands(
            m_backend, resolver(), finisher(), [this] { m_deadline.stop(); }, this);
        jobs->run(verb, args);
        return;
    }
    if (PackageCommands::handles(verb)) {
        auto* packages = new PackageCommands(
            m_backend, resolver(), finisher(), [this] { m_deadline.stop(); }, this);
        packages->run(verb, args);
        return;
    }
    if (RunCommands::handles(verb)) {
        auto* runs = new RunCommands(
            m_backend, resolver(), finisher(), [this] { m_deadline.stop(); }, this);
        runs->run(verb, args);
        return;
    }
    if (verb == QLatin1String("list")) {
        const bool json = args.contains(QLatin1String("--json"));
        const bool withLimits = args.contains(QLatin1String("--limits"));
        if (m_backend->isSettled())
            list(json, withLimits);
        else
            connect(m_backend, &Backend::settled, this,
                    [this, json, withLimits] { list(json, withLimits); });
    } else if (verb == QLatin1String("inspect")) {
        if (args.size() != 1) {
            fail(usage(), Usage);
            return;
        }
        QString problem;
        const QString id = resolve(args.first(), &problem);
        if (id.isEmpty()) {
            fail(problem, UnknownSandbox);
            return;
        }
        ResultJob<QJsonObject>* job = m_backend->inspect(id);
        finishWith(job,
                   [job] { out() << QJsonDocument(job->value()).toJson(QJsonDocument::Indented); });
    } else if (verb == QLatin1String("create")) {
        runCreate(args);
    } else if (verb == QLatin1String("logs")) {
        runLogs(args);
    } else if (verb == QLatin1String("exec")) {
        runExec(args);
    } else if (CopyCommands::handles(verb)) {
        auto* copy = new CopyCommands(m_backend, resolver(), finisher(), this);
        copy->run(verb, args);
    } else if (LifetimeCommands::handles(verb)) {
        auto* lifetimes = new LifetimeCommands(m_backend, resolver(), finisher(), this);
        lifetimes->run(verb, args);
    } else if (StatsCommands::handles(verb)) {
        auto* stats = new StatsCommands(
            m_backend, resolver(), finisher(), [this] { m_deadline.stop(); }, this);
        stats->run(args);
    } else if (verb == QLatin1String("rm")) {
        const bool force =
            args.contains(QLatin1String("-f")) || args.contains(QLatin1String("--force"));
        QStringList ids = args;
        ids.removeAll(QStringLiteral("-f"));
        ids.removeAll(QStringLiteral("--force"));
        runEach(ids, [this, force](const QString& id) { return m_backend->remove(id, force); });
    } else if (verb == QLatin1String("images")) {
        ResultJob<QStringList>* job = m_backend->listImages();
        finishWith(job, [job] {
            const QStringList images = job->value();
            for (const QString& image : images)
                out() << image << Qt::endl;
        });
    } else if (verb == QLatin1String("pull")) {
        if (args.size() != 1) {
            fail(usage(), Usage);
            return;
        }
        Job* job = m_backend->pullImage(args.first());
        connect(job, &Job::progressed, this, [this](qint64, qint64, const QString& text) {
            m_deadline.start();
            if (!text.isEmpty())
                err() << text << Qt::endl;
        });
        finishWith(job, [reference = args.first()] { out() << reference << Qt::endl; });
    } else {
        static const QList<QPair<QString, Backend::Action>> actions = {
            {QStringLiteral("start"), Backend::Action::Start},
            {QStringLiteral("stop"), Backend::Action::Stop},
            {QStringLiteral("restart"), Backend::Action::Restart},
            {QStringLiteral("pause"), Backend::Action::Pause},
            {QStringLiteral("unpause"), Backend::Action::Unpause},
            {QStringLiteral("kill"), Backend::Action::Kill},
        };
        for (const auto& [name, action] : actions) {
            if (verb == name) {
                runEach(args, [this, action = action](const QString& id) {
                    return m_backend->perform(action, id);
                });
                return;
            }
        }
        fail(Text::tr("Unknown command “%1”.").arg(verb) + QLatin1Char('\n') + usage(), Usage);
    }
}

bool isCommandName(const QString& word)
{
    static const QStringList commands = {
        QStringLiteral("list"),  QStringLiteral("inspect"), QStringLiteral("create"),
        QStringLiteral("start"), QStringLiteral("stop"),    QStringLiteral("restart"),
        QStringLiteral("pause"), QStringLiteral("unpause"), QStringLiteral("kill"),
        QStringLiteral("rm"),    QStringLiteral("exec"),    QStringLiteral("images"),
        QStringLiteral("pull"),  QStringLiteral("logs"),    QStringLiteral("cp"),
        QStringLiteral("cat"),   QStringLiteral("put"),
    };
    return commands.contains(word) || FileCommands::verbs().contains(word) ||
           RunCommands::handles(word) || JobCommands::handles(word) ||
           PackageCommands::handles(word) || StatsCommands::handles(word) ||
           OpenSandboxCommands::handles(word) || LifetimeCommands::handles(word);
}

// ECI: credentials from a stored account (secrets from the keychain, read by the registry as
// for the window) or the environment, then the same commands as for Docker.
int runEci(const QStringList& args, QString region, const QString& accountName,
           const Timeout& timeout)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The accounts SandboxDesk keeps; sandboxctl only reads them.
    const QSettings appSettings(QStringLiteral("SandboxDesk"), QStringLiteral("sandboxdesk"));
    EciAccounts accounts(appSettings.fileName());
    EciAccount account;
    EciCredentials credentials;
    if (!accountName.isEmpty()) {
        bool found = false;
        account = accounts.account(accountName, &found);
        if (!found) {
            err() << Text::tr("There is no ECI account named “%1”; add it in SandboxDesk first.")
                         .arg(accountName)
                  << Qt::endl;
            return Failed;
        }
        if (region.isEmpty()) {
            const QString fromEnvironment =
                environment.value(QStringLiteral("ECI_SANDBOX_REGION_ID"),
                                  environment.value(QStringLiteral("ALIBABA_CLOUD_REGION_ID")));
            region = fromEnvironment.isEmpty() ? account.defaultRegion : fromEnvironment;
        }
    } else {
        QString problem;
        const ImportedCredentials imported =
            CredentialImport::fromEnvironment(environment, &problem);
        if (imported.isEmpty() || !problem.isEmpty()) {
            err() << (problem.isEmpty() ? Text::tr("No Alibaba Cloud AccessKey was found.")
                                        : problem)
                  << '\n'
                  << Text::tr("Or use --account NAME with an account added in SandboxDesk.")
                  << Qt::endl;
            return Failed;
        }
        account.name = QStringLiteral("env");
        account.accessKeyId = imported.accessKeyId;
        account.endpoint = imported.endpoint;
        credentials = {imported.accessKeyId, imported.accessKeySecret, imported.securityToken};
        if (region.isEmpty())
            region = imported.regionId;
    }
    const QString endpoint = environment.value(QStringLiteral("ECI_SANDBOX_ENDPOINT")).trimmed();
    if (!endpoint.isEmpty())
        account.endpoint = endpoint;
    if (region.isEmpty()) {
        err() << Text::tr("Name a region: sandboxctl --eci REGION …, or set "
                          "ECI_SANDBOX_REGION_ID.")
              << Qt::endl;
        return Usage;
    }
    const QString problem = ConnectionRegistry::eciEndpointProblem(account.endpoint);
    if (!problem.isEmpty()) {
        err() << problem << Qt::endl;
        return Failed;
    }

    QNetworkAccessManager network;
    KeychainCredentialStore keychain;
    ConnectionRegistry registry(accounts, keychain, &network);
    std::unique_ptr<Command> command;
    QObject::connect(&registry, &ConnectionRegistry::connectionAdded, &registry,
                     [&](Backend* backend) {
                         command = std::make_unique<Command>(registry, backend, args, timeout);
                         command->start();
                     });
    QObject::connect(
        &registry, &ConnectionRegistry::accountFailed, &registry,
        [](const QString&, const Error& error) {
            err() << Text::tr("The account's secret could not be read from the keychain.") << '\n'
                  << error.fullText() << Qt::endl;
            QCoreApplication::exit(Failed);
        });
    QTimer::singleShot(0, &registry, [&] {
        if (accountName.isEmpty())
            registry.addEci(account, credentials, region);
        else
            registry.openAccount(account, {region});
    });
    const int code = QCoreApplication::exec();
    command.reset();
    return code;
}

// OpenSandbox: the server and key as the SDKs read them, then the same commands as for Docker.
int runOpenSandbox(const QStringList& args, const QString& domain, const Timeout& timeout)
{
    OpenSandboxConfig config;
    QString problem;
    if (!OpenSandboxCommands::configFrom(domain, QProcessEnvironment::systemEnvironment(), &config,
                                         &problem)) {
        err() << problem << Qt::endl;
        return Failed;
    }
    MemoryCredentialStore noSecrets;
    EciAccounts accounts;
    ConnectionRegistry registry(accounts, noSecrets, nullptr);
    Backend* backend = registry.addOpenSandbox(
        config, {ConnectionOrigin::Kind::OpenSandboxEnvironment, config.domain, {}});
    Command command(registry, backend, args, timeout);
    QTimer::singleShot(0, &command, &Command::start);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SandboxDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("sandboxctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SANDBOXDESK_VERSION));
    Translations translations;
    translations.apply({});
    SpillFiles::removeStale(); // what a crash of an earlier run left behind

    // Options come before the command; everything after it is the command's own.
    QStringList args = QCoreApplication::arguments().mid(1);
    QString host;
    bool eci = false;
    bool openSandbox = false;
    QString domain;
    QString region;
    QString account;
    Timeout timeout;
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            out() << usage();
            return Ok;
        }
        if (option == QLatin1String("--version")) {
            out() << "sandboxctl " << QCoreApplication::applicationVersion() << Qt::endl;
            return Ok;
        }
        if (option == QLatin1String("--docker") && !args.isEmpty()) {
            host = args.takeFirst();
            continue;
        }
        if (option == QLatin1String("--timeout") && !args.isEmpty()) {
            timeout.text = args.takeFirst();
            timeout.ms = Duration::parse(timeout.text);
            if (timeout.ms <= 0) {
                err()
                    << Text::tr("“%1” is not a duration such as 90s, 10m or 2h.").arg(timeout.text)
                    << Qt::endl;
                return Usage;
            }
            continue;
        }
        if (option == QLatin1String("--eci")) {
            eci = true;
            // An optional region: a word before the command that is no command itself.
            if (!args.isEmpty() && !args.first().startsWith(QLatin1Char('-')) &&
                !isCommandName(args.first()))
                region = args.takeFirst();
            continue;
        }
        if (option == QLatin1String("--opensandbox")) {
            openSandbox = true;
            // An optional domain, as --eci takes an optional region.
            if (!args.isEmpty() && !args.first().startsWith(QLatin1Char('-')) &&
                !isCommandName(args.first()))
                domain = args.takeFirst();
            continue;
        }
        if (option == QLatin1String("--account") && !args.isEmpty()) {
            eci = true;
            account = args.takeFirst();
            continue;
        }
        err() << Text::tr("Unknown option “%1”.").arg(option) << '\n' << usage();
        return Usage;
    }
    if (args.isEmpty()) {
        err() << usage();
        return Usage;
    }

    if (openSandbox) {
        if (!host.isEmpty() || eci) {
            err() << Text::tr("--opensandbox cannot be used with --docker or --eci.") << Qt::endl;
            return Usage;
        }
        return runOpenSandbox(args, domain, timeout);
    }
    if (eci) {
        if (!host.isEmpty()) {
            err() << Text::tr("--docker and --eci cannot be used together.") << Qt::endl;
            return Usage;
        }
        return runEci(args, region, account, timeout);
    }

    // Found as the window finds it, rootless and Podman sockets included.
    // No ECI here: no account is opened, so no secret is read.
    MemoryCredentialStore noSecrets;
    EciAccounts accounts;
    ConnectionRegistry registry(accounts, noSecrets, nullptr);
    registry.discoverDocker(QProcessEnvironment::systemEnvironment(), host);
    Backend* backend = registry.defaultDocker();
    if (!backend) {
        err() << registry.discoveryProblem() << Qt::endl;
        return Failed;
    }
    Command command(registry, backend, args, timeout);
    QTimer::singleShot(0, &command, &Command::start);
    return QCoreApplication::exec();
}
