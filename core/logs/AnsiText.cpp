#include "AnsiText.h"

namespace {

constexpr char Esc = 0x1b;
constexpr int MaxParameters = 32;

// Unicode's "control pictures" block: U+2400 + C0 code, U+2421 for DEL.
QChar visibleControl(uchar c)
{
    return c == 0x7f ? QChar(0x2421) : QChar(0x2400 + c);
}

class Parser
{
public:
    explicit Parser(QByteArrayView line)
        : m_data(line.data())
        , m_size(line.size())
    {
        if (m_size > 0 && m_data[m_size - 1] == '\r')
            --m_size;
    }

    QList<AnsiRun> run()
    {
        qsizetype textStart = 0;
        qsizetype at = 0;
        while (at < m_size) {
            const auto c = uchar(m_data[at]);
            if (c >= 0x20 && c != 0x7f) {
                ++at;
                continue;
            }
            appendText(textStart, at);
            if (c == uchar(Esc)) {
                at = escape(at + 1);
            } else {
                if (c == '\t')
                    m_current.text += QLatin1Char('\t');
                else
                    m_current.text += visibleControl(c);
                ++at;
            }
            textStart = at;
        }
        appendText(textStart, m_size);
        closeRun();
        return m_runs;
    }

private:
    void appendText(qsizetype from, qsizetype to)
    {
        if (to <= from)
            return;
        // Bytes below 0x20 never sit inside a UTF-8 sequence, so cutting there is safe.
        QString text = QString::fromUtf8(m_data + from, to - from);
        for (QChar& ch : text) {
            // C1 controls (U+0080–U+009F) would be carried out by some terminals.
            if (ch.unicode() >= 0x80 && ch.unicode() < 0xa0)
                ch = QChar(QChar::ReplacementCharacter);
        }
        m_current.text += text;
    }

    void closeRun()
    {
        if (m_current.text.isEmpty())
            return;
        if (!m_runs.isEmpty() && m_runs.last().sameStyle(m_current))
            m_runs.last().text += m_current.text;
        else
            m_runs.append(m_current);
        m_current.text.clear();
    }

    // Skips the sequence after ESC; returns where text resumes.
    qsizetype escape(qsizetype at)
    {
        if (at >= m_size)
            return at;
        const char kind = m_data[at];
        if (kind == '[')
            return csi(at + 1);
        if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_')
            return stringSequence(at + 1);
        // ESC, intermediates 0x20–0x2f, one final byte.
        while (at < m_size && uchar(m_data[at]) >= 0x20 && uchar(m_data[at]) <= 0x2f)
            ++at;
        return at < m_size ? at + 1 : at;
    }

    // OSC, DCS, SOS, PM, APC: up to BEL or ESC \ (or the end of the line).
    qsizetype stringSequence(qsizetype at)
    {
        while (at < m_size) {
            if (m_data[at] == 0x07)
                return at + 1;
            if (m_data[at] == Esc)
                return at + 1 < m_size && m_data[at + 1] == '\\' ? at + 2 : at + 1;
            ++at;
        }
        return at;
    }

    qsizetype csi(qsizetype at)
    {
        const qsizetype parametersStart = at;
        while (at < m_size && uchar(m_data[at]) >= 0x30 && uchar(m_data[at]) <= 0x3f)
            ++at;
        const qsizetype parametersEnd = at;
        while (at < m_size && uchar(m_data[at]) >= 0x20 && uchar(m_data[at]) <= 0x2f)
            ++at;
        if (at >= m_size)
            return at;
        const char final = m_data[at];
        if (uchar(final) < 0x40 || uchar(final) > 0x7e)
            return at; // malformed: drop what was read, show the rest
        if (final == 'm' && parametersEnd == at)
            sgr(parametersStart, parametersEnd);
        return at + 1;
    }

    void sgr(qsizetype from, qsizetype to)
    {
        if (from < to && (m_data[from] == '?' || m_data[from] == '>' || m_data[from] == '<' ||
                          m_data[from] == '='))
            return; // private sequences, not SGR
        // Values, and whether each came after ':' (a sub-parameter, as in 38:2::r:g:b).
        QList<int> values;
        QList<bool> sub;
        int value = -1;
        bool afterColon = false;
        for (qsizetype i = from; i <= to && values.size() < MaxParameters; ++i) {
            if (i == to || m_data[i] == ';' || m_data[i] == ':') {
                values.append(value < 0 ? 0 : value);
                sub.append(afterColon);
                afterColon = i < to && m_data[i] == ':';
                value = -1;
            } else if (m_data[i] >= '0' && m_data[i] <= '9') {
                value = qMin((value < 0 ? 0 : value) * 10 + (m_data[i] - '0'), 100000);
            }
        }
        AnsiRun style = m_current;
        style.text.clear();
        for (qsizetype i = 0; i < values.size(); ++i) {
            const int v = values.at(i);
            if (v == 0) {
                style = AnsiRun();
            } else if (v == 1) {
                style.bold = true;
            } else if (v == 2) {
                style.faint = true;
            } else if (v == 3) {
                style.italic = true;
            } else if (v == 4) {
                style.underline = true;
            } else if (v == 7) {
                style.inverse = true;
            } else if (v == 21 || v == 22) {
                style.bold = false;
                style.faint = false;
            } else if (v == 23) {
                style.italic = false;
            } else if (v == 24) {
                style.underline = false;
            } else if (v == 27) {
                style.inverse = false;
            } else if (v >= 30 && v <= 37) {
                style.foreground = AnsiColor::indexed(v - 30);
            } else if (v >= 90 && v <= 97) {
                style.foreground = AnsiColor::indexed(v - 90 + 8);
            } else if (v >= 40 && v <= 47) {
                style.background = AnsiColor::indexed(v - 40);
            } else if (v >= 100 && v <= 107) {
                style.background = AnsiColor::indexed(v - 100 + 8);
            } else if (v == 39) {
                style.foreground = {};
            } else if (v == 49) {
                style.background = {};
            } else if (v == 38 || v == 48) {
                AnsiColor color;
                QList<int> group;
                for (qsizetype j = i + 1; j < values.size() && sub.at(j); ++j)
                    group.append(values.at(j));
                if (!group.isEmpty()) {
                    i += group.size();
                    if (group.at(0) == 5 && group.size() >= 2)
                        color = AnsiColor::indexed(group.at(1));
                    else if (group.at(0) == 2 && group.size() >= 5)
                        color = AnsiColor::rgb(group.at(2), group.at(3), group.at(4));
                    else if (group.at(0) == 2 && group.size() == 4)
                        color = AnsiColor::rgb(group.at(1), group.at(2), group.at(3));
                    else
                        continue;
                } else {
                    const int mode = values.value(i + 1, -1);
                    if (mode == 5 && i + 2 < values.size()) {
                        color = AnsiColor::indexed(values.at(i + 2));
                        i += 2;
                    } else if (mode == 2 && i + 4 < values.size()) {
                        color =
                            AnsiColor::rgb(values.at(i + 2), values.at(i + 3), values.at(i + 4));
                        i += 4;
                    } else {
                        break; // incomplete: ignore the rest as a terminal would
                    }
                }
                (v == 38 ? style.foreground : style.background) = color;
            }
        }
        if (!style.sameStyle(m_current)) {
            closeRun();
            style.text = m_current.text;
            m_current = style;
        }
    }

    const char* m_data;
    qsizetype m_size;
    QList<AnsiRun> m_runs;
    AnsiRun m_current;
};

} // namespace

AnsiColor AnsiColor::indexed(int index)
{
    AnsiColor color;
    color.kind = Kind::Indexed;
    color.index = quint8(qBound(0, index, 255));
    return color;
}

AnsiColor AnsiColor::rgb(int red, int green, int blue)
{
    AnsiColor color;
    color.kind = Kind::Rgb;
    color.red = quint8(qBound(0, red, 255));
    color.green = quint8(qBound(0, green, 255));
    color.blue = quint8(qBound(0, blue, 255));
    return color;
}

bool AnsiColor::operator==(const AnsiColor& other) const
{
    if (kind != other.kind)
        return false;
    if (kind == Kind::Indexed)
        return index == other.index;
    if (kind == Kind::Rgb)
        return red == other.red && green == other.green && blue == other.blue;
    return true;
}

bool AnsiRun::sameStyle(const AnsiRun& other) const
{
    return foreground == other.foreground && background == other.background && bold == other.bold &&
           faint == other.faint && italic == other.italic && underline == other.underline &&
           inverse == other.inverse;
}

namespace AnsiText {

QList<AnsiRun> parse(QByteArrayView line)
{
    return Parser(line).run();
}

QString plainText(QByteArrayView line)
{
    QString text;
    const QList<AnsiRun> runs = parse(line);
    for (const AnsiRun& run : runs)
        text += run.text;
    return text;
}

} // namespace AnsiText
