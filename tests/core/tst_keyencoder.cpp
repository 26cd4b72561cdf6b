#include "terminal/KeyEncoder.h"

#include <QTest>

#include <vterm.h>

namespace {

// libvterm with the encoder on its output, as the emulator wires it; what the encoder does not
// take is collected as output to the program.
class Terminal
{
public:
    Terminal()
        : m_vt(vterm_new(24, 80))
        , encoder(m_vt)
    {
        vterm_set_utf8(m_vt, 1);
        vterm_output_set_callback(m_vt, &Terminal::onOutput, this);
        vterm_state_reset(vterm_obtain_state(m_vt), 1);
    }
    ~Terminal() { vterm_free(m_vt); }
    Q_DISABLE_COPY_MOVE(Terminal)

    void feed(const QByteArray& bytes)
    {
        vterm_input_write(m_vt, bytes.constData(), size_t(bytes.size()));
    }

private:
    static void onOutput(const char* s, size_t len, void* user)
    {
        auto* t = static_cast<Terminal*>(user);
        if (!t->encoder.capture(s, len))
            t->other.append(s, qsizetype(len));
    }

    VTerm* m_vt;

public:
    KeyEncoder encoder;
    QByteArray other;
};

using K = TerminalEmulator::Key;
using M = TerminalEmulator::Modifier;

} // namespace

class TestKeyEncoder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keys()
    {
        Terminal t;
        KeyEncoder& e = t.encoder;
        QCOMPARE(e.keyBytes(K::Up, M::None), QByteArray("\x1b[A"));
        QCOMPARE(e.keyBytes(K::Up, M::Ctrl), QByteArray("\x1b[1;5A"));
        QCOMPARE(e.keyBytes(K::Home, M::None), QByteArray("\x1b[H"));
        QCOMPARE(e.keyBytes(K::Enter, M::None), QByteArray("\r"));
        QCOMPARE(e.keyBytes(K::Tab, M::Shift), QByteArray("\x1b[Z"));
        QCOMPARE(e.keyBytes(K::F1, M::None), QByteArray("\x1bOP"));
        QCOMPARE(e.keyBytes(K::F12, M::None), QByteArray("\x1b[24~"));
        QCOMPARE(e.keyBytes(K::Insert, M::None), QByteArray("\x1b[2~"));
        QCOMPARE(e.keyBytes(K::PageDown, M::None), QByteArray("\x1b[6~"));
        QCOMPARE(e.keyBytes(K::Backspace, M::None), QByteArray("\x7f"));
        QCOMPARE(e.keyBytes(K::Escape, M::None), QByteArray("\x1b"));
        QVERIFY(t.other.isEmpty()); // encodings are not output to the program
    }

    void modesSetByTheProgram()
    {
        Terminal t;
        KeyEncoder& e = t.encoder;
        QVERIFY(!e.applicationCursorKeys());
        QVERIFY(!e.applicationKeypad());
        QVERIFY(!e.bracketedPaste());
        t.feed("\x1b[?1h\x1b=\x1b[?2004h");
        QVERIFY(e.applicationCursorKeys());
        QVERIFY(e.applicationKeypad());
        QVERIFY(e.bracketedPaste());
        QCOMPARE(e.keyBytes(K::Up, M::None), QByteArray("\x1bOA"));
        t.feed("\x1b[?1l\x1b>\x1b[?2004l");
        QVERIFY(!e.applicationCursorKeys());
        QVERIFY(!e.applicationKeypad());
        QVERIFY(!e.bracketedPaste());
    }

    void text()
    {
        Terminal t;
        KeyEncoder& e = t.encoder;
        QCOMPARE(e.textBytes(QStringLiteral("ab"), M::None), QByteArray("ab"));
        QCOMPARE(e.textBytes(QStringLiteral("c"), M::Ctrl), QByteArray("\x03"));
        QCOMPARE(e.textBytes(QStringLiteral("x"), M::Alt), QByteArray("\x1bx"));
        QCOMPARE(e.textBytes(QStringLiteral("中😀"), M::None),
                 QByteArray("\xe4\xb8\xad\xf0\x9f\x98\x80"));
    }

    void paste()
    {
        Terminal t;
        KeyEncoder& e = t.encoder;
        QCOMPARE(e.pasteBytes(QStringLiteral("a\nb\r\nc")), QByteArray("a\rb\rc"));
        t.feed("\x1b[?2004h");
        // The end marker inside a paste would let the rest run as commands.
        QCOMPARE(e.pasteBytes(QStringLiteral("ls\x1b[201~; rm -rf ~\n")),
                 QByteArray("\x1b[200~ls; rm -rf ~\r\x1b[201~"));
        QCOMPARE(e.pasteBytes(QStringLiteral("\x1b[20\x1b[200~1~x")),
                 QByteArray("\x1b[200~x\x1b[201~"));
    }

    void mouse()
    {
        Terminal t;
        KeyEncoder& e = t.encoder;
        t.feed("\x1b[?1003h\x1b[?1006h");
        QCOMPARE(e.mouseButtonBytes(1, 2, 1, true, M::None), QByteArray("\x1b[<0;3;2M"));
        QCOMPARE(e.mouseButtonBytes(1, 2, 1, false, M::None), QByteArray("\x1b[<0;3;2m"));
        QCOMPARE(e.mouseButtonBytes(0, 0, 4, true, M::None), QByteArray("\x1b[<64;1;1M"));
        QCOMPARE(e.mouseMoveBytes(4, 5, M::None), QByteArray("\x1b[<35;6;5M"));
        QVERIFY(t.other.isEmpty());
    }

    void captureOnlyDuringAnEncoding()
    {
        Terminal t;
        t.feed("\x1b[6n"); // a cursor position report is output, not an encoding
        QCOMPARE(t.other, QByteArray("\x1b[1;1R"));
        QVERIFY(!t.encoder.capture("x", 1));
    }
};

QTEST_GUILESS_MAIN(TestKeyEncoder)
#include "tst_keyencoder.moc"
