#pragma once

#include "terminal/TerminalEmulator.h"

#include <QByteArray>
#include <QString>

#include <cstddef>

struct VTerm;

// Keys, typed text, pastes and mouse events as the bytes a program expects, in the modes it set
// (application cursor keys and keypad, bracketed paste, the mouse protocol). libvterm keeps
// those modes to itself: its keyboard encoder writes into its output, which capture() takes
// while an encoding runs.
class KeyEncoder final
{
public:
    using Key = TerminalEmulator::Key;
    using Modifiers = TerminalEmulator::Modifiers;

    explicit KeyEncoder(VTerm* vt);
    Q_DISABLE_COPY_MOVE(KeyEncoder)

    // For libvterm's output callback: true when the bytes belong to an encoding under way.
    bool capture(const char* bytes, size_t size)
    {
        if (!m_capturing)
            return false;
        m_captured.append(bytes, qsizetype(size));
        return true;
    }

    QByteArray keyBytes(Key key, Modifiers modifiers);
    QByteArray textBytes(const QString& text, Modifiers modifiers);
    // Without markers that would end the bracket early; line ends as the Enter key sends them.
    QByteArray pasteBytes(const QString& text);
    QByteArray mouseMoveBytes(int row, int column, Modifiers modifiers);
    QByteArray mouseButtonBytes(int row, int column, int button, bool pressed, Modifiers modifiers);

    bool bracketedPaste();
    bool applicationCursorKeys();
    bool applicationKeypad();

private:
    void begin();
    QByteArray end();

    VTerm* m_vt = nullptr;
    bool m_capturing = false;
    QByteArray m_captured;
};
