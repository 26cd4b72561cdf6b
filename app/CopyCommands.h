#pragma once

#include "files/SandboxFiles.h"

#include <QObject>
#include <QStringList>

#include <functional>

class Backend;

// sandboxctl's cp, cat and put: transfers between this machine (or stdin and stdout) and a
// sandbox's files through Backend::openFiles(), streamed as tar, on every backend alike.
class CopyCommands final : public QObject
{
public:
    // An id or name to a sandbox id, or empty with *problem set.
    using Resolver = std::function<QString(const QString& idOrName, QString* problem)>;
    // Ends the command: message (if any) to stderr, then exit with code.
    using Finisher = std::function<void(const QString& message, int code)>;

    CopyCommands(Backend* backend, Resolver resolve, Finisher finish, QObject* parent = nullptr);

    static bool handles(const QString& verb);
    // The lines --help shows for these commands, translated.
    static QString usage();
    void run(const QString& verb, const QStringList& args);

private:
    struct Target
    {
        QString sandbox; // empty: a local path, or "-"
        QString local;
        RemotePath path;
    };
    static Target parseTarget(const QString& text);

    SandboxFiles* open(const QString& sandbox, SandboxFiles::Capabilities needed);
    void runCopy(const QStringList& args);
    void download(const Target& from, const QString& to);
    void downloadInto(const RemotePath& from, const FileEntry& entry, const QString& to);
    void upload(const QString& from, const Target& to, bool keepOwners);
    void uploadTo(const QString& from, const RemotePath& folder, const QByteArray& name,
                  bool keepOwners);
    void runCat(const QStringList& args);
    void catFile(const RemotePath& path, int hops);
    void runPut(const QStringList& args);
    void putStdin(const RemotePath& path);
    void failWith(const Error& error, const RemotePath& path);
    void done(int code) { m_finish({}, code); }
    void fail(const QString& message, int code = 1) { m_finish(message, code); }

    Backend* m_backend;
    Resolver m_resolve;
    Finisher m_finish;
    SandboxFiles* m_files = nullptr;
};
