#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

// A colour as a terminal program asked for it; the view maps it onto its palette.
struct AnsiColor
{
    enum class Kind : quint8
    {
        Default,
        Indexed, // 0–255: 0–7 normal, 8–15 bright, 16–255 the xterm cube and greys
        Rgb
    };
    Kind kind = Kind::Default;
    quint8 index = 0;
    quint8 red = 0;
    quint8 green = 0;
    quint8 blue = 0;

    static AnsiColor indexed(int index);
    static AnsiColor rgb(int red, int green, int blue);
    bool operator==(const AnsiColor& other) const;
    bool operator!=(const AnsiColor& other) const { return !(*this == other); }
};

struct AnsiRun
{
    QString text;
    AnsiColor foreground;
    AnsiColor background;
    bool bold = false;
    bool faint = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false;

    bool sameStyle(const AnsiRun& other) const;
};

// One log line for display. SGR sequences (ESC [ … m) become styled runs; every other escape
// and control sequence is removed, never carried out. Control characters left over show as
// their Unicode pictures (␀, ␇, ␛ …), invalid UTF-8 as U+FFFD; a tab stays a tab and the
// '\r' of a "\r\n" line end is dropped.
namespace AnsiText {

QList<AnsiRun> parse(QByteArrayView line);
// The text of parse() without styles, for copying and searching what is shown.
QString plainText(QByteArrayView line);

} // namespace AnsiText
