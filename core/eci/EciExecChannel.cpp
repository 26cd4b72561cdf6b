#include "EciExecChannel.h"

#include "sandbox/CheckedNumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace {

// A member by name, whatever the letter case of the name.
QJsonValue member(const QJsonObject& object, const QString& name)
{
    const auto exact = object.constFind(name);
    if (exact != object.constEnd())
        return exact.value();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

// An integer given as a JSON number or as a decimal string.
bool readInt(const QJsonValue& value, int* out)
{
    if (value.isDouble()) {
        const std::optional<int> n = CheckedNumbers::toExactInteger<int>(value.toDouble());
        if (n)
            *out = *n;
        return n.has_value();
    }
    if (value.isString()) {
        bool ok = false;
        const int n = value.toString().trimmed().toInt(&ok);
        if (ok)
            *out = n;
        return ok;
    }
    return false;
}

} // namespace

QByteArray EciExecChannel::encode(Channel channel, const QByteArray& payload)
{
    QByteArray message;
    message.reserve(payload.size() + 1);
    message.append(char(channel));
    message.append(payload);
    return message;
}

QList<QByteArray> EciExecChannel::encodeData(Channel channel, const QByteArray& bytes)
{
    QList<QByteArray> messages;
    for (qsizetype offset = 0; offset < bytes.size(); offset += maxDataPayloadBytes)
        messages.append(encode(channel, bytes.mid(offset, maxDataPayloadBytes)));
    return messages;
}

QByteArray EciExecChannel::encodeResize(int columns, int rows)
{
    const QJsonObject size{{QStringLiteral("Width"), columns}, {QStringLiteral("Height"), rows}};
    return encode(Resize, QJsonDocument(size).toJson(QJsonDocument::Compact));
}

QByteArray EciExecChannel::encodeExitStatus(int exitCode)
{
    QJsonObject status;
    if (exitCode == 0) {
        status.insert(QStringLiteral("status"), QStringLiteral("Success"));
    } else {
        const QJsonObject cause{{QStringLiteral("reason"), QStringLiteral("ExitCode")},
                                {QStringLiteral("message"), QString::number(exitCode)}};
        status = QJsonObject{
            {QStringLiteral("status"), QStringLiteral("Failure")},
            {QStringLiteral("reason"), QStringLiteral("NonZeroExitCode")},
            {QStringLiteral("message"),
             QStringLiteral("command terminated with non-zero exit code: %1").arg(exitCode)},
            {QStringLiteral("details"), QJsonObject{{QStringLiteral("causes"), QJsonArray{cause}}}},
        };
    }
    return encode(Status, QJsonDocument(status).toJson(QJsonDocument::Compact));
}

QByteArray EciExecChannel::encodeFailure(const QString& reason, const QString& message)
{
    const QJsonObject status{{QStringLiteral("status"), QStringLiteral("Failure")},
                             {QStringLiteral("reason"), reason},
                             {QStringLiteral("message"), message}};
    return encode(Status, QJsonDocument(status).toJson(QJsonDocument::Compact));
}

bool EciExecChannel::parseResize(const QByteArray& payload, int* columns, int* rows)
{
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    if (!doc.isObject())
        return false;
    int width = 0;
    int height = 0;
    if (!readInt(member(doc.object(), QStringLiteral("Width")), &width) ||
        !readInt(member(doc.object(), QStringLiteral("Height")), &height))
        return false;
    if (width < 1 || width > 65535 || height < 1 || height > 65535)
        return false;
    *columns = width;
    *rows = height;
    return true;
}

EciExecChannel::ExitStatus EciExecChannel::parseStatus(const QByteArray& payload)
{
    ExitStatus result;
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    if (!doc.isObject())
        return result;
    const QJsonObject object = doc.object();
    const QString status = member(object, QStringLiteral("status")).toString();
    result.reason = member(object, QStringLiteral("reason")).toString();
    result.message = member(object, QStringLiteral("message")).toString();
    if (status.compare(QLatin1String("Success"), Qt::CaseInsensitive) == 0) {
        result.valid = true;
        result.success = true;
        result.exitCode = 0;
        return result;
    }
    if (status.compare(QLatin1String("Failure"), Qt::CaseInsensitive) != 0)
        return result;
    result.valid = true;
    const QJsonArray causes =
        member(member(object, QStringLiteral("details")).toObject(), QStringLiteral("causes"))
            .toArray();
    for (const QJsonValue& cause : causes) {
        const QJsonObject c = cause.toObject();
        int code = -1;
        if (member(c, QStringLiteral("reason"))
                    .toString()
                    .compare(QLatin1String("ExitCode"), Qt::CaseInsensitive) == 0 &&
            readInt(member(c, QStringLiteral("message")), &code) && code >= 0 && code <= 255) {
            result.exitCode = code;
            break;
        }
    }
    return result;
}

bool EciExecChannel::feedMessage(const QByteArray& message)
{
    return feedFragment(message, true);
}

bool EciExecChannel::feedFragment(const QByteArray& fragment, bool lastFragment)
{
    if (m_failed)
        return false;
    if (m_partial.size() + fragment.size() > maxMessageBytes) {
        m_partial.clear();
        return fail(QStringLiteral("exec frame larger than %1 bytes").arg(maxMessageBytes));
    }
    m_partial.append(fragment);
    if (!lastFragment)
        return true;
    const QByteArray message = std::exchange(m_partial, QByteArray());
    if (message.isEmpty())
        return fail(QStringLiteral("empty exec frame"));
    const auto channel = quint8(message.at(0));
    if (channel > Status)
        return fail(QStringLiteral("exec frame on unknown channel %1").arg(channel));
    if (onFrame)
        onFrame(Channel(channel), message.mid(1));
    return !m_failed;
}

bool EciExecChannel::fail(const QString& error)
{
    m_failed = true;
    m_error = error;
    return false;
}
