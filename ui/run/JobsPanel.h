#pragma once

#include <QPointer>
#include <QWidget>

class JobOutput;
class JobTableModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class SandboxJobs;

// The background jobs of one sandbox: listed (and listed again every few seconds while
// shown), one followed at a time, killed and removed.
class JobsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit JobsPanel(SandboxJobs* jobs, QWidget* parent = nullptr);
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
    void selectJob(const QString& jobId);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();
    void showStatus(const QString& text, bool isError);

    QPointer<SandboxJobs> m_jobs;
    JobTableModel* m_model;
    QTableView* m_table;
    QPushButton* m_refreshButton;
    QPushButton* m_followButton;
    QPushButton* m_killButton;
    QPushButton* m_removeButton;
    QPlainTextEdit* m_output;
    QLabel* m_outputTitle;
    QLabel* m_status;
    QTimer* m_timer;
    QPointer<JobOutput> m_stream;
    QString m_followed;
    QString m_wanted; // a job to select once the list has it
    bool m_listing = false;
};
