#include "TerminalSession.h"

#include "sandbox/Backend.h"
#include "sandbox/ExecSession.h"
#include "settings/Preferences.h"
#include "terminal/SessionRecorder.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalView.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

TerminalSession::TerminalSession(Backend* backend, const QString& sandboxId,
                                 const QString& sandboxName, const Preferences& preferences,
                                 QWidget* parent)
    : QWidget(parent)
    , m_preferences(preferences)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_sandboxName(sandboxName)
    , m_emulator(new TerminalEmulator(80, 24, this))
{
    setObjectName(QStringLiteral("terminalSession"));
    m_emulator->setScrollbackLimit(std::max(0, preferences.scrollbackLines()));
    m_emulator->setClipboardWritesAllowed(preferences.terminalClipboardWrites());

    m_view = new TerminalView(m_emulator, this);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!preferences.terminalFontFamily().isEmpty())
        font.setFamily(preferences.terminalFontFamily());
    if (preferences.terminalFontSize() > 0)
        font.setPointSize(preferences.terminalFontSize());
    m_view->setTerminalFont(font);
    m_view->setCursorBlinkEnabled(preferences.terminalCursorBlink());
    m_recorder = std::make_unique<SessionRecorder>(m_emulator->columns(), m_emulator->rows());

    m_exportBar = new QWidget(this);
    auto* exportLayout = new QHBoxLayout(m_exportBar);
    exportLayout->setContentsMargins(6, 2, 6, 2);
    m_exportLabel = new QLabel(m_exportBar);
    m_exportProgress = new QProgressBar(m_exportBar);
    m_exportProgress->setRange(0, 1000);
    m_exportCancel = new QPushButton(m_exportBar);
    exportLayout->addWidget(m_exportLabel);
    exportLayout->addWidget(m_exportProgress, 1);
    exportLayout->addWidget(m_exportCancel);
    m_exportBar->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_exportBar);
    setFocusProxy(m_view);

    auto make = [this](const char* name, const QKeySequence& shortcut = {}) {
        auto* action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        // Shown in the menu as a hint; the view handles the keys itself.
        action->setShortcutVisibleInContextMenu(true);
        action->setShortcutContext(Qt::WidgetShortcut);
        return action;
    };
    m_copyAction = make("terminalCopyAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_pasteAction = make("terminalPasteAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_findAction = make("terminalFindAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_exportTextAction = make("terminalExportTextAction");
    m_exportHtmlAction = make("terminalExportHtmlAction");
    m_exportCastAction = make("terminalExportCastAction");
    m_reconnectAction = make("terminalReconnectAction");
    m_detachAction = make("terminalDetachAction");
    m_attachAction = make("terminalAttachAction");
    m_attachAction->setVisible(false);
    m_closeAction = make("terminalCloseAction");
    connect(m_copyAction, &QAction::triggered, m_view, &TerminalView::copy);
    connect(m_pasteAction, &QAction::triggered, m_view, &TerminalView::paste);
    connect(m_findAction, &QAction::triggered, m_view, &TerminalView::showFindBar);
    connect(m_exportTextAction, &QAction::triggered, this,
            [this] { chooseExport(SessionExporter::Format::PlainText); });
    connect(m_exportHtmlAction, &QAction::triggered, this,
            [this] { chooseExport(SessionExporter::Format::Html); });
    connect(m_exportCastAction, &QAction::triggered, this,
            [this] { chooseExport(SessionExporter::Format::Asciicast); });
    connect(m_reconnectAction, &QAction::triggered, this, &TerminalSession::connectToSandbox);
    connect(m_detachAction, &QAction::triggered, this, &TerminalSession::detachRequested);
    connect(m_attachAction, &QAction::triggered, this, &TerminalSession::attachRequested);
    connect(m_closeAction, &QAction::triggered, this, &TerminalSession::closeRequested);

    m_menu = new QMenu(this);
    m_menu->addAction(m_copyAction);
    m_menu->addAction(m_pasteAction);
    m_menu->addAction(m_findAction);
    m_menu->addSeparator();
    m_exportMenu = m_menu->addMenu(QString());
    m_exportMenu->addActions({m_exportTextAction, m_exportHtmlAction, m_exportCastAction});
    m_menu->addSeparator();
    m_menu->addAction(m_reconnectAction);
    m_menu->addAction(m_detachAction);
    m_menu->addAction(m_attachAction);
    m_menu->addAction(m_closeAction);
    connect(m_menu, &QMenu::aboutToShow, this,
            [this] { m_copyAction->setEnabled(m_view->hasSelection()); });

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& pos) { m_menu->popup(m_view->mapToGlobal(pos)); });

    m_reconnectButton = new QPushButton(this);
    m_reconnectButton->setObjectName(QStringLiteral("terminalReconnectButton"));
    m_reconnectButton->hide();
    connect(m_reconnectButton, &QPushButton::clicked, this, &TerminalSession::connectToSandbox);

    connect(m_view, &TerminalView::inputProduced, this, &TerminalSession::write);
    connect(m_emulator, &TerminalEmulator::outputToProgram, this, &TerminalSession::write);
    connect(m_view, &TerminalView::gridSizeChanged, this, [this](int columns, int rows) {
        m_recorder->recordResize(columns, rows);
        if (m_exec)
            m_exec->resize(columns, rows);
    });
    connect(m_emulator, &TerminalEmulator::titleChanged, this,
            [this] { Q_EMIT titleChanged(title()); });

    m_exporter = new SessionExporter(this);
    connect(m_exporter, &SessionExporter::progressChanged, this, [this](qint64 done, qint64 total) {
        m_exportProgress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(m_exportCancel, &QPushButton::clicked, m_exporter, &SessionExporter::cancel);
    connect(m_exporter, &SessionExporter::finished, this,
            [this](SessionExporter::Outcome outcome, const QString& errorString) {
                m_exportBar->hide();
                if (outcome == SessionExporter::Outcome::Failed)
                    QMessageBox::warning(
                        this, tr("Export Failed"),
                        tr("The session could not be exported.\n\n%1").arg(errorString));
                Q_EMIT exportFinished(outcome, errorString);
            });

    if (m_backend) {
        // The exec session talks through the backend's connection: it must go first.
        connect(m_backend, &QObject::destroyed, this, [this] {
            dropExec();
            onFailed(Error::make(Error::Connection, tr("The connection was removed.")));
        });
    }

    retranslateUi();
}

TerminalSession::~TerminalSession()
{
    dropExec();
    saveLog();
}

void TerminalSession::saveLog()
{
    const QString folder = m_preferences.sessionLogFolder();
    if (folder.isEmpty() || m_recorder->eventCount() == m_loggedEvents)
        return;
    m_loggedEvents = m_recorder->eventCount();
    SessionLogWriter::save(*m_recorder, folder, m_sandboxName,
                           SessionLogWriter::formatsFromNames(m_preferences.sessionLogFormats()));
}

void TerminalSession::retranslateUi()
{
    m_copyAction->setText(tr("&Copy"));
    m_pasteAction->setText(tr("&Paste"));
    m_findAction->setText(tr("&Find…"));
    m_exportMenu->setTitle(tr("&Export Session"));
    m_exportTextAction->setText(tr("As &Plain Text…"));
    m_exportHtmlAction->setText(tr("As &HTML…"));
    m_exportCastAction->setText(tr("As &asciicast…"));
    m_reconnectAction->setText(tr("&Reconnect"));
    m_detachAction->setText(tr("&Move to Own Window"));
    m_attachAction->setText(tr("&Move Back to Tabs"));
    m_closeAction->setText(tr("C&lose"));
    m_reconnectButton->setText(tr("Reconnect"));
    m_exportCancel->setText(tr("Cancel"));
    m_exportLabel->setText(tr("Exporting…"));
    if (m_state == State::Ended || m_state == State::Lost)
        showEndBanner();
}

void TerminalSession::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString TerminalSession::title() const
{
    const QString programTitle = m_emulator->title();
    if (programTitle.isEmpty())
        return m_sandboxName;
    return tr("%1 — %2").arg(m_sandboxName, programTitle);
}

void TerminalSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TerminalSession::dropExec()
{
    if (!m_exec)
        return;
    ExecSession* exec = std::exchange(m_exec, nullptr);
    exec->disconnect(this);
    exec->close();
    delete exec;
}

void TerminalSession::connectToSandbox()
{
    dropExec();
    m_view->setBanner({});
    if (!m_backend) {
        onFailed(Error::make(Error::Connection, tr("The connection was removed.")));
        return;
    }
    ExecOptions options;
    options.tty = true;
    options.columns = m_emulator->columns();
    options.rows = m_emulator->rows();
    options.env << QStringLiteral("TERM=xterm-256color");
    options.container = m_container;
    ExecSession* exec = m_backend->openExec(m_sandboxId, options);
    if (!exec) {
        onFailed(Error::make(Error::Invalid, tr("This connection cannot open terminals.")));
        return;
    }
    exec->setParent(this);
    m_exec = exec;
    m_emulator->feed(QByteArrayLiteral("\x1b[?25h")); // the end of the last session hid it
    setState(State::Connecting);
    connect(exec, &ExecSession::started, this, [this] {
        setState(State::Running);
        // Programs read the size at start; send it again in case the view changed meanwhile.
        m_exec->resize(m_emulator->columns(), m_emulator->rows());
    });
    connect(exec, &ExecSession::received, this,
            [this](ExecSession::Stream, const QByteArray& bytes) {
                m_recorder->recordOutput(bytes);
                m_emulator->feed(bytes);
            });
    connect(exec, &ExecSession::finished, this, &TerminalSession::onEnded);
    connect(exec, &ExecSession::failed, this, &TerminalSession::onFailed);
    exec->start();
}

void TerminalSession::write(const QByteArray& bytes)
{
    if (!m_exec || m_state != State::Running || bytes.isEmpty())
        return;
    m_recorder->recordInput(bytes);
    m_exec->write(bytes);
}

void TerminalSession::onEnded(int exitCode)
{
    m_exitCode = exitCode;
    m_error = {};
    setState(State::Ended);
    showEndBanner();
    saveLog();
    // The line stays in the history, unlike the banner.
    m_emulator->feed(QStringLiteral("\r\n\x1b[0;7m %1 \x1b[0m\r\n\x1b[?25l")
                         .arg(tr("The session ended (exit code %1).").arg(exitCode))
                         .toUtf8());
}

void TerminalSession::onFailed(const Error& error)
{
    m_error = error;
    setState(State::Lost);
    showEndBanner();
    saveLog();
    m_emulator->feed(QStringLiteral("\r\n\x1b[0;7m %1 \x1b[0m\r\n\x1b[?25l")
                         .arg(tr("Connection lost: %1")
                                  .arg(error.message.isEmpty() ? error.fullText() : error.message))
                         .toUtf8());
}

void TerminalSession::showEndBanner()
{
    QString text;
    if (m_state == State::Ended)
        text = tr("The session ended (exit code %1).").arg(m_exitCode);
    else
        text = tr("Connection lost: %1").arg(m_error.fullText());
    m_view->setBanner(text, m_reconnectButton);
}

bool TerminalSession::isExporting() const
{
    return m_exporter->isRunning();
}

void TerminalSession::chooseExport(SessionExporter::Format format)
{
    QString filter;
    QString suffix;
    switch (format) {
    case SessionExporter::Format::PlainText:
        filter = tr("Text files (*.txt)");
        suffix = QStringLiteral(".txt");
        break;
    case SessionExporter::Format::Html:
        filter = tr("HTML files (*.html)");
        suffix = QStringLiteral(".html");
        break;
    case SessionExporter::Format::Asciicast:
        filter = tr("asciicast files (*.cast)");
        suffix = QStringLiteral(".cast");
        break;
    }
    const QString suggested = QDir::home().filePath(m_sandboxName + suffix);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Session"), suggested, filter);
    if (!path.isEmpty())
        exportTo(format, path);
}

void TerminalSession::exportTo(SessionExporter::Format format, const QString& filePath)
{
    if (m_exporter->isRunning()) {
        QMessageBox::information(this, tr("Export Session"),
                                 tr("An export of this session is already running."));
        return;
    }
    m_exportProgress->setValue(0);
    m_exportBar->show();
    if (!m_exporter->start(m_recorder->reader(), format, filePath)) {
        m_exportBar->hide();
        QMessageBox::warning(this, tr("Export Failed"), tr("The export could not be started."));
    }
}
