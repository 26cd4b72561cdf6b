#include "TarHeadSink.h"

#include <QCoreApplication>

#include <limits>

namespace {

constexpr qint64 BlockSize = 512;
constexpr qint64 MaxPaxRecord = 64 * 1024;

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
    const QByteArray digits = field.trimmed().split('\0').value(0).trimmed();
    if (digits.isEmpty())
        return 0;
    return digits.toLongLong(ok, 8);
}

} // namespace

TarHeadSink::TarHeadSink(qint64 limit, QObject* parent)
    : QIODevice(parent)
    , m_limit(limit)
{
    open(QIODevice::WriteOnly);
}

qint64 TarHeadSink::readData(char*, qint64)
{
    return -1;
}

qint64 TarHeadSink::writeData(const char* data, qint64 size)
{
    qint64 at = 0;
    while (at < size && m_stage != Stage::Done) {
        const qint64 left = size - at;
        switch (m_stage) {
        case Stage::Header: {
            const qint64 take = qMin(left, BlockSize - m_block.size());
            m_block.append(data + at, take);
            at += take;
            if (m_block.size() == BlockSize)
                consumeHeader();
            break;
        }
        case Stage::Skipping:
        case Stage::Extended: {
            const qint64 take = qMin(left, m_remaining);
            if (m_stage == Stage::Extended && m_pax.size() < MaxPaxRecord)
                m_pax.append(data + at, qMin(take, MaxPaxRecord - m_pax.size()));
            at += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                if (m_stage == Stage::Extended) {
                    // Records are "LENGTH key=value\n"; the size and the owners matter here.
                    for (const QByteArray& record : m_pax.split('\n')) {
                        const qsizetype space = record.indexOf(' ');
                        const QByteArray pair = record.mid(space + 1);
                        const qsizetype equals = pair.indexOf('=');
                        const QByteArray key = pair.left(equals);
                        bool ok = false;
                        const qint64 value = pair.mid(equals + 1).toLongLong(&ok);
                        if (equals < 0 || !ok || value < 0)
                            continue;
                        if (key == "size")
                            m_paxSize = value;
                        else if (key == "uid")
                            m_paxUid = value;
                        else if (key == "gid")
                            m_paxGid = value;
                    }
                    m_pax.clear();
                }
                m_stage = Stage::Header;
            }
            break;
        }
        case Stage::Content: {
            const qint64 take = qMin(left, qMin(m_size, m_limit) - m_head.size());
            m_head.append(data + at, take);
            at += take;
            if (m_head.size() >= qMin(m_size, m_limit))
                setReady();
            break;
        }
        case Stage::Done:
            break;
        }
    }
    // Whatever comes after the head is dropped as fast as it arrives.
    return size;
}

void TarHeadSink::consumeHeader()
{
    const QByteArray block = m_block;
    m_block.clear();
    if (block.count('\0') == BlockSize) {
        fail(QCoreApplication::translate("TarHeadSink", "The archive holds no file."));
        return;
    }
    // The checksum counts the checksum field as spaces.
    qint64 sum = 0;
    for (qsizetype i = 0; i < BlockSize; ++i)
        sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(block[i]);
    bool ok = false;
    const qint64 stored = number(block.mid(148, 8), &ok);
    qint64 size = number(block.mid(124, 12), &ok);
    if (!ok || stored != sum || size < 0) {
        fail(QCoreApplication::translate("TarHeadSink", "The archive is damaged."));
        return;
    }
    if (m_paxSize >= 0)
        size = m_paxSize;
    m_paxSize = -1;
    const char type = block[156];
    if (type != 'x' && type != 'g' && type != 'L' && type != 'K') {
        bool uidOk = false;
        bool gidOk = false;
        const qint64 uid = number(block.mid(108, 8), &uidOk);
        const qint64 gid = number(block.mid(116, 8), &gidOk);
        m_uid = m_paxUid >= 0 ? m_paxUid : (uidOk ? uid : -1);
        m_gid = m_paxGid >= 0 ? m_paxGid : (gidOk ? gid : -1);
        m_paxUid = -1;
        m_paxGid = -1;
    }
    switch (type) {
    case 'x':
        m_stage = Stage::Extended;
        m_remaining = padded(size);
        m_pax.clear();
        return;
    case 'g':
    case 'L':
    case 'K':
        m_stage = Stage::Skipping;
        m_remaining = padded(size);
        if (m_remaining == 0)
            m_stage = Stage::Header;
        return;
    case '5':
        m_kind = Kind::Folder;
        setReady();
        return;
    case '2':
        m_kind = Kind::Symlink;
        setReady();
        return;
    case '0':
    case '\0':
    case '7':
        m_kind = Kind::File;
        m_size = size;
        m_stage = Stage::Content;
        if (m_size == 0 || m_limit == 0)
            setReady();
        return;
    default:
        m_kind = Kind::Other;
        setReady();
        return;
    }
}

void TarHeadSink::fail(const QString& message)
{
    m_error = Error::make(Error::Protocol, message);
    setReady();
}

void TarHeadSink::setReady()
{
    m_stage = Stage::Done;
    if (m_ready)
        return;
    m_ready = true;
    Q_EMIT headReady();
}

void TarHeadSink::finishInput()
{
    if (!m_ready)
        fail(QCoreApplication::translate("TarHeadSink", "The archive ended early."));
}
