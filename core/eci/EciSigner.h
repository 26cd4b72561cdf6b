#pragma once

#include "credentials/EciCredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

using EciParams = QList<QPair<QString, QString>>;
using EciHeaders = QList<QPair<QByteArray, QByteArray>>;

// Alibaba Cloud RPC request signing, V3 (ACS3-HMAC-SHA256) and V1 (HMAC-SHA1). Pure
// functions: the time and the nonce are inputs, so that signatures can be reproduced.
class EciSigner final
{
public:
    using Version = EciSignatureVersion;

    struct Request
    {
        QByteArray method = "POST";
        QByteArray host; // with ":port" when the port is not the scheme's default
        QString action;
        QString version;
        EciParams query; // the action's own parameters, unencoded
        QByteArray body;
        QByteArray contentType; // signed in V3 when not empty
        QDateTime time;         // UTC
        QString nonce;
    };

    // What goes on the wire: the query (V1 adds the common parameters and the signature)
    // and the headers to add (V3: host, x-acs-*, Authorization).
    struct Signed
    {
        EciParams query;
        EciHeaders headers;
    };

    static Signed sign(Version version, const Request& request, const EciCredentials& credentials);

    // RFC 3986 on UTF-8 bytes: everything but A-Z a-z 0-9 - _ . ~ becomes %XX (upper case).
    static QByteArray percentEncode(const QString& text);
    // Sorted by encoded name, then value; "name=value" joined with "&".
    static QByteArray canonicalQuery(const EciParams& params);
    static QString timestamp(const QDateTime& time); // yyyy-MM-ddTHH:mm:ssZ

    // Flattening for list parameters: Command.1, Command.2 …
    static void appendList(EciParams* params, const QString& prefix, const QStringList& values);
    // Tag.1.Key, Tag.1.Value … one entry per item, each a list of (field, value).
    static void appendObjects(EciParams* params, const QString& prefix,
                              const QList<EciParams>& items);

    // V3 building blocks. headers: lower-case names, any order; all of them are signed.
    static QByteArray v3CanonicalRequest(const QByteArray& method, const EciParams& query,
                                         const EciHeaders& headers, const QByteArray& bodyHashHex);
    static QByteArray v3Signature(const QByteArray& canonicalRequest, const QString& secret);

    // V1: params are everything but Signature, common parameters included.
    static QByteArray v1StringToSign(const QByteArray& method, const EciParams& params);
    static QByteArray v1Signature(const QByteArray& method, const EciParams& params,
                                  const QString& secret);

    struct V3Authorization
    {
        QString accessKeyId;
        QList<QByteArray> signedHeaders;
        QByteArray signature;
        bool valid = false;
    };
    static V3Authorization parseV3Authorization(const QByteArray& header);

    // The verify side, for a server (the emulator): recomputes the signature from what was
    // received and compares in constant time. headers: lower-case names.
    static bool verifyV3(const QByteArray& method, const EciParams& query,
                         const EciHeaders& headers, const QByteArray& body, const QString& secret);
    static bool verifyV1(const QByteArray& method, const EciParams& params, const QString& secret);

    static bool constantTimeEquals(const QByteArray& a, const QByteArray& b);
};
