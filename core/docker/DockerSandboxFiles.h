#pragma once

#include "files/ExecSandboxFiles.h"

#include <QPointer>

class HttpClient;
class HttpReply;

// A container's files: stat, download and upload through the engine's archive API (HEAD, GET
// and PUT /containers/{id}/archive), which works on a stopped container too; listing and
// changing files through exec sessions, as ExecSandboxFiles does, while it runs.
class DockerSandboxFiles final : public ExecSandboxFiles
{
    Q_OBJECT
public:
    DockerSandboxFiles(Backend* backend, HttpClient* http, const QString& containerId,
                       QObject* parent = nullptr);

    Capabilities capabilities() const override;
    QString limitation() const override;

    ResultJob<FileEntry>* stat(const RemotePath& path) override;
    Job* readArchive(const RemotePath& path, QIODevice* sink) override;
    Job* writeArchive(const RemotePath& folder, QIODevice* source, Owners owners) override;

    // The engine's X-Docker-Container-Path-Stat header: base64 of a JSON object.
    static bool parsePathStat(const QByteArray& header, FileEntry* entry);

private:
    QByteArray archiveTarget(const RemotePath& path) const;
    HttpReply* send(Job* job, const QByteArray& method, const RemotePath& path,
                    QIODevice* body = nullptr, bool streaming = false,
                    Owners owners = Owners::Sandbox);
    static Error errorFor(HttpReply* reply, const RemotePath& path);

    QPointer<HttpClient> m_http;
    QString m_containerId;
};
