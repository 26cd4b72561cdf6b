#include "RunTranscript.h"

#include "Run.h"

#include <QJsonDocument>
#include <QJsonObject>

void RunTranscript::clear()
{
    *this = RunTranscript();
}

void RunTranscript::append(ExecSession::Stream stream, const QByteArray& bytes, qint64 atMs)
{
    if (m_kept + bytes.size() > maxBytes) {
        m_dropped += bytes.size();
        return;
    }
    m_kept += bytes.size();
    m_chunks.append({atMs, stream, bytes});
}

void RunTranscript::setResult(const RunResult& result)
{
    m_hasResult = true;
    m_exitCode = result.exitCode;
    m_durationMs = result.durationMs;
    m_timedOut = result.timedOut;
    m_cancelled = result.cancelled;
}

QByteArray RunTranscript::toText() const
{
    QByteArray text;
    text.reserve(m_kept);
    for (const Chunk& chunk : m_chunks)
        text += chunk.bytes;
    return text;
}

QByteArray RunTranscript::toJsonLines() const
{
    QByteArray lines;
    for (const Chunk& chunk : m_chunks) {
        QJsonObject object;
        object.insert(QLatin1String("t"), chunk.atMs);
        object.insert(QLatin1String("stream"), chunk.stream == ExecSession::Stream::Stderr
                                                   ? QLatin1String("stderr")
                                                   : QLatin1String("stdout"));
        // Invalid UTF-8 becomes U+FFFD: JSON carries text.
        object.insert(QLatin1String("text"), QString::fromUtf8(chunk.bytes));
        lines += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    }
    if (m_hasResult) {
        QJsonObject end;
        end.insert(QLatin1String("exitCode"), m_exitCode);
        end.insert(QLatin1String("durationMs"), m_durationMs);
        end.insert(QLatin1String("timedOut"), m_timedOut);
        end.insert(QLatin1String("cancelled"), m_cancelled);
        if (m_dropped > 0)
            end.insert(QLatin1String("droppedBytes"), m_dropped);
        lines += QJsonDocument(end).toJson(QJsonDocument::Compact) + '\n';
    }
    return lines;
}
