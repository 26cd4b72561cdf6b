#include "OpenSandboxBackgroundCommands.h"

#include "ExecdClient.h"
#include "ExecdEventParser.h"
#include "OpenSandboxJson.h"
#include "net/HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

// A background command's start answers with a few small events.
constexpr qsizetype MaxStartEvent = 64 * 1024;

QByteArray idPath(const QString& id)
{
    return QUrl::toPercentEncoding(id);
}

} // namespace

OpenSandboxBackgroundCommands::OpenSandboxBackgroundCommands(OpenSandboxBackend* backend,
                                                             const QString& sandboxId)
    : BackgroundCommands(nullptr)
    , m_execd(new ExecdClient(backend, sandboxId, this))
{}

OpenSandboxBackgroundCommands::~OpenSandboxBackgroundCommands() = default;

ResultJob<QString>* OpenSandboxBackgroundCommands::start(const QString& shellCommand)
{
    auto* job = new ResultJob<QString>(this);
    const QJsonObject body{{QStringLiteral("command"), shellCommand},
                           {QStringLiteral("background"), true}};
    m_execd->send(
        job, "POST", "/command", QJsonDocument(body).toJson(QJsonDocument::Compact), {},
        [job](HttpReply* reply) {
            ExecdEventParser parser(MaxStartEvent);
            QList<QByteArray> events;
            parser.feed(reply->body(), &events);
            const QByteArray last = parser.finish();
            if (!last.isEmpty())
                events.append(last);
            QString id;
            QString failure;
            for (const QByteArray& event : std::as_const(events)) {
                const QJsonObject object = QJsonDocument::fromJson(event).object();
                const QString type = object.value(QLatin1String("type")).toString();
                if (type == QLatin1String("init"))
                    id = object.value(QLatin1String("text")).toString();
                else if (type == QLatin1String("error"))
                    failure = object.value(QLatin1String("error"))
                                  .toObject()
                                  .value(QLatin1String("evalue"))
                                  .toString();
            }
            if (id.isEmpty()) {
                job->finishWithError(Error::make(
                    Error::Protocol, tr("execd did not name the background command."), {},
                    failure.isEmpty() ? QString::fromUtf8(reply->body().left(512)) : failure));
                return;
            }
            job->finishWithValue(id);
        });
    return job;
}

BackgroundCommandStatus OpenSandboxBackgroundCommands::statusFrom(const QJsonObject& answer)
{
    BackgroundCommandStatus status;
    status.id = answer.value(QLatin1String("id")).toString();
    status.running = answer.value(QLatin1String("running")).toBool();
    const QJsonValue code = answer.value(QLatin1String("exit_code"));
    status.exitCode = code.isDouble() ? code.toInt() : -1;
    status.error = answer.value(QLatin1String("error")).toString();
    status.startedAt = OpenSandboxJson::parseTime(answer.value(QLatin1String("started_at")));
    status.finishedAt = OpenSandboxJson::parseTime(answer.value(QLatin1String("finished_at")));
    return status;
}

ResultJob<BackgroundCommandStatus>* OpenSandboxBackgroundCommands::status(const QString& id)
{
    auto* job = new ResultJob<BackgroundCommandStatus>(this);
    m_execd->send(job, "GET", "/command/status/" + idPath(id), {}, {}, [job](HttpReply* reply) {
        const QJsonDocument answer = QJsonDocument::fromJson(reply->body());
        if (!answer.isObject()) {
            job->finishWithError(Error::make(Error::Protocol,
                                             tr("execd's answer about a command is not JSON."), {},
                                             QString::fromUtf8(reply->body().left(512))));
            return;
        }
        job->finishWithValue(statusFrom(answer.object()));
    });
    return job;
}

ResultJob<BackgroundOutput>* OpenSandboxBackgroundCommands::output(const QString& id, qint64 cursor)
{
    auto* job = new ResultJob<BackgroundOutput>(this);
    QByteArray target = "/command/" + idPath(id) + "/logs";
    if (cursor >= 0)
        target += "?cursor=" + QByteArray::number(cursor);
    m_execd->send(job, "GET", target, {}, {}, [job, cursor](HttpReply* reply) {
        BackgroundOutput output;
        output.bytes = reply->body();
        bool ok = false;
        const qint64 next = reply->header("EXECD-COMMANDS-TAIL-CURSOR").toLongLong(&ok);
        output.cursor = ok && next >= 0 ? next : qMax<qint64>(cursor, 0) + output.bytes.size();
        job->finishWithValue(output);
    });
    return job;
}

Job* OpenSandboxBackgroundCommands::interrupt(const QString& id)
{
    auto* job = new Job(this);
    m_execd->send(job, "DELETE", "/command?id=" + idPath(id), {}, {},
                  [job](HttpReply*) { job->finishWithResult({}); });
    return job;
}
