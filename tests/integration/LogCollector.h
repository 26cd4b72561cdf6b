#pragma once

#include "DockerTestEnvironment.h"
#include "logs/LogBuffer.h"
#include "sandbox/LogStream.h"

#include <QObject>

// Everything a LogStream delivers, kept per stream both raw and as `docker logs -t` prints it.
struct LogCollector
{
    explicit LogCollector(LogStream* stream, qint64 memoryLimit = LogBuffer::DefaultMemoryLimit)
        : buffer(memoryLimit)
    {
        QObject::connect(stream, &LogStream::received, stream,
                         [this](LogStream::Stream which, const QByteArray& bytes, qint64 time) {
                             const int s = which == LogStream::Stream::Stderr ? 2 : 1;
                             if (raw[s].size() < 1024 * 1024)
                                 raw[s] += bytes;
                             if (stamped[s].size() < 1024 * 1024)
                                 stamped[s] += LogStream::formatTimestamp(time) + ' ' + bytes;
                             total[s] += bytes.size();
                             ++messages;
                             buffer.append(which, bytes, time);
                         });
        QObject::connect(stream, &LogStream::interrupted, stream, [this](const Error& reason) {
            ++interruptions;
            lastInterruption = reason;
        });
        QObject::connect(stream, &LogStream::resumed, stream, [this] { ++resumptions; });
        QObject::connect(stream, &LogStream::ended, stream, [this] {
            ended = true;
            buffer.flush();
        });
        QObject::connect(stream, &LogStream::failed, stream, [this](const Error& error) {
            failure = error;
            buffer.flush();
        });
    }

    // The buffer's lines of one stream: the order across streams is the engine's to choose.
    QList<QByteArray> lines(LogStream::Stream which) const
    {
        QList<QByteArray> result;
        for (qint64 i = 0; i < buffer.count(); ++i) {
            if (buffer.stream(i) == which)
                result << buffer.line(i);
        }
        return result;
    }

    QByteArray raw[3];
    QByteArray stamped[3];
    qint64 total[3] = {};
    qint64 messages = 0;
    int interruptions = 0;
    int resumptions = 0;
    Error lastInterruption;
    bool ended = false;
    Error failure;
    LogBuffer buffer;
};

// What the docker CLI prints for the same container, with timestamps: [1] stdout, [2] stderr.
inline std::array<QByteArray, 3> cliLogs(const QString& id, const QStringList& options = {})
{
    const auto result = DockerTestEnvironment::docker(
        QStringList{QStringLiteral("logs"), QStringLiteral("-t")} + options + QStringList{id});
    return {QByteArray(), result.out, result.err};
}

inline QString runContainer(const QStringList& options, const QString& script)
{
    QStringList arguments{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                          QStringLiteral("none")};
    arguments << options << DockerTestEnvironment::image() << QStringLiteral("sh")
              << QStringLiteral("-c") << script;
    const auto result = DockerTestEnvironment::docker(arguments);
    if (result.exitCode != 0)
        qWarning("docker run failed: %s", result.err.constData());
    return QString::fromUtf8(result.out).trimmed();
}
