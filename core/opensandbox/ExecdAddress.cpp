#include "ExecdAddress.h"

#include "OpenSandboxClient.h"

#include <QCoreApplication>
#include <QUrl>

bool ExecdAddress::fromAnswer(const QJsonObject& answer, const OpenSandboxConfig& config,
                              ExecdAddress* address, Error* error)
{
    QString text = answer.value(QLatin1String("endpoint")).toString().trimmed();
    if (!text.contains(QLatin1String("://")))
        text = (config.protocol.isEmpty() ? QStringLiteral("http") : config.protocol) +
               QStringLiteral("://") + text;
    const QUrl url(text, QUrl::StrictMode);
    QUrl root = url;
    root.setPath({});
    const Endpoint endpoint = Endpoint::fromUrl(root.toString());
    if (!url.isValid() || url.host().isEmpty() || !endpoint.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        *error = Error::make(Error::Protocol,
                             QCoreApplication::translate(
                                 "ExecdAddress",
                                 "The OpenSandbox server gave an execd address that cannot be "
                                 "used."),
                             {}, text);
        return false;
    }
    address->endpoint = endpoint;
    address->pathPrefix = url.path(QUrl::FullyEncoded).toUtf8();
    if (address->pathPrefix.endsWith('/'))
        address->pathPrefix.chop(1);
    address->headers = {qMakePair(QByteArray("Host"), endpoint.hostHeader())};
    const QJsonObject headers = answer.value(QLatin1String("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        address->headers.append(qMakePair(it.key().toUtf8(), it.value().toString().toUtf8()));
    if (config.useServerProxy)
        address->headers.append(
            qMakePair(QByteArray("OPEN-SANDBOX-API-KEY"), config.apiKey.toUtf8()));
    return true;
}
