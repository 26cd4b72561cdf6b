#pragma once

#include <QCoreApplication>
#include <QString>

// Where a connection came from. The description is made when asked, in the language of the
// moment.
struct ConnectionOrigin
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionOrigin)

public:
    enum class Kind
    {
        Given,          // handed to the registry by its owner
        CommandLine,    // --docker HOST; detail: the address
        DockerHost,     // DOCKER_HOST
        DockerContext,  // a docker context; detail: its name
        DefaultSocket,  // the docker CLI's default socket
        RootlessDocker, // found because the default socket is missing
        PodmanUser,
        PodmanSystem,
        Preference,             // an engine address from Preferences; detail: the address
        EciAccount,             // detail: the account's name; region: the region
        EciEnvironment,         // a key from the environment (sandboxctl); region: the region
        OpenSandboxServer,      // a server added on the Accounts page; detail: its name
        OpenSandboxEnvironment, // OPEN_SANDBOX_DOMAIN or --opensandbox; detail: the domain
    };

    Kind kind = Kind::Given;
    QString detail;
    QString region;

    // Found the way the docker CLI finds its engine, or as a rootless or Podman socket.
    bool isDiscovered() const;
    bool isEci() const { return kind == Kind::EciAccount || kind == Kind::EciEnvironment; }
    bool isOpenSandbox() const
    {
        return kind == Kind::OpenSandboxServer || kind == Kind::OpenSandboxEnvironment;
    }
    QString description() const;

    friend bool operator==(const ConnectionOrigin& a, const ConnectionOrigin& b)
    {
        return a.kind == b.kind && a.detail == b.detail && a.region == b.region;
    }
};
