#pragma once

#include <QStyledItemDelegate>

// A live figure with its recent history drawn as a small line beside it (the model's
// HistoryRole). CPU is scaled to at least 100 % of one core, memory to its own peak.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Scale
    {
        Percent,
        Peak
    };

    SparklineDelegate(Scale scale, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    Scale m_scale;
};
