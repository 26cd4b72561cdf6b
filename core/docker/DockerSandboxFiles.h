#pragma once

#include "files/ExecSandboxFiles.h"

#include <QHash>
#include <QPointer>

#include <functional>
#include <memory>

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
    ResultJob<FileEntry>* statWithoutOwner(const RemotePath& path) override;
    Job* readArchive(const RemotePath& path, QIODevice* sink) override;
    Job* writeArchive(const RemotePath& folder, QIODevice* source, Owners owners) override;

    // The engine's X-Docker-Container-Path-Stat header: base64 of a JSON object.
    static bool parsePathStat(const QByteArray& header, FileEntry* entry);
    // id -> name from /etc/passwd or /etc/group text; the first line for an id wins.
    static QHash<qint64, QString> parseAccounts(const QByteArray& text);

private:
    struct Accounts
    {
        QHash<qint64, QString> users;
        QHash<qint64, QString> groups;
    };

    QByteArray archiveTarget(const RemotePath& path) const;
    // The container's user and group names, read once through the archive API; empty maps
    // when it has none.
    void withAccounts(Job* job, const std::function<void(const Accounts&)>& then);
    // The first bytes (up to a bound) of a small file, or nothing when it cannot be read.
    void readSmallFile(Job* job, const RemotePath& path,
                       const std::function<void(const QByteArray&)>& then);
    HttpReply* send(Job* job, const QByteArray& method, const RemotePath& path,
                    QIODevice* body = nullptr, bool streaming = false,
                    Owners owners = Owners::Sandbox);
    static Error errorFor(HttpReply* reply, const RemotePath& path);

    QPointer<HttpClient> m_http;
    QString m_containerId;
    std::shared_ptr<const Accounts> m_accounts;
};
