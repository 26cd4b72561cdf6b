#include "AllJobsWindow.h"

#include "JobCommandActions.h"
#include "common/ListTable.h"
#include "common/OutputPane.h"
#include "logs/AnsiText.h"
#include "run/AllJobsModel.h"
#include "run/SandboxJobs.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextCursor>
#include <QVBoxLayout>

#include <memory>

AllJobsWindow::AllJobsWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_model(new AllJobsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_refreshButton(new QPushButton(this))
    , m_followButton(new QPushButton(this))
    , m_killButton(new QPushButton(this))
    , m_rerunButton(new QPushButton(this))
    , m_copyButton(new QPushButton(this))
    , m_outputTitle(new QLabel(this))
    , m_output(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("allJobsWindow"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AllJobsModel::SortRole);
    m_table->setObjectName(QStringLiteral("allJobsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AllJobsModel::Started, Qt::DescendingOrder);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    ListTable::setUp(m_table,
                     {{AllJobsModel::Sandbox, 150},
                      {AllJobsModel::Connection, 160},
                      {AllJobsModel::JobId, 90},
                      {AllJobsModel::State, 90},
                      {AllJobsModel::ExitCode, 70},
                      {AllJobsModel::Started, 150},
                      {AllJobsModel::Output, 90}},
                     AllJobsModel::Command);
    m_refreshButton->setObjectName(QStringLiteral("allJobsRefreshButton"));
    m_followButton->setObjectName(QStringLiteral("allJobsFollowButton"));
    m_killButton->setObjectName(QStringLiteral("allJobsKillButton"));
    m_rerunButton->setObjectName(QStringLiteral("allJobsRerunButton"));
    m_copyButton->setObjectName(QStringLiteral("allJobsCopyButton"));
    m_output->setObjectName(QStringLiteral("allJobsOutput"));
    OutputPane::setUp(m_output);
    m_outputTitle->setObjectName(QStringLiteral("allJobsOutputTitle"));
    m_status->setObjectName(QStringLiteral("allJobsStatus"));
    m_status->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refreshButton);
    buttons->addStretch();
    buttons->addWidget(m_followButton);
    buttons->addWidget(m_killButton);
    buttons->addWidget(m_rerunButton);
    buttons->addWidget(m_copyButton);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_outputTitle);
    lowerLayout->addWidget(m_output);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_refreshButton, &QPushButton::clicked, this, &AllJobsWindow::refresh);
    connect(m_followButton, &QPushButton::clicked, this, &AllJobsWindow::follow);
    connect(m_killButton, &QPushButton::clicked, this, &AllJobsWindow::killCurrent);
    connect(m_rerunButton, &QPushButton::clicked, this, &AllJobsWindow::rerunCurrent);
    connect(m_copyButton, &QPushButton::clicked, this, &AllJobsWindow::copyCommand);
    connect(m_table, &QTableView::doubleClicked, this, &AllJobsWindow::follow);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AllJobsWindow::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AllJobsWindow::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateButtons();
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateStatus();
        if (!m_wanted.jobId.isEmpty())
            selectJob(m_wanted.backendId, m_wanted.sandboxId, m_wanted.jobId, m_wanted.container);
    });
    connect(m_model, &AllJobsModel::refreshed, this, [this] {
        updateStatus();
        updateButtons();
    });
    resize(980, 640);
    retranslateUi();
    updateButtons();
}

AllJobsWindow::~AllJobsWindow() = default;

void AllJobsWindow::addBackend(Backend* backend)
{
    m_model->addBackend(backend);
    if (isVisible())
        m_model->refresh();
}

void AllJobsWindow::removeBackend(Backend* backend)
{
    m_model->removeBackend(backend);
}

int AllJobsWindow::currentRow() const
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void AllJobsWindow::selectJob(const QString& backendId, const QString& sandboxId,
                              const QString& jobId, const QString& container)
{
    const int row = m_model->rowOf(backendId, sandboxId, jobId, container);
    if (row < 0) {
        m_wanted = {backendId, sandboxId, jobId, container};
        return;
    }
    m_wanted = {};
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
}

void AllJobsWindow::refresh()
{
    m_model->refresh();
}

void AllJobsWindow::stopFollowing()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->stop();
        m_stream->deleteLater();
    }
    m_followed.clear();
    m_followedSandbox.clear();
}

void AllJobsWindow::follow()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const AllJobsModel::Row job = m_model->row(row);
    SandboxJobs* jobs = m_model->jobsOf(job.backendId, job.sandboxId, job.container);
    if (!jobs)
        return;
    stopFollowing();
    m_output->clear();
    m_followed = job.job.id;
    m_followedSandbox = job.sandboxName;
    m_outputTitle->setText(tr("Output of job %1 in %2:").arg(m_followed, m_followedSandbox));
    m_stream = jobs->openOutput(job.job.id, true);
    if (!m_stream)
        return;
    m_stream->setParent(this);
    auto held = std::make_shared<QByteArray>();
    connect(m_stream, &JobOutput::received, this, [this, held](const QByteArray& bytes) {
        held->append(bytes);
        const qsizetype end = held->lastIndexOf('\n');
        if (end < 0)
            return;
        QScrollBar* bar = m_output->verticalScrollBar();
        const bool atEnd = bar->value() == bar->maximum();
        QString text;
        for (const QByteArray& line : held->left(end).split('\n'))
            text += AnsiText::plainText(line) + QLatin1Char('\n');
        held->remove(0, end + 1);
        QTextCursor cursor(m_output->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(text);
        if (atEnd)
            bar->setValue(bar->maximum());
    });
    const QString backendId = job.backendId;
    const QString sandboxId = job.sandboxId;
    const QString jobId = job.job.id;
    connect(
        m_stream, &JobOutput::ended, this,
        [this, held, backendId, sandboxId, jobId](const Error& error) {
            if (!held->isEmpty()) {
                QTextCursor cursor(m_output->document());
                cursor.movePosition(QTextCursor::End);
                cursor.insertText(AnsiText::plainText(*held));
                held->clear();
            }
            if (error.isError())
                showStatus(
                    tr("The output of job %1 could not be read: %2").arg(jobId, error.fullText()),
                    true);
            else
                m_outputTitle->setText(
                    tr("Output of job %1 in %2 (ended):").arg(jobId, m_followedSandbox));
            m_model->refreshSandbox(backendId, sandboxId);
        });
    m_stream->start();
}

void AllJobsWindow::killCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const AllJobsModel::Row job = m_model->row(row);
    SandboxJobs* jobs = m_model->jobsOf(job.backendId, job.sandboxId, job.container);
    if (!jobs)
        return;
    m_killButton->setEnabled(false);
    showStatus(tr("Stopping job %1 in %2…").arg(job.job.id, job.sandboxName), false);
    Job* kill = jobs->kill(job.job.id);
    connect(kill, &Job::finished, this, [this, kill, job] {
        if (kill->error().isError())
            showStatus(tr("Job %1 in %2 was not stopped: %3")
                           .arg(job.job.id, job.sandboxName, kill->error().fullText()),
                       true);
        else
            showStatus(tr("Job %1 in %2 was stopped.").arg(job.job.id, job.sandboxName), false);
        m_model->refreshSandbox(job.backendId, job.sandboxId);
    });
}

void AllJobsWindow::rerunCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const AllJobsModel::Row job = m_model->row(row);
    SandboxJobs* jobs = m_model->jobsOf(job.backendId, job.sandboxId, job.container);
    if (!jobs)
        return;
    m_rerunButton->setEnabled(false);
    JobCommandActions::runAgain(
        jobs, job.job, job.sandboxName, this, [this, job](const JobCommandActions::Outcome& done) {
            updateButtons();
            showStatus(done.message, done.isError);
            if (done.jobId.isEmpty())
                return;
            selectJob(job.backendId, job.sandboxId, done.jobId, job.container);
            m_model->refreshSandbox(job.backendId, job.sandboxId);
        });
}

void AllJobsWindow::copyCommand()
{
    const int row = currentRow();
    if (row < 0)
        return;
    showStatus(JobCommandActions::copyCommand(m_model->row(row).job), false);
}

void AllJobsWindow::updateButtons()
{
    const int row = currentRow();
    const bool any = row >= 0;
    const bool running = any && m_model->row(row).job.state == JobInfo::State::Running;
    m_followButton->setEnabled(any);
    m_killButton->setEnabled(running);
    m_rerunButton->setEnabled(any);
    m_copyButton->setEnabled(any);
}

void AllJobsWindow::showStatus(const QString& text, bool isError)
{
    m_message = text;
    m_messageIsError = isError;
    updateStatus();
}

void AllJobsWindow::updateStatus()
{
    QStringList lines;
    if (!m_message.isEmpty())
        lines << m_message;
    const QList<QPair<QString, Error>> failures = m_model->failures();
    for (const auto& failure : failures)
        lines << tr("The jobs of %1 could not be listed: %2")
                     .arg(failure.first, failure.second.fullText());
    if (lines.isEmpty() && m_model->rowCount() == 0 && !m_model->isRefreshing())
        lines << tr("No sandbox has background jobs.");
    m_status->setText(lines.join(QLatin1Char('\n')));
    const bool isError = m_messageIsError || !failures.isEmpty();
    m_status->setProperty("isError", isError);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #c01c28;") : QString());
}

void AllJobsWindow::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_model->setAutoRefresh(refreshMs);
    m_model->refresh();
}

void AllJobsWindow::hideEvent(QHideEvent* event)
{
    m_model->setAutoRefresh(0);
    QWidget::hideEvent(event);
}

void AllJobsWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AllJobsWindow::retranslateUi()
{
    setWindowTitle(tr("Jobs in All Sandboxes"));
    m_refreshButton->setText(tr("&Refresh"));
    m_followButton->setText(tr("&Follow Output"));
    m_killButton->setText(tr("&Kill"));
    m_killButton->setToolTip(tr("TERM to the job's processes, then KILL 2 seconds later"));
    JobCommandActions::retranslate(m_rerunButton, m_copyButton);
    if (m_followed.isEmpty())
        m_outputTitle->setText(tr("Select a job and follow it to see its output."));
    else
        m_outputTitle->setText(tr("Output of job %1 in %2:").arg(m_followed, m_followedSandbox));
    m_model->retranslate();
    updateStatus();
}
