#include "EciSigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace {

const QByteArray v3Algorithm = "ACS3-HMAC-SHA256";

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}

QByteArray headerValue(const EciHeaders& headers, const QByteArray& name)
{
    for (const auto& header : headers) {
        if (header.first == name)
            return header.second;
    }
    return {};
}

} // namespace

QByteArray EciSigner::percentEncode(const QString& text)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        if (isUnreserved(c)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        }
    }
    return out;
}

QByteArray EciSigner::canonicalQuery(const EciParams& params)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(params.size());
    for (const auto& param : params)
        encoded.append({percentEncode(param.first), percentEncode(param.second)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto& param : std::as_const(encoded)) {
        if (!out.isEmpty())
            out += '&';
        out += param.first + '=' + param.second;
    }
    return out;
}

QString EciSigner::timestamp(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

void EciSigner::appendList(EciParams* params, const QString& prefix, const QStringList& values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        params->append({prefix + QLatin1Char('.') + QString::number(i + 1), values.at(i)});
}

void EciSigner::appendObjects(EciParams* params, const QString& prefix,
                              const QList<EciParams>& items)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPrefix =
            prefix + QLatin1Char('.') + QString::number(i + 1) + QLatin1Char('.');
        for (const auto& field : items.at(i))
            params->append({itemPrefix + field.first, field.second});
    }
}

QByteArray EciSigner::v3CanonicalRequest(const QByteArray& method, const EciParams& query,
                                         const EciHeaders& headers, const QByteArray& bodyHashHex)
{
    EciHeaders sorted;
    for (const auto& header : headers)
        sorted.append({header.first.trimmed().toLower(), header.second.trimmed()});
    std::sort(sorted.begin(), sorted.end());
    QByteArray canonicalHeaders;
    QList<QByteArray> names;
    for (const auto& header : std::as_const(sorted)) {
        canonicalHeaders += header.first + ':' + header.second + '\n';
        names.append(header.first);
    }
    return method + "\n/\n" + canonicalQuery(query) + '\n' + canonicalHeaders + '\n' +
           names.join(';') + '\n' + bodyHashHex;
}

QByteArray EciSigner::v3Signature(const QByteArray& canonicalRequest, const QString& secret)
{
    const QByteArray stringToSign =
        v3Algorithm + '\n' +
        QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();
    return QMessageAuthenticationCode::hash(stringToSign, secret.toUtf8(),
                                            QCryptographicHash::Sha256)
        .toHex();
}

QByteArray EciSigner::v1StringToSign(const QByteArray& method, const EciParams& params)
{
    return method + "&%2F&" + percentEncode(QString::fromLatin1(canonicalQuery(params)));
}

QByteArray EciSigner::v1Signature(const QByteArray& method, const EciParams& params,
                                  const QString& secret)
{
    return QMessageAuthenticationCode::hash(v1StringToSign(method, params), secret.toUtf8() + '&',
                                            QCryptographicHash::Sha1)
        .toBase64();
}

EciSigner::Signed EciSigner::sign(Version version, const Request& request,
                                  const EciCredentials& credentials)
{
    Signed out;
    if (version == Version::V1) {
        out.query = request.query;
        out.query.append({QStringLiteral("Format"), QStringLiteral("JSON")});
        out.query.append({QStringLiteral("Version"), request.version});
        out.query.append({QStringLiteral("Action"), request.action});
        out.query.append({QStringLiteral("AccessKeyId"), credentials.accessKeyId});
        out.query.append({QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")});
        out.query.append({QStringLiteral("SignatureVersion"), QStringLiteral("1.0")});
        out.query.append({QStringLiteral("SignatureNonce"), request.nonce});
        out.query.append({QStringLiteral("Timestamp"), timestamp(request.time)});
        if (!credentials.securityToken.isEmpty())
            out.query.append({QStringLiteral("SecurityToken"), credentials.securityToken});
        const QByteArray signature =
            v1Signature(request.method, out.query, credentials.accessKeySecret);
        out.query.append({QStringLiteral("Signature"), QString::fromLatin1(signature)});
        return out;
    }

    out.query = request.query;
    const QByteArray bodyHash =
        QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex();
    EciHeaders headers{
        {"host", request.host},
        {"x-acs-action", request.action.toUtf8()},
        {"x-acs-version", request.version.toUtf8()},
        {"x-acs-date", timestamp(request.time).toLatin1()},
        {"x-acs-signature-nonce", request.nonce.toUtf8()},
        {"x-acs-content-sha256", bodyHash},
    };
    if (!request.contentType.isEmpty())
        headers.append({"content-type", request.contentType});
    if (!credentials.securityToken.isEmpty())
        headers.append({"x-acs-security-token", credentials.securityToken.toUtf8()});
    const QByteArray canonical = v3CanonicalRequest(request.method, out.query, headers, bodyHash);
    QList<QByteArray> names;
    for (const auto& header : std::as_const(headers))
        names.append(header.first);
    std::sort(names.begin(), names.end());
    out.headers = headers;
    out.headers.append(
        {"authorization", v3Algorithm + " Credential=" + credentials.accessKeyId.toUtf8() +
                              ",SignedHeaders=" + names.join(';') +
                              ",Signature=" + v3Signature(canonical, credentials.accessKeySecret)});
    return out;
}

EciSigner::V3Authorization EciSigner::parseV3Authorization(const QByteArray& header)
{
    V3Authorization out;
    const QByteArray trimmed = header.trimmed();
    if (!trimmed.startsWith(v3Algorithm + ' '))
        return out;
    bool haveCredential = false;
    bool haveHeaders = false;
    const QList<QByteArray> parts = trimmed.mid(v3Algorithm.size() + 1).split(',');
    for (const QByteArray& rawPart : parts) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            return out;
        const QByteArray name = part.left(eq);
        const QByteArray value = part.mid(eq + 1);
        if (name == "Credential") {
            out.accessKeyId = QString::fromUtf8(value);
            haveCredential = true;
        } else if (name == "SignedHeaders") {
            out.signedHeaders = value.split(';');
            haveHeaders = true;
        } else if (name == "Signature") {
            out.signature = value;
        }
    }
    out.valid =
        haveCredential && haveHeaders && !out.signature.isEmpty() && !out.accessKeyId.isEmpty();
    return out;
}

bool EciSigner::verifyV3(const QByteArray& method, const EciParams& query,
                         const EciHeaders& headers, const QByteArray& body, const QString& secret)
{
    const V3Authorization auth = parseV3Authorization(headerValue(headers, "authorization"));
    if (!auth.valid)
        return false;
    // Every header the spec requires to be signed must be among the signed ones.
    for (const auto& header : headers) {
        const bool required = header.first == "host" || header.first == "content-type" ||
                              header.first.startsWith("x-acs-");
        if (required && !auth.signedHeaders.contains(header.first))
            return false;
    }
    EciHeaders signedHeaders;
    for (const QByteArray& name : auth.signedHeaders) {
        bool found = false;
        for (const auto& header : headers) {
            if (header.first == name) {
                signedHeaders.append(header);
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    const QByteArray bodyHash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    if (!constantTimeEquals(headerValue(headers, "x-acs-content-sha256").toLower(), bodyHash))
        return false;
    const QByteArray canonical = v3CanonicalRequest(method, query, signedHeaders, bodyHash);
    return constantTimeEquals(v3Signature(canonical, secret), auth.signature.toLower());
}

bool EciSigner::verifyV1(const QByteArray& method, const EciParams& params, const QString& secret)
{
    EciParams unsignedParams;
    QByteArray received;
    for (const auto& param : params) {
        if (param.first == QLatin1String("Signature"))
            received = param.second.toLatin1();
        else
            unsignedParams.append(param);
    }
    if (received.isEmpty())
        return false;
    return constantTimeEquals(v1Signature(method, unsignedParams, secret), received);
}

bool EciSigner::constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}
