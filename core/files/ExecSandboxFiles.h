#pragma once

#include "SandboxFiles.h"

#include <QPointer>

#include <functional>

class Backend;
class ExecSession;

// A sandbox's files through its backend's exec sessions alone: one process per call, running
// a portable sh script (ExecFilesScript) without a terminal, with stdout and stderr apart.
// Transfers go through tar and base64 in one session each, paced by credits in both
// directions. Works for any backend that can exec; it needs a running sandbox, sh, and for
// transfers tar, base64 and dd in the image.
class ExecSandboxFiles : public SandboxFiles
{
    Q_OBJECT
public:
    ExecSandboxFiles(Backend* backend, const QString& sandboxId, const QString& container = {},
                     QObject* parent = nullptr);

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

    // Exec sessions opened so far: one per call, whatever its size.
    int execCount() const { return m_execCount; }

    // The error of a script that ended with exitCode, about path.
    static Error scriptError(int exitCode, const QByteArray& stderrText, const RemotePath& path);

    // What a download may leave unread in its sink before the sandbox is asked to wait.
    static constexpr qint64 sinkBound = 4 * 1024 * 1024;
    // Chunks (about 512 KiB down, 192 KiB up) allowed on the way before one is acknowledged.
    static constexpr int window = 4;

protected:
    bool isRunning() const;
    Backend* backend() const;
    const QString& sandboxId() const { return m_sandboxId; }
    const QString& container() const { return m_container; }

    // Null with job failed when the call is not possible now (the sandbox is not running, the
    // path is not absolute); the session belongs to the job otherwise, not yet started.
    ExecSession* openScript(Job* job, const QString& script, const RemotePath& path);

private:
    using Handler = std::function<void(int exitCode, const QByteArray& out, const QByteArray& err)>;
    // Runs a script that reads nothing; onEnd gets its whole output (bounded).
    void runScript(Job* job, const QString& script, const RemotePath& path, const Handler& onEnd);
    Error notPossible(const RemotePath& path) const;
    Job* moveWith(const QString& script, const RemotePath& from, const RemotePath& to);

    QPointer<Backend> m_backend;
    QString m_sandboxId;
    QString m_container;
    int m_execCount = 0;
};
