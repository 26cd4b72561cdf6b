// A local stand-in for an OpenSandbox server (lifecycle API, execd in every sandbox) for
// tests, written from specs/sandbox-lifecycle.yml and specs/execd-api.yaml of the OpenSandbox
// repository: sandboxes are containers of a Docker engine and execd's API is answered with
// Docker execs, so any image with a POSIX shell will do.
#include "ExecdService.h"
#include "LifecycleServer.h"
#include "net/Endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QUuid>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A local OpenSandbox emulator for tests."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Loopback address and port (port 0 picks one)."),
                                    QStringLiteral("ADDRESS:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption dockerHost(
        QStringLiteral("docker-host"),
        QStringLiteral("Docker engine, e.g. unix:///run/docker.sock."), QStringLiteral("URL"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
                                    QStringLiteral("The key asked for in OPEN-SANDBOX-API-KEY "
                                                   "(default: $OPEN_SANDBOX_API_KEY)."),
                                    QStringLiteral("KEY"));
    const QCommandLineOption execdToken(
        QStringLiteral("execd-token"),
        QStringLiteral("A token execd asks for in X-EXECD-ACCESS-TOKEN (none by default)."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral("slow:MS (every reply waits), 5xx:N (the next N requests fail with 503), "
                       "drop:N (the next N command streams are cut after their first output), "
                       "malformed:N (the next N command streams get an event that is not JSON); "
                       "repeatable."),
        QStringLiteral("FAULT"));
    const QCommandLineOption instance(
        QStringLiteral("instance"),
        QStringLiteral("Labels every container made with sandboxdesk.opensandbox/emulator=NAME."),
        QStringLiteral("NAME"));
    const QCommandLineOption provision(
        QStringLiteral("provision-ms"),
        QStringLiteral("Milliseconds a new sandbox stays Pending before it starts."),
        QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption expiryCheck(
        QStringLiteral("expiry-check-ms"),
        QStringLiteral("Milliseconds between looks for expired sandboxes."), QStringLiteral("MS"),
        QStringLiteral("1000"));
    const QCommandLineOption noPty(
        QStringLiteral("no-pty"),
        QStringLiteral("execd answers /pty with 404, as one from before interactive sessions."));
    parser.addOptions(
        {listen, dockerHost, apiKey, execdToken, fault, instance, provision, expiryCheck, noPty});
    parser.process(app);

    const auto fail = [](const QString& message) {
        std::fprintf(stderr, "opensandbox-emulator: %s\n", qPrintable(message));
        return 2;
    };
    // From the environment, a key stays off the command line that every process can read.
    const QString key =
        parser.isSet(apiKey) ? parser.value(apiKey) : qEnvironmentVariable("OPEN_SANDBOX_API_KEY");
    if (key.isEmpty())
        return fail(QStringLiteral("--api-key or OPEN_SANDBOX_API_KEY is needed"));
    QString endpointError;
    const Endpoint docker = Endpoint::fromUrl(parser.value(dockerHost), &endpointError);
    if (!docker.isValid())
        return fail(QStringLiteral("--docker-host: ") + endpointError);
    const QString listenValue = parser.value(listen);
    const qsizetype colon = listenValue.lastIndexOf(QLatin1Char(':'));
    const QHostAddress address(listenValue.left(colon));
    bool portOk = false;
    const uint port = listenValue.mid(colon + 1).toUInt(&portOk);
    if (colon <= 0 || address.isNull() || !portOk || port > 65535)
        return fail(QStringLiteral("--listen wants ADDRESS:PORT"));
    if (!address.isLoopback())
        return fail(QStringLiteral("--listen accepts loopback addresses only"));
    bool numbersOk = false;
    const int provisionMs = parser.value(provision).toInt(&numbersOk);
    if (!numbersOk || provisionMs < 0)
        return fail(QStringLiteral("--provision-ms wants milliseconds"));
    const int expiryMs = parser.value(expiryCheck).toInt(&numbersOk);
    if (!numbersOk || expiryMs < 10)
        return fail(QStringLiteral("--expiry-check-ms wants milliseconds, at least 10"));

    LifecycleServer server(docker, key);
    server.instance = parser.isSet(instance) ? parser.value(instance)
                                             : QUuid::createUuid().toString(QUuid::Id128);
    server.provisionMs = provisionMs;
    server.expiryCheckMs = expiryMs;
    server.setExecdToken(parser.value(execdToken));
    server.execd()->setPtysEnabled(!parser.isSet(noPty));
    for (const QString& spec : parser.values(fault)) {
        if (!server.faults.apply(spec))
            return fail(QStringLiteral("bad --fault ") + spec);
    }
    QString error;
    if (!server.listen(address, quint16(port), &error))
        return fail(QStringLiteral("cannot listen: ") + error);
    // Tests read this line to learn the port when they asked for port 0.
    std::printf("listening on %s:%u\n", qPrintable(address.toString()), unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
