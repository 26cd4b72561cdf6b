#include "OpenSandboxServers.h"

#include "credentials/CredentialStore.h"
#include "opensandbox/OpenSandboxClient.h"
#include "settings/EciAccounts.h"

#include <algorithm>

namespace {

const QString arrayName = QStringLiteral("opensandbox/servers");
const QString apiKeyField = QStringLiteral("opensandbox-api-key");

} // namespace

QString OpenSandboxServer::apiKeyKey() const
{
    return CredentialStore::key(name, apiKeyField);
}

QStringList OpenSandboxServer::validate() const
{
    QStringList problems;
    // The name is part of the keychain key, as an ECI account's is.
    if (!EciAccount::isValidName(name))
        problems << tr("The server name may use letters, digits, spaces, “.”, “@”, “_” and "
                       "“-”, must start with a letter or digit and be at most 64 characters.");
    if (protocol != QLatin1String("http") && protocol != QLatin1String("https"))
        problems << tr("The protocol is http or https.");
    QString domainProblem;
    if (domain.trimmed().isEmpty())
        problems << tr("The domain is required, for example localhost:8080.");
    else if (!OpenSandboxClient::baseUrl(domain, protocol, &domainProblem).isValid())
        problems << domainProblem;
    return problems;
}

OpenSandboxConfig OpenSandboxServer::config(const QString& apiKey) const
{
    OpenSandboxConfig config;
    config.name = name;
    config.domain = domain;
    config.protocol = protocol;
    config.apiKey = apiKey;
    config.useServerProxy = useServerProxy;
    return config;
}

bool OpenSandboxServer::operator==(const OpenSandboxServer& other) const
{
    return name == other.name && domain == other.domain && protocol == other.protocol &&
           useServerProxy == other.useServerProxy && sessionOnly == other.sessionOnly;
}

OpenSandboxServers::OpenSandboxServers(const QString& path)
    : m_settings(path.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(path, QSettings::IniFormat))
{}

OpenSandboxServers::~OpenSandboxServers() = default;

QList<OpenSandboxServer> OpenSandboxServers::servers() const
{
    return loadSaved() + m_sessionOnly;
}

OpenSandboxServer OpenSandboxServers::server(const QString& name, bool* found) const
{
    const QList<OpenSandboxServer> all = servers();
    for (const OpenSandboxServer& server : all) {
        if (server.name == name) {
            if (found)
                *found = true;
            return server;
        }
    }
    if (found)
        *found = false;
    return {};
}

bool OpenSandboxServers::contains(const QString& name) const
{
    bool found = false;
    server(name, &found);
    return found;
}

void OpenSandboxServers::save(const OpenSandboxServer& server)
{
    QList<OpenSandboxServer> saved = loadSaved();
    const auto sameName = [&server](const OpenSandboxServer& s) {
        return s.name == server.name;
    };
    m_sessionOnly.removeIf(sameName);
    const auto it = std::find_if(saved.begin(), saved.end(), sameName);
    if (server.sessionOnly) {
        if (it != saved.end())
            saved.erase(it);
        m_sessionOnly << server;
    } else if (it != saved.end()) {
        *it = server; // in place, so that the list keeps its order
    } else {
        saved << server;
    }
    storeSaved(saved);
}

void OpenSandboxServers::remove(const QString& name)
{
    QList<OpenSandboxServer> saved = loadSaved();
    const auto sameName = [&name](const OpenSandboxServer& s) {
        return s.name == name;
    };
    saved.removeIf(sameName);
    m_sessionOnly.removeIf(sameName);
    storeSaved(saved);
}

QList<OpenSandboxServer> OpenSandboxServers::loadSaved() const
{
    QList<OpenSandboxServer> servers;
    const int count = m_settings->beginReadArray(arrayName);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        OpenSandboxServer server;
        server.name = m_settings->value(QStringLiteral("name")).toString();
        server.domain = m_settings->value(QStringLiteral("domain")).toString();
        server.protocol =
            m_settings->value(QStringLiteral("protocol"), QStringLiteral("http")).toString();
        server.useServerProxy = m_settings->value(QStringLiteral("useServerProxy")).toBool();
        // A hand-edited entry that could not be saved from the app is left out.
        if (server.validate().isEmpty())
            servers << server;
    }
    m_settings->endArray();
    return servers;
}

void OpenSandboxServers::storeSaved(const QList<OpenSandboxServer>& servers)
{
    m_settings->remove(arrayName);
    m_settings->beginWriteArray(arrayName, int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        const OpenSandboxServer& server = servers.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), server.name);
        m_settings->setValue(QStringLiteral("domain"), server.domain);
        m_settings->setValue(QStringLiteral("protocol"), server.protocol);
        m_settings->setValue(QStringLiteral("useServerProxy"), server.useServerProxy);
        // Where the key is, by name only.
        m_settings->setValue(QStringLiteral("keychainKey"), server.apiKeyKey());
    }
    m_settings->endArray();
}
