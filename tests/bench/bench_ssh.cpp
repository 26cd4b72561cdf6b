// bench_ssh: 50 requests sent at once to an engine over ssh, from a fresh client each time:
// wall time, the logins sshd accepted (each one handshake) and the requests that failed, for
//   - one ssh process per connection with no bound (as before connections were pooled),
//   - one ssh process per connection, 4 at most (the pool alone),
//   - the shared logins of SshMultiplexer (what ssh:// engines use).
// Needs the private sshd of scripts/test: SANDBOXDESK_TEST_SSH_HOST, SANDBOXDESK_TEST_SSH_BIN
// (prepended to PATH) and SANDBOXDESK_TEST_SSHD_LOG, as scripts/test sets them; run it inside
// a shell of that environment (see README.md).
#include "BenchSupport.h"
#include "net/ConnectionReaper.h"
#include "net/HttpClient.h"
#include "net/SshMultiplexer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <memory>

namespace {

constexpr int Requests = 50;

int handshakes()
{
    QFile log(qEnvironmentVariable("SANDBOXDESK_TEST_SSHD_LOG"));
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    return int(log.readAll().count("Accepted publickey for "));
}

struct Figures
{
    qint64 ms = 0;
    int logins = 0;
    int failed = 0;
};

Figures burst(const Endpoint& endpoint, int maxConnections)
{
    const int before = handshakes();
    auto client = std::make_unique<HttpClient>(endpoint);
    client->setMaxConnections(maxConnections);
    QElapsedTimer timer;
    timer.start();
    QList<HttpReply*> replies;
    for (int i = 0; i < Requests; ++i)
        replies << client->send(HttpRequest::get("/_ping"));
    BenchSupport::waitUntil(
        [&] {
            return std::all_of(replies.begin(), replies.end(),
                               [](HttpReply* reply) { return reply->isFinished(); });
        },
        120000);
    Figures figures;
    figures.ms = timer.elapsed();
    for (HttpReply* reply : std::as_const(replies)) {
        if (!reply->isFinished() || reply->error().isError() || reply->status() != 200)
            ++figures.failed;
    }
    client.reset();
    // Let every ssh process end before the next round is counted.
    BenchSupport::waitUntil([] { return ConnectionReaper::instance()->pending() == 0; }, 30000);
    figures.logins = handshakes() - before;
    return figures;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString host = qEnvironmentVariable("SANDBOXDESK_TEST_SSH_HOST");
    const QString bin = qEnvironmentVariable("SANDBOXDESK_TEST_SSH_BIN");
    if (host.isEmpty() || bin.isEmpty() || handshakes() < 0) {
        std::fprintf(stderr, "bench_ssh: SANDBOXDESK_TEST_SSH_HOST, SANDBOXDESK_TEST_SSH_BIN and "
                             "SANDBOXDESK_TEST_SSHD_LOG are set by scripts/test\n");
        return 1;
    }
    qputenv("PATH", (bin + QLatin1Char(':') + qEnvironmentVariable("PATH")).toLocal8Bit());
    QString error;
    const Endpoint shared = Endpoint::fromUrl(host, &error);
    if (!shared.isValid()) {
        std::fprintf(stderr, "bench_ssh: %s\n", qPrintable(error));
        return 1;
    }
    // Without a destination the client runs the whole ssh command line per connection.
    Endpoint perConnection = shared;
    perConnection.sshDestination.clear();

    std::printf("%d requests at once over ssh, from a fresh client (3 rounds each)\n", Requests);
    std::printf("%-42s %10s %10s %8s\n", "", "wall ms", "handshakes", "failed");
    const struct
    {
        const char* name;
        const Endpoint* endpoint;
        int maxConnections;
    } cases[] = {
        {"ssh process per connection, unbounded", &perConnection, Requests},
        {"ssh process per connection, pool of 4", &perConnection, 4},
        {"shared login (SshMultiplexer), pool of 4", &shared, 4},
    };
    for (const auto& each : cases) {
        for (int round = 0; round < 3; ++round) {
            const Figures figures = burst(*each.endpoint, each.maxConnections);
            std::printf("%-42s %10lld %10d %8d\n", round == 0 ? each.name : "",
                        static_cast<long long>(figures.ms), figures.logins, figures.failed);
            std::fflush(stdout);
        }
    }
    return 0;
}
