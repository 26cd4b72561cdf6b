#include "DetailsPane.h"

#include "sandbox/Backend.h"
#include "sandbox/Job.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>

DetailsPane::DetailsPane(QWidget* parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("detailsPane"));
    // Two columns of fields use the pane's width rather than its scarce height.
    m_summaryPage = new QWidget;
    auto* left = new QFormLayout;
    auto* right = new QFormLayout;
    for (QFormLayout* form : {left, right}) {
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    }
    m_idValue = addField(left);
    m_nameValue = addField(left);
    m_imageValue = addField(left);
    m_statusValue = addField(left);
    m_createdValue = addField(right);
    m_portsValue = addField(right);
    m_limitsValue = addField(right);
    m_labelsValue = addField(right);
    m_idValue->setObjectName(QStringLiteral("detailsId"));
    auto* columns = new QHBoxLayout(m_summaryPage);
    columns->addLayout(left, 3);
    columns->addSpacing(12);
    columns->addLayout(right, 2);

    auto* scroll = new QScrollArea;
    scroll->setWidget(m_summaryPage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    addTab(scroll, QString());

    m_inspectText = new QPlainTextEdit;
    m_inspectText->setObjectName(QStringLiteral("inspectText"));
    m_inspectText->setReadOnly(true);
    m_inspectText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_inspectText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    addTab(m_inspectText, QString());

    retranslateUi();
    clear();
}

QLabel* DetailsPane::addField(QFormLayout* form)
{
    auto* name = new QLabel;
    auto* value = new QLabel;
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(name, value);
    m_fieldNames << name;
    return value;
}

void DetailsPane::showSandbox(Backend* backend, const Sandbox& sandbox)
{
    const bool another = !m_hasSandbox || m_backend != backend || m_sandbox.id != sandbox.id;
    m_backend = backend;
    m_sandbox = sandbox;
    m_hasSandbox = true;
    fillSummary();
    if (another)
        refresh();
}

void DetailsPane::clear()
{
    cancelInspect();
    m_backend = nullptr;
    m_sandbox = Sandbox();
    m_hasSandbox = false;
    fillSummary();
    m_inspectText->setPlainText(QString());
    m_inspectText->setPlaceholderText(tr("Select a sandbox to see its details."));
}

void DetailsPane::cancelInspect()
{
    // Forgotten first, so that its finished() is ignored.
    if (Job* job = m_inspectJob) {
        m_inspectJob = nullptr;
        job->cancel();
    }
}

void DetailsPane::refresh()
{
    cancelInspect();
    if (!m_hasSandbox || !m_backend)
        return;
    m_inspectText->setPlainText(QString());
    m_inspectText->setPlaceholderText(tr("Loading…"));
    Job* job = m_backend->inspect(m_sandbox.id);
    m_inspectJob = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_inspectJob)
            return;
        m_inspectJob = nullptr;
        if (job->error().isError()) {
            m_inspectText->setPlaceholderText(job->error().fullText());
            return;
        }
        const QJsonDocument document(job->result().toJsonObject());
        m_inspectText->setPlainText(QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
    });
}

void DetailsPane::fillSummary()
{
    const Sandbox& s = m_sandbox;
    m_idValue->setText(s.id);
    m_nameValue->setText(s.name);
    m_imageValue->setText(s.image);
    if (m_hasSandbox) {
        const QString status = statusDisplayName(s.status);
        m_statusValue->setText(s.statusText.isEmpty() || s.statusText == status
                                   ? status
                                   : QStringLiteral("%1 — %2").arg(status, s.statusText));
    } else {
        m_statusValue->clear();
    }
    m_createdValue->setText(s.created.isValid()
                                ? QLocale().toString(s.created.toLocalTime(), QLocale::LongFormat)
                                : QString());
    m_portsValue->setText(s.portsText());
    m_limitsValue->setText(m_hasSandbox && s.limitsText().isEmpty() ? tr("None") : s.limitsText());
    QStringList labels;
    for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
        labels << it.key() + QLatin1Char('=') + it.value();
    m_labelsValue->setText(labels.join(QLatin1Char('\n')));
}

void DetailsPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTabWidget::changeEvent(event);
}

void DetailsPane::retranslateUi()
{
    setTabText(0, tr("Summary"));
    setTabText(1, tr("Inspect"));
    const QStringList names = {tr("ID:"),      tr("Name:"),  tr("Image:"),  tr("Status:"),
                               tr("Created:"), tr("Ports:"), tr("Limits:"), tr("Labels:")};
    for (int i = 0; i < names.size(); ++i)
        m_fieldNames.at(i)->setText(names.at(i));
    if (!m_hasSandbox)
        m_inspectText->setPlaceholderText(tr("Select a sandbox to see its details."));
    fillSummary();
}
