#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

// The lifecycle states every backend maps its own statuses onto.
enum class SandboxStatus
{
    Unknown,
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
};

QString statusKey(SandboxStatus status);         // lower-case, stable: "running", "exited"…
SandboxStatus statusFromKey(const QString& key); // inverse of statusKey; Unknown otherwise
QString statusDisplayName(SandboxStatus status); // translated

struct PortBinding
{
    quint16 containerPort = 0;
    quint16 hostPort = 0; // 0: not published
    QString hostIp;
    QString protocol = QStringLiteral("tcp");

    QString toString() const; // "8080->80/tcp", "80/tcp"
    bool operator==(const PortBinding& other) const;
};

struct Sandbox
{
    // A limit the backend gave that no integer holds (a corrupt or hostile answer).
    static constexpr qint64 OutOfRange = -1;

    QString backendId; // which connection it belongs to
    QString id;
    QString name;
    QString image;
    SandboxStatus status = SandboxStatus::Unknown;
    QString statusText; // the backend's own words, e.g. "Up 3 minutes"
    QDateTime created;
    QList<PortBinding> ports;
    double cpus = 0;               // 0: no limit known
    qint64 memoryBytes = 0;        // 0: no limit known; OutOfRange: too large to hold
    QMap<QString, QString> labels; // Docker labels; ECI tags
    QStringList containers;        // a container group's containers (ECI); empty for Docker
    QDateTime expiresAt;           // invalid: no lifetime

    QString portsText() const;
    QString limitsText() const;
    bool operator==(const Sandbox& other) const;
};

// The parts of a spec a create form asks for, so that a problem can name its field.
enum class SpecField
{
    Image,
    Name,
    Command,
    Args,
    Env,
    Labels,
    WorkingDir,
    Cpus,
    Memory,
    Network,
    Ports,
    Zone,
    VSwitch,
    SecurityGroup,
    RestartPolicy,
    AutoRemove,
    Start,
};

// What is wrong with one field of a spec, in a translated sentence.
struct SpecProblem
{
    SpecField field = SpecField::Image;
    QString message;
};
QStringList problemMessages(const QList<SpecProblem>& problems);

// What the user asks for when creating a sandbox.
struct SandboxSpec
{
    Q_DECLARE_TR_FUNCTIONS(SandboxSpec)

public:
    QString image;
    QString name;
    QStringList command;
    QStringList env; // KEY=VALUE
    QMap<QString, QString> labels;
    QString workingDir;
    double cpus = 0;
    qint64 memoryBytes = 0;
    QString networkMode; // empty: the engine's default
    QList<PortBinding> ports;
    bool autoRemove = false;
    qint64 lifetimeSeconds = 0; // 0: no lifetime; a backend without CanExpire ignores it

    // ECI only: the container's arguments after the command, and where the group runs.
    QStringList args;
    QString zoneId;
    QString vSwitchId;
    QString securityGroupId;
    QString restartPolicy; // "Always", "OnFailure", "Never"; empty: the service's default

    // Checks what every backend requires before anything is sent; empty means valid.
    QList<SpecProblem> problems() const;
    QStringList validate() const { return problemMessages(problems()); }
};

// One point of a sandbox's resource history.
struct ResourceSample
{
    QDateTime time;
    double cpuPercent = 0;  // of one core
    qint64 memoryBytes = 0; // in use
    qint64 networkRxBytes = 0;
    qint64 networkTxBytes = 0;
    // Filled by live stats; 0 where a backend's history does not have them.
    qint64 memoryLimitBytes = 0;
    qint64 blockReadBytes = 0;
    qint64 blockWriteBytes = 0;
    int pids = 0;
};

// Parses "512m", "2g", "1048576" into bytes; -1 when it is not a size.
qint64 parseMemorySize(const QString& text);
QString formatBytes(qint64 bytes);
// Parses "8080:80", "127.0.0.1:8080:80/udp", "80"; false when malformed.
bool parsePortBinding(const QString& text, PortBinding* binding);
bool isValidSandboxName(const QString& name);

Q_DECLARE_METATYPE(Sandbox)
Q_DECLARE_METATYPE(ResourceSample)
