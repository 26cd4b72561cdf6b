#include "JobScript.h"

#include "RunScript.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace JobScript {

namespace {

// $1 id, $2 output limit, $3 prelude, $4 command line, $5 the runner's text.
const char* const starter = R"sh(b=/tmp/.sandboxdesk/jobs
d=$b/$1
mkdir -p "$b" || exit 96
mkdir "$d" 2>/dev/null || exit 93
printf '%s\n' "$4" >"$d/cmd"
date +%s >"$d/started"
g=
command -v setsid >/dev/null 2>&1 && g=setsid
$g /bin/sh -c "$5" sh "$d" "$2" "$3" </dev/null >/dev/null 2>&1 &
i=0
while [ ! -s "$d/pid" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
[ -s "$d/pid" ] || exit 96
echo "$1")sh";

// $1 the job's folder, $2 the segment size, $3 the prelude.
const char* const runner = R"sh(d=$1
echo $$ >"$d/runner"
mkfifo "$d/pipe" || exit 1
(
  n=0
  o=$d/out.0
  : >"$o"
  while :; do
    r=$(LC_ALL=C dd bs=65536 count=1 2>&1 >>"$o")
    case $r in 0+0*) break;; esac
    if [ "$(wc -c <"$o")" -ge "$2" ]; then
      n=$((n+1))
      o=$d/out.$n
      : >"$o"
      rm -f "$d/out.$((n-2))"
    fi
  done
) <"$d/pipe" &
l=$!
g=
command -v setsid >/dev/null 2>&1 && g=setsid
$g /bin/sh -c 'eval "$1"' sh "$3" >"$d/pipe" 2>&1 </dev/null &
p=$!
echo $p >"$d/pid"
wait $p
c=$?
wait $l
rm -f "$d/pipe"
echo $c >"$d/exit.new" && mv "$d/exit.new" "$d/exit")sh";

const char* const lister = R"sh(b=/tmp/.sandboxdesk/jobs
[ -d "$b" ] || exit 0
for d in "$b"/*; do
  [ -d "$d" ] || continue
  r=$(cat "$d/runner" 2>/dev/null)
  a=0
  [ -n "$r" ] && kill -0 "$r" 2>/dev/null && a=1
  k=0
  [ -e "$d/killed" ] && k=1
  s=$(cat "$d"/out.* 2>/dev/null | wc -c)
  printf 'J\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t' "${d##*/}" "$(cat "$d/started" 2>/dev/null)" \
    "$(cat "$d/pid" 2>/dev/null)" "$a" "$(cat "$d/exit" 2>/dev/null)" "$k" $s \
    "$(cat "$d/command-id" 2>/dev/null)"
  head -n 1 "$d/cmd" 2>/dev/null || echo
done)sh";

// $1 the job's folder, $2 1 to follow. A segment is read to its end once the next one
// exists; one that was rotated away meanwhile is skipped for the oldest kept.
const char* const reader = R"sh(d=$1
[ -d "$d" ] || exit 90
first() { ls "$d" | sed -n 's/^out\.\([0-9][0-9]*\)$/\1/p' | sort -n | head -n 1; }
g=$(first)
[ -n "$g" ] || g=0
pos=0
while :; do
  e=0
  [ -e "$d/exit" ] && e=1
  x=0
  [ -e "$d/out.$((g+1))" ] && x=1
  o=$d/out.$g
  if [ -e "$o" ]; then
    s=$(wc -c <"$o")
    if [ "$s" -gt "$pos" ]; then
      tail -c +$((pos+1)) "$o" | head -c $((s-pos))
      pos=$s
    fi
  else
    f=$(first)
    if [ -n "$f" ] && [ "$f" -gt "$g" ]; then g=$f; pos=0; continue; fi
  fi
  if [ $x = 1 ]; then g=$((g+1)); pos=0; continue; fi
  [ $e = 1 ] && exit 0
  [ "$2" = 1 ] || exit 0
  if [ ! -e "$d/exit" ]; then
    r=$(cat "$d/runner" 2>/dev/null)
    [ -n "$r" ] && kill -0 "$r" 2>/dev/null || { [ -e "$d/exit" ] || exit 97; }
  fi
  sleep 0.2
done)sh";

const char* const waiter = R"sh(d=$1
[ -d "$d" ] || exit 90
while [ ! -e "$d/exit" ]; do
  r=$(cat "$d/runner" 2>/dev/null)
  [ -n "$r" ] && kill -0 "$r" 2>/dev/null || { [ -e "$d/exit" ] || exit 97; }
  sleep 0.2
done
cat "$d/exit")sh";

// $1 the job's folder, $2 the grace in tenths; then RunScript's stopper on the command.
const char* const killPrefix = R"sh(d=$1
[ -d "$d" ] || exit 90
[ -e "$d/exit" ] && exit 0
p=$(cat "$d/pid" 2>/dev/null)
[ -n "$p" ] || exit 0
: >"$d/killed"
set -- "$p" "$2"
)sh";

const char* const remover = R"sh(d=$1
[ -d "$d" ] || exit 90
if [ ! -e "$d/exit" ]; then
  r=$(cat "$d/runner" 2>/dev/null)
  [ -n "$r" ] && kill -0 "$r" 2>/dev/null && exit 94
fi
rm -rf "$d")sh";

// $1 id, $2 command line, $3 the host's command id.
const char* const recorder = R"sh(b=/tmp/.sandboxdesk/jobs
d=$b/$1
mkdir -p "$b" || exit 96
mkdir "$d" 2>/dev/null || exit 93
printf '%s\n' "$2" >"$d/cmd"
date +%s >"$d/started"
printf '%s\n' "$3" >"$d/command-id")sh";

const char* const hostCommandReader = R"sh(d=$1
[ -d "$d" ] || exit 90
cat "$d/command-id" 2>/dev/null
exit 0)sh";

const char* const killMarker = R"sh(d=$1
[ -d "$d" ] || exit 90
: >"$d/killed")sh";

// Pairs of a job's folder and its status.
const char* const exitRecorder = R"sh(while [ $# -ge 2 ]; do
  [ -d "$1" ] && [ ! -e "$1/exit" ] && echo "$2" >"$1/exit"
  shift 2
done
exit 0)sh";

QStringList shell(const QString& script, const QStringList& args)
{
    return QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"), script,
                       QStringLiteral("sh")} +
           args;
}

QString folder(const QString& id)
{
    return QLatin1String(jobsRoot) + QLatin1Char('/') + id;
}

} // namespace

QString newId()
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString id;
    for (int i = 0; i < 8; ++i)
        id += QLatin1Char(digits[QRandomGenerator::global()->bounded(36)]);
    return id;
}

bool isValidId(const QString& text)
{
    static const QRegularExpression valid(QStringLiteral("^[0-9a-z][0-9a-z_-]{0,63}$"));
    return valid.match(text).hasMatch();
}

QStringList start(const QString& id, const QString& prelude, const QString& command,
                  qint64 outputLimit)
{
    QString line = command;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return shell(QString::fromLatin1(starter),
                 {id, QString::number(std::max<qint64>(outputLimit, 4096)), prelude, line,
                  QString::fromLatin1(runner)});
}

QStringList list()
{
    return shell(QString::fromLatin1(lister), {});
}

QStringList output(const QString& id, bool follow)
{
    return shell(QString::fromLatin1(reader),
                 {folder(id), follow ? QStringLiteral("1") : QStringLiteral("0")});
}

QStringList wait(const QString& id)
{
    return shell(QString::fromLatin1(waiter), {folder(id)});
}

QStringList kill(const QString& id, int graceTenths)
{
    return shell(QString::fromLatin1(killPrefix) + QString::fromLatin1(RunScript::killer),
                 {folder(id), QString::number(graceTenths)});
}

QStringList remove(const QString& id)
{
    return shell(QString::fromLatin1(remover), {folder(id)});
}

QStringList record(const QString& id, const QString& command, const QString& commandId)
{
    QString line = command;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return shell(QString::fromLatin1(recorder), {id, line, commandId});
}

QStringList hostCommandOf(const QString& id)
{
    return shell(QString::fromLatin1(hostCommandReader), {folder(id)});
}

QStringList markKilled(const QString& id)
{
    return shell(QString::fromLatin1(killMarker), {folder(id)});
}

QStringList recordExits(const QList<QPair<QString, int>>& exits)
{
    QStringList args;
    for (const auto& exit : exits)
        args << folder(exit.first) << QString::number(exit.second);
    return shell(QString::fromLatin1(exitRecorder), args);
}

QList<JobInfo> parseList(const QByteArray& output)
{
    QList<JobInfo> jobs;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() < 10 || fields.at(0) != "J")
            continue;
        JobInfo job;
        job.id = QString::fromUtf8(fields.at(1));
        bool ok = false;
        const qint64 started = fields.at(2).toLongLong(&ok);
        if (ok)
            job.started = QDateTime::fromSecsSinceEpoch(started, Qt::UTC);
        job.pid = fields.at(3).toLongLong(&ok);
        if (!ok)
            job.pid = -1;
        const bool alive = fields.at(4) == "1";
        const int exitCode = fields.at(5).toInt(&ok);
        const bool killed = fields.at(6) == "1";
        job.outputBytes = fields.at(7).toLongLong();
        job.hostCommandId = QString::fromUtf8(fields.at(8));
        job.killRequested = killed;
        job.command = QString::fromUtf8(fields.mid(9).join('\t'));
        if (ok) {
            job.exitCode = exitCode;
            job.state = killed ? JobInfo::State::Killed : JobInfo::State::Exited;
        } else {
            job.state = alive ? JobInfo::State::Running : JobInfo::State::Lost;
        }
        jobs.append(job);
    }
    std::sort(jobs.begin(), jobs.end(), [](const JobInfo& a, const JobInfo& b) {
        return a.started != b.started ? a.started < b.started : a.id < b.id;
    });
    return jobs;
}

} // namespace JobScript
