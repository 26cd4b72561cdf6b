#include "CredentialImport.h"

#include "eci/EciClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

namespace {

const QString akId = QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID");
const QString akSecret = QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
const QString akToken = QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN");
const QString akRegion = QStringLiteral("ALIBABA_CLOUD_REGION_ID");
const QString eciId = QStringLiteral("ECI_SANDBOX_ACCESS_KEY_ID");
const QString eciSecret = QStringLiteral("ECI_SANDBOX_ACCESS_KEY_SECRET");
const QString eciRegion = QStringLiteral("ECI_SANDBOX_REGION_ID");
const QString eciEndpoint = QStringLiteral("ECI_SANDBOX_ENDPOINT");

QStringList knownNames()
{
    return {akId, akSecret, akToken, akRegion, eciId, eciSecret, eciRegion, eciEndpoint};
}

bool matchesWhole(const QString& pattern, const QString& text)
{
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern));
    return expression.match(text).hasMatch();
}

// Printable ASCII without spaces: what Alibaba issues as keys, secrets and tokens.
bool isKeyText(const QString& text, int maxLength)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    for (const QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

bool isNameChar(QChar c, bool first)
{
    return c == QLatin1Char('_') || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (!first && c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

// The rest of a line after a closing quote may only be blanks and a comment.
bool onlyCommentAfter(const QString& rest)
{
    const QString trimmed = rest.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'));
}

} // namespace

ImportedCredentials CredentialImport::fromEnvironment(const QProcessEnvironment& environment,
                                                      QString* error)
{
    QHash<QString, QString> values;
    const QStringList names = knownNames();
    for (const QString& name : names) {
        if (environment.contains(name))
            values.insert(name, environment.value(name));
    }
    return resolve(values, tr("the environment"), error);
}

ImportedCredentials CredentialImport::fromDotEnv(const QByteArray& content, QString* error)
{
    QHash<QString, QString> values;
    if (!parseDotEnv(content, &values, error))
        return {};
    return resolve(values, tr("the file"), error);
}

ImportedCredentials CredentialImport::fromDotEnvFile(const QString& fileName, QString* error)
{
    const QByteArray content = readSmallFile(fileName, error);
    if (content.isNull())
        return {};
    ImportedCredentials credentials = fromDotEnv(content, error);
    if (!credentials.isEmpty() && credentials.profileName.isEmpty())
        credentials.profileName = QFileInfo(fileName).completeBaseName();
    return credentials;
}

bool CredentialImport::parseDotEnv(const QByteArray& content, QHash<QString, QString>* values,
                                   QString* error)
{
    if (content.contains('\0')) {
        *error = tr("The file contains NUL bytes; it is not a text file.");
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(content);
    if (decoder.hasError()) {
        *error = tr("The file is not valid UTF-8 text.");
        return false;
    }

    QHash<QString, QString> parsed;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int number = 1; number <= lines.size(); ++number) {
        QString line = lines.at(number - 1);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("export ")) || line.startsWith(QLatin1String("export\t")))
            line = line.mid(7).trimmed();

        const qsizetype equals = line.indexOf(QLatin1Char('='));
        const QString name = equals < 0 ? QString() : line.left(equals).trimmed();
        bool nameOk = !name.isEmpty();
        for (qsizetype i = 0; nameOk && i < name.size(); ++i)
            nameOk = isNameChar(name.at(i), i == 0);
        if (!nameOk) {
            // The line is not quoted back: it may hold a secret.
            *error = tr("Line %1 is not NAME=VALUE.").arg(number);
            return false;
        }

        const QString raw = line.mid(equals + 1).trimmed();
        QString value;
        if (raw.startsWith(QLatin1Char('\''))) {
            const qsizetype close = raw.indexOf(QLatin1Char('\''), 1);
            if (close < 0 || !onlyCommentAfter(raw.mid(close + 1))) {
                *error = tr("Line %1 has an unterminated or misplaced single quote.").arg(number);
                return false;
            }
            value = raw.mid(1, close - 1);
        } else if (raw.startsWith(QLatin1Char('"'))) {
            qsizetype i = 1;
            bool closed = false;
            for (; i < raw.size(); ++i) {
                const QChar c = raw.at(i);
                if (c == QLatin1Char('"')) {
                    closed = true;
                    break;
                }
                if (c == QLatin1Char('\\') && i + 1 < raw.size()) {
                    const QChar next = raw.at(++i);
                    if (next == QLatin1Char('n'))
                        value += QLatin1Char('\n');
                    else if (next == QLatin1Char('"') || next == QLatin1Char('\\') ||
                             next == QLatin1Char('$'))
                        value += next;
                    else
                        value += QLatin1Char('\\') + QString(next);
                    continue;
                }
                value += c;
            }
            if (!closed || !onlyCommentAfter(raw.mid(i + 1))) {
                *error = tr("Line %1 has an unterminated or misplaced double quote.").arg(number);
                return false;
            }
        } else {
            // An unquoted value ends at a comment that follows a blank.
            static const QRegularExpression comment(QStringLiteral("\\s#"));
            const qsizetype hash = raw.indexOf(comment);
            value = (hash < 0 ? raw : raw.left(hash)).trimmed();
            if (value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\''))) {
                *error = tr("Line %1 has a quote inside an unquoted value.").arg(number);
                return false;
            }
        }
        parsed.insert(name, value);
    }
    *values = parsed;
    return true;
}

ImportedCredentials CredentialImport::resolve(const QHash<QString, QString>& values,
                                              const QString& source, QString* error)
{
    const auto value = [&values](const QString& name) {
        return values.value(name).trimmed();
    };
    ImportedCredentials credentials;
    const bool eciPair = !value(eciId).isEmpty() || !value(eciSecret).isEmpty();
    if (eciPair) {
        credentials.accessKeyId = value(eciId).isEmpty() ? value(akId) : value(eciId);
        credentials.accessKeySecret =
            value(eciSecret).isEmpty() ? value(akSecret) : value(eciSecret);
    } else {
        credentials.accessKeyId = value(akId);
        credentials.accessKeySecret = value(akSecret);
    }
    // An STS token belongs to the key it was issued with, and only the ALIBABA_CLOUD_* key
    // has one.
    if (credentials.accessKeyId == value(akId))
        credentials.securityToken = value(akToken);
    credentials.regionId = value(eciRegion).isEmpty() ? value(akRegion) : value(eciRegion);
    credentials.endpoint = value(eciEndpoint);

    if (credentials.accessKeyId.isEmpty() && credentials.accessKeySecret.isEmpty()) {
        *error = tr("No AccessKey was found in %1: set %2 and %3 (or %4 and %5).")
                     .arg(source, akId, akSecret, eciId, eciSecret);
        return {};
    }
    if (credentials.accessKeyId.isEmpty()) {
        *error = tr("An AccessKey secret was found in %1, but no AccessKey ID (%2 or %3).")
                     .arg(source, akId, eciId);
        return {};
    }
    if (credentials.accessKeySecret.isEmpty()) {
        *error = tr("An AccessKey ID was found in %1, but no secret (%2 or %3).")
                     .arg(source, akSecret, eciSecret);
        return {};
    }
    const QString problem = problemWith(credentials);
    if (!problem.isEmpty()) {
        *error = problem;
        return {};
    }
    credentials.profileName = credentials.regionId.isEmpty()
                                  ? QStringLiteral("imported")
                                  : QStringLiteral("imported-") + credentials.regionId;
    error->clear();
    return credentials;
}

QString CredentialImport::problemWith(const ImportedCredentials& credentials)
{
    if (!isKeyText(credentials.accessKeyId, 128) ||
        !matchesWhole(QStringLiteral("[A-Za-z0-9._-]+"), credentials.accessKeyId))
        return tr("The AccessKey ID may hold only letters, digits, “.”, “_” and “-”, at most "
                  "128 of them.");
    if (!credentials.accessKeySecret.isEmpty() && !isKeyText(credentials.accessKeySecret, 256))
        return tr("The AccessKey secret must be at most 256 printable characters without "
                  "spaces.");
    if (!credentials.securityToken.isEmpty() && !isKeyText(credentials.securityToken, 8192))
        return tr("The security token must be printable characters without spaces.");
    if (!credentials.regionId.isEmpty() &&
        !matchesWhole(QStringLiteral("[a-z0-9-]{1,64}"), credentials.regionId))
        return tr("The region “%1” is not a region ID such as cn-hangzhou.")
            .arg(credentials.regionId.left(64));
    if (!credentials.endpoint.isEmpty()) {
        QString endpointError;
        if (!EciClient::parseEndpoint(credentials.endpoint, &endpointError).isValid())
            return endpointError;
    }
    return {};
}

QList<CredentialImport::AliyunProfile> CredentialImport::aliyunProfiles(const QByteArray& json,
                                                                        QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The aliyun configuration is not valid JSON (%1 at byte %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return {};
    }
    const QJsonValue profilesValue = document.object().value(QLatin1String("profiles"));
    if (!document.isObject() || !profilesValue.isArray()) {
        *error = tr("The aliyun configuration has no “profiles” list.");
        return {};
    }

    QList<AliyunProfile> profiles;
    const QJsonArray array = profilesValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        const QJsonObject object = entry.toObject();
        const QJsonValue nameValue = object.value(QLatin1String("name"));
        if (!entry.isObject() || !nameValue.isString() ||
            nameValue.toString().trimmed().isEmpty()) {
            *error = tr("Profile %1 in the aliyun configuration has no name.").arg(i + 1);
            return {};
        }
        AliyunProfile profile;
        profile.name = nameValue.toString().trimmed();
        profile.mode = object.value(QLatin1String("mode")).toString();
        const auto text = [&object](const char* key) {
            return object.value(QLatin1String(key)).toString().trimmed();
        };
        if (profile.mode != QLatin1String("AK") && profile.mode != QLatin1String("StsToken")) {
            profile.problem =
                tr("It signs in with “%1”, which SandboxDesk cannot use: only AK and StsToken "
                   "profiles hold an AccessKey it can store.")
                    .arg(profile.mode.isEmpty() ? tr("no mode") : profile.mode.left(64));
            profiles << profile;
            continue;
        }
        ImportedCredentials credentials;
        credentials.profileName = profile.name;
        credentials.accessKeyId = text("access_key_id");
        credentials.accessKeySecret = text("access_key_secret");
        if (profile.mode == QLatin1String("StsToken"))
            credentials.securityToken = text("sts_token");
        credentials.regionId = text("region_id");
        if (credentials.accessKeyId.isEmpty() || credentials.accessKeySecret.isEmpty()) {
            profile.problem = tr("It has no AccessKey ID or secret.");
        } else if (profile.mode == QLatin1String("StsToken") &&
                   credentials.securityToken.isEmpty()) {
            profile.problem = tr("It is a StsToken profile without a token.");
        } else {
            profile.problem = problemWith(credentials);
        }
        profile.usable = profile.problem.isEmpty();
        if (profile.usable)
            profile.credentials = credentials;
        profiles << profile;
    }
    error->clear();
    return profiles;
}

QList<CredentialImport::AliyunProfile>
CredentialImport::aliyunProfilesFromFile(const QString& fileName, QString* error)
{
    const QByteArray content = readSmallFile(fileName, error);
    if (content.isNull())
        return {};
    return aliyunProfiles(content, error);
}

QString CredentialImport::aliyunConfigPath(const QProcessEnvironment& environment)
{
    const QString home = environment.value(QStringLiteral("HOME"), QDir::homePath());
    return QDir(home).filePath(QStringLiteral(".aliyun/config.json"));
}

QByteArray CredentialImport::readSmallFile(const QString& fileName, QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("“%1” cannot be read: %2")
                     .arg(QDir::toNativeSeparators(fileName), file.errorString());
        return {};
    }
    // Never more than 1 MiB is read: a huge or endless file is refused, not loaded.
    const QByteArray content = file.read(MaxFileSize + 1);
    if (content.size() > MaxFileSize) {
        *error = tr("“%1” is larger than 1 MiB; it is not a credentials file.")
                     .arg(QDir::toNativeSeparators(fileName));
        return {};
    }
    if (content.isNull())
        return QByteArray(""); // empty but not null: an empty file is a file
    return content;
}
