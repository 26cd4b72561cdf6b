#pragma once

#include "FileEntry.h"
#include "sandbox/Job.h"

#include <QObject>

class QIODevice;

// The files of one sandbox, made by Backend::openFiles(). It has no parent and belongs to
// the caller; the jobs it hands out are its children and delete themselves after finished()
// (the rule of Backend.h). Every call works through the same signatures on every backend;
// capabilities() says which of them this sandbox supports now, and a call outside them
// finishes with an Error that says why (for example "the sandbox is not running").
class SandboxFiles : public QObject
{
    Q_OBJECT
public:
    enum Capability
    {
        CanList = 1 << 0,         // list, stat, find
        CanModify = 1 << 1,       // makeFolder, move, remove, changeMode
        CanReadArchive = 1 << 2,  // download
        CanWriteArchive = 1 << 3, // upload
        // writeArchive() with Owners::FromArchive: the archive's uid and gid are kept
        // (docker cp -a)
        PreservesOwnership = 1 << 4,
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)

    // Who owns what an upload unpacks.
    enum class Owners
    {
        Sandbox,     // as the backend unpacks by default (docker cp without -a)
        FromArchive, // the archive's uid and gid, as docker cp -a; only with PreservesOwnership
    };

    using QObject::QObject;

    // What works now. A stopped Docker container still has its archive API, so it can be
    // read and written but not listed or modified.
    virtual Capabilities capabilities() const = 0;
    // Why a capability is missing, translated; empty when nothing is.
    virtual QString limitation() const = 0;

    // The folder's entries without "." and "..", in no particular order.
    virtual ResultJob<QList<FileEntry>>* list(const RemotePath& folder) = 0;
    // A symlink is described itself, not followed. Error::NotFound when there is nothing.
    virtual ResultJob<FileEntry>* stat(const RemotePath& path) = 0;
    // stat() where owner and group may be left empty: what a transfer or a change asks
    // first, cheaper on a backend that needs more requests for the names (Docker: one HEAD
    // instead of a GET that starts a tar of the path and reads of /etc/passwd and /etc/group).
    virtual ResultJob<FileEntry>* statWithoutOwner(const RemotePath& path) { return stat(path); }
    // Entries under folder whose name matches pattern (shell glob, as `find -name`),
    // at any depth; each name is the path below folder.
    virtual ResultJob<QList<FileEntry>>* find(const RemotePath& folder,
                                              const QByteArray& pattern) = 0;

    virtual Job* makeFolder(const RemotePath& path, bool parents) = 0;
    virtual Job* move(const RemotePath& from, const RemotePath& to) = 0;
    // Moves from over to in one step, replacing a file or symlink there (never a folder), as
    // mv -f does; how an upload takes the place of a file once it is complete.
    virtual Job* replace(const RemotePath& from, const RemotePath& to) = 0;
    // How many entries remove(path, true) would delete, path itself included; for asking
    // before a recursive delete.
    virtual ResultJob<qint64>* countEntries(const RemotePath& path) = 0;
    virtual Job* remove(const RemotePath& path, bool recursive) = 0;
    virtual Job* changeMode(const RemotePath& path, quint32 mode) = 0;

    // Writes a tar stream of path (a file, or a folder with everything below it, named by
    // its last part as `docker cp` does) into sink as it arrives, never the whole archive
    // in memory: while sink->bytesToWrite() is above a bound, reading waits for
    // bytesWritten(). progressed() reports bytes so far and, when known, the total.
    // The sink is not closed; the job finishes after the last byte was written to it.
    virtual Job* readArchive(const RemotePath& path, QIODevice* sink) = 0;
    // Reads a tar stream from source until its end (readChannelFinished() for a sequential
    // device, atEnd() otherwise) and unpacks it into folder, which must exist. Owners::
    // FromArchive without PreservesOwnership fails with ownershipUnsupported().
    virtual Job* writeArchive(const RemotePath& folder, QIODevice* source, Owners owners) = 0;

    // Why an upload cannot keep the archive's owners here, translated.
    static Error ownershipUnsupported();
};

Q_DECLARE_OPERATORS_FOR_FLAGS(SandboxFiles::Capabilities)
