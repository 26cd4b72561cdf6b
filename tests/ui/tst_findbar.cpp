#include "common/FindBar.h"
#include "settings/Translations.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

namespace {

// Stands where a terminal would: counts the keys that reach it.
class KeySink final : public QWidget
{
public:
    int keys = 0;

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        ++keys;
        event->accept();
    }
};

} // namespace

// The find bar the log, activity-log and terminal windows share.
class TestFindBar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void textAndOptionsAskForASearch();
    void waitsForTypingToPause();
    void saysWhereTheCurrentMatchIs();
    void enterAndTheFindKeysWalkTheMatches();
    void escapeClosesOrClears();
    void keysStayInTheBar();
    void followsTheLanguage();

private:
    FindBar* make(FindBar::Features features);

    Translations m_translations;
    KeySink* m_window = nullptr;
};

void TestFindBar::initTestCase()
{
    // English plural forms come from its .qm.
    QCOMPARE(m_translations.apply(QStringLiteral("en")), QStringLiteral("en"));
}

void TestFindBar::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_window = new KeySink;
    new QVBoxLayout(m_window);
    m_window->resize(500, 60);
}

void TestFindBar::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

FindBar* TestFindBar::make(FindBar::Features features)
{
    auto* bar = new FindBar(features, m_window);
    m_window->layout()->addWidget(bar);
    bar->show();
    m_window->show();
    bool exposed = QTest::qWaitForWindowExposed(m_window);
    Q_ASSERT(exposed);
    Q_UNUSED(exposed);
    return bar;
}

void TestFindBar::textAndOptionsAskForASearch()
{
    FindBar* bar = make(FindBar::Feature::RegularExpression);
    QSignalSpy asked(bar, &FindBar::queryChanged);
    QTest::keyClicks(bar->edit(), QStringLiteral("err"));
    // No delay by default: every change asks at once.
    QCOMPARE(asked.size(), 3);
    QCOMPARE(bar->text(), QStringLiteral("err"));
    QCOMPARE(bar->caseSensitivity(), Qt::CaseInsensitive);
    QVERIFY(!bar->isRegularExpression());

    bar->findChild<QAction*>(QStringLiteral("caseSensitiveAction"))->setChecked(true);
    QCOMPARE(asked.size(), 4);
    QCOMPARE(bar->caseSensitivity(), Qt::CaseSensitive);
    bar->findChild<QAction*>(QStringLiteral("regexAction"))->setChecked(true);
    QCOMPARE(asked.size(), 5);
    QVERIFY(bar->isRegularExpression());

    // Where the search cannot take a regular expression, the bar does not offer one.
    FindBar* plain = make(FindBar::Feature::None);
    QVERIFY(!plain->findChild<QAction*>(QStringLiteral("regexAction")));
    QVERIFY(plain->findChild<QAction*>(QStringLiteral("caseSensitiveAction")));
    QVERIFY(!plain->isRegularExpression());
}

void TestFindBar::waitsForTypingToPause()
{
    FindBar* bar = make(FindBar::Feature::RegularExpression);
    bar->setSearchDelay(50);
    QSignalSpy asked(bar, &FindBar::queryChanged);
    QTest::keyClicks(bar->edit(), QStringLiteral("needle"));
    QCOMPARE(asked.size(), 0);
    QCOMPARE(bar->matchText(), QStringLiteral("Searching…"));
    QVERIFY(asked.wait());
    QCOMPARE(asked.size(), 1);

    // Enter while the delay runs searches first, then goes to a match.
    QSignalSpy next(bar, &FindBar::nextRequested);
    bar->edit()->setText(QStringLiteral("other"));
    QCOMPARE(asked.size(), 1);
    QTest::keyClick(bar->edit(), Qt::Key_Return);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(next.size(), 1);
}

void TestFindBar::saysWhereTheCurrentMatchIs()
{
    FindBar* bar = make(FindBar::Feature::None);
    bar->setMatches(-1, 0);
    QVERIFY(bar->matchText().isEmpty()); // nothing asked, nothing said

    bar->setText(QStringLiteral("x"));
    bar->setMatches(-1, 0, true);
    QCOMPARE(bar->matchText(), QStringLiteral("Searching…"));
    bar->setMatches(-1, 0);
    QCOMPARE(bar->matchText(), QStringLiteral("No matches"));
    bar->setMatches(-1, 1);
    QCOMPARE(bar->matchText(), QStringLiteral("1 match"));
    bar->setMatches(-1, 1234);
    QCOMPARE(bar->matchText(), QStringLiteral("1,234 matches"));
    bar->setMatches(1, 1234);
    QCOMPARE(bar->matchText(), QStringLiteral("2 of 1,234"));

    bar->setMessage(QStringLiteral("The regular expression is not valid"));
    QCOMPARE(bar->matchText(), QStringLiteral("The regular expression is not valid"));
    bar->setMatches(0, 3);
    QCOMPARE(bar->matchText(), QStringLiteral("1 of 3"));

    bar->setText(QString());
    QVERIFY(bar->matchText().isEmpty());
}

void TestFindBar::enterAndTheFindKeysWalkTheMatches()
{
    FindBar* bar = make(FindBar::Feature::None);
    QSignalSpy next(bar, &FindBar::nextRequested);
    QSignalSpy previous(bar, &FindBar::previousRequested);
    bar->setText(QStringLiteral("x"));

    QTest::keyClick(bar->edit(), Qt::Key_Return);
    QCOMPARE(next.size(), 1);
    QTest::keyClick(bar->edit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(previous.size(), 1);

    // A terminal's newest output is at the bottom: there Enter walks upwards.
    bar->setEnterFindsPrevious(true);
    QTest::keyClick(bar->edit(), Qt::Key_Enter);
    QCOMPARE(previous.size(), 2);
    QTest::keyClick(bar->edit(), Qt::Key_Enter, Qt::ShiftModifier);
    QCOMPARE(next.size(), 2);

    auto* nextAction = bar->findChild<QAction*>(QStringLiteral("nextMatchAction"));
    auto* previousAction = bar->findChild<QAction*>(QStringLiteral("previousMatchAction"));
    QCOMPARE(nextAction->shortcut(), QKeySequence(QKeySequence::FindNext));
    QCOMPARE(previousAction->shortcut(), QKeySequence(QKeySequence::FindPrevious));
    nextAction->trigger();
    QCOMPARE(next.size(), 3);
    previousAction->trigger();
    QCOMPARE(previous.size(), 3);
    QVERIFY(nextAction->toolTip().contains(QStringLiteral("F3")));
}

void TestFindBar::escapeClosesOrClears()
{
    FindBar* closable = make(FindBar::Feature::Closable);
    QSignalSpy closed(closable, &FindBar::closed);
    closable->activate();
    QVERIFY(closable->isVisible());
    QTest::keyClicks(closable->edit(), QStringLiteral("abc"));
    QTest::keyClick(closable->edit(), Qt::Key_Escape);
    QVERIFY(!closable->isVisible());
    QCOMPARE(closed.size(), 1);
    // Opened again, the last text is there, selected, ready to be replaced.
    closable->activate();
    QVERIFY(closable->isVisible());
    QCOMPARE(closable->edit()->selectedText(), QStringLiteral("abc"));

    // In a toolbar the bar stays; Esc empties it.
    FindBar* fixed = make(FindBar::Feature::None);
    QSignalSpy fixedClosed(fixed, &FindBar::closed);
    fixed->setText(QStringLiteral("abc"));
    QTest::keyClick(fixed->edit(), Qt::Key_Escape);
    QVERIFY(fixed->text().isEmpty());
    QVERIFY(fixed->isVisible());
    QCOMPARE(fixedClosed.size(), 0);
}

void TestFindBar::keysStayInTheBar()
{
    FindBar* bar = make(FindBar::Feature::Closable);
    bar->activate();
    for (const Qt::Key key : {Qt::Key_Up, Qt::Key_PageDown, Qt::Key_F5, Qt::Key_Return})
        QTest::keyClick(bar->edit(), key);
    QCOMPARE(m_window->keys, 0);
}

void TestFindBar::followsTheLanguage()
{
    FindBar* bar = make(FindBar::Feature::Closable);
    bar->setText(QStringLiteral("x"));
    bar->setMatches(1, 3);
    QCOMPARE(bar->matchText(), QStringLiteral("2 of 3"));
    QCOMPARE(m_translations.apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    // The language change arrives as a posted event.
    QTRY_COMPARE(bar->matchText(),
                 QCoreApplication::translate("FindBar", "%L1 of %L2").arg(2).arg(3));
    QVERIFY(bar->matchText() != QStringLiteral("2 of 3"));
    QVERIFY(bar->findChild<QAction*>(QStringLiteral("nextMatchAction"))->text() !=
            QStringLiteral("Next"));
    QCOMPARE(m_translations.apply(QStringLiteral("en")), QStringLiteral("en"));
    QTRY_COMPARE(bar->matchText(), QStringLiteral("2 of 3"));
}

QTEST_MAIN(TestFindBar)
#include "tst_findbar.moc"
