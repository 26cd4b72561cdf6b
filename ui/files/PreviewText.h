#pragma once

#include <QByteArray>
#include <QString>

// The start of a file made into text for the preview: the encoding found from a byte order
// mark or from the bytes themselves, and lines too long to lay out cut short.
struct PreviewText
{
    enum class Encoding
    {
        Utf8,
        Utf8Bom,
        Utf16LE,
        Utf16BE,
        Latin1, // not valid UTF-8: each byte shown as one character
        Binary  // NUL bytes and no UTF-16 mark: not text
    };

    static constexpr int MaxLineLength = 20000;

    QString text;
    Encoding encoding = Encoding::Utf8;
    bool linesCut = false; // a line was longer than MaxLineLength

    // truncated: data is only the start of the file, so its last character may be cut.
    static PreviewText decode(const QByteArray& data, bool truncated);
    // The bytes that text becomes in encoding (not Binary), with the mark it had.
    static QByteArray encode(const QString& text, Encoding encoding);
    // A short translated name for encoding, for the preview's header.
    static QString encodingName(Encoding encoding);
};
