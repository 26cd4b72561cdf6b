#include "ExecdEventParser.h"

#include <algorithm>

bool ExecdEventParser::feed(const QByteArray& bytes, QList<QByteArray>* events)
{
    if (m_failed)
        return false;
    m_buffer += bytes;
    for (;;) {
        // A blank line ends an event: "\n\n", or "\n\r\n" where lines end in CRLF.
        qsizetype end = -1;
        qsizetype after = 0;
        for (qsizetype at = m_buffer.indexOf('\n', m_scanFrom); at >= 0;
             at = m_buffer.indexOf('\n', at + 1)) {
            if (at + 1 < m_buffer.size() && m_buffer.at(at + 1) == '\n') {
                end = at;
                after = at + 2;
                break;
            }
            if (at + 2 < m_buffer.size() && m_buffer.at(at + 1) == '\r' &&
                m_buffer.at(at + 2) == '\n') {
                end = at;
                after = at + 3;
                break;
            }
        }
        if (end < 0) {
            // Look again only at what may still end an event.
            m_scanFrom = std::max<qsizetype>(0, m_buffer.size() - 2);
            if (m_buffer.size() > m_maxEventBytes) {
                m_failed = true;
                m_buffer.clear();
                return false;
            }
            return true;
        }
        const QByteArray payload = payloadOf(m_buffer.left(end));
        m_buffer.remove(0, after);
        m_scanFrom = 0;
        if (!payload.isEmpty())
            events->append(payload);
    }
}

QByteArray ExecdEventParser::finish()
{
    const QByteArray payload = m_failed ? QByteArray() : payloadOf(m_buffer);
    m_buffer.clear();
    m_scanFrom = 0;
    return payload;
}

QByteArray ExecdEventParser::payloadOf(const QByteArray& block)
{
    QByteArray payload;
    bool first = true;
    const QList<QByteArray> lines = block.split('\n');
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(':'))
            continue;
        if (line.startsWith("event:") || line.startsWith("id:") || line.startsWith("retry:"))
            continue;
        if (line.startsWith("data:")) {
            line.remove(0, 5);
            if (line.startsWith(' '))
                line.remove(0, 1);
        }
        if (!first)
            payload += '\n';
        payload += line;
        first = false;
    }
    return payload.trimmed();
}
