#include "terminal/TerminalCell.h"

namespace {

const quint32 xtermBase16[16] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
                                 0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
                                 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};

} // namespace

quint32 TerminalColor::toRgb(quint32 fallback) const
{
    if (kind == Rgb)
        return quint32(red) << 16 | quint32(green) << 8 | blue;
    if (kind == Default)
        return fallback;
    const int i = red;
    if (i < 16)
        return xtermBase16[i];
    if (i < 232) {
        static const int levels[6] = {0, 95, 135, 175, 215, 255};
        const int c = i - 16;
        return quint32(levels[c / 36]) << 16 | quint32(levels[c / 6 % 6]) << 8 | levels[c % 6];
    }
    const quint32 grey = quint32(8 + 10 * (i - 232));
    return grey << 16 | grey << 8 | grey;
}

QString TerminalLine::text(int column) const
{
    const TerminalCell c = cell(column);
    if (c.attributes & TerminalCell::WideTail)
        return {};
    if (c.codepoint == 0)
        return QStringLiteral(" ");
    QString s = QString::fromUcs4(&c.codepoint, 1);
    if (c.attributes & TerminalCell::HasMarks) {
        for (int i = 0; i < m_markCount; ++i) {
            if (m_marks[i].column != column)
                continue;
            for (char32_t mark : m_marks[i].marks) {
                if (mark)
                    s += QString::fromUcs4(&mark, 1);
            }
        }
    }
    return s;
}

QString TerminalLine::toString() const
{
    QString s;
    s.reserve(m_count);
    for (int column = 0; column < m_count; ++column)
        s += text(column);
    while (s.endsWith(QLatin1Char(' ')))
        s.chop(1);
    return s;
}
