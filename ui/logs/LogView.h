#pragma once

#include "logs/AnsiText.h"
#include "logs/LogSearch.h"

#include <QAbstractScrollArea>
#include <QList>
#include <QRegularExpression>

class LogBuffer;
class QPushButton;
class QTimer;

// A LogBuffer's lines as a terminal would colour them. Only the rows on screen are read and
// converted when painting; appends are coalesced on a short timer. While the view sits at the
// bottom it follows new lines; scrolled up, it stays put and offers a jump back.
class LogView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);
    ~LogView() override;

    // The buffer must outlive the view or be replaced first.
    void setBuffer(const LogBuffer* buffer);
    // Call after appending to the buffer; the view catches up on its next tick.
    void linesAppended();
    // Reread the buffer now (after clear(), or when a test must not wait for the tick).
    void sync();

    // Rows shown are these buffer lines (ascending), or every line when unset.
    void setFilter(const QList<qint64>& lines);
    void clearFilter();
    bool isFiltered() const { return m_filtered; }

    void setHighlight(const LogSearch::Query& query);
    void setCurrentLine(qint64 line); // the current search match, -1 for none
    void scrollToLine(qint64 line);

    void setTimestampsShown(bool shown);
    bool timestampsShown() const { return m_timestamps; }
    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }
    // Long lines go on in rows below instead of past the right edge; only the lines on screen
    // are laid out.
    void setWrap(bool wrap);
    bool wrapsLines() const { return m_wrap; }
    // After a paint: the rows the painted lines took, in order (one each unless wrapped).
    QList<int> paintedRowCounts() const;

    qint64 rowCount() const;
    qint64 lineAt(qint64 row) const;
    qint64 firstVisibleRow() const;
    int visibleRowCount() const;
    // The row's text as shown, without styles or timestamp.
    QString rowText(qint64 row) const;

    bool isFollowing() const { return m_following; }
    qint64 unseenLines() const { return m_unseen; }
    void jumpToLatest();

    void selectRows(qint64 first, qint64 last);
    QString selectedText() const;
    void copySelection() const;

    // How many lines the last paint read from the buffer, to prove it reads only what is seen.
    int linesConvertedInLastPaint() const { return m_convertedInLastPaint; }

Q_SIGNALS:
    void rowsUpdated();
    void followingChanged(bool following);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct LineLayout
    {
        qint64 row = 0;
        qint64 line = 0;
        QList<AnsiRun> runs;
        QList<QString> texts; // the runs' text with tabs expanded
        QString plain;
        QList<QPair<int, int>> rows; // [start, end) of plain on each row
    };
    struct PaintedLine
    {
        qint64 row;
        int top;
        int height;
    };

    LineLayout layoutLine(qint64 row, int textWidth, int maxRows) const;
    void updateScrollBars();
    void setFollowing(bool following);
    void updateJumpButton();
    void retranslateUi();
    qint64 rowAt(const QPoint& pos) const;
    int lineHeight() const;
    QString timestampText(qint64 nanoseconds) const;
    QList<QPair<int, int>> matchRanges(const QString& text) const;

    const LogBuffer* m_buffer = nullptr;
    QTimer* m_appendTimer = nullptr;
    QPushButton* m_jumpButton = nullptr;

    qint64 m_count = 0; // buffer lines the view has caught up with
    bool m_filtered = false;
    QList<qint64> m_filter;

    LogSearch::Query m_query;
    QRegularExpression m_regex;
    qint64 m_currentLine = -1;

    bool m_timestamps = true;
    bool m_utc = false;
    bool m_wrap = false;
    QList<PaintedLine> m_painted;
    bool m_following = true;
    bool m_scrolling = false; // our own scroll bar changes, which say nothing about following
    qint64 m_unseen = 0;

    qint64 m_anchorRow = -1;
    qint64 m_cursorRow = -1;

    int m_maxWidth = 0;
    int m_convertedInLastPaint = 0;
};
