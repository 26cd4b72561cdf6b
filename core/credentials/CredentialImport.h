#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

// An AccessKey found outside the app, ready to be reviewed and stored as an account.
struct ImportedCredentials
{
    QString profileName; // a suggested account name
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken; // optional (STS)
    QString regionId;      // optional
    QString endpoint;      // optional: host, host:port or an http(s) URL

    bool isEmpty() const { return accessKeyId.isEmpty() && accessKeySecret.isEmpty(); }
};

// Reads the credentials ECI users already have: environment variables, a .env file, the
// aliyun CLI's profiles. Every reader checks everything before it returns anything: on an
// error the result is empty and the error says what is wrong, never with a secret in it.
class CredentialImport final
{
    Q_DECLARE_TR_FUNCTIONS(CredentialImport)

public:
    struct AliyunProfile
    {
        QString name;
        QString mode;
        bool usable = false;
        QString problem; // why it cannot be imported, when it cannot
        ImportedCredentials credentials;
    };

    // ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/_SECURITY_TOKEN/_REGION_ID, overridden by
    // ECI_SANDBOX_ACCESS_KEY_ID/_SECRET/_REGION_ID; ECI_SANDBOX_ENDPOINT.
    static ImportedCredentials fromEnvironment(const QProcessEnvironment& environment,
                                               QString* error);
    // The same names in a .env file's KEY=VALUE lines (quotes, comments, "export ").
    static ImportedCredentials fromDotEnv(const QByteArray& content, QString* error);
    static ImportedCredentials fromDotEnvFile(const QString& fileName, QString* error);

    // The profiles in the aliyun CLI's config.json; only AK and StsToken ones are usable.
    static QList<AliyunProfile> aliyunProfiles(const QByteArray& json, QString* error);
    static QList<AliyunProfile> aliyunProfilesFromFile(const QString& fileName, QString* error);
    // ~/.aliyun/config.json for the HOME in environment.
    static QString aliyunConfigPath(const QProcessEnvironment& environment);

    // KEY=VALUE lines as a shell would read them; false with a line number in error.
    static bool parseDotEnv(const QByteArray& content, QHash<QString, QString>* values,
                            QString* error);

    // What is wrong with the values (never quoting a secret); empty when they look right. An
    // empty secret, token, region or endpoint is not checked.
    static QString problemWith(const ImportedCredentials& credentials);

    static constexpr qint64 MaxFileSize = 1024 * 1024;

private:
    static ImportedCredentials resolve(const QHash<QString, QString>& values, const QString& source,
                                       QString* error);
    static QByteArray readSmallFile(const QString& fileName, QString* error);
};
