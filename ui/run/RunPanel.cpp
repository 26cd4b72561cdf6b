#include "RunPanel.h"

#include "common/OutputPane.h"
#include "logs/AnsiText.h"
#include "run/Interpreters.h"
#include "run/Run.h"
#include "run/RunHistory.h"
#include "run/SandboxJobs.h"
#include "sandbox/Backend.h"
#include "sandbox/ShellWords.h"
#include "text/Duration.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr qsizetype maxHeldLine = 8 * 1024;
constexpr int flushMs = 30;

enum Mode
{
    CommandMode,
    ScriptMode,
    CodeMode // the script editor holds a snippet for the interpreter found in the sandbox
};

} // namespace

RunPanel::RunPanel(Backend* backend, const QString& sandboxId, const QString& container,
                   RunHistory& history, SandboxJobs* jobs, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_backendId(backend ? backend->id() : QString())
    , m_sandboxId(sandboxId)
    , m_container(container)
    , m_history(history)
    , m_jobs(jobs)
    , m_mode(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_languageLabel(new QLabel(this))
    , m_inputs(new QStackedWidget(this))
    , m_command(new QComboBox(this))
    , m_script(new QPlainTextEdit(this))
    , m_workdir(new QLineEdit(this))
    , m_env(new QLineEdit(this))
    , m_timeout(new QLineEdit(this))
    , m_runButton(new QPushButton(this))
    , m_jobButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_copyButton(new QPushButton(this))
    , m_exportButton(new QPushButton(this))
    , m_clearButton(new QPushButton(this))
    , m_output(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_modeLabel(new QLabel(this))
    , m_workdirLabel(new QLabel(this))
    , m_envLabel(new QLabel(this))
    , m_timeoutLabel(new QLabel(this))
    , m_flushTimer(new QTimer(this))
{
    m_mode->setObjectName(QStringLiteral("runMode"));
    m_mode->addItem(QString());
    m_mode->addItem(QString());
    m_mode->addItem(QString());
    m_language->setObjectName(QStringLiteral("runLanguage"));
    for (const auto language : {Interpreters::Language::Python, Interpreters::Language::Node,
                                Interpreters::Language::Shell})
        m_language->addItem(Interpreters::displayName(language), int(language));
    m_command->setObjectName(QStringLiteral("runCommand"));
    m_command->setEditable(true);
    m_command->setInsertPolicy(QComboBox::NoInsert);
    m_command->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_script->setObjectName(QStringLiteral("runScript"));
    m_script->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_script->setTabChangesFocus(false);
    m_inputs->addWidget(m_command);
    m_inputs->addWidget(m_script);
    m_workdir->setObjectName(QStringLiteral("runWorkdir"));
    m_env->setObjectName(QStringLiteral("runEnv"));
    m_timeout->setObjectName(QStringLiteral("runTimeout"));
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setDefault(true);
    m_jobButton->setObjectName(QStringLiteral("runAsJobButton"));
    m_cancelButton->setObjectName(QStringLiteral("runCancelButton"));
    m_copyButton->setObjectName(QStringLiteral("runCopyButton"));
    m_exportButton->setObjectName(QStringLiteral("runExportButton"));
    m_clearButton->setObjectName(QStringLiteral("runClearButton"));
    m_output->setObjectName(QStringLiteral("runOutput"));
    OutputPane::setUp(m_output);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(m_modeLabel, m_mode);
    form->addRow(m_languageLabel, m_language);
    form->addRow(m_inputs);
    form->addRow(m_workdirLabel, m_workdir);
    form->addRow(m_envLabel, m_env);
    form->addRow(m_timeoutLabel, m_timeout);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_jobButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch();
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_clearButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_output, 1);
    layout->addWidget(m_status);

    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(flushMs);
    connect(m_flushTimer, &QTimer::timeout, this, [this] { flushOutput(false); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_inputs->setCurrentIndex(index == CommandMode ? 0 : 1);
        // A script is small enough to fit; the command line only needs its row.
        m_inputs->setMaximumHeight(index != CommandMode ? QWIDGETSIZE_MAX
                                                        : m_command->sizeHint().height());
        m_language->setVisible(index == CodeMode);
        m_languageLabel->setVisible(index == CodeMode);
        updateButtons();
    });
    m_inputs->setMaximumHeight(m_command->sizeHint().height());
    m_language->setVisible(false);
    m_languageLabel->setVisible(false);
    connect(m_command->lineEdit(), &QLineEdit::returnPressed, this, &RunPanel::runNow);
    connect(m_command->lineEdit(), &QLineEdit::textChanged, this, &RunPanel::updateButtons);
    connect(m_script, &QPlainTextEdit::textChanged, this, &RunPanel::updateButtons);
    connect(m_runButton, &QPushButton::clicked, this, &RunPanel::runNow);
    connect(m_jobButton, &QPushButton::clicked, this, &RunPanel::startAsJob);
    connect(m_cancelButton, &QPushButton::clicked, this, &RunPanel::cancel);
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_output->toPlainText()); });
    connect(m_exportButton, &QPushButton::clicked, this, &RunPanel::chooseExport);
    connect(m_clearButton, &QPushButton::clicked, this, [this] {
        m_output->clear();
        if (!isRunning())
            m_transcript.clear();
        updateButtons();
        if (!isRunning())
            showStatus({}, false);
    });

    reloadHistory();
    m_command->setCurrentText(QString());
    retranslateUi();
    updateButtons();
}

RunPanel::~RunPanel() = default;

bool RunPanel::isRunning() const
{
    return m_detecting || (m_run && !m_run->isFinished());
}

RunRequest RunPanel::request(QString* problem) const
{
    RunRequest request;
    if (m_mode->currentIndex() != CommandMode) {
        request.script = m_script->toPlainText().toUtf8();
        if (!request.script.endsWith('\n'))
            request.script.append('\n');
        if (m_script->toPlainText().trimmed().isEmpty()) {
            *problem = tr("Write a script to run.");
            request.script.clear();
            return request;
        }
    } else {
        QString why;
        request.command = ShellWords::split(m_command->currentText(), &why);
        if (!why.isEmpty() || request.command.isEmpty()) {
            *problem = why.isEmpty() ? tr("Type a command to run.") : why;
            request.command.clear();
            return request;
        }
    }
    request.workingDir = m_workdir->text().trimmed();
    request.container = m_container;
    QString why;
    const QStringList env = ShellWords::split(m_env->text(), &why);
    for (const QString& entry : env) {
        if (entry.indexOf(QLatin1Char('=')) <= 0)
            why = tr("“%1” is not NAME=VALUE.").arg(entry);
    }
    const QString timeout = m_timeout->text().trimmed();
    if (!timeout.isEmpty()) {
        request.timeoutMs = Duration::parse(timeout);
        if (request.timeoutMs <= 0)
            why = tr("“%1” is not a time limit such as 30s, 10m or 2h.").arg(timeout);
    }
    if (!why.isEmpty()) {
        *problem = why;
        request.command.clear();
        request.script.clear();
        return request;
    }
    request.env = env;
    return request;
}

void RunPanel::runNow()
{
    if (isRunning())
        return;
    QString problem;
    const RunRequest request = this->request(&problem);
    if (!problem.isEmpty()) {
        showStatus(problem, true);
        return;
    }
    if (!m_backend) {
        showStatus(tr("The connection is gone."), true);
        return;
    }
    m_interpreterNote.clear();
    if (m_mode->currentIndex() == CodeMode) {
        runCode();
        return;
    }
    if (!request.isScript()) {
        m_history.add(m_backendId, m_sandboxId, m_command->currentText().trimmed());
        const QString typed = m_command->currentText();
        reloadHistory();
        m_command->setCurrentText(typed);
    }
    startRun(request);
}

void RunPanel::runCode()
{
    const auto language = Interpreters::Language(m_language->currentData().toInt());
    m_detecting = true;
    showStatus(tr("Looking for %1 in the sandbox…").arg(Interpreters::displayName(language)),
               false);
    updateButtons();
    auto* job = Interpreters::detect(m_backend, m_sandboxId, m_container, this);
    connect(job, &Job::finished, this, [this, job, language] {
        m_detecting = false;
        updateButtons();
        if (job->error().isError()) {
            showStatus(tr("Could not run: %1").arg(job->error().fullText()), true);
            return;
        }
        const QString path = job->value().value(language);
        if (path.isEmpty()) {
            showStatus(tr("This sandbox has no %1: none of %2 was found.")
                           .arg(Interpreters::displayName(language),
                                Interpreters::candidates(language).join(QStringLiteral(", "))),
                       true);
            return;
        }
        QString problem;
        RunRequest request = this->request(&problem);
        if (!problem.isEmpty()) {
            showStatus(problem, true);
            return;
        }
        request.script = Interpreters::request(path, m_script->toPlainText().toUtf8()).script;
        m_interpreterNote = tr("%1 found at %2").arg(Interpreters::displayName(language), path);
        startRun(request);
    });
}

void RunPanel::startRun(const RunRequest& request)
{
    delete m_run;
    m_output->clear();
    m_transcript.clear();
    m_runClock.start();
    m_pending[0].clear();
    m_pending[1].clear();
    m_ready.clear();
    m_run = new Run(m_backend, m_sandboxId, request, this);
    connect(m_run, &Run::received, this, &RunPanel::onReceived);
    connect(m_run, &Run::finished, this, &RunPanel::onFinished);
    m_run->start();
    showStatus(m_interpreterNote.isEmpty() ? tr("Running…")
                                           : tr("Running with %1…").arg(m_interpreterNote),
               false);
    updateButtons();
}

void RunPanel::cancel()
{
    if (!isRunning())
        return;
    m_run->cancel();
    showStatus(tr("Stopping…"), false);
    updateButtons();
}

void RunPanel::startAsJob()
{
    if (!m_jobs || m_mode->currentIndex() != CommandMode)
        return;
    QString problem;
    const RunRequest request = this->request(&problem);
    if (!problem.isEmpty()) {
        showStatus(problem, true);
        return;
    }
    m_history.add(m_backendId, m_sandboxId, m_command->currentText().trimmed());
    ResultJob<QString>* job = m_jobs->start(request);
    m_jobButton->setEnabled(false);
    showStatus(tr("Starting the job…"), false);
    connect(job, &Job::finished, this, [this, job] {
        updateButtons();
        if (job->error().isError()) {
            showStatus(tr("The job was not started: %1").arg(job->error().fullText()), true);
            return;
        }
        showStatus(tr("Started job %1; it runs on in the sandbox.").arg(job->value()), false);
        Q_EMIT jobStarted(job->value());
    });
}

void RunPanel::onReceived(ExecSession::Stream stream, const QByteArray& bytes)
{
    m_transcript.append(stream, bytes, m_runClock.elapsed());
    const int which = stream == ExecSession::Stream::Stderr ? 1 : 0;
    QByteArray& pending = m_pending[which];
    pending.append(bytes);
    qsizetype start = 0;
    qsizetype end;
    while ((end = pending.indexOf('\n', start)) >= 0) {
        m_ready.append(
            {which == 1, AnsiText::plainText(QByteArrayView(pending).sliced(start, end - start)) +
                             QLatin1Char('\n')});
        start = end + 1;
    }
    pending.remove(0, start);
    if (pending.size() > maxHeldLine)
        m_ready.append({which == 1, AnsiText::plainText(std::exchange(pending, {}))});
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void RunPanel::flushOutput(bool all)
{
    if (all) {
        for (int which = 0; which < 2; ++which) {
            if (!m_pending[which].isEmpty())
                m_ready.append(
                    {which == 1, AnsiText::plainText(std::exchange(m_pending[which], {}))});
        }
    }
    if (m_ready.isEmpty())
        return;
    QScrollBar* bar = m_output->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    for (const auto& [isError, text] : std::as_const(m_ready))
        appendText(text, isError);
    m_ready.clear();
    if (atEnd)
        bar->setValue(bar->maximum());
}

void RunPanel::appendText(const QString& text, bool isError)
{
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat format;
    if (isError)
        format.setForeground(QColor(0xc0, 0x1c, 0x28));
    cursor.insertText(text, format);
}

void RunPanel::onFinished()
{
    m_flushTimer->stop();
    flushOutput(true);
    const RunResult& result = m_run->result();
    m_transcript.setResult(result);
    const QString duration = Duration::format(result.durationMs);
    if (result.error.isError()) {
        showStatus(tr("Could not run: %1").arg(result.error.fullText()), true);
    } else if (result.timedOut) {
        showStatus(tr("Stopped after its time limit of %1 · exit code %2 · %3")
                       .arg(Duration::format(m_run->request().timeoutMs))
                       .arg(result.exitCode)
                       .arg(duration),
                   true);
    } else if (result.cancelled) {
        showStatus(tr("Cancelled · exit code %1 · %2").arg(result.exitCode).arg(duration), true);
    } else {
        showStatus(tr("Exit code %1 · %2").arg(result.exitCode).arg(duration),
                   result.exitCode != 0);
    }
    if (!m_interpreterNote.isEmpty())
        m_status->setText(m_interpreterNote + QStringLiteral(" · ") + m_status->text());
    updateButtons();
    Q_EMIT runFinished(m_run->request().summary(), result.exitCode);
}

void RunPanel::showStatus(const QString& text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #c01c28;") : QString());
}

void RunPanel::updateButtons()
{
    const bool running = isRunning();
    const bool hasInput = m_mode->currentIndex() != CommandMode
                              ? !m_script->toPlainText().trimmed().isEmpty()
                              : !m_command->currentText().trimmed().isEmpty();
    m_runButton->setEnabled(!running && hasInput && m_backend);
    m_jobButton->setEnabled(!running && hasInput && m_jobs &&
                            m_mode->currentIndex() == CommandMode);
    m_exportButton->setEnabled(!running && !m_transcript.isEmpty());
    m_cancelButton->setEnabled(running && !m_detecting && !m_run->result().cancelled &&
                               !m_run->result().timedOut);
}

bool RunPanel::exportOutput(const QString& path, QString* error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = file.errorString();
        return false;
    }
    const QByteArray bytes = path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
                                 ? m_transcript.toJsonLines()
                                 : m_transcript.toText();
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void RunPanel::chooseExport()
{
    auto* dialog = new QFileDialog(this, tr("Export the Output"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("Plain text (*.txt *.log)"), tr("JSON lines (*.jsonl)")});
    dialog->setDefaultSuffix(QStringLiteral("txt"));
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString& filter) {
        dialog->setDefaultSuffix(filter.contains(QLatin1String("jsonl")) ? QStringLiteral("jsonl")
                                                                         : QStringLiteral("txt"));
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        QString error;
        if (exportOutput(path, &error))
            showStatus(tr("The output was saved to %1.").arg(path), false);
        else
            showStatus(tr("The output was not saved: %1").arg(error), true);
    });
    dialog->open();
}

void RunPanel::reloadHistory()
{
    const QSignalBlocker blocker(m_command);
    m_command->clear();
    m_command->addItems(m_history.commands(m_backendId, m_sandboxId));
}

void RunPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RunPanel::retranslateUi()
{
    m_modeLabel->setText(tr("&Run:"));
    m_modeLabel->setBuddy(m_mode);
    m_mode->setItemText(CommandMode, tr("A command line"));
    m_mode->setItemText(ScriptMode, tr("A script (sh, or its #! line)"));
    m_mode->setItemText(CodeMode, tr("Code (Python, Node.js or sh found in the sandbox)"));
    m_languageLabel->setText(tr("&Language:"));
    m_languageLabel->setBuddy(m_language);
    m_command->lineEdit()->setPlaceholderText(tr("for example: ls -la /tmp"));
    m_script->setPlaceholderText(tr("#!/bin/sh\nset -e\necho hello"));
    m_workdirLabel->setText(tr("&Folder:"));
    m_workdirLabel->setBuddy(m_workdir);
    m_workdir->setPlaceholderText(tr("the sandbox's own working folder"));
    m_envLabel->setText(tr("&Environment:"));
    m_envLabel->setBuddy(m_env);
    m_env->setPlaceholderText(tr("NAME=value NAME2='with spaces'"));
    m_timeoutLabel->setText(tr("&Time limit:"));
    m_timeoutLabel->setBuddy(m_timeout);
    m_timeout->setPlaceholderText(tr("none; for example 30s, 10m, 2h"));
    m_runButton->setText(tr("Run"));
    m_jobButton->setText(tr("Start as &Job"));
    m_jobButton->setToolTip(
        tr("Start the command in the background; it runs on when this window closes"));
    m_cancelButton->setText(tr("&Cancel"));
    m_cancelButton->setToolTip(
        tr("Stop the process and everything it started: TERM, then KILL 2 seconds later"));
    m_copyButton->setText(tr("Cop&y Output"));
    m_exportButton->setText(tr("E&xport…"));
    m_exportButton->setToolTip(tr("Save the output as text, or as JSON lines with each "
                                  "chunk's stream and time"));
    m_clearButton->setText(tr("C&lear"));
}
