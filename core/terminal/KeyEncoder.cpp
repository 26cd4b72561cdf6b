#include "terminal/KeyEncoder.h"

#include <vterm.h>

#include <utility>

namespace {

VTermModifier toVterm(KeyEncoder::Modifiers modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & TerminalEmulator::Modifier::Shift)
        mod |= VTERM_MOD_SHIFT;
    if (modifiers & TerminalEmulator::Modifier::Alt)
        mod |= VTERM_MOD_ALT;
    if (modifiers & TerminalEmulator::Modifier::Ctrl)
        mod |= VTERM_MOD_CTRL;
    return VTermModifier(mod);
}

VTermKey toVterm(KeyEncoder::Key key)
{
    using Key = KeyEncoder::Key;
    switch (key) {
    case Key::Up:
        return VTERM_KEY_UP;
    case Key::Down:
        return VTERM_KEY_DOWN;
    case Key::Left:
        return VTERM_KEY_LEFT;
    case Key::Right:
        return VTERM_KEY_RIGHT;
    case Key::Home:
        return VTERM_KEY_HOME;
    case Key::End:
        return VTERM_KEY_END;
    case Key::PageUp:
        return VTERM_KEY_PAGEUP;
    case Key::PageDown:
        return VTERM_KEY_PAGEDOWN;
    case Key::Insert:
        return VTERM_KEY_INS;
    case Key::Delete:
        return VTERM_KEY_DEL;
    case Key::Backspace:
        return VTERM_KEY_BACKSPACE;
    case Key::Tab:
        return VTERM_KEY_TAB;
    case Key::Enter:
        return VTERM_KEY_ENTER;
    case Key::Escape:
        return VTERM_KEY_ESCAPE;
    default:
        return VTermKey(VTERM_KEY_FUNCTION(1 + int(key) - int(Key::F1)));
    }
}

} // namespace

KeyEncoder::KeyEncoder(VTerm* vt)
    : m_vt(vt)
{}

void KeyEncoder::begin()
{
    m_capturing = true;
    m_captured.clear();
}

QByteArray KeyEncoder::end()
{
    m_capturing = false;
    return std::exchange(m_captured, {});
}

QByteArray KeyEncoder::keyBytes(Key key, Modifiers modifiers)
{
    begin();
    vterm_keyboard_key(m_vt, toVterm(key), toVterm(modifiers));
    return end();
}

QByteArray KeyEncoder::textBytes(const QString& text, Modifiers modifiers)
{
    begin();
    const QList<uint> codepoints = text.toUcs4();
    for (uint c : codepoints)
        vterm_keyboard_unichar(m_vt, c, toVterm(modifiers));
    return end();
}

QByteArray KeyEncoder::pasteBytes(const QString& text)
{
    QString clean = text;
    // A paste must not end the bracket early; removing one marker may form another.
    for (;;) {
        const qsizetype before = clean.size();
        clean.remove(QStringLiteral("\x1b[201~"));
        clean.remove(QStringLiteral("\x1b[200~"));
        if (clean.size() == before)
            break;
    }
    clean.replace(QStringLiteral("\r\n"), QStringLiteral("\r"));
    clean.replace(QLatin1Char('\n'), QLatin1Char('\r'));
    begin();
    vterm_keyboard_start_paste(m_vt);
    m_captured += clean.toUtf8();
    vterm_keyboard_end_paste(m_vt);
    return end();
}

QByteArray KeyEncoder::mouseMoveBytes(int row, int column, Modifiers modifiers)
{
    begin();
    vterm_mouse_move(m_vt, row, column, toVterm(modifiers));
    return end();
}

QByteArray KeyEncoder::mouseButtonBytes(int row, int column, int button, bool pressed,
                                        Modifiers modifiers)
{
    m_capturing = true;
    vterm_mouse_move(m_vt, row, column, toVterm(modifiers));
    m_captured.clear(); // the press carries the position itself
    vterm_mouse_button(m_vt, button, pressed, toVterm(modifiers));
    return end();
}

// libvterm 0.1.4 keeps these modes private; its keyboard encoder shows them exactly.
bool KeyEncoder::bracketedPaste()
{
    begin();
    vterm_keyboard_start_paste(m_vt);
    return !end().isEmpty();
}

bool KeyEncoder::applicationCursorKeys()
{
    begin();
    vterm_keyboard_key(m_vt, VTERM_KEY_UP, VTERM_MOD_NONE);
    return end().startsWith("\x1bO");
}

bool KeyEncoder::applicationKeypad()
{
    begin();
    vterm_keyboard_key(m_vt, VTERM_KEY_KP_0, VTERM_MOD_NONE);
    return end().startsWith("\x1bO");
}
