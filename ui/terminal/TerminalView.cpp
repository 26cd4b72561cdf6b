#include "TerminalView.h"

#include "common/FindBar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>

#include <algorithm>
#include <optional>

namespace {

constexpr int Margin = 3;
constexpr QRgb DefaultForeground = 0xdcdcdc;
constexpr QRgb DefaultBackground = 0x1c1c1c;

std::optional<TerminalEmulator::Key> toTerminalKey(int key)
{
    using K = TerminalEmulator::Key;
    switch (key) {
    case Qt::Key_Up:
        return K::Up;
    case Qt::Key_Down:
        return K::Down;
    case Qt::Key_Left:
        return K::Left;
    case Qt::Key_Right:
        return K::Right;
    case Qt::Key_Home:
        return K::Home;
    case Qt::Key_End:
        return K::End;
    case Qt::Key_PageUp:
        return K::PageUp;
    case Qt::Key_PageDown:
        return K::PageDown;
    case Qt::Key_Insert:
        return K::Insert;
    case Qt::Key_Delete:
        return K::Delete;
    case Qt::Key_Backspace:
        return K::Backspace;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return K::Tab;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return K::Enter;
    case Qt::Key_Escape:
        return K::Escape;
    default:
        break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return TerminalEmulator::Key(int(K::F1) + (key - Qt::Key_F1));
    return std::nullopt;
}

TerminalEmulator::Modifiers toTerminalModifiers(Qt::KeyboardModifiers modifiers)
{
    TerminalEmulator::Modifiers result;
    if (modifiers & Qt::ShiftModifier)
        result |= TerminalEmulator::Modifier::Shift;
    if (modifiers & Qt::AltModifier)
        result |= TerminalEmulator::Modifier::Alt;
    if (modifiers & Qt::ControlModifier)
        result |= TerminalEmulator::Modifier::Ctrl;
    return result;
}

bool isWordCharacter(const QString& text)
{
    if (text.isEmpty())
        return true; // the tail of a wide character belongs to its word
    const QChar c = text.at(0);
    return c.isLetterOrNumber() || QStringView(u"-_./~:@%+=").contains(c);
}

} // namespace

TerminalView::TerminalView(TerminalEmulator* emulator, QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_emulator(emulator)
{
    setObjectName(QStringLiteral("terminalView"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setMouseTracking(true);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAutoFillBackground(false);

    m_findBar = new FindBar(FindBar::Feature::Closable, this);
    m_findBar->setObjectName(QStringLiteral("terminalFindBar"));
    m_findBar->edit()->setObjectName(QStringLiteral("terminalFindEdit"));
    m_findBar->setFrameShape(QFrame::StyledPanel);
    m_findBar->setAutoFillBackground(true);
    // Newer output is below: Enter walks up from the bottom, towards older matches.
    m_findBar->setEnterFindsPrevious(true);
    // Several terminals share a window; F3 belongs to the one whose bar has the focus.
    m_findBar->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_findBar->hide();
    connect(m_findBar, &FindBar::queryChanged, this, &TerminalView::runFind);
    connect(m_findBar, &FindBar::previousRequested, this, &TerminalView::findPrevious);
    connect(m_findBar, &FindBar::nextRequested, this, &TerminalView::findNext);
    connect(m_findBar, &FindBar::closed, this, [this] {
        m_matches.clear();
        m_currentMatch = -1;
        viewport()->update();
        setFocus();
    });

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("terminalBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    m_bannerLabel = new QLabel(m_banner);
    m_bannerLabel->setObjectName(QStringLiteral("terminalBannerText"));
    m_bannerLabel->setWordWrap(true);
    bannerLayout->addWidget(m_bannerLabel, 1);
    m_banner->hide();

    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setTerminalFont(font);

    m_blinkTimer = new QTimer(this);
    connect(m_blinkTimer, &QTimer::timeout, this, [this] {
        m_cursorOn = !m_cursorOn;
        viewport()->update(
            rowRect(m_emulator->scrollbackSize() + m_emulator->cursor().row - firstVisibleLine()));
    });

    connect(m_emulator, &TerminalEmulator::damaged, this, &TerminalView::onDamaged);
    connect(m_emulator, &TerminalEmulator::bellRang, this, [this] {
        m_flash = true;
        viewport()->update();
        QTimer::singleShot(120, this, [this] {
            m_flash = false;
            viewport()->update();
        });
        Q_EMIT bellShown();
    });
    connect(m_emulator, &TerminalEmulator::clipboardWriteRequested, this,
            [](const QByteArray& bytes) {
                // The emulator only asks when the user allowed programs to set the clipboard.
                QApplication::clipboard()->setText(QString::fromUtf8(bytes));
            });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        m_hoverLink = {};
        viewport()->update();
    });

    m_lastScrollback = m_emulator->scrollbackSize();
    updateScrollBar(true);
    retranslateUi();
}

TerminalView::~TerminalView() = default;

void TerminalView::retranslateUi()
{
    m_findBar->setPlaceholderText(tr("Find in terminal"));
}

void TerminalView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QAbstractScrollArea::changeEvent(event);
}

void TerminalView::setTerminalFont(const QFont& font)
{
    m_font = font;
    m_font.setStyleHint(QFont::TypeWriter);
    m_font.setFixedPitch(true);
    m_font.setKerning(false);
    m_zoom = 0;
    updateMetrics();
}

void TerminalView::zoomIn()
{
    if (m_zoom < 40) {
        ++m_zoom;
        updateMetrics();
    }
}

void TerminalView::zoomOut()
{
    if (m_font.pointSizeF() + m_zoom - 1 >= 4) {
        --m_zoom;
        updateMetrics();
    }
}

void TerminalView::resetZoom()
{
    m_zoom = 0;
    updateMetrics();
}

QSize TerminalView::cellSize() const
{
    return {m_cellWidth, m_cellHeight};
}

QSize TerminalView::sizeHint() const
{
    return {80 * m_cellWidth + 2 * Margin + verticalScrollBar()->sizeHint().width(),
            24 * m_cellHeight};
}

void TerminalView::updateMetrics()
{
    QFont base = m_font;
    if (base.pointSizeF() > 0)
        base.setPointSizeF(base.pointSizeF() + m_zoom);
    else
        base.setPixelSize(base.pixelSize() + m_zoom);
    const QFontMetricsF metrics(base, viewport());
    m_cellWidth = std::max(1, qRound(metrics.horizontalAdvance(QLatin1Char('M'))));
    m_cellHeight = std::max(1, qCeil(metrics.height()));
    m_ascent = qRound(metrics.ascent());
    for (int i = 0; i < 4; ++i) {
        QFont f = base;
        f.setBold(i & 1);
        f.setItalic(i & 2);
        // Runs are drawn as strings: the spacing puts every glyph on its own cell.
        const qreal advance = QFontMetricsF(f, viewport()).horizontalAdvance(QLatin1Char('M'));
        f.setLetterSpacing(QFont::AbsoluteSpacing, m_cellWidth - advance);
        m_drawFonts[i] = f;
    }
    updateGridSize();
    viewport()->update();
}

void TerminalView::updateGridSize()
{
    const int columns = std::max(2, (viewport()->width() - 2 * Margin) / m_cellWidth);
    const int rows = std::max(1, viewport()->height() / m_cellHeight);
    verticalScrollBar()->setPageStep(rows);
    if (columns == m_emulator->columns() && rows == m_emulator->rows())
        return;
    m_emulator->resize(columns, rows);
    clampSelection();
    m_lastScrollback = m_emulator->scrollbackSize();
    updateScrollBar(true);
    viewport()->update();
    Q_EMIT gridSizeChanged(columns, rows);
}

void TerminalView::clampSelection()
{
    const int lastLine = m_emulator->lineCount() - 1;
    const int lastColumn = m_emulator->columns() - 1;
    if (std::min(m_selectionStart, m_selectionEnd).line > lastLine) {
        m_hasSelection = false;
        m_selecting = false;
        m_selectionStart = m_selectionEnd = Position{};
        return;
    }
    const auto clamp = [lastLine, lastColumn](Position& p) {
        if (p.line > lastLine)
            p = Position{lastLine, lastColumn};
        p.column = std::clamp(p.column, 0, lastColumn);
    };
    clamp(m_selectionStart);
    clamp(m_selectionEnd);
}

void TerminalView::updateScrollBar(bool followBottom)
{
    QScrollBar* bar = verticalScrollBar();
    const QSignalBlocker blocker(bar);
    bar->setRange(0, m_emulator->scrollbackSize());
    bar->setPageStep(m_emulator->rows());
    bar->setSingleStep(1);
    if (followBottom)
        bar->setValue(bar->maximum());
}

bool TerminalView::atBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

int TerminalView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

void TerminalView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TerminalView::onDamaged()
{
    const TerminalDamage damage = m_emulator->takeDamage();
    const bool wasAtBottom = atBottom();
    const int scrollback = m_emulator->scrollbackSize();
    // Lines that fell off the top of a full history shift every line index.
    const int dropped = std::max(0, m_lastScrollback + damage.scrolledLines - scrollback);
    const int oldValue = verticalScrollBar()->value();
    m_lastScrollback = scrollback;
    if (dropped > 0) {
        auto shift = [dropped](Position& p) {
            p.line = std::max(0, p.line - dropped);
        };
        shift(m_selectionStart);
        shift(m_selectionEnd);
        for (TerminalMatch& match : m_matches)
            match.line -= dropped;
        m_hoverLink = {};
    }
    if (verticalScrollBar()->maximum() != scrollback || dropped > 0) {
        updateScrollBar(wasAtBottom);
        if (!wasAtBottom) {
            const QSignalBlocker blocker(verticalScrollBar());
            verticalScrollBar()->setValue(std::max(0, oldValue - dropped));
        }
    }
    const int cursorRow = m_emulator->cursor().row;
    if (wasAtBottom && damage.scrolledLines == 0 && dropped == 0) {
        QRegion region;
        for (int row : damage.rows)
            region += rowRect(row);
        if (damage.cursorMoved || !damage.rows.isEmpty()) {
            region += rowRect(m_lastCursorRow);
            region += rowRect(cursorRow);
        }
        viewport()->update(region);
    } else {
        viewport()->update();
    }
    m_lastCursorRow = cursorRow;
    updateBlink(damage.cursorMoved);
}

bool TerminalView::isCursorBlinking() const
{
    return m_blinkTimer->isActive();
}

void TerminalView::setCursorBlinkEnabled(bool enabled)
{
    m_blinkEnabled = enabled;
    updateBlink(true);
}

// A moved cursor shows at once and starts its blink over, as in other terminals.
void TerminalView::updateBlink(bool restart)
{
    const TerminalCursor cursor = m_emulator->cursor();
    const int flashTime = QApplication::cursorFlashTime();
    const bool blink =
        m_blinkEnabled && m_focused && cursor.visible && cursor.blinking && flashTime > 0;
    if (!blink) {
        m_blinkTimer->stop();
        if (!m_cursorOn) {
            m_cursorOn = true;
            viewport()->update();
        }
        return;
    }
    if (m_blinkTimer->isActive() && !restart)
        return;
    m_cursorOn = true;
    m_blinkTimer->start(flashTime / 2);
}

QRect TerminalView::rowRect(int viewRow) const
{
    return {0, viewRow * m_cellHeight, viewport()->width(), m_cellHeight};
}

QRect TerminalView::cellRect(int row, int column) const
{
    return {Margin + column * m_cellWidth, row * m_cellHeight, m_cellWidth, m_cellHeight};
}

QString TerminalView::visibleRowText(int row) const
{
    const int line = firstVisibleLine() + row;
    if (row < 0 || line >= m_emulator->lineCount())
        return {};
    return m_emulator->line(line).toString();
}

void TerminalView::paintEvent(QPaintEvent* event)
{
    QPainter painter(viewport());
    const bool reverse = m_emulator->isReverseVideo();
    painter.fillRect(event->rect(), QColor(reverse ? DefaultForeground : DefaultBackground));
    const int first = std::max(0, event->rect().top() / m_cellHeight);
    const int last = std::min(m_emulator->rows() - 1, event->rect().bottom() / m_cellHeight);
    const int top = firstVisibleLine();
    for (int row = first; row <= last; ++row)
        paintRow(painter, top + row, row * m_cellHeight);
    paintCursor(painter);
    if (m_flash)
        painter.fillRect(viewport()->rect(), QColor(255, 255, 255, 48));
}

bool TerminalView::isSelected(int line, int column) const
{
    if (!m_hasSelection)
        return false;
    const Position from = std::min(m_selectionStart, m_selectionEnd);
    const Position to = std::max(m_selectionStart, m_selectionEnd);
    const Position p{line, column};
    return !(p < from) && !(to < p);
}

int TerminalView::matchAt(int line, int column) const
{
    for (int i = 0; i < m_matches.size(); ++i) {
        const TerminalMatch& m = m_matches.at(i);
        if (m.line == line && column >= m.column && column < m.column + m.length)
            return i;
    }
    return -1;
}

void TerminalView::paintRow(QPainter& painter, int line, int y)
{
    if (line < 0 || line >= m_emulator->lineCount())
        return;
    const TerminalLine row = m_emulator->line(line);
    const int columns = m_emulator->columns();
    const bool reverseVideo = m_emulator->isReverseVideo();
    const QRgb defaultFg = reverseVideo ? DefaultBackground : DefaultForeground;
    const QRgb defaultBg = reverseVideo ? DefaultForeground : DefaultBackground;
    const bool rowHasMatch = std::any_of(m_matches.cbegin(), m_matches.cend(),
                                         [line](const TerminalMatch& m) { return m.line == line; });
    const QPalette pal = palette();

    struct Style
    {
        QRgb fg;
        QRgb bg;
        quint16 attributes;
        bool link;
        bool operator==(const Style& o) const
        {
            return fg == o.fg && bg == o.bg && attributes == o.attributes && link == o.link;
        }
    };
    constexpr quint16 Drawn = TerminalCell::Bold | TerminalCell::Italic | TerminalCell::Underline |
                              TerminalCell::DoubleUnderline | TerminalCell::Strike;
    auto styleOf = [&](const TerminalCell& cell, int column) {
        TerminalColor fgColor = cell.foreground;
        // Bold text in one of the eight basic colours shows in its bright variant, as xterm does.
        if (cell.has(TerminalCell::Bold) && fgColor.kind == TerminalColor::Indexed &&
            fgColor.index() < 8)
            fgColor = TerminalColor::indexed(fgColor.index() + 8);
        QRgb fg = fgColor.toRgb(defaultFg);
        QRgb bg = cell.background.toRgb(defaultBg);
        if (cell.has(TerminalCell::Reverse))
            std::swap(fg, bg);
        if (cell.has(TerminalCell::Conceal))
            fg = bg;
        if (rowHasMatch) {
            const int match = matchAt(line, column);
            if (match >= 0) {
                fg = 0x000000;
                bg = match == m_currentMatch ? 0xff9632 : 0xe6d25a;
            }
        }
        if (isSelected(line, column)) {
            fg = pal.color(QPalette::HighlightedText).rgb() & 0xffffff;
            bg = pal.color(QPalette::Highlight).rgb() & 0xffffff;
        }
        const bool link = m_hoverLink.line == line && column >= m_hoverLink.column &&
                          column < m_hoverLink.column + m_hoverLink.length;
        return Style{fg, bg, quint16(cell.attributes & Drawn), link};
    };

    auto draw = [&](const Style& style, int column, int width, const QString& text, bool wide) {
        const QRect rect(Margin + column * m_cellWidth, y, width * m_cellWidth, m_cellHeight);
        if (style.bg != defaultBg)
            painter.fillRect(rect, QColor(style.bg));
        const QColor fg(style.fg);
        if (!text.isEmpty() && text != QString(text.size(), QLatin1Char(' '))) {
            const int variant = ((style.attributes & TerminalCell::Bold) ? 1 : 0) |
                                ((style.attributes & TerminalCell::Italic) ? 2 : 0);
            painter.setFont(m_drawFonts[variant]);
            painter.setPen(fg);
            if (wide)
                painter.drawText(rect, Qt::AlignCenter, text);
            else
                painter.drawText(QPoint(rect.left(), y + m_ascent), text);
        }
        if ((style.attributes & (TerminalCell::Underline | TerminalCell::DoubleUnderline)) ||
            style.link) {
            const int underlineY = std::min(y + m_ascent + 2, y + m_cellHeight - 1);
            painter.fillRect(QRect(rect.left(), underlineY, rect.width(), 1), fg);
            if (style.attributes & TerminalCell::DoubleUnderline)
                painter.fillRect(QRect(rect.left(), underlineY - 2, rect.width(), 1), fg);
        }
        if (style.attributes & TerminalCell::Strike)
            painter.fillRect(QRect(rect.left(), y + m_ascent * 2 / 3, rect.width(), 1), fg);
    };

    int column = 0;
    while (column < columns) {
        const TerminalCell cell = row.cell(column);
        const Style style = styleOf(cell, column);
        if (cell.has(TerminalCell::Wide)) {
            draw(style, column, 2, row.text(column), true);
            column += 2;
            continue;
        }
        if (cell.has(TerminalCell::WideTail)) {
            ++column;
            continue;
        }
        QString text = row.text(column);
        int end = column + 1;
        while (end < columns) {
            const TerminalCell next = row.cell(end);
            if (next.attributes & (TerminalCell::Wide | TerminalCell::WideTail))
                break;
            if (!(styleOf(next, end) == style))
                break;
            text += row.text(end);
            ++end;
        }
        draw(style, column, end - column, text, false);
        column = end;
    }
}

void TerminalView::paintCursor(QPainter& painter)
{
    const TerminalCursor cursor = m_emulator->cursor();
    if (!cursor.visible || (m_focused && !m_cursorOn))
        return;
    const int viewRow = m_emulator->scrollbackSize() + cursor.row - firstVisibleLine();
    if (viewRow < 0 || viewRow >= m_emulator->rows())
        return;
    const TerminalCell cell = m_emulator->cell(cursor.row, cursor.column);
    const QRect rect(Margin + cursor.column * m_cellWidth, viewRow * m_cellHeight,
                     cell.width() * m_cellWidth, m_cellHeight);
    const QColor colour(m_emulator->isReverseVideo() ? DefaultBackground : DefaultForeground);
    if (!m_focused) {
        painter.setPen(colour);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
        return;
    }
    switch (cursor.shape) {
    case TerminalCursor::Shape::Block: {
        painter.fillRect(rect, colour);
        const QString text = m_emulator->screenRow(cursor.row).text(cursor.column);
        if (!text.trimmed().isEmpty()) {
            const int variant =
                (cell.has(TerminalCell::Bold) ? 1 : 0) | (cell.has(TerminalCell::Italic) ? 2 : 0);
            painter.setFont(m_drawFonts[variant]);
            painter.setPen(
                QColor(m_emulator->isReverseVideo() ? DefaultForeground : DefaultBackground));
            painter.drawText(QPoint(rect.left(), rect.top() + m_ascent), text);
        }
        break;
    }
    case TerminalCursor::Shape::Underline:
        painter.fillRect(QRect(rect.left(), rect.bottom() - 1, rect.width(), 2), colour);
        break;
    case TerminalCursor::Shape::Bar:
        painter.fillRect(QRect(rect.left(), rect.top(), 2, rect.height()), colour);
        break;
    }
}

void TerminalView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGridSize();
    layoutOverlays();
}

void TerminalView::layoutOverlays()
{
    const QRect area = viewport()->geometry();
    if (!m_findBar->isHidden()) {
        const QSize hint = m_findBar->sizeHint();
        const int width = std::min(area.width(), std::max(hint.width(), 360));
        m_findBar->setGeometry(area.right() - width + 1, area.top(), width, hint.height());
        m_findBar->raise();
    }
    if (!m_banner->isHidden()) {
        const int height = m_banner->heightForWidth(area.width()) > 0
                               ? m_banner->heightForWidth(area.width())
                               : m_banner->sizeHint().height();
        m_banner->setGeometry(area.left(), area.bottom() - height + 1, area.width(), height);
        m_banner->raise();
    }
}

void TerminalView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TerminalView::send(const QByteArray& bytes)
{
    if (!bytes.isEmpty())
        Q_EMIT inputProduced(bytes);
}

bool TerminalView::event(QEvent* event)
{
    // Only our own keys: one that reaches us from the find bar is the find bar's.
    if (event->type() == QEvent::ShortcutOverride && hasFocus()) {
        auto* keyEvent = static_cast<QKeyEvent*>(event);
        const Qt::KeyboardModifiers mods = keyEvent->modifiers();
        // Ctrl+Shift combinations stay with the window and with us; every other key is the
        // program's.
        if (!((mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier))) {
            keyEvent->accept();
            return true;
        }
    }
    if (event->type() == QEvent::KeyPress) {
        auto* keyEvent = static_cast<QKeyEvent*>(event);
        if (keyEvent->key() == Qt::Key_Tab || keyEvent->key() == Qt::Key_Backtab) {
            keyPressEvent(keyEvent);
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void TerminalView::keyPressEvent(QKeyEvent* event)
{
    const Qt::KeyboardModifiers mods = event->modifiers();
    const bool ctrl = mods & Qt::ControlModifier;
    const bool shift = mods & Qt::ShiftModifier;
    const int key = event->key();

    if (ctrl && shift) {
        switch (key) {
        case Qt::Key_C:
            copy();
            return;
        case Qt::Key_V:
            paste();
            return;
        case Qt::Key_F:
            showFindBar();
            return;
        default:
            break;
        }
    }
    if (event->matches(QKeySequence::Copy) && m_hasSelection) {
        copy();
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    if (ctrl && !(mods & Qt::AltModifier)) {
        if (key == Qt::Key_Equal || key == Qt::Key_Plus) {
            zoomIn();
            return;
        }
        if (key == Qt::Key_Minus && !shift) {
            zoomOut();
            return;
        }
        if (key == Qt::Key_0 && !shift) {
            resetZoom();
            return;
        }
    }
    if (shift && !ctrl && (key == Qt::Key_PageUp || key == Qt::Key_PageDown)) {
        const int step = std::max(1, m_emulator->rows() - 1);
        verticalScrollBar()->setValue(verticalScrollBar()->value() +
                                      (key == Qt::Key_PageUp ? -step : step));
        return;
    }

    const TerminalEmulator::Modifiers modifiers = toTerminalModifiers(mods);
    QByteArray bytes;
    if (const auto terminalKey = toTerminalKey(key)) {
        TerminalEmulator::Modifiers m = modifiers;
        if (key == Qt::Key_Backtab)
            m |= TerminalEmulator::Modifier::Shift;
        bytes = m_emulator->keyBytes(*terminalKey, m);
    } else if (ctrl && key >= 0x20 && key < 0x7f) {
        // Qt's text for Ctrl+letter varies by platform; the key code does not.
        const QChar c = QChar(key).toLower();
        bytes = m_emulator->textBytes(QString(c), modifiers);
    } else {
        const QString text = event->text();
        if (!text.isEmpty() && text.at(0).unicode() >= 0x20 && text.at(0).unicode() != 0x7f)
            bytes = m_emulator->textBytes(
                text, modifiers & ~TerminalEmulator::Modifiers(TerminalEmulator::Modifier::Shift));
    }
    if (bytes.isEmpty()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    scrollToBottom();
    send(bytes);
}

void TerminalView::inputMethodEvent(QInputMethodEvent* event)
{
    if (!event->commitString().isEmpty()) {
        scrollToBottom();
        send(m_emulator->textBytes(event->commitString()));
    }
    event->accept();
}

QVariant TerminalView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    if (query == Qt::ImCursorRectangle) {
        const TerminalCursor cursor = m_emulator->cursor();
        const int viewRow = m_emulator->scrollbackSize() + cursor.row - firstVisibleLine();
        return QRectF(cellRect(viewRow, cursor.column));
    }
    return QAbstractScrollArea::inputMethodQuery(query);
}

TerminalView::Position TerminalView::positionAt(const QPoint& point, bool clamp) const
{
    int column = (point.x() - Margin) / m_cellWidth;
    int row = point.y() / m_cellHeight;
    if (clamp) {
        column = std::clamp(column, 0, m_emulator->columns() - 1);
        row = std::clamp(row, 0, m_emulator->rows() - 1);
    }
    return {firstVisibleLine() + row, column};
}

TerminalView::Link TerminalView::linkAt(const Position& position) const
{
    const int top = firstVisibleLine();
    if (position.line < top || position.line >= top + m_emulator->rows() ||
        position.line >= m_emulator->lineCount())
        return {};
    // One character per column, so that match offsets are columns.
    const TerminalLine row = m_emulator->line(position.line);
    QString text;
    for (int column = 0; column < m_emulator->columns(); ++column) {
        const TerminalCell cell = row.cell(column);
        text += cell.codepoint > 0x20 && cell.codepoint < 0x10000 ? QChar(char16_t(cell.codepoint))
                                                                  : QChar(u' ');
    }
    static const QRegularExpression url(
        QStringLiteral(R"(https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+)"));
    for (auto it = url.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString found = match.captured();
        // Punctuation that ends a sentence is not part of the address.
        while (!found.isEmpty() && QStringView(u".,;:!?)]'").contains(found.back()))
            found.chop(1);
        const int start = int(match.capturedStart());
        if (position.column >= start && position.column < start + found.size())
            return {position.line, start, int(found.size()), QUrl(found, QUrl::StrictMode)};
    }
    return {};
}

bool TerminalView::wantsMouseReports(const QMouseEvent* event) const
{
    return m_emulator->mouseMode() != TerminalEmulator::MouseMode::None &&
           !(event->modifiers() & Qt::ShiftModifier);
}

void TerminalView::sendMouse(const QMouseEvent* event, int button, bool pressed)
{
    const QPoint point = event->position().toPoint();
    const int row = std::clamp(point.y() / m_cellHeight, 0, m_emulator->rows() - 1);
    const int column = std::clamp((point.x() - Margin) / m_cellWidth, 0, m_emulator->columns() - 1);
    send(m_emulator->mouseButtonBytes(row, column, button, pressed,
                                      toTerminalModifiers(event->modifiers())));
}

static int buttonNumber(Qt::MouseButton button)
{
    switch (button) {
    case Qt::LeftButton:
        return 1;
    case Qt::MiddleButton:
        return 2;
    case Qt::RightButton:
        return 3;
    default:
        return 0;
    }
}

void TerminalView::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    if (wantsMouseReports(event)) {
        if (const int button = buttonNumber(event->button()))
            sendMouse(event, button, true);
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        const QClipboard* clipboard = QApplication::clipboard();
        if (clipboard->supportsSelection())
            pasteText(clipboard->text(QClipboard::Selection));
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const Position position = positionAt(event->position().toPoint());
    if (event->modifiers() & Qt::ControlModifier) {
        const Link link = linkAt(position);
        if (link.url.isValid()) {
            QDesktopServices::openUrl(link.url);
            return;
        }
    }
    if (m_hasSelection) {
        m_hasSelection = false;
        viewport()->update();
    }
    m_selectionStart = m_selectionEnd = position;
    m_selecting = true;
}

void TerminalView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint point = event->position().toPoint();
    if (wantsMouseReports(event)) {
        const auto mode = m_emulator->mouseMode();
        if (mode == TerminalEmulator::MouseMode::Move ||
            (mode == TerminalEmulator::MouseMode::Drag && event->buttons() != Qt::NoButton)) {
            const int row = std::clamp(point.y() / m_cellHeight, 0, m_emulator->rows() - 1);
            const int column =
                std::clamp((point.x() - Margin) / m_cellWidth, 0, m_emulator->columns() - 1);
            send(m_emulator->mouseMoveBytes(row, column, toTerminalModifiers(event->modifiers())));
        }
        return;
    }
    if (m_selecting) {
        if (point.y() < 0)
            verticalScrollBar()->setValue(verticalScrollBar()->value() - 1);
        else if (point.y() > viewport()->height())
            verticalScrollBar()->setValue(verticalScrollBar()->value() + 1);
        const Position position = positionAt(point);
        if (!(position == m_selectionEnd) || !m_hasSelection) {
            m_selectionEnd = position;
            m_hasSelection = !(m_selectionStart == m_selectionEnd) || m_hasSelection;
            viewport()->update();
        }
        return;
    }
    const Link link = linkAt(positionAt(point, false));
    if (link.line != m_hoverLink.line || link.column != m_hoverLink.column) {
        m_hoverLink = link;
        viewport()->setCursor(link.url.isValid() ? Qt::PointingHandCursor : Qt::IBeamCursor);
        viewport()->setToolTip(link.url.isValid()
                                   ? tr("Ctrl+click to open %1").arg(link.url.toDisplayString())
                                   : QString());
        viewport()->update();
    }
}

void TerminalView::mouseReleaseEvent(QMouseEvent* event)
{
    if (wantsMouseReports(event)) {
        if (const int button = buttonNumber(event->button()))
            sendMouse(event, button, false);
        return;
    }
    if (event->button() == Qt::LeftButton && m_selecting) {
        m_selecting = false;
        QClipboard* clipboard = QApplication::clipboard();
        if (m_hasSelection && clipboard->supportsSelection())
            clipboard->setText(selectedText(), QClipboard::Selection);
    }
}

void TerminalView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (wantsMouseReports(event) || event->button() != Qt::LeftButton) {
        mousePressEvent(event);
        return;
    }
    const Position position = positionAt(event->position().toPoint());
    const TerminalLine row = m_emulator->line(position.line);
    if (!isWordCharacter(row.text(position.column)) ||
        row.text(position.column) == QLatin1String(" "))
        return;
    int from = position.column;
    int to = position.column;
    while (from > 0 && isWordCharacter(row.text(from - 1)) &&
           row.text(from - 1) != QLatin1String(" "))
        --from;
    while (to + 1 < m_emulator->columns() && isWordCharacter(row.text(to + 1)) &&
           row.text(to + 1) != QLatin1String(" "))
        ++to;
    setSelection({position.line, from}, {position.line, to});
    m_selecting = false;
}

void TerminalView::wheelEvent(QWheelEvent* event)
{
    m_wheelRemainder += event->angleDelta().y();
    const int notches = m_wheelRemainder / 120;
    m_wheelRemainder %= 120;
    if (notches == 0)
        return;
    const auto mode = m_emulator->mouseMode();
    if (mode != TerminalEmulator::MouseMode::None && !(event->modifiers() & Qt::ShiftModifier)) {
        const QPoint point = event->position().toPoint();
        const int row = std::clamp(point.y() / m_cellHeight, 0, m_emulator->rows() - 1);
        const int column =
            std::clamp((point.x() - Margin) / m_cellWidth, 0, m_emulator->columns() - 1);
        for (int i = 0; i < std::abs(notches); ++i)
            send(m_emulator->mouseButtonBytes(row, column, notches > 0 ? 4 : 5, true));
        return;
    }
    if (m_emulator->isAlternateScreen()) {
        // Full-screen programs have no history here; scroll them with the arrow keys.
        const auto key = notches > 0 ? TerminalEmulator::Key::Up : TerminalEmulator::Key::Down;
        for (int i = 0; i < 3 * std::abs(notches); ++i)
            send(m_emulator->keyBytes(key));
        return;
    }
    verticalScrollBar()->setValue(verticalScrollBar()->value() - 3 * notches);
}

void TerminalView::focusInEvent(QFocusEvent* event)
{
    m_focused = true;
    updateBlink(true);
    viewport()->update();
    QAbstractScrollArea::focusInEvent(event);
}

void TerminalView::focusOutEvent(QFocusEvent* event)
{
    m_focused = false;
    updateBlink(true);
    viewport()->update();
    QAbstractScrollArea::focusOutEvent(event);
}

void TerminalView::setSelection(Position start, Position end)
{
    m_selectionStart = start;
    m_selectionEnd = end;
    m_hasSelection = true;
    m_selecting = false;
    viewport()->update();
}

void TerminalView::clearSelection()
{
    m_hasSelection = false;
    m_selecting = false;
    viewport()->update();
}

QString TerminalView::selectedText() const
{
    if (!m_hasSelection)
        return {};
    const Position from = std::min(m_selectionStart, m_selectionEnd);
    const Position to = std::max(m_selectionStart, m_selectionEnd);
    QString result;
    for (int line = from.line; line <= to.line && line < m_emulator->lineCount(); ++line) {
        const TerminalLine row = m_emulator->line(line);
        const int first = line == from.line ? from.column : 0;
        const int last = line == to.line ? to.column : m_emulator->columns() - 1;
        QString text;
        for (int column = first; column <= last; ++column)
            text += row.text(column);
        const bool continues = row.isWrapped() && line != to.line;
        if (!continues) {
            while (text.endsWith(QLatin1Char(' ')))
                text.chop(1);
        }
        result += text;
        if (!continues && line != to.line)
            result += QLatin1Char('\n');
    }
    return result;
}

void TerminalView::copy()
{
    if (m_hasSelection)
        QApplication::clipboard()->setText(selectedText());
}

void TerminalView::paste()
{
    pasteText(QApplication::clipboard()->text());
}

void TerminalView::pasteText(const QString& text)
{
    if (text.isEmpty())
        return;
    scrollToBottom();
    send(m_emulator->pasteBytes(text));
}

void TerminalView::showFindBar()
{
    m_findBar->activate();
    layoutOverlays();
    if (!m_findBar->text().isEmpty())
        runFind();
}

void TerminalView::runFind()
{
    const QString needle = m_findBar->text();
    m_matches = needle.isEmpty() ? QList<TerminalMatch>()
                                 : m_emulator->find(needle, m_findBar->caseSensitivity());
    m_currentMatch = -1;
    // Start from the newest match above the bottom of the view, as the search goes backwards.
    const int bottom = firstVisibleLine() + m_emulator->rows();
    for (int i = int(m_matches.size()) - 1; i >= 0; --i) {
        if (m_matches.at(i).line < bottom) {
            m_currentMatch = i;
            break;
        }
    }
    if (m_currentMatch < 0 && !m_matches.isEmpty())
        m_currentMatch = int(m_matches.size()) - 1;
    showMatch();
}

void TerminalView::findNext()
{
    if (m_matches.isEmpty())
        return;
    m_currentMatch = (m_currentMatch + 1) % int(m_matches.size());
    showMatch();
}

void TerminalView::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    m_currentMatch = (m_currentMatch - 1 + int(m_matches.size())) % int(m_matches.size());
    showMatch();
}

void TerminalView::showMatch()
{
    if (m_currentMatch >= 0) {
        const int line = m_matches.at(m_currentMatch).line;
        if (line < firstVisibleLine() || line >= firstVisibleLine() + m_emulator->rows())
            verticalScrollBar()->setValue(line - m_emulator->rows() / 2);
    }
    updateFindBar();
    viewport()->update();
}

void TerminalView::updateFindBar()
{
    m_findBar->setMatches(m_currentMatch, int(m_matches.size()));
}

void TerminalView::setBanner(const QString& text, QWidget* action)
{
    if (m_bannerAction && m_bannerAction != action) {
        m_banner->layout()->removeWidget(m_bannerAction);
        m_bannerAction->hide();
    }
    m_bannerAction = action;
    if (action && action->parentWidget() != m_banner) {
        action->setParent(m_banner);
        m_banner->layout()->addWidget(action);
    }
    if (action)
        action->setVisible(!text.isEmpty());
    m_bannerLabel->setText(text);
    m_banner->setVisible(!text.isEmpty());
    layoutOverlays();
}

QString TerminalView::banner() const
{
    return m_banner->isHidden() ? QString() : m_bannerLabel->text();
}
