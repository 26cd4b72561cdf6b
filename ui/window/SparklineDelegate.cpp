#include "SparklineDelegate.h"

#include "sandbox/SandboxTableModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {

// The line takes the cell's right part, past the widest figure the column shows.
constexpr int FigureWidthChars = 9;
constexpr int MinLineWidth = 24;

} // namespace

SparklineDelegate::SparklineDelegate(Scale scale, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_scale(scale)
{}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    QStyleOptionViewItem figure = option;
    initStyleOption(&figure, index);
    const int figureWidth =
        figure.fontMetrics.horizontalAdvance(QLatin1Char('0')) * FigureWidthChars;
    const QRect line = option.rect.adjusted(figureWidth, 4, -4, -4);
    QStyledItemDelegate::paint(painter, option, index);
    const QList<qreal> values = index.data(SandboxTableModel::HistoryRole).value<QList<qreal>>();
    if (values.size() < 2 || line.width() < MinLineWidth)
        return;
    qreal top = *std::max_element(values.begin(), values.end());
    // A flat line sits below the top edge rather than on it.
    top = m_scale == Scale::Percent ? std::max<qreal>(top, 100.0) : top * 1.25;
    if (top <= 0)
        return;
    // Newest at the right edge; at most one point per pixel.
    const qsizetype shown = std::min<qsizetype>(values.size(), line.width());
    QPainterPath path;
    for (qsizetype i = 0; i < shown; ++i) {
        const qreal value = values.at(values.size() - shown + i);
        const qreal x = line.right() - qreal(shown - 1 - i) * qreal(line.width()) / qreal(shown);
        const qreal y = line.bottom() - std::clamp(value / top, 0.0, 1.0) * line.height();
        if (i == 0)
            path.moveTo(x, y);
        else
            path.lineTo(x, y);
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    QColor color = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
    painter->setPen(QPen(color, 1.2));
    painter->drawPath(path);
    painter->restore();
}
