#include "PackagesPanel.h"

#include "common/ListTable.h"
#include "common/OutputPane.h"
#include "logs/AnsiText.h"
#include "run/PackageTableModel.h"
#include "run/Run.h"
#include "sandbox/Backend.h"
#include "text/Duration.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

using PackageManagers::Found;

namespace {

constexpr qsizetype maxHeldLine = 8 * 1024;
constexpr int flushMs = 30;
// The most package names the question before a removal lists one by one.
constexpr qsizetype maxNamesAsked = 15;

// A line as a terminal leaves it: what came after its last carriage return (apt and pip
// redraw their progress that way).
QString shownLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    const qsizetype cr = line.lastIndexOf('\r');
    return AnsiText::plainText(cr >= 0 ? line.sliced(cr + 1) : line);
}

} // namespace

PackagesPanel::PackagesPanel(Backend* backend, const QString& sandboxId, const QString& container,
                             const QString& sandboxName, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_container(container)
    , m_sandboxName(sandboxName)
    , m_model(new PackageTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_managerLabel(new QLabel(this))
    , m_manager(new QComboBox(this))
    , m_refreshButton(new QPushButton(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_namesLabel(new QLabel(this))
    , m_names(new QLineEdit(this))
    , m_installButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_output(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_flushTimer(new QTimer(this))
{
    m_manager->setObjectName(QStringLiteral("packagesManager"));
    m_manager->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_refreshButton->setObjectName(QStringLiteral("packagesRefreshButton"));
    m_filter->setObjectName(QStringLiteral("packagesFilter"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("packagesTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PackageTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    ListTable::setUp(m_table, {{PackageTableModel::Name, 280}}, PackageTableModel::Version);
    m_names->setObjectName(QStringLiteral("packagesNames"));
    m_installButton->setObjectName(QStringLiteral("packagesInstallButton"));
    m_removeButton->setObjectName(QStringLiteral("packagesRemoveButton"));
    m_cancelButton->setObjectName(QStringLiteral("packagesCancelButton"));
    m_output->setObjectName(QStringLiteral("packagesOutput"));
    OutputPane::setUp(m_output);
    m_status->setObjectName(QStringLiteral("packagesStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(m_managerLabel);
    top->addWidget(m_manager);
    top->addWidget(m_refreshButton);
    top->addWidget(m_filter, 1);

    auto* change = new QHBoxLayout;
    change->addWidget(m_namesLabel);
    change->addWidget(m_names, 1);
    change->addWidget(m_installButton);
    change->addWidget(m_removeButton);
    change->addWidget(m_cancelButton);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_output);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(change);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(flushMs);
    connect(m_flushTimer, &QTimer::timeout, this, [this] { flushOutput(false); });
    connect(m_refreshButton, &QPushButton::clicked, this, &PackagesPanel::refresh);
    connect(m_manager, &QComboBox::activated, this, [this] { listPackages(); });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text.trimmed());
        if (!isBusy() && currentManager())
            showCount();
    });
    connect(m_names, &QLineEdit::textChanged, this, &PackagesPanel::updateButtons);
    connect(m_names, &QLineEdit::returnPressed, this, &PackagesPanel::install);
    connect(m_installButton, &QPushButton::clicked, this, &PackagesPanel::install);
    connect(m_removeButton, &QPushButton::clicked, this, &PackagesPanel::removeSelected);
    connect(m_cancelButton, &QPushButton::clicked, this, &PackagesPanel::cancel);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PackagesPanel::updateButtons);

    retranslateUi();
    updateButtons();
}

PackagesPanel::~PackagesPanel() = default;

bool PackagesPanel::isBusy() const
{
    return m_detectJob || m_listJob || (m_run && !m_run->isFinished());
}

const Found* PackagesPanel::currentManager() const
{
    const int index = m_manager->currentIndex();
    return index >= 0 && index < m_found.size() ? &m_found.at(index) : nullptr;
}

void PackagesPanel::activate()
{
    if (!m_detected && !isBusy())
        refresh();
}

void PackagesPanel::refresh()
{
    if (isBusy())
        return;
    if (!m_backend) {
        showStatus(tr("The connection is gone."), true);
        return;
    }
    const QString previous =
        currentManager() ? PackageManagers::key(currentManager()->manager) : QString();
    showStatus(tr("Looking for package managers in the sandbox…"), false);
    auto* job = PackageManagers::detect(m_backend, m_sandboxId, m_container, this);
    m_detectJob = job;
    updateButtons();
    connect(job, &Job::finished, this, [this, job, previous] {
        m_detectJob = nullptr; // done, though it is deleted only after this
        m_detected = true;
        if (job->error().isError()) {
            updateButtons();
            showStatus(tr("Could not look for package managers: %1").arg(job->error().fullText()),
                       true);
            return;
        }
        m_found = job->value();
        m_manager->clear();
        for (const Found& found : std::as_const(m_found))
            m_manager->addItem(
                QStringLiteral("%1 (%2)").arg(PackageManagers::key(found.manager), found.path));
        for (qsizetype i = 0; i < m_found.size(); ++i) {
            if (PackageManagers::key(m_found.at(i).manager) == previous)
                m_manager->setCurrentIndex(int(i));
        }
        if (m_found.isEmpty()) {
            m_model->setPackages({});
            updateButtons();
            showStatus(PackageManagers::noneFoundMessage(), true);
            return;
        }
        listPackages();
    });
}

void PackagesPanel::listPackages()
{
    const Found* found = currentManager();
    if (!found || m_listJob || (m_run && !m_run->isFinished()))
        return;
    showStatus(tr("Listing the packages of %1…").arg(PackageManagers::key(found->manager)), false);
    auto* job = PackageManagers::list(m_backend, m_sandboxId, m_container, *found, this);
    m_listJob = job;
    updateButtons();
    connect(job, &Job::finished, this, [this, job] {
        m_listJob = nullptr;
        updateButtons();
        if (job->error().isError()) {
            m_model->setPackages({});
            showStatus(tr("Could not list the packages: %1").arg(job->error().fullText()), true);
            return;
        }
        m_model->setPackages(job->value());
        showCount();
    });
}

void PackagesPanel::showCount()
{
    const Found* found = currentManager();
    if (!found)
        return;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const QString manager = PackageManagers::key(found->manager);
    if (shown == total)
        showStatus(tr("Packages installed with %1: %2").arg(manager).arg(total), false);
    else
        showStatus(tr("Packages installed with %1: %2, of which %3 match the filter")
                       .arg(manager)
                       .arg(total)
                       .arg(shown),
                   false);
}

void PackagesPanel::install()
{
    if (isBusy() || !currentManager())
        return;
    const QStringList names =
        m_names->text().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QString problem;
    if (!PackageManagers::checkNames(names, &problem)) {
        showStatus(problem, true);
        return;
    }
    startChange(true, *currentManager(), names);
}

void PackagesPanel::removeSelected()
{
    if (isBusy() || !currentManager())
        return;
    QStringList names;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(PackageTableModel::Name);
    for (const QModelIndex& index : rows)
        names << index.data(PackageTableModel::PackageNameRole).toString();
    QString problem;
    if (!PackageManagers::checkNames(names, &problem)) {
        showStatus(problem, true);
        return;
    }
    const Found found = *currentManager();
    const QString manager = PackageManagers::key(found.manager);
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove Packages"),
        tr("Remove %n package(s) with %1 from the sandbox “%2”?", nullptr, int(names.size()))
            .arg(manager, m_sandboxName),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("packagesRemoveConfirmation"));
    QStringList shown = names.mid(0, maxNamesAsked);
    if (names.size() > maxNamesAsked)
        shown << tr("… and %1 more").arg(names.size() - maxNamesAsked);
    box->setInformativeText(shown.join(QLatin1Char('\n')));
    QPushButton* removeButton = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, removeButton, found, names] {
        // What was asked about is what is removed, if nothing else began meanwhile.
        if (box->clickedButton() == removeButton && !isBusy())
            startChange(false, found, names);
    });
    box->open();
}

void PackagesPanel::startChange(bool install, const Found& found, const QStringList& names)
{
    RunRequest request = install ? PackageManagers::installRequest(found, names)
                                 : PackageManagers::removeRequest(found, names);
    request.container = m_container;
    delete m_run;
    m_output->clear();
    m_pending[0].clear();
    m_pending[1].clear();
    m_ready.clear();
    m_runClock.start();
    m_run = new Run(m_backend, m_sandboxId, request, this);
    connect(m_run, &Run::received, this, &PackagesPanel::onReceived);
    connect(m_run, &Run::finished, this, &PackagesPanel::onChangeFinished);
    m_run->start();
    const QString manager = PackageManagers::key(found.manager);
    const QString list = names.join(QLatin1Char(' '));
    showStatus(install ? tr("Installing %1 with %2…").arg(list, manager)
                       : tr("Removing %1 with %2…").arg(list, manager),
               false);
    updateButtons();
}

void PackagesPanel::cancel()
{
    if (!m_run || m_run->isFinished())
        return;
    m_run->cancel();
    showStatus(tr("Stopping…"), false);
    updateButtons();
}

void PackagesPanel::onReceived(ExecSession::Stream stream, const QByteArray& bytes)
{
    const int which = stream == ExecSession::Stream::Stderr ? 1 : 0;
    QByteArray& pending = m_pending[which];
    pending.append(bytes);
    qsizetype start = 0;
    qsizetype end;
    while ((end = pending.indexOf('\n', start)) >= 0) {
        m_ready.append({which == 1, shownLine(QByteArrayView(pending).sliced(start, end - start)) +
                                        QLatin1Char('\n')});
        start = end + 1;
    }
    pending.remove(0, start);
    if (pending.size() > maxHeldLine)
        m_ready.append({which == 1, shownLine(std::exchange(pending, {}))});
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void PackagesPanel::flushOutput(bool all)
{
    if (all) {
        for (int which = 0; which < 2; ++which) {
            if (!m_pending[which].isEmpty())
                m_ready.append({which == 1, shownLine(std::exchange(m_pending[which], {}))});
        }
    }
    if (m_ready.isEmpty())
        return;
    QScrollBar* bar = m_output->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    for (const auto& [isError, text] : std::as_const(m_ready)) {
        QTextCharFormat format;
        if (isError)
            format.setForeground(QColor(0xc0, 0x1c, 0x28));
        cursor.insertText(text, format);
    }
    m_ready.clear();
    if (atEnd)
        bar->setValue(bar->maximum());
}

void PackagesPanel::onChangeFinished()
{
    m_flushTimer->stop();
    flushOutput(true);
    const RunResult& result = m_run->result();
    const QString duration = Duration::format(result.durationMs);
    if (result.error.isError())
        showStatus(tr("Could not run: %1").arg(result.error.fullText()), true);
    else if (result.cancelled)
        showStatus(tr("Cancelled · exit code %1 · %2").arg(result.exitCode).arg(duration), true);
    else
        showStatus(tr("Exit code %1 · %2").arg(result.exitCode).arg(duration),
                   result.exitCode != 0);
    const QString outcome = m_status->text();
    const bool failed = result.error.isError() || result.exitCode != 0;
    if (!failed)
        m_names->clear();
    updateButtons();
    Q_EMIT changeFinished(result.exitCode);
    // What is installed now; the outcome stays in view until the list is back.
    listPackages();
    if (Job* job = m_listJob.data()) {
        connect(job, &Job::finished, this, [this, job, outcome, failed] {
            if (!job->error().isError())
                showStatus(outcome + QStringLiteral(" · ") + m_status->text(), failed);
        });
    }
}

void PackagesPanel::showStatus(const QString& text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #c01c28;") : QString());
}

void PackagesPanel::updateButtons()
{
    const bool busy = isBusy();
    const bool running = m_run && !m_run->isFinished();
    const bool haveManager = currentManager() != nullptr;
    m_manager->setEnabled(!busy && m_found.size() > 1);
    m_refreshButton->setEnabled(!busy && m_backend);
    m_names->setEnabled(haveManager);
    m_installButton->setEnabled(!busy && haveManager && !m_names->text().trimmed().isEmpty());
    m_removeButton->setEnabled(!busy && haveManager && m_table->selectionModel()->hasSelection());
    m_cancelButton->setEnabled(running && !m_run->result().cancelled);
}

void PackagesPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PackagesPanel::retranslateUi()
{
    m_managerLabel->setText(tr("&Manager:"));
    m_managerLabel->setBuddy(m_manager);
    m_refreshButton->setText(tr("&Refresh"));
    m_refreshButton->setToolTip(tr("Look for the package managers again and list their packages"));
    m_filter->setPlaceholderText(tr("Filter by name or version"));
    m_namesLabel->setText(tr("&Packages:"));
    m_namesLabel->setBuddy(m_names);
    m_names->setPlaceholderText(tr("names to install, separated by blanks, e.g. curl jq"));
    m_installButton->setText(tr("&Install"));
    m_installButton->setToolTip(tr("Install the named packages (apt runs apt-get update first)"));
    m_removeButton->setText(tr("Re&move Selected"));
    m_removeButton->setToolTip(tr("Remove the packages selected in the list"));
    m_cancelButton->setText(tr("&Cancel"));
    m_cancelButton->setToolTip(
        tr("Stop the package manager and everything it started: TERM, then KILL 2 seconds later"));
    m_model->retranslate();
}
