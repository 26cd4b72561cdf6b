#pragma once

#include <QString>
#include <QStringList>

// Where an HTTP peer lives: a unix socket, TCP (optionally TLS), or a process whose stdin and
// stdout carry the bytes (ssh … docker system dial-stdio).
struct Endpoint
{
    enum class Kind
    {
        Invalid,
        Unix,
        Tcp,
        Process
    };

    Kind kind = Kind::Invalid;
    QString url; // as the user wrote it: unix:///run/docker.sock, tcp://host:2376, ssh://u@h
    QString socketPath;
    QString host;
    quint16 port = 0;
    bool tls = false;
    bool verifyPeer = true;
    QString caFile;
    QString certFile;
    QString keyFile;
    QString program;
    QStringList arguments;
    // ssh:// only, for logins shared between connections (SshMultiplexer): the options before
    // the destination, the destination (user@host) and the command run there.
    QStringList sshOptions;
    QString sshDestination;
    QStringList remoteCommand;

    bool isValid() const { return kind != Kind::Invalid; }
    // The Host header to send: the TCP host, else "docker" like the docker CLI.
    QByteArray hostHeader() const;

    // Parses unix://, tcp://, http://, https://, ssh:// and a bare socket path.
    static Endpoint fromUrl(const QString& url, QString* error = nullptr);
};
