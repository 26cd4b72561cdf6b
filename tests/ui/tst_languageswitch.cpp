#include "FakeBackend.h"
#include "dialogs/CreateSandboxDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestLanguageSwitch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void switchesTheRunningWindow();
    void switchesAnOpenDialog();
    void preferencesSwitchAtOnce();

private:
    QString menuTitle(int index) const;
    QString header(int column) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<Translations> m_translations;
    MainWindow* m_window = nullptr;
    FakeBackend* m_backend = nullptr;
    std::unique_ptr<TestConnections> m_connections;
};

void TestLanguageSwitch::init()
{
    QVERIFY(m_dir.isValid());
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_translations = std::make_unique<Translations>();
    QCOMPARE(m_translations->apply(QStringLiteral("en")), QStringLiteral("en"));
    m_backend = new FakeBackend(QStringLiteral("fake"));
    m_connections = std::make_unique<TestConnections>(
        m_dir.filePath(QStringLiteral("accounts.ini")), QList<Backend*>{m_backend});
    m_window = new MainWindow(*m_preferences, *m_translations, m_connections->registry);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_backend->connectToBackend();
    m_backend->add(QStringLiteral("web-1"), QStringLiteral("nginx"), SandboxStatus::Running);
}

void TestLanguageSwitch::cleanup()
{
    delete m_window;
    m_connections.reset();
    m_translations.reset();
    m_preferences.reset();
}

QString TestLanguageSwitch::menuTitle(int index) const
{
    return m_window->menuBar()->actions().at(index)->text();
}

QString TestLanguageSwitch::header(int column) const
{
    return m_window->findChild<QTableView*>(QStringLiteral("sandboxTable"))
        ->model()
        ->headerData(column, Qt::Horizontal)
        .toString();
}

void TestLanguageSwitch::switchesTheRunningWindow()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Sandboxes"));
    QCOMPARE(menuTitle(0), QStringLiteral("&File"));
    QCOMPARE(header(SandboxTableModel::NameColumn), QStringLiteral("Name"));
    auto* statusFilter = m_window->findChild<QComboBox*>(QStringLiteral("statusFilter"));
    QCOMPARE(statusFilter->itemText(0), QStringLiteral("All"));
    statusFilter->setCurrentIndex(1);
    auto* details = m_window->findChild<QTabWidget*>(QStringLiteral("detailsPane"));
    QCOMPARE(details->tabText(0), QStringLiteral("Summary"));

    // The change reaches top-level windows through the event loop.
    QCOMPARE(m_translations->apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("沙箱"));
    QCOMPARE(menuTitle(0), QStringLiteral("文件(&F)"));
    QCOMPARE(menuTitle(1), QStringLiteral("沙箱(&S)"));
    QCOMPARE(header(SandboxTableModel::NameColumn), QStringLiteral("名称"));
    QCOMPARE(header(SandboxTableModel::StatusColumn), QStringLiteral("状态"));
    QCOMPARE(statusFilter->itemText(0), QStringLiteral("全部"));
    QCOMPARE(statusFilter->itemText(1), QStringLiteral("运行中"));
    QCOMPARE(statusFilter->currentIndex(), 1);
    QCOMPARE(details->tabText(0), QStringLiteral("摘要"));
    QCOMPARE(m_window->findChild<QDockWidget*>(QStringLiteral("connectionsDock"))->windowTitle(),
             QStringLiteral("连接"));
    auto* table = m_window->findChild<QTableView*>(QStringLiteral("sandboxTable"));
    QCOMPARE(table->model()->index(0, SandboxTableModel::StatusColumn).data().toString(),
             QStringLiteral("运行中"));

    QCOMPARE(m_translations->apply(QStringLiteral("en")), QStringLiteral("en"));
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("Sandboxes"));
    QCOMPARE(menuTitle(0), QStringLiteral("&File"));
    QCOMPARE(header(SandboxTableModel::NameColumn), QStringLiteral("Name"));
    QCOMPARE(statusFilter->itemText(1), QStringLiteral("Running"));
    QCOMPARE(details->tabText(0), QStringLiteral("Summary"));
}

void TestLanguageSwitch::switchesAnOpenDialog()
{
    CreateSandboxDialog dialog({m_backend}, *m_preferences, m_window);
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New Sandbox"));
    auto* create = dialog.findChild<QPushButton*>(QStringLiteral("createButton"));
    QCOMPARE(create->text(), QStringLiteral("C&reate"));

    m_translations->apply(QStringLiteral("zh_CN"));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("新建沙箱"));
    QCOMPARE(create->text(), QStringLiteral("创建(&R)"));

    m_translations->apply(QStringLiteral("en"));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("New Sandbox"));
    QCOMPARE(create->text(), QStringLiteral("C&reate"));
}

void TestLanguageSwitch::preferencesSwitchAtOnce()
{
    PreferencesDialog dialog(*m_preferences, *m_translations, m_window);
    dialog.show();
    auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
    language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
    QCOMPARE(language->currentText(), QStringLiteral("简体中文"));
    QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);

    QCOMPARE(m_translations->current(), QStringLiteral("zh_CN"));
    QCOMPARE(m_preferences->language(), QStringLiteral("zh_CN"));
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("沙箱"));
    QCOMPARE(header(SandboxTableModel::ImageColumn), QStringLiteral("镜像"));
    m_translations->apply(QStringLiteral("en"));
}

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
