#pragma once

#include "HttpServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

// JSON answers in the shape both OpenSandbox APIs use ({"code","message"} for errors).
namespace Replies {

inline QByteArray compact(const QJsonValue& value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

inline void json(HttpExchange* exchange, int status, const QJsonValue& value,
                 const HeaderList& headers = {})
{
    exchange->send(status, compact(value), "application/json", headers);
}

inline void error(HttpExchange* exchange, int status, const QString& code, const QString& message,
                  const HeaderList& headers = {})
{
    json(exchange, status,
         QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}},
         headers);
}

// RFC 3339 in UTC with milliseconds, as the servers write times.
inline QString time(const QDateTime& when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace Replies
