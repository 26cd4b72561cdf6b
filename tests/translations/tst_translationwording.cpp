#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>
#include <QXmlStreamReader>

// House rules for the Chinese text that lupdate cannot check: 您, never 你; full-width
// punctuation (，；：（）) inside Chinese sentences.
class TestTranslationWording final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkerCatchesWhatItShould_data();
    void checkerCatchesWhatItShould();
    void syntaxKeepsItsPunctuation();
    void chineseFollowsTheHouseRules();

public:
    // What is wrong with one translation; empty when nothing is.
    // source: a syntax written in it ("HOST:CONTAINER") keeps its punctuation in the translation.
    static QStringList problems(const QString& text, const QString& source = {});

private:
    struct Entry
    {
        QString context;
        QString source;
        QString translation;
    };
    QList<Entry> m_entries;
};

namespace {

bool isChinese(QChar c)
{
    const char16_t u = c.unicode();
    return c.script() == QChar::Script_Han || (u >= 0x3000 && u <= 0x303F) ||
           (u >= 0xFF00 && u <= 0xFF60);
}

// The character next to `at` in direction `step`, looking past one space.
QChar neighbour(const QString& text, qsizetype at, int step)
{
    qsizetype i = at + step;
    if (i >= 0 && i < text.size() && text.at(i) == QLatin1Char(' '))
        i += step;
    return i >= 0 && i < text.size() ? text.at(i) : QChar();
}

// Brackets Qt reads keep their half-width form: "(&C)", a Chinese label's accelerator, and
// "(*.log *.txt)", a file dialog's name filter.
bool isForQt(const QString& text, qsizetype at)
{
    static const QRegularExpression accelerator(QStringLiteral("\\((?:&[^)]|\\*[^)]*)\\)"));
    const qsizetype from = std::max<qsizetype>(0, at - 3);
    auto match = accelerator.match(text, from);
    while (match.hasMatch() && match.capturedStart() <= at) {
        if (at < match.capturedEnd())
            return true;
        match = accelerator.match(text, match.capturedStart() + 1);
    }
    return false;
}

} // namespace

QStringList TestTranslationWording::problems(const QString& text, const QString& source)
{
    QStringList found;
    if (text.contains(QChar(0x4F60))) // 你
        found << QStringLiteral("uses 你 (write 您)");
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!QStringView(u",;:()").contains(c) || isForQt(text, i))
            continue;
        const bool tight =
            i > 0 && i + 1 < text.size() && !text.at(i - 1).isSpace() && !text.at(i + 1).isSpace();
        if (tight && source.contains(QRegularExpression(
                         QStringLiteral("\\w%1\\w").arg(QRegularExpression::escape(c)))))
            continue;
        if (isChinese(neighbour(text, i, -1)) || isChinese(neighbour(text, i, 1)))
            found << QStringLiteral("half-width '%1' beside Chinese text (use ，；：（）)").arg(c);
    }
    return found;
}

void TestTranslationWording::initTestCase()
{
    QFile file(QStringLiteral(ZH_CN_TS));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            entry.context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") &&
                   xml.attributes().value(QLatin1String("numerus")).isEmpty()) {
            // A plural's forms are <numerusform> children, read below.
            const QString text =
                xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            entry.translation = text;
            m_entries.append(entry);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(m_entries.size() > 100);
}

void TestTranslationWording::checkerCatchesWhatItShould_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problems");
    QTest::newRow("clean") << QStringLiteral("无法连接：%1（请检查网络）") << 0;
    QTest::newRow("ni") << QStringLiteral("你确定吗？") << 1;
    QTest::newRow("nin") << QStringLiteral("您确定吗？") << 0;
    QTest::newRow("colon") << QStringLiteral("请求失败: %1") << 1;
    QTest::newRow("comma between") << QStringLiteral("已停止,正在删除") << 1;
    QTest::newRow("brackets") << QStringLiteral("地域 (%1)") << 1;
    QTest::newRow("accelerator") << QStringLiteral("区分大小写(&C)") << 0;
    QTest::newRow("latin only") << QStringLiteral("%1 (%2): %3") << 0;
    QTest::newRow("url") << QStringLiteral("https://eci.aliyuncs.com") << 0;
    QTest::newRow("file filter") << QStringLiteral("纯文本 (*.log *.txt)") << 0;
}

void TestTranslationWording::checkerCatchesWhatItShould()
{
    QFETCH(QString, text);
    QFETCH(int, problems);
    QCOMPARE(TestTranslationWording::problems(text).size(), problems);
}

void TestTranslationWording::syntaxKeepsItsPunctuation()
{
    const QString translation = QStringLiteral("请填写 主机端口:容器端口");
    QCOMPARE(problems(translation).size(), 1);
    QCOMPARE(problems(translation, QStringLiteral("write HOST:CONTAINER")).size(), 0);
    QCOMPARE(problems(QStringLiteral("失败:原因"), QStringLiteral("Failed: reason")).size(), 1);
}

void TestTranslationWording::chineseFollowsTheHouseRules()
{
    QStringList report;
    for (const Entry& entry : std::as_const(m_entries)) {
        const QStringList found = problems(entry.translation, entry.source);
        if (!found.isEmpty())
            report << QStringLiteral("%1 \"%2\" -> \"%3\": %4")
                          .arg(entry.context, entry.source, entry.translation,
                               found.join(QStringLiteral("; ")));
    }
    for (const QString& line : std::as_const(report))
        qWarning().noquote() << line;
    QVERIFY2(report.isEmpty(),
             qPrintable(QStringLiteral("%1 Chinese translations break the rules (listed above)")
                            .arg(report.size())));
}

QTEST_GUILESS_MAIN(TestTranslationWording)
#include "tst_translationwording.moc"
