#include "StatusBadgeDelegate.h"

#include "sandbox/SandboxTableModel.h"

#include <QApplication>
#include <QPainter>

namespace {

constexpr int HorizontalPadding = 8;
constexpr int VerticalMargin = 3;
constexpr int CellMargin = 4;

// elidedText() measures more finely than horizontalAdvance(); a pixel more keeps it from eliding
// text that fits.
int textWidth(const QFontMetrics& metrics, const QString& text)
{
    return metrics.horizontalAdvance(text) + 2;
}

} // namespace

QColor StatusBadgeDelegate::badgeColor(SandboxStatus status)
{
    switch (status) {
    case SandboxStatus::Running:
        return QColor(0x2e, 0x7d, 0x32);
    case SandboxStatus::Paused:
    case SandboxStatus::Restarting:
        return QColor(0xf5, 0xa6, 0x23);
    case SandboxStatus::Dead:
        return QColor(0xc6, 0x28, 0x28);
    case SandboxStatus::Created:
    case SandboxStatus::Exited:
    case SandboxStatus::Removing:
    case SandboxStatus::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QColor StatusBadgeDelegate::textColor(SandboxStatus status)
{
    // White on amber is hard to read.
    return status == SandboxStatus::Paused || status == SandboxStatus::Restarting
               ? QColor(0x3a, 0x2a, 0x00)
               : QColor(Qt::white);
}

void StatusBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const auto status =
        static_cast<SandboxStatus>(index.data(SandboxTableModel::StatusRole).toInt());
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics metrics(option.font);
    const int width = qMin(textWidth(metrics, text) + 2 * HorizontalPadding,
                           option.rect.width() - 2 * CellMargin);
    const int height = qMin(metrics.height() + 2 * VerticalMargin, option.rect.height() - 2);
    const QRect badge(option.rect.left() + CellMargin,
                      option.rect.top() + (option.rect.height() - height) / 2, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor(status));
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(textColor(status));
    painter->setFont(option.font);
    painter->drawText(badge.adjusted(HorizontalPadding, 0, -HorizontalPadding, 0), Qt::AlignCenter,
                      metrics.elidedText(text, Qt::ElideRight, width - 2 * HorizontalPadding));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const
{
    const QFontMetrics metrics(option.font);
    const QString text = index.data(Qt::DisplayRole).toString();
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {textWidth(metrics, text) + 2 * (HorizontalPadding + CellMargin),
            qMax(base.height(), metrics.height() + 2 * VerticalMargin + 2)};
}
