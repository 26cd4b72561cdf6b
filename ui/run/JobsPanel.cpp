#include "JobsPanel.h"

#include "JobCommandActions.h"
#include "common/ListTable.h"
#include "common/OutputPane.h"
#include "logs/AnsiText.h"
#include "run/JobTableModel.h"
#include "run/SandboxJobs.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

JobsPanel::JobsPanel(SandboxJobs* jobs, const QString& sandboxName, QWidget* parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_sandboxName(sandboxName)
    , m_model(new JobTableModel(this))
    , m_table(new QTableView(this))
    , m_refreshButton(new QPushButton(this))
    , m_followButton(new QPushButton(this))
    , m_killButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
    , m_rerunButton(new QPushButton(this))
    , m_copyButton(new QPushButton(this))
    , m_output(new QPlainTextEdit(this))
    , m_outputTitle(new QLabel(this))
    , m_status(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    ListTable::setUp(m_table,
                     {{JobTableModel::Id, 90},
                      {JobTableModel::State, 90},
                      {JobTableModel::Started, 150},
                      {JobTableModel::Output, 90}},
                     JobTableModel::Command);
    m_refreshButton->setObjectName(QStringLiteral("jobsRefreshButton"));
    m_followButton->setObjectName(QStringLiteral("jobsFollowButton"));
    m_killButton->setObjectName(QStringLiteral("jobsKillButton"));
    m_removeButton->setObjectName(QStringLiteral("jobsRemoveButton"));
    m_rerunButton->setObjectName(QStringLiteral("jobsRerunButton"));
    m_copyButton->setObjectName(QStringLiteral("jobsCopyButton"));
    m_output->setObjectName(QStringLiteral("jobsOutput"));
    OutputPane::setUp(m_output);
    m_status->setObjectName(QStringLiteral("jobsStatus"));
    m_status->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refreshButton);
    buttons->addStretch();
    buttons->addWidget(m_followButton);
    buttons->addWidget(m_killButton);
    buttons->addWidget(m_removeButton);
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

    m_timer->setInterval(refreshMs);
    connect(m_timer, &QTimer::timeout, this, &JobsPanel::refresh);
    connect(m_refreshButton, &QPushButton::clicked, this, &JobsPanel::refresh);
    connect(m_followButton, &QPushButton::clicked, this, &JobsPanel::follow);
    connect(m_killButton, &QPushButton::clicked, this, &JobsPanel::killCurrent);
    connect(m_removeButton, &QPushButton::clicked, this, &JobsPanel::removeCurrent);
    connect(m_rerunButton, &QPushButton::clicked, this, &JobsPanel::rerunCurrent);
    connect(m_copyButton, &QPushButton::clicked, this, &JobsPanel::copyCommand);
    connect(m_table, &QTableView::doubleClicked, this, &JobsPanel::follow);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateButtons);
    retranslateUi();
    updateButtons();
}

JobsPanel::~JobsPanel() = default;

QString JobsPanel::currentJobId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(JobTableModel::JobIdRole).toString() : QString();
}

const JobInfo* JobsPanel::currentJob() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() && current.row() < m_model->jobs().size()
               ? &m_model->jobs().at(current.row())
               : nullptr;
}

void JobsPanel::selectJob(const QString& jobId)
{
    m_wanted = jobId;
    const QList<JobInfo>& jobs = m_model->jobs();
    for (qsizetype row = 0; row < jobs.size(); ++row) {
        if (jobs.at(row).id == jobId) {
            m_table->setCurrentIndex(m_model->index(int(row), 0));
            m_table->selectRow(int(row));
            m_wanted.clear();
            return;
        }
    }
}

void JobsPanel::refresh()
{
    if (!m_jobs || m_listing)
        return;
    m_listing = true;
    ResultJob<QList<JobInfo>>* job = m_jobs->list();
    connect(job, &Job::finished, this, [this, job] {
        m_listing = false;
        if (job->error().isError()) {
            showStatus(tr("The jobs could not be listed: %1").arg(job->error().fullText()), true);
            return;
        }
        const QString current = currentJobId();
        m_model->setJobs(job->value());
        if (!m_wanted.isEmpty())
            selectJob(m_wanted);
        else if (!current.isEmpty() && currentJobId() != current)
            selectJob(current);
        if (m_status->property("isError").toBool())
            showStatus({}, false);
        updateButtons();
    });
}

void JobsPanel::follow()
{
    const QString jobId = currentJobId();
    if (!m_jobs || jobId.isEmpty())
        return;
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->deleteLater();
    }
    m_output->clear();
    m_followed = jobId;
    m_outputTitle->setText(tr("Output of job %1:").arg(jobId));
    m_stream = m_jobs->openOutput(jobId, true);
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
    connect(m_stream, &JobOutput::ended, this, [this, held, jobId](const Error& error) {
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
            m_outputTitle->setText(tr("Output of job %1 (ended):").arg(jobId));
        refresh();
    });
    m_stream->start();
}

void JobsPanel::killCurrent()
{
    const QString jobId = currentJobId();
    if (!m_jobs || jobId.isEmpty())
        return;
    m_killButton->setEnabled(false);
    showStatus(tr("Stopping job %1…").arg(jobId), false);
    Job* job = m_jobs->kill(jobId);
    connect(job, &Job::finished, this, [this, job, jobId] {
        if (job->error().isError())
            showStatus(tr("Job %1 was not stopped: %2").arg(jobId, job->error().fullText()), true);
        else
            showStatus(tr("Job %1 was stopped.").arg(jobId), false);
        refresh();
    });
}

void JobsPanel::removeCurrent()
{
    const QString jobId = currentJobId();
    if (!m_jobs || jobId.isEmpty())
        return;
    m_removeButton->setEnabled(false);
    Job* job = m_jobs->remove(jobId);
    connect(job, &Job::finished, this, [this, job, jobId] {
        if (job->error().isError()) {
            showStatus(tr("Job %1 was not removed: %2").arg(jobId, job->error().fullText()), true);
        } else {
            showStatus(tr("Job %1 and its output were removed.").arg(jobId), false);
            if (m_followed == jobId) {
                if (m_stream) {
                    m_stream->disconnect(this);
                    m_stream->deleteLater();
                }
                m_followed.clear();
                m_output->clear();
                m_outputTitle->setText(tr("Select a job and follow it to see its output."));
            }
        }
        refresh();
    });
}

void JobsPanel::rerunCurrent()
{
    const JobInfo* job = currentJob();
    if (!m_jobs || !job)
        return;
    m_rerunButton->setEnabled(false);
    JobCommandActions::runAgain(m_jobs, *job, m_sandboxName, this,
                                [this](const JobCommandActions::Outcome& done) {
                                    updateButtons();
                                    showStatus(done.message, done.isError);
                                    if (done.jobId.isEmpty())
                                        return;
                                    selectJob(done.jobId);
                                    refresh();
                                });
}

void JobsPanel::copyCommand()
{
    if (const JobInfo* job = currentJob())
        showStatus(JobCommandActions::copyCommand(*job), false);
}

void JobsPanel::updateButtons()
{
    const QModelIndex current = m_table->currentIndex();
    const bool running = current.isValid() && current.data(JobTableModel::RunningRole).toBool();
    m_followButton->setEnabled(current.isValid());
    m_killButton->setEnabled(running);
    m_removeButton->setEnabled(current.isValid() && !running);
    m_rerunButton->setEnabled(current.isValid());
    m_copyButton->setEnabled(current.isValid());
}

void JobsPanel::showStatus(const QString& text, bool isError)
{
    m_status->setText(text);
    m_status->setProperty("isError", isError);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #c01c28;") : QString());
}

void JobsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer->start();
}

void JobsPanel::hideEvent(QHideEvent* event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void JobsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void JobsPanel::retranslateUi()
{
    m_refreshButton->setText(tr("&Refresh"));
    m_followButton->setText(tr("&Follow Output"));
    m_killButton->setText(tr("&Kill"));
    m_killButton->setToolTip(tr("TERM to the job's processes, then KILL 2 seconds later"));
    m_removeButton->setText(tr("Re&move"));
    m_removeButton->setToolTip(tr("Forget an ended job and its output"));
    JobCommandActions::retranslate(m_rerunButton, m_copyButton);
    if (m_followed.isEmpty())
        m_outputTitle->setText(tr("Select a job and follow it to see its output."));
    else
        m_outputTitle->setText(tr("Output of job %1:").arg(m_followed));
    m_model->retranslate();
}
