#pragma once

#include "files/SandboxFiles.h"

#include <QPointer>

class HttpClient;
class HttpReply;

// A container's files through the engine's archive API (HEAD, GET and PUT
// /containers/{id}/archive), which works on a stopped container too: stat, download and
// upload. Listing and changing files need a process in the container, which this class does
// not start; capabilities() says so.
class DockerSandboxFiles final : public SandboxFiles
{
    Q_OBJECT
public:
    DockerSandboxFiles(HttpClient* http, const QString& containerId, QObject* parent = nullptr);

    Capabilities capabilities() const override;
    QString limitation() const override;

    ResultJob<QList<FileEntry>>* list(const RemotePath& folder) override;
    ResultJob<FileEntry>* stat(const RemotePath& path) override;
    ResultJob<QList<FileEntry>>* find(const RemotePath& folder, const QByteArray& pattern) override;
    Job* makeFolder(const RemotePath& path, bool parents) override;
    Job* move(const RemotePath& from, const RemotePath& to) override;
    ResultJob<qint64>* countEntries(const RemotePath& path) override;
    Job* remove(const RemotePath& path, bool recursive) override;
    Job* changeMode(const RemotePath& path, quint32 mode) override;
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
    template<typename J> J* unsupported();

    QPointer<HttpClient> m_http;
    QString m_containerId;
    bool m_keepOwners = false;
};
