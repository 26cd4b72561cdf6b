#include "DockerTestEnvironment.h"
#include "docker/DockerBackend.h"
#include "run/PackageManagers.h"
#include "run/PackageTableModel.h"
#include "run/PackagesPanel.h"
#include "run/RunHistory.h"
#include "run/RunWindow.h"
#include "settings/Translations.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

// The Run window's Packages tab against real containers: the busybox image has no package
// manager and says so; the offline Debian image has apt, lists dpkg, filters, installs a real
// .deb from its local repository with the output streaming in, lists it, removes it again
// once the user said yes to the question (and not when they said no); a bad name and a failed
// install say what went wrong; in English and in Chinese.
class TestPackagesPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void busyboxSaysNone();
    void debianListsAndFilters();
    void installThenRemove();
    void refusedNameAndFailedInstall();
    void chinese();

private:
    void open(const QString& id);
    template<typename T> T* child(const char* name) const
    {
        T* widget = m_window->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    QString status() const { return child<QLabel>("packagesStatus")->text(); }
    QString output() const { return child<QPlainTextEdit>("packagesOutput")->toPlainText(); }
    bool listed(const QString& name) const;
    // The question before a removal, as it is open now.
    QMessageBox* removeQuestion() const;
    static void answer(QMessageBox* box, QMessageBox::ButtonRole role);
    QString startContainer(const QString& image);

    Translations m_translations;
    DockerBackend* m_backend = nullptr;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<RunHistory> m_history;
    RunWindow* m_window = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_busybox;
    QString m_debian;
};

QString TestPackagesPanel::startContainer(const QString& image)
{
    const auto run = DockerTestEnvironment::docker(
        {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
         QStringLiteral("none"), QStringLiteral("--name"),
         DockerTestEnvironment::uniqueName(QStringLiteral("packages-ui")), image,
         QStringLiteral("sleep"), QStringLiteral("3600")});
    return run.exitCode == 0 ? QString::fromUtf8(run.out).trimmed() : QString();
}

void TestPackagesPanel::initTestCase()
{
    REQUIRE_DEBIAN_IMAGE();
    m_translations.apply(QStringLiteral("en"));
    m_backend = new DockerBackend(QStringLiteral("docker-test"), QStringLiteral("Docker (test)"),
                                  Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
    m_backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 20000);
    m_busybox = startContainer(DockerTestEnvironment::image());
    m_debian = startContainer(DockerTestEnvironment::debianImage());
    QVERIFY(!m_busybox.isEmpty() && !m_debian.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->sandbox(m_busybox).status == SandboxStatus::Running &&
                                 m_backend->sandbox(m_debian).status == SandboxStatus::Running,
                             15000);
    m_history = std::make_unique<RunHistory>(m_settingsDir.filePath(QStringLiteral("run.ini")));
}

void TestPackagesPanel::open(const QString& id)
{
    m_window = new RunWindow(m_backend, id, {}, QStringLiteral("packages-ui"), *m_history);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->packagesPanel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Nothing is looked up before the tab is shown.
    QVERIFY(!m_window->packagesPanel()->isBusy());
    QVERIFY(status().isEmpty());
    auto* tabs = m_window->findChild<QTabWidget*>();
    tabs->setCurrentWidget(m_window->packagesPanel());
    QVERIFY(m_window->packagesPanel()->isBusy());
}

void TestPackagesPanel::cleanup()
{
    m_tester.reset();
    delete m_window;
    m_window = nullptr;
}

void TestPackagesPanel::cleanupTestCase()
{
    for (const QString& id : {m_busybox, m_debian}) {
        if (!id.isEmpty())
            DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
    }
    delete m_backend;
}

bool TestPackagesPanel::listed(const QString& name) const
{
    const QList<Package>& packages = m_window->packagesPanel()->model()->packages();
    return std::any_of(packages.cbegin(), packages.cend(),
                       [&name](const Package& package) { return package.name == name; });
}

QMessageBox* TestPackagesPanel::removeQuestion() const
{
    return m_window->findChild<QMessageBox*>(QStringLiteral("packagesRemoveConfirmation"));
}

void TestPackagesPanel::answer(QMessageBox* box, QMessageBox::ButtonRole role)
{
    const QList<QAbstractButton*> buttons = box->buttons();
    for (QAbstractButton* button : buttons) {
        if (box->buttonRole(button) == role) {
            button->click();
            return;
        }
    }
    QFAIL("no such button");
}

void TestPackagesPanel::busyboxSaysNone()
{
    open(m_busybox);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->packagesPanel()->isBusy(), 30000);
    QCOMPARE(status(), PackageManagers::noneFoundMessage());
    QVERIFY(status().startsWith(QStringLiteral("No package manager was found")));
    QCOMPARE(child<QComboBox>("packagesManager")->count(), 0);
    QCOMPARE(m_window->packagesPanel()->model()->rowCount(), 0);
    QTest::keyClicks(child<QLineEdit>("packagesNames"), QStringLiteral("curl"));
    QVERIFY(!child<QPushButton>("packagesInstallButton")->isEnabled());
    QVERIFY(!child<QPushButton>("packagesRemoveButton")->isEnabled());
    // Refresh looks again, with the same answer.
    auto* refresh = child<QPushButton>("packagesRefreshButton");
    QVERIFY(refresh->isEnabled());
    QTest::mouseClick(refresh, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->packagesPanel()->isBusy(), 30000);
    QCOMPARE(status(), PackageManagers::noneFoundMessage());
}

void TestPackagesPanel::debianListsAndFilters()
{
    open(m_debian);
    QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(QStringLiteral("Packages installed with apt: ")),
                              qPrintable(status()), 60000);
    auto* manager = child<QComboBox>("packagesManager");
    QCOMPARE(manager->count(), 1);
    QCOMPARE(manager->currentText(), QStringLiteral("apt (/usr/bin/apt-get)"));
    const int total = m_window->packagesPanel()->model()->rowCount();
    QVERIFY(total > 50);
    QCOMPARE(status(), QStringLiteral("Packages installed with apt: %1").arg(total));
    QVERIFY(listed(QStringLiteral("dpkg")));

    auto* table = child<QTableView>("packagesTable");
    QTest::keyClicks(child<QLineEdit>("packagesFilter"), QStringLiteral("DPKG"));
    const int shown = table->model()->rowCount();
    QVERIFY(shown >= 1 && shown < total);
    for (int row = 0; row < shown; ++row)
        QVERIFY(table->model()->index(row, 0).data().toString().contains(QLatin1String("dpkg")));
    QVERIFY2(status().endsWith(QStringLiteral(", of which %1 match the filter").arg(shown)),
             qPrintable(status()));
    child<QLineEdit>("packagesFilter")->clear();
    QCOMPARE(table->model()->rowCount(), total);
}

void TestPackagesPanel::installThenRemove()
{
    open(m_debian);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->packagesPanel()->isBusy(), 60000);
    QVERIFY(!listed(QStringLiteral("sandboxdesk-hello")));
    auto* install = child<QPushButton>("packagesInstallButton");
    QVERIFY(!install->isEnabled()); // nothing named yet
    QTest::keyClicks(child<QLineEdit>("packagesNames"), QStringLiteral("sandboxdesk-hello"));
    QVERIFY(install->isEnabled());
    QTest::mouseClick(install, Qt::LeftButton);
    QVERIFY(child<QPushButton>("packagesCancelButton")->isEnabled());
    QCOMPARE(status(), QStringLiteral("Installing sandboxdesk-hello with apt…"));
    // apt-get update's lines come before the install has ended.
    QTRY_VERIFY_WITH_TIMEOUT(output().contains(QLatin1String("file:/srv/sandboxdesk-repo")), 60000);
    QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(QStringLiteral("Exit code 0 · ")) &&
                                  status().contains(QLatin1String("Packages installed with apt")),
                              qPrintable(status() + QLatin1Char('|') + output()), 120000);
    QVERIFY(output().contains(QLatin1String("Setting up sandboxdesk-hello (1.0-1)")));
    // A line apt redrew with carriage returns shows as it ended.
    QVERIFY2(!output().contains(QChar(0x240D)), qPrintable(output()));
    QVERIFY(output().contains(QLatin1String("(Reading database ... 100%")) ||
            output().contains(QLatin1String("files and directories currently installed.")));
    QVERIFY(listed(QStringLiteral("sandboxdesk-hello")));
    QVERIFY(child<QLineEdit>("packagesNames")->text().isEmpty());
    QVERIFY(!child<QPushButton>("packagesCancelButton")->isEnabled());

    // Select it in the list and remove it.
    auto* remove = child<QPushButton>("packagesRemoveButton");
    QVERIFY(!remove->isEnabled());
    QTest::keyClicks(child<QLineEdit>("packagesFilter"), QStringLiteral("sandboxdesk-hello"));
    auto* table = child<QTableView>("packagesTable");
    QCOMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    QVERIFY(remove->isEnabled());
    // The question says what, with what and where; no removes nothing.
    const QString before = status();
    QTest::mouseClick(remove, Qt::LeftButton);
    QPointer<QMessageBox> box = removeQuestion();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->text(),
             QStringLiteral("Remove 1 package with apt from the sandbox “packages-ui”?"));
    QCOMPARE(box->informativeText(), QStringLiteral("sandboxdesk-hello"));
    QVERIFY(!m_window->packagesPanel()->isBusy());
    answer(box, QMessageBox::RejectRole);
    QTRY_VERIFY(!box);
    QVERIFY(!m_window->packagesPanel()->isBusy());
    QCOMPARE(status(), before);
    QVERIFY(output().contains(QLatin1String("Setting up sandboxdesk-hello (1.0-1)")));
    QVERIFY(listed(QStringLiteral("sandboxdesk-hello")));
    QVERIFY(remove->isEnabled());
    // Yes removes.
    QTest::mouseClick(remove, Qt::LeftButton);
    box = removeQuestion();
    QVERIFY(box);
    answer(box, QMessageBox::DestructiveRole);
    QCOMPARE(status(), QStringLiteral("Removing sandboxdesk-hello with apt…"));
    QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(QStringLiteral("Exit code 0 · ")) &&
                                  status().contains(QLatin1String("Packages installed with apt")),
                              qPrintable(status() + QLatin1Char('|') + output()), 120000);
    QVERIFY(output().contains(QLatin1String("Removing sandboxdesk-hello (1.0-1)")));
    QVERIFY(!listed(QStringLiteral("sandboxdesk-hello")));
    QCOMPARE(table->model()->rowCount(), 0);
}

void TestPackagesPanel::refusedNameAndFailedInstall()
{
    open(m_debian);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->packagesPanel()->isBusy(), 60000);
    auto* names = child<QLineEdit>("packagesNames");
    QTest::keyClicks(names, QStringLiteral("--allow-unauthenticated"));
    QTest::mouseClick(child<QPushButton>("packagesInstallButton"), Qt::LeftButton);
    QVERIFY(!m_window->packagesPanel()->isBusy());
    QVERIFY2(status().contains(QStringLiteral("begins with “-”")), qPrintable(status()));

    names->clear();
    QTest::keyClicks(names, QStringLiteral("no-such-package"));
    QTest::keyClick(names, Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(QStringLiteral("Exit code 100 · ")) &&
                                  !m_window->packagesPanel()->isBusy(),
                              qPrintable(status()), 120000);
    QVERIFY(output().contains(QLatin1String("Unable to locate package no-such-package")));
    // stderr is drawn in its own colour.
    const QTextDocument* document = child<QPlainTextEdit>("packagesOutput")->document();
    const QColor errColour = document->find(QStringLiteral("Unable to locate package"))
                                 .charFormat()
                                 .foreground()
                                 .color();
    QCOMPARE(errColour, QColor(0xc0, 0x1c, 0x28));
    QCOMPARE(names->text(), QStringLiteral("no-such-package")); // kept, to correct it
}

void TestPackagesPanel::chinese()
{
    QCOMPARE(m_translations.apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    open(m_busybox);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->packagesPanel()->isBusy(), 30000);
    QVERIFY2(status().startsWith(QStringLiteral("在此沙箱中未找到包管理器")), qPrintable(status()));
    auto* tabs = m_window->findChild<QTabWidget*>();
    QCOMPARE(tabs->tabText(2), QStringLiteral("软件包"));
    QCOMPARE(child<QPushButton>("packagesInstallButton")->text(), QStringLiteral("安装(&I)"));
    cleanup();

    open(m_debian);
    QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(QStringLiteral("用 apt 安装的软件包：")),
                              qPrintable(status()), 60000);
    QCOMPARE(
        m_window->packagesPanel()->model()->headerData(PackageTableModel::Version, Qt::Horizontal),
        QStringLiteral("版本"));
    child<QTableView>("packagesTable")->selectRow(0);
    QTest::mouseClick(child<QPushButton>("packagesRemoveButton"), Qt::LeftButton);
    QPointer<QMessageBox> box = removeQuestion();
    QVERIFY(box);
    QCOMPARE(box->windowTitle(), QStringLiteral("删除软件包"));
    QVERIFY2(box->text().startsWith(QStringLiteral("用 apt 从沙箱“packages-ui”中删除")),
             qPrintable(box->text()));
    answer(box, QMessageBox::RejectRole);
    QTRY_VERIFY(!box);
    QVERIFY(!m_window->packagesPanel()->isBusy());
    QCOMPARE(m_translations.apply(QStringLiteral("en")), QStringLiteral("en"));
    tabs = m_window->findChild<QTabWidget*>();
    QTRY_COMPARE(tabs->tabText(2), QStringLiteral("Packages"));
    QTRY_COMPARE(child<QPushButton>("packagesInstallButton")->text(), QStringLiteral("&Install"));
    QCOMPARE(
        m_window->packagesPanel()->model()->headerData(PackageTableModel::Version, Qt::Horizontal),
        QStringLiteral("Version"));
}

QTEST_MAIN(TestPackagesPanel)
#include "tst_packagespanel.moc"
