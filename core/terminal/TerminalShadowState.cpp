#include "terminal/TerminalShadowState.h"

#include <algorithm>

int TerminalShadowState::sgrConceal(const char* seq, size_t size)
{
    if (size < 3 || seq[1] != '[' || seq[size - 1] != 'm')
        return -1;
    const char* p = seq + 2;
    const char* const end = seq + size - 1;
    if (p == end)
        return 0;
    int result = -1;
    int skip = 0;
    bool colour = false; // the previous parameter was 38/48/58 without sub-parameters
    while (p <= end) {
        int value = 0;
        bool sub = false;
        while (p < end && *p >= '0' && *p <= '9') {
            value = std::min(value * 10 + (*p - '0'), 100000);
            ++p;
        }
        while (p < end && *p == ':') {
            sub = true;
            ++p;
            while (p < end && *p >= '0' && *p <= '9')
                ++p;
        }
        if (p < end && *p != ';')
            return -1; // a leader or intermediate: not SGR
        if (colour) {
            colour = false;
            skip = value == 5 ? 1 : value == 2 ? 3 : 0;
        } else if (skip > 0) {
            --skip;
        } else if (value == 0 || value == 28) {
            result = 0;
        } else if (value == 8) {
            result = 1;
        } else if ((value == 38 || value == 48 || value == 58) && !sub) {
            colour = true;
        }
        ++p; // past ';' (or past the end)
    }
    return result;
}

// libvterm 0.1.4 runs C0 controls inside sequences where they stand and skips DEL; SM/RM and
// DECSET/DECRST act on their first parameter only.
TerminalShadowState::Sequence TerminalShadowState::noteSequence(const char* seq, size_t size,
                                                                bool abandoned)
{
    m_parserInGround = true;
    if (abandoned) {
        noteControls(seq, size);
        return Sequence::Abandoned;
    }
    // After ESC libvterm gathers intermediates, skipping DEL and bytes above 0x7f; the first
    // other byte decides: [ a CSI, ] or P a string, anything else the escape's final byte.
    char intermediate = 0;
    int intermediates = 0;
    size_t k = 1;
    for (; k < size; ++k) {
        const auto c = static_cast<unsigned char>(seq[k]);
        if (c >= 0x20 && c <= 0x2f) {
            intermediate = char(c);
            ++intermediates;
        } else if (c >= 0x30 && c < 0x7f) {
            break;
        }
    }
    if (k < size && (seq[k] == ']' || seq[k] == 'P'))
        return Sequence::String; // written without its controls
    noteControls(seq, size);
    if (k == size)
        return Sequence::Plain;
    const char decider = seq[k];
    if (decider != '[') {
        if (intermediates == 1 && intermediate == '#' && decider == '8')
            return Sequence::Alignment;
        if (intermediates == 0 && decider == '8')
            return Sequence::RestoreCursor;
        if (intermediates == 1 && intermediate == '#' && decider >= '3' && decider <= '6')
            return Sequence::LineSize;
        if (intermediates == 1 && intermediate >= '(' && intermediate <= '+') { // SCS
            const int set = intermediate - '(';
            if (decider == 'B')
                m_asciiCharsets |= quint8(1 << set);
            else if (decider == '0' || decider == 'A')
                m_asciiCharsets &= quint8(~(1 << set));
        } else if (intermediates == 0 && (decider == 'n' || decider == 'o')) { // LS2, LS3
            m_glCharset = decider == 'n' ? 2 : 3;
        } else if (intermediates == 0 && decider == 'c') { // RIS
            m_asciiCharsets = 0x0f;
            m_glCharset = 0;
            m_insertMode = m_originMode = false;
        }
        return Sequence::Plain;
    }
    // A CSI: its body without controls, up to the final byte the scanner ended it on.
    char body[32];
    size_t n = 0;
    int separators = 0;
    for (++k; k < size && n < sizeof body; ++k) {
        const auto c = static_cast<unsigned char>(seq[k]);
        if (c >= 0x20 && c != 0x7f)
            body[n++] = char(c);
        separators += c == ';' || c == ':';
    }
    const bool whole = k == size;
    for (; k < size; ++k)
        separators += seq[k] == ';' || seq[k] == ':';
    if (separators >= MaxCsiArguments)
        return Sequence::TooLong; // libvterm never sees it, so it sets no mode
    const char final = seq[size - 1];
    if (final == 'h' || final == 'l')
        noteModes(whole ? body : nullptr, n);
    if (final == 'l' && n > 0 && body[0] == '?') // among them 1048 and 1049
        return Sequence::RestoreCursor;
    // REP: no leader or intermediate, else libvterm reads another command.
    const bool plain = std::all_of(
        body, body + n - 1, [](char c) { return (c >= '0' && c <= '9') || c == ':' || c == ';'; });
    return final == 'b' && n > 0 && plain ? Sequence::Repeat : Sequence::Plain;
}

void TerminalShadowState::noteControls(const char* p, size_t n)
{
    for (size_t k = 0; k < n; ++k) {
        if (p[k] == 0x0e) // SO: G1 into GL
            m_glCharset = 1;
        else if (p[k] == 0x0f) // SI: G0 into GL
            m_glCharset = 0;
    }
}

// SM/RM (IRM) and DECSET/DECRST (DECOM): a CSI body after "[" without controls. Null means one
// we could not read; the modes are then taken as the worst case.
void TerminalShadowState::noteModes(const char* body, size_t n)
{
    if (!body) {
        m_insertMode = true;
        return;
    }
    size_t k = 0;
    int leaders = 0;
    char leader = 0;
    for (; k < n && body[k] >= 0x3c && body[k] <= 0x3f; ++k) {
        leader = body[k];
        ++leaders;
    }
    int first = -1; // missing
    int digits = 0;
    bool inFirst = true;
    for (; k < n && ((body[k] >= '0' && body[k] <= '9') || body[k] == ':' || body[k] == ';'); ++k) {
        if (body[k] == ':' || body[k] == ';') {
            inFirst = false;
        } else if (inFirst) {
            first = std::max(first, 0) * 10 + (body[k] - '0');
            if (++digits > 8) // libvterm's number would overflow somewhere: unknowable
                return noteModes(nullptr, 0);
        }
    }
    // libvterm drops anything else; an intermediate makes it another command.
    if (k != n - 1 || leaders > 1 || first < 0)
        return;
    const bool on = body[k] == 'h';
    if (leaders == 0 && first == 4)
        m_insertMode = on;
    else if (leader == '?' && first == 6)
        m_originMode = on;
}
