#include "credentials/CredentialImport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

class TestCredentialImport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void environmentAlibabaNames();
    void environmentOverrides();
    void environmentIncomplete_data();
    void environmentIncomplete();
    void dotEnvSyntax();
    void dotEnvMalformed_data();
    void dotEnvMalformed();
    void dotEnvFiles();
    void aliyunProfiles();
    void aliyunMalformed_data();
    void aliyunMalformed();
    void aliyunConfigPath();

private:
    static QProcessEnvironment environment(const QList<QPair<QString, QString>>& values);
};

namespace {

const QString secret = QStringLiteral("S3cr3t/Value+With=Symbols");

} // namespace

QProcessEnvironment TestCredentialImport::environment(const QList<QPair<QString, QString>>& values)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), QStringLiteral("/home/someone"));
    for (const auto& [name, value] : values)
        environment.insert(name, value);
    return environment;
}

void TestCredentialImport::environmentAlibabaNames()
{
    QString error;
    const ImportedCredentials c = CredentialImport::fromEnvironment(
        environment({{QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIid")},
                     {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret},
                     {QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"), QStringLiteral("tok")},
                     {QStringLiteral("ALIBABA_CLOUD_REGION_ID"), QStringLiteral("cn-hangzhou")}}),
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.accessKeyId, QStringLiteral("LTAIid"));
    QCOMPARE(c.accessKeySecret, secret);
    QCOMPARE(c.securityToken, QStringLiteral("tok"));
    QCOMPARE(c.regionId, QStringLiteral("cn-hangzhou"));
    QVERIFY(c.endpoint.isEmpty());
    QCOMPARE(c.profileName, QStringLiteral("imported-cn-hangzhou"));
}

void TestCredentialImport::environmentOverrides()
{
    QString error;
    const ImportedCredentials c = CredentialImport::fromEnvironment(
        environment({{QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIold")},
                     {QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QStringLiteral("old")},
                     {QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"), QStringLiteral("tok")},
                     {QStringLiteral("ALIBABA_CLOUD_REGION_ID"), QStringLiteral("cn-hangzhou")},
                     {QStringLiteral("ECI_SANDBOX_ACCESS_KEY_ID"), QStringLiteral("LTAInew")},
                     {QStringLiteral("ECI_SANDBOX_ACCESS_KEY_SECRET"), secret},
                     {QStringLiteral("ECI_SANDBOX_REGION_ID"), QStringLiteral("cn-beijing")},
                     {QStringLiteral("ECI_SANDBOX_ENDPOINT"), QStringLiteral("127.0.0.1:8080")}}),
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.accessKeyId, QStringLiteral("LTAInew"));
    QCOMPARE(c.accessKeySecret, secret);
    // The token belongs to the other key.
    QVERIFY(c.securityToken.isEmpty());
    QCOMPARE(c.regionId, QStringLiteral("cn-beijing"));
    QCOMPARE(c.endpoint, QStringLiteral("127.0.0.1:8080"));
}

void TestCredentialImport::environmentIncomplete_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << QString() << QString() << QStringLiteral("No AccessKey");
    QTest::newRow("id only") << QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID")
                             << QStringLiteral("LTAIid") << QStringLiteral("no secret");
    QTest::newRow("secret only") << QStringLiteral("ECI_SANDBOX_ACCESS_KEY_SECRET") << secret
                                 << QStringLiteral("no AccessKey ID");
}

void TestCredentialImport::environmentIncomplete()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QString error;
    const ImportedCredentials c = CredentialImport::fromEnvironment(
        name.isEmpty() ? environment({}) : environment({{name, value}}), &error);
    QVERIFY(c.isEmpty());
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!error.contains(secret));
}

void TestCredentialImport::dotEnvSyntax()
{
    const QByteArray content = "# ECI settings\r\n"
                               "\n"
                               "export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIplain   # trailing comment\n"
                               "ALIBABA_CLOUD_ACCESS_KEY_SECRET=\"a#b \\\"q\\\" c\" # comment\n"
                               "ALIBABA_CLOUD_REGION_ID='cn-shanghai'\n"
                               "ECI_SANDBOX_ENDPOINT = http://127.0.0.1:9000\n"
                               "UNRELATED=value with spaces\n"
                               "HASH=cn-beijing#not-a-comment\n"
                               "ALIBABA_CLOUD_SECURITY_TOKEN=\n";
    QHash<QString, QString> values;
    QString error;
    QVERIFY2(CredentialImport::parseDotEnv(content, &values, &error), qPrintable(error));
    QCOMPARE(values.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID")),
             QStringLiteral("LTAIplain"));
    QCOMPARE(values.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET")),
             QStringLiteral("a#b \"q\" c"));
    QCOMPARE(values.value(QStringLiteral("ALIBABA_CLOUD_REGION_ID")),
             QStringLiteral("cn-shanghai"));
    QCOMPARE(values.value(QStringLiteral("UNRELATED")), QStringLiteral("value with spaces"));
    QVERIFY(values.contains(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN")));
    // "#" without a blank before it is part of the value.
    QCOMPARE(values.value(QStringLiteral("HASH")), QStringLiteral("cn-beijing#not-a-comment"));

    // A secret with a space is not one Alibaba issues: refused, and not half-imported.
    const ImportedCredentials spaced = CredentialImport::fromDotEnv(content, &error);
    QVERIFY(spaced.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("secret")), qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("a#b")));

    const QByteArray good = "export ALIBABA_CLOUD_ACCESS_KEY_ID=\"LTAIquoted\"\n"
                            "ALIBABA_CLOUD_ACCESS_KEY_SECRET='" +
                            secret.toUtf8() + "'\n";
    const ImportedCredentials c = CredentialImport::fromDotEnv(good, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.accessKeyId, QStringLiteral("LTAIquoted"));
    QCOMPARE(c.accessKeySecret, secret);
}

void TestCredentialImport::dotEnvMalformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no equals") << QByteArray("ALIBABA_CLOUD_ACCESS_KEY_ID\n")
                               << QStringLiteral("Line 1");
    QTest::newRow("bad name") << QByteArray("\n\n1ABC=x\n") << QStringLiteral("Line 3");
    QTest::newRow("unterminated double")
        << QByteArray("ALIBABA_CLOUD_ACCESS_KEY_SECRET=\"" + secret.toUtf8() + "\n")
        << QStringLiteral("double quote");
    QTest::newRow("unterminated single")
        << QByteArray("A=1\nALIBABA_CLOUD_ACCESS_KEY_SECRET='" + secret.toUtf8() + "\n")
        << QStringLiteral("Line 2");
    QTest::newRow("junk after quote") << QByteArray("A=\"x\"y\n") << QStringLiteral("Line 1");
    QTest::newRow("nul") << QByteArray("A=x\0y", 5) << QStringLiteral("NUL");
    QTest::newRow("bad utf8") << QByteArray("A=\xff\xfe\n") << QStringLiteral("UTF-8");
    QTest::newRow("region")
        << QByteArray("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\nALIBABA_CLOUD_ACCESS_KEY_SECRET=" +
                      secret.toUtf8() + "\nALIBABA_CLOUD_REGION_ID=../etc\n")
        << QStringLiteral("region");
    QTest::newRow("endpoint")
        << QByteArray("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\nALIBABA_CLOUD_ACCESS_KEY_SECRET=" +
                      secret.toUtf8() + "\nECI_SANDBOX_ENDPOINT=ftp://x/y\n")
        << QStringLiteral("endpoint");
    QTest::newRow("id with control")
        << QByteArray("ALIBABA_CLOUD_ACCESS_KEY_ID=\"LT\\nAI\"\nALIBABA_CLOUD_ACCESS_KEY_SECRET=" +
                      secret.toUtf8() + "\n")
        << QStringLiteral("AccessKey ID");
}

void TestCredentialImport::dotEnvMalformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QString error;
    const ImportedCredentials c = CredentialImport::fromDotEnv(content, &error);
    QVERIFY(c.isEmpty());
    QVERIFY(c.accessKeySecret.isEmpty());
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(!error.contains(secret), qPrintable(error));
}

void TestCredentialImport::dotEnvFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const ImportedCredentials missing =
        CredentialImport::fromDotEnvFile(dir.filePath(QStringLiteral("nope.env")), &error);
    QVERIFY(missing.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("cannot be read")), qPrintable(error));

    QFile big(dir.filePath(QStringLiteral("big.env")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(CredentialImport::MaxFileSize + 10, '#'));
    big.close();
    QVERIFY(CredentialImport::fromDotEnvFile(big.fileName(), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("1 MiB")), qPrintable(error));

    QFile good(dir.filePath(QStringLiteral("work.env")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write("ECI_SANDBOX_ACCESS_KEY_ID=LTAIfile\nECI_SANDBOX_ACCESS_KEY_SECRET=" +
               secret.toUtf8() + "\n");
    good.close();
    const ImportedCredentials c = CredentialImport::fromDotEnvFile(good.fileName(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.accessKeyId, QStringLiteral("LTAIfile"));
    QCOMPARE(c.accessKeySecret, secret);
    QVERIFY(!c.profileName.isEmpty());
}

void TestCredentialImport::aliyunProfiles()
{
    const QByteArray json = R"({
        "current": "default",
        "profiles": [
            {"name": "default", "mode": "AK", "access_key_id": "LTAIak",
             "access_key_secret": "S3cr3t", "region_id": "cn-hangzhou"},
            {"name": "sts", "mode": "StsToken", "access_key_id": "STS.id",
             "access_key_secret": "s", "sts_token": "tok", "region_id": "cn-beijing"},
            {"name": "role", "mode": "RamRoleArn", "access_key_id": "x",
             "access_key_secret": "y", "ram_role_arn": "acs:ram::1:role/r"},
            {"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "r"},
            {"name": "empty", "mode": "AK", "access_key_id": "", "access_key_secret": ""},
            {"name": "sts-no-token", "mode": "StsToken", "access_key_id": "STS.id",
             "access_key_secret": "s"}
        ],
        "meta_path": ""
    })";
    QString error;
    const QList<CredentialImport::AliyunProfile> profiles =
        CredentialImport::aliyunProfiles(json, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(profiles.size(), 6);

    QVERIFY(profiles.at(0).usable);
    QCOMPARE(profiles.at(0).credentials.accessKeyId, QStringLiteral("LTAIak"));
    QCOMPARE(profiles.at(0).credentials.accessKeySecret, QStringLiteral("S3cr3t"));
    QCOMPARE(profiles.at(0).credentials.regionId, QStringLiteral("cn-hangzhou"));
    QCOMPARE(profiles.at(0).credentials.profileName, QStringLiteral("default"));

    QVERIFY(profiles.at(1).usable);
    QCOMPARE(profiles.at(1).credentials.securityToken, QStringLiteral("tok"));

    for (int i : {2, 3}) {
        QVERIFY(!profiles.at(i).usable);
        QVERIFY(profiles.at(i).credentials.isEmpty());
        QVERIFY2(profiles.at(i).problem.contains(profiles.at(i).mode),
                 qPrintable(profiles.at(i).problem));
        QVERIFY(profiles.at(i).problem.contains(QStringLiteral("AK and StsToken")));
    }
    QVERIFY(!profiles.at(4).usable);
    QVERIFY(profiles.at(4).problem.contains(QStringLiteral("no AccessKey")));
    QVERIFY(!profiles.at(5).usable);
    QVERIFY(profiles.at(5).problem.contains(QStringLiteral("token")));
}

void TestCredentialImport::aliyunMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << QByteArray(R"({"profiles": [{"name": "a", "mode": "AK")")
                               << QStringLiteral("not valid JSON");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("profiles");
    QTest::newRow("profiles not a list")
        << QByteArray(R"({"profiles": {"a": 1}})") << QStringLiteral("profiles");
    QTest::newRow("profile not an object")
        << QByteArray(R"({"profiles": [{"name": "ok", "mode": "AK", "access_key_id": "LTAI",
                          "access_key_secret": "S3cr3t"}, 7]})")
        << QStringLiteral("Profile 2");
    QTest::newRow("nameless") << QByteArray(R"({"profiles": [{"mode": "AK"}]})")
                              << QStringLiteral("Profile 1");
}

void TestCredentialImport::aliyunMalformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    const QList<CredentialImport::AliyunProfile> profiles =
        CredentialImport::aliyunProfiles(json, &error);
    // Nothing half-imported: not even the good profile before the bad one.
    QVERIFY(profiles.isEmpty());
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("S3cr3t")));
}

void TestCredentialImport::aliyunConfigPath()
{
    QCOMPARE(CredentialImport::aliyunConfigPath(environment({})),
             QStringLiteral("/home/someone/.aliyun/config.json"));
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".aliyun")));
    QFile config(dir.filePath(QStringLiteral(".aliyun/config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"profiles": [{"name": "p", "mode": "AK", "access_key_id": "LTAIp",
                   "access_key_secret": "S3cr3t"}]})");
    config.close();
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), dir.path());
    QString error;
    const QList<CredentialImport::AliyunProfile> profiles =
        CredentialImport::aliyunProfilesFromFile(CredentialImport::aliyunConfigPath(env), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(profiles.size(), 1);
    QVERIFY(profiles.first().usable);
}

QTEST_GUILESS_MAIN(TestCredentialImport)
#include "tst_credentialimport.moc"
