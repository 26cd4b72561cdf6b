#include "LogView.h"

#include "logs/AnsiText.h"
#include "logs/LogBuffer.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <climits>

namespace {

constexpr int AppendDelayMs = 33;
constexpr int MarginWidth = 4;
constexpr int TextIndent = 8;
constexpr int TabWidth = 8;

QColor xtermColor(int index)
{
    static const QRgb base[16] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
                                  0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
                                  0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};
    if (index < 16)
        return QColor::fromRgb(base[index]);
    if (index < 232) {
        const int cube = index - 16;
        const auto level = [](int v) {
            return v == 0 ? 0 : 55 + v * 40;
        };
        return QColor(level(cube / 36), level(cube / 6 % 6), level(cube % 6));
    }
    const int grey = 8 + (index - 232) * 10;
    return QColor(grey, grey, grey);
}

QColor toColor(const AnsiColor& color, const QColor& fallback)
{
    switch (color.kind) {
    case AnsiColor::Kind::Default:
        return fallback;
    case AnsiColor::Kind::Indexed:
        return xtermColor(color.index);
    case AnsiColor::Kind::Rgb:
        return QColor(color.red, color.green, color.blue);
    }
    return fallback;
}

// Tabs go to the next multiple of TabWidth columns; the font is fixed-width.
QString expandTabs(const QString& text, int* column)
{
    if (!text.contains(QLatin1Char('\t'))) {
        *column += int(text.size());
        return text;
    }
    QString out;
    out.reserve(text.size() + TabWidth);
    for (const QChar c : text) {
        if (c == QLatin1Char('\t')) {
            const int spaces = TabWidth - *column % TabWidth;
            out += QString(spaces, QLatin1Char(' '));
            *column += spaces;
        } else {
            out += c;
            ++*column;
        }
    }
    return out;
}

} // namespace

LogView::LogView(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_appendTimer(new QTimer(this))
    , m_jumpButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("logView"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(true);

    m_appendTimer->setSingleShot(true);
    m_appendTimer->setInterval(AppendDelayMs);
    connect(m_appendTimer, &QTimer::timeout, this, &LogView::sync);

    m_jumpButton->setObjectName(QStringLiteral("jumpToLatestButton"));
    m_jumpButton->setCursor(Qt::ArrowCursor);
    m_jumpButton->hide();
    connect(m_jumpButton, &QPushButton::clicked, this, &LogView::jumpToLatest);

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_scrolling)
            setFollowing(value == verticalScrollBar()->maximum());
        viewport()->update();
    });
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(),
            qOverload<>(&QWidget::update));
    retranslateUi();
}

LogView::~LogView() = default;

void LogView::setBuffer(const LogBuffer* buffer)
{
    m_buffer = buffer;
    m_filtered = false;
    m_filter.clear();
    m_count = 0;
    m_unseen = 0;
    m_anchorRow = m_cursorRow = -1;
    m_currentLine = -1;
    m_maxWidth = 0;
    sync();
}

void LogView::linesAppended()
{
    if (!m_appendTimer->isActive())
        m_appendTimer->start();
}

void LogView::sync()
{
    m_appendTimer->stop();
    const qint64 count = m_buffer ? m_buffer->count() : 0;
    if (count < m_count) { // cleared
        m_anchorRow = m_cursorRow = -1;
        m_currentLine = -1;
        m_unseen = 0;
        m_maxWidth = 0;
    } else if (!m_following && !m_filtered) {
        m_unseen += count - m_count;
    }
    m_count = count;
    updateScrollBars();
    updateJumpButton();
    viewport()->update();
    Q_EMIT rowsUpdated();
}

void LogView::setFilter(const QList<qint64>& lines)
{
    const bool changed = !m_filtered || lines.size() < m_filter.size();
    m_filtered = true;
    m_filter = lines;
    if (changed)
        m_anchorRow = m_cursorRow = -1;
    updateScrollBars();
    updateJumpButton();
    viewport()->update();
}

void LogView::clearFilter()
{
    if (!m_filtered)
        return;
    m_filtered = false;
    m_filter.clear();
    m_anchorRow = m_cursorRow = -1;
    updateScrollBars();
    if (m_currentLine >= 0)
        scrollToLine(m_currentLine);
    updateJumpButton();
    viewport()->update();
}

void LogView::setHighlight(const LogSearch::Query& query)
{
    m_query = query;
    m_regex = QRegularExpression();
    if (query.mode == LogSearch::Mode::RegularExpression && !query.text.isEmpty()) {
        m_regex.setPattern(query.text);
        if (query.caseSensitivity == Qt::CaseInsensitive)
            m_regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
    }
    viewport()->update();
}

void LogView::setCurrentLine(qint64 line)
{
    m_currentLine = line;
    viewport()->update();
}

void LogView::scrollToLine(qint64 line)
{
    qint64 row = line;
    if (m_filtered) {
        const auto it = std::lower_bound(m_filter.cbegin(), m_filter.cend(), line);
        if (it == m_filter.cend())
            return;
        row = it - m_filter.cbegin();
    }
    const qint64 first = firstVisibleRow();
    const int visible = visibleRowCount();
    if (row >= first && row < first + visible)
        return;
    verticalScrollBar()->setValue(int(std::max<qint64>(0, row - visible / 2)));
}

void LogView::setTimestampsShown(bool shown)
{
    m_timestamps = shown;
    m_maxWidth = 0;
    updateScrollBars();
    viewport()->update();
}

void LogView::setWrap(bool wrap)
{
    if (m_wrap == wrap)
        return;
    m_wrap = wrap;
    m_painted.clear();
    updateScrollBars();
    viewport()->update();
}

QList<int> LogView::paintedRowCounts() const
{
    QList<int> counts;
    for (const PaintedLine& painted : m_painted)
        counts.append(painted.height / lineHeight());
    return counts;
}

void LogView::setUtc(bool utc)
{
    m_utc = utc;
    viewport()->update();
}

qint64 LogView::rowCount() const
{
    return m_filtered ? m_filter.size() : m_count;
}

qint64 LogView::lineAt(qint64 row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return m_filtered ? m_filter.at(row) : row;
}

qint64 LogView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int LogView::visibleRowCount() const
{
    return std::max(1, viewport()->height() / lineHeight());
}

QString LogView::rowText(qint64 row) const
{
    const qint64 line = lineAt(row);
    if (line < 0 || !m_buffer)
        return {};
    return AnsiText::plainText(m_buffer->line(line));
}

void LogView::jumpToLatest()
{
    if (m_filtered)
        return;
    m_unseen = 0;
    setFollowing(true);
    updateScrollBars();
    updateJumpButton();
}

void LogView::selectRows(qint64 first, qint64 last)
{
    m_anchorRow = first;
    m_cursorRow = last;
    viewport()->update();
}

QString LogView::selectedText() const
{
    if (m_anchorRow < 0 || m_cursorRow < 0)
        return {};
    const qint64 first = std::min(m_anchorRow, m_cursorRow);
    const qint64 last = std::min(std::max(m_anchorRow, m_cursorRow), rowCount() - 1);
    QStringList lines;
    for (qint64 row = first; row <= last; ++row)
        lines << rowText(row);
    return lines.join(QLatin1Char('\n'));
}

void LogView::copySelection() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void LogView::updateScrollBars()
{
    m_scrolling = true;
    const int visible = visibleRowCount();
    QScrollBar* vertical = verticalScrollBar();
    const qint64 maximum = std::max<qint64>(0, rowCount() - visible);
    vertical->setRange(0, int(std::min<qint64>(maximum, INT_MAX)));
    vertical->setPageStep(visible);
    vertical->setSingleStep(1);
    if (m_following && !m_filtered)
        vertical->setValue(vertical->maximum());
    QScrollBar* horizontal = horizontalScrollBar();
    horizontal->setRange(0, m_wrap ? 0 : std::max(0, m_maxWidth - viewport()->width()));
    horizontal->setPageStep(viewport()->width());
    horizontal->setSingleStep(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 4);
    m_scrolling = false;
    if (!m_filtered && vertical->value() == vertical->maximum())
        setFollowing(true);
}

void LogView::setFollowing(bool following)
{
    if (m_following == following)
        return;
    m_following = following;
    if (following)
        m_unseen = 0;
    updateJumpButton();
    Q_EMIT followingChanged(following);
}

void LogView::updateJumpButton()
{
    const bool show = !m_following && !m_filtered && m_unseen > 0;
    if (show) {
        m_jumpButton->setText(tr("Jump to latest (%n new lines)", nullptr, int(m_unseen)));
        m_jumpButton->adjustSize();
        const QRect area = viewport()->geometry();
        m_jumpButton->move(area.right() - m_jumpButton->width() - 12,
                           area.bottom() - m_jumpButton->height() - 12);
        m_jumpButton->raise();
    }
    m_jumpButton->setVisible(show);
}

void LogView::retranslateUi()
{
    updateJumpButton();
}

int LogView::lineHeight() const
{
    return fontMetrics().height() + 2;
}

QString LogView::timestampText(qint64 nanoseconds) const
{
    if (nanoseconds == 0)
        return QString(23, QLatin1Char(' '));
    QDateTime time = LogStream::toDateTime(nanoseconds);
    time = m_utc ? time.toUTC() : time.toLocalTime();
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QList<QPair<int, int>> LogView::matchRanges(const QString& text) const
{
    QList<QPair<int, int>> ranges;
    if (m_query.text.isEmpty())
        return ranges;
    if (m_query.mode == LogSearch::Mode::RegularExpression) {
        if (!m_regex.isValid())
            return ranges;
        auto it = m_regex.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            if (match.capturedLength() > 0)
                ranges.append({int(match.capturedStart()), int(match.capturedLength())});
        }
        return ranges;
    }
    qsizetype from = 0;
    while ((from = text.indexOf(m_query.text, from, m_query.caseSensitivity)) >= 0) {
        ranges.append({int(from), int(m_query.text.size())});
        from += m_query.text.size();
    }
    return ranges;
}

LogView::LineLayout LogView::layoutLine(qint64 row, int textWidth, int maxRows) const
{
    LineLayout layout;
    layout.row = row;
    layout.line = lineAt(row);
    layout.runs = AnsiText::parse(m_buffer->line(layout.line));
    layout.texts.reserve(layout.runs.size());
    int column = 0;
    for (const AnsiRun& run : std::as_const(layout.runs)) {
        layout.texts.append(expandTabs(run.text, &column));
        layout.plain += layout.texts.last();
    }
    const auto size = int(layout.plain.size());
    if (!m_wrap || textWidth <= 0) {
        layout.rows.append({0, size});
        return layout;
    }
    // Cut where the next character would pass the edge, never inside a surrogate pair; only as
    // many rows as can be seen are laid out.
    const QFontMetrics metrics = fontMetrics();
    const int ascii = metrics.horizontalAdvance(QLatin1Char('x'));
    int start = 0;
    int width = 0;
    for (int i = 0; i < size;) {
        const QChar c = layout.plain.at(i);
        const int units = c.isHighSurrogate() && i + 1 < size ? 2 : 1;
        const int advance = c.unicode() >= 0x20 && c.unicode() < 0x7f
                                ? ascii
                                : metrics.horizontalAdvance(layout.plain.mid(i, units));
        if (width + advance > textWidth && i > start) {
            layout.rows.append({start, i});
            if (layout.rows.size() >= maxRows)
                return layout;
            start = i;
            width = 0;
        }
        width += advance;
        i += units;
    }
    layout.rows.append({start, size});
    return layout;
}

void LogView::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter painter(viewport());
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    const QColor stderrTint = dark ? QColor(90, 20, 20) : QColor(255, 235, 235);
    const QColor stderrMark(220, 50, 47);
    const QColor stdoutMark = dark ? QColor(70, 110, 160) : QColor(150, 180, 220);
    const QColor matchColor(255, 214, 0, 150);
    const QColor currentColor(255, 150, 0, 200);
    const QColor selection = pal.color(QPalette::Highlight);
    const QColor selectionText = pal.color(QPalette::HighlightedText);
    const QColor timeColor = pal.color(QPalette::PlaceholderText);

    const QFontMetrics metrics = fontMetrics();
    const int height = lineHeight();
    const int ascent = metrics.ascent() + 1;
    const int xOffset = m_wrap ? 0 : -horizontalScrollBar()->value();
    const int width = viewport()->width();
    const int viewHeight = viewport()->height();
    const qint64 first = firstVisibleRow();
    const qint64 rows = rowCount();
    const qint64 selFirst = std::min(m_anchorRow, m_cursorRow);
    const qint64 selLast = std::max(m_anchorRow, m_cursorRow);
    const int textStart = MarginWidth + TextIndent +
                          (m_timestamps ? metrics.horizontalAdvance(timestampText(0)) +
                                              metrics.horizontalAdvance(QLatin1Char(' ')) * 2
                                        : 0);
    const int textWidth = width - textStart - TextIndent;

    // Which lines are seen, and where: from the first visible row down, or, when wrapped lines
    // sit at the end, from the last line up so that it is not cut off.
    QList<LineLayout> layouts;
    int y = 0;
    const QScrollBar* vertical = verticalScrollBar();
    if (m_wrap && rows > 0 && vertical->value() == vertical->maximum()) {
        int total = 0;
        for (qint64 row = rows - 1; row >= 0 && total < viewHeight; --row) {
            layouts.prepend(layoutLine(row, textWidth, INT_MAX / height));
            total += int(layouts.first().rows.size()) * height;
        }
        y = std::min(0, viewHeight - total);
    } else {
        int filled = 0;
        for (qint64 row = first; row < rows && filled < viewHeight; ++row) {
            layouts.append(layoutLine(row, textWidth, (viewHeight - filled) / height + 1));
            filled += int(layouts.last().rows.size()) * height;
        }
    }

    m_painted.clear();
    for (const LineLayout& layout : std::as_const(layouts)) {
        const qint64 row = layout.row;
        const qint64 line = layout.line;
        const int lineTop = y;
        const int lineHeightPx = int(layout.rows.size()) * height;
        m_painted.append({row, lineTop, lineHeightPx});
        const bool isErr = m_buffer->stream(line) == LogStream::Stream::Stderr;
        const bool selected = selFirst >= 0 && row >= selFirst && row <= selLast;
        const QRect lineRect(0, lineTop, width, lineHeightPx);
        if (selected)
            painter.fillRect(lineRect, selection);
        else if (isErr)
            painter.fillRect(lineRect, stderrTint);
        painter.fillRect(QRect(0, lineTop, MarginWidth, lineHeightPx),
                         isErr ? stderrMark : stdoutMark);

        if (m_timestamps) {
            painter.setPen(selected ? selectionText : timeColor);
            painter.drawText(MarginWidth + TextIndent + xOffset, lineTop + ascent,
                             timestampText(m_buffer->timestamp(line)));
        }

        // Where plain[from, to) of this line is drawn: its row's top and left.
        const auto place = [&](int from, int* rowTop) {
            int r = 0;
            while (r + 1 < layout.rows.size() && layout.rows.at(r + 1).first <= from)
                ++r;
            *rowTop = lineTop + r * height;
            const int rowStart = layout.rows.at(r).first;
            return textStart + xOffset +
                   metrics.horizontalAdvance(layout.plain.mid(rowStart, from - rowStart));
        };
        // Calls draw(from, to) for the parts of [from, to) that fall on one row each.
        const auto forEachRowPart = [&](int from, int to, const auto& draw) {
            for (const auto& [rowStart, rowEnd] : layout.rows) {
                const int a = std::max(from, rowStart);
                const int b = std::min(to, rowEnd);
                if (a < b)
                    draw(a, b);
            }
        };

        const QList<QPair<int, int>> ranges = matchRanges(layout.plain);
        for (const auto& [start, length] : ranges) {
            forEachRowPart(start, start + length, [&](int a, int b) {
                int top = 0;
                const int left = place(a, &top);
                const int right = left + metrics.horizontalAdvance(layout.plain.mid(a, b - a));
                painter.fillRect(QRect(left, top, right - left, height),
                                 line == m_currentLine ? currentColor : matchColor);
            });
        }
        int runStart = 0;
        int right = textStart + xOffset;
        for (int i = 0; i < layout.runs.size(); ++i) {
            const AnsiRun& run = layout.runs.at(i);
            const QString& piece = layout.texts.at(i);
            const int runEnd = runStart + int(piece.size());
            QColor fg = toColor(run.foreground, selected ? selectionText : text);
            QColor bg = toColor(run.background, QColor());
            if (run.inverse) {
                const QColor swap = bg.isValid() ? bg : base;
                bg = fg;
                fg = swap;
            }
            if (run.faint)
                fg.setAlpha(150);
            if (run.bold || run.italic || run.underline) {
                QFont f = font();
                f.setBold(run.bold);
                f.setItalic(run.italic);
                f.setUnderline(run.underline);
                painter.setFont(f);
            }
            painter.setPen(fg);
            forEachRowPart(runStart, runEnd, [&](int a, int b) {
                int top = 0;
                const int left = place(a, &top);
                if (top >= viewHeight || top + height <= 0)
                    return;
                const QString part = layout.plain.mid(a, b - a);
                const int advance = metrics.horizontalAdvance(part);
                if (bg.isValid() && !selected)
                    painter.fillRect(QRect(left, top, advance, height), bg);
                painter.drawText(left, top + ascent, part);
                right = std::max(right, left + advance);
            });
            if (run.bold || run.italic || run.underline)
                painter.setFont(font());
            runStart = runEnd;
        }
        if (line == m_currentLine)
            painter.fillRect(QRect(MarginWidth, lineTop + lineHeightPx - 1, width, 1),
                             currentColor);
        m_maxWidth = std::max(m_maxWidth, right - xOffset + TextIndent);
        y += lineHeightPx;
    }
    m_convertedInLastPaint = int(layouts.size());
    if (!m_wrap && horizontalScrollBar()->maximum() < m_maxWidth - width)
        QTimer::singleShot(0, this, &LogView::updateScrollBars);
}

void LogView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    updateJumpButton();
}

qint64 LogView::rowAt(const QPoint& pos) const
{
    if (m_wrap && !m_painted.isEmpty()) {
        for (const PaintedLine& painted : m_painted) {
            if (pos.y() < painted.top + painted.height)
                return painted.row;
        }
        return m_painted.last().row;
    }
    const qint64 row = firstVisibleRow() + pos.y() / lineHeight();
    return std::clamp<qint64>(row, 0, std::max<qint64>(0, rowCount() - 1));
}

void LogView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || rowCount() == 0)
        return QAbstractScrollArea::mousePressEvent(event);
    const qint64 row = rowAt(event->position().toPoint());
    if (!(event->modifiers() & Qt::ShiftModifier) || m_anchorRow < 0)
        m_anchorRow = row;
    m_cursorRow = row;
    viewport()->update();
}

void LogView::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_anchorRow < 0)
        return QAbstractScrollArea::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    if (pos.y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (pos.y() > viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    m_cursorRow = rowAt(pos);
    viewport()->update();
}

void LogView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectRows(0, rowCount() - 1);
        return;
    }
    if (event->matches(QKeySequence::MoveToEndOfDocument)) {
        jumpToLatest();
        return;
    }
    if (event->matches(QKeySequence::MoveToStartOfDocument)) {
        verticalScrollBar()->setValue(0);
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LogView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        updateScrollBars();
    QAbstractScrollArea::changeEvent(event);
}
