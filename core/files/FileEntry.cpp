#include "FileEntry.h"

namespace {

// Length of the valid UTF-8 sequence at data[i], 0 when it is not one.
int utf8SequenceLength(const QByteArray& data, qsizetype i, char32_t* codePoint)
{
    const auto lead = static_cast<unsigned char>(data[i]);
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        *codePoint = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > data.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(data[i + k]);
        if ((next & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past Unicode are not UTF-8.
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *codePoint = value;
    return length;
}

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

QString hexEscape(const char* prefix, uint value, int digits)
{
    return QLatin1String(prefix) +
           QString::number(value, 16).toUpper().rightJustified(digits, QLatin1Char('0'));
}

} // namespace

namespace RemotePaths {

RemotePath join(const RemotePath& folder, const QByteArray& name)
{
    if (folder.endsWith('/'))
        return folder + name;
    return folder + '/' + name;
}

RemotePath parent(const RemotePath& path)
{
    QByteArray trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith('/'))
        trimmed.chop(1);
    const qsizetype slash = trimmed.lastIndexOf('/');
    if (slash <= 0)
        return "/";
    return trimmed.left(slash);
}

QByteArray fileName(const RemotePath& path)
{
    QByteArray trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith('/'))
        trimmed.chop(1);
    return trimmed.mid(trimmed.lastIndexOf('/') + 1);
}

QString displayName(const QByteArray& name)
{
    QString shown;
    shown.reserve(name.size());
    for (qsizetype i = 0; i < name.size();) {
        char32_t c = 0;
        const int length = utf8SequenceLength(name, i, &c);
        if (length == 0) {
            shown += hexEscape("\\x", static_cast<unsigned char>(name[i]), 2);
            ++i;
            continue;
        }
        i += length;
        if (c == '\n')
            shown += QLatin1String("\\n");
        else if (c == '\t')
            shown += QLatin1String("\\t");
        else if (c == '\\')
            shown += QLatin1String("\\\\");
        else if (c < 0x20 || (c >= 0x7F && c < 0xA0))
            shown += hexEscape("\\x", c, 2);
        else if (isBidiControl(c))
            shown += hexEscape("\\u", c, 4);
        else
            shown += QString::fromUcs4(&c, 1);
    }
    return shown;
}

} // namespace RemotePaths
