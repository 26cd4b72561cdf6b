#include "ConnectionList.h"

#include <QEvent>
#include <QPainter>

namespace {

constexpr int BackendRole = Qt::UserRole + 1;

QIcon dot(const QColor& color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(3.5, 3.5, 9, 9));
    return QIcon(pixmap);
}

} // namespace

ConnectionList::ConnectionList(QWidget* parent)
    : QListWidget(parent)
    , m_allItem(new QListWidgetItem(this))
{
    setObjectName(QStringLiteral("connectionList"));
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setResizeMode(QListView::Adjust);
    setSpacing(2);
    setCurrentItem(m_allItem);
    connect(this, &QListWidget::currentItemChanged, this,
            [this] { Q_EMIT currentBackendChanged(currentBackendId()); });
    retranslateUi();
}

QColor ConnectionList::stateColor(Backend::State state)
{
    switch (state) {
    case Backend::State::Connected:
        return QColor(0x2e, 0x7d, 0x32);
    case Backend::State::Connecting:
        return QColor(0xf5, 0xa6, 0x23);
    case Backend::State::Lost:
        return QColor(0xc6, 0x28, 0x28);
    case Backend::State::Disconnected:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

void ConnectionList::addBackend(Backend* backend)
{
    if (m_backends.contains(backend))
        return;
    m_backends.append(backend);
    auto* item = new QListWidgetItem(this);
    item->setData(BackendRole, backend->id());
    connect(backend, &Backend::stateChanged, this, [this, backend] { updateItem(backend); });
    updateItem(backend);
}

void ConnectionList::removeBackend(Backend* backend)
{
    if (!m_backends.removeAll(backend))
        return;
    backend->disconnect(this);
    QListWidgetItem* item = itemFor(backend);
    if (item == currentItem())
        setCurrentItem(m_allItem);
    delete item;
}

QString ConnectionList::backendIdAt(const QPoint& pos) const
{
    const QListWidgetItem* item = itemAt(pos);
    return item ? item->data(BackendRole).toString() : QString();
}

QString ConnectionList::currentBackendId() const
{
    const QListWidgetItem* item = currentItem();
    return item ? item->data(BackendRole).toString() : QString();
}

QListWidgetItem* ConnectionList::itemFor(const Backend* backend) const
{
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(BackendRole).toString() == backend->id())
            return item(row);
    }
    return nullptr;
}

void ConnectionList::updateItem(Backend* backend)
{
    QListWidgetItem* item = itemFor(backend);
    if (!item)
        return;
    const Backend::State state = backend->state();
    QString detail;
    switch (state) {
    case Backend::State::Connected:
        detail = backend->serverVersion().isEmpty()
                     ? Backend::stateDisplayName(state)
                     : tr("Connected · version %1").arg(backend->serverVersion());
        break;
    case Backend::State::Lost:
        detail = backend->lastError().message.isEmpty()
                     ? Backend::stateDisplayName(state)
                     : tr("Connection lost: %1").arg(backend->lastError().message);
        break;
    case Backend::State::Connecting:
    case Backend::State::Disconnected:
        detail = Backend::stateDisplayName(state);
        break;
    }
    item->setText(backend->displayName() + QLatin1Char('\n') + detail);
    item->setIcon(dot(stateColor(state)));

    QString toolTip = backend->displayName() + QLatin1Char('\n') + backend->endpointDescription();
    if (state == Backend::State::Lost && backend->lastError().isError())
        toolTip += QLatin1Char('\n') + backend->lastError().fullText();
    item->setToolTip(toolTip);
}

void ConnectionList::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QListWidget::changeEvent(event);
}

void ConnectionList::retranslateUi()
{
    m_allItem->setText(tr("All connections"));
    for (Backend* backend : std::as_const(m_backends))
        updateItem(backend);
}
