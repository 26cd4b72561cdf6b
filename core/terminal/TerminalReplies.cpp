#include "terminal/TerminalReplies.h"

#include <algorithm>
#include <utility>

namespace {

bool isDigits(const QByteArray& s)
{
    return !s.isEmpty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

QByteArray TerminalReplies::takeAllowed()
{
    const QByteArray result = allowed(m_pending);
    m_pending.clear();
    return result;
}

QByteArray TerminalReplies::allowed(const QByteArray& r)
{
    QByteArray allowed;
    qsizetype i = 0;
    while (i < r.size()) {
        const auto c = static_cast<unsigned char>(r.at(i));
        qsizetype bodyStart = -1;
        if (c == 0x1b && i + 1 < r.size() && r.at(i + 1) == '[')
            bodyStart = i + 2;
        else if (c == 0x9b)
            bodyStart = i + 1;
        if (bodyStart < 0) {
            // Not a CSI: skip a whole string reply (DCS/OSC) or the single byte.
            const bool string =
                (c == 0x1b && i + 1 < r.size() && (r.at(i + 1) == 'P' || r.at(i + 1) == ']')) ||
                c == 0x90 || c == 0x9d;
            if (!string) {
                ++i;
                continue;
            }
            qsizetype k = i + (c == 0x1b ? 2 : 1);
            while (k < r.size() && r.at(k) != '\a' && uchar(r.at(k)) != 0x9c &&
                   !(r.at(k) == '\x1b' && k + 1 < r.size() && r.at(k + 1) == '\\'))
                ++k;
            i = k + (k < r.size() && r.at(k) == '\x1b' ? 2 : 1);
            continue;
        }
        qsizetype k = bodyStart;
        while (k < r.size() && (uchar(r.at(k)) < 0x40 || uchar(r.at(k)) > 0x7e))
            ++k;
        if (k >= r.size())
            break;
        const char final = r.at(k);
        QByteArray body = r.mid(bodyStart, k - bodyStart);
        i = k + 1;
        char leader = 0;
        if (!body.isEmpty() && (body.at(0) == '?' || body.at(0) == '>')) {
            leader = body.at(0);
            body.remove(0, 1);
        }
        const QList<QByteArray> params = body.split(';');
        const bool numeric =
            body.isEmpty() || std::all_of(params.begin(), params.end(),
                                          [](const QByteArray& v) { return isDigits(v); });
        if (!numeric || body.size() > 32)
            continue;
        if (final == 'c' && leader) // DA1 (?) and DA2 (>)
            allowed += "\x1b[" + QByteArray(1, leader) + body + 'c';
        else if (final == 'n' && !leader && body == "0") // DSR: ready
            allowed += "\x1b[0n";
        else if (final == 'R' && !leader && params.size() == 2) // CPR
            allowed += "\x1b[" + body + 'R';
    }
    return allowed;
}

void TerminalReplies::noteOsc(const QByteArray& osc)
{
    if (!osc.startsWith("52;"))
        return; // colour, font and other queries are never answered
    const qsizetype separator = osc.indexOf(';', 3);
    if (separator < 0)
        return;
    const QByteArray data = osc.mid(separator + 1);
    if (data == "?" || !m_clipboardAllowed)
        return; // reading the clipboard is refused
    auto decoded = QByteArray::fromBase64Encoding(data, QByteArray::AbortOnBase64DecodingErrors);
    if (decoded)
        m_clipboardWrites.append(decoded.decoded);
}

QList<QByteArray> TerminalReplies::takeClipboardWrites()
{
    return std::exchange(m_clipboardWrites, {});
}
