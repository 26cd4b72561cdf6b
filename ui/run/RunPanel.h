#pragma once

#include "run/RunRequest.h"
#include "run/RunTranscript.h"
#include "sandbox/ExecSession.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class Backend;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;
class Run;
class RunHistory;
class SandboxJobs;

// Runs a command line or a script in one sandbox (core's Run) and shows its output as it
// comes, stderr in its own colour, then the exit code and how long it took. Cancel stops the
// process in the sandbox. The command lines run here are remembered per sandbox.
class RunPanel final : public QWidget
{
    Q_OBJECT
public:
    // container: which container of a group; empty: the first.
    RunPanel(Backend* backend, const QString& sandboxId, const QString& container,
             RunHistory& history, SandboxJobs* jobs, QWidget* parent = nullptr);
    ~RunPanel() override;

    bool isRunning() const;
    // What the form describes; empty command and script with *problem set when it is no good.
    RunRequest request(QString* problem) const;
    // Writes the last run's output: JSON lines for a .jsonl path, else the text as it came.
    bool exportOutput(const QString& path, QString* error) const;

public Q_SLOTS:
    void runNow();
    void cancel();
    void startAsJob();
    void chooseExport();

Q_SIGNALS:
    void runFinished(const QString& summary, int exitCode);
    void jobStarted(const QString& jobId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();
    void reloadHistory();
    void onReceived(ExecSession::Stream stream, const QByteArray& bytes);
    void flushOutput(bool all);
    void appendText(const QString& text, bool isError);
    void onFinished();
    void startRun(const RunRequest& request);
    void runCode();
    void showStatus(const QString& text, bool isError);

    QPointer<Backend> m_backend;
    QString m_backendId;
    QString m_sandboxId;
    QString m_container;
    RunHistory& m_history;
    QPointer<SandboxJobs> m_jobs;
    Run* m_run = nullptr;

    QComboBox* m_mode;
    QComboBox* m_language;
    QLabel* m_languageLabel;
    RunTranscript m_transcript;
    QElapsedTimer m_runClock;
    QString m_interpreterNote; // which interpreter a code run uses, shown with its result
    bool m_detecting = false;
    QStackedWidget* m_inputs;
    QComboBox* m_command;
    QPlainTextEdit* m_script;
    QLineEdit* m_workdir;
    QLineEdit* m_env;
    QLineEdit* m_timeout;
    QPushButton* m_runButton;
    QPushButton* m_jobButton;
    QPushButton* m_cancelButton;
    QPushButton* m_copyButton;
    QPushButton* m_exportButton;
    QPushButton* m_clearButton;
    QPlainTextEdit* m_output;
    QLabel* m_status;
    QLabel* m_modeLabel;
    QLabel* m_workdirLabel;
    QLabel* m_envLabel;
    QLabel* m_timeoutLabel;

    // Output arrives in bursts; it is shown in whole lines, at most every few milliseconds.
    QTimer* m_flushTimer;
    QByteArray m_pending[2]; // stdout, stderr: what is not yet a whole line
    QList<QPair<bool, QString>> m_ready;
};
