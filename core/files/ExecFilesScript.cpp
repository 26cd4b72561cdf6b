#include "ExecFilesScript.h"

#include <QDateTime>

namespace ExecFilesScript {

namespace {

// Shared by every script: C messages, and the checks that turn into our exit statuses.
// d() describes its arguments in the listing format; it holds no single quote, so that find
// can hand it to an inner sh -c '...'.
const char* const prelude = R"(export LC_ALL=C
w() { [ -e "$1" ] || [ -L "$1" ] || exit 90; }
g() { w "$1"; [ -d "$1" ] || exit 92; exit 91; }
need() { for t do command -v "$t" >/dev/null 2>&1 || { printf "%s\n" "$t" >&2; exit 95; }; done; }
)";

const char* const describe = R"(d() {
printf "G %d\n" $#
if s=$(stat -c "%f %s %u %g %Y %U %G" -- "$@" 2>/dev/null); then printf "%s\n" "$s"
else for e do stat -c "%f %s %u %g %Y %U %G" -- "$e" 2>/dev/null || echo "?"; done; fi
for e do printf "%s\0" "$e"; if [ -L "$e" ]; then readlink -- "$e"; fi; printf "\0"; done
}
)";

QString script(std::initializer_list<QString> parts)
{
    QString text = QLatin1String(prelude);
    for (const QString& part : parts)
        text += part;
    return text;
}

bool isPlainByte(char c)
{
    return c >= 0x20 && c < 0x7F && c != '\'' && c != '\\' && c != '%';
}

FileEntry::Type typeFromMode(quint32 mode)
{
    switch (mode & 0170000) {
    case 0040000:
        return FileEntry::Type::Folder;
    case 0100000:
        return FileEntry::Type::File;
    case 0120000:
        return FileEntry::Type::Symlink;
    default:
        return FileEntry::Type::Other;
    }
}

bool parseNumber(const QByteArray& text, int base, qint64* value)
{
    if (text.isEmpty() || text.size() > 20 || text.startsWith('-') || text.startsWith('+'))
        return false;
    bool ok = false;
    *value = text.toLongLong(&ok, base);
    return ok && *value >= 0;
}

// "<mode hex> <size> <uid> <gid> <mtime> <user> <group>"; false when malformed.
bool parseStatLine(const QByteArray& line, FileEntry* entry)
{
    const QList<QByteArray> fields = line.split(' ');
    if (fields.size() < 5)
        return false;
    qint64 mode = 0, size = 0, uid = 0, gid = 0, mtime = 0;
    if (!parseNumber(fields[0], 16, &mode) || mode > 0xFFFFFFFF ||
        !parseNumber(fields[1], 10, &size) || !parseNumber(fields[2], 10, &uid) ||
        !parseNumber(fields[3], 10, &gid))
        return false;
    // Times before 1970 are negative; stat prints them with a sign.
    bool ok = false;
    mtime = fields[4].toLongLong(&ok);
    if (!ok)
        return false;
    entry->type = typeFromMode(quint32(mode));
    entry->mode = quint32(mode) & 07777;
    entry->size = size;
    entry->modified = QDateTime::fromSecsSinceEpoch(mtime, Qt::UTC);
    // Names the sandbox has none for come as UNKNOWN; a name with a space makes the line
    // ambiguous, and then the numbers are shown.
    const bool named = fields.size() == 7;
    const QByteArray user = named ? fields[5] : QByteArray();
    const QByteArray group = named ? fields[6] : QByteArray();
    entry->owner =
        user.isEmpty() || user == "UNKNOWN" ? QString::number(uid) : QString::fromUtf8(user);
    entry->group =
        group.isEmpty() || group == "UNKNOWN" ? QString::number(gid) : QString::fromUtf8(group);
    return true;
}

} // namespace

QString assign(const char* name, const QByteArray& bytes)
{
    QString text = QLatin1String(name) + QLatin1String("=$(printf '");
    for (const char c : bytes) {
        if (isPlainByte(c))
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\%1").arg(uint(static_cast<unsigned char>(c)), 3, 8,
                                               QLatin1Char('0'));
    }
    // The X keeps trailing newlines from being cut off by the command substitution.
    text += QLatin1String("X'); ") + QLatin1String(name) + QLatin1String("=${") +
            QLatin1String(name) + QLatin1String("%X}\n");
    return text;
}

QString list(const RemotePath& folder)
{
    return script({QLatin1String(describe), QStringLiteral("need stat\n"), assign("p", folder),
                   QStringLiteral(R"(cd -- "$p" 2>/dev/null || g "$p"
[ -r . ] || exit 91
set -- *; [ -e "$1" ] || [ -L "$1" ] || shift; [ $# -eq 0 ] || d "$@"
set -- .[!.]*; [ -e "$1" ] || [ -L "$1" ] || shift; [ $# -eq 0 ] || d "$@"
set -- ..?*; [ -e "$1" ] || [ -L "$1" ] || shift; [ $# -eq 0 ] || d "$@"
exit 0
)")});
}

QString stat(const RemotePath& path)
{
    return script({QLatin1String(describe), QStringLiteral("need stat\n"), assign("p", path),
                   QStringLiteral("w \"$p\"; d \"$p\"; exit 0\n")});
}

QString find(const RemotePath& folder, const QByteArray& pattern)
{
    // find's status is left out: a folder it may not enter is no reason to lose the rest.
    return script({QStringLiteral("need stat find\n"), assign("p", folder), assign("q", pattern),
                   QStringLiteral("cd -- \"$p\" 2>/dev/null || g \"$p\"\n"
                                  "find . ! -name . -name \"$q\" -exec sh -c '") +
                       QLatin1String(describe) +
                       QStringLiteral("d \"$@\"' sh {} + 2>/dev/null\nexit 0\n")});
}

QString makeFolder(const RemotePath& path, bool parents)
{
    return script({assign("p", path),
                   parents ? QStringLiteral("mkdir -p -- \"$p\" || exit\nexit 0\n")
                           : QStringLiteral("{ [ -e \"$p\" ] || [ -L \"$p\" ]; } && exit 93\n"
                                            "mkdir -- \"$p\" || exit\nexit 0\n")});
}

QString move(const RemotePath& from, const RemotePath& to)
{
    return script({assign("a", from), assign("b", to), QStringLiteral(R"(w "$a"
{ [ -e "$b" ] || [ -L "$b" ]; } && exit 93
mv -- "$a" "$b" || exit
exit 0
)")});
}

QString replace(const RemotePath& from, const RemotePath& to)
{
    // mv would put a into a folder b instead of replacing it.
    return script({assign("a", from), assign("b", to), QStringLiteral(R"(w "$a"
[ -d "$b" ] && [ ! -L "$b" ] && exit 93
mv -f -- "$a" "$b" || exit
exit 0
)")});
}

QString countEntries(const RemotePath& path)
{
    return script({QStringLiteral("need find\n"), assign("p", path),
                   QStringLiteral("w \"$p\"\nfind \"$p\" -exec sh -c 'echo $#' sh {} + || exit\n"
                                  "exit 0\n")});
}

QString remove(const RemotePath& path, bool recursive)
{
    return script({assign("p", path),
                   QStringLiteral("w \"$p\"\nif [ -d \"$p\" ] && [ ! -L \"$p\" ]; then\n") +
                       (recursive ? QStringLiteral("rm -rf -- \"$p\" || exit\n")
                                  : QStringLiteral("rmdir -- \"$p\" || exit\n")) +
                       QStringLiteral("else rm -f -- \"$p\" || exit; fi\n"
                                      "{ [ -e \"$p\" ] || [ -L \"$p\" ]; } && exit 91\nexit 0\n")});
}

QString changeMode(const RemotePath& path, quint32 mode)
{
    return script(
        {assign("p", path), QStringLiteral("w \"$p\"\nchmod %1 -- \"$p\" || exit\nexit 0\n")
                                .arg(mode & 07777, 4, 8, QLatin1Char('0'))});
}

QString readArchive(const RemotePath& path)
{
    QByteArray trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith('/'))
        trimmed.chop(1);
    const bool root = trimmed == "/";
    const RemotePath parent = root ? RemotePath("/") : RemotePaths::parent(trimmed);
    const QByteArray name = root ? QByteArray(".") : RemotePaths::fileName(trimmed);
    // Each chunk is at most 8 reads of a pipe (512 KiB) and waits for a credit line on the
    // original stdin, so the sandbox never runs far ahead of a slow reader.
    return script({QStringLiteral("need tar base64 dd\n"), assign("p", trimmed),
                   assign("c", parent), assign("n", name), QStringLiteral(R"(w "$p"
cd -- "$c" 2>/dev/null || g "$c"
exec 3<&0
{ tar cf - -- "$n"; echo "#sdk-tar $?" >&2; } | {
while c=$(dd bs=65536 count=8 2>/dev/null | base64) && [ -n "$c" ]; do
printf "%s\n.\n" "$c"
IFS= read -r a <&3 || exit 0
done
}
exit 0
)")});
}

QString writeArchive(const RemotePath& folder)
{
    // dd reads exactly one chunk, so that the lengths in between stay for read.
    return script({QStringLiteral("need tar base64 dd\n"), assign("p", folder), QStringLiteral(R"(
cd -- "$p" 2>/dev/null || g "$p"
[ -w . ] || exit 91
echo | dd bs=1 count=1 iflag=fullblock >/dev/null 2>&1 || { echo "dd iflag=fullblock" >&2; exit 95; }
while IFS= read -r n && [ "$n" -gt 0 ]; do
dd bs="$n" count=1 iflag=fullblock 2>/dev/null || exit 1
echo "#sdk-ack" >&2
done | base64 -d | tar xf -
)")});
}

bool parseListing(const QByteArray& output, QList<FileEntry>* entries, QString* error,
                  bool stripDotSlash)
{
    entries->clear();
    qsizetype pos = 0;
    const auto fail = [error](const QString& why) {
        *error = why;
        return false;
    };
    const auto takeUntil = [&output, &pos](char end, QByteArray* field) {
        const qsizetype at = output.indexOf(end, pos);
        if (at < 0)
            return false;
        *field = output.mid(pos, at - pos);
        pos = at + 1;
        return true;
    };
    while (pos < output.size()) {
        QByteArray header;
        if (!takeUntil('\n', &header) || !header.startsWith("G "))
            return fail(QStringLiteral("a group does not start with its count"));
        qint64 count = 0;
        // Each entry takes at least two bytes of names and two of a line.
        if (!parseNumber(header.mid(2), 10, &count) || count == 0 ||
            count > (output.size() - pos) / 4)
            return fail(QStringLiteral("a group's count is out of range"));
        QList<FileEntry> group(count);
        QList<bool> present(count, true);
        for (qint64 i = 0; i < count; ++i) {
            QByteArray line;
            if (!takeUntil('\n', &line))
                return fail(QStringLiteral("a group has fewer lines than its count"));
            if (line == "?")
                present[i] = false;
            else if (!parseStatLine(line, &group[i]))
                return fail(QStringLiteral("a line of numbers cannot be read: %1")
                                .arg(QString::fromLatin1(line.left(80).toPercentEncoding(" "))));
        }
        for (qint64 i = 0; i < count; ++i) {
            QByteArray name;
            QByteArray target;
            if (!takeUntil('\0', &name) || !takeUntil('\0', &target))
                return fail(QStringLiteral("a group has fewer names than its count"));
            if (name.isEmpty())
                return fail(QStringLiteral("an entry has an empty name"));
            if (!target.isEmpty()) {
                if (!target.endsWith('\n'))
                    return fail(QStringLiteral("a link target is not terminated"));
                target.chop(1);
            }
            if (!present[i])
                continue;
            if (stripDotSlash) {
                if (!name.startsWith("./") || name.size() < 3)
                    return fail(QStringLiteral("a found name is not below the folder"));
                name = name.mid(2);
            }
            FileEntry& entry = group[i];
            entry.name = name;
            if (entry.type == FileEntry::Type::Symlink)
                entry.linkTarget = target;
            entries->append(entry);
        }
    }
    return true;
}

qint64 parseCount(const QByteArray& output)
{
    qint64 total = 0;
    for (const QByteArray& line : output.split('\n')) {
        if (line.isEmpty())
            continue;
        qint64 value = 0;
        if (!parseNumber(line, 10, &value) || value > (qint64(1) << 40))
            return -1;
        total += value;
    }
    return total;
}

QByteArray uploadChunk(const QByteArray& raw)
{
    const QByteArray encoded = raw.toBase64();
    return QByteArray::number(encoded.size()) + '\n' + encoded;
}

QByteArray uploadEnd()
{
    return "0\n";
}

bool DownloadDecoder::feed(const QByteArray& bytes, QByteArray* data, int* chunksEnded)
{
    *chunksEnded = 0;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', pos);
        const qsizetype take = (end < 0 ? bytes.size() : end) - pos;
        if (m_line.size() + take > maxLineBytes) {
            m_error =
                QStringLiteral("a line of the download is longer than %1 bytes").arg(maxLineBytes);
            return false;
        }
        m_line.append(bytes.constData() + pos, take);
        if (end < 0)
            break;
        pos = end + 1;
        if (m_line == ".") {
            ++*chunksEnded;
        } else if (!m_line.isEmpty()) {
            auto decoded = QByteArray::fromBase64Encoding(
                m_line, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                m_error = QStringLiteral("the download is not valid base64");
                return false;
            }
            data->append(*decoded);
        }
        m_line.clear();
    }
    return true;
}

} // namespace ExecFilesScript
