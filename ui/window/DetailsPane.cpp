#include "DetailsPane.h"

#include "sandbox/StatsMonitor.h"
#include "window/ResourceCharts.h"

#include "sandbox/Backend.h"
#include "sandbox/Job.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Tab
{
    SummaryTab,
    InspectTab,
    ContainersTab,
    EventsTab,
    HistoryTab,
    ChartsTab
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

QString localTime(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
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
    m_addressesValue = addField(left);
    m_expiresValue = addField(right);
    m_idValue->setObjectName(QStringLiteral("detailsId"));
    m_statusValue->setObjectName(QStringLiteral("detailsStatus"));
    m_addressesValue->setObjectName(QStringLiteral("detailsAddresses"));
    auto* columns = new QHBoxLayout(m_summaryPage);
    columns->addLayout(left, 3);
    columns->addSpacing(12);
    columns->addLayout(right, 2);

    auto* scroll = new QScrollArea;
    scroll->setWidget(m_summaryPage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("detailsHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    m_summaryStack = new QStackedWidget;
    m_summaryStack->addWidget(m_hint);
    m_summaryStack->addWidget(scroll);
    addTab(m_summaryStack, QString());

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

    m_charts = new ResourceCharts;
    addTab(m_charts, QString());

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
    // A new state has new times: ask again when the live list moves on.
    const bool moved = m_hasDetails && m_details.status != sandbox.status;
    if (another) {
        m_details = SandboxDetails();
        m_hasDetails = false;
        m_chartHistory.clear();
    }
    fillSummary();
    updateTabs();
    updateCharts();
    if (another || moved)
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
    setTabVisible(ChartsTab, capabilities.testFlag(Backend::HasLiveStats) ||
                                 capabilities.testFlag(Backend::CanShowResourceHistory));
}

void DetailsPane::setStatsMonitor(StatsMonitor* monitor)
{
    if (m_stats)
        m_stats->disconnect(this);
    m_stats = monitor;
    if (m_stats)
        connect(m_stats, &StatsMonitor::updated, this, &DetailsPane::updateCharts);
    updateCharts();
}

void DetailsPane::updateCharts()
{
    // The backend's history first, then what live stats measured since its last point.
    QList<ResourceSample> samples = m_chartHistory;
    if (m_stats && m_hasSandbox) {
        const QList<ResourceSample> live = m_stats->history(m_sandbox.backendId, m_sandbox.id);
        const QDateTime after = samples.isEmpty() ? QDateTime() : samples.last().time;
        for (const ResourceSample& sample : live) {
            if (!after.isValid() || sample.time > after)
                samples.append(sample);
        }
    }
    m_charts->setSamples(samples);
}

void DetailsPane::clear()
{
    cancelInspect();
    m_backend = nullptr;
    m_sandbox = Sandbox();
    m_hasSandbox = false;
    m_details = SandboxDetails();
    m_hasDetails = false;
    fillSummary();
    updateTabs();
    m_containersTree->clear();
    m_eventsTree->clear();
    m_historyTree->clear();
    m_historySummary->clear();
    m_chartHistory.clear();
    m_charts->setSamples({});
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
    ResultJob<SandboxDetails>* job = m_backend->details(m_sandbox.id);
    m_inspectJob = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_inspectJob)
            return;
        m_inspectJob = nullptr;
        if (job->error().isError()) {
            m_inspectText->setPlaceholderText(job->error().fullText());
            return;
        }
        m_details = job->value();
        m_hasDetails = true;
        m_inspectText->setPlainText(
            QString::fromUtf8(QJsonDocument(m_details.raw).toJson(QJsonDocument::Indented)));
        fillSummary();
        fillDetails();
    });
    loadHistory();
}

void DetailsPane::fillDetails()
{
    m_containersTree->clear();
    for (const ContainerDetails& container : std::as_const(m_details.containers)) {
        auto* item = new QTreeWidgetItem(m_containersTree);
        item->setText(0, container.name);
        item->setText(1, container.image);
        item->setText(2, container.reason.isEmpty()
                             ? container.state
                             : QStringLiteral("%1 (%2)").arg(container.state, container.reason));
        item->setText(3, container.ready ? tr("Yes") : tr("No"));
        item->setText(4, QLocale().toString(container.restartCount));
    }
    // The live list knows the names even when the service sent no details.
    if (m_details.containers.isEmpty()) {
        for (const QString& name : std::as_const(m_sandbox.containers))
            (new QTreeWidgetItem(m_containersTree))->setText(0, name);
    }

    m_eventsTree->clear();
    for (const SandboxEvent& event : std::as_const(m_details.events)) {
        auto* item = new QTreeWidgetItem(m_eventsTree);
        item->setText(0, localTime(event.time));
        item->setText(1, event.type);
        item->setText(2, event.reason);
        item->setText(3, event.object);
        item->setText(4, QLocale().toString(event.count));
        item->setText(5, event.message);
        item->setToolTip(5, event.message);
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
        m_chartHistory = samples;
        updateCharts();
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
    m_summaryStack->setCurrentIndex(m_hasSandbox ? 1 : 0);
    const Sandbox& s = m_sandbox;
    m_idValue->setText(s.id);
    m_nameValue->setText(s.name);
    m_imageValue->setText(s.image);
    // Our own words from the state and its times; the details' times hold while the live list
    // agrees on the state.
    if (m_hasDetails && m_details.status == s.status) {
        m_statusValue->setText(
            statusSummary(s.status, m_details.started, m_details.finished, m_details.exitCode));
    } else {
        m_statusValue->setText(m_hasSandbox ? statusDisplayName(s.status) : QString());
    }
    m_addressesValue->setText(m_details.addresses.join(QLatin1Char('\n')));
    // The live list's expiry: it follows renewals made here or by sandboxctl.
    const QDateTime expires = s.expiresAt.isValid() ? s.expiresAt : m_details.expires;
    if (expires.isValid()) {
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(expires);
        const QString when = QLocale().toString(expires.toLocalTime(), QLocale::LongFormat);
        m_expiresValue->setText(left > 0 ? tr("%1 (in %2)").arg(when, durationText(left))
                                         : tr("%1 (expired)").arg(when));
    } else {
        m_expiresValue->setText(QString());
    }
    const QList<QLabel*> optional = {m_addressesValue, m_expiresValue};
    for (QLabel* value : optional) {
        value->setVisible(!value->text().isEmpty());
        m_fieldNames.at(8 + optional.indexOf(value))->setVisible(!value->text().isEmpty());
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
    setTabText(ChartsTab, tr("Charts"));
    m_containersTree->setHeaderLabels(
        {tr("Container"), tr("Image"), tr("State"), tr("Ready"), tr("Restarts")});
    m_eventsTree->setHeaderLabels(
        {tr("Time"), tr("Type"), tr("Reason"), tr("Object"), tr("Count"), tr("Message")});
    m_historyTree->setHeaderLabels(
        {tr("Time"), tr("CPU"), tr("Memory"), tr("Received"), tr("Sent")});
    const QStringList names = {tr("ID:"),        tr("Name:"),   tr("Image:"),  tr("Status:"),
                               tr("Created:"),   tr("Ports:"),  tr("Limits:"), tr("Labels:"),
                               tr("Addresses:"), tr("Expires:")};
    m_hint->setText(tr("Select a sandbox to see its details."));
    for (int i = 0; i < names.size(); ++i)
        m_fieldNames.at(i)->setText(names.at(i));
    if (!m_hasSandbox)
        m_inspectText->setPlaceholderText(tr("Select a sandbox to see its details."));
    fillSummary();
}
