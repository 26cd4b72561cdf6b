#pragma once

#include "terminal/TerminalShadowState.h"

#include <QByteArray>

#include <cstddef>

class TerminalGrid;

// The byte scanner in front of libvterm's parser. It frames escape sequences and UTF-8 over any
// split of the input, follows what they do to the state libvterm keeps to itself, keeps from
// libvterm what version 0.1.4 gets wrong, and writes long runs of printable ASCII into the grid
// itself where libvterm would have printed them.
class TerminalScanner final
{
public:
    // libvterm's parser as the scanner uses it.
    class Parser
    {
    public:
        virtual ~Parser() = default;
        virtual void write(const char* bytes, size_t size) = 0;
        virtual void cursorPosition(int* row, int* column) const = 0;
    };

    static constexpr qsizetype MaxHeldSequence = 1 << 20; // longest OSC/DCS string kept (OSC 52)
    // Shortest stretch of printable ASCII worth writing into the grid without libvterm: below it
    // the cursor move that follows costs more than it saves.
    static constexpr int MinPlainRun = 8;

    TerminalScanner(Parser& parser, TerminalShadowState& state, TerminalGrid& grid);
    Q_DISABLE_COPY_MOVE(TerminalScanner)

    // Bytes from the program; any split is fine.
    void feed(const char* p, size_t n);
    // Off, all text goes through libvterm; it goes off by itself when libvterm's cursor is not
    // where the shadow state says.
    void setPlainRuns(bool on) { m_plainRuns = on; }
    bool plainRuns() const { return m_plainRuns; }

private:
    enum class Scan
    {
        Ground,
        Esc,
        EscIntermediate,
        Csi,
        String,
        StringEsc,
        Discard,
        DiscardEsc,
        DiscardCsi
    };

    void write(const char* bytes, size_t size)
    {
        if (size)
            m_parser.write(bytes, size);
    }
    void flushPending(const char* p, size_t upTo)
    {
        write(p + m_pendingFrom, upTo - m_pendingFrom);
        m_pendingFrom = upTo;
    }
    bool advance(const char* p, size_t n, size_t from, size_t* end);
    void holdTail(const char* p, size_t n);
    size_t completeUtf8Tail(const char* p, size_t n);
    void text(const char* p, size_t from, size_t to, bool endOfFeed);
    void plainRun(const char* p, size_t from, size_t to);
    void writeSequence(const char* seq, size_t size, TerminalShadowState::Sequence sequence);
    void writeString(const char* seq, size_t size);
    void writeControls(const char* seq, size_t size);

    Parser& m_parser;
    TerminalShadowState& m_state;
    TerminalGrid& m_grid;
    Scan m_scan = Scan::Ground;
    QByteArray m_held;
    QByteArray m_utf8Tail;
    size_t m_pendingFrom = 0; // start of the bytes of this feed not yet given to libvterm
    bool m_abandoned = false; // the sequence advance() ended was cut short by a new ESC
    bool m_plainRuns = true;
};
