#pragma once

#include "sandbox/ExecSession.h"

#include <QByteArray>
#include <QList>

struct RunResult;

// What a run printed, chunk by chunk with its stream and time, for export: as the text it
// was (both streams in arrival order), or as JSON lines, one object per chunk
// {"t": ms since the start, "stream": "stdout"|"stderr", "text": …} and a last one with
// {"exitCode", "durationMs", "timedOut", "cancelled"}. Bounded: past maxBytes, later chunks
// are counted but not kept.
class RunTranscript final
{
public:
    void clear();
    void append(ExecSession::Stream stream, const QByteArray& bytes, qint64 atMs);
    void setResult(const RunResult& result);
    bool isEmpty() const { return m_chunks.isEmpty() && !m_hasResult; }
    qint64 droppedBytes() const { return m_dropped; }

    QByteArray toText() const;
    QByteArray toJsonLines() const;

    static constexpr qint64 maxBytes = 64 * 1024 * 1024;

private:
    struct Chunk
    {
        qint64 atMs;
        ExecSession::Stream stream;
        QByteArray bytes;
    };
    QList<Chunk> m_chunks;
    qint64 m_kept = 0;
    qint64 m_dropped = 0;
    bool m_hasResult = false;
    int m_exitCode = -1;
    qint64 m_durationMs = 0;
    bool m_timedOut = false;
    bool m_cancelled = false;
};
