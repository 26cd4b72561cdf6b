#include "SandboxTableView.h"

#include "sandbox/SandboxTableModel.h"
#include "window/SandboxFilterModel.h"
#include "window/StatusBadgeDelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
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
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (m_contextMenu)
            m_contextMenu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SandboxTableView::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SandboxTableView::currentChanged);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterBar);
    layout->addWidget(m_table);
    retranslateUi();
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
    m_statusFilterLabel->setText(tr("S&tatus:"));
    m_statusFilter->setItemText(0, tr("All"));
    for (int i = 0; i < int(std::size(filterStatuses)); ++i)
        m_statusFilter->setItemText(i + 1, statusDisplayName(filterStatuses[i]));
}
