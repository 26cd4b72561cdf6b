#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

struct OpenSandboxConfig;

// An OpenSandbox server as the user set it up. It holds the name of its API key's keychain
// item, never the key.
struct OpenSandboxServer
{
    Q_DECLARE_TR_FUNCTIONS(OpenSandboxServer)

public:
    QString name;
    QString domain; // host:port or a URL, as OPEN_SANDBOX_DOMAIN
    QString protocol = QStringLiteral("http");
    bool useServerProxy = false; // reach execd through the server rather than its endpoint
    // Kept in memory for this run only, key included: for when no keychain can be used.
    bool sessionOnly = false;

    // The keychain item of the API key, as a CredentialStore key.
    QString apiKeyKey() const;
    // Empty when the server can be saved; otherwise what is wrong, one sentence each.
    QStringList validate() const;
    OpenSandboxConfig config(const QString& apiKey) const;

    bool operator==(const OpenSandboxServer& other) const;
};

// The OpenSandbox servers in QSettings (the session-only ones in memory beside them).
class OpenSandboxServers
{
public:
    // An empty path uses the platform's default location for the organisation and app name.
    explicit OpenSandboxServers(const QString& path = {});
    ~OpenSandboxServers();
    Q_DISABLE_COPY_MOVE(OpenSandboxServers)

    // Saved ones in the order they were added, then the session-only ones.
    QList<OpenSandboxServer> servers() const;
    OpenSandboxServer server(const QString& name, bool* found = nullptr) const;
    bool contains(const QString& name) const;
    // Adds the server, or replaces the one with its name.
    void save(const OpenSandboxServer& server);
    void remove(const QString& name);
    void sync() { m_settings->sync(); }

private:
    QList<OpenSandboxServer> loadSaved() const;
    void storeSaved(const QList<OpenSandboxServer>& servers);

    std::unique_ptr<QSettings> m_settings;
    QList<OpenSandboxServer> m_sessionOnly;
};
