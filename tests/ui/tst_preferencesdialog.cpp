#include "FakeBackend.h"
#include "dialogs/PreferencesDialog.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

class TestPreferencesDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsAndSavesPreferences();
    void refusesAnAddressThatIsNone();
    void addsAnAddressTypedButNotAdded();
    void mainWindowFollowsEngineAddresses();
    void terminalPageSavesTerminalSettings();
    void sessionLogNeedsAFolderAndAFormat();

private:
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    static void clickOk(QDialog* dialog);
    // On the indicator: a wide check box does not take clicks past its text.
    static void clickBox(QCheckBox* box)
    {
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<Translations> m_translations;
};

void TestPreferencesDialog::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(settingsPath());
    m_preferences = std::make_unique<Preferences>(settingsPath());
    m_translations = std::make_unique<Translations>();
    m_translations->apply(QStringLiteral("en"));
}

void TestPreferencesDialog::cleanup()
{
    m_translations.reset();
    m_preferences.reset();
}

void TestPreferencesDialog::clickOk(QDialog* dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

void TestPreferencesDialog::showsAndSavesPreferences()
{
    m_preferences->setConfirmDelete(true);
    m_preferences->setStartAfterCreate(false);
    m_preferences->setDockerHosts({QStringLiteral("tcp://10.0.0.5:2375")});

    PreferencesDialog dialog(*m_preferences, *m_translations);
    dialog.show();
    auto* confirm = dialog.findChild<QCheckBox*>(QStringLiteral("confirmDeleteCheck"));
    auto* start = dialog.findChild<QCheckBox*>(QStringLiteral("startAfterCreateCheck"));
    auto* hosts = dialog.findChild<QListWidget*>(QStringLiteral("hostsList"));
    QVERIFY(confirm->isChecked());
    QVERIFY(!start->isChecked());
    QCOMPARE(hosts->count(), 1);

    confirm->setChecked(false);
    start->setChecked(true);
    hosts->setCurrentRow(0);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("removeHostButton")),
                      Qt::LeftButton);
    QCOMPARE(hosts->count(), 0);
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("hostEdit"));
    QTest::keyClicks(edit, QStringLiteral("unix:///run/user/1000/docker.sock"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(hosts->count(), 1);
    QVERIFY(edit->text().isEmpty());

    clickOk(&dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const Preferences reread(settingsPath());
    QVERIFY(!reread.confirmDelete());
    QVERIFY(reread.startAfterCreate());
    QCOMPARE(reread.dockerHosts(),
             QStringList{QStringLiteral("unix:///run/user/1000/docker.sock")});
}

void TestPreferencesDialog::refusesAnAddressThatIsNone()
{
    PreferencesDialog dialog(*m_preferences, *m_translations);
    dialog.show();
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("hostEdit"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("hostError"));
    QTest::keyClicks(edit, QStringLiteral("ftp://example.com"));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("addHostButton")),
                      Qt::LeftButton);
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(dialog.findChild<QListWidget*>(QStringLiteral("hostsList"))->count(), 0);

    // OK does not close over an address that cannot be used.
    clickOk(&dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY(m_preferences->dockerHosts().isEmpty());

    edit->clear();
    QVERIFY(!error->isVisible());
}

void TestPreferencesDialog::addsAnAddressTypedButNotAdded()
{
    PreferencesDialog dialog(*m_preferences, *m_translations);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("hostEdit")),
                     QStringLiteral("tcp://192.168.1.10:2375"));
    clickOk(&dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_preferences->dockerHosts(), QStringList{QStringLiteral("tcp://192.168.1.10:2375")});
}

void TestPreferencesDialog::mainWindowFollowsEngineAddresses()
{
    auto* local = new FakeBackend(QStringLiteral("local"));
    TestConnections connections(m_dir.filePath(QStringLiteral("accounts.ini")), {local});
    MainWindow window(*m_preferences, *m_translations, connections.registry);
    window.show();
    connections.registry.start();
    QCOMPARE(window.backends().size(), 1);

    const QString address = QStringLiteral("unix://") + m_dir.filePath(QStringLiteral("no.sock"));
    window.findChild<QAction*>(QStringLiteral("actionPreferences"))->trigger();
    PreferencesDialog* dialog = nullptr;
    QTRY_VERIFY(dialog = window.findChild<PreferencesDialog*>());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("hostEdit")), address);
    clickOk(dialog);

    QTRY_COMPARE(window.backends().size(), 2);
    Backend* added = window.backends().at(1);
    QCOMPARE(added->endpointDescription(), address);
    // It is connected to at once; nothing answers on that socket.
    QTRY_COMPARE(added->state(), Backend::State::Lost);
    QVERIFY(added->lastError().fullText().contains(address));

    QTRY_VERIFY(!window.findChild<PreferencesDialog*>());
    window.findChild<QAction*>(QStringLiteral("actionPreferences"))->trigger();
    QTRY_VERIFY(dialog = window.findChild<PreferencesDialog*>());
    auto* hosts = dialog->findChild<QListWidget*>(QStringLiteral("hostsList"));
    QCOMPARE(hosts->count(), 1);
    hosts->setCurrentRow(0);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("removeHostButton")),
                      Qt::LeftButton);
    clickOk(dialog);
    QTRY_COMPARE(window.backends().size(), 1);
    QCOMPARE(window.backends().first(), local);
}

void TestPreferencesDialog::terminalPageSavesTerminalSettings()
{
    m_preferences->setScrollbackLines(2500);
    m_preferences->setTerminalClipboardWrites(true);
    PreferencesDialog dialog(*m_preferences, *m_translations);
    dialog.show();
    auto* pages = dialog.findChild<QTabWidget*>(QStringLiteral("preferencePages"));
    pages->setCurrentIndex(1);
    QCOMPARE(pages->tabText(1), QStringLiteral("Terminal"));
    auto* systemFont = dialog.findChild<QCheckBox*>(QStringLiteral("systemFontCheck"));
    auto* fontCombo = dialog.findChild<QFontComboBox*>(QStringLiteral("terminalFontCombo"));
    auto* size = dialog.findChild<QSpinBox*>(QStringLiteral("terminalFontSizeSpin"));
    auto* scrollback = dialog.findChild<QSpinBox*>(QStringLiteral("scrollbackSpin"));
    auto* clipboard = dialog.findChild<QCheckBox*>(QStringLiteral("clipboardWritesCheck"));
    auto* blink = dialog.findChild<QCheckBox*>(QStringLiteral("cursorBlinkCheck"));
    auto* log = dialog.findChild<QCheckBox*>(QStringLiteral("sessionLogCheck"));
    auto* folder = dialog.findChild<QLineEdit*>(QStringLiteral("sessionLogFolderEdit"));
    auto* recordInput = dialog.findChild<QCheckBox*>(QStringLiteral("recordInputCheck"));
    QVERIFY(recordInput);
    QVERIFY(!recordInput->isChecked()); // keystrokes stay private unless asked for
    QVERIFY(systemFont->isChecked());
    QVERIFY(!fontCombo->isEnabled());
    QCOMPARE(size->value(), 0);
    QCOMPARE(size->text(), QStringLiteral("Default"));
    QCOMPARE(scrollback->value(), 2500);
    QVERIFY(clipboard->isChecked());
    QVERIFY(blink->isChecked());
    QVERIFY(!log->isChecked());
    QVERIFY(!folder->isEnabled());

    clickBox(systemFont);
    QVERIFY(fontCombo->isEnabled());
    QVERIFY(fontCombo->count() > 0);
    fontCombo->setCurrentIndex(fontCombo->count() - 1);
    const QString family = fontCombo->currentFont().family();
    size->setValue(14);
    scrollback->setValue(50000);
    clickBox(clipboard);
    clickBox(blink);
    clickBox(log);
    clickBox(recordInput);
    QVERIFY(folder->isEnabled());
    const QString logFolder = m_dir.filePath(QStringLiteral("logs"));
    QTest::keyClicks(folder, logFolder);
    QTest::mouseClick(dialog.findChild<QCheckBox*>(QStringLiteral("sessionLogTextCheck")),
                      Qt::LeftButton);
    clickOk(&dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const Preferences reread(settingsPath());
    QCOMPARE(reread.terminalFontFamily(), family);
    QCOMPARE(reread.terminalFontSize(), 14);
    QCOMPARE(reread.scrollbackLines(), 50000);
    QVERIFY(!reread.terminalClipboardWrites());
    QVERIFY(!reread.terminalCursorBlink());
    QVERIFY(reread.terminalRecordInput());
    QCOMPARE(reread.sessionLogFolder(), logFolder);
    QCOMPARE(reread.sessionLogFormats(),
             (QStringList{QStringLiteral("text"), QStringLiteral("asciicast")}));
}

void TestPreferencesDialog::sessionLogNeedsAFolderAndAFormat()
{
    PreferencesDialog dialog(*m_preferences, *m_translations);
    dialog.show();
    dialog.findChild<QTabWidget*>(QStringLiteral("preferencePages"))->setCurrentIndex(1);
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("sessionLogError"));
    auto* folder = dialog.findChild<QLineEdit*>(QStringLiteral("sessionLogFolderEdit"));
    QTest::mouseClick(dialog.findChild<QCheckBox*>(QStringLiteral("sessionLogCheck")),
                      Qt::LeftButton);
    clickOk(&dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Choose a folder for the session logs."));

    QTest::keyClicks(folder, QStringLiteral("relative/logs"));
    QVERIFY(!error->isVisible());
    clickOk(&dialog);
    QVERIFY(dialog.isVisible());
    QCOMPARE(error->text(), QStringLiteral("The session-log folder must be a full path."));

    folder->setText(m_dir.filePath(QStringLiteral("logs")));
    QTest::mouseClick(dialog.findChild<QCheckBox*>(QStringLiteral("sessionLogCastCheck")),
                      Qt::LeftButton);
    clickOk(&dialog);
    QVERIFY(dialog.isVisible());
    QCOMPARE(error->text(), QStringLiteral("Choose at least one format for the session logs."));
    QVERIFY(Preferences(settingsPath()).sessionLogFolder().isEmpty());

    QTest::mouseClick(dialog.findChild<QCheckBox*>(QStringLiteral("sessionLogHtmlCheck")),
                      Qt::LeftButton);
    clickOk(&dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Preferences reread(settingsPath());
    QCOMPARE(reread.sessionLogFolder(), m_dir.filePath(QStringLiteral("logs")));
    QCOMPARE(reread.sessionLogFormats(), QStringList{QStringLiteral("html")});
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
