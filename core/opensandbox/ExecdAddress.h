#pragma once

#include "net/Endpoint.h"
#include "sandbox/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

struct OpenSandboxConfig;

// Where a sandbox's execd answers, from the server's answer for port 44772
// ({"endpoint": "host:port/path", "headers": {…}}): the connection, the path in front of
// execd's routes, and the headers every request carries (the access token; through the
// server's proxy also the API key, as the request then goes to the server).
struct ExecdAddress
{
    Endpoint endpoint;
    QByteArray pathPrefix;
    QList<QPair<QByteArray, QByteArray>> headers;

    // False with a translated error when the answer names nothing usable.
    static bool fromAnswer(const QJsonObject& answer, const OpenSandboxConfig& config,
                           ExecdAddress* address, Error* error);
};
