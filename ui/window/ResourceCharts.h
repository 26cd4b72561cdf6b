#pragma once

#include "sandbox/Sandbox.h"

#include <QList>
#include <QWidget>

// A sandbox's resource use over time, painted as four small charts: CPU (% of one core),
// memory in use, network and block I/O (rates between samples, in and out on one chart each).
// Painted rather than built on Qt Charts: four polylines need no extra library, and Debian's
// qt6-charts-dev would be one more build dependency for every user.
class ResourceCharts final : public QWidget
{
    Q_OBJECT
public:
    explicit ResourceCharts(QWidget* parent = nullptr);

    // Oldest first; samples from the backend's history and from live stats alike.
    void setSamples(const QList<ResourceSample>& samples);
    const QList<ResourceSample>& samples() const { return m_samples; }

    QSize sizeHint() const override { return {480, 260}; }
    QSize minimumSizeHint() const override { return {240, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Series
    {
        QList<QPointF> points; // x: seconds since the first sample, y: value
        QColor color;
    };
    void paintChart(QPainter* painter, const QRect& area, const QString& title,
                    const QString& latest, const QList<Series>& series, qreal floor) const;

    QList<ResourceSample> m_samples;
};
