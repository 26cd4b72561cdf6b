#include "Endpoint.h"

#include <QCoreApplication>
#include <QUrl>

QByteArray Endpoint::hostHeader() const
{
    if (kind == Kind::Tcp)
        return host.toUtf8() + ':' + QByteArray::number(port);
    return "docker";
}

Endpoint Endpoint::fromUrl(const QString& text, QString* error)
{
    const auto failWith = [error](const QString& message) {
        if (error)
            *error = message;
        return Endpoint();
    };

    Endpoint endpoint;
    endpoint.url = text.trimmed();
    if (endpoint.url.isEmpty())
        return failWith(QCoreApplication::translate("Endpoint", "No address given."));

    if (endpoint.url.startsWith(QLatin1Char('/'))) {
        endpoint.kind = Kind::Unix;
        endpoint.socketPath = endpoint.url;
        return endpoint;
    }

    const QUrl url(endpoint.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || scheme.isEmpty()) {
        return failWith(
            QCoreApplication::translate("Endpoint", "“%1” is not a valid address.").arg(text));
    }

    if (scheme == QLatin1String("unix")) {
        endpoint.kind = Kind::Unix;
        endpoint.socketPath = url.path();
        if (endpoint.socketPath.isEmpty())
            return failWith(QCoreApplication::translate("Endpoint", "The socket path is empty."));
        return endpoint;
    }
    if (scheme == QLatin1String("tcp") || scheme == QLatin1String("http") ||
        scheme == QLatin1String("https")) {
        endpoint.kind = Kind::Tcp;
        endpoint.host = url.host();
        endpoint.tls = scheme == QLatin1String("https");
        const int defaultPort = endpoint.tls || scheme == QLatin1String("tcp") ? 2376 : 2375;
        endpoint.port = quint16(url.port(scheme == QLatin1String("http") ? 80 : defaultPort));
        if (scheme == QLatin1String("https") && url.port() < 0)
            endpoint.port = 443;
        if (endpoint.host.isEmpty())
            return failWith(QCoreApplication::translate("Endpoint", "The host name is empty."));
        return endpoint;
    }
    if (scheme == QLatin1String("ssh")) {
        endpoint.kind = Kind::Process;
        endpoint.host = url.host();
        if (endpoint.host.isEmpty())
            return failWith(QCoreApplication::translate("Endpoint", "The host name is empty."));
        if (endpoint.host.startsWith(QLatin1Char('-')) ||
            url.userName().startsWith(QLatin1Char('-')))
            return failWith(
                QCoreApplication::translate("Endpoint", "“%1” is not a valid address.").arg(text));
        QString target = endpoint.host;
        if (!url.userName().isEmpty())
            target.prepend(url.userName() + QLatin1Char('@'));
        endpoint.program = QStringLiteral("ssh");
        if (url.port() > 0)
            endpoint.sshOptions << QStringLiteral("-p") << QString::number(url.port());
        endpoint.sshDestination = target;
        endpoint.remoteCommand = {QStringLiteral("docker"), QStringLiteral("system"),
                                  QStringLiteral("dial-stdio")};
        // "--" keeps a host name that starts with "-" from being read as an ssh option.
        endpoint.arguments = endpoint.sshOptions;
        endpoint.arguments << QStringLiteral("-T") << QStringLiteral("--") << target
                           << endpoint.remoteCommand;
        return endpoint;
    }
    return failWith(
        QCoreApplication::translate("Endpoint", "Unsupported address scheme “%1”.").arg(scheme));
}
