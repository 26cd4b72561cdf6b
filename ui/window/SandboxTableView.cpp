#include "SandboxTableView.h"

#include "sandbox/Backend.h"
#include "sandbox/SandboxTableModel.h"
#include "sandbox/StatsMonitor.h"
#include "window/SandboxFilterModel.h"
#include "window/SparklineDelegate.h"
#include "window/StatusBadgeDelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr SandboxStatus filterStatuses[] = {
    SandboxStatus::Running, SandboxStatus::Paused, SandboxStatus::Restarting,
    SandboxStatus::Created, SandboxStatus::Exited, SandboxStatus::Dead,
};

} // namespace

SandboxTableView::SandboxTableView(SandboxTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new SandboxFilterModel(this))
    , m_stats(new StatsMonitor(this))
    , m_watchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("tablePage"));
    m_filter->setSourceModel(m_model);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &SandboxFilterModel::setSearchText);

    m_statusFilterLabel = new QLabel;
    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilterLabel->setBuddy(m_statusFilter);
    m_statusFilter->addItem(QString(), -1);
    for (const SandboxStatus status : filterStatuses)
        m_statusFilter->addItem(QString(), static_cast<int>(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_statusFilter->currentData().toInt();
        m_filter->setStatusFilter(status < 0 ? std::nullopt
                                             : std::optional(static_cast<SandboxStatus>(status)));
    });

    auto* filterBar = new QHBoxLayout;
    filterBar->addWidget(m_search, 1);
    filterBar->addWidget(m_statusFilterLabel);
    filterBar->addWidget(m_statusFilter);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("sandboxTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegateForColumn(SandboxTableModel::StatusColumn,
                                      new StatusBadgeDelegate(m_table));
    m_table->setItemDelegateForColumn(
        SandboxTableModel::CpuColumn,
        new SparklineDelegate(SparklineDelegate::Scale::Percent, m_table));
    m_table->setItemDelegateForColumn(
        SandboxTableModel::MemoryColumn,
        new SparklineDelegate(SparklineDelegate::Scale::Peak, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SandboxTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->resizeSection(SandboxTableModel::NameColumn, 160);
    header->resizeSection(SandboxTableModel::ImageColumn, 170);
    header->resizeSection(SandboxTableModel::StatusColumn, 100);
    header->resizeSection(SandboxTableModel::CreatedColumn, 150);
    header->resizeSection(SandboxTableModel::PortsColumn, 90);
    header->resizeSection(SandboxTableModel::LimitsColumn, 110);
    header->resizeSection(SandboxTableModel::CpuColumn, 130);
    header->resizeSection(SandboxTableModel::MemoryColumn, 140);
    header->resizeSection(SandboxTableModel::TimeLeftColumn, 100);
    // Live figures first, beside the status, whatever order the model keeps.
    header->moveSection(header->visualIndex(SandboxTableModel::CpuColumn), 3);
    header->moveSection(header->visualIndex(SandboxTableModel::MemoryColumn), 4);
    header->moveSection(header->visualIndex(SandboxTableModel::TimeLeftColumn), 5);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (m_contextMenu)
            m_contextMenu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SandboxTableView::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SandboxTableView::currentChanged);

    // Streams only for what is on screen: looked at again after a scroll, a resize, a sort or
    // filter, or rows coming and going.
    m_model->setStatsMonitor(m_stats);
    m_watchTimer->setSingleShot(true);
    m_watchTimer->setInterval(150);
    connect(m_watchTimer, &QTimer::timeout, this, &SandboxTableView::updateWatched);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &SandboxTableView::scheduleWatch);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &SandboxTableView::scheduleWatch);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &SandboxTableView::scheduleWatch);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &SandboxTableView::scheduleWatch);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &SandboxTableView::scheduleWatch);
    // A sandbox that starts or stops changes what can be watched.
    connect(m_filter, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex&, const QList<int>&) {
                if (topLeft.column() <= SandboxTableModel::StatusColumn)
                    scheduleWatch();
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SandboxTableView::scheduleWatch);
    m_table->viewport()->installEventFilter(this);
    connect(m_stats, &StatsMonitor::updated, this, &SandboxTableView::updateTotals);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &SandboxTableView::updateTotals);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &SandboxTableView::updateTotals);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &SandboxTableView::updateTotals);

    m_totals = new QLabel;
    m_totals->setObjectName(QStringLiteral("statsTotals"));
    m_totals->setContentsMargins(4, 2, 4, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterBar);
    layout->addWidget(m_table);
    layout->addWidget(m_totals);
    retranslateUi();
}

void SandboxTableView::scheduleWatch()
{
    if (isVisible() && !m_watchTimer->isActive())
        m_watchTimer->start();
}

void SandboxTableView::updateWatched()
{
    if (!isVisible()) {
        m_stats->clear();
        return;
    }
    QList<StatsMonitor::Target> targets;
    const auto add = [this, &targets](int filterRow) {
        const Sandbox sandbox =
            m_model->sandboxAt(m_filter->mapToSource(m_filter->index(filterRow, 0)).row());
        if (sandbox.status != SandboxStatus::Running)
            return;
        if (Backend* backend = m_model->backend(sandbox.backendId))
            targets.append({backend, sandbox.id});
    };
    const int rows = m_filter->rowCount();
    if (rows > 0) {
        int first = m_table->rowAt(0);
        int last = m_table->rowAt(m_table->viewport()->height() - 1);
        if (first < 0)
            first = 0;
        if (last < 0)
            last = rows - 1;
        for (int row = first; row <= last; ++row)
            add(row);
    }
    // The current sandbox's details show its charts, on screen or not.
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid())
        add(current.row());
    m_stats->setWatched(targets);
    updateTotals();
}

void SandboxTableView::updateTotals()
{
    double cpu = 0;
    qint64 memory = 0;
    int measured = 0;
    const int rows = m_filter->rowCount();
    for (int row = 0; row < rows; ++row) {
        const Sandbox sandbox =
            m_model->sandboxAt(m_filter->mapToSource(m_filter->index(row, 0)).row());
        ResourceSample sample;
        if (sandbox.status != SandboxStatus::Running ||
            !m_stats->latest(sandbox.backendId, sandbox.id, &sample))
            continue;
        cpu += sample.cpuPercent;
        memory += sample.memoryBytes;
        ++measured;
    }
    if (measured == 0) {
        m_totals->setText(tr("%n sandbox(es) shown", nullptr, rows));
        return;
    }
    m_totals->setText(
        tr("%n sandbox(es) shown · of the %1 measured: CPU %2 %, memory %3", nullptr, rows)
            .arg(measured)
            .arg(QLocale().toString(cpu, 'f', 1), formatBytes(memory)));
}

void SandboxTableView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    scheduleWatch();
}

void SandboxTableView::hideEvent(QHideEvent* event)
{
    // Nothing on screen, nothing watched.
    m_watchTimer->stop();
    m_stats->clear();
    QWidget::hideEvent(event);
}

bool SandboxTableView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        scheduleWatch();
    return QWidget::eventFilter(watched, event);
}

void SandboxTableView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QList<SelectedSandbox> SandboxTableView::selectedSandboxes() const
{
    QList<SelectedSandbox> selected;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        const Sandbox sandbox = m_model->sandboxAt(m_filter->mapToSource(index).row());
        Backend* backend = m_model->backend(sandbox.backendId);
        if (backend && backend->state() == Backend::State::Connected)
            selected.append({backend, sandbox});
    }
    return selected;
}

bool SandboxTableView::hasCurrent() const
{
    return m_table->selectionModel()->currentIndex().isValid();
}

bool SandboxTableView::currentSandbox(Sandbox* sandbox) const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return false;
    *sandbox = m_model->sandboxAt(m_filter->mapToSource(current).row());
    return true;
}

bool SandboxTableView::select(const QString& backendId, const QString& id)
{
    const int row = m_model->rowOf(backendId, id);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return true; // hidden by the filter; not worth clearing the user's search for
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void SandboxTableView::updateConnectionColumn()
{
    m_table->setColumnHidden(SandboxTableModel::ConnectionColumn, m_model->backends().size() < 2);
}

QByteArray SandboxTableView::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

void SandboxTableView::restoreHeaderState(const QByteArray& state)
{
    QHeaderView* header = m_table->horizontalHeader();
    if (header->restoreState(state))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    updateConnectionColumn();
}

void SandboxTableView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SandboxTableView::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search by name, image or ID"));
    updateTotals();
    m_statusFilterLabel->setText(tr("S&tatus:"));
    m_statusFilter->setItemText(0, tr("All"));
    for (int i = 0; i < int(std::size(filterStatuses)); ++i)
        m_statusFilter->setItemText(i + 1, statusDisplayName(filterStatuses[i]));
}
