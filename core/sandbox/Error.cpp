#include "Error.h"

#include <QStringList>

QString Error::fullText() const
{
    QString text = message;
    QStringList extra;
    if (!code.isEmpty())
        extra << code;
    if (!detail.isEmpty() && detail != message)
        extra << detail;
    if (!extra.isEmpty())
        text += QStringLiteral(" (") + extra.join(QStringLiteral(": ")) + QLatin1Char(')');
    return text;
}

Error Error::make(Kind kind, const QString& message, const QString& code, const QString& detail)
{
    Error error;
    error.kind = kind;
    error.message = message;
    error.code = code;
    error.detail = detail;
    return error;
}
