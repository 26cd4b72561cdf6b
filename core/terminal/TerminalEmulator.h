#pragma once

#include "terminal/TerminalCell.h"
#include "terminal/TerminalTypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

// The terminal's model: libvterm's parser and state driving a grid and a history of our own.
// Line indexes run from 0 (oldest history line) to lineCount() - 1 (last screen row);
// screen row r is line scrollbackSize() + r.
class TerminalEmulator final : public QObject
{
    Q_OBJECT
public:
    enum class Key
    {
        Up,
        Down,
        Left,
        Right,
        Home,
        End,
        PageUp,
        PageDown,
        Insert,
        Delete,
        Backspace,
        Tab,
        Enter,
        Escape,
        F1,
        F2,
        F3,
        F4,
        F5,
        F6,
        F7,
        F8,
        F9,
        F10,
        F11,
        F12
    };
    Q_ENUM(Key)
    enum class Modifier
    {
        None = 0,
        Shift = 1,
        Alt = 2,
        Ctrl = 4
    };
    Q_DECLARE_FLAGS(Modifiers, Modifier)
    enum class MouseMode
    {
        None,
        Click,
        Drag,
        Move
    };
    Q_ENUM(MouseMode)

    static constexpr int DefaultScrollbackLimit = 10000;

    explicit TerminalEmulator(int columns = 80, int rows = 24, QObject* parent = nullptr);
    ~TerminalEmulator() override;
    Q_DISABLE_COPY_MOVE(TerminalEmulator)

    // Bytes from the program. Any split is fine, also inside UTF-8 or escape sequences.
    void feed(const QByteArray& bytes);
    void feed(const char* bytes, qsizetype size);
    void resize(int columns, int rows);

    int columns() const;
    int rows() const;
    int scrollbackSize() const;
    int scrollbackLimit() const;
    void setScrollbackLimit(int lines);
    int lineCount() const;
    TerminalLine line(int index) const;
    TerminalLine screenRow(int row) const;
    TerminalCell cell(int row, int column) const;
    // Text of lines [first, last]; soft-wrapped lines are joined without a line break.
    QString text(int firstLine, int lastLine) const;
    QList<TerminalMatch> find(const QString& needle,
                              Qt::CaseSensitivity cs = Qt::CaseInsensitive) const;

    TerminalCursor cursor() const;
    QString title() const;
    bool isAlternateScreen() const;
    bool isReverseVideo() const;
    bool bracketedPaste() const;
    bool applicationCursorKeys() const;
    bool applicationKeypad() const;
    MouseMode mouseMode() const;

    // The coalesced damage since the last call; damaged() announces there is some.
    TerminalDamage takeDamage();
    // Delay between the first change and damaged(); 0 means the next event-loop turn.
    void setDamageInterval(int ms);

    // Bytes to send to the program for a key, typed text, or a paste.
    QByteArray keyBytes(Key key, Modifiers modifiers = Modifier::None);
    QByteArray textBytes(const QString& text, Modifiers modifiers = Modifier::None);
    QByteArray pasteBytes(const QString& text);
    // Mouse report for the program's mouse mode; button 1-3, 4/5 wheel; empty when off.
    QByteArray mouseMoveBytes(int row, int column, Modifiers modifiers = Modifier::None);
    QByteArray mouseButtonBytes(int row, int column, int button, bool pressed,
                                Modifiers modifiers = Modifier::None);

    void setClipboardWritesAllowed(bool allowed);
    bool clipboardWritesAllowed() const;
    // For exports: a full-screen erase on the main screen first moves the screen into history.
    void setKeepClearedScreenInHistory(bool keep);
    // Called with every line that leaves the screen for the history, limit or not.
    void setHistorySink(std::function<void(const TerminalLine&)> sink);
    // On (the default), runs of printable ASCII are written into the grid directly instead of
    // one callback per character from libvterm, with the same result. Tests and the benchmark
    // turn it off to compare.
    void setPlainTextShortcut(bool on);

Q_SIGNALS:
    void damaged();
    // Replies for the program: only device attributes, device status and cursor position.
    void outputToProgram(const QByteArray& bytes);
    void titleChanged(const QString& title);
    void bellRang();
    void clipboardWriteRequested(const QByteArray& data);
    void alternateScreenChanged(bool on);
    void mouseModeChanged(TerminalEmulator::MouseMode mode);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(TerminalEmulator::Modifiers)
