#pragma once

#include <QMetaType>
#include <QString>

// An error as the user sees it: a translated sentence, with the backend's own code and
// message kept under it for details.
struct Error
{
    enum Kind
    {
        None,
        Connection, // engine or service unreachable, connection dropped
        Protocol,   // malformed or oversized response
        NotFound,   // no such sandbox or image
        Conflict,   // name in use, wrong state for the operation
        Invalid,    // the request was refused as invalid
        Auth,       // credentials or permission
        Server,     // the backend failed
        Cancelled,
        Timeout,
    };

    Kind kind = None;
    QString message; // translated, for the user
    QString code;    // the backend's code (HTTP status, API error code)
    QString detail;  // the backend's own message

    bool isError() const { return kind != None; }
    QString fullText() const; // message, then code and detail when they add something

    static Error make(Kind kind, const QString& message, const QString& code = {},
                      const QString& detail = {});
};

Q_DECLARE_METATYPE(Error)
