#include "text/TextWidth.h"

#include <QTest>

class TestTextWidth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void codePoints_data();
    void codePoints();
    void texts_data();
    void texts();
    void padding();
};

void TestTextWidth::codePoints_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<int>("columns");
    QTest::newRow("latin") << 0x41u << 1;
    QTest::newRow("space") << 0x20u << 1;
    QTest::newRow("e acute") << 0xE9u << 1;
    QTest::newRow("cyrillic") << 0x416u << 1;
    QTest::newRow("tab") << 0x09u << 0;
    QTest::newRow("delete") << 0x7Fu << 0;
    QTest::newRow("combining acute") << 0x301u << 0;
    QTest::newRow("zero width space") << 0x200Bu << 0;
    QTest::newRow("soft hyphen") << 0xADu << 1;
    QTest::newRow("hangul jamo initial") << 0x1100u << 2;
    QTest::newRow("hangul jamo medial") << 0x1161u << 0;
    QTest::newRow("cjk ideograph") << 0x4E2Du << 2;
    QTest::newRow("cjk extension b") << 0x20000u << 2;
    QTest::newRow("ideographic space") << 0x3000u << 2;
    QTest::newRow("ideographic comma") << 0x3001u << 2;
    QTest::newRow("hiragana") << 0x3042u << 2;
    QTest::newRow("hangul syllable") << 0xAC00u << 2;
    QTest::newRow("fullwidth comma") << 0xFF0Cu << 2;
    QTest::newRow("fullwidth A") << 0xFF21u << 2;
    QTest::newRow("halfwidth katakana") << 0xFF71u << 1;
    QTest::newRow("emoji") << 0x1F600u << 2;
    QTest::newRow("box drawing") << 0x2500u << 1;
    QTest::newRow("ellipsis") << 0x2026u << 1;
}

void TestTextWidth::codePoints()
{
    QFETCH(uint, codePoint);
    QFETCH(int, columns);
    QCOMPARE(TextWidth::codePointColumns(char32_t(codePoint)), columns);
}

void TestTextWidth::texts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("columns");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii") << QStringLiteral("NAME") << 4;
    QTest::newRow("chinese") << QStringLiteral("名称") << 4;
    QTest::newRow("mixed") << QStringLiteral("ID 镜像") << 7;
    QTest::newRow("full-width punctuation") << QStringLiteral("状态：运行中（1）") << 17;
    // A surrogate pair is one character, two columns.
    QTest::newRow("outside the bmp") << QStringLiteral("a\U0001F600b") << 4;
    QTest::newRow("decomposed") << QStringLiteral("e\u0301te\u0301") << 3;
}

void TestTextWidth::texts()
{
    QFETCH(QString, text);
    QFETCH(int, columns);
    QCOMPARE(TextWidth::columns(text), columns);
}

void TestTextWidth::padding()
{
    QCOMPARE(TextWidth::padRight(QStringLiteral("ID"), 6), QStringLiteral("ID    "));
    QCOMPARE(TextWidth::padRight(QStringLiteral("名称"), 6), QStringLiteral("名称  "));
    QCOMPARE(TextWidth::columns(TextWidth::padRight(QStringLiteral("镜像 x"), 10)), 10);
    // Never cut: a text wider than asked comes back as it was.
    QCOMPARE(TextWidth::padRight(QStringLiteral("名称名称"), 4), QStringLiteral("名称名称"));
    QCOMPARE(TextWidth::padRight(QString(), 3), QStringLiteral("   "));
}

QTEST_GUILESS_MAIN(TestTextWidth)
#include "tst_textwidth.moc"
