#include "DetailsPane.h"

#include "sandbox/Backend.h"
#include "sandbox/Job.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Tab
{
    SummaryTab,
    InspectTab,
    ContainersTab,
    EventsTab,
    HistoryTab
};

QTreeWidget* makeTree(const char* name, std::initializer_list<int> widths)
{
    auto* tree = new QTreeWidget;
    tree->setObjectName(QLatin1String(name));
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setColumnCount(int(widths.size()) + 1);
    int column = 0;
    for (const int width : widths)
        tree->header()->resizeSection(column++, width);
    tree->setUniformRowHeights(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QString jsonText(const QJsonValue& value)
{
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

QString localTime(const QString& iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : iso;
}

} // namespace

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

    m_containersTree = makeTree("containersTree", {170, 240, 190, 60});
    addTab(m_containersTree, QString());
    m_eventsTree = makeTree("eventsTree", {150, 70, 120, 140, 50});
    addTab(m_eventsTree, QString());
    m_historyPage = new QWidget;
    m_historySummary = new QLabel;
    m_historySummary->setObjectName(QStringLiteral("historySummary"));
    m_historySummary->setWordWrap(true);
    m_historyTree = makeTree("historyTree", {110, 90, 110, 110});
    auto* historyLayout = new QVBoxLayout(m_historyPage);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historySummary);
    historyLayout->addWidget(m_historyTree, 1);
    addTab(m_historyPage, QString());

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
    updateTabs();
    if (another)
        refresh();
}

void DetailsPane::updateTabs()
{
    const Backend::Capabilities capabilities =
        m_backend ? m_backend->capabilities() : Backend::Capabilities();
    const bool groups = capabilities.testFlag(Backend::HasContainerGroups);
    setTabVisible(ContainersTab, groups);
    setTabVisible(EventsTab, groups);
    setTabVisible(HistoryTab, capabilities.testFlag(Backend::CanShowResourceHistory));
}

void DetailsPane::clear()
{
    cancelInspect();
    m_backend = nullptr;
    m_sandbox = Sandbox();
    m_hasSandbox = false;
    fillSummary();
    updateTabs();
    m_containersTree->clear();
    m_eventsTree->clear();
    m_historyTree->clear();
    m_historySummary->clear();
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
    if (Job* job = m_historyJob) {
        m_historyJob = nullptr;
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
    ResultJob<QJsonObject>* job = m_backend->inspect(m_sandbox.id);
    m_inspectJob = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_inspectJob)
            return;
        m_inspectJob = nullptr;
        if (job->error().isError()) {
            m_inspectText->setPlaceholderText(job->error().fullText());
            return;
        }
        const QJsonObject inspect = job->value();
        m_inspectText->setPlainText(
            QString::fromUtf8(QJsonDocument(inspect).toJson(QJsonDocument::Indented)));
        if (m_backend && m_backend->capabilities().testFlag(Backend::HasContainerGroups))
            fillGroup(inspect);
    });
    loadHistory();
}

void DetailsPane::fillGroup(const QJsonObject& inspect)
{
    m_containersTree->clear();
    const QJsonArray containers = inspect.value(QLatin1String("Containers")).toArray();
    for (const QJsonValue& value : containers) {
        const QJsonObject container = value.toObject();
        const QJsonObject state = container.value(QLatin1String("CurrentState")).toObject();
        QString stateText = jsonText(state.value(QLatin1String("State")));
        const QString reason = jsonText(state.value(QLatin1String("Reason")));
        if (!reason.isEmpty())
            stateText += QStringLiteral(" (%1)").arg(reason);
        auto* item = new QTreeWidgetItem(m_containersTree);
        item->setText(0, jsonText(container.value(QLatin1String("Name"))));
        item->setText(1, jsonText(container.value(QLatin1String("Image"))));
        item->setText(2, stateText);
        item->setText(3, container.value(QLatin1String("Ready")).toBool() ? tr("Yes") : tr("No"));
        item->setText(4, jsonText(container.value(QLatin1String("RestartCount"))));
    }
    // The live list knows the names even when the service sent no details.
    if (containers.isEmpty()) {
        for (const QString& name : std::as_const(m_sandbox.containers))
            (new QTreeWidgetItem(m_containersTree))->setText(0, name);
    }

    m_eventsTree->clear();
    const QJsonArray events = inspect.value(QLatin1String("Events")).toArray();
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        auto* item = new QTreeWidgetItem(m_eventsTree);
        QString last = jsonText(event.value(QLatin1String("LastTimestamp")));
        if (last.isEmpty())
            last = jsonText(event.value(QLatin1String("FirstTimestamp")));
        item->setText(0, localTime(last));
        item->setText(1, jsonText(event.value(QLatin1String("Type"))));
        item->setText(2, jsonText(event.value(QLatin1String("Reason"))));
        item->setText(3, jsonText(event.value(QLatin1String("Name"))));
        item->setText(4, jsonText(event.value(QLatin1String("Count"))));
        item->setText(5, jsonText(event.value(QLatin1String("Message"))));
        item->setToolTip(5, item->text(5));
    }
}

void DetailsPane::loadHistory()
{
    m_historyTree->clear();
    m_historySummary->clear();
    if (!m_backend || !m_backend->capabilities().testFlag(Backend::CanShowResourceHistory))
        return;
    ResultJob<QList<ResourceSample>>* job = m_backend->resourceHistory(m_sandbox.id);
    if (!job)
        return;
    m_historyJob = job;
    m_historySummary->setText(tr("Loading…"));
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_historyJob)
            return;
        m_historyJob = nullptr;
        if (job->error().isError()) {
            m_historySummary->setText(job->error().fullText());
            return;
        }
        const QList<ResourceSample> samples = job->value();
        double peakCpu = 0;
        qint64 peakMemory = 0;
        const QLocale locale;
        for (const ResourceSample& sample : samples) {
            peakCpu = std::max(peakCpu, sample.cpuPercent);
            peakMemory = std::max(peakMemory, sample.memoryBytes);
            auto* item = new QTreeWidgetItem(m_historyTree);
            item->setText(0,
                          locale.toString(sample.time.toLocalTime().time(), QLocale::ShortFormat));
            item->setText(1, tr("%1 %").arg(locale.toString(sample.cpuPercent, 'f', 1)));
            item->setText(2, formatBytes(sample.memoryBytes));
            item->setText(3, formatBytes(sample.networkRxBytes));
            item->setText(4, formatBytes(sample.networkTxBytes));
        }
        if (samples.isEmpty()) {
            m_historySummary->setText(tr("No samples yet: the service keeps them once the "
                                         "group has run for a while."));
            return;
        }
        m_historySummary->setText(
            tr("%n sample(s) over the last hour. Peak CPU %1 % of one core, peak memory %2.",
               nullptr, int(samples.size()))
                .arg(locale.toString(peakCpu, 'f', 1), formatBytes(peakMemory)));
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
    setTabText(SummaryTab, tr("Summary"));
    setTabText(InspectTab, tr("Inspect"));
    setTabText(ContainersTab, tr("Containers"));
    setTabText(EventsTab, tr("Events"));
    setTabText(HistoryTab, tr("Resources"));
    m_containersTree->setHeaderLabels(
        {tr("Container"), tr("Image"), tr("State"), tr("Ready"), tr("Restarts")});
    m_eventsTree->setHeaderLabels(
        {tr("Time"), tr("Type"), tr("Reason"), tr("Object"), tr("Count"), tr("Message")});
    m_historyTree->setHeaderLabels(
        {tr("Time"), tr("CPU"), tr("Memory"), tr("Received"), tr("Sent")});
    const QStringList names = {tr("ID:"),      tr("Name:"),  tr("Image:"),  tr("Status:"),
                               tr("Created:"), tr("Ports:"), tr("Limits:"), tr("Labels:")};
    for (int i = 0; i < names.size(); ++i)
        m_fieldNames.at(i)->setText(names.at(i));
    if (!m_hasSandbox)
        m_inspectText->setPlaceholderText(tr("Select a sandbox to see its details."));
    fillSummary();
}
