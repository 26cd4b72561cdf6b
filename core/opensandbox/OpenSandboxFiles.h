#pragma once

#include "files/SandboxFiles.h"

#include <QPointer>

#include <functional>
#include <memory>

class ExecdClient;
class OpenSandboxBackend;

// A sandbox's files through execd's own files API: /directories/list, /files/info,
// /files/search, /directories, /files/mv, /files/permissions and the deletions. Paths travel
// as JSON strings, so a name that is not UTF-8 cannot be named. readArchive() writes a tar
// stream (ustar, pax records for long names) of what /files/download gives, file by file,
// without holding a file in memory; symbolic links are left out, as execd does not say where
// they point. writeArchive() makes what a tar stream holds through /directories and
// /files/upload (OpenSandboxUpload).
class OpenSandboxFiles final : public SandboxFiles
{
    Q_OBJECT
public:
    OpenSandboxFiles(OpenSandboxBackend* backend, const QString& sandboxId);
    ~OpenSandboxFiles() override;

    Capabilities capabilities() const override;
    QString limitation() const override;

    ResultJob<QList<FileEntry>>* list(const RemotePath& folder) override;
    ResultJob<FileEntry>* stat(const RemotePath& path) override;
    ResultJob<QList<FileEntry>>* find(const RemotePath& folder, const QByteArray& pattern) override;
    Job* makeFolder(const RemotePath& path, bool parents) override;
    Job* move(const RemotePath& from, const RemotePath& to) override;
    Job* replace(const RemotePath& from, const RemotePath& to) override;
    ResultJob<qint64>* countEntries(const RemotePath& path) override;
    Job* remove(const RemotePath& path, bool recursive) override;
    Job* changeMode(const RemotePath& path, quint32 mode) override;
    Job* readArchive(const RemotePath& path, QIODevice* sink) override;
    Job* writeArchive(const RemotePath& folder, QIODevice* source, Owners owners) override;

    // One entry of execd's file info ({"path", "type", "size", "mode", "owner", "group",
    // "modified_at"}); mode is written as octal digits in a decimal number (644).
    static FileEntry entryFromInfo(const QJsonObject& info, const QByteArray& name);
    // The tar header block(s) for an entry named name: a pax record first for a long name.
    static QByteArray tarHeader(const QByteArray& name, const FileEntry& entry);

private:
    using Answer = std::function<void(const QByteArray& body)>;
    // Sends a request to execd for job once its address is known; the job fails with the
    // error of a failed request, or onSuccess goes on with the body. path: for messages.
    void send(Job* job, const QByteArray& method, const QByteArray& target, const QByteArray& body,
              const RemotePath& path, const Answer& onSuccess);
    struct ArchiveRead;
    static QByteArray tarHeader(const QByteArray& name, const FileEntry& entry, char type);
    void writeNext(Job* job, const std::shared_ptr<ArchiveRead>& read);
    static bool writeToSink(Job* job, const std::shared_ptr<ArchiveRead>& read,
                            const QByteArray& bytes);
    // stat, then onEntry with what is there.
    void statThen(Job* job, const RemotePath& path,
                  const std::function<void(const FileEntry& entry)>& onEntry);

    QPointer<OpenSandboxBackend> m_backend;
    QString m_sandboxId;
    ExecdClient* m_execd;
};
