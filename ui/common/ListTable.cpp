#include "ListTable.h"

#include <QHeaderView>
#include <QTableView>

namespace ListTable {

void setUp(QTableView* table, const QList<QPair<int, int>>& widths, int stretch)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 12);
    QHeaderView* header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    for (const auto& [column, width] : widths)
        header->resizeSection(column, width);
    header->setSectionResizeMode(stretch, QHeaderView::Stretch);
}

} // namespace ListTable
