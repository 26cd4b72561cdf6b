#pragma once

#include <QString>
#include <QStringList>

// Splits a command line the way a POSIX shell splits a simple command, without expanding
// anything: blanks separate words; '…' keeps everything inside; "…" keeps everything except
// that a backslash escapes $ ` " \ and a newline; outside quotes a backslash keeps the next
// character. `sh -c 'while true; do date; sleep 1; done'` gives three words.
namespace ShellWords {

// The words; empty with *error set (translated) when a quote is not closed or the text ends
// in a lone backslash.
QStringList split(const QString& text, QString* error = nullptr);
// The words quoted so that split() gives them back; plain words stay as they are.
QString join(const QStringList& words);

} // namespace ShellWords
