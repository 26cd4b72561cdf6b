#include "terminal/TerminalEmulator.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <vterm.h>

namespace {

// Everything the view can read, as text, to compare emulators fed in different ways.
QString snapshot(const TerminalEmulator& t)
{
    QString s;
    const TerminalCursor c = t.cursor();
    s += QStringLiteral("size %1x%2 history %3 cursor %4,%5 visible %6 alt %7 title [%8]\n")
             .arg(t.columns())
             .arg(t.rows())
             .arg(t.scrollbackSize())
             .arg(c.row)
             .arg(c.column)
             .arg(c.visible)
             .arg(t.isAlternateScreen())
             .arg(t.title());
    for (int i = 0; i < t.lineCount(); ++i) {
        const TerminalLine line = t.line(i);
        s += QStringLiteral("%1%2|").arg(i).arg(line.isWrapped() ? QStringLiteral("w") : QString());
        for (int col = 0; col < line.size(); ++col) {
            const TerminalCell cell = line.cell(col);
            s += QStringLiteral("%1/%2.%3.%4.%5/%6.%7.%8.%9/%10 ")
                     .arg(line.text(col))
                     .arg(cell.foreground.kind)
                     .arg(cell.foreground.red)
                     .arg(cell.foreground.green)
                     .arg(cell.foreground.blue)
                     .arg(cell.background.kind)
                     .arg(cell.background.red)
                     .arg(cell.background.green)
                     .arg(cell.background.blue)
                     .arg(cell.attributes, 0, 16);
        }
        s += QLatin1Char('\n');
    }
    return s;
}

QByteArray richSample()
{
    QByteArray b;
    b += "\x1b]0;sample title\x07";
    for (int i = 0; i < 60; ++i) {
        b += "line " + QByteArray::number(i) + " \x1b[1;31mred\x1b[0m \x1b[38;5;" +
             QByteArray::number(i * 4 % 256) + "m256\x1b[0m \x1b[38;2;10;20;" +
             QByteArray::number(i) +
             "mtrue\x1b[m \xe4\xb8\xad\xe6\x96\x87 e\xcc\x81 \xf0\x9f\x98\x80\r\n";
    }
    b += "\x1b[2;10r\x1b[5;1Hin region\x1b[S\x1b[T\x1b[2L\x1b[M\x1b[r";
    b += "\x1b[3;5H\x1b[4@\x1b[2P\x1b[K\x1b[1J";
    b += "\x1b[?1049h\x1b[Halt screen text\x1b[?1049l";
    b += QByteArray(300, 'x') + "\r\n"; // soft wraps
    b += "\x1b]2;second \x1b\\";
    b += "\x1b]52;c;aGVsbG8=\x07\x1bP$qm\x1b\\";
    b += "\x1b[8mhidden\x1b[28m shown \x1b[?25l";
    b += "\x1b[5;3Hover\x1b[1;1H";
    return b;
}

void feedInChunks(TerminalEmulator& t, const QByteArray& bytes, const QList<int>& sizes)
{
    qsizetype pos = 0;
    int i = 0;
    while (pos < bytes.size()) {
        const qsizetype n = qMin<qsizetype>(sizes.at(i++ % sizes.size()), bytes.size() - pos);
        t.feed(bytes.constData() + pos, n);
        pos += n;
    }
}

// Line by line, so that a failure shows the line that differs.
void compareLines(const QString& actual, const QString& expected)
{
    const QStringList a = actual.split(QLatin1Char('\n'));
    const QStringList e = expected.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < qMin(a.size(), e.size()); ++i) {
        if (a.at(i) == e.at(i))
            continue;
        qsizetype at = 0;
        while (at < a.at(i).size() && at < e.at(i).size() && a.at(i).at(at) == e.at(i).at(at))
            ++at;
        const qsizetype from = qMax<qsizetype>(0, at - 60);
        QFAIL(qPrintable(QStringLiteral("line %1 differs at %2:\n got  %3\n want %4")
                             .arg(i)
                             .arg(at)
                             .arg(a.at(i).mid(from, 120), e.at(i).mid(from, 120))));
    }
    QCOMPARE(a.size(), e.size());
}

// libvterm's own screen layer, as a reference for what our grid must hold.
class ReferenceScreen
{
public:
    ReferenceScreen(int columns, int rows)
        : m_vt(vterm_new(rows, columns))
    {
        vterm_set_utf8(m_vt, 1);
        m_screen = vterm_obtain_screen(m_vt);
        vterm_screen_enable_altscreen(m_screen, 1);
        vterm_screen_reset(m_screen, 1);
    }
    ~ReferenceScreen() { vterm_free(m_vt); }
    Q_DISABLE_COPY_MOVE(ReferenceScreen)

    void feed(const QByteArray& bytes)
    {
        vterm_input_write(m_vt, bytes.constData(), size_t(bytes.size()));
    }

    // Each cell as its characters (marks included); blanks and right halves of wide ones as ".".
    // Widths are left out: after a write into half a wide character the two grids legitimately
    // keep different widths.
    QString row(int r, int columns) const
    {
        QString s;
        for (int c = 0; c < columns; ++c) {
            VTermScreenCell cell;
            vterm_screen_get_cell(m_screen, {r, c}, &cell);
            // (uint32_t)-1: the right half of a wide character whose left half was erased.
            if (cell.chars[0] == 0 || cell.chars[0] == U' ' || cell.chars[0] == 0xffffffffU) {
                s += QStringLiteral(".");
                continue;
            }
            for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; ++i) {
                const char32_t ch = cell.chars[i];
                s += QString::fromUcs4(&ch, 1);
            }
        }
        return s;
    }

private:
    VTerm* m_vt = nullptr;
    VTermScreen* m_screen = nullptr;
};

QString ourRow(const TerminalEmulator& t, int r)
{
    const TerminalLine line = t.screenRow(r);
    QString s;
    for (int c = 0; c < t.columns(); ++c) {
        const TerminalCell cell = line.cell(c);
        if (cell.codepoint == 0 || cell.codepoint == U' ') {
            s += QStringLiteral(".");
            continue;
        }
        s += line.text(c);
    }
    return s;
}

// A random mix of text (combining marks, and wide characters or else edits inside a row: libvterm's
// screen layer itself garbles wide characters cut by those) and the sequences that move rows.
QByteArray randomOperations(QRandomGenerator& random, int count, bool wide)
{
    static const char* const common[] = {"hello ",
                                         "e\xcc\x81\xcc\xa7",
                                         "\r\n",
                                         "\n",
                                         "\r",
                                         "\x1b[2;7r",
                                         "\x1b[r",
                                         "\x1b[1;5r",
                                         "\x1b[3L",
                                         "\x1b[2M",
                                         "\x1b[2K",
                                         "\x1b[J",
                                         "\x1b[1J",
                                         "\x1b[S",
                                         "\x1b[2T",
                                         "\x1bM",
                                         "\x1b[?1049h",
                                         "\x1b[?1049l",
                                         "\x1b[41m",
                                         "\x1b[0m",
                                         "\x1b[?7l",
                                         "\x1b[?7h",
                                         "0123456789abcdefghijklmnopqrstuvwxyz"};
    static const char* const wideOnly[] = {"\xe4\xb8\xad\xe6\x96\x87", "\xe7\xbb\x88"};
    static const char* const narrowOnly[] = {"\x1b[4@", "\x1b[3P", "\x1b[K", "\x1b[1K",
                                             "\x1b[5X", "\t",      "\b"};
    QByteArray bytes;
    for (int i = 0; i < count; ++i) {
        const int pick = int(random.bounded(int(std::size(common)) + 4));
        if (pick < int(std::size(common))) {
            bytes += common[pick];
        } else if (pick == int(std::size(common))) {
            bytes += "\x1b[" + QByteArray::number(random.bounded(1, 12)) + ';' +
                     QByteArray::number(random.bounded(1, 30)) + 'H';
        } else if (wide) {
            bytes += wideOnly[random.bounded(int(std::size(wideOnly)))];
        } else {
            bytes += narrowOnly[random.bounded(int(std::size(narrowOnly)))];
        }
    }
    return bytes;
}

// Printable ASCII of a random length, up to several rows.
QByteArray asciiRun(QRandomGenerator& random, int longest)
{
    QByteArray run(int(random.bounded(1, longest)), ' ');
    for (char& c : run)
        c = char(random.bounded(0x20, 0x7f));
    return run;
}

// Everything that changes what libvterm does with printable text: charsets and shifts, insert
// and origin modes and margins, pending wraps, REP, combining marks right after a run, sequences
// with controls inside, strings left without a terminator, malformed UTF-8, resets.
QByteArray randomShortcutOperations(QRandomGenerator& random, int count, bool lineAttributes)
{
    static const char* const operations[] = {"\r\n",
                                             "\r",
                                             "\n",
                                             "\t",
                                             "\b",
                                             "\x7f",
                                             "\x1b[0m",
                                             "\x1b[1;4;31m",
                                             "\x1b[38;5;202;48;2;1;2;3m",
                                             "\x1b[8m",
                                             "\x1b[28m",
                                             "\x1b[7m",
                                             "\xcc\x81",
                                             "e\xcc\x81",
                                             "\xe4\xb8\xad",
                                             "\x1b[3b",
                                             "\x1b(0",
                                             "\x1b(B",
                                             "\x1b)0",
                                             "\x1b)B",
                                             "\x1b(A",
                                             "\x0e",
                                             "\x0f",
                                             "\x1bn",
                                             "\x1bo",
                                             "\x1bN",
                                             "\x1bO",
                                             "\x1b*0",
                                             "\x1b+B",
                                             "\x1b(\x0e0",
                                             "\x1b[4h",
                                             "\x1b[4l",
                                             "\x1b[4;1h",
                                             "\x1b[1;4h",
                                             "\x1b[4\x0fh",
                                             "\x1b[?6h",
                                             "\x1b[?6l",
                                             "\x1b[?69h",
                                             "\x1b[?69l",
                                             "\x1b[3;12s",
                                             "\x1b[2;6r",
                                             "\x1b[r",
                                             "\x1b[?7l",
                                             "\x1b[?7h",
                                             "\x1b"
                                             "7",
                                             "\x1b"
                                             "8",
                                             "\x1b"
                                             "c",
                                             "\x1b[!p",
                                             "\x1b[?1049h",
                                             "\x1b[?1049l",
                                             "\x1b]2;ti\x0etle\x07",
                                             "\x1b]2;abandoned\x1b[31m",
                                             "\x1b]2;x\x1b\x0e\\",
                                             "\x1b\xc3"
                                             "A",
                                             "\x1b\x7f(0",
                                             "\x1b[4\xc3h",
                                             "\x1b[?4;6h",
                                             "\x1b[00004h",
                                             "\xe4\xb8",
                                             "\xe4\r",
                                             "\xf8\x88\x80\x80\x80",
                                             "\x80",
                                             "\x1b[5@",
                                             "\x1b[3P",
                                             "\x1b[2K",
                                             "\x1b[J",
                                             "\x1b[S",
                                             "\x1b[2T",
                                             "\x1bM",
                                             "\x1b[10G",
                                             "\x1b[5C",
                                             "\x1b[3D",
                                             "\x1b[2X"};
    QByteArray bytes;
    for (int i = 0; i < count; ++i) {
        const int pick = int(random.bounded(int(std::size(operations)) + 6));
        if (pick < int(std::size(operations)))
            bytes += operations[pick];
        else if (pick < int(std::size(operations)) + 4)
            bytes += asciiRun(random, 120);
        else if (pick == int(std::size(operations)) + 4)
            bytes += "\x1b[" + QByteArray::number(random.bounded(1, 14)) + ';' +
                     QByteArray::number(random.bounded(1, 50)) + 'H';
        else if (lineAttributes)
            bytes += random.bounded(2) ? "\x1b#6" : "\x1b#5";
    }
    return bytes;
}

QList<int> randomChunks(QRandomGenerator& random)
{
    QList<int> sizes;
    for (int i = 0; i < 16; ++i)
        sizes.append(int(random.bounded(1, 200)));
    return sizes;
}

} // namespace

class TestTerminalEmulator final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainText()
    {
        TerminalEmulator t(20, 5);
        t.feed("hello\r\nworld");
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("hello"));
        QCOMPARE(t.screenRow(1).toString(), QStringLiteral("world"));
        QCOMPARE(t.cursor().row, 1);
        QCOMPARE(t.cursor().column, 5);
        QCOMPARE(t.cell(0, 1).codepoint, char32_t(U'e'));
    }

    void splitWriteInvariance()
    {
        const QByteArray sample = richSample();
        TerminalEmulator whole(40, 12);
        whole.feed(sample);
        const QString expected = snapshot(whole);
        QVERIFY(expected.contains(QStringLiteral("second")));

        TerminalEmulator bytewise(40, 12);
        feedInChunks(bytewise, sample, {1});
        compareLines(snapshot(bytewise), expected);

        for (int round = 0; round < 20; ++round) {
            QList<int> sizes;
            for (int i = 0; i < 64; ++i)
                sizes.append(QRandomGenerator::global()->bounded(1, 40));
            TerminalEmulator chunked(40, 12);
            feedInChunks(chunked, sample, sizes);
            compareLines(snapshot(chunked), expected);
        }
    }

    void utf8SplitAcrossFeeds()
    {
        TerminalEmulator t(20, 3);
        const QByteArray text = "a\xe4\xb8\xad\xf0\x9f\x98\x80z";
        for (char c : text)
            t.feed(&c, 1);
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("a中😀z"));
        QCOMPARE(t.cursor().column, 6);
    }

    void colours()
    {
        TerminalEmulator t(40, 3);
        t.feed("\x1b[31mA\x1b[92mB\x1b[38;5;200mC\x1b[38;2;1;2;3mD\x1b[48;5;17mE\x1b[48;2;250;251;"
               "252mF"
               "\x1b[0mG\x1b[44mH\x1b[39;49mI");
        QCOMPARE(t.cell(0, 0).foreground, TerminalColor::indexed(1));
        QCOMPARE(t.cell(0, 1).foreground, TerminalColor::indexed(10));
        QCOMPARE(t.cell(0, 2).foreground, TerminalColor::indexed(200));
        QCOMPARE(t.cell(0, 3).foreground, TerminalColor::rgb(1, 2, 3));
        QCOMPARE(t.cell(0, 4).background, TerminalColor::indexed(17));
        QCOMPARE(t.cell(0, 5).background, TerminalColor::rgb(250, 251, 252));
        QCOMPARE(t.cell(0, 6).foreground, TerminalColor());
        QCOMPARE(t.cell(0, 6).background, TerminalColor());
        QCOMPARE(t.cell(0, 7).background, TerminalColor::indexed(4));
        QVERIFY(t.cell(0, 8).background.isDefault());
        QCOMPARE(TerminalColor::indexed(1).toRgb(0), 0xcd0000u);
        QCOMPARE(TerminalColor::indexed(196).toRgb(0), 0xff0000u);
        QCOMPARE(TerminalColor::indexed(232).toRgb(0), 0x080808u);
    }

    void attributes()
    {
        TerminalEmulator t(40, 3);
        t.feed("\x1b[1ma\x1b[3mb\x1b[4mc\x1b[7md\x1b[9me\x1b[5mf\x1b[8mg\x1b[0mh\x1b[21mi\x1b[0;"
               "8mj\x1b[28mk"
               "\x1b[38;5;8ml");
        using C = TerminalCell;
        QCOMPARE(t.cell(0, 0).attributes, quint16(C::Bold));
        QCOMPARE(t.cell(0, 1).attributes, quint16(C::Bold | C::Italic));
        QCOMPARE(t.cell(0, 2).attributes, quint16(C::Bold | C::Italic | C::Underline));
        QCOMPARE(t.cell(0, 5).attributes,
                 quint16(C::Bold | C::Italic | C::Underline | C::Reverse | C::Strike | C::Blink));
        QVERIFY(t.cell(0, 6).has(C::Conceal));
        QCOMPARE(t.cell(0, 7).attributes, quint16(0));
        QVERIFY(t.cell(0, 8).has(C::DoubleUnderline));
        QCOMPARE(t.cell(0, 9).attributes, quint16(C::Conceal));
        QCOMPARE(t.cell(0, 10).attributes, quint16(0));
        // 8 as a colour index is not concealment
        QCOMPARE(t.cell(0, 11).attributes, quint16(0));
        QCOMPARE(t.cell(0, 11).foreground, TerminalColor::indexed(8));
    }

    void wideAndCombining()
    {
        TerminalEmulator t(10, 3);
        t.feed("\xe4\xb8\xad\xe6\x96\x87x e\xcc\x81\xcc\xa3");
        QVERIFY(t.cell(0, 0).has(TerminalCell::Wide));
        QVERIFY(t.cell(0, 1).has(TerminalCell::WideTail));
        QCOMPARE(t.cell(0, 2).codepoint, char32_t(0x6587));
        QCOMPARE(t.cell(0, 4).codepoint, char32_t(U'x'));
        QCOMPARE(t.screenRow(0).text(6), QStringLiteral("e\u0301\u0323"));
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("中文x e\u0301\u0323"));
        QCOMPARE(t.cursor().column, 7);
        // A wide character that does not fit in the last column wraps whole.
        TerminalEmulator narrow(5, 3);
        narrow.feed("abcd\xe4\xb8\xad");
        QCOMPARE(narrow.screenRow(0).toString(), QStringLiteral("abcd"));
        QCOMPARE(narrow.screenRow(1).toString(), QStringLiteral("中"));
        // Overwriting a combined cell drops its marks.
        t.feed("\r\x1b[6Cz");
        QCOMPARE(t.screenRow(0).text(6), QStringLiteral("z"));
    }

    void alternateScreen()
    {
        TerminalEmulator t(20, 4);
        QSignalSpy spy(&t, &TerminalEmulator::alternateScreenChanged);
        t.feed("main\r\n");
        t.feed("\x1b[?1049h");
        QVERIFY(t.isAlternateScreen());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(t.screenRow(0).toString(), QString());
        for (int i = 0; i < 10; ++i)
            t.feed("alt line\r\n");
        QCOMPARE(t.scrollbackSize(), 0); // no history while on the alternate screen
        t.feed("\x1b[?1049l");
        QVERIFY(!t.isAlternateScreen());
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("main"));
        QCOMPARE(t.cursor().row, 1);
        QCOMPARE(spy.count(), 2);
    }

    void scrollRegion()
    {
        TerminalEmulator t(10, 5);
        t.feed("0\r\n1\r\n2\r\n3\r\n4");
        t.feed("\x1b[2;4r\x1b[4;1H\n"); // scroll rows 2-4 (1-based) up by one
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("0"));
        QCOMPARE(t.screenRow(1).toString(), QStringLiteral("2"));
        QCOMPARE(t.screenRow(2).toString(), QStringLiteral("3"));
        QCOMPARE(t.screenRow(3).toString(), QString());
        QCOMPARE(t.screenRow(4).toString(), QStringLiteral("4"));
        QCOMPARE(t.scrollbackSize(), 0); // the region does not start at the top
        t.feed("\x1b[2;1H\x1b[M");       // delete line inside the region
        QCOMPARE(t.screenRow(1).toString(), QStringLiteral("3"));
        t.feed("\x1b[r\x1b[1;1H\x1b[2@"); // insert characters: a horizontal move
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("  0"));
        t.feed("\x1b[1;4r\x1b[4;1H\n"); // a region from the top feeds the history
        QCOMPARE(t.scrollbackSize(), 1);
        QCOMPARE(t.line(0).toString(), QStringLiteral("  0"));
        QCOMPARE(t.screenRow(3).toString(), QString());
        QCOMPARE(t.screenRow(4).toString(), QStringLiteral("4"));
    }

    // Our grid (ring of rows, flat cells, marks out of line) against libvterm's screen layer.
    void matchesLibvtermScreen()
    {
        const quint32 seed = qEnvironmentVariableIsSet("TERMINAL_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("TERMINAL_TEST_SEED"))
                                 : QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        for (int round = 0; round < 30; ++round) {
            const int columns = int(random.bounded(8, 40));
            const int rows = int(random.bounded(4, 14));
            TerminalEmulator ours(columns, rows);
            ours.setScrollbackLimit(int(random.bounded(0, 20)));
            ReferenceScreen reference(columns, rows);
            QByteArray fed;
            for (int step = 0; step < 20; ++step) {
                const QByteArray bytes = randomOperations(random, 12, round % 2);
                fed += bytes;
                ours.feed(bytes);
                reference.feed(bytes);
                for (int r = 0; r < rows; ++r) {
                    if (ourRow(ours, r) != reference.row(r, columns)) {
                        QFAIL(qPrintable(QStringLiteral("seed %1 size %2x%3 row %4:\n"
                                                        " ours %5\n want %6\n after %7")
                                             .arg(seed)
                                             .arg(columns)
                                             .arg(rows)
                                             .arg(r)
                                             .arg(ourRow(ours, r), reference.row(r, columns),
                                                  QString::fromLatin1(fed.toPercentEncoding()))));
                    }
                }
            }
        }
    }

    // The shortcut for printable ASCII must leave exactly what libvterm's own text path leaves:
    // every cell with its colours and attributes, marks, soft wraps, history and cursor, for
    // any split of the bytes.
    void plainTextShortcutMatchesLibvtermPath()
    {
        const quint32 seed = qEnvironmentVariableIsSet("TERMINAL_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("TERMINAL_TEST_SEED"))
                                 : QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        for (int round = 0; round < 60; ++round) {
            const int columns = int(random.bounded(12, 100));
            const int rows = int(random.bounded(3, 14));
            const QByteArray bytes = randomShortcutOperations(random, 400, round % 10 == 9);
            TerminalEmulator shortcut(columns, rows);
            shortcut.setScrollbackLimit(50);
            TerminalEmulator throughLibvterm(columns, rows);
            throughLibvterm.setScrollbackLimit(50);
            throughLibvterm.setPlainTextShortcut(false);
            // The same split for both: libvterm's own text path is not split-invariant in
            // places (a combining mark after a glyph in the last column, split from it).
            const QList<int> chunks = randomChunks(random);
            feedInChunks(shortcut, bytes, chunks);
            feedInChunks(throughLibvterm, bytes, chunks);
            const QString got = snapshot(shortcut);
            const QString want = snapshot(throughLibvterm);
            if (got != want) {
                qWarning("seed %u round %d, %dx%d, bytes: %s", seed, round, columns, rows,
                         bytes.toPercentEncoding().constData());
                compareLines(got, want);
            }
        }
    }

    // Random bytes mixed with pieces of sequences, random sizes and resizes: nothing hangs or
    // crashes, the cursor stays on the screen, rows fit the width, and the shortcut never finds
    // libvterm's cursor somewhere it did not expect (it would warn and turn itself off).
    void randomBytesKeepTheGridSound()
    {
        static const char* const pieces[] = {"\x1b",     "[",
                                             "]",        "P",
                                             "?",        ";",
                                             "0",        "1",
                                             "4",        "6",
                                             "8",        "m",
                                             "h",        "l",
                                             "b",        "r",
                                             "s",        "H",
                                             "K",        "J",
                                             "X",        "@",
                                             "L",        "M",
                                             "S",        "T",
                                             "#",        "(",
                                             ")",        "*",
                                             "\x07",     "\x0e",
                                             "\x0f",     "\x18",
                                             "\x7f",     "\x80",
                                             "\x9b",     "\xe4\xb8\xad",
                                             "\xcc\x81", "\xe4",
                                             "\\",       "\r",
                                             "\n",       "\t",
                                             "\b",       "abcdefghijklmnopqrstuvwxyz0123456789",
                                             "7",        "c",
                                             "n",        "$",
                                             "q",        "!",
                                             "p",        "`",
                                             "G",        "C"};
        const quint32 seed = qEnvironmentVariableIsSet("TERMINAL_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("TERMINAL_TEST_SEED"))
                                 : QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        static bool warned = false;
        warned = false;
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& m) {
                if (m.contains(QLatin1String("shortcut off")))
                    warned = true;
            });
        for (int round = 0; round < 150; ++round) {
            TerminalEmulator t(int(random.bounded(1, 130)), int(random.bounded(1, 50)));
            t.setScrollbackLimit(int(random.bounded(0, 60)));
            t.setKeepClearedScreenInHistory(random.bounded(2));
            for (int step = 0; step < 100; ++step) {
                QByteArray bytes;
                for (int i = int(random.bounded(1, 60)); i > 0; --i) {
                    if (random.bounded(4) == 0)
                        bytes += char(random.bounded(256));
                    else
                        bytes += pieces[random.bounded(int(std::size(pieces)))];
                }
                t.feed(bytes);
                if (random.bounded(40) == 0)
                    t.resize(int(random.bounded(1, 130)), int(random.bounded(1, 50)));
                const TerminalCursor cursor = t.cursor();
                QVERIFY2(cursor.row >= 0 && cursor.row < t.rows() && cursor.column >= 0 &&
                             cursor.column < t.columns(),
                         qPrintable(QStringLiteral("seed %1 round %2").arg(seed).arg(round)));
            }
            QCOMPARE(t.lineCount(), t.scrollbackSize() + t.rows());
            for (int r = 0; r < t.rows(); ++r)
                QVERIFY(t.screenRow(r).size() <= t.columns());
        }
        qInstallMessageHandler(previous);
        QVERIFY2(!warned, qPrintable(QStringLiteral("seed %1").arg(seed)));
    }

    void plainTextShortcutCases()
    {
        const QByteArray cases[] = {
            // DEC line drawing in GL: q is a horizontal line, not a q.
            "\x1b(0" + QByteArray(30, 'q') + "\x1b(B" + QByteArray(30, 'q'),
            // ... and through SO with G1 designated, then SI.
            "\x1b)0\x0e" + QByteArray(20, 'x') + "\x0f" + QByteArray(20, 'x'),
            // Insert mode pushes the row right.
            QByteArray(40, 'a') + "\r\x1b[4h" + QByteArray(20, 'b') + "\x1b[4l" +
                QByteArray(12, 'c'),
            // A combining mark and REP right after a run.
            QByteArray("abcdefghijklmnop\xcc\x81\x1b[3b"),
            // A run that fills the row exactly, then one that wraps.
            QByteArray(60, 'w') + QByteArray(75, 'z'),
            // A double-width line set just before a run, in the same read.
            "\x1b#6" + QByteArray(40, 'd'),
            // A string left by ESC [: the rest is a CSI, not text.
            "\x1b]2;title\x1b[31mred text after it",
            // ESC then a byte above 0x7f: libvterm still waits for the escape's final byte.
            "\x1b\xc3" + QByteArray("Mabcdefghijklmnopqrstuvwxyz"),
        };
        for (const QByteArray& bytes : cases) {
            TerminalEmulator shortcut(60, 6);
            TerminalEmulator throughLibvterm(60, 6);
            throughLibvterm.setPlainTextShortcut(false);
            shortcut.feed(bytes);
            throughLibvterm.feed(bytes);
            compareLines(snapshot(shortcut), snapshot(throughLibvterm));
        }
        TerminalEmulator t(60, 3);
        t.feed("\x1b(0" + QByteArray(12, 'q'));
        QCOMPARE(t.screenRow(0).toString(), QString(12, QChar(0x2500)));
        t.feed("\r\n\x1b(B" + QByteArray(12, 'q'));
        QCOMPARE(t.screenRow(1).toString(), QString(12, QLatin1Char('q')));
    }

    // Each of these hung or crashed libvterm 0.1.4 (or our grid behind it) before it was guarded.
    void libvtermTrapsAreGuarded()
    {
        // REP with nothing printed yet, and after a zero-width glyph: libvterm looped forever.
        TerminalEmulator fresh(20, 3);
        fresh.feed("\x1b[3b");
        fresh.feed("\xe1\x85\xa0\x1b[5b"); // U+1160, zero width and not combining
        fresh.feed("\r\nab\x1b[3b");
        QCOMPARE(fresh.screenRow(1).toString(), QStringLiteral("abbbb"));
        // ESC, a control and then "\" inside a string: libvterm read it with a length of SIZE_MAX.
        TerminalEmulator title(20, 3);
        title.feed("\x1b]2;name\x1b\x0e\\after");
        QCOMPARE(title.title(), QStringLiteral("name"));
        QCOMPARE(title.screenRow(0).toString(), QStringLiteral("after"));
        // An ESC cut short by the next one, and a DCS string (dropped) after it: the first ESC
        // must not meet the "8" that follows and become DECRC.
        TerminalEmulator lone(20, 5);
        lone.feed("ab\x1b"
                  "7\r\n\x1b\x1bP\x07"
                  "8");
        QCOMPARE(lone.screenRow(1).toString(), QStringLiteral("8"));
        QCOMPARE(lone.cursor().row, 1);
        // U+0085 as UTF-8: libvterm printed it with width -1 and put the cursor in column -1,
        // where HTS wrote before its tab stops.
        TerminalEmulator c1(20, 3);
        c1.feed("\xc2\x85\x1bH\xc2");
        c1.feed("\x9bx");
        QCOMPARE(c1.cursor().column, 3);
        QCOMPARE(c1.screenRow(0).toString(), QStringLiteral("\ufffd\ufffdx"));
        c1.feed("\xc2\x9d"); // shown at once, not held for the next read
        QCOMPARE(c1.screenRow(0).toString(), QStringLiteral("\ufffd\ufffdx\ufffd"));
        // Double-width lines (libvterm erased past their half with a reversed rectangle, and could
        // put the cursor in column -1): they are not kept, and the line keeps its full width.
        TerminalEmulator wide(40, 3);
        wide.feed("\x1b[1;30H\x1b#6\x1b[K\x1b[2X\x1b[3P\x1b[2@x");
        QCOMPARE(wide.cursor().column, 30);
        wide.feed("\r\n\x1b#6" + QByteArray(30, 'w'));
        QCOMPARE(wide.cursor().row, 1);
        QCOMPARE(wide.cursor().column, 30);
        // A scroll region whose top is past the last row after the window shrank: libvterm then
        // moved memory by a negative size on the next scroll.
        TerminalEmulator shrunk(40, 50);
        shrunk.feed("\x1b[20;40r\x1b[25;3H");
        shrunk.resize(40, 10);
        QCOMPARE(shrunk.cursor().row, 9);
        QCOMPARE(shrunk.cursor().column, 2);
        for (int i = 0; i < 15; ++i)
            shrunk.feed("line " + QByteArray::number(i) + "\r\n");
        QCOMPARE(shrunk.screenRow(8).toString(), QStringLiteral("line 14"));
        // A cursor saved before the screen shrank, restored after it: libvterm then wrote its
        // line table past the end (here through DECDWL).
        for (const QByteArray& restore : {QByteArray("\x1b"
                                                     "8"),
                                          QByteArray("\x1b[?1048l"), QByteArray("\x1b[?1049l")}) {
            TerminalEmulator saved(60, 40);
            saved.feed("\x1b[35;50H" + (restore == "\x1b"
                                                   "8"
                                            ? QByteArray("\x1b"
                                                         "7")
                                            : "\x1b[?" + restore.mid(3, 4) + 'h'));
            saved.resize(20, 5);
            saved.feed(restore + "\x1b#6text");
            QCOMPARE(saved.cursor().row, 4);
            QVERIFY(saved.cursor().column < 20);
        }
        // With nothing after the restore, the cursor is on the smaller screen all the same.
        for (const QByteArray& restore : {QByteArray("\x1b"
                                                     "8"),
                                          QByteArray("\x1b[?1048l"), QByteArray("\x1b[?1049l")}) {
            TerminalEmulator saved(20, 6);
            saved.feed("\x1b[6;20H" + (restore == "\x1b"
                                                  "8"
                                           ? QByteArray("\x1b"
                                                        "7")
                                           : "\x1b[?" + restore.mid(3, 4) + 'h'));
            saved.resize(5, 2);
            saved.feed(restore);
            QCOMPARE(saved.cursor().row, 1);
            QCOMPARE(saved.cursor().column, 4);
            const TerminalDamage damage = saved.takeDamage();
            for (int row : damage.rows)
                QVERIFY(row >= 0 && row < 2);
            saved.feed("z");
            QCOMPARE(saved.screenRow(1).toString(), QStringLiteral("z").rightJustified(5));
        }
        // A CSI with more than 16 arguments: libvterm wrote past its argument array and crashed.
        // It is dropped, also when it is held over many reads; 16 arguments still pass.
        TerminalEmulator many(20, 3);
        many.feed("a\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17mb\x1b[" + QByteArray(40, ':') +
                  "Hc\x1b[");
        for (int i = 0; i < 20; ++i)
            many.feed(QByteArray(64 * 1024, ';'));
        many.feed("md\x1b[1;2;3;4;5;6;7;8;9;0;0;0;0;0;0;1me");
        QCOMPARE(many.screenRow(0).toString(), QStringLiteral("abcde"));
        QVERIFY(!many.cell(0, 3).has(TerminalCell::Bold));
        QVERIFY(many.cell(0, 4).has(TerminalCell::Bold));
    }

    // A character cut short by a control shows as U+FFFD where it was cut, and the text after
    // it is untouched (libvterm itself would keep the partial character and put U+FFFD in front
    // of some later text).
    void brokenUtf8BecomesReplacement()
    {
        TerminalEmulator t(40, 3);
        t.feed("a\xe4\xb8\rb\x1b[5Ccdefghijklmnop");
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("b\ufffd    cdefghijklmnop"));
        TerminalEmulator split(40, 3);
        split.feed("a\xe4");
        split.feed("\xb8");
        split.feed("\rb\x1b[5Ccdefghijklmnop");
        QCOMPARE(split.screenRow(0).toString(), t.screenRow(0).toString());
    }

    void historyRingKeepsOrderAndMarks()
    {
        TerminalEmulator t(12, 3);
        t.setScrollbackLimit(700);
        QStringList fed;
        // Enough lines to cycle the line ring and the cell chunks several times.
        for (int i = 0; i < 5000; ++i) {
            const QByteArray line =
                (i % 7 ? QByteArray("n") : QByteArray("e\xcc\x81")) + QByteArray::number(i);
            t.feed(line + "\r\n");
            fed.append(QString::fromUtf8(line));
        }
        QCOMPARE(t.scrollbackSize(), 700);
        // 5000 lines fed, 2 on screen (the last row is empty): history holds 4298..4997.
        for (int k = 0; k < 700; ++k)
            QCOMPARE(t.line(k).toString(), fed.at(4298 + k));
        t.setScrollbackLimit(10);
        QCOMPARE(t.scrollbackSize(), 10);
        QCOMPARE(t.line(0).toString(), fed.at(4988));
        t.setScrollbackLimit(100);
        for (int i = 0; i < 50; ++i)
            t.feed("m" + QByteArray::number(i) + "\r\n");
        QCOMPARE(t.scrollbackSize(), 60);
        QCOMPARE(t.line(0).toString(), fed.at(4988));
        QCOMPARE(t.line(59).toString(), QStringLiteral("m47"));
    }

    void scrollbackLimit()
    {
        TerminalEmulator t(10, 3);
        QCOMPARE(t.scrollbackLimit(), 10000);
        t.setScrollbackLimit(5);
        for (int i = 0; i < 20; ++i)
            t.feed("l" + QByteArray::number(i) + "\r\n");
        QCOMPARE(t.scrollbackSize(), 5);
        QCOMPARE(t.line(0).toString(), QStringLiteral("l13"));
        QCOMPARE(t.line(4).toString(), QStringLiteral("l17"));
        QCOMPARE(t.line(0).size(), 3); // trailing blanks are not stored
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("l18"));
        t.setScrollbackLimit(2);
        QCOMPARE(t.scrollbackSize(), 2);
        QCOMPARE(t.line(0).toString(), QStringLiteral("l16"));
    }

    void titleStripped()
    {
        TerminalEmulator t(10, 3);
        QSignalSpy spy(&t, &TerminalEmulator::titleChanged);
        t.feed("\x1b]2;a\tb\x7f\xc2\x9b"
               "c\x1b\\");
        QCOMPARE(t.title(), QStringLiteral("abc"));
        QCOMPARE(spy.count(), 1);
        // Split across feeds, also right before the string terminator.
        t.feed("\x1b]0;new ti");
        t.feed("tle\x1b");
        t.feed("\\");
        QCOMPARE(t.title(), QStringLiteral("new title"));
        QCOMPARE(spy.count(), 2);
    }

    void softWrapAndText()
    {
        TerminalEmulator t(5, 4);
        t.feed("abcdefgh\r\nxy");
        QVERIFY(t.screenRow(0).isWrapped());
        QVERIFY(!t.screenRow(1).isWrapped());
        QCOMPARE(t.text(0, 2), QStringLiteral("abcdefgh\nxy"));
        t.feed("\r\nabcde\r\nz");
        QVERIFY(!t.screenRow(2).isWrapped()); // explicit CR LF after the last column
    }

    void search()
    {
        TerminalEmulator t(20, 3);
        t.setScrollbackLimit(100);
        t.feed("Foo bar\r\n中文 foo\r\nx\r\ny\r\nFOO");
        QCOMPARE(t.scrollbackSize(), 2);
        const QList<TerminalMatch> all = t.find(QStringLiteral("foo"));
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0), (TerminalMatch{0, 0, 3}));
        QCOMPARE(all.at(1), (TerminalMatch{1, 5, 3})); // after two wide characters
        QCOMPARE(all.at(2), (TerminalMatch{4, 0, 3}));
        QCOMPARE(t.find(QStringLiteral("foo"), Qt::CaseSensitive).size(), 1);
        QCOMPARE(t.find(QStringLiteral("文 f")).first(), (TerminalMatch{1, 2, 4}));
    }

    void damageIsCoalesced()
    {
        TerminalEmulator t(10, 5);
        t.setDamageInterval(0);
        t.takeDamage();
        QSignalSpy spy(&t, &TerminalEmulator::damaged);
        for (int i = 0; i < 5; ++i)
            t.feed("x");
        t.feed("\r\n\x1b[3;1Hy");
        QCOMPARE(spy.count(), 0); // never from inside feed()
        QVERIFY(spy.wait(1000));
        QTest::qWait(20);
        QCOMPARE(spy.count(), 1);
        const TerminalDamage damage = t.takeDamage();
        QVERIFY(damage.rows.contains(0));
        QVERIFY(damage.rows.contains(2));
        QVERIFY(!damage.rows.contains(4));
        QVERIFY(t.takeDamage().isEmpty());
    }

    void keys()
    {
        TerminalEmulator t(10, 3);
        using K = TerminalEmulator::Key;
        using M = TerminalEmulator::Modifier;
        QCOMPARE(t.keyBytes(K::Up), QByteArray("\x1b[A"));
        QVERIFY(!t.applicationCursorKeys());
        t.feed("\x1b[?1h");
        QVERIFY(t.applicationCursorKeys());
        QCOMPARE(t.keyBytes(K::Up), QByteArray("\x1bOA"));
        QCOMPARE(t.keyBytes(K::Up, M::Ctrl), QByteArray("\x1b[1;5A"));
        QCOMPARE(t.keyBytes(K::Enter), QByteArray("\r"));
        QCOMPARE(t.keyBytes(K::Tab, M::Shift), QByteArray("\x1b[Z"));
        QCOMPARE(t.keyBytes(K::F1), QByteArray("\x1bOP"));
        QCOMPARE(t.keyBytes(K::F5), QByteArray("\x1b[15~"));
        QCOMPARE(t.keyBytes(K::Delete), QByteArray("\x1b[3~"));
        QCOMPARE(t.keyBytes(K::PageUp), QByteArray("\x1b[5~"));
        QCOMPARE(t.keyBytes(K::Escape), QByteArray("\x1b"));
        QCOMPARE(t.keyBytes(K::Backspace), QByteArray("\x7f"));
        QCOMPARE(t.textBytes(QStringLiteral("c"), M::Ctrl), QByteArray("\x03"));
        QCOMPARE(t.textBytes(QStringLiteral("x"), M::Alt), QByteArray("\x1bx"));
        QCOMPARE(t.textBytes(QStringLiteral("中")), QByteArray("\xe4\xb8\xad"));
        QVERIFY(!t.applicationKeypad());
        t.feed("\x1b=");
        QVERIFY(t.applicationKeypad());
        // Key encodings never reach the program as replies.
        QSignalSpy replies(&t, &TerminalEmulator::outputToProgram);
        t.keyBytes(K::Up);
        QCOMPARE(replies.count(), 0);
    }

    void paste()
    {
        TerminalEmulator t(10, 3);
        QVERIFY(!t.bracketedPaste());
        QCOMPARE(t.pasteBytes(QStringLiteral("a\nb")), QByteArray("a\rb"));
        t.feed("\x1b[?2004h");
        QVERIFY(t.bracketedPaste());
        QCOMPARE(t.pasteBytes(QStringLiteral("ls\x1b[201~; rm -rf ~\r\n")),
                 QByteArray("\x1b[200~ls; rm -rf ~\r\x1b[201~"));
        QCOMPARE(t.pasteBytes(QStringLiteral("\x1b[20\x1b[201~1~x")),
                 QByteArray("\x1b[200~x\x1b[201~"));
        t.feed("\x1b[?2004l");
        QVERIFY(!t.bracketedPaste());
    }

    void mouseModes()
    {
        TerminalEmulator t(10, 3);
        QCOMPARE(t.mouseMode(), TerminalEmulator::MouseMode::None);
        QVERIFY(t.mouseButtonBytes(0, 0, 1, true).isEmpty());
        QVERIFY(t.mouseButtonBytes(0, 0, 1, false).isEmpty());
        t.feed("\x1b[?1000h\x1b[?1006h");
        QCOMPARE(t.mouseMode(), TerminalEmulator::MouseMode::Click);
        QCOMPARE(t.mouseButtonBytes(1, 2, 1, true), QByteArray("\x1b[<0;3;2M"));
        QCOMPARE(t.mouseButtonBytes(1, 2, 1, false), QByteArray("\x1b[<0;3;2m"));
        t.feed("\x1b[?1003h");
        QCOMPARE(t.mouseMode(), TerminalEmulator::MouseMode::Move);
    }

    void cursorProperties()
    {
        TerminalEmulator t(10, 3);
        QVERIFY(t.cursor().visible);
        t.feed("\x1b[?25l\x1b[6 q");
        QVERIFY(!t.cursor().visible);
        QCOMPARE(t.cursor().shape, TerminalCursor::Shape::Bar);
        QVERIFY(!t.cursor().blinking);
        t.feed("\x1b[?25h\x1b[3 q");
        QVERIFY(t.cursor().visible);
        QCOMPARE(t.cursor().shape, TerminalCursor::Shape::Underline);
        QSignalSpy bell(&t, &TerminalEmulator::bellRang);
        t.feed("\a\a");
        QCOMPARE(bell.count(), 2);
    }

    void resize()
    {
        TerminalEmulator t(10, 5);
        t.feed("1\r\n2\r\n3\r\n4\r\n5");
        t.resize(6, 3);
        QCOMPARE(t.rows(), 3);
        QCOMPARE(t.columns(), 6);
        // The cursor's row stays visible; the lines above went into the history.
        QCOMPARE(t.screenRow(2).toString(), QStringLiteral("5"));
        QCOMPARE(t.cursor().row, 2);
        QCOMPARE(t.scrollbackSize(), 2);
        t.resize(12, 6);
        QCOMPARE(t.screenRow(2).toString(), QStringLiteral("5"));
        t.feed("abc");
        QCOMPARE(t.screenRow(2).toString(), QStringLiteral("5abc"));
    }

    void hugeUnterminatedStringIsDropped()
    {
        TerminalEmulator t(10, 3);
        t.feed("a\x1b]2;");
        for (int i = 0; i < 40; ++i)
            t.feed(QByteArray(64 * 1024, 'z'));
        t.feed("\x07"
               "b");
        QCOMPARE(t.screenRow(0).toString(), QStringLiteral("ab"));
        QCOMPARE(t.title(), QString());
    }
};

QTEST_GUILESS_MAIN(TestTerminalEmulator)
#include "tst_terminalemulator.moc"
