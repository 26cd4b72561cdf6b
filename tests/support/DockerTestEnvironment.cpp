#include "DockerTestEnvironment.h"

#include <QRandomGenerator>
#include <QUuid>

namespace DockerTestEnvironment {

QString missing()
{
    for (const char* name : {"DOCKER_HOST", "SANDBOXDESK_TEST_IMAGE"}) {
        if (qEnvironmentVariableIsEmpty(name)) {
            return QStringLiteral("%1 is not set: run the tests through scripts/test, which "
                                  "starts a private Docker engine.")
                .arg(QLatin1String(name));
        }
    }
    return {};
}

QString image()
{
    return qEnvironmentVariable("SANDBOXDESK_TEST_IMAGE");
}

static Result run(const QString& program, const QStringList& arguments, int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out or failed to start: " + program.toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

Result docker(const QStringList& arguments, int timeoutMs)
{
    return run(QStringLiteral("docker"), arguments, timeoutMs);
}

Result engine(const QString& verb, const QStringList& arguments)
{
    return run(qEnvironmentVariable("SANDBOXDESK_ENGINE_SCRIPT"),
               QStringList{verb, qEnvironmentVariable("SANDBOXDESK_ENGINE_DIR")} + arguments,
               120000);
}

QString uniqueName(const QString& prefix)
{
    return prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

QStringList allIds()
{
    const Result result = docker({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"),
                                  QStringLiteral("--no-trunc")});
    QStringList ids = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ids.sort();
    return ids;
}

} // namespace DockerTestEnvironment
