#include "FakeBackend.h"
#include "dialogs/CreateSandboxDialog.h"
#include "settings/Preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCreateSandboxDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void refusesInvalidInput_data();
    void refusesInvalidInput();
    void problemsFollowEdits();
    void createsAndStartsAValidSpec();
    void startAfterCreateFollowsPreferences();
    void offersToPullAMissingImage();
    void connectionChoiceOnlyWithSeveralBackends();

private:
    template<typename T> T* field(const char* name) const
    {
        T* widget = m_dialog->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }
    void clickCreate();
    QString message() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    FakeBackend* m_backend = nullptr;
    CreateSandboxDialog* m_dialog = nullptr;
};

void TestCreateSandboxDialog::init()
{
    QVERIFY(m_dir.isValid());
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_backend = new FakeBackend(QStringLiteral("fake"));
    m_backend->setImages({QStringLiteral("alpine:3.20"), QStringLiteral("busybox:latest")});
    m_backend->connectToBackend();
    m_dialog = new CreateSandboxDialog({m_backend}, *m_preferences);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
    QTRY_COMPARE(field<QComboBox>("imageCombo")->count(), 2);
}

void TestCreateSandboxDialog::cleanup()
{
    delete m_dialog;
    delete m_backend;
    m_preferences.reset();
}

void TestCreateSandboxDialog::clickCreate()
{
    QTest::mouseClick(m_dialog->findChild<QPushButton*>(QStringLiteral("createButton")),
                      Qt::LeftButton);
}

QString TestCreateSandboxDialog::message() const
{
    auto* label = m_dialog->findChild<QLabel*>(QStringLiteral("messageLabel"));
    return label->isVisible() ? label->text() : QString();
}

void TestCreateSandboxDialog::refusesInvalidInput_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    const QString image = QStringLiteral("busybox:latest");
    QTest::newRow("bad memory") << image << "memoryEdit"
                                << "12q" << QStringLiteral("Memory “12q” is not a size");
    QTest::newRow("port out of range") << image << "portsEdit"
                                       << "8080:80, 99999" << QStringLiteral("Port “99999”");
    QTest::newRow("env without =") << image << "envEdit"
                                   << "GOOD=1\nNOEQUALS" << QStringLiteral("“NOEQUALS”");
    QTest::newRow("label without =") << image << "labelsEdit"
                                     << "team" << QStringLiteral("Label “team”");
    QTest::newRow("relative working dir") << image << "workdirEdit"
                                          << "work" << QStringLiteral("absolute path");
    QTest::newRow("bad name") << image << "nameEdit"
                              << "-x" << QStringLiteral("The name may use");
    QTest::newRow("empty image") << QString() << "nameEdit"
                                 << "fine-name" << QStringLiteral("An image is required.");
}

void TestCreateSandboxDialog::refusesInvalidInput()
{
    QFETCH(QString, image);
    QFETCH(QString, fieldName);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    field<QComboBox>("imageCombo")->setEditText(image);
    const QByteArray name = fieldName.toLatin1();
    if (auto* edit = m_dialog->findChild<QLineEdit*>(fieldName))
        edit->setText(value);
    else
        field<QPlainTextEdit>(name.constData())->setPlainText(value);

    clickCreate();
    QTest::qWait(50);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QVERIFY2(message().contains(expected), qPrintable(message()));
    QVERIFY(m_backend->created.isEmpty());
    QVERIFY(m_backend->pulled.isEmpty());
}

void TestCreateSandboxDialog::problemsFollowEdits()
{
    field<QComboBox>("imageCombo")->setEditText(QStringLiteral("busybox:latest"));
    field<QLineEdit>("memoryEdit")->setText(QStringLiteral("lots"));
    clickCreate();
    QVERIFY(message().contains(QStringLiteral("“lots”")));

    field<QLineEdit>("memoryEdit")->setText(QStringLiteral("64m"));
    QVERIFY(message().isEmpty());
    field<QLineEdit>("portsEdit")->setText(QStringLiteral("http"));
    QVERIFY(message().contains(QStringLiteral("Port “http”")));
}

void TestCreateSandboxDialog::createsAndStartsAValidSpec()
{
    field<QComboBox>("imageCombo")->setEditText(QStringLiteral("busybox:latest"));
    field<QLineEdit>("nameEdit")->setText(QStringLiteral("my-box"));
    field<QLineEdit>("commandEdit")->setText(QStringLiteral("sh -c \"echo hello; sleep 60\""));
    field<QPlainTextEdit>("envEdit")->setPlainText(QStringLiteral("A=1\n\nB=two words\n"));
    field<QPlainTextEdit>("labelsEdit")->setPlainText(QStringLiteral("team=ml\nowner=ana=b"));
    field<QLineEdit>("workdirEdit")->setText(QStringLiteral("/work"));
    field<QDoubleSpinBox>("cpusSpin")->setValue(1.5);
    field<QLineEdit>("memoryEdit")->setText(QStringLiteral("512m"));
    field<QComboBox>("networkCombo")->setEditText(QStringLiteral("none"));
    field<QLineEdit>("portsEdit")->setText(QStringLiteral("8080:80, 127.0.0.1:5353:53/udp"));
    field<QCheckBox>("autoRemoveCheck")->setChecked(true);
    field<QCheckBox>("startCheck")->setChecked(true);

    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    clickCreate();
    QTRY_COMPARE(accepted.count(), 1);
    QVERIFY(message().isEmpty());

    QCOMPARE(m_backend->created.size(), 1);
    const SandboxSpec spec = m_backend->created.first();
    QCOMPARE(spec.image, QStringLiteral("busybox:latest"));
    QCOMPARE(spec.name, QStringLiteral("my-box"));
    QCOMPARE(spec.command, (QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                        QStringLiteral("echo hello; sleep 60")}));
    QCOMPARE(spec.env, (QStringList{QStringLiteral("A=1"), QStringLiteral("B=two words")}));
    QCOMPARE(spec.labels.value(QStringLiteral("team")), QStringLiteral("ml"));
    QCOMPARE(spec.labels.value(QStringLiteral("owner")), QStringLiteral("ana=b"));
    QCOMPARE(spec.workingDir, QStringLiteral("/work"));
    QCOMPARE(spec.cpus, 1.5);
    QCOMPARE(spec.memoryBytes, qint64(512) * 1024 * 1024);
    QCOMPARE(spec.networkMode, QStringLiteral("none"));
    QCOMPARE(spec.ports.size(), 2);
    QCOMPARE(spec.ports.at(0).hostPort, quint16(8080));
    QCOMPARE(spec.ports.at(0).containerPort, quint16(80));
    QCOMPARE(spec.ports.at(1).hostIp, QStringLiteral("127.0.0.1"));
    QCOMPARE(spec.ports.at(1).protocol, QStringLiteral("udp"));
    QVERIFY(spec.autoRemove);

    QVERIFY(!m_dialog->createdId().isEmpty());
    QCOMPARE(m_dialog->createdBackendId(), QStringLiteral("fake"));
    QCOMPARE(m_backend->performed.size(), 1);
    QCOMPARE(m_backend->performed.first().first, Backend::Action::Start);
    QCOMPARE(m_backend->performed.first().second, m_dialog->createdId());
    QVERIFY(!m_dialog->startError().isError());
    QVERIFY(m_backend->pulled.isEmpty());
}

void TestCreateSandboxDialog::startAfterCreateFollowsPreferences()
{
    QVERIFY(field<QCheckBox>("startCheck")->isChecked());
    m_preferences->setStartAfterCreate(false);
    CreateSandboxDialog other({m_backend}, *m_preferences);
    QVERIFY(!other.findChild<QCheckBox*>(QStringLiteral("startCheck"))->isChecked());

    // The default network means the engine's default: nothing is sent.
    field<QComboBox>("imageCombo")->setEditText(QStringLiteral("alpine:3.20"));
    field<QCheckBox>("startCheck")->setChecked(false);
    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    clickCreate();
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(m_backend->created.size(), 1);
    QVERIFY(m_backend->created.first().networkMode.isEmpty());
    QVERIFY(m_backend->performed.isEmpty());
}

void TestCreateSandboxDialog::offersToPullAMissingImage()
{
    field<QComboBox>("imageCombo")->setEditText(QStringLiteral("nginx:1.25"));
    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    clickCreate();

    QMessageBox* question = nullptr;
    QTRY_VERIFY(question = m_dialog->findChild<QMessageBox*>(QStringLiteral("pullQuestion")));
    QVERIFY(question->text().contains(QStringLiteral("nginx:1.25")));
    QVERIFY(m_backend->created.isEmpty());
    QAbstractButton* pull = nullptr;
    const QList<QAbstractButton*> buttons = question->buttons();
    for (QAbstractButton* button : buttons) {
        if (question->buttonRole(button) == QMessageBox::AcceptRole)
            pull = button;
    }
    QVERIFY(pull);
    pull->click();

    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(m_backend->pulled, QStringList{QStringLiteral("nginx:1.25")});
    QCOMPARE(m_backend->created.size(), 1);
    QCOMPARE(m_backend->created.first().image, QStringLiteral("nginx:1.25"));
}

void TestCreateSandboxDialog::connectionChoiceOnlyWithSeveralBackends()
{
    QVERIFY(!field<QComboBox>("backendCombo")->isVisible());

    FakeBackend second(QStringLiteral("second"));
    second.setImages({QStringLiteral("redis:7")});
    second.connectToBackend();
    CreateSandboxDialog dialog({m_backend, &second}, *m_preferences);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("backendCombo"));
    QVERIFY(combo->isVisible());
    QCOMPARE(combo->count(), 2);
    combo->setCurrentIndex(1);
    // The image list follows the chosen connection, so nothing needs pulling.
    auto* images = dialog.findChild<QComboBox*>(QStringLiteral("imageCombo"));
    QTRY_COMPARE(images->count(), 1);
    images->setEditText(QStringLiteral("redis:7"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("createButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(second.created.size(), 1);
    QVERIFY(m_backend->created.isEmpty());
    QVERIFY(second.pulled.isEmpty());
    QCOMPARE(dialog.createdBackendId(), QStringLiteral("second"));
}

QTEST_MAIN(TestCreateSandboxDialog)
#include "tst_createsandboxdialog.moc"
