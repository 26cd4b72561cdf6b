#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class DockerCalls;
class HttpExchange;

// execd's files and directories API, done with busybox tools through Docker execs.
class ExecdFiles final : public QObject
{
public:
    explicit ExecdFiles(DockerCalls* docker, QObject* parent = nullptr);

    static bool handles(const QByteArray& path);
    void handle(HttpExchange* exchange, const QString& container, const QByteArray& path);

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QString failure; // the exec itself failed (container paused or gone)
    };
    using Done = std::function<void(const Result&)>;
    // sh -c SCRIPT sh ARGS…, with input on stdin.
    void shell(const QString& container, const QString& script, const QStringList& args,
               const Done& done, const QByteArray& input = {});
    // Answers a failed step: 404 for a missing file, 502 when Docker could not run it, else 500.
    static void fail(HttpExchange* exchange, const Result& result, const QString& what);
    static QList<QJsonObject> parseStat(const QByteArray& out);

    void info(HttpExchange* exchange, const QString& container);
    void removeFiles(HttpExchange* exchange, const QString& container);
    void permissions(HttpExchange* exchange, const QString& container, bool makeDirectories);
    void move(HttpExchange* exchange, const QString& container);
    void search(HttpExchange* exchange, const QString& container);
    void replace(HttpExchange* exchange, const QString& container);
    void upload(HttpExchange* exchange, const QString& container);
    void download(HttpExchange* exchange, const QString& container);
    void list(HttpExchange* exchange, const QString& container);
    void removeDirectories(HttpExchange* exchange, const QString& container);

    DockerCalls* m_docker;
};
