#include "EmptyState.h"

#include "common/AppIcon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

EmptyState::EmptyState(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_text(new QLabel)
    , m_buttons(new QHBoxLayout)
{
    auto* icon = new QLabel;
    icon->setPixmap(appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));

    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMaximumWidth(640);
    m_text->setObjectName(QStringLiteral("emptyStateText"));

    m_buttons->addStretch();
    m_buttons->addStretch();

    auto* column = new QVBoxLayout;
    column->addWidget(icon);
    column->addWidget(m_title);
    column->addSpacing(8);
    // Centred by stretches, not by alignment, so that the wrapped text gets its full height.
    auto* textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(m_text, 1);
    textRow->addStretch();
    column->addLayout(textRow);
    column->addSpacing(12);
    column->addLayout(m_buttons);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addStretch(1);
    contentLayout->addLayout(column);
    contentLayout->addStretch(2);

    // A small window scrolls the explanation rather than cutting it off.
    auto* scroll = new QScrollArea;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void EmptyState::setTitle(const QString& title)
{
    m_title->setText(title);
}

void EmptyState::setText(const QString& text)
{
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
}

QString EmptyState::text() const
{
    return m_text->text();
}

void EmptyState::addButton(QPushButton* button)
{
    m_buttons->insertWidget(m_buttons->count() - 1, button);
}
