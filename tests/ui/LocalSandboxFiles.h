#pragma once

#include "files/SandboxFiles.h"

#include <QString>

// A sandbox's files held in a local folder, for widget tests that need no engine: "/" is the
// folder given. Jobs finish from the event loop, as a real backend's do.
class LocalSandboxFiles final : public SandboxFiles
{
    Q_OBJECT
public:
    explicit LocalSandboxFiles(const QString& root, QObject* parent = nullptr);

    Capabilities capabilities() const override { return m_capabilities; }
    QString limitation() const override { return m_limitation; }

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

    QString localPath(const RemotePath& path) const;

    void setCapabilities(Capabilities capabilities, const QString& limitation = {})
    {
        m_capabilities = capabilities;
        m_limitation = limitation;
    }
    bool holdListing = false; // list() jobs never finish on their own
    Error listError;          // when set, every list() fails with it
    int listCalls = 0;
    qint64 archiveBytesRead = 0; // what readArchive() wrote into its sinks
    QList<QByteArray> calls;     // "remove /a", "move /a /b", … in order

private:
    template<typename T> ResultJob<T>* finishLater(const T& value, const Error& error = {});
    Job* finishLater(const Error& error = {});
    FileEntry describe(const QString& local, const QByteArray& name) const;

    QString m_root;
    Capabilities m_capabilities = CanList | CanModify | CanReadArchive | CanWriteArchive;
    QString m_limitation;
};
