#pragma once

#include "sandbox/Sandbox.h"

#include <QColor>
#include <QStyledItemDelegate>

// Paints a sandbox's status as a coloured, rounded badge: green running, amber paused or
// restarting, grey created or exited, red dead.
class StatusBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QColor badgeColor(SandboxStatus status);
    static QColor textColor(SandboxStatus status);
};
