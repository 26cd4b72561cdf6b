#pragma once

#include "logs/ActivityLog.h"
#include "logs/LogSearch.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class FindBar;
class LogBuffer;
class LogView;
class QAction;
class QToolBar;
class QToolButton;

// The session's activity log in a window of its own: the same view, search, filter and export
// as a sandbox's logs, over the entries as they are recorded.
class ActivityLogWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit ActivityLogWindow(ActivityLog* log, QWidget* parent = nullptr);
    ~ActivityLogWindow() override;

    LogView* view() const { return m_view; }
    const QList<qint64>& matches() const { return m_matches; }
    bool isSearching() const { return m_search->isRunning(); }
    // Writes the entries shown (the matches when the filter is on, else all) to fileName.
    Error exportTo(const QString& fileName, ActivityLog::Format format, bool matchesOnly);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createToolBar();
    void retranslateUi();
    void attachBuffer();
    void startSearch();
    void searchNewLines();
    void applyFilter();
    void updateMatchLabel();
    void goToMatch(int delta);
    void chooseExportFile(bool matchesOnly);

    QPointer<ActivityLog> m_log;
    std::shared_ptr<const LogBuffer> m_buffer;
    LogSearch* m_search = nullptr;
    LogSearch::Query m_activeQuery;
    QList<qint64> m_matches;
    qint64 m_searchedTo = 0;
    bool m_searchPending = false;
    int m_currentMatch = -1;

    LogView* m_view = nullptr;
    QToolBar* m_toolBar = nullptr;
    FindBar* m_findBar = nullptr;
    QAction* m_filterAction = nullptr;
    QAction* m_wrapAction = nullptr;
    QAction* m_utcAction = nullptr;
    QToolButton* m_exportButton = nullptr;
    QAction* m_exportAllAction = nullptr;
    QAction* m_exportMatchesAction = nullptr;
};
