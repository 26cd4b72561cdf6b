#pragma once

#include <QString>
#include <QStringView>

// How many columns a monospace terminal gives a text: East Asian wide and fullwidth characters
// (Chinese, Japanese, Korean, most emoji) take two, combining marks and format characters none,
// everything else one. Padding by this, not by QString::size(), keeps table columns aligned.
namespace TextWidth {

int codePointColumns(char32_t codePoint);
int columns(QStringView text);
// text followed by spaces up to `width` columns; a text already that wide is not cut.
QString padRight(const QString& text, int width);

} // namespace TextWidth
