#include "RunScript.h"

#include "sandbox/ShellWords.h"

namespace RunScript {

namespace {

// $1 is the prelude, the file the script went into (if any) becomes $2 of the shell that
// evaluates it.
const char* const loader = R"sh(f=
IFS= read -r n || exit 125
case $n in ''|*[!0-9]*) exit 125;; esac
if [ "$n" -gt 0 ]; then
  f=$(mktemp) && head -c "$n" >"$f" || { rm -f "$f"; exit 125; }
fi
g=
command -v setsid >/dev/null 2>&1 && g=setsid
$g /bin/sh -c 'printf "#sdk-run %s\n" $$ >&2; eval "$1"' sh "$1" "$f" </dev/null &
p=$!
wait $p
c=$?
[ -z "$f" ] || rm -f "$f"
exit $c)sh";

} // namespace

const char* const killer = R"sh(p=$1
kill -TERM -$p 2>/dev/null || kill -TERM $p 2>/dev/null || exit 0
i=0
while [ $i -lt $2 ]; do
  kill -0 -$p 2>/dev/null || kill -0 $p 2>/dev/null || exit 0
  sleep 0.1
  i=$((i+1))
done
kill -KILL -$p 2>/dev/null
kill -KILL $p 2>/dev/null
exit 0)sh";

namespace {

// The interpreter and its one argument from a #! line, as Linux reads it.
QStringList interpreterOf(const QByteArray& script)
{
    if (!script.startsWith("#!"))
        return {};
    const QByteArray line = script.mid(2, script.indexOf('\n') - 2).trimmed();
    if (line.isEmpty())
        return {};
    const qsizetype blank = line.indexOf(' ') >= 0 ? line.indexOf(' ') : line.indexOf('\t');
    if (blank < 0)
        return {QString::fromUtf8(line)};
    return {QString::fromUtf8(line.left(blank)), QString::fromUtf8(line.mid(blank + 1).trimmed())};
}

} // namespace

QString prelude(const RunRequest& request)
{
    QStringList lines;
    if (!request.workingDir.isEmpty())
        lines
            << QStringLiteral("cd %1 || exit %2").arg(quoted(request.workingDir)).arg(setupFailed);
    for (const QString& entry : request.env)
        lines << QStringLiteral("export %1").arg(quoted(entry));
    if (request.isScript()) {
        QStringList interpreter = interpreterOf(request.script);
        if (interpreter.isEmpty())
            interpreter = {QStringLiteral("/bin/sh")};
        QStringList words;
        for (const QString& word : std::as_const(interpreter))
            words << quoted(word);
        lines << QStringLiteral("exec %1 \"$2\"").arg(words.join(QLatin1Char(' ')));
    } else {
        QStringList words;
        for (const QString& word : request.command)
            words << quoted(word);
        lines << QStringLiteral("exec %1").arg(words.join(QLatin1Char(' ')));
    }
    return lines.join(QLatin1Char('\n'));
}

QString quoted(const QString& text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
           QLatin1Char('\'');
}

QStringList command(const RunRequest& request)
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QString::fromLatin1(loader),
            QStringLiteral("sh"), prelude(request)};
}

QByteArray input(const RunRequest& request)
{
    return QByteArray::number(request.script.size()) + '\n' + request.script;
}

QStringList kill(qint64 pid, int graceTenths)
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QString::fromLatin1(killer),
            QStringLiteral("sh"),      QString::number(pid), QString::number(graceTenths)};
}

qint64 parsePidLine(const QByteArray& line)
{
    if (!line.startsWith(pidPrefix))
        return -1;
    bool ok = false;
    const qint64 pid = line.mid(qstrlen(pidPrefix)).toLongLong(&ok);
    return ok && pid > 1 ? pid : -1;
}

} // namespace RunScript

QString RunRequest::summary() const
{
    if (!isScript())
        return ShellWords::join(command);
    const QList<QByteArray> lines = script.split('\n');
    for (const QByteArray& line : lines) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith('#'))
            return QString::fromUtf8(trimmed);
    }
    return QString::fromUtf8(lines.value(0).trimmed());
}
