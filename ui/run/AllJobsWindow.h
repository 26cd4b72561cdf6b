#pragma once

#include <QPointer>
#include <QWidget>

class AllJobsModel;
class Backend;
class JobOutput;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// Every background job of every running sandbox of every connection, in one window: listed
// (again every few seconds while shown, by AllJobsModel off the window's way), one followed at
// a time, killed, started again as a new job, its command copied.
class AllJobsWindow final : public QWidget
{
    Q_OBJECT
public:
    explicit AllJobsWindow(QWidget* parent = nullptr);
    ~AllJobsWindow() override;

    void addBackend(Backend* backend);
    void removeBackend(Backend* backend);

    AllJobsModel* model() const { return m_model; }
    // The row of the model (not the view) that is current; -1 when none.
    int currentRow() const;
    // container: which container of a group keeps the job; empty for a sandbox of one.
    void selectJob(const QString& backendId, const QString& sandboxId, const QString& jobId,
                   const QString& container = {});
    // The job whose output is shown; empty when none.
    const QString& followedJobId() const { return m_followed; }

    static constexpr int refreshMs = 5000;

public Q_SLOTS:
    void refresh();
    void follow();
    void killCurrent();
    void rerunCurrent();
    void copyCommand();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Wanted
    {
        QString backendId;
        QString sandboxId;
        QString jobId;
        QString container;
    };
    void retranslateUi();
    void updateButtons();
    void updateStatus();
    void showStatus(const QString& text, bool isError);
    void stopFollowing();

    AllJobsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QPushButton* m_refreshButton;
    QPushButton* m_followButton;
    QPushButton* m_killButton;
    QPushButton* m_rerunButton;
    QPushButton* m_copyButton;
    QLabel* m_outputTitle;
    QPlainTextEdit* m_output;
    QLabel* m_status;
    QPointer<JobOutput> m_stream;
    QString m_followed;
    QString m_followedSandbox;
    Wanted m_wanted;   // a job to select once the list has it
    QString m_message; // what the last action said; failures to list come after it
    bool m_messageIsError = false;
};
