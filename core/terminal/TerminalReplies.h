#pragma once

#include <QByteArray>
#include <QList>

#include <cstddef>

// What the program may get back from the terminal and ask of it. libvterm answers more queries
// than a program should see (DECRQSS, DECRQM); only device attributes, device status and cursor
// position reports pass. Of OSC 52 only writes to the clipboard pass, and only when allowed.
class TerminalReplies final
{
public:
    TerminalReplies() = default;
    Q_DISABLE_COPY_MOVE(TerminalReplies)

    // libvterm's output while it parses the program's bytes.
    void append(const char* bytes, size_t size) { m_pending.append(bytes, qsizetype(size)); }
    bool hasPending() const { return !m_pending.isEmpty(); }
    void discardPending() { m_pending.clear(); }
    // The allowed replies among those appended since the last call.
    QByteArray takeAllowed();
    // The allowed replies in raw, in order.
    static QByteArray allowed(const QByteArray& raw);

    void setClipboardWritesAllowed(bool allowed) { m_clipboardAllowed = allowed; }
    bool clipboardWritesAllowed() const { return m_clipboardAllowed; }
    // An OSC string (its body, without ESC ] and terminator): a clipboard write is kept when
    // allowed; reads and every other OSC are refused.
    void noteOsc(const QByteArray& osc);
    QList<QByteArray> takeClipboardWrites();

private:
    QByteArray m_pending;
    QList<QByteArray> m_clipboardWrites;
    bool m_clipboardAllowed = false;
};
