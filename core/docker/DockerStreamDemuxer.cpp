#include "DockerStreamDemuxer.h"

bool DockerStreamDemuxer::feed(const QByteArray& bytes)
{
    qsizetype at = 0;
    while (!m_failed && at < bytes.size()) {
        if (m_remaining == 0) {
            const qsizetype take = qMin<qsizetype>(8 - m_header.size(), bytes.size() - at);
            m_header.append(bytes.constData() + at, take);
            at += take;
            if (m_header.size() < 8)
                break;
            const auto* h = reinterpret_cast<const uchar*>(m_header.constData());
            if (h[0] > EngineError || h[1] != 0 || h[2] != 0 || h[3] != 0) {
                m_failed = true;
                break;
            }
            m_stream = Stream(h[0]);
            m_remaining = (quint32(h[4]) << 24) | (quint32(h[5]) << 16) | (quint32(h[6]) << 8) |
                          quint32(h[7]);
            m_header.clear();
            continue;
        }
        const qsizetype take = qMin<qsizetype>(m_remaining, bytes.size() - at);
        if (onPayload)
            onPayload(m_stream, bytes.mid(at, take));
        at += take;
        m_remaining -= quint32(take);
    }
    return !m_failed;
}
