#include "terminal/TerminalEmulator.h"

#include "terminal/KeyEncoder.h"
#include "terminal/TerminalGrid.h"
#include "terminal/TerminalReplies.h"
#include "terminal/TerminalScanner.h"
#include "terminal/TerminalShadowState.h"

#include <QTimer>

#include <vterm.h>

#include <algorithm>
#include <utility>

namespace {

constexpr int MaxTitleLength = 1024;

TerminalColor fromVterm(const VTermColor& c, bool foreground)
{
    if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&c) : VTERM_COLOR_IS_DEFAULT_BG(&c))
        return {};
    if (VTERM_COLOR_IS_INDEXED(&c))
        return TerminalColor::indexed(c.indexed.idx);
    return TerminalColor::rgb(c.rgb.red, c.rgb.green, c.rgb.blue);
}

TerminalGrid::Rect fromVterm(const VTermRect& r)
{
    return {r.start_row, r.end_row, r.start_col, r.end_col};
}

} // namespace

// libvterm's parser and state, wired to the parts: its callbacks write the grid and the shadow
// state, its output goes to the key encoder or the replies, and the scanner feeds it.
struct TerminalEmulator::Private final : TerminalScanner::Parser
{
    // What happened during a feed, told once libvterm returned.
    struct Notices
    {
        bool title = false;
        int bells = 0;
        bool alternateScreen = false;
        bool mouseMode = false;
    };

    Private(TerminalEmulator* owner, int columns, int rows);
    ~Private() override { vterm_free(vt); }
    Q_DISABLE_COPY_MOVE(Private)

    void write(const char* bytes, size_t size) override { vterm_input_write(vt, bytes, size); }
    void cursorPosition(int* row, int* column) const override
    {
        VTermPos at{};
        vterm_state_get_cursorpos(state, &at);
        *row = at.row;
        *column = at.col;
    }

    static int onPutglyph(VTermGlyphInfo* info, VTermPos pos, void* user);
    Q_NEVER_INLINE int putGlyph(const VTermGlyphInfo* info, VTermPos pos);
    static int onMovecursor(VTermPos pos, VTermPos oldpos, int visible, void* user);
    static int onScrollrect(VTermRect rect, int downward, int rightward, void* user);
    static int onMoverect(VTermRect dest, VTermRect src, void* user);
    static int onErase(VTermRect rect, int selective, void* user);
    static int onInitpen(void* user);
    static int onSetpenattr(VTermAttr attr, VTermValue* val, void* user);
    static int onSettermprop(VTermProp prop, VTermValue* val, void* user);
    static int onBell(void* user);
    static int onResize(int rows, int cols, VTermPos* delta, void* user);
    static int onSetlineinfo(int, const VTermLineInfo*, const VTermLineInfo*, void*) { return 1; }
    static int onOsc(const char* command, size_t size, void* user);
    static int onIgnoredCsi(const char*, const long[], int, const char*, char, void*) { return 1; }
    static int onIgnoredString(const char*, size_t, void*) { return 1; }
    static void onOutput(const char* s, size_t len, void* user);

    TerminalEmulator* q = nullptr;
    VTerm* vt = nullptr;
    VTermState* state = nullptr;
    TerminalGrid grid;
    TerminalShadowState shadow;
    TerminalScanner scanner;
    TerminalReplies replies;
    KeyEncoder keys;
    QTimer damageTimer;
    QString title;
    MouseMode mouse = MouseMode::None;
    bool reverseVideo = false;
    Notices notices;
};

TerminalEmulator::Private::Private(TerminalEmulator* owner, int columns, int rows)
    : q(owner)
    , vt(vterm_new(std::max(1, rows), std::max(1, columns)))
    , grid(columns, rows)
    , scanner(*this, shadow, grid)
    , keys(vt)
{
    vterm_set_utf8(vt, 1);
    vterm_output_set_callback(vt, &Private::onOutput, this);
    state = vterm_obtain_state(vt);
    static const VTermStateCallbacks callbacks = {
        &Private::onPutglyph,   &Private::onMovecursor,  &Private::onScrollrect,
        &Private::onMoverect,   &Private::onErase,       &Private::onInitpen,
        &Private::onSetpenattr, &Private::onSettermprop, &Private::onBell,
        &Private::onResize,     &Private::onSetlineinfo};
    vterm_state_set_callbacks(state, &callbacks, this);
    static const VTermParserCallbacks fallbacks = {nullptr,         nullptr,
                                                   nullptr,         &Private::onIgnoredCsi,
                                                   &Private::onOsc, &Private::onIgnoredString,
                                                   nullptr};
    vterm_state_set_unrecognised_fallbacks(state, &fallbacks, this);
    vterm_state_reset(state, 1);
    replies.discardPending();
    notices.title = false;
}

// The common glyph goes into the grid inline; the rest through putGlyph().
int TerminalEmulator::Private::onPutglyph(VTermGlyphInfo* info, VTermPos pos, void* user)
{
    auto* d = static_cast<Private*>(user);
    if (d->grid.putNarrow(pos.row, pos.col, info->chars, info->width, d->shadow.pen())) {
        d->shadow.setRepeatWidth(1);
        return 1;
    }
    return d->putGlyph(info, pos); // a tail call: the common path needs no stack frame
}

int TerminalEmulator::Private::putGlyph(const VTermGlyphInfo* info, VTermPos pos)
{
    if (grid.putGlyph(pos.row, pos.col, info->chars, info->width, shadow.pen()))
        shadow.setRepeatWidth(info->width);
    return 1;
}

int TerminalEmulator::Private::onMovecursor(VTermPos pos, VTermPos oldpos, int visible, void* user)
{
    Q_UNUSED(visible) // the CURSORVISIBLE property carries the same
    auto* d = static_cast<Private*>(user);
    d->grid.cursorMoved(oldpos.row, pos.row, pos.col);
    d->shadow.setCursorPosition(pos.row, pos.col);
    return 1;
}

int TerminalEmulator::Private::onScrollrect(VTermRect rect, int downward, int rightward, void* user)
{
    auto* d = static_cast<Private*>(user);
    // Not handled: libvterm falls back to moverect + erase.
    return d->grid.scroll(fromVterm(rect), downward, rightward, d->shadow.pen()) ? 1 : 0;
}

int TerminalEmulator::Private::onMoverect(VTermRect dest, VTermRect src, void* user)
{
    static_cast<Private*>(user)->grid.move(fromVterm(dest), fromVterm(src));
    return 1;
}

int TerminalEmulator::Private::onErase(VTermRect rect, int selective, void* user)
{
    Q_UNUSED(selective)
    auto* d = static_cast<Private*>(user);
    d->grid.erase(fromVterm(rect), d->shadow.pen());
    return 1;
}

int TerminalEmulator::Private::onInitpen(void* user)
{
    static_cast<Private*>(user)->shadow.resetPen();
    return 1;
}

int TerminalEmulator::Private::onSetpenattr(VTermAttr attr, VTermValue* val, void* user)
{
    TerminalShadowState& s = static_cast<Private*>(user)->shadow;
    switch (attr) {
    case VTERM_ATTR_BOLD:
        s.setPenAttribute(TerminalCell::Bold, val->boolean);
        break;
    case VTERM_ATTR_UNDERLINE:
        s.setPenAttribute(TerminalCell::Underline, val->number == 1 || val->number == 3);
        s.setPenAttribute(TerminalCell::DoubleUnderline, val->number == 2);
        break;
    case VTERM_ATTR_ITALIC:
        s.setPenAttribute(TerminalCell::Italic, val->boolean);
        break;
    case VTERM_ATTR_BLINK:
        s.setPenAttribute(TerminalCell::Blink, val->boolean);
        break;
    case VTERM_ATTR_REVERSE:
        s.setPenAttribute(TerminalCell::Reverse, val->boolean);
        break;
    case VTERM_ATTR_STRIKE:
        s.setPenAttribute(TerminalCell::Strike, val->boolean);
        break;
    case VTERM_ATTR_FOREGROUND:
        s.setPenForeground(fromVterm(val->color, true));
        break;
    case VTERM_ATTR_BACKGROUND:
        s.setPenBackground(fromVterm(val->color, false));
        break;
    default:
        break;
    }
    return 1;
}

int TerminalEmulator::Private::onSettermprop(VTermProp prop, VTermValue* val, void* user)
{
    auto* d = static_cast<Private*>(user);
    switch (prop) {
    case VTERM_PROP_CURSORVISIBLE:
        d->shadow.setCursorVisible(val->boolean);
        d->grid.cursorChanged();
        break;
    case VTERM_PROP_CURSORBLINK:
        d->shadow.setCursorBlinking(val->boolean);
        d->grid.cursorChanged();
        break;
    case VTERM_PROP_CURSORSHAPE:
        d->shadow.setCursorShape(
            val->number == VTERM_PROP_CURSORSHAPE_UNDERLINE  ? TerminalCursor::Shape::Underline
            : val->number == VTERM_PROP_CURSORSHAPE_BAR_LEFT ? TerminalCursor::Shape::Bar
                                                             : TerminalCursor::Shape::Block);
        d->grid.cursorChanged();
        break;
    case VTERM_PROP_ALTSCREEN:
        if (d->grid.setAlternate(val->boolean, d->shadow.pen()))
            d->notices.alternateScreen = true;
        break;
    case VTERM_PROP_TITLE: {
        // Control characters would let a title carry commands into a title report or a shell.
        QString title;
        const QString raw = QString::fromUtf8(val->string);
        for (const QChar c : raw) {
            const char16_t u = c.unicode();
            if (u < 0x20 || (u >= 0x7f && u < 0xa0))
                continue;
            title += c;
        }
        title.truncate(MaxTitleLength);
        if (title != d->title) {
            d->title = title;
            d->notices.title = true;
        }
        break;
    }
    case VTERM_PROP_REVERSE:
        d->reverseVideo = val->boolean;
        d->grid.markAllDirty();
        break;
    case VTERM_PROP_MOUSE: {
        const MouseMode mode = val->number == VTERM_PROP_MOUSE_CLICK  ? MouseMode::Click
                               : val->number == VTERM_PROP_MOUSE_DRAG ? MouseMode::Drag
                               : val->number == VTERM_PROP_MOUSE_MOVE ? MouseMode::Move
                                                                      : MouseMode::None;
        if (mode != d->mouse) {
            d->mouse = mode;
            d->notices.mouseMode = true;
        }
        break;
    }
    default:
        break;
    }
    return 1;
}

int TerminalEmulator::Private::onBell(void* user)
{
    ++static_cast<Private*>(user)->notices.bells;
    return 1;
}

int TerminalEmulator::Private::onResize(int rows, int cols, VTermPos* delta, void* user)
{
    auto* d = static_cast<Private*>(user);
    d->grid.resize(rows, cols, d->shadow.cursor().row, delta ? &delta->row : nullptr);
    return 1;
}

int TerminalEmulator::Private::onOsc(const char* command, size_t size, void* user)
{
    // libvterm 0.1.4 hands over a bogus length for some split strings; we never split them.
    if (size > size_t(TerminalScanner::MaxHeldSequence))
        return 1;
    static_cast<Private*>(user)->replies.noteOsc(QByteArray::fromRawData(command, qsizetype(size)));
    return 1;
}

void TerminalEmulator::Private::onOutput(const char* s, size_t len, void* user)
{
    auto* d = static_cast<Private*>(user);
    if (!d->keys.capture(s, len))
        d->replies.append(s, len);
}

TerminalEmulator::TerminalEmulator(int columns, int rows, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, columns, rows))
{
    d->grid.setScrollbackLimit(DefaultScrollbackLimit);
    d->damageTimer.setSingleShot(true);
    d->damageTimer.setInterval(16);
    connect(&d->damageTimer, &QTimer::timeout, this, &TerminalEmulator::damaged);
}

TerminalEmulator::~TerminalEmulator() = default;

void TerminalEmulator::feed(const QByteArray& bytes)
{
    feed(bytes.constData(), bytes.size());
}

void TerminalEmulator::feed(const char* bytes, qsizetype size)
{
    if (size <= 0)
        return;
    d->scanner.feed(bytes, size_t(size));
    // Signals go out after libvterm returned, so a slot may feed again safely.
    if (d->replies.hasPending()) {
        const QByteArray allowed = d->replies.takeAllowed();
        if (!allowed.isEmpty())
            Q_EMIT outputToProgram(allowed);
    }
    if (d->notices.title) {
        d->notices.title = false;
        Q_EMIT titleChanged(d->title);
    }
    for (; d->notices.bells > 0; --d->notices.bells)
        Q_EMIT bellRang();
    const QList<QByteArray> writes = d->replies.takeClipboardWrites();
    for (const QByteArray& data : writes)
        Q_EMIT clipboardWriteRequested(data);
    if (d->notices.alternateScreen) {
        d->notices.alternateScreen = false;
        Q_EMIT alternateScreenChanged(d->grid.isAlternate());
    }
    if (d->notices.mouseMode) {
        d->notices.mouseMode = false;
        Q_EMIT mouseModeChanged(d->mouse);
    }
    if (d->grid.hasDamage() && !d->damageTimer.isActive())
        d->damageTimer.start();
}

void TerminalEmulator::resize(int columns, int rows)
{
    columns = std::max(1, columns);
    rows = std::max(1, rows);
    if (columns == d->grid.columns() && rows == d->grid.rows())
        return;
    const bool fewerRows = rows < d->grid.rows();
    vterm_set_size(d->vt, rows, columns);
    if (fewerRows) {
        // libvterm 0.1.4 keeps a scroll region whose top is now past the last row, and its next
        // scroll moves memory by a negative size. The region goes back to the whole screen (as
        // in xterm), and the cursor back where it was (DECSTBM homes it).
        int row = 0;
        int column = 0;
        d->cursorPosition(&row, &column);
        const QByteArray reset = "\x1b[r\x1b[" + QByteArray::number(row + 1) + ';' +
                                 QByteArray::number(column + 1) + 'H';
        d->write(reset.constData(), size_t(reset.size()));
    }
    if (!d->damageTimer.isActive())
        d->damageTimer.start();
}

int TerminalEmulator::columns() const
{
    return d->grid.columns();
}

int TerminalEmulator::rows() const
{
    return d->grid.rows();
}

int TerminalEmulator::scrollbackSize() const
{
    return d->grid.scrollbackSize();
}

int TerminalEmulator::scrollbackLimit() const
{
    return d->grid.scrollbackLimit();
}

void TerminalEmulator::setScrollbackLimit(int lines)
{
    d->grid.setScrollbackLimit(lines);
}

int TerminalEmulator::lineCount() const
{
    return scrollbackSize() + d->grid.rows();
}

TerminalLine TerminalEmulator::line(int index) const
{
    return d->grid.line(index);
}

TerminalLine TerminalEmulator::screenRow(int row) const
{
    return line(scrollbackSize() + row);
}

TerminalCell TerminalEmulator::cell(int row, int column) const
{
    return screenRow(row).cell(column);
}

QString TerminalEmulator::text(int firstLine, int lastLine) const
{
    QString result;
    firstLine = std::max(0, firstLine);
    lastLine = std::min(lastLine, lineCount() - 1);
    for (int i = firstLine; i <= lastLine; ++i) {
        const TerminalLine l = line(i);
        if (l.isWrapped() && i < lastLine) {
            for (int column = 0; column < l.size(); ++column)
                result += l.text(column);
        } else {
            result += l.toString();
            if (i < lastLine)
                result += QLatin1Char('\n');
        }
    }
    return result;
}

QList<TerminalMatch> TerminalEmulator::find(const QString& needle, Qt::CaseSensitivity cs) const
{
    QList<TerminalMatch> matches;
    if (needle.isEmpty())
        return matches;
    QString text;
    QList<int> columnOf; // for each QChar of text, its cell
    for (int i = 0; i < lineCount(); ++i) {
        const TerminalLine l = line(i);
        text.clear();
        columnOf.clear();
        for (int column = 0; column < l.size(); ++column) {
            const QString piece = l.text(column);
            text += piece;
            for (qsizetype k = 0; k < piece.size(); ++k)
                columnOf.append(column);
        }
        qsizetype from = 0;
        while ((from = text.indexOf(needle, from, cs)) >= 0) {
            const int first = columnOf.at(from);
            const int lastCell = columnOf.at(from + needle.size() - 1);
            const int end = lastCell + l.cell(lastCell).width();
            matches.append({i, first, end - first});
            from += needle.size();
        }
    }
    return matches;
}

TerminalCursor TerminalEmulator::cursor() const
{
    return d->shadow.cursor();
}

QString TerminalEmulator::title() const
{
    return d->title;
}

bool TerminalEmulator::isAlternateScreen() const
{
    return d->grid.isAlternate();
}

bool TerminalEmulator::isReverseVideo() const
{
    return d->reverseVideo;
}

bool TerminalEmulator::bracketedPaste() const
{
    return d->keys.bracketedPaste();
}

bool TerminalEmulator::applicationCursorKeys() const
{
    return d->keys.applicationCursorKeys();
}

bool TerminalEmulator::applicationKeypad() const
{
    return d->keys.applicationKeypad();
}

TerminalEmulator::MouseMode TerminalEmulator::mouseMode() const
{
    return d->mouse;
}

TerminalDamage TerminalEmulator::takeDamage()
{
    return d->grid.takeDamage();
}

void TerminalEmulator::setDamageInterval(int ms)
{
    d->damageTimer.setInterval(std::max(0, ms));
}

QByteArray TerminalEmulator::keyBytes(Key key, Modifiers modifiers)
{
    return d->keys.keyBytes(key, modifiers);
}

QByteArray TerminalEmulator::textBytes(const QString& text, Modifiers modifiers)
{
    return d->keys.textBytes(text, modifiers);
}

QByteArray TerminalEmulator::pasteBytes(const QString& text)
{
    return d->keys.pasteBytes(text);
}

QByteArray TerminalEmulator::mouseMoveBytes(int row, int column, Modifiers modifiers)
{
    if (d->mouse == MouseMode::None)
        return {};
    return d->keys.mouseMoveBytes(row, column, modifiers);
}

QByteArray TerminalEmulator::mouseButtonBytes(int row, int column, int button, bool pressed,
                                              Modifiers modifiers)
{
    // libvterm 0.1.4 reports buttons even with mouse reporting off.
    if (d->mouse == MouseMode::None)
        return {};
    return d->keys.mouseButtonBytes(row, column, button, pressed, modifiers);
}

void TerminalEmulator::setClipboardWritesAllowed(bool allowed)
{
    d->replies.setClipboardWritesAllowed(allowed);
}

bool TerminalEmulator::clipboardWritesAllowed() const
{
    return d->replies.clipboardWritesAllowed();
}

void TerminalEmulator::setKeepClearedScreenInHistory(bool keep)
{
    d->grid.setKeepClearedScreenInHistory(keep);
}

void TerminalEmulator::setPlainTextShortcut(bool on)
{
    d->scanner.setPlainRuns(on);
}

void TerminalEmulator::setHistorySink(std::function<void(const TerminalLine&)> sink)
{
    d->grid.setHistorySink(std::move(sink));
}
