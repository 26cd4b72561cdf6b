#include "DockerTestEnvironment.h"
#include "EciEmulatorProcess.h"
#include "dialogs/CreateSandboxDialog.h"
#include "eci/EciBackend.h"
#include "sandbox/Job.h"
#include "settings/Preferences.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The create dialog's ECI fields against a real EciBackend and the ECI emulator.
class TestEciCreateDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsPlacementFieldsAndChecksThem();
    void createsAGroupWithThem();

private:
    template<typename T> T* field(const char* name) const
    {
        T* widget = m_dialog->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no %s in the dialog", name);
        return widget;
    }
    bool rowShown(QWidget* widget) const;
    QString message() const { return field<QLabel>("messageLabel")->text(); }

    QTemporaryDir m_dir;
    std::unique_ptr<EciEmulatorProcess> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Preferences> m_preferences;
    EciBackend* m_backend = nullptr;
    CreateSandboxDialog* m_dialog = nullptr;
};

void TestEciCreateDialog::init()
{
    REQUIRE_TEST_ENGINE();
    m_emulator = std::make_unique<EciEmulatorProcess>(QStringLiteral(ECI_EMULATOR_PATH));
    QVERIFY2(m_emulator->start(), m_emulator->log().constData());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    EciBackendConfig config;
    config.accountName = QStringLiteral("test");
    config.regionId = QStringLiteral("cn-hangzhou");
    config.endpoint = m_emulator->endpoint();
    config.credentials.accessKeyId = EciEmulatorProcess::accessKeyId();
    config.credentials.accessKeySecret = EciEmulatorProcess::accessKeySecret();
    m_backend = new EciBackend(config, m_network.get());
    m_backend->connectToBackend();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 60000);
    m_dialog = new CreateSandboxDialog({m_backend}, *m_preferences);
    m_dialog->show();
}

void TestEciCreateDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
    delete m_backend;
    m_backend = nullptr;
    m_emulator.reset();
    m_network.reset();
    m_preferences.reset();
}

bool TestEciCreateDialog::rowShown(QWidget* widget) const
{
    auto* form = m_dialog->findChild<QFormLayout*>();
    return form->isRowVisible(widget);
}

void TestEciCreateDialog::showsPlacementFieldsAndChecksThem()
{
    for (const char* name :
         {"argsEdit", "zoneEdit", "vSwitchEdit", "securityGroupEdit", "restartPolicyCombo"})
        QVERIFY2(rowShown(field<QWidget>(name)), name);
    QVERIFY(!rowShown(field<QWidget>("networkCombo")));
    QVERIFY(!field<QWidget>("autoRemoveCheck")->isVisible());
    QVERIFY(!field<QWidget>("startCheck")->isVisible());
    auto* labels = field<QPlainTextEdit>("labelsEdit");
    auto* label = qobject_cast<QLabel*>(m_dialog->findChild<QFormLayout*>()->labelForField(labels));
    QCOMPARE(label->text(), QStringLiteral("T&ags:"));

    field<QComboBox>("imageCombo")->setEditText(DockerTestEnvironment::image());
    field<QLineEdit>("nameEdit")->setText(QStringLiteral("Upper_Case"));
    field<QLineEdit>("zoneEdit")->setText(QStringLiteral("hangzhou"));
    field<QLineEdit>("vSwitchEdit")->setText(QStringLiteral("switch-1"));
    field<QLineEdit>("securityGroupEdit")->setText(QStringLiteral("group"));
    field<QLineEdit>("portsEdit")->setText(QStringLiteral("8080:80"));
    const int before = m_backend->sandboxes().size();
    QTest::mouseClick(field<QPushButton>("createButton"), Qt::LeftButton);
    QVERIFY(message().contains(QStringLiteral("zone ID")));
    QVERIFY(message().contains(QStringLiteral("vSwitch ID")));
    QVERIFY(message().contains(QStringLiteral("security group ID")));
    // The service's own rules, checked before anything is sent.
    QVERIFY(message().contains(QStringLiteral("lower-case")));
    QVERIFY(message().contains(QStringLiteral("8080")));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_backend->sandboxes().size(), before);

    // Problems follow the edits.
    field<QLineEdit>("zoneEdit")->setText(QStringLiteral("cn-hangzhou-h"));
    QVERIFY(!message().contains(QStringLiteral("zone ID")));
}

void TestEciCreateDialog::createsAGroupWithThem()
{
    const QString name = DockerTestEnvironment::uniqueName(QStringLiteral("ecidlg")).toLower();
    field<QComboBox>("imageCombo")->setEditText(DockerTestEnvironment::image());
    field<QLineEdit>("nameEdit")->setText(name);
    field<QLineEdit>("commandEdit")->setText(QStringLiteral("sleep"));
    field<QLineEdit>("argsEdit")->setText(QStringLiteral("3600"));
    field<QLineEdit>("zoneEdit")->setText(QStringLiteral("cn-hangzhou-h"));
    field<QLineEdit>("vSwitchEdit")->setText(QStringLiteral("vsw-bp1test"));
    field<QLineEdit>("securityGroupEdit")->setText(QStringLiteral("sg-bp1test"));
    auto* policy = field<QComboBox>("restartPolicyCombo");
    policy->setCurrentIndex(policy->findData(QStringLiteral("Never")));
    field<QPlainTextEdit>("labelsEdit")->setPlainText(QStringLiteral("team=desk"));
    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    QTest::mouseClick(field<QPushButton>("createButton"), Qt::LeftButton);
    QVERIFY2(accepted.wait(60000) || accepted.size() == 1, qPrintable(message()));
    const QString id = m_dialog->createdId();
    QVERIFY(!id.isEmpty());

    ResultJob<QJsonObject>* inspect = m_backend->inspect(id);
    inspect->setAutoDelete(false);
    QSignalSpy done(inspect, &Job::finished);
    QVERIFY(done.wait(60000));
    QVERIFY2(!inspect->error().isError(), qPrintable(inspect->error().fullText()));
    const QJsonObject group = inspect->value();
    delete inspect;
    QCOMPARE(group.value(QLatin1String("ContainerGroupName")).toString(), name);
    QCOMPARE(group.value(QLatin1String("RestartPolicy")).toString(), QStringLiteral("Never"));
    const QJsonObject container =
        group.value(QLatin1String("Containers")).toArray().first().toObject();
    QCOMPARE(container.value(QLatin1String("Args")).toArray().first().toString(),
             QStringLiteral("3600"));
    bool tagged = false;
    const QJsonArray tags = group.value(QLatin1String("Tags")).toArray();
    for (const QJsonValue& tag : tags) {
        tagged = tagged ||
                 (tag.toObject().value(QLatin1String("Key")).toString() == QLatin1String("team") &&
                  tag.toObject().value(QLatin1String("Value")).toString() == QLatin1String("desk"));
    }
    QVERIFY(tagged);

    Job* removal = m_backend->remove(id, true);
    QSignalSpy removed(removal, &Job::finished);
    QVERIFY(removed.wait(60000));
}

QTEST_MAIN(TestEciCreateDialog)
#include "tst_ecicreatedialog.moc"
