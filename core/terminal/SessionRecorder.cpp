#include "terminal/SessionRecorder.h"

#include "sandbox/SpillFiles.h"

#include <QFile>
#include <QTemporaryFile>
#include <QtEndian>

namespace {

// One record: time (ms, int64 LE), kind (1 byte), payload length (uint32 LE), payload.
constexpr int HeaderSize = 8 + 1 + 4;
constexpr quint32 MaxPayload = 64 * 1024 * 1024;

QByteArray encode(const SessionEvent& event)
{
    QByteArray payload = event.data;
    if (event.kind == SessionEvent::Kind::Resize) {
        payload.resize(8);
        qToLittleEndian<quint32>(quint32(event.columns), payload.data());
        qToLittleEndian<quint32>(quint32(event.rows), payload.data() + 4);
    }
    QByteArray record(HeaderSize, Qt::Uninitialized);
    qToLittleEndian<qint64>(event.ms, record.data());
    record[8] = char(event.kind);
    qToLittleEndian<quint32>(quint32(payload.size()), record.data() + 9);
    return record + payload;
}

} // namespace

SessionReader::SessionReader() = default;
SessionReader::SessionReader(SessionReader&& other) noexcept = default;
SessionReader& SessionReader::operator=(SessionReader&& other) noexcept = default;
SessionReader::~SessionReader() = default;

bool SessionReader::read(char* into, qint64 size)
{
    if (m_position + size > m_size)
        return false;
    if (m_file) {
        if (m_file->read(into, size) != size) {
            m_error = true;
            return false;
        }
    } else {
        memcpy(into, m_memory.constData() + m_position, size_t(size));
    }
    m_position += size;
    return true;
}

bool SessionReader::next(SessionEvent* event)
{
    while (readEvent(event)) {
        if (!m_skipInput || event->kind != SessionEvent::Kind::Input)
            return true;
    }
    return false;
}

bool SessionReader::readEvent(SessionEvent* event)
{
    char header[HeaderSize];
    if (m_error || !read(header, HeaderSize))
        return false;
    event->ms = qFromLittleEndian<qint64>(header);
    event->kind = SessionEvent::Kind(header[8]);
    const quint32 length = qFromLittleEndian<quint32>(header + 9);
    if (length > MaxPayload) {
        m_error = true;
        return false;
    }
    event->data.resize(qsizetype(length));
    if (!read(event->data.data(), length)) {
        m_error = true;
        return false;
    }
    event->columns = event->rows = 0;
    if (event->kind == SessionEvent::Kind::Resize && length == 8) {
        event->columns = int(qFromLittleEndian<quint32>(event->data.constData()));
        event->rows = int(qFromLittleEndian<quint32>(event->data.constData() + 4));
        event->data.clear();
    }
    return true;
}

SessionRecorder::SessionRecorder(int columns, int rows, qint64 memoryLimit)
    : m_columns(columns)
    , m_rows(rows)
    , m_memoryLimit(memoryLimit)
    , m_startedAt(QDateTime::currentDateTimeUtc())
{
    m_clock.start();
}

SessionRecorder::~SessionRecorder()
{
    SpillFiles::release(m_spilled);
}

void SessionRecorder::recordOutput(const QByteArray& bytes)
{
    record({m_clock.elapsed(), SessionEvent::Kind::Output, bytes, 0, 0});
}

void SessionRecorder::recordInput(const QByteArray& bytes)
{
    record({m_clock.elapsed(), SessionEvent::Kind::Input, bytes, 0, 0});
}

void SessionRecorder::recordResize(int columns, int rows)
{
    record({m_clock.elapsed(), SessionEvent::Kind::Resize, {}, columns, rows});
}

void SessionRecorder::record(const SessionEvent& event)
{
    if (event.kind != SessionEvent::Kind::Resize && event.data.isEmpty())
        return;
    // Very large writes are stored as several records of the same time.
    if (event.data.size() > qsizetype(MaxPayload)) {
        for (qsizetype at = 0; at < event.data.size(); at += MaxPayload) {
            SessionEvent part = event;
            part.data = event.data.mid(at, MaxPayload);
            record(part);
        }
        return;
    }
    append(encode(event));
}

void SessionRecorder::append(const QByteArray& record)
{
    if (m_error)
        return;
    if (!m_file && m_memory.size() + record.size() > m_memoryLimit) {
        m_file = SpillFiles::create(QStringLiteral("session"));
        if (!m_file->open() || !SpillFiles::reserve(m_memory.size())) {
            m_error = true;
            return;
        }
        m_spilled = m_memory.size();
        if (m_file->write(m_memory) != m_memory.size()) {
            m_error = true;
            return;
        }
        m_memory = QByteArray();
    }
    if (m_file) {
        if (!SpillFiles::reserve(record.size())) {
            m_error = true;
            return;
        }
        m_spilled += record.size();
        if (m_file->write(record) != record.size()) {
            m_error = true;
            return;
        }
    } else {
        m_memory += record;
    }
    m_size += record.size();
    ++m_events;
}

SessionReader SessionRecorder::reader() const
{
    SessionReader reader;
    reader.m_columns = m_columns;
    reader.m_rows = m_rows;
    reader.m_startedAt = m_startedAt;
    reader.m_size = m_size;
    if (m_file) {
        m_file->flush();
        reader.m_file = std::make_unique<QFile>(m_file->fileName());
        if (!reader.m_file->open(QIODevice::ReadOnly))
            reader.m_error = true;
    } else {
        reader.m_memory = m_memory;
    }
    return reader;
}
