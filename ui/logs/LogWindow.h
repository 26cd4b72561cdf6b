#pragma once

#include "logs/LogBuffer.h"
#include "logs/LogExporter.h"
#include "logs/LogSearch.h"
#include "sandbox/LogStream.h"
#include "sandbox/Sandbox.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class Backend;
class FindBar;
class LogView;
class QAction;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolBar;
class QToolButton;

// One sandbox's output in a window of its own: what to fetch above, the lines in the middle,
// search, filter and export in the toolbar, the stream's state below.
class LogWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // memoryLimit: log bytes kept in memory; older ones move to a temporary file.
    // container: which container of a group (ECI); empty for the first.
    LogWindow(Backend* backend, const Sandbox& sandbox, QWidget* parent = nullptr,
              qint64 memoryLimit = LogBuffer::DefaultMemoryLimit, const QString& container = {});
    ~LogWindow() override;

    LogView* view() const { return m_view; }
    const LogBuffer& buffer() const { return *m_buffer; }
    const QList<qint64>& matches() const { return m_matches; }
    bool isSearching() const;
    // The status line's stream state, as shown.
    QString streamState() const;

    // Starts the stream again with the options in the option bar; the view starts empty.
    void reload();
    // What the option bar asks for now (a duration counts back from this moment).
    LogOptions requestedOptions() const;
    void exportTo(const QString& fileName, LogExporter::Format format, bool matchesOnly);

Q_SIGNALS:
    void exportFinished(const Error& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class State
    {
        Connecting,
        Following,
        Paused,
        Lost,
        Ended,
        Failed
    };

    void createOptionBar(QWidget* parent);
    void createToolBar();
    void createStatusBar();
    void retranslateUi();

    void openStream();
    void closeStream();
    void setState(State state, const QString& detail = {});
    void updateStatus();
    void clearView();

    LogSearch::Query currentQuery() const;
    void startSearch();
    void resetSearch();
    void searchNewLines();
    void updateMatchLabel();
    void goToMatch(int delta);
    void applyFilter();
    bool isSearchActive() const; // a text to find, or one stream only
    bool filtersView() const;

    void chooseExportFile(bool matchesOnly);
    void exportFinishedWith(const Error& error);

    QPointer<Backend> m_backend;
    const Sandbox m_sandbox;
    const QString m_container;
    std::shared_ptr<LogBuffer> m_buffer;
    QPointer<LogStream> m_stream;
    LogSearch* m_search = nullptr;
    LogExporter* m_exporter = nullptr;
    State m_state = State::Connecting;
    QString m_stateDetail;

    QList<qint64> m_matches;
    LogSearch::Query m_activeQuery;
    qint64 m_searchedTo = 0;      // lines below this have been searched with m_activeQuery
    bool m_searchPending = false; // new lines came while a search ran
    int m_currentMatch = -1;

    QWidget* m_optionBar = nullptr;
    QLabel* m_tailLabel = nullptr;
    QComboBox* m_tailMode = nullptr;
    QSpinBox* m_tailCount = nullptr;
    QLabel* m_sinceLabel = nullptr;
    QComboBox* m_sinceMode = nullptr;
    QSpinBox* m_sinceAmount = nullptr;
    QComboBox* m_sinceUnit = nullptr;
    QDateTimeEdit* m_since = nullptr;
    QCheckBox* m_followCheck = nullptr;
    QPushButton* m_reloadButton = nullptr;

    QToolBar* m_toolBar = nullptr;
    FindBar* m_findBar = nullptr;
    QAction* m_filterAction = nullptr;
    QComboBox* m_streamFilter = nullptr;
    QAction* m_wrapAction = nullptr;
    QAction* m_timestampsAction = nullptr;
    QAction* m_utcAction = nullptr;
    QToolButton* m_exportButton = nullptr;
    QAction* m_exportAllAction = nullptr;
    QAction* m_exportMatchesAction = nullptr;
    QAction* m_clearAction = nullptr;

    LogView* m_view = nullptr;

    QLabel* m_countLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QPushButton* m_cancelExportButton = nullptr;
};
