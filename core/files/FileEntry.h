#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// A path inside a sandbox, as the bytes the sandbox uses: names need not be UTF-8, and
// may hold spaces, newlines and control characters. Always absolute ("/", "/etc/hosts").
using RemotePath = QByteArray;

// One name in a sandbox's folder, as `ls -l` would describe it.
struct FileEntry
{
    enum class Type
    {
        File,
        Folder,
        Symlink,
        Other // device, FIFO, socket: listed, never transferred
    };

    QByteArray name; // the last part of the path; for find(), the path below the folder searched
    Type type = Type::File;
    qint64 size = 0;
    quint32 mode = 0; // permission bits with setuid, setgid and sticky (07777)
    QString owner;    // the name, or the number when the sandbox has no name for it
    QString group;
    QDateTime modified; // UTC
    QByteArray linkTarget;

    bool isHidden() const { return name.startsWith('.'); }
};

namespace RemotePaths {
// folder + "/" + name, without doubling the slash.
RemotePath join(const RemotePath& folder, const QByteArray& name);
// "/a/b" -> "/a"; "/" stays "/".
RemotePath parent(const RemotePath& path);
QByteArray fileName(const RemotePath& path);
// For showing a name or path: invalid UTF-8 as \xNN, control characters as \n, \t, \xNN,
// and bidirectional overrides and isolates as \u202E and so on, so that a name cannot
// pretend to be another.
QString displayName(const QByteArray& name);
} // namespace RemotePaths

Q_DECLARE_METATYPE(FileEntry)
