#pragma once

#include "terminal/TerminalEmulator.h"

#include <QAbstractScrollArea>
#include <QFont>
#include <QList>
#include <QPointer>
#include <QUrl>

class FindBar;
class QLabel;
class QFrame;
class QTimer;

// Paints a TerminalEmulator: only the rows it reports as damaged, at most once per frame,
// runs of like cells at a time. Keys, mouse and pastes become bytes in inputProduced().
class TerminalView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    struct Position
    {
        int line = 0; // as TerminalEmulator::line()
        int column = 0;
        friend bool operator<(Position a, Position b)
        {
            return a.line < b.line || (a.line == b.line && a.column < b.column);
        }
        friend bool operator==(Position a, Position b)
        {
            return a.line == b.line && a.column == b.column;
        }
    };

    explicit TerminalView(TerminalEmulator* emulator, QWidget* parent = nullptr);
    ~TerminalView() override;

    TerminalEmulator* emulator() const { return m_emulator; }

    void setTerminalFont(const QFont& font);
    QFont terminalFont() const { return m_font; }
    void zoomIn();
    void zoomOut();
    void resetZoom();
    QSize cellSize() const;
    QSize sizeHint() const override;

    // The text of a visible row (0 is the top of the viewport), as shown.
    QString visibleRowText(int row) const;
    QRect cellRect(int row, int column) const;
    int firstVisibleLine() const;

    bool hasSelection() const { return m_hasSelection; }
    QString selectedText() const;
    void setSelection(Position start, Position end); // inclusive of both ends
    Position selectionStart() const { return m_selectionStart; }
    Position selectionEnd() const { return m_selectionEnd; }
    void clearSelection();
    void copy();
    void paste();
    void pasteText(const QString& text);

    void showFindBar();
    void findNext();
    void findPrevious();
    QList<TerminalMatch> matches() const { return m_matches; }

    void scrollToBottom();
    // The cursor blinks while the view has focus, the program asked for a blinking cursor and
    // this is on.
    void setCursorBlinkEnabled(bool enabled);
    bool isCursorBlinkEnabled() const { return m_blinkEnabled; }
    bool isCursorBlinking() const;
    // False during the off half of a blink.
    bool isCursorDrawn() const { return m_cursorOn; }

    // Shown over the bottom of the view, e.g. why the session ended; empty hides it.
    void setBanner(const QString& text, QWidget* action = nullptr);
    QString banner() const;

Q_SIGNALS:
    void inputProduced(const QByteArray& bytes);
    void gridSizeChanged(int columns, int rows);
    void bellShown();

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;

private:
    struct Link
    {
        int line = -1;
        int column = 0;
        int length = 0;
        QUrl url;
    };

    void onDamaged();
    void updateBlink(bool restart);
    void updateMetrics();
    void updateGridSize();
    void updateScrollBar(bool followBottom);
    void updateFindBar();
    void layoutOverlays();
    void retranslateUi();
    void runFind();
    void showMatch();
    void paintRow(QPainter& painter, int line, int y);
    void paintCursor(QPainter& painter);
    bool atBottom() const;
    bool isSelected(int line, int column) const;
    int matchAt(int line, int column) const;
    Position positionAt(const QPoint& point, bool clamp = true) const;
    Link linkAt(const Position& position) const;
    bool wantsMouseReports(const QMouseEvent* event) const;
    void sendMouse(const QMouseEvent* event, int button, bool pressed);
    QRect rowRect(int viewRow) const;
    // Keeps the selection within the lines and columns there are after the grid shrank.
    void clampSelection();
    void send(const QByteArray& bytes);

    TerminalEmulator* m_emulator;
    QFont m_font;
    QFont m_drawFonts[4]; // regular, bold, italic, bold italic
    int m_zoom = 0;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    int m_lastScrollback = 0;
    int m_lastCursorRow = 0;
    bool m_focused = false;
    bool m_flash = false;
    QTimer* m_blinkTimer = nullptr;
    bool m_blinkEnabled = true;
    bool m_cursorOn = true;
    int m_wheelRemainder = 0;

    Position m_selectionStart;
    Position m_selectionEnd;
    bool m_selecting = false;
    bool m_hasSelection = false;
    Link m_hoverLink;

    QList<TerminalMatch> m_matches;
    int m_currentMatch = -1;
    FindBar* m_findBar = nullptr;

    QFrame* m_banner = nullptr;
    QLabel* m_bannerLabel = nullptr;
    QPointer<QWidget> m_bannerAction;
};
