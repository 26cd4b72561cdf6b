#include "AppIcon.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

QPainterPath polygon(std::initializer_list<QPointF> points)
{
    QPainterPath path;
    path.addPolygon(QPolygonF(QList<QPointF>(points)));
    path.closeSubpath();
    return path;
}

QPixmap paintIcon(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 256.0, size / 256.0);
    painter.setPen(Qt::NoPen);

    QLinearGradient background(16, 16, 240, 240);
    background.setColorAt(0, QColor(0x2f, 0x6f, 0xb3));
    background.setColorAt(1, QColor(0x1c, 0x9c, 0x94));
    painter.setBrush(background);
    painter.drawRoundedRect(QRectF(16, 16, 224, 224), 48, 48);

    painter.setBrush(Qt::white);
    painter.drawPath(polygon({{128, 60}, {190, 96}, {128, 132}, {66, 96}}));
    painter.setOpacity(0.78);
    painter.drawPath(polygon({{66, 96}, {128, 132}, {128, 204}, {66, 168}}));
    painter.setOpacity(0.56);
    painter.drawPath(polygon({{190, 96}, {128, 132}, {128, 204}, {190, 168}}));
    return pixmap;
}

} // namespace

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(paintIcon(size));
    return icon;
}
