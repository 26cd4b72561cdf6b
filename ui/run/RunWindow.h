#pragma once

#include <QWidget>

class Backend;
class JobsPanel;
class PackagesPanel;
class QTabWidget;
class RunHistory;
class RunPanel;
class SandboxJobs;

// Running things in one sandbox: a Run tab for commands and scripts, a Jobs tab for the
// background jobs the sandbox keeps, a Packages tab for its package managers.
class RunWindow final : public QWidget
{
    Q_OBJECT
public:
    // container: which container of a group; empty: the first.
    RunWindow(Backend* backend, const QString& sandboxId, const QString& container,
              const QString& title, RunHistory& history, QWidget* parent = nullptr);

    RunPanel* runPanel() const { return m_run; }
    JobsPanel* jobsPanel() const { return m_jobs; }
    PackagesPanel* packagesPanel() const { return m_packages; }
    void showJobs();
    void showPackages();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QString m_title;
    SandboxJobs* m_sandboxJobs;
    QTabWidget* m_tabs;
    RunPanel* m_run;
    JobsPanel* m_jobs;
    PackagesPanel* m_packages;
};
