#include "FakeBackend.h"
#include "window/DetailsPane.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTest>
#include <QTreeWidget>

class TestDetailsPane final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void nothingSelectedShowsAHint();
    void exitedSaysCodeAndWhen();
    void runningSaysForHowLong();
    void askesAgainWhenTheStateMoves();
    void groupShowsTypedContainersAndEvents();

private:
    template<typename T> T* child(const char* name) const
    {
        T* widget = m_pane->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no %s", name);
        return widget;
    }
    QString status() const { return child<QLabel>("detailsStatus")->text(); }

    FakeBackend* m_backend = nullptr;
    DetailsPane* m_pane = nullptr;
};

void TestDetailsPane::init()
{
    m_backend = new FakeBackend(QStringLiteral("fake"));
    m_backend->connectToBackend();
    m_pane = new DetailsPane;
    m_pane->resize(800, 300);
    m_pane->show();
}

void TestDetailsPane::cleanup()
{
    delete m_pane;
    m_pane = nullptr;
    delete m_backend;
    m_backend = nullptr;
}

void TestDetailsPane::nothingSelectedShowsAHint()
{
    auto* hint = child<QLabel>("detailsHint");
    QVERIFY(hint->isVisible());
    QVERIFY(!hint->text().isEmpty());
    QVERIFY(!child<QLabel>("detailsId")->isVisible());

    const Sandbox sandbox =
        m_backend->add(QStringLiteral("box"), QStringLiteral("busybox"), SandboxStatus::Created);
    m_pane->showSandbox(m_backend, sandbox);
    QVERIFY(!hint->isVisible());
    QVERIFY(child<QLabel>("detailsId")->isVisible());
    QCOMPARE(child<QLabel>("detailsId")->text(), sandbox.id);

    m_pane->clear();
    QVERIFY(hint->isVisible());
    QVERIFY(!child<QLabel>("detailsId")->isVisible());
}

void TestDetailsPane::exitedSaysCodeAndWhen()
{
    Sandbox sandbox =
        m_backend->add(QStringLiteral("box"), QStringLiteral("busybox"), SandboxStatus::Exited);
    sandbox.statusText = QStringLiteral("Exited (2) 5 minutes ago"); // the engine's own words
    m_backend->change(sandbox);
    SandboxDetails details;
    details.status = SandboxStatus::Exited;
    details.started = QDateTime::currentDateTimeUtc().addSecs(-400);
    details.finished = QDateTime::currentDateTimeUtc().addSecs(-300);
    details.exitCode = 2;
    details.addresses = {QStringLiteral("172.17.0.2 (bridge)")};
    m_backend->presetDetails.insert(sandbox.id, details);

    m_pane->showSandbox(m_backend, sandbox);
    QCOMPARE(status(), statusDisplayName(SandboxStatus::Exited)); // until the details come
    // No translator is installed in this test: plurals read as their source.
    QTRY_COMPARE(status(), QStringLiteral("Exited (code 2) 5 minute(s) ago"));
    QCOMPARE(child<QLabel>("detailsAddresses")->text(), QStringLiteral("172.17.0.2 (bridge)"));
    QVERIFY(child<QLabel>("detailsAddresses")->isVisible());
}

void TestDetailsPane::runningSaysForHowLong()
{
    const Sandbox sandbox =
        m_backend->add(QStringLiteral("box"), QStringLiteral("busybox"), SandboxStatus::Running);
    SandboxDetails details;
    details.status = SandboxStatus::Running;
    details.started = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600 - 30);
    m_backend->presetDetails.insert(sandbox.id, details);
    m_pane->showSandbox(m_backend, sandbox);
    QTRY_COMPARE(status(), QStringLiteral("Running for 3 hour(s)"));
    QVERIFY(!child<QLabel>("detailsAddresses")->isVisible());
}

void TestDetailsPane::askesAgainWhenTheStateMoves()
{
    Sandbox sandbox =
        m_backend->add(QStringLiteral("box"), QStringLiteral("busybox"), SandboxStatus::Running);
    SandboxDetails running;
    running.status = SandboxStatus::Running;
    running.started = QDateTime::currentDateTimeUtc().addSecs(-20);
    m_backend->presetDetails.insert(sandbox.id, running);
    m_pane->showSandbox(m_backend, sandbox);
    QTRY_VERIFY(status().startsWith(QLatin1String("Running for")));

    SandboxDetails exited = running;
    exited.status = SandboxStatus::Exited;
    exited.finished = QDateTime::currentDateTimeUtc().addSecs(-120);
    exited.exitCode = 137;
    m_backend->presetDetails.insert(sandbox.id, exited);
    sandbox.status = SandboxStatus::Exited;
    m_pane->showSandbox(m_backend, sandbox);
    QTRY_COMPARE(status(), QStringLiteral("Exited (code 137) 2 minute(s) ago"));
}

void TestDetailsPane::groupShowsTypedContainersAndEvents()
{
    m_backend->setCapabilities(m_backend->capabilities() | Backend::HasContainerGroups);
    const Sandbox sandbox =
        m_backend->add(QStringLiteral("group"), QStringLiteral("busybox"), SandboxStatus::Running);
    SandboxDetails details;
    details.status = SandboxStatus::Running;
    details.containers = {ContainerDetails{QStringLiteral("web"), QStringLiteral("nginx"),
                                           QStringLiteral("Running"), QString(), true, 3},
                          ContainerDetails{QStringLiteral("job"), QStringLiteral("busybox"),
                                           QStringLiteral("Waiting"),
                                           QStringLiteral("CrashLoopBackOff"), false, 0}};
    details.events = {SandboxEvent{QDateTime::currentDateTimeUtc(), QStringLiteral("Warning"),
                                   QStringLiteral("BackOff"), QStringLiteral("job"), 4,
                                   QStringLiteral("Back-off restarting")}};
    m_backend->presetDetails.insert(sandbox.id, details);
    m_pane->showSandbox(m_backend, sandbox);
    auto* containers = child<QTreeWidget>("containersTree");
    QTRY_COMPARE(containers->topLevelItemCount(), 2);
    QCOMPARE(containers->topLevelItem(0)->text(0), QStringLiteral("web"));
    QCOMPARE(containers->topLevelItem(0)->text(4), QStringLiteral("3"));
    QCOMPARE(containers->topLevelItem(1)->text(2), QStringLiteral("Waiting (CrashLoopBackOff)"));
    auto* events = child<QTreeWidget>("eventsTree");
    QCOMPARE(events->topLevelItemCount(), 1);
    QCOMPARE(events->topLevelItem(0)->text(2), QStringLiteral("BackOff"));
    QCOMPARE(events->topLevelItem(0)->text(4), QStringLiteral("4"));
}

QTEST_MAIN(TestDetailsPane)
#include "tst_detailspane.moc"
