#include "OpenSandboxUpload.h"

#include "OpenSandboxClient.h"
#include "files/TarExtractor.h"
#include "net/HttpClient.h"
#include "sandbox/Job.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cstring>
#include <deque>
#include <functional>
#include <limits>

namespace {

constexpr qint64 BlockSize = 512;
constexpr qint64 MaxExtended = 64 * 1024;
// While this much waits to be sent, the archive is not read further.
constexpr qint64 HighWater = 2 * 1024 * 1024;

qint64 padded(qint64 size)
{
    return (size + BlockSize - 1) / BlockSize * BlockSize;
}

// A numeric header field: octal digits, or base-256 when the first byte's top bit is set.
qint64 number(const QByteArray& field, bool* ok)
{
    *ok = true;
    if (!field.isEmpty() && (static_cast<unsigned char>(field[0]) & 0x80)) {
        quint64 value = static_cast<unsigned char>(field[0]) & 0x7F;
        for (qsizetype i = 1; i < field.size(); ++i) {
            if (value >> 55) {
                *ok = false;
                return 0;
            }
            value = (value << 8) | static_cast<unsigned char>(field[i]);
        }
        *ok = value <= quint64(std::numeric_limits<qint64>::max());
        return qint64(value);
    }
    const QByteArray digits = field.split('\0').value(0).trimmed();
    if (digits.isEmpty())
        return 0;
    return digits.toLongLong(ok, 8);
}

QByteArray cString(const QByteArray& field)
{
    const qsizetype end = field.indexOf('\0');
    return end < 0 ? field : field.left(end);
}

} // namespace

// The body of one upload request, handed to HttpReply as it is produced; it ends after
// finish(). drained runs (queued) whenever reading took it below the high-water mark.
class MultipartBody final : public QIODevice
{
public:
    explicit MultipartBody(QObject* parent)
        : QIODevice(parent)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    std::function<void()> drained;

    void append(const QByteArray& bytes)
    {
        if (bytes.isEmpty())
            return;
        m_chunks.push_back(bytes);
        m_queued += bytes.size();
        Q_EMIT readyRead();
    }
    void finish()
    {
        m_ended = true;
        Q_EMIT readChannelFinished();
    }
    qint64 queued() const { return m_queued; }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_queued + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_ended && m_queued == 0; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const bool wasHigh = m_queued >= HighWater;
        qint64 copied = 0;
        while (copied < maxSize && !m_chunks.empty()) {
            QByteArray& front = m_chunks.front();
            const qint64 take = qMin<qint64>(maxSize - copied, front.size() - m_offset);
            std::memcpy(data + copied, front.constData() + m_offset, size_t(take));
            copied += take;
            m_offset += take;
            if (m_offset == front.size()) {
                m_chunks.pop_front();
                m_offset = 0;
            }
        }
        m_queued -= copied;
        if (wasHigh && m_queued < HighWater && drained)
            QMetaObject::invokeMethod(this, drained, Qt::QueuedConnection);
        return copied;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    std::deque<QByteArray> m_chunks;
    qint64 m_offset = 0;
    qint64 m_queued = 0;
    bool m_ended = false;
};

OpenSandboxUpload::OpenSandboxUpload(Job* job, QIODevice* source, const RemotePath& folder,
                                     HttpClient* http, const ExecdAddress& address,
                                     const QString& apiKey)
    : QObject(job)
    , m_job(job)
    , m_source(source)
    , m_folder(folder)
    , m_http(http)
    , m_address(address)
    , m_apiKey(apiKey)
    , m_boundary("sandboxdesk-" + QUuid::createUuid().toByteArray(QUuid::Id128))
{
    connect(job, &Job::cancelRequested, this,
            [this] { fail(Error::make(Error::Cancelled, tr("Cancelled."))); });
    if (!source) {
        QMetaObject::invokeMethod(
            this,
            [this] { fail(Error::make(Error::Invalid, tr("There is no archive to upload."))); },
            Qt::QueuedConnection);
        return;
    }
    connect(source, &QIODevice::readyRead, this, &OpenSandboxUpload::pump);
    connect(source, &QIODevice::readChannelFinished, this, [this] {
        m_sourceEnded = true;
        pump();
    });
    QMetaObject::invokeMethod(this, &OpenSandboxUpload::pump, Qt::QueuedConnection);
}

QByteArray OpenSandboxUpload::partsBefore(const QByteArray& boundary, const RemotePath& path,
                                          quint32 mode)
{
    // execd takes the mode's octal digits as a decimal number: 0644 is 644.
    const QJsonObject metadata{{QStringLiteral("path"), QString::fromUtf8(path)},
                               {QStringLiteral("mode"), QString::number(mode, 8).toInt()}};
    QByteArray shownName = RemotePaths::fileName(path);
    shownName.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
    return "--" + boundary +
           "\r\nContent-Disposition: form-data; name=\"metadata\"; filename=\"metadata\"\r\n"
           "Content-Type: application/json\r\n\r\n" +
           QJsonDocument(metadata).toJson(QJsonDocument::Compact) + "\r\n--" + boundary +
           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + shownName +
           "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
}

QByteArray OpenSandboxUpload::partsAfter(const QByteArray& boundary)
{
    return "\r\n--" + boundary + "--\r\n";
}

bool OpenSandboxUpload::sourceAtEnd() const
{
    if (!m_source)
        return true;
    if (m_source->isSequential())
        return (m_sourceEnded || !m_source->isOpen()) && m_source->bytesAvailable() == 0;
    return m_source->atEnd();
}

void OpenSandboxUpload::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    while (m_job && !m_job->isFinished() && m_stage != Stage::Waiting && m_stage != Stage::Done) {
        if (m_stage == Stage::Content && m_body && m_body->queued() >= HighWater)
            break;
        if (m_input.isEmpty()) {
            if (m_source)
                m_input = m_source->read(256 * 1024);
            if (m_input.isEmpty()) {
                if (sourceAtEnd())
                    sourceEnded();
                break;
            }
            m_consumed += m_input.size();
            m_job->reportProgress(m_consumed, m_source->isSequential() ? -1 : m_source->size(), {});
        }
        switch (m_stage) {
        case Stage::Header: {
            const qint64 take = qMin<qint64>(m_input.size(), BlockSize - m_block.size());
            m_block += m_input.left(take);
            m_input.remove(0, take);
            if (m_block.size() == BlockSize)
                consumeHeader();
            break;
        }
        case Stage::Extended: {
            const qint64 take = qMin<qint64>(m_input.size(), m_remaining);
            if (m_extended.size() < MaxExtended)
                m_extended += m_input.left(qMin(take, MaxExtended - m_extended.size()));
            m_input.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                break;
            if (m_extendedType == 'L') {
                m_longName = cString(m_extended);
            } else {
                // Records are "LENGTH key=value\n".
                for (const QByteArray& record : m_extended.split('\n')) {
                    const QByteArray pair = record.mid(record.indexOf(' ') + 1);
                    if (pair.startsWith("path="))
                        m_longName = pair.mid(5);
                    else if (pair.startsWith("size="))
                        m_paxSize = pair.mid(5).toLongLong();
                }
            }
            m_extended.clear();
            m_remaining = m_padding;
            m_stage = m_remaining > 0 ? Stage::Skipping : Stage::Header;
            break;
        }
        case Stage::Content: {
            const qint64 take =
                qMin<qint64>(m_input.size(), qMin(m_remaining, HighWater - m_body->queued()));
            m_body->append(m_input.left(take));
            m_input.remove(0, take);
            m_remaining -= take;
            if (m_remaining == 0)
                endFile();
            break;
        }
        case Stage::Skipping: {
            const qint64 take = qMin<qint64>(m_input.size(), m_remaining);
            m_input.remove(0, take);
            m_remaining -= take;
            if (m_remaining == 0)
                m_stage = Stage::Header;
            break;
        }
        case Stage::Waiting:
        case Stage::Done:
            break;
        }
    }
    m_pumping = false;
}

void OpenSandboxUpload::consumeHeader()
{
    const QByteArray block = std::exchange(m_block, {});
    if (block.count('\0') == BlockSize) {
        // The end of the archive: what follows it is not read.
        m_stage = Stage::Done;
        if (!m_leftOut.isEmpty()) {
            m_job->finishWithError(Error::make(
                Error::Invalid, tr("Left out what execd cannot make (links and special files): %1")
                                    .arg(m_leftOut.join(QLatin1String(", ")))));
            return;
        }
        m_job->finishWithResult({});
        return;
    }
    qint64 sum = 0;
    for (qsizetype i = 0; i < BlockSize; ++i)
        sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(block[i]);
    bool sumOk = false;
    bool sizeOk = false;
    const qint64 stored = number(block.mid(148, 8), &sumOk);
    qint64 size = number(block.mid(124, 12), &sizeOk);
    if (!sumOk || !sizeOk || stored != sum || size < 0) {
        fail(Error::make(Error::Protocol, tr("The archive is damaged.")));
        return;
    }
    if (m_paxSize >= 0)
        size = m_paxSize;
    QByteArray name = std::exchange(m_longName, {});
    m_paxSize = -1;
    if (name.isEmpty()) {
        name = cString(block.left(100));
        const QByteArray prefix = cString(block.mid(345, 155));
        if (block.mid(257, 5) == "ustar" && !prefix.isEmpty())
            name = prefix + '/' + name;
    }
    const char type = block[156];
    bool modeOk = false;
    const quint32 mode = quint32(number(block.mid(100, 8), &modeOk)) & 0777;
    m_remaining = size;
    m_padding = padded(size) - size;
    if (type == 'x' || type == 'L') {
        m_extendedType = type;
        m_extended.clear();
        m_stage = size > 0 ? Stage::Extended : Stage::Header;
        return;
    }
    const auto skip = [this, size] {
        m_remaining = padded(size);
        m_stage = m_remaining > 0 ? Stage::Skipping : Stage::Header;
    };
    if (type == 'g' || type == 'K') {
        skip();
        return;
    }
    QString why;
    const QList<QByteArray> parts = TarExtractor::splitEntryName(name, &why);
    if (!why.isEmpty()) {
        fail(Error::make(Error::Invalid, why));
        return;
    }
    if (parts.isEmpty()) { // the folder itself
        skip();
        return;
    }
    RemotePath path = m_folder;
    for (const QByteArray& part : parts)
        path = RemotePaths::join(path, part);
    if (type == '5') {
        makeFolder(path, modeOk ? mode : 0755);
    } else if (type == '0' || type == '\0' || type == '7') {
        beginFile(path, modeOk ? mode : 0644, size);
    } else {
        m_leftOut << RemotePaths::displayName(path);
        skip();
    }
}

void OpenSandboxUpload::makeFolder(const RemotePath& path, quint32 mode)
{
    const QJsonObject body{
        {QString::fromUtf8(path),
         QJsonObject{{QStringLiteral("mode"), QString::number(mode, 8).toInt()}}}};
    HttpRequest request;
    request.method = "POST";
    request.target = m_address.pathPrefix + "/directories";
    request.headers = m_address.headers;
    request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_stage = Stage::Waiting;
    m_afterWait = Stage::Header;
    watch(m_http->send(request), path);
}

void OpenSandboxUpload::beginFile(const RemotePath& path, quint32 mode, qint64 size)
{
    m_body = new MultipartBody(this);
    m_body->drained = [this] {
        pump();
    };
    m_body->append(partsBefore(m_boundary, path, mode));
    HttpRequest request;
    request.method = "POST";
    request.target = m_address.pathPrefix + "/files/upload";
    request.headers = m_address.headers;
    request.headers.append(
        qMakePair(QByteArray("Content-Type"), "multipart/form-data; boundary=" + m_boundary));
    request.bodyDevice = m_body;
    watch(m_http->send(request), path);
    m_stage = Stage::Content;
    if (size == 0)
        endFile();
}

void OpenSandboxUpload::endFile()
{
    m_body->append(partsAfter(m_boundary));
    m_body->finish();
    m_afterWait = m_padding > 0 ? Stage::Skipping : Stage::Header;
    m_remaining = m_padding;
    if (m_stage == Stage::Content)
        m_stage = Stage::Waiting;
}

void OpenSandboxUpload::watch(HttpReply* reply, const RemotePath& path)
{
    m_reply = reply;
    connect(reply, &HttpReply::finished, this, [this, reply, path] {
        reply->deleteLater();
        if (m_body && m_body->atEnd())
            m_body->deleteLater();
        if (!m_job || m_job->isFinished())
            return;
        if (reply->error().isError()) {
            fail(OpenSandboxClient::transportError(reply->error(), m_address.endpoint.url));
            return;
        }
        if (reply->status() >= 300) {
            Error error = OpenSandboxClient::errorFor(reply->status(), reply->body(),
                                                      reply->header("x-request-id"), m_apiKey);
            error.message =
                tr("Could not write %1: %2").arg(RemotePaths::displayName(path), error.message);
            fail(error);
            return;
        }
        if (m_stage != Stage::Waiting) {
            // Answered before the whole body was sent: execd cannot have the file.
            fail(Error::make(Error::Protocol, tr("execd answered before %1 was sent whole.")
                                                  .arg(RemotePaths::displayName(path))));
            return;
        }
        m_stage = m_afterWait;
        pump();
    });
}

void OpenSandboxUpload::sourceEnded()
{
    // An archive without its end blocks is complete if it ended between entries.
    if (m_stage == Stage::Header && m_block.isEmpty()) {
        m_block = QByteArray(BlockSize, '\0');
        consumeHeader();
        return;
    }
    fail(Error::make(Error::Protocol, tr("The archive ended in the middle of an entry.")));
}

void OpenSandboxUpload::fail(const Error& error)
{
    m_stage = Stage::Done;
    if (m_reply)
        m_reply->abort();
    if (m_job)
        m_job->finishWithError(error);
}
