#include "Interpreters.h"

#include "sandbox/Backend.h"
#include "sandbox/ExecSession.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

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
    ExecOptions options;
    options.command = detectCommand();
    options.tty = false;
    options.attachStdin = false;
    options.container = container;
    ExecSession* session = backend ? backend->openExec(sandboxId, options) : nullptr;
    if (!session) {
        QTimer::singleShot(0, job, [job] {
            job->finishWithError(Error::make(
                Error::Invalid,
                QCoreApplication::translate("Interpreters", "This sandbox cannot run commands.")));
        });
        return job;
    }
    session->setParent(job);
    auto out = std::make_shared<QByteArray>();
    QObject::connect(session, &ExecSession::received, job,
                     [out](ExecSession::Stream stream, const QByteArray& bytes) {
                         if (stream == ExecSession::Stream::Stdout && out->size() < 64 * 1024)
                             out->append(bytes);
                     });
    QObject::connect(session, &ExecSession::finished, job,
                     [job, out](int) { job->finishWithValue(parse(*out)); });
    QObject::connect(session, &ExecSession::failed, job,
                     [job](const Error& error) { job->finishWithError(error); });
    QObject::connect(job, &Job::cancelRequested, session, &ExecSession::close);
    session->start();
    return job;
}

} // namespace Interpreters
