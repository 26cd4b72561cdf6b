#include "FileCommands.h"
#include "CommandOutput.h"

#include "files/SandboxFiles.h"
#include "sandbox/Backend.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <algorithm>

using namespace ctl;

namespace {

// The same translation context as the rest of sandboxctl.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

QString modeString(const FileEntry& entry)
{
    QString text;
    switch (entry.type) {
    case FileEntry::Type::Folder:
        text += QLatin1Char('d');
        break;
    case FileEntry::Type::Symlink:
        text += QLatin1Char('l');
        break;
    case FileEntry::Type::Other:
        text += QLatin1Char('?');
        break;
    case FileEntry::Type::File:
        text += QLatin1Char('-');
        break;
    }
    const quint32 mode = entry.mode;
    // Owner, group, others; the execute place also shows setuid, setgid and sticky.
    const struct
    {
        int shift;
        quint32 special;
        char set;
        char unset;
    } classes[] = {{6, 04000, 's', 'S'}, {3, 02000, 's', 'S'}, {0, 01000, 't', 'T'}};
    for (const auto& c : classes) {
        text += QLatin1Char((mode >> c.shift) & 4 ? 'r' : '-');
        text += QLatin1Char((mode >> c.shift) & 2 ? 'w' : '-');
        const bool execute = (mode >> c.shift) & 1;
        if (mode & c.special)
            text += QLatin1Char(execute ? c.set : c.unset);
        else
            text += QLatin1Char(execute ? 'x' : '-');
    }
    return text;
}

void printEntries(QList<FileEntry> entries, bool longFormat)
{
    std::sort(entries.begin(), entries.end(),
              [](const FileEntry& a, const FileEntry& b) { return a.name < b.name; });
    if (!longFormat) {
        for (const FileEntry& entry : std::as_const(entries))
            out() << RemotePaths::displayName(entry.name) << '\n';
        out().flush();
        return;
    }
    qsizetype ownerWidth = 0;
    qsizetype groupWidth = 0;
    qsizetype sizeWidth = 0;
    for (const FileEntry& entry : std::as_const(entries)) {
        ownerWidth = std::max(ownerWidth, entry.owner.size());
        groupWidth = std::max(groupWidth, entry.group.size());
        sizeWidth = std::max(sizeWidth, QString::number(entry.size).size());
    }
    for (const FileEntry& entry : std::as_const(entries)) {
        QString line = modeString(entry) + QLatin1Char(' ') +
                       entry.owner.leftJustified(ownerWidth) + QLatin1Char(' ') +
                       entry.group.leftJustified(groupWidth) + QLatin1Char(' ') +
                       QString::number(entry.size).rightJustified(sizeWidth) + QLatin1Char(' ') +
                       entry.modified.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                       QLatin1Char(' ') + RemotePaths::displayName(entry.name);
        if (entry.type == FileEntry::Type::Symlink)
            line += QLatin1String(" -> ") + RemotePaths::displayName(entry.linkTarget);
        out() << line << '\n';
    }
    out().flush();
}

} // namespace

FileCommands::FileCommands(Backend* backend, Resolver resolver, Finisher finisher, QString usage,
                           QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_resolver(std::move(resolver))
    , m_finisher(std::move(finisher))
    , m_usage(std::move(usage))
{}

QStringList FileCommands::verbs()
{
    return {QStringLiteral("ls"), QStringLiteral("mkdir"), QStringLiteral("mv"),
            QStringLiteral("chmod"), QStringLiteral("find")};
}

bool FileCommands::handles(const QString& verb, const QStringList& args)
{
    if (verbs().contains(verb))
        return true;
    // Sandbox ids and names hold no colon, so `rm ID:PATH` cannot be `rm ID`.
    return verb == QLatin1String("rm") &&
           std::any_of(args.begin(), args.end(), [](const QString& arg) {
               return !arg.startsWith(QLatin1Char('-')) && arg.contains(QLatin1Char(':'));
           });
}

void FileCommands::usageError(const QString& problem)
{
    m_finisher(problem + QLatin1Char('\n') + m_usage, Usage);
}

QString FileCommands::missingText(const QString& target) const
{
    return Text::tr("%1: no such file or folder.").arg(target);
}

void FileCommands::finishWithStatError(const Error& error, const QString& target)
{
    m_finisher(error.kind == Error::NotFound ? missingText(target) : error.fullText(), Failed);
}

void FileCommands::finishWhenDone(Job* job)
{
    connect(job, &Job::finished, this, [this, job] {
        m_finisher(job->error().isError() ? job->error().fullText() : QString(),
                   job->error().isError() ? Failed : Ok);
    });
}

bool FileCommands::open(const QString& target, QByteArray* path)
{
    const qsizetype colon = target.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        usageError(Text::tr("“%1” is not ID:PATH.").arg(target));
        return false;
    }
    *path = QFile::encodeName(target.mid(colon + 1));
    // As for cp: a relative path starts at the sandbox's root.
    if (!path->startsWith('/'))
        path->prepend('/');
    QString problem;
    const QString id = m_resolver(target.left(colon), &problem);
    if (id.isEmpty()) {
        m_finisher(problem, UnknownSandbox);
        return false;
    }
    if (m_files && m_sandboxId != id) {
        usageError(Text::tr("Both paths must be in the same sandbox."));
        return false;
    }
    if (!m_files) {
        m_files = m_backend->openFiles(id, m_container);
        if (!m_files) {
            m_finisher(
                Text::tr("%1 cannot browse the files of a sandbox.").arg(m_backend->displayName()),
                Failed);
            return false;
        }
        m_files->setParent(this);
        m_sandboxId = id;
    }
    return true;
}

void FileCommands::run(const QString& verb, const QStringList& givenArgs)
{
    QStringList args = givenArgs;
    // Container groups (ECI) name the container as the other commands do.
    const qsizetype containerAt = args.indexOf(QStringLiteral("--container"));
    if (containerAt >= 0 && containerAt + 1 < args.size()) {
        m_container = args.at(containerAt + 1);
        args.remove(containerAt, 2);
    }
    if (verb == QLatin1String("ls"))
        runList(args);
    else if (verb == QLatin1String("mkdir"))
        runMakeFolder(args);
    else if (verb == QLatin1String("mv"))
        runMove(args);
    else if (verb == QLatin1String("rm"))
        runRemove(args);
    else if (verb == QLatin1String("chmod"))
        runChangeMode(args);
    else
        runFind(args);
}

// Splits short options (-la as -l -a) from the operands; false with a problem for an unknown one.
static bool takeFlags(const QStringList& args, const QString& allowed, QString* flags,
                      QStringList* operands, QString* problem)
{
    for (const QString& arg : args) {
        if (arg.size() > 1 && arg.startsWith(QLatin1Char('-'))) {
            for (qsizetype i = 1; i < arg.size(); ++i) {
                if (!allowed.contains(arg.at(i))) {
                    *problem = Text::tr("Unknown option “%1”.").arg(arg);
                    return false;
                }
                *flags += arg.at(i);
            }
        } else {
            *operands << arg;
        }
    }
    return true;
}

void FileCommands::runList(const QStringList& args)
{
    QString flags;
    QStringList operands;
    QString problem;
    if (!takeFlags(args, QStringLiteral("la"), &flags, &operands, &problem))
        return usageError(problem);
    if (operands.size() != 1)
        return usageError(Text::tr("Name one ID:PATH."));
    const QString target = operands.first();
    QByteArray path;
    if (!open(target, &path))
        return;
    const bool longFormat = flags.contains(QLatin1Char('l'));
    const bool all = flags.contains(QLatin1Char('a'));
    ResultJob<FileEntry>* stat = m_files->stat(path);
    connect(stat, &Job::finished, this, [this, stat, path, target, longFormat, all] {
        if (stat->error().isError())
            return finishWithStatError(stat->error(), target);
        if (stat->value().type != FileEntry::Type::Folder) {
            FileEntry entry = stat->value();
            entry.name = path;
            printEntries({entry}, longFormat);
            return m_finisher({}, Ok);
        }
        ResultJob<QList<FileEntry>>* list = m_files->list(path);
        connect(list, &Job::finished, this, [this, list, longFormat, all] {
            if (list->error().isError())
                return m_finisher(list->error().fullText(), Failed);
            QList<FileEntry> entries = list->value();
            if (!all)
                entries.removeIf([](const FileEntry& entry) { return entry.isHidden(); });
            printEntries(entries, longFormat);
            m_finisher({}, Ok);
        });
    });
}

void FileCommands::runMakeFolder(const QStringList& args)
{
    QString flags;
    QStringList operands;
    QString problem;
    if (!takeFlags(args, QStringLiteral("p"), &flags, &operands, &problem))
        return usageError(problem);
    if (operands.size() != 1)
        return usageError(Text::tr("Name one ID:PATH."));
    QByteArray path;
    if (!open(operands.first(), &path))
        return;
    Job* job = m_files->makeFolder(path, flags.contains(QLatin1Char('p')));
    finishWhenDone(job);
}

void FileCommands::runMove(const QStringList& args)
{
    if (args.size() != 2)
        return usageError(Text::tr("Name a source and a destination, both ID:PATH."));
    QByteArray from;
    QByteArray to;
    if (!open(args.at(0), &from) || !open(args.at(1), &to))
        return;
    ResultJob<FileEntry>* stat = m_files->statWithoutOwner(from);
    connect(stat, &Job::finished, this, [this, stat, from, to, source = args.at(0)] {
        if (stat->error().isError())
            return finishWithStatError(stat->error(), source);
        Job* job = m_files->move(from, to);
        finishWhenDone(job);
    });
}

void FileCommands::runRemove(const QStringList& args)
{
    QString flags;
    QStringList operands;
    QString problem;
    if (!takeFlags(args, QStringLiteral("rRf"), &flags, &operands, &problem))
        return usageError(problem);
    if (operands.size() != 1)
        return usageError(Text::tr("Name one ID:PATH."));
    const QString target = operands.first();
    QByteArray path;
    if (!open(target, &path))
        return;
    const bool recursive = flags.contains(QLatin1Char('r')) || flags.contains(QLatin1Char('R'));
    const bool force = flags.contains(QLatin1Char('f'));
    ResultJob<FileEntry>* stat = m_files->statWithoutOwner(path);
    connect(stat, &Job::finished, this, [this, stat, path, target, recursive, force] {
        if (stat->error().isError()) {
            if (stat->error().kind == Error::NotFound)
                return force ? m_finisher({}, Ok) : m_finisher(missingText(target), Failed);
            return m_finisher(stat->error().fullText(), Failed);
        }
        if (stat->value().type == FileEntry::Type::Folder && !recursive)
            return m_finisher(Text::tr("%1 is a folder; use rm -r.").arg(target), Failed);
        Job* job = m_files->remove(path, recursive);
        finishWhenDone(job);
    });
}

void FileCommands::runChangeMode(const QStringList& args)
{
    if (args.size() != 2)
        return usageError(Text::tr("Name an octal mode and one ID:PATH."));
    bool ok = false;
    const uint mode = args.at(0).toUInt(&ok, 8);
    if (!ok || mode > 07777)
        return usageError(Text::tr("“%1” is not an octal mode such as 755.").arg(args.at(0)));
    const QString target = args.at(1);
    QByteArray path;
    if (!open(target, &path))
        return;
    ResultJob<FileEntry>* stat = m_files->statWithoutOwner(path);
    connect(stat, &Job::finished, this, [this, stat, path, target, mode] {
        if (stat->error().isError())
            return finishWithStatError(stat->error(), target);
        Job* job = m_files->changeMode(path, mode);
        finishWhenDone(job);
    });
}

void FileCommands::runFind(const QStringList& args)
{
    if (args.size() != 3 || args.at(1) != QLatin1String("-name"))
        return usageError(Text::tr("Use find ID:PATH -name PATTERN."));
    const QString target = args.at(0);
    QByteArray path;
    if (!open(target, &path))
        return;
    ResultJob<FileEntry>* stat = m_files->statWithoutOwner(path);
    connect(stat, &Job::finished, this, [this, stat, path, target, pattern = args.at(2)] {
        if (stat->error().isError())
            return finishWithStatError(stat->error(), target);
        ResultJob<QList<FileEntry>>* job = m_files->find(path, QFile::encodeName(pattern));
        connect(job, &Job::finished, this, [this, job, path] {
            if (job->error().isError())
                return m_finisher(job->error().fullText(), Failed);
            QList<QByteArray> paths;
            for (const FileEntry& entry : job->value())
                paths << RemotePaths::join(path, entry.name);
            std::sort(paths.begin(), paths.end());
            for (const QByteArray& found : std::as_const(paths))
                out() << RemotePaths::displayName(found) << '\n';
            out().flush();
            m_finisher({}, Ok);
        });
    });
}
