#include "RunWindow.h"

#include "JobsPanel.h"
#include "PackagesPanel.h"
#include "RunPanel.h"
#include "run/SandboxJobs.h"
#include "sandbox/Backend.h"

#include <QEvent>
#include <QTabWidget>
#include <QVBoxLayout>

RunWindow::RunWindow(Backend* backend, const QString& sandboxId, const QString& container,
                     const QString& title, RunHistory& history, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_title(title)
    , m_sandboxJobs(new SandboxJobs(backend, sandboxId, container, this))
    , m_tabs(new QTabWidget(this))
    , m_run(new RunPanel(backend, sandboxId, container, history, m_sandboxJobs, this))
    , m_jobs(new JobsPanel(m_sandboxJobs, title, this))
    , m_packages(new PackagesPanel(backend, sandboxId, container, title, this))
{
    setObjectName(QStringLiteral("runWindow"));
    m_tabs->addTab(m_run, QString());
    m_tabs->addTab(m_jobs, QString());
    m_tabs->addTab(m_packages, QString());
    // The managers are looked up when the tab is first shown, not for every window.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_packages)
            m_packages->activate();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    connect(m_run, &RunPanel::jobStarted, this, [this](const QString& jobId) {
        m_jobs->selectJob(jobId);
        showJobs();
        m_jobs->refresh();
    });
    resize(820, 620);
    retranslateUi();
}

void RunWindow::showJobs()
{
    m_tabs->setCurrentWidget(m_jobs);
}

void RunWindow::showPackages()
{
    m_tabs->setCurrentWidget(m_packages);
}

void RunWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RunWindow::retranslateUi()
{
    setWindowTitle(tr("Run in %1").arg(m_title));
    m_tabs->setTabText(m_tabs->indexOf(m_run), tr("Run"));
    m_tabs->setTabText(m_tabs->indexOf(m_jobs), tr("Jobs"));
    m_tabs->setTabText(m_tabs->indexOf(m_packages), tr("Packages"));
}
