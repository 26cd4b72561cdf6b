#include "ActivityLogWindow.h"

#include "common/AppIcon.h"
#include "common/FindBar.h"
#include "logs/LogBuffer.h"
#include "logs/LogView.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QToolBar>
#include <QToolButton>

namespace {

constexpr int SearchDelayMs = 250;

} // namespace

ActivityLogWindow::ActivityLogWindow(ActivityLog* log, QWidget* parent)
    : QMainWindow(parent, Qt::Window)
    , m_log(log)
{
    setObjectName(QStringLiteral("activityLogWindow"));
    setWindowIcon(appIcon());
    m_view = new LogView;
    setCentralWidget(m_view);
    m_findBar = new FindBar(FindBar::Feature::RegularExpression);
    createToolBar();
    attachBuffer();
    connect(log, &ActivityLog::recorded, this, [this] { m_view->linesAppended(); });
    connect(log, &ActivityLog::trimmed, this, &ActivityLogWindow::attachBuffer);
    connect(m_view, &LogView::rowsUpdated, this, &ActivityLogWindow::searchNewLines);
    retranslateUi();
    resize(900, 500);
}

ActivityLogWindow::~ActivityLogWindow()
{
    m_view->setBuffer(nullptr);
}

void ActivityLogWindow::attachBuffer()
{
    // A new buffer after the oldest entries went: the search starts over on it.
    delete m_search;
    m_buffer = m_log->buffer();
    m_search = new LogSearch(m_buffer, this);
    connect(m_search, &LogSearch::matchesFound, this, [this](const QList<qint64>& lines) {
        m_matches.append(lines);
        applyFilter();
        updateMatchLabel();
    });
    connect(m_search, &LogSearch::finished, this, [this](bool complete) {
        updateMatchLabel();
        if (complete && m_searchPending) {
            m_searchPending = false;
            searchNewLines();
        }
    });
    connect(m_search, &LogSearch::failed, m_findBar, &FindBar::setMessage);
    m_view->setBuffer(m_buffer.get());
    m_matches.clear();
    m_currentMatch = -1;
    m_searchedTo = 0;
    m_searchPending = false;
    applyFilter();
    searchNewLines();
}

void ActivityLogWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("activityToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_findBar->edit()->setObjectName(QStringLiteral("activitySearchEdit"));
    m_findBar->setSearchDelay(SearchDelayMs);
    connect(m_findBar, &FindBar::queryChanged, this, &ActivityLogWindow::startSearch);
    connect(m_findBar, &FindBar::nextRequested, this, [this] { goToMatch(1); });
    connect(m_findBar, &FindBar::previousRequested, this, [this] { goToMatch(-1); });
    m_toolBar->addWidget(m_findBar);
    m_findBar->addFindShortcut(this);

    m_filterAction = new QAction(this);
    m_filterAction->setObjectName(QStringLiteral("filterAction"));
    m_filterAction->setCheckable(true);
    connect(m_filterAction, &QAction::toggled, this, &ActivityLogWindow::applyFilter);
    m_toolBar->addAction(m_filterAction);
    m_toolBar->addSeparator();

    m_wrapAction = new QAction(this);
    m_wrapAction->setObjectName(QStringLiteral("wrapAction"));
    m_wrapAction->setCheckable(true);
    connect(m_wrapAction, &QAction::toggled, m_view, &LogView::setWrap);
    m_toolBar->addAction(m_wrapAction);
    m_utcAction = new QAction(this);
    m_utcAction->setObjectName(QStringLiteral("utcAction"));
    m_utcAction->setCheckable(true);
    connect(m_utcAction, &QAction::toggled, m_view, &LogView::setUtc);
    m_toolBar->addAction(m_utcAction);
    m_toolBar->addSeparator();

    m_exportAllAction = new QAction(this);
    m_exportAllAction->setObjectName(QStringLiteral("exportAllAction"));
    connect(m_exportAllAction, &QAction::triggered, this, [this] { chooseExportFile(false); });
    m_exportMatchesAction = new QAction(this);
    m_exportMatchesAction->setObjectName(QStringLiteral("exportMatchesAction"));
    connect(m_exportMatchesAction, &QAction::triggered, this, [this] { chooseExportFile(true); });
    auto* exportMenu = new QMenu(this);
    exportMenu->addActions({m_exportAllAction, m_exportMatchesAction});
    m_exportButton = new QToolButton;
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(m_exportButton);
}

void ActivityLogWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void ActivityLogWindow::retranslateUi()
{
    setWindowTitle(tr("Activity Log"));
    m_toolBar->setWindowTitle(tr("Activity Log Toolbar"));
    m_findBar->setPlaceholderText(tr("Search the activity"));
    m_filterAction->setText(tr("Filter"));
    m_filterAction->setToolTip(tr("Show only the entries that match"));
    m_wrapAction->setText(tr("Wrap"));
    m_utcAction->setText(tr("UTC"));
    m_utcAction->setToolTip(tr("Show times in UTC instead of local time"));
    m_exportButton->setText(tr("Export"));
    m_exportAllAction->setText(tr("Export &All Entries…"));
    m_exportMatchesAction->setText(tr("Export &Matching Entries…"));
    updateMatchLabel();
}

void ActivityLogWindow::startSearch()
{
    m_search->cancel();
    m_activeQuery = {m_findBar->text(),
                     m_findBar->isRegularExpression() ? LogSearch::Mode::RegularExpression
                                                      : LogSearch::Mode::Plain,
                     m_findBar->caseSensitivity()};
    m_matches.clear();
    m_currentMatch = -1;
    m_searchedTo = 0;
    m_searchPending = false;
    m_view->setCurrentLine(-1);
    m_view->setHighlight(m_activeQuery);
    applyFilter();
    updateMatchLabel();
    searchNewLines();
}

void ActivityLogWindow::searchNewLines()
{
    if (m_activeQuery.text.isEmpty())
        return;
    if (m_search->isRunning()) {
        m_searchPending = true;
        return;
    }
    const qint64 count = m_buffer->count();
    if (count <= m_searchedTo)
        return;
    const qint64 first = m_searchedTo;
    m_searchedTo = count;
    m_search->start(m_activeQuery, first, count);
}

void ActivityLogWindow::applyFilter()
{
    if (m_filterAction->isChecked() && !m_activeQuery.text.isEmpty())
        m_view->setFilter(m_matches);
    else
        m_view->clearFilter();
}

void ActivityLogWindow::updateMatchLabel()
{
    m_findBar->setMatches(m_currentMatch, int(m_matches.size()), m_search->isRunning());
    m_exportMatchesAction->setEnabled(!m_matches.isEmpty());
}

void ActivityLogWindow::goToMatch(int delta)
{
    if (m_matches.isEmpty())
        return;
    const int size = int(m_matches.size());
    if (m_currentMatch < 0)
        m_currentMatch = delta > 0 ? 0 : size - 1;
    else
        m_currentMatch = ((m_currentMatch + delta) % size + size) % size;
    const qint64 line = m_matches.at(m_currentMatch);
    m_view->setCurrentLine(line);
    m_view->scrollToLine(line);
    updateMatchLabel();
}

Error ActivityLogWindow::exportTo(const QString& fileName, ActivityLog::Format format,
                                  bool matchesOnly)
{
    const Error error = m_log->exportTo(fileName, format, matchesOnly ? &m_matches : nullptr);
    m_log->record(matchesOnly ? tr("Export matching activity") : tr("Export activity log"),
                  QString(), QString(), QString(), error);
    return error;
}

void ActivityLogWindow::chooseExportFile(bool matchesOnly)
{
    const QString plain = tr("Plain text (*.log *.txt)");
    const QString json = tr("JSON lines (*.jsonl)");
    auto* dialog = new QFileDialog(this, matchesOnly ? tr("Export Matching Entries")
                                                     : tr("Export Activity Log"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({plain, json});
    dialog->setDefaultSuffix(QStringLiteral("log"));
    dialog->selectFile(QStringLiteral("sandboxdesk-activity.log"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, json](const QString& filter) {
        dialog->setDefaultSuffix(filter == json ? QStringLiteral("jsonl") : QStringLiteral("log"));
    });
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, dialog, json, matchesOnly](const QString& file) {
                const Error error =
                    exportTo(file,
                             dialog->selectedNameFilter() == json ? ActivityLog::Format::JsonLines
                                                                  : ActivityLog::Format::PlainText,
                             matchesOnly);
                if (!error.isError())
                    return;
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"),
                                            tr("The activity log could not be exported."),
                                            QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("exportError"));
                box->setInformativeText(error.fullText());
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    dialog->open();
}
