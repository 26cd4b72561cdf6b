#include "ProfileList.h"

#include "common/MessageLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

ProfileList::ProfileList(const QList<int>& columnWidths, QWidget* parent)
    : QWidget(parent)
    , m_list(new QTreeWidget)
    , m_addButton(new QPushButton)
    , m_editButton(new QPushButton)
    , m_removeButton(new QPushButton)
    , m_importButton(new QPushButton)
    , m_messageLabel(new MessageLabel(QStringLiteral("messageLabel")))
{
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setColumnCount(int(columnWidths.size()) + 1);
    m_list->header()->setStretchLastSection(true);
    for (int column = 0; column < columnWidths.size(); ++column)
        m_list->header()->resizeSection(column, columnWidths.at(column));
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ProfileList::currentChanged);
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this] { Q_EMIT editRequested(currentName()); });
    connect(m_editButton, &QPushButton::clicked, this,
            [this] { Q_EMIT editRequested(currentName()); });

    auto* buttonColumn = new QVBoxLayout;
    buttonColumn->addWidget(m_addButton);
    buttonColumn->addWidget(m_editButton);
    buttonColumn->addWidget(m_removeButton);
    buttonColumn->addSpacing(12);
    buttonColumn->addWidget(m_importButton);
    buttonColumn->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttonColumn);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row, 1);
    layout->addWidget(m_messageLabel);
}

void ProfileList::setRows(const QList<QStringList>& rows)
{
    const QString current = currentName();
    m_list->clear();
    for (const QStringList& texts : rows) {
        auto* item = new QTreeWidgetItem(m_list, texts);
        item->setData(0, Qt::UserRole, texts.value(0));
        if (texts.value(0) == current)
            m_list->setCurrentItem(item);
    }
}

QString ProfileList::currentName() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}
