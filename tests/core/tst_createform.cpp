#include "HeldBackend.h"
#include "eci/EciJson.h"
#include "sandbox/CreateForm.h"

#include <QTest>

class TestCreateForm final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void engineFormByDefault();
    void readsEntriesIntoASpec();
    void reportsWhatCannotBeReadByField();
    void ignoresFieldsTheFormHasNot();
    void commonProblemsNameTheirField();
    void eciProblemsNameTheirField();
    void zonesFromDescribeRegions();
};

void TestCreateForm::engineFormByDefault()
{
    const HeldBackend backend(QStringLiteral("a"));
    const CreateForm form = backend.createForm();
    QVERIFY(form.has(SpecField::Image));
    QVERIFY(form.has(SpecField::Network));
    QVERIFY(form.has(SpecField::Start));
    QVERIFY(!form.has(SpecField::Zone));
    const CreateField* cpus = form.field(SpecField::Cpus);
    QVERIFY(cpus);
    QCOMPARE(cpus->kind, CreateField::Kind::Number);
    QCOMPARE(cpus->maximum, 1024.0);
    QVERIFY(!cpus->specialValueText.isEmpty());
    const CreateField* network = form.field(SpecField::Network);
    QCOMPARE(network->kind, CreateField::Kind::Choice);
    QVERIFY(network->editable);
    QCOMPARE(network->choices.first().value, QString()); // the engine's default
    for (const CreateField& field : form.fields)
        QVERIFY2(!field.label.isEmpty(), qPrintable(QString::number(int(field.id))));
}

void TestCreateForm::readsEntriesIntoASpec()
{
    const CreateForm form = CreateForm::withFields(
        {SpecField::Image, SpecField::Name, SpecField::Command, SpecField::Args, SpecField::Env,
         SpecField::Labels, SpecField::WorkingDir, SpecField::Cpus, SpecField::Memory,
         SpecField::Network, SpecField::Ports, SpecField::Zone, SpecField::RestartPolicy,
         SpecField::AutoRemove, SpecField::Start});
    CreateValues values;
    values.insert(SpecField::Image, QStringLiteral(" busybox:1 "));
    values.insert(SpecField::Name, QStringLiteral("box"));
    values.insert(SpecField::Command, QStringLiteral("sh -c 'while true; do date; sleep 1; done'"));
    values.insert(SpecField::Args, QStringLiteral("\"a b\" c"));
    values.insert(SpecField::Env, QStringLiteral("A=1\n\n B=2 \n"));
    values.insert(SpecField::Labels, QStringLiteral("team=ml\nowner=a=b"));
    values.insert(SpecField::WorkingDir, QStringLiteral("/work"));
    values.insert(SpecField::Cpus, QStringLiteral("1.5"));
    values.insert(SpecField::Memory, QStringLiteral("512m"));
    values.insert(SpecField::Network, QStringLiteral("none"));
    values.insert(SpecField::Ports, QStringLiteral("8080:80, ,53/udp"));
    values.insert(SpecField::Zone, QStringLiteral("cn-hangzhou-h"));
    values.insert(SpecField::RestartPolicy, QStringLiteral("Never"));
    values.insert(SpecField::AutoRemove, QStringLiteral("1"));
    QList<SpecProblem> problems;
    const SandboxSpec spec = form.specFrom(values, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(spec.image, QStringLiteral("busybox:1"));
    QCOMPARE(spec.command.size(), 3);
    QCOMPARE(spec.command.at(2), QStringLiteral("while true; do date; sleep 1; done"));
    QCOMPARE(spec.args, QStringList({QStringLiteral("a b"), QStringLiteral("c")}));
    QCOMPARE(spec.env, QStringList({QStringLiteral("A=1"), QStringLiteral("B=2")}));
    QCOMPARE(spec.labels.value(QStringLiteral("owner")), QStringLiteral("a=b"));
    QCOMPARE(spec.cpus, 1.5);
    QCOMPARE(spec.memoryBytes, qint64(512) * 1024 * 1024);
    QCOMPARE(spec.networkMode, QStringLiteral("none"));
    QCOMPARE(spec.ports.size(), 2);
    QCOMPARE(spec.ports.at(1).protocol, QStringLiteral("udp"));
    QCOMPARE(spec.zoneId, QStringLiteral("cn-hangzhou-h"));
    QCOMPARE(spec.restartPolicy, QStringLiteral("Never"));
    QVERIFY(spec.autoRemove);
}

void TestCreateForm::reportsWhatCannotBeReadByField()
{
    const CreateForm form =
        CreateForm::withFields({SpecField::Image, SpecField::Command, SpecField::Labels,
                                SpecField::Memory, SpecField::Ports});
    CreateValues values;
    values.insert(SpecField::Image, QStringLiteral("busybox"));
    values.insert(SpecField::Command, QStringLiteral("sh -c 'date"));
    values.insert(SpecField::Labels, QStringLiteral("team"));
    values.insert(SpecField::Memory, QStringLiteral("12q"));
    values.insert(SpecField::Ports, QStringLiteral("http"));
    QList<SpecProblem> problems;
    form.specFrom(values, &problems);
    QList<SpecField> fields;
    for (const SpecProblem& problem : std::as_const(problems)) {
        fields << problem.field;
        QVERIFY(!problem.message.isEmpty());
    }
    QCOMPARE(fields, QList<SpecField>({SpecField::Command, SpecField::Labels, SpecField::Memory,
                                       SpecField::Ports}));
}

void TestCreateForm::ignoresFieldsTheFormHasNot()
{
    const CreateForm form = CreateForm::withFields({SpecField::Image});
    CreateValues values;
    values.insert(SpecField::Image, QStringLiteral("busybox"));
    values.insert(SpecField::Zone, QStringLiteral("cn-hangzhou-h"));
    values.insert(SpecField::AutoRemove, QStringLiteral("1"));
    const SandboxSpec spec = form.specFrom(values, nullptr);
    QVERIFY(spec.zoneId.isEmpty());
    QVERIFY(!spec.autoRemove);
}

void TestCreateForm::commonProblemsNameTheirField()
{
    SandboxSpec spec;
    spec.name = QStringLiteral("-x");
    spec.env = {QStringLiteral("NOEQUALS")};
    spec.workingDir = QStringLiteral("relative");
    spec.memoryBytes = 1024;
    const HeldBackend backend(QStringLiteral("a"));
    QList<SpecField> fields;
    const QList<SpecProblem> problems = backend.validate(spec);
    for (const SpecProblem& problem : problems)
        fields << problem.field;
    QCOMPARE(fields, QList<SpecField>({SpecField::Image, SpecField::Name, SpecField::Env,
                                       SpecField::Memory, SpecField::WorkingDir}));
    QCOMPARE(spec.validate().size(), problems.size());
}

void TestCreateForm::eciProblemsNameTheirField()
{
    SandboxSpec spec;
    spec.image = QStringLiteral("busybox");
    spec.name = QStringLiteral("Upper_Case");
    spec.zoneId = QStringLiteral("hangzhou");
    spec.vSwitchId = QStringLiteral("switch-1");
    spec.securityGroupId = QStringLiteral("group");
    spec.ports = {PortBinding{80, 8080, {}, QStringLiteral("tcp")}};
    QList<SpecField> fields;
    const QList<SpecProblem> problems = EciJson::specProblems(spec);
    for (const SpecProblem& problem : problems)
        fields << problem.field;
    QCOMPARE(fields, QList<SpecField>({SpecField::Name, SpecField::Ports, SpecField::Zone,
                                       SpecField::VSwitch, SpecField::SecurityGroup}));

    spec.name = QStringLiteral("ok-name");
    spec.zoneId = QStringLiteral("cn-hangzhou-h");
    spec.vSwitchId = QStringLiteral("vsw-bp1");
    spec.securityGroupId = QStringLiteral("sg-bp1");
    spec.ports.clear();
    QVERIFY(EciJson::specProblems(spec).isEmpty());
}

void TestCreateForm::zonesFromDescribeRegions()
{
    const QJsonObject response{
        {QStringLiteral("Regions"),
         QJsonArray{QJsonObject{{QStringLiteral("RegionId"), QStringLiteral("cn-beijing")},
                                {QStringLiteral("RecommendZones"),
                                 QJsonArray{QStringLiteral("cn-beijing-a")}}},
                    QJsonObject{{QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
                                {QStringLiteral("RecommendZones"),
                                 QJsonArray{QStringLiteral("cn-hangzhou-h"), 7, QJsonValue(),
                                            QStringLiteral("cn-hangzhou-i"),
                                            QStringLiteral("cn-hangzhou-h")}}},
                    QStringLiteral("not an object")}}};
    QCOMPARE(EciJson::zoneIds(response, QStringLiteral("cn-hangzhou")),
             QStringList({QStringLiteral("cn-hangzhou-h"), QStringLiteral("7"),
                          QStringLiteral("cn-hangzhou-i")}));
    QVERIFY(EciJson::zoneIds(response, QStringLiteral("cn-shanghai")).isEmpty());
    QVERIFY(EciJson::zoneIds({}, QStringLiteral("cn-hangzhou")).isEmpty());
}

QTEST_GUILESS_MAIN(TestCreateForm)
#include "tst_createform.moc"
