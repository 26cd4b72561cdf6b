#pragma once

#include "FileEntry.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The POSIX sh scripts that ExecSandboxFiles runs in a sandbox, and the readers of what they
// print. Everything here is written down in one place because it is a wire format of our own:
// the scripts use only what busybox, Alpine and Debian all have (stat -c, readlink, find
// -exec {} +, dd iflag=fullblock, tar, base64), keep every path out of the command line's
// text encoding (each is rebuilt from printf octal escapes, so the script stays ASCII), and
// print names NUL-terminated, so that any byte but NUL and '/' survives.
//
// A listing is a sequence of groups:
//   "G <n>\n", then n lines "<mode hex> <size> <uid> <gid> <mtime> <user> <group>" (or "?"
//   for an entry that vanished meanwhile), then n times "<name>\0<link target>\n\0" (the
//   target and its newline only for a symlink).
// A download prints base64 lines, a "." line after each chunk, and waits for one line on
// stdin (a credit) per chunk; tar's status comes on stderr as "#sdk-tar <status>".
// An upload reads "<length>\n" and that many base64 characters per chunk, "0\n" at the end,
// and answers each chunk with "#sdk-ack" on stderr once the sandbox has taken it.
namespace ExecFilesScript {

// Exit statuses the scripts use for what they find out themselves.
enum Status
{
    NotFound = 90,
    Denied = 91,
    NotFolder = 92,
    Exists = 93,
    NotEmpty = 94,
    MissingTool = 95, // the tool's name on stderr
};

QString list(const RemotePath& folder);
QString stat(const RemotePath& path);
QString find(const RemotePath& folder, const QByteArray& pattern);
QString makeFolder(const RemotePath& path, bool parents);
QString move(const RemotePath& from, const RemotePath& to);
// As move, over a file or symlink at to; Exists when to is a folder.
QString replace(const RemotePath& from, const RemotePath& to);
// Prints one count per line, to be added up.
QString countEntries(const RemotePath& path);
QString remove(const RemotePath& path, bool recursive);
QString changeMode(const RemotePath& path, quint32 mode);
QString readArchive(const RemotePath& path);
QString writeArchive(const RemotePath& folder);

// A statement that sets shell variable name to bytes exactly (trailing newlines included).
QString assign(const char* name, const QByteArray& bytes);

// Reads a listing; entries that vanished while listed are left out. With stripDotSlash,
// names lose the "./" that find puts in front. False with *error set on anything malformed.
bool parseListing(const QByteArray& output, QList<FileEntry>* entries, QString* error,
                  bool stripDotSlash = false);
// Adds up countEntries()'s lines; -1 when malformed.
qint64 parseCount(const QByteArray& output);

// Upload chunks: raw bytes per chunk (a multiple of 3, so that only the last one is padded).
constexpr qsizetype uploadChunkBytes = 3 * 64 * 1024;
QByteArray uploadChunk(const QByteArray& raw); // "<length>\n<base64>"
QByteArray uploadEnd();                        // "0\n"
constexpr const char* ackLine = "#sdk-ack";
constexpr const char* tarStatusPrefix = "#sdk-tar ";

// Download stream: base64 lines and chunk ends. Fed in arbitrary pieces.
class DownloadDecoder
{
public:
    // Decoded bytes go to *data; *chunksEnded counts "." lines. False on malformed input.
    bool feed(const QByteArray& bytes, QByteArray* data, int* chunksEnded);
    bool atLineStart() const { return m_line.isEmpty(); }
    const QString& errorString() const { return m_error; }

    static constexpr qsizetype maxLineBytes = 4096;

private:
    QByteArray m_line;
    QString m_error;
};

} // namespace ExecFilesScript
