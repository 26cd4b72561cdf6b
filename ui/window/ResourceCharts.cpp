#include "ResourceCharts.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {

constexpr int Gap = 8;

QString rate(qreal bytesPerSecond)
{
    return QCoreApplication::translate("ResourceCharts", "%1/s")
        .arg(formatBytes(qint64(bytesPerSecond)));
}

} // namespace

ResourceCharts::ResourceCharts(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("resourceCharts"));
}

void ResourceCharts::setSamples(const QList<ResourceSample>& samples)
{
    m_samples = samples;
    update();
}

void ResourceCharts::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

void ResourceCharts::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect all = rect().adjusted(Gap, Gap, -Gap, -Gap);
    if (m_samples.size() < 2) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(all, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No measurements yet. Live figures come while the sandbox runs and "
                            "is shown."));
        return;
    }
    const QDateTime start = m_samples.first().time;
    const QColor in = palette().color(QPalette::Highlight);
    const QColor out = QColor(0xe0, 0x7b, 0x39);
    Series cpu{{}, in};
    Series memory{{}, in};
    Series rx{{}, in};
    Series tx{{}, out};
    Series read{{}, in};
    Series written{{}, out};
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const ResourceSample& s = m_samples.at(i);
        const qreal x = qreal(start.msecsTo(s.time)) / 1000.0;
        cpu.points.append({x, s.cpuPercent});
        memory.points.append({x, qreal(s.memoryBytes)});
        if (i == 0)
            continue;
        const ResourceSample& before = m_samples.at(i - 1);
        const qreal seconds = qreal(before.time.msecsTo(s.time)) / 1000.0;
        if (seconds <= 0)
            continue;
        // Counters restart with the sandbox: a drop is no negative rate.
        const auto perSecond = [seconds](qint64 now, qint64 then) {
            return now >= then ? qreal(now - then) / seconds : 0.0;
        };
        rx.points.append({x, perSecond(s.networkRxBytes, before.networkRxBytes)});
        tx.points.append({x, perSecond(s.networkTxBytes, before.networkTxBytes)});
        read.points.append({x, perSecond(s.blockReadBytes, before.blockReadBytes)});
        written.points.append({x, perSecond(s.blockWriteBytes, before.blockWriteBytes)});
    }
    const ResourceSample& last = m_samples.last();
    const QLocale locale;
    const int w = (all.width() - Gap) / 2;
    const int h = (all.height() - Gap) / 2;
    const QRect cells[] = {
        {all.left(), all.top(), w, h},
        {all.left() + w + Gap, all.top(), w, h},
        {all.left(), all.top() + h + Gap, w, h},
        {all.left() + w + Gap, all.top() + h + Gap, w, h},
    };
    paintChart(&painter, cells[0], tr("CPU"),
               tr("%1 %").arg(locale.toString(last.cpuPercent, 'f', 1)), {cpu}, 100.0);
    paintChart(
        &painter, cells[1], tr("Memory"),
        last.memoryLimitBytes > 0
            ? tr("%1 of %2").arg(formatBytes(last.memoryBytes), formatBytes(last.memoryLimitBytes))
            : formatBytes(last.memoryBytes),
        {memory}, 1.0);
    paintChart(
        &painter, cells[2], tr("Network"),
        rx.points.isEmpty()
            ? QString()
            : tr("in %1, out %2").arg(rate(rx.points.last().y()), rate(tx.points.last().y())),
        {rx, tx}, 1024.0);
    paintChart(&painter, cells[3], tr("Block I/O"),
               read.points.isEmpty()
                   ? QString()
                   : tr("read %1, written %2")
                         .arg(rate(read.points.last().y()), rate(written.points.last().y())),
               {read, written}, 1024.0);
}

void ResourceCharts::paintChart(QPainter* painter, const QRect& area, const QString& title,
                                const QString& latest, const QList<Series>& series,
                                qreal floor) const
{
    painter->save();
    const QFontMetrics metrics = fontMetrics();
    painter->setPen(palette().color(QPalette::WindowText));
    painter->drawText(area.left(), area.top() + metrics.ascent(), title);
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(QRect(area.left(), area.top(), area.width(), metrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, latest);
    const QRect plot = area.adjusted(0, metrics.height() + 4, 0, 0);
    painter->setPen(QPen(palette().color(QPalette::Mid), 1));
    painter->setBrush(palette().color(QPalette::Base));
    painter->drawRect(plot);
    qreal top = floor;
    qreal right = 0;
    for (const Series& s : series) {
        for (const QPointF& p : s.points) {
            top = std::max(top, p.y());
            right = std::max(right, p.x());
        }
    }
    top *= 1.1;
    if (right <= 0) {
        painter->restore();
        return;
    }
    for (const Series& s : series) {
        if (s.points.size() < 2)
            continue;
        QPainterPath path;
        for (qsizetype i = 0; i < s.points.size(); ++i) {
            const QPointF point(plot.left() + s.points.at(i).x() / right * plot.width(),
                                plot.bottom() - s.points.at(i).y() / top * plot.height());
            if (i == 0)
                path.moveTo(point);
            else
                path.lineTo(point);
        }
        painter->setPen(QPen(s.color, 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
    }
    painter->restore();
}
