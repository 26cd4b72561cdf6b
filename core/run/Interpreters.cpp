#include "Interpreters.h"

#include "ExecProbe.h"

namespace Interpreters {

namespace {

const QList<Language> languages = {Language::Python, Language::Node, Language::Shell};

} // namespace

QStringList candidates(Language language)
{
    switch (language) {
    case Language::Python:
        return {QStringLiteral("python3"), QStringLiteral("python")};
    case Language::Node:
        return {QStringLiteral("node"), QStringLiteral("nodejs")};
    case Language::Shell:
        return {QStringLiteral("sh")};
    }
    return {};
}

QString displayName(Language language)
{
    switch (language) {
    case Language::Python:
        return QStringLiteral("Python");
    case Language::Node:
        return QStringLiteral("Node.js");
    case Language::Shell:
        return QStringLiteral("sh");
    }
    return {};
}

QStringList detectCommand()
{
    QStringList names;
    for (const Language language : languages)
        names += candidates(language);
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            // A walk along PATH: busybox's command -v names an applet without its path.
            QStringLiteral("for n in %1; do (IFS=:; for d in $PATH; do "
                           "[ -f \"$d/$n\" ] && [ -x \"$d/$n\" ] && echo \"$n $d/$n\" && break; "
                           "done); done; exit 0")
                .arg(names.join(QLatin1Char(' ')))};
}

QMap<Language, QString> parse(const QByteArray& output)
{
    QMap<QString, QString> found;
    for (const QByteArray& line : output.split('\n')) {
        const qsizetype blank = line.indexOf(' ');
        if (blank > 0)
            found.insert(QString::fromUtf8(line.left(blank)),
                         QString::fromUtf8(line.mid(blank + 1).trimmed()));
    }
    QMap<Language, QString> result;
    for (const Language language : languages) {
        for (const QString& name : candidates(language)) {
            if (found.contains(name)) {
                result.insert(language, found.value(name));
                break;
            }
        }
    }
    return result;
}

RunRequest request(const QString& path, const QByteArray& code)
{
    RunRequest request;
    // The #! line names the interpreter; Python, Node and sh all read it as a comment.
    request.script = "#!" + path.toUtf8() + '\n' + code;
    if (!request.script.endsWith('\n'))
        request.script.append('\n');
    return request;
}

ResultJob<QMap<Language, QString>>* detect(Backend* backend, const QString& sandboxId,
                                           const QString& container, QObject* parent)
{
    auto* job = new ResultJob<QMap<Language, QString>>(parent);
    ExecProbe::run(job, backend, sandboxId, container, detectCommand(),
                   [job](const QByteArray& output) { job->finishWithValue(parse(output)); });
    return job;
}

} // namespace Interpreters
