#include "LogWindow.h"

#include "common/AppIcon.h"
#include "common/FindBar.h"
#include "logs/LogBuffer.h"
#include "logs/LogView.h"
#include "sandbox/Backend.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>

namespace {

constexpr int SearchDelayMs = 250;

enum TailMode
{
    TailAll,
    TailLast
};

enum SinceMode
{
    SinceBeginning,
    SinceMinutes5,
    SinceHour,
    SinceDay,
    SinceDuration,
    SinceDate
};

enum SinceUnit
{
    Seconds = 1,
    Minutes = 60,
    Hours = 3600,
    Days = 86400
};

} // namespace

LogWindow::LogWindow(Backend* backend, const Sandbox& sandbox, QWidget* parent, qint64 memoryLimit,
                     const QString& container)
    : QMainWindow(parent, Qt::Window)
    , m_backend(backend)
    , m_sandbox(sandbox)
    , m_container(container)
    , m_buffer(std::make_shared<LogBuffer>(memoryLimit))
{
    setObjectName(QStringLiteral("logWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(appIcon());

    m_findBar = new FindBar(FindBar::Feature::RegularExpression);
    m_search = new LogSearch(m_buffer, this);
    connect(m_search, &LogSearch::matchesFound, this, [this](const QList<qint64>& lines) {
        m_matches.append(lines);
        if (filtersView())
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

    m_exporter = new LogExporter(m_buffer, this);
    connect(m_exporter, &LogExporter::progressed, this, [this](qint64 lines, qint64 total) {
        m_exportProgress->setRange(0, 1000);
        m_exportProgress->setValue(total > 0 ? int(lines * 1000 / total) : 0);
    });
    connect(m_exporter, &LogExporter::finished, this, &LogWindow::exportFinishedWith);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    createOptionBar(central);
    layout->addWidget(m_optionBar);
    m_view = new LogView;
    m_view->setBuffer(m_buffer.get());
    layout->addWidget(m_view, 1);
    setCentralWidget(central);
    connect(m_view, &LogView::rowsUpdated, this, [this] {
        updateStatus();
        searchNewLines();
    });

    createToolBar();
    createStatusBar();
    retranslateUi();
    resize(1000, 650);

    openStream();
}

LogWindow::~LogWindow()
{
    closeStream();
    m_view->setBuffer(nullptr);
}

void LogWindow::createOptionBar(QWidget* parent)
{
    m_optionBar = new QWidget(parent);
    m_optionBar->setObjectName(QStringLiteral("logOptionBar"));
    auto* layout = new QHBoxLayout(m_optionBar);
    layout->setContentsMargins(8, 6, 8, 6);

    m_tailLabel = new QLabel;
    m_tailMode = new QComboBox;
    m_tailMode->setObjectName(QStringLiteral("tailMode"));
    m_tailMode->addItem(QString(), TailAll);
    m_tailMode->addItem(QString(), TailLast);
    m_tailLabel->setBuddy(m_tailMode);
    m_tailCount = new QSpinBox;
    m_tailCount->setObjectName(QStringLiteral("tailCount"));
    m_tailCount->setRange(1, 10'000'000);
    m_tailCount->setValue(1000);
    m_tailCount->setEnabled(false);
    connect(m_tailMode, &QComboBox::currentIndexChanged, this,
            [this] { m_tailCount->setEnabled(m_tailMode->currentData().toInt() == TailLast); });

    m_sinceLabel = new QLabel;
    m_sinceMode = new QComboBox;
    m_sinceMode->setObjectName(QStringLiteral("sinceMode"));
    for (const int mode :
         {SinceBeginning, SinceMinutes5, SinceHour, SinceDay, SinceDuration, SinceDate})
        m_sinceMode->addItem(QString(), mode);
    m_sinceLabel->setBuddy(m_sinceMode);
    m_sinceAmount = new QSpinBox;
    m_sinceAmount->setObjectName(QStringLiteral("sinceAmount"));
    m_sinceAmount->setRange(1, 100000);
    m_sinceAmount->setValue(30);
    m_sinceUnit = new QComboBox;
    m_sinceUnit->setObjectName(QStringLiteral("sinceUnit"));
    for (const int unit : {Seconds, Minutes, Hours, Days})
        m_sinceUnit->addItem(QString(), unit);
    m_sinceUnit->setCurrentIndex(1);
    m_since = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600));
    m_since->setObjectName(QStringLiteral("sinceEdit"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const auto showSince = [this] {
        const int mode = m_sinceMode->currentData().toInt();
        m_sinceAmount->setVisible(mode == SinceDuration);
        m_sinceUnit->setVisible(mode == SinceDuration);
        m_since->setVisible(mode == SinceDate);
    };
    connect(m_sinceMode, &QComboBox::currentIndexChanged, this, showSince);
    showSince();

    m_followCheck = new QCheckBox;
    m_followCheck->setObjectName(QStringLiteral("followCheck"));
    m_followCheck->setChecked(true);

    m_reloadButton = new QPushButton;
    m_reloadButton->setObjectName(QStringLiteral("reloadButton"));
    connect(m_reloadButton, &QPushButton::clicked, this, &LogWindow::reload);

    layout->addWidget(m_tailLabel);
    layout->addWidget(m_tailMode);
    layout->addWidget(m_tailCount);
    layout->addSpacing(12);
    layout->addWidget(m_sinceLabel);
    layout->addWidget(m_sinceMode);
    layout->addWidget(m_sinceAmount);
    layout->addWidget(m_sinceUnit);
    layout->addWidget(m_since);
    layout->addSpacing(12);
    layout->addWidget(m_followCheck);
    layout->addSpacing(12);
    layout->addWidget(m_reloadButton);
    layout->addStretch(1);
}

void LogWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("logToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_findBar->edit()->setObjectName(QStringLiteral("logSearchEdit"));
    m_findBar->setSearchDelay(SearchDelayMs);
    connect(m_findBar, &FindBar::queryChanged, this, &LogWindow::startSearch);
    connect(m_findBar, &FindBar::nextRequested, this, [this] { goToMatch(1); });
    connect(m_findBar, &FindBar::previousRequested, this, [this] { goToMatch(-1); });
    m_toolBar->addWidget(m_findBar);
    m_findBar->addFindShortcut(this);

    m_filterAction = new QAction(this);
    m_toolBar->addAction(m_filterAction);
    m_filterAction->setObjectName(QStringLiteral("filterAction"));
    m_filterAction->setCheckable(true);
    connect(m_filterAction, &QAction::toggled, this, &LogWindow::applyFilter);
    m_streamFilter = new QComboBox;
    m_streamFilter->setObjectName(QStringLiteral("streamFilter"));
    m_streamFilter->addItem(QString(), int(LogSearch::Streams::Both));
    m_streamFilter->addItem(QString(), int(LogSearch::Streams::Stdout));
    m_streamFilter->addItem(QString(), int(LogSearch::Streams::Stderr));
    connect(m_streamFilter, &QComboBox::currentIndexChanged, this, &LogWindow::startSearch);
    m_toolBar->addWidget(m_streamFilter);
    m_toolBar->addSeparator();

    m_wrapAction = new QAction(this);
    m_toolBar->addAction(m_wrapAction);
    m_wrapAction->setObjectName(QStringLiteral("wrapAction"));
    m_wrapAction->setCheckable(true);
    connect(m_wrapAction, &QAction::toggled, m_view, &LogView::setWrap);

    m_timestampsAction = new QAction(this);
    m_toolBar->addAction(m_timestampsAction);
    m_timestampsAction->setObjectName(QStringLiteral("timestampsAction"));
    m_timestampsAction->setCheckable(true);
    m_timestampsAction->setChecked(true);
    connect(m_timestampsAction, &QAction::toggled, this, [this](bool on) {
        m_view->setTimestampsShown(on);
        m_utcAction->setEnabled(on);
    });
    m_utcAction = new QAction(this);
    m_toolBar->addAction(m_utcAction);
    m_utcAction->setObjectName(QStringLiteral("utcAction"));
    m_utcAction->setCheckable(true);
    connect(m_utcAction, &QAction::toggled, m_view, &LogView::setUtc);
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

    m_clearAction = new QAction(this);
    connect(m_clearAction, &QAction::triggered, this, &LogWindow::clearView);
    m_toolBar->addAction(m_clearAction);
    m_clearAction->setObjectName(QStringLiteral("clearAction"));
}

void LogWindow::createStatusBar()
{
    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("lineCountLabel"));
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("streamStateLabel"));
    m_exportProgress = new QProgressBar;
    m_exportProgress->setObjectName(QStringLiteral("exportProgress"));
    m_exportProgress->setMaximumWidth(160);
    m_exportProgress->hide();
    m_cancelExportButton = new QPushButton;
    m_cancelExportButton->setObjectName(QStringLiteral("cancelExportButton"));
    m_cancelExportButton->hide();
    connect(m_cancelExportButton, &QPushButton::clicked, m_exporter, &LogExporter::cancel);
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_exportProgress);
    statusBar()->addPermanentWidget(m_cancelExportButton);
    statusBar()->addPermanentWidget(m_countLabel);
}

void LogWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void LogWindow::retranslateUi()
{
    const QString name = m_sandbox.name.isEmpty() ? m_sandbox.id.left(12) : m_sandbox.name;
    if (m_container.isEmpty())
        setWindowTitle(tr("Logs — %1").arg(name));
    else
        setWindowTitle(tr("Logs — %1 (%2)").arg(name, m_container));
    m_tailLabel->setText(tr("&Show:"));
    m_tailMode->setItemText(0, tr("All lines"));
    m_tailMode->setItemText(1, tr("Last lines:"));
    m_sinceLabel->setText(tr("S&ince:"));
    m_sinceMode->setItemText(0, tr("The beginning"));
    m_sinceMode->setItemText(1, tr("Last 5 minutes"));
    m_sinceMode->setItemText(2, tr("Last hour"));
    m_sinceMode->setItemText(3, tr("Last 24 hours"));
    m_sinceMode->setItemText(4, tr("Last…"));
    m_sinceMode->setItemText(5, tr("A date and time"));
    m_sinceUnit->setItemText(0, tr("seconds"));
    m_sinceUnit->setItemText(1, tr("minutes"));
    m_sinceUnit->setItemText(2, tr("hours"));
    m_sinceUnit->setItemText(3, tr("days"));
    m_followCheck->setText(tr("&Follow"));
    m_followCheck->setToolTip(tr("Keep showing new output as the sandbox writes it"));
    m_reloadButton->setText(tr("&Reload"));
    m_reloadButton->setToolTip(tr("Fetch the logs again with these options"));

    m_toolBar->setWindowTitle(tr("Log Toolbar"));
    m_findBar->setPlaceholderText(tr("Search the logs"));
    m_filterAction->setText(tr("Filter"));
    m_filterAction->setToolTip(tr("Show only the lines that match"));
    m_streamFilter->setItemText(0, tr("stdout and stderr"));
    m_streamFilter->setItemText(1, tr("stdout only"));
    m_streamFilter->setItemText(2, tr("stderr only"));
    m_streamFilter->setToolTip(tr("Which of the sandbox's output streams to show"));
    m_wrapAction->setText(tr("Wrap"));
    m_wrapAction->setToolTip(tr("Wrap long lines instead of scrolling sideways"));
    m_timestampsAction->setText(tr("Timestamps"));
    m_utcAction->setText(tr("UTC"));
    m_utcAction->setToolTip(tr("Show times in UTC instead of local time"));
    m_exportButton->setText(tr("Export"));
    m_exportAllAction->setText(tr("Export &All Lines…"));
    m_exportMatchesAction->setText(tr("Export &Matching Lines…"));
    m_clearAction->setText(tr("Clear View"));
    m_clearAction->setToolTip(tr("Remove the lines shown so far; new output still appears"));
    m_cancelExportButton->setText(tr("Cancel"));
    updateMatchLabel();
    updateStatus();
}

void LogWindow::reload()
{
    if (m_exporter->isRunning())
        return;
    closeStream();
    clearView();
    openStream();
}

void LogWindow::openStream()
{
    if (!m_backend) {
        setState(State::Failed, tr("The connection is gone."));
        return;
    }
    const LogOptions options = requestedOptions();
    m_stream = m_backend->openLogs(m_sandbox.id, options);
    connect(m_stream, &LogStream::received, this,
            [this](LogStream::Stream stream, const QByteArray& bytes, qint64 timestamp) {
                m_buffer->append(stream, bytes, timestamp);
                m_view->linesAppended();
            });
    connect(m_stream, &LogStream::interrupted, this, [this](const Error& reason) {
        if (reason.isError())
            setState(State::Lost, reason.fullText());
        else
            setState(State::Paused);
    });
    connect(m_stream, &LogStream::resumed, this, [this] { setState(State::Following); });
    connect(m_stream, &LogStream::ended, this, [this] {
        m_buffer->flush();
        m_view->sync();
        setState(State::Ended);
    });
    connect(m_stream, &LogStream::failed, this, [this](const Error& error) {
        m_buffer->flush();
        m_view->sync();
        setState(State::Failed, error.fullText());
    });
    setState(options.follow ? State::Following : State::Connecting);
}

LogOptions LogWindow::requestedOptions() const
{
    LogOptions options;
    options.follow = m_followCheck->isChecked();
    options.tail = m_tailMode->currentData().toInt() == TailLast ? m_tailCount->value() : -1;
    options.container = m_container;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (m_sinceMode->currentData().toInt()) {
    case SinceMinutes5:
        options.since = now.addSecs(-5 * 60);
        break;
    case SinceHour:
        options.since = now.addSecs(-3600);
        break;
    case SinceDay:
        options.since = now.addDays(-1);
        break;
    case SinceDuration:
        options.since =
            now.addSecs(-qint64(m_sinceAmount->value()) * m_sinceUnit->currentData().toInt());
        break;
    case SinceDate:
        options.since = m_since->dateTime();
        break;
    default:
        break;
    }
    options.timestamps = true;
    return options;
}

void LogWindow::closeStream()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->stop();
        delete m_stream;
    }
}

void LogWindow::setState(State state, const QString& detail)
{
    m_state = state;
    m_stateDetail = detail;
    updateStatus();
}

QString LogWindow::streamState() const
{
    return m_stateLabel->text();
}

bool LogWindow::isSearching() const
{
    return m_search->isRunning();
}

void LogWindow::updateStatus()
{
    switch (m_state) {
    case State::Connecting:
        m_stateLabel->setText(tr("Reading…"));
        break;
    case State::Following:
        m_stateLabel->setText(tr("Following"));
        break;
    case State::Paused:
        m_stateLabel->setText(tr("Paused — the sandbox stopped; resumes when it runs again"));
        break;
    case State::Lost:
        m_stateLabel->setText(tr("Connection lost: %1").arg(m_stateDetail));
        break;
    case State::Ended:
        m_stateLabel->setText(tr("Ended"));
        break;
    case State::Failed:
        m_stateLabel->setText(tr("Failed: %1").arg(m_stateDetail));
        break;
    }
    const QString bytes = QLocale().formattedDataSize(m_buffer->totalBytes());
    QString counts = tr("%Ln lines", nullptr, int(std::min<qint64>(m_buffer->count(), INT_MAX)));
    if (m_view->isFiltered())
        counts = tr("%Ln shown", nullptr, int(m_view->rowCount())) + QStringLiteral(" · ") + counts;
    m_countLabel->setText(counts + QStringLiteral(" · ") + bytes);
}

void LogWindow::clearView()
{
    m_search->cancel();
    m_buffer->clear();
    m_view->sync();
    resetSearch();
    updateStatus();
}

LogSearch::Query LogWindow::currentQuery() const
{
    LogSearch::Query query;
    query.text = m_findBar->text();
    query.mode = m_findBar->isRegularExpression() ? LogSearch::Mode::RegularExpression
                                                  : LogSearch::Mode::Plain;
    query.caseSensitivity = m_findBar->caseSensitivity();
    query.streams = LogSearch::Streams(m_streamFilter->currentData().toInt());
    return query;
}

void LogWindow::startSearch()
{
    m_search->cancel();
    m_activeQuery = currentQuery();
    resetSearch();
}

void LogWindow::resetSearch()
{
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

bool LogWindow::filtersView() const
{
    // One stream only is a filter by itself; a text filters when asked to.
    return (m_filterAction->isChecked() && !m_activeQuery.text.isEmpty()) ||
           m_activeQuery.streams != LogSearch::Streams::Both;
}

bool LogWindow::isSearchActive() const
{
    return !m_activeQuery.text.isEmpty() || m_activeQuery.streams != LogSearch::Streams::Both;
}

void LogWindow::searchNewLines()
{
    if (!isSearchActive())
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

void LogWindow::updateMatchLabel()
{
    m_findBar->setMatches(m_currentMatch, int(m_matches.size()), m_search->isRunning());
    if (m_activeQuery.text.isEmpty())
        m_exportMatchesAction->setEnabled(isSearchActive() && !m_matches.isEmpty());
    else
        m_exportMatchesAction->setEnabled(!m_matches.isEmpty());
}

void LogWindow::goToMatch(int delta)
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

void LogWindow::applyFilter()
{
    if (filtersView())
        m_view->setFilter(m_matches);
    else
        m_view->clearFilter();
    updateStatus();
}

void LogWindow::chooseExportFile(bool matchesOnly)
{
    const QString plain = tr("Plain text (*.log *.txt)");
    const QString json = tr("JSON lines (*.jsonl)");
    auto* dialog =
        new QFileDialog(this, matchesOnly ? tr("Export Matching Lines") : tr("Export Logs"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({plain, json});
    dialog->setDefaultSuffix(QStringLiteral("log"));
    const QString name = m_sandbox.name.isEmpty() ? m_sandbox.id.left(12) : m_sandbox.name;
    dialog->selectFile((m_container.isEmpty() ? name : name + QLatin1Char('-') + m_container) +
                       QStringLiteral(".log"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, json](const QString& filter) {
        dialog->setDefaultSuffix(filter == json ? QStringLiteral("jsonl") : QStringLiteral("log"));
    });
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, dialog, json, matchesOnly](const QString& file) {
                exportTo(file,
                         dialog->selectedNameFilter() == json ? LogExporter::Format::JsonLines
                                                              : LogExporter::Format::PlainText,
                         matchesOnly);
            });
    dialog->open();
}

void LogWindow::exportTo(const QString& fileName, LogExporter::Format format, bool matchesOnly)
{
    if (m_exporter->isRunning())
        return;
    m_exportProgress->setRange(0, 0);
    m_exportProgress->show();
    m_cancelExportButton->show();
    m_reloadButton->setEnabled(false);
    m_clearAction->setEnabled(false);
    m_exportButton->setEnabled(false);
    if (matchesOnly)
        m_exporter->exportLines(fileName, format, m_matches);
    else
        m_exporter->exportAll(fileName, format);
}

void LogWindow::exportFinishedWith(const Error& error)
{
    m_exportProgress->hide();
    m_cancelExportButton->hide();
    m_reloadButton->setEnabled(true);
    m_clearAction->setEnabled(true);
    m_exportButton->setEnabled(true);
    if (error.isError() && error.kind != Error::Cancelled) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"),
                                    tr("The logs could not be exported."), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("exportError"));
        box->setInformativeText(error.fullText());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT exportFinished(error);
}
