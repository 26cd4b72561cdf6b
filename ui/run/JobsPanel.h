#pragma once

#include <QPointer>
#include <QWidget>

class JobOutput;
class JobTableModel;
struct JobInfo;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class SandboxJobs;

// The background jobs of one sandbox: listed (and listed again every few seconds while
// shown), one followed at a time, killed, removed, started again as a new job, its command
// copied.
class JobsPanel final : public QWidget
{
    Q_OBJECT
public:
    // sandboxName: what the user calls the sandbox, for the messages.
    JobsPanel(SandboxJobs* jobs, const QString& sandboxName, QWidget* parent = nullptr);
    ~JobsPanel() override;

    JobTableModel* model() const { return m_model; }
    QString currentJobId() const;
    // The job whose output is shown; empty when none.
    const QString& followedJobId() const { return m_followed; }

    static constexpr int refreshMs = 3000;

public Q_SLOTS:
    void refresh();
    void follow();
    void killCurrent();
    void removeCurrent();
    void rerunCurrent();
    void copyCommand();
    void selectJob(const QString& jobId);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();
    void showStatus(const QString& text, bool isError);
    // The current row's job; null when none.
    const JobInfo* currentJob() const;

    QPointer<SandboxJobs> m_jobs;
    QString m_sandboxName;
    JobTableModel* m_model;
    QTableView* m_table;
    QPushButton* m_refreshButton;
    QPushButton* m_followButton;
    QPushButton* m_killButton;
    QPushButton* m_removeButton;
    QPushButton* m_rerunButton;
    QPushButton* m_copyButton;
    QPlainTextEdit* m_output;
    QLabel* m_outputTitle;
    QLabel* m_status;
    QTimer* m_timer;
    QPointer<JobOutput> m_stream;
    QString m_followed;
    QString m_wanted; // a job to select once the list has it
    bool m_listing = false;
};
