#pragma once

#include <QList>
#include <QPair>

class QTableView;

// How the run window's lists look: one line a row (no word wrap, a row as high as the main
// window's), whole rows selected, nothing edited in place, headers read left to right.
// `widths` gives columns a starting width (the user can still drag them); `stretch` is the
// column that takes what is left.
namespace ListTable {

void setUp(QTableView* table, const QList<QPair<int, int>>& widths, int stretch);

} // namespace ListTable
