#include "PackageManagers.h"

#include "ExecProbe.h"
#include "Run.h"
#include "RunScript.h"
#include "sandbox/Backend.h"
#include "sandbox/ExecSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <memory>

namespace PackageManagers {

namespace {

// Most managers list a few thousand packages at most; the bound only stops a runaway.
constexpr qsizetype maxListOutput = 32 * 1024 * 1024;
constexpr qsizetype maxErrorOutput = 64 * 1024;
constexpr qint64 listTimeoutMs = 120000;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PackageManagers)
};

void sortByName(QList<Package>& packages)
{
    std::sort(packages.begin(), packages.end(), [](const Package& a, const Package& b) {
        const int order = a.name.compare(b.name, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.name < b.name;
    });
}

std::optional<QList<Package>> parseDpkg(const QByteArray& output)
{
    QList<Package> packages;
    for (const QByteArray& line : output.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 3 || fields.at(0).size() < 2 || fields.at(1).isEmpty())
            return std::nullopt;
        // db:Status-Abbrev: wanted, status, error; only what is unpacked and configured counts.
        if (fields.at(0).at(1) != 'i')
            continue;
        packages.append({QString::fromUtf8(fields.at(1)), QString::fromUtf8(fields.at(2))});
    }
    return packages;
}

// apk info -v prints name-version-rN; apk's versions have no '-' of their own.
std::optional<QList<Package>> parseApk(const QByteArray& output)
{
    QList<Package> packages;
    for (const QByteArray& raw : output.split('\n')) {
        const QString line = QString::fromUtf8(raw.trimmed());
        if (line.isEmpty())
            continue;
        const qsizetype release = line.lastIndexOf(QLatin1Char('-'));
        const qsizetype version =
            release > 0 ? line.lastIndexOf(QLatin1Char('-'), release - 1) : -1;
        if (version <= 0 || release + 1 >= line.size() ||
            line.at(release + 1) != QLatin1Char('r') || !line.at(version + 1).isDigit())
            return std::nullopt;
        packages.append({line.left(version), line.mid(version + 1)});
    }
    return packages;
}

std::optional<QList<Package>> parsePip(const QByteArray& output)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(output.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    QList<Package> packages;
    const QJsonArray entries = document.array();
    for (const QJsonValue& entry : entries) {
        const QString name = entry[QLatin1String("name")].toString();
        if (name.isEmpty())
            return std::nullopt;
        packages.append({name, entry[QLatin1String("version")].toString()});
    }
    return packages;
}

std::optional<QList<Package>> parseNpm(const QByteArray& output)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(output.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    QList<Package> packages;
    const QJsonObject dependencies =
        document.object().value(QLatin1String("dependencies")).toObject();
    for (auto it = dependencies.begin(); it != dependencies.end(); ++it)
        packages.append({it.key(), it.value()[QLatin1String("version")].toString()});
    return packages;
}

// The last lines of what a failed command printed on stderr, for its error message.
QString tail(const QByteArray& bytes)
{
    QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines = lines.mid(std::max<qsizetype>(0, lines.size() - 3));
    return lines.join(QLatin1Char('\n')).trimmed();
}

} // namespace

QList<Manager> all()
{
    return {Manager::Apt, Manager::Apk, Manager::Pip, Manager::Npm};
}

QString key(Manager manager)
{
    switch (manager) {
    case Manager::Apt:
        return QStringLiteral("apt");
    case Manager::Apk:
        return QStringLiteral("apk");
    case Manager::Pip:
        return QStringLiteral("pip");
    case Manager::Npm:
        return QStringLiteral("npm");
    }
    return {};
}

std::optional<Manager> fromKey(const QString& text)
{
    const QString word = text.trimmed().toLower();
    for (const Manager manager : all()) {
        if (word == key(manager) || programs(manager).contains(word))
            return manager;
    }
    if (word == QLatin1String("dpkg"))
        return Manager::Apt;
    return std::nullopt;
}

QStringList programs(Manager manager)
{
    switch (manager) {
    case Manager::Apt:
        return {QStringLiteral("apt-get"), QStringLiteral("dpkg-query")};
    case Manager::Apk:
        return {QStringLiteral("apk")};
    case Manager::Pip:
        return {QStringLiteral("pip3"), QStringLiteral("pip")};
    case Manager::Npm:
        return {QStringLiteral("npm")};
    }
    return {};
}

QStringList detectCommand()
{
    QStringList names;
    for (const Manager manager : all())
        names += programs(manager);
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            // A walk along PATH, as for the interpreters: busybox's command -v prints no path.
            QStringLiteral("for n in %1; do (IFS=:; "
                           "for d in ${PATH:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/"
                           "sbin:/bin}; do "
                           "[ -f \"$d/$n\" ] && [ -x \"$d/$n\" ] && echo \"$n $d/$n\" && break; "
                           "done); done; exit 0")
                .arg(names.join(QLatin1Char(' ')))};
}

QList<Found> parseDetected(const QByteArray& output)
{
    QMap<QString, QString> paths;
    for (const QByteArray& line : output.split('\n')) {
        const qsizetype blank = line.indexOf(' ');
        if (blank > 0 && !paths.contains(QString::fromUtf8(line.left(blank))))
            paths.insert(QString::fromUtf8(line.left(blank)),
                         QString::fromUtf8(line.mid(blank + 1).trimmed()));
    }
    QList<Found> found;
    for (const Manager manager : all()) {
        const QStringList names = programs(manager);
        if (manager == Manager::Apt) {
            if (paths.contains(names.at(0)) && paths.contains(names.at(1)))
                found.append({manager, paths.value(names.at(0)), paths.value(names.at(1))});
            continue;
        }
        for (const QString& name : names) {
            if (paths.contains(name)) {
                found.append({manager, paths.value(name), paths.value(name)});
                break;
            }
        }
    }
    return found;
}

QString noneFoundMessage()
{
    return Text::tr("No package manager was found in this sandbox: none of apt-get with "
                    "dpkg-query, apk, pip3, pip or npm is on its PATH.");
}

RunRequest listRequest(const Found& found)
{
    RunRequest request;
    switch (found.manager) {
    case Manager::Apt:
        // dpkg-query reads the \t and \n itself.
        request.command = {found.queryPath, QStringLiteral("-W"),
                           QStringLiteral("--showformat=${db:Status-Abbrev}\\t${Package}\\t"
                                          "${Version}\\n")};
        break;
    case Manager::Apk:
        request.command = {found.queryPath, QStringLiteral("info"), QStringLiteral("-v")};
        break;
    case Manager::Pip:
        request.command = {found.queryPath, QStringLiteral("list"), QStringLiteral("--format=json"),
                           QStringLiteral("--disable-pip-version-check")};
        break;
    case Manager::Npm:
        request.command = {found.queryPath, QStringLiteral("ls"), QStringLiteral("-g"),
                           QStringLiteral("--depth=0"), QStringLiteral("--json")};
        break;
    }
    return request;
}

std::optional<QList<Package>> parseList(Manager manager, const QByteArray& output)
{
    std::optional<QList<Package>> packages;
    switch (manager) {
    case Manager::Apt:
        packages = parseDpkg(output);
        break;
    case Manager::Apk:
        packages = parseApk(output);
        break;
    case Manager::Pip:
        packages = parsePip(output);
        break;
    case Manager::Npm:
        packages = parseNpm(output);
        break;
    }
    if (packages)
        sortByName(*packages);
    return packages;
}

bool checkNames(const QStringList& names, QString* problem)
{
    if (names.isEmpty()) {
        *problem = Text::tr("Name at least one package.");
        return false;
    }
    for (const QString& name : names) {
        if (name.isEmpty()) {
            *problem = Text::tr("A package name is empty.");
            return false;
        }
        if (name.startsWith(QLatin1Char('-'))) {
            *problem = Text::tr("“%1” is not a package name: it begins with “-”.").arg(name);
            return false;
        }
        const bool odd = std::any_of(name.cbegin(), name.cend(), [](QChar c) {
            return c.isSpace() || c.category() == QChar::Other_Control;
        });
        if (odd) {
            *problem =
                Text::tr("“%1” is not a package name: it holds a blank or a control character.")
                    .arg(name);
            return false;
        }
    }
    return true;
}

RunRequest installRequest(const Found& found, const QStringList& names)
{
    RunRequest request;
    switch (found.manager) {
    case Manager::Apt: {
        // The lists may be empty (images often ship without them) or stale: update first.
        QStringList quotedNames;
        for (const QString& name : names)
            quotedNames << RunScript::quoted(name);
        request.script = QStringLiteral("%1 update && exec %1 install -y --no-install-recommends "
                                        "%2\n")
                             .arg(RunScript::quoted(found.path), quotedNames.join(QLatin1Char(' ')))
                             .toUtf8();
        request.env = {QStringLiteral("DEBIAN_FRONTEND=noninteractive")};
        break;
    }
    case Manager::Apk:
        request.command =
            QStringList{found.path, QStringLiteral("add"), QStringLiteral("--no-cache")} + names;
        break;
    case Manager::Pip:
        request.command = QStringList{found.path, QStringLiteral("install"),
                                      QStringLiteral("--disable-pip-version-check"),
                                      QStringLiteral("--no-input")} +
                          names;
        break;
    case Manager::Npm:
        request.command = QStringList{found.path, QStringLiteral("install"), QStringLiteral("-g"),
                                      QStringLiteral("--no-audit"), QStringLiteral("--no-fund")} +
                          names;
        break;
    }
    return request;
}

RunRequest removeRequest(const Found& found, const QStringList& names)
{
    RunRequest request;
    switch (found.manager) {
    case Manager::Apt:
        request.command =
            QStringList{found.path, QStringLiteral("remove"), QStringLiteral("-y")} + names;
        request.env = {QStringLiteral("DEBIAN_FRONTEND=noninteractive")};
        break;
    case Manager::Apk:
        request.command = QStringList{found.path, QStringLiteral("del")} + names;
        break;
    case Manager::Pip:
        request.command = QStringList{found.path, QStringLiteral("uninstall"), QStringLiteral("-y"),
                                      QStringLiteral("--disable-pip-version-check")} +
                          names;
        break;
    case Manager::Npm:
        request.command =
            QStringList{found.path, QStringLiteral("uninstall"), QStringLiteral("-g")} + names;
        break;
    }
    return request;
}

ResultJob<QList<Found>>* detect(Backend* backend, const QString& sandboxId,
                                const QString& container, QObject* parent)
{
    auto* job = new ResultJob<QList<Found>>(parent);
    ExecProbe::run(
        job, backend, sandboxId, container, detectCommand(),
        [job](const QByteArray& output) { job->finishWithValue(parseDetected(output)); });
    return job;
}

ResultJob<QList<Package>>* list(Backend* backend, const QString& sandboxId,
                                const QString& container, const Found& found, QObject* parent)
{
    auto* job = new ResultJob<QList<Package>>(parent);
    RunRequest request = listRequest(found);
    request.container = container;
    request.timeoutMs = listTimeoutMs;
    auto* run = new Run(backend, sandboxId, request, job);
    auto out = std::make_shared<QByteArray>();
    auto err = std::make_shared<QByteArray>();
    auto overflowed = std::make_shared<bool>(false);
    QObject::connect(run, &Run::received, job,
                     [out, err, overflowed](ExecSession::Stream stream, const QByteArray& bytes) {
                         QByteArray& into = stream == ExecSession::Stream::Stdout ? *out : *err;
                         const qsizetype bound =
                             stream == ExecSession::Stream::Stdout ? maxListOutput : maxErrorOutput;
                         if (into.size() + bytes.size() > bound)
                             *overflowed = stream == ExecSession::Stream::Stdout;
                         else
                             into.append(bytes);
                     });
    QObject::connect(run, &Run::finished, job, [job, run, out, err, overflowed, found] {
        const RunResult& result = run->result();
        const QString program = found.queryPath.section(QLatin1Char('/'), -1);
        if (result.error.isError()) {
            job->finishWithError(result.error);
            return;
        }
        if (result.timedOut) {
            job->finishWithError(Error::make(
                Error::Timeout, Text::tr("%1 did not list its packages in time.").arg(program)));
            return;
        }
        if (*overflowed) {
            job->finishWithError(Error::make(
                Error::Invalid, Text::tr("%1 printed more than SandboxDesk reads.").arg(program)));
            return;
        }
        const std::optional<QList<Package>> packages = parseList(found.manager, *out);
        // npm ls exits 1 over problems in the tree it still lists whole.
        const bool listed = packages && (result.exitCode == 0 || found.manager == Manager::Npm);
        if (!listed) {
            const QString text =
                result.exitCode != 0
                    ? Text::tr("%1 failed with exit code %2.").arg(program).arg(result.exitCode)
                    : Text::tr("%1 printed something SandboxDesk cannot read.").arg(program);
            const QString detail = tail(*err);
            job->finishWithError(Error::make(Error::Invalid, text, {}, detail));
            return;
        }
        job->finishWithValue(*packages);
    });
    QObject::connect(job, &Job::cancelRequested, run, &Run::cancel);
    run->start();
    return job;
}

} // namespace PackageManagers
