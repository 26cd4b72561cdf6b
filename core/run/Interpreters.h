#pragma once

#include "RunRequest.h"
#include "sandbox/Job.h"

#include <QMap>
#include <QPointer>
#include <QStringList>

class Backend;

// The interpreters a sandbox has for running a snippet of code: looked up along its PATH
// in the sandbox itself, so that what runs is what was found.
namespace Interpreters {

enum class Language
{
    Python,
    Node,
    Shell
};

// The program names tried for a language, in order: python3 then python, node then nodejs, sh.
QStringList candidates(Language language);
// The exec command that prints "<name> <path>" for each candidate found.
QStringList detectCommand();
// The first candidate found for each language, as a path; a language with none is absent.
QMap<Language, QString> parse(const QByteArray& output);
// A script that runs code with the interpreter at path (through RunScript's #! handling).
RunRequest request(const QString& path, const QByteArray& code);
QString displayName(Language language);

// Looks the interpreters up in a running sandbox.
ResultJob<QMap<Language, QString>>* detect(Backend* backend, const QString& sandboxId,
                                           const QString& container, QObject* parent);

} // namespace Interpreters
