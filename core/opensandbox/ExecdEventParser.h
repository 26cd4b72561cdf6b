#pragma once

#include <QByteArray>
#include <QList>

// execd's event streams, cut into events: each event is a block of lines ended by a blank
// line. execd writes the JSON object bare; a proxy or a later execd may write it as Server-Sent
// Events ("data: …" lines, "event:", "id:" and ":" comment lines), which are read too. An event
// larger than the limit is an error rather than an allocation.
class ExecdEventParser final
{
public:
    static constexpr qsizetype DefaultMaxEventBytes = 16 * 1024 * 1024;

    explicit ExecdEventParser(qsizetype maxEventBytes = DefaultMaxEventBytes)
        : m_maxEventBytes(maxEventBytes)
    {}

    // Takes the next bytes; appends the payload of every event completed by them to *events.
    // False once an event has grown past the limit; nothing more is read after that.
    bool feed(const QByteArray& bytes, QList<QByteArray>* events);
    // At the end of the stream: the payload of an event that was not closed by a blank line.
    QByteArray finish();
    bool failed() const { return m_failed; }

private:
    static QByteArray payloadOf(const QByteArray& block);

    QByteArray m_buffer;
    qsizetype m_scanFrom = 0;
    qsizetype m_maxEventBytes;
    bool m_failed = false;
};
