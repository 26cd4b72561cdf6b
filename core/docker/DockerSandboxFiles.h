#pragma once

#include "files/ExecSandboxFiles.h"

#include <QPointer>

class HttpClient;
class HttpReply;

// A container's files: transfers through the engine's archive API (HEAD, GET and PUT
// /containers/{id}/archive), which works on a stopped container too; listing and changing
// files through exec (ExecSandboxFiles), which needs it running. Without a backend to exec
// through, only the archive API is there; capabilities() says so.
class DockerSandboxFiles final : public ExecSandboxFiles
{
    Q_OBJECT
public:
    DockerSandboxFiles(HttpClient* http, const QString& containerId, Backend* backend = nullptr,
                       QObject* parent = nullptr);

    Capabilities capabilities() const override;
    QString limitation() const override;

    // Through exec while the container runs (owners, names as bytes), else the archive API.
    ResultJob<FileEntry>* stat(const RemotePath& path) override;
    Job* readArchive(const RemotePath& path, QIODevice* sink) override;
    Job* writeArchive(const RemotePath& folder, QIODevice* source) override;

    // Uploads keep the archive's owners instead of making everything the container's root's
    // (docker cp -a).
    void setKeepOwners(bool keep) { m_keepOwners = keep; }

    // The engine's X-Docker-Container-Path-Stat header: base64 of a JSON object.
    static bool parsePathStat(const QByteArray& header, FileEntry* entry);

private:
    QByteArray archiveTarget(const RemotePath& path) const;
    HttpReply* send(Job* job, const QByteArray& method, const RemotePath& path,
                    QIODevice* body = nullptr, bool streaming = false);
    static Error errorFor(HttpReply* reply, const RemotePath& path);

    QPointer<HttpClient> m_http;
    QString m_containerId;
    bool m_keepOwners = false;
};
