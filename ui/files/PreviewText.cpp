#include "PreviewText.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringEncoder>

namespace {

bool decodes(QStringDecoder::Encoding encoding, const QByteArray& data, QString* text)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    *text = decoder.decode(data);
    return !decoder.hasError();
}

QString cutLongLines(const QString& text, bool* cut)
{
    *cut = false;
    QString result;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        const qsizetype length = end - start;
        if (length > PreviewText::MaxLineLength) {
            if (!*cut)
                result = text.left(start);
            *cut = true;
            result += QStringView(text).mid(start, PreviewText::MaxLineLength);
            result += QStringLiteral("…");
        } else if (*cut) {
            result += QStringView(text).mid(start, length);
        }
        if (*cut && end < text.size())
            result += QLatin1Char('\n');
        start = end + 1;
    }
    return *cut ? result : text;
}

} // namespace

PreviewText PreviewText::decode(const QByteArray& data, bool truncated)
{
    PreviewText result;
    QString text;
    if (data.startsWith("\xEF\xBB\xBF")) {
        result.encoding = Encoding::Utf8Bom;
        QStringDecoder decoder(QStringDecoder::Utf8);
        text = decoder.decode(data.mid(3));
    } else if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF")) {
        const bool little = data.startsWith("\xFF\xFE");
        result.encoding = little ? Encoding::Utf16LE : Encoding::Utf16BE;
        QByteArray body = data.mid(2);
        if (body.size() % 2)
            body.chop(1);
        QStringDecoder decoder(little ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        text = decoder.decode(body);
    } else if (data.left(8192).contains('\0')) {
        result.encoding = Encoding::Binary;
        return result;
    } else {
        bool valid = decodes(QStringDecoder::Utf8, data, &text);
        // The start of a file may end inside a character: up to three bytes of it.
        for (int chop = 1; !valid && truncated && chop <= 3 && chop < data.size(); ++chop)
            valid = decodes(QStringDecoder::Utf8, data.chopped(chop), &text);
        if (!valid) {
            result.encoding = Encoding::Latin1;
            text = QString::fromLatin1(data);
        }
    }
    result.text = cutLongLines(text, &result.linesCut);
    return result;
}

QByteArray PreviewText::encode(const QString& text, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return text.toUtf8();
    case Encoding::Utf8Bom:
        return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    case Encoding::Utf16LE: {
        QStringEncoder encoder(QStringEncoder::Utf16LE);
        return QByteArray("\xFF\xFE") + QByteArray(encoder.encode(text));
    }
    case Encoding::Utf16BE: {
        QStringEncoder encoder(QStringEncoder::Utf16BE);
        return QByteArray("\xFE\xFF") + QByteArray(encoder.encode(text));
    }
    case Encoding::Latin1:
        return text.toLatin1();
    case Encoding::Binary:
        break;
    }
    return {};
}

QString PreviewText::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QCoreApplication::translate("PreviewText", "UTF-8 with BOM");
    case Encoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Encoding::Latin1:
        return QCoreApplication::translate("PreviewText",
                                           "Latin-1 (not valid UTF-8, shown byte by byte)");
    case Encoding::Binary:
        return QCoreApplication::translate("PreviewText", "binary");
    }
    return {};
}
