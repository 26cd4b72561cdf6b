#include "TerminalTab.h"

#include "settings/Preferences.h"
#include "terminal/TerminalSession.h"
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

TerminalTab::TerminalTab(TerminalSession* session, const Preferences& preferences, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("terminalTab"));
    m_session->setParent(this);

    m_view = new TerminalView(m_session->emulator(), this);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!preferences.terminalFontFamily().isEmpty())
        font.setFamily(preferences.terminalFontFamily());
    if (preferences.terminalFontSize() > 0)
        font.setPointSize(preferences.terminalFontSize());
    m_view->setTerminalFont(font);
    m_view->setCursorBlinkEnabled(preferences.terminalCursorBlink());

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
    connect(m_reconnectAction, &QAction::triggered, m_session, &TerminalSession::connectToSandbox);
    connect(m_detachAction, &QAction::triggered, this, &TerminalTab::detachRequested);
    connect(m_attachAction, &QAction::triggered, this, &TerminalTab::attachRequested);
    connect(m_closeAction, &QAction::triggered, this, &TerminalTab::closeRequested);

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
    connect(m_reconnectButton, &QPushButton::clicked, m_session,
            &TerminalSession::connectToSandbox);

    connect(m_view, &TerminalView::inputProduced, m_session, &TerminalSession::write);
    connect(m_view, &TerminalView::gridSizeChanged, m_session, &TerminalSession::setSize);
    connect(m_session, &TerminalSession::stateChanged, this, [this](TerminalSession::State state) {
        if (state == TerminalSession::State::Connecting || state == TerminalSession::State::Running)
            m_view->setBanner({});
    });
    connect(m_session, &TerminalSession::ended, this, &TerminalTab::showEndBanner);

    connect(m_session, &TerminalSession::exportProgressed, this, [this](qint64 done, qint64 total) {
        m_exportProgress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(m_exportCancel, &QPushButton::clicked, m_session, &TerminalSession::cancelExport);
    connect(m_session, &TerminalSession::exportFinished, this,
            [this](SessionExporter::Outcome outcome, const QString& errorString) {
                m_exportBar->hide();
                if (outcome == SessionExporter::Outcome::Failed)
                    QMessageBox::warning(
                        this, tr("Export Failed"),
                        tr("The session could not be exported.\n\n%1").arg(errorString));
            });

    retranslateUi();
}

TerminalTab::~TerminalTab()
{
    // The view draws the session's emulator: it goes first.
    delete m_view;
}

void TerminalTab::retranslateUi()
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
    if (m_session->state() == TerminalSession::State::Ended ||
        m_session->state() == TerminalSession::State::Lost)
        showEndBanner();
}

void TerminalTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TerminalTab::showEndBanner()
{
    m_view->setBanner(m_session->endText(), m_reconnectButton);
}

void TerminalTab::chooseExport(SessionExporter::Format format)
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
    const QString suggested = QDir::home().filePath(m_session->sandboxName() + suffix);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Session"), suggested, filter);
    if (!path.isEmpty())
        exportTo(format, path);
}

void TerminalTab::exportTo(SessionExporter::Format format, const QString& filePath)
{
    if (m_session->isExporting()) {
        QMessageBox::information(this, tr("Export Session"),
                                 tr("An export of this session is already running."));
        return;
    }
    m_exportProgress->setValue(0);
    m_exportBar->show();
    if (!m_session->exportTo(format, filePath)) {
        m_exportBar->hide();
        QMessageBox::warning(this, tr("Export Failed"), tr("The export could not be started."));
    }
}
