#include "OperationProgress.h"

#include "sandbox/BulkOperation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

OperationProgress::OperationProgress(BulkOperation* operation, QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(operation->title()))
    , m_bar(new QProgressBar)
    , m_cancel(new QToolButton)
{
    m_bar->setRange(0, operation->total());
    m_bar->setValue(operation->done());
    m_bar->setMaximumWidth(160);
    m_bar->setFormat(QStringLiteral("%v/%m"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QToolButton::clicked, operation, &BulkOperation::cancel);
    connect(operation, &BulkOperation::progressed, this,
            [this](int done, int) { m_bar->setValue(done); });
    connect(operation, &BulkOperation::finished, this, &QObject::deleteLater);
    retranslateUi();
}

void OperationProgress::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OperationProgress::retranslateUi()
{
    m_cancel->setText(tr("Cancel"));
}
