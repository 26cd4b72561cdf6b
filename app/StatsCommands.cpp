#include "StatsCommands.h"
#include "CommandOutput.h"

#include "sandbox/Backend.h"
#include "sandbox/StatsStream.h"
#include "text/TextWidth.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <unistd.h>

using namespace ctl;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sandboxctl)
};

// go-units' CustomSize: divide by base while it is at least base, then %.*g and the unit.
QString customSize(double size, int precision, double base, const std::array<const char*, 9>& units)
{
    size_t unit = 0;
    while (size >= base && unit + 1 < units.size()) {
        size /= base;
        ++unit;
    }
    return QString::number(size, 'g', precision) + QLatin1String(units[unit]);
}

double memoryPercent(const ResourceSample& sample)
{
    return sample.memoryLimitBytes > 0
               ? double(sample.memoryBytes) / double(sample.memoryLimitBytes) * 100.0
               : 0.0;
}

} // namespace

StatsCommands::StatsCommands(Backend* backend, Resolver resolve, Finisher finish,
                             std::function<void()> begun, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_resolve(std::move(resolve))
    , m_finish(std::move(finish))
    , m_begun(std::move(begun))
{
    m_redraw.setInterval(1000);
    connect(&m_redraw, &QTimer::timeout, this, &StatsCommands::printTable);
}

bool StatsCommands::handles(const QString& verb)
{
    return verb == QLatin1String("stats");
}

QString StatsCommands::usage()
{
    return Text::tr(
        "\n"
        "Resource use:\n"
        "  stats [--no-stream] [--json] [ID…]\n"
        "                                live CPU, memory, network and block I/O of the\n"
        "                                running sandboxes (or of those named), in the\n"
        "                                columns of docker stats; --no-stream prints one\n"
        "                                measurement and exits; --json prints a JSON array\n"
        "                                with --no-stream, else one object a line\n");
}

QString StatsCommands::binarySize(double bytes)
{
    static const std::array<const char*, 9> units = {"B",   "KiB", "MiB", "GiB", "TiB",
                                                     "PiB", "EiB", "ZiB", "YiB"};
    return customSize(bytes, 4, 1024.0, units);
}

QString StatsCommands::decimalSize(double bytes)
{
    static const std::array<const char*, 9> units = {"B",  "kB", "MB", "GB", "TB",
                                                     "PB", "EB", "ZB", "YB"};
    return customSize(bytes, 3, 1000.0, units);
}

void StatsCommands::run(const QStringList& args)
{
    QStringList names;
    for (const QString& arg : args) {
        if (arg == QLatin1String("--no-stream")) {
            m_noStream = true;
        } else if (arg == QLatin1String("--json")) {
            m_json = true;
        } else if (arg.startsWith(QLatin1Char('-'))) {
            m_finish(Text::tr("Unknown option “%1”.").arg(arg), Usage);
            return;
        } else {
            names << arg;
        }
    }
    if (!(m_backend->capabilities() & Backend::HasLiveStats)) {
        m_finish(Text::tr("%1 does not report live resource use.").arg(m_backend->displayName()),
                 Failed);
        return;
    }
    m_named = !names.isEmpty();
    QList<Sandbox> chosen;
    for (const QString& name : std::as_const(names)) {
        QString problem;
        const QString id = m_resolve(name, &problem);
        if (id.isEmpty()) {
            m_finish(problem, UnknownSandbox);
            return;
        }
        chosen << m_backend->sandbox(id);
    }
    if (!m_named) {
        const QList<Sandbox> sandboxes = m_backend->sandboxes();
        for (const Sandbox& sandbox : sandboxes) {
            if (sandbox.status == SandboxStatus::Running)
                chosen << sandbox;
        }
        // Like docker stats: sandboxes that start later join the table.
        if (!m_noStream) {
            const auto join = [this](const Sandbox& sandbox) {
                if (sandbox.status == SandboxStatus::Running && !row(sandbox.id))
                    watch(sandbox);
            };
            connect(m_backend, &Backend::sandboxAdded, this, join);
            connect(m_backend, &Backend::sandboxChanged, this, join);
        }
    }
    for (const Sandbox& sandbox : std::as_const(chosen))
        watch(sandbox);
    if (m_noStream) {
        finishWhenAllDone();
        return;
    }
    m_begun();
    if (!m_json) {
        printTable();
        m_redraw.start();
    }
    if (m_named)
        finishWhenAllDone();
}

void StatsCommands::watch(const Sandbox& sandbox)
{
    Row entry;
    entry.id = sandbox.id;
    entry.name = sandbox.name;
    entry.stream = m_backend->openStats(sandbox.id);
    if (!entry.stream) {
        entry.done = true;
        entry.problem =
            Text::tr("%1 does not report live resource use.").arg(m_backend->displayName());
        m_rows.append(entry);
        return;
    }
    StatsStream* stream = entry.stream;
    stream->setParent(this);
    m_rows.append(entry);
    const QString id = sandbox.id;
    connect(stream, &StatsStream::sampled, this,
            [this, id](const ResourceSample& sample) { onSampled(id, sample); });
    connect(stream, &StatsStream::ended, this, [this, id] { onDone(id, nullptr); });
    connect(stream, &StatsStream::failed, this,
            [this, id](const Error& error) { onDone(id, &error); });
    stream->start();
}

StatsCommands::Row* StatsCommands::row(const QString& id)
{
    const auto it =
        std::find_if(m_rows.begin(), m_rows.end(), [&id](const Row& row) { return row.id == id; });
    return it == m_rows.end() ? nullptr : &*it;
}

void StatsCommands::onSampled(const QString& id, const ResourceSample& sample)
{
    Row* entry = row(id);
    if (!entry || entry->done)
        return;
    entry->sample = sample;
    entry->measured = true;
    if (m_noStream) {
        entry->done = true;
        entry->stream->stop();
        finishWhenAllDone();
    } else if (m_json) {
        out() << QJsonDocument(toJson(*entry)).toJson(QJsonDocument::Compact) << Qt::endl;
    }
}

void StatsCommands::onDone(const QString& id, const Error* error)
{
    Row* entry = row(id);
    if (!entry || entry->done)
        return;
    entry->done = true;
    // A sandbox that stopped shows zeros, as docker stats shows it.
    entry->sample = ResourceSample();
    if (error) {
        entry->problem = error->fullText();
        m_failed = true;
        if (!m_noStream)
            err() << entry->name << QLatin1String(": ") << entry->problem << Qt::endl;
    }
    if (m_noStream || m_named) {
        finishWhenAllDone();
    } else {
        // Without names the table follows what runs: a sandbox that stopped leaves it.
        entry->stream->deleteLater();
        m_rows.erase(m_rows.begin() + (entry - m_rows.data()));
    }
}

void StatsCommands::finishWhenAllDone()
{
    if (!std::all_of(m_rows.cbegin(), m_rows.cend(), [](const Row& row) { return row.done; }))
        return;
    m_redraw.stop();
    if (m_noStream) {
        if (m_json) {
            QJsonArray array;
            for (const Row& entry : std::as_const(m_rows))
                array.append(toJson(entry));
            out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        } else {
            printTable();
        }
        for (const Row& entry : std::as_const(m_rows)) {
            if (!entry.problem.isEmpty())
                err() << entry.name << QLatin1String(": ") << entry.problem << Qt::endl;
        }
    } else if (!m_json) {
        printTable();
    }
    m_finish({}, m_failed ? Failed : Ok);
}

QJsonObject StatsCommands::toJson(const Row& row) const
{
    const ResourceSample& sample = row.sample;
    return QJsonObject{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("backend"), m_backend->id()},
        {QStringLiteral("measured"), row.measured},
        {QStringLiteral("time"),
         sample.time.isValid() ? sample.time.toUTC().toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("cpuPercent"), sample.cpuPercent},
        {QStringLiteral("memoryBytes"), sample.memoryBytes},
        {QStringLiteral("memoryLimitBytes"), sample.memoryLimitBytes},
        {QStringLiteral("memoryPercent"), memoryPercent(sample)},
        {QStringLiteral("networkRxBytes"), sample.networkRxBytes},
        {QStringLiteral("networkTxBytes"), sample.networkTxBytes},
        {QStringLiteral("blockReadBytes"), sample.blockReadBytes},
        {QStringLiteral("blockWriteBytes"), sample.blockWriteBytes},
        {QStringLiteral("pids"), sample.pids},
    };
}

void StatsCommands::printTable()
{
    QList<QStringList> rows{{Text::tr("ID"), Text::tr("NAME"), Text::tr("CPU %"),
                             Text::tr("MEM USAGE / LIMIT"), Text::tr("MEM %"), Text::tr("NET I/O"),
                             Text::tr("BLOCK I/O"), Text::tr("PIDS")}};
    for (const Row& entry : std::as_const(m_rows)) {
        const ResourceSample& s = entry.sample;
        if (!entry.measured && !entry.done) {
            // Not measured yet: docker stats shows dashes too.
            const QString none = QStringLiteral("--");
            rows.append({entry.id.left(12), entry.name, none, none + QLatin1String(" / ") + none,
                         none, none + QLatin1String(" / ") + none,
                         none + QLatin1String(" / ") + none, none});
            continue;
        }
        rows.append({entry.id.left(12), entry.name,
                     QString::number(s.cpuPercent, 'f', 2) + QLatin1Char('%'),
                     binarySize(double(s.memoryBytes)) + QLatin1String(" / ") +
                         binarySize(double(s.memoryLimitBytes)),
                     QString::number(memoryPercent(s), 'f', 2) + QLatin1Char('%'),
                     decimalSize(double(s.networkRxBytes)) + QLatin1String(" / ") +
                         decimalSize(double(s.networkTxBytes)),
                     decimalSize(double(s.blockReadBytes)) + QLatin1String(" / ") +
                         decimalSize(double(s.blockWriteBytes)),
                     QString::number(s.pids)});
    }
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList& row : std::as_const(rows)) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], TextWidth::columns(row[column]));
    }
    // Streaming to a terminal redraws in place, as docker stats does.
    if (!m_noStream && ::isatty(STDOUT_FILENO) == 1)
        out() << "\x1b[2J\x1b[H";
    for (const QStringList& row : std::as_const(rows)) {
        QString line;
        for (qsizetype column = 0; column + 1 < row.size(); ++column)
            line += TextWidth::padRight(row[column], widths[column]) + QLatin1String("   ");
        out() << line + row.last() << Qt::endl;
    }
    if (!m_noStream && ::isatty(STDOUT_FILENO) != 1)
        out() << Qt::endl;
}
