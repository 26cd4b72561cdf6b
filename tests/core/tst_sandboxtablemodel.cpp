#include "sandbox/Backend.h"
#include "sandbox/SandboxTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

// A backend whose live set the test edits by hand; it stands in for our own interface only.
class ListBackend final : public Backend
{
public:
    explicit ListBackend(const QString& id)
        : m_id(id)
    {}
    QString id() const override { return m_id; }
    QString displayName() const override { return m_id; }
    QString endpointDescription() const override { return {}; }
    Capabilities capabilities() const override { return {}; }
    QList<Sandbox> sandboxes() const override { return m_list; }
    bool isSettled() const override { return true; }
    Sandbox sandbox(const QString& id, bool* found) const override
    {
        for (const Sandbox& s : m_list) {
            if (s.id == id) {
                if (found)
                    *found = true;
                return s;
            }
        }
        if (found)
            *found = false;
        return {};
    }
    void connectToBackend() override {}
    void disconnectFromBackend() override {}
    ResultJob<QString>* create(const SandboxSpec&) override { return nullptr; }
    Job* perform(Action, const QString&) override { return nullptr; }
    Job* remove(const QString&, bool) override { return nullptr; }
    ResultJob<QJsonObject>* inspect(const QString&) override { return nullptr; }
    ResultJob<QStringList>* listImages() override { return nullptr; }
    Job* pullImage(const QString&) override { return nullptr; }
    LogStream* openLogs(const QString&, const LogOptions&) override { return nullptr; }

    Sandbox make(const QString& id, SandboxStatus status)
    {
        Sandbox s;
        s.backendId = m_id;
        s.id = id;
        s.name = QStringLiteral("name-") + id;
        s.image = QStringLiteral("busybox");
        s.status = status;
        return s;
    }
    void add(const Sandbox& s)
    {
        m_list << s;
        Q_EMIT sandboxAdded(s);
    }
    void change(const Sandbox& s)
    {
        for (Sandbox& existing : m_list) {
            if (existing.id == s.id)
                existing = s;
        }
        Q_EMIT sandboxChanged(s);
    }
    void drop(const QString& id)
    {
        m_list.erase(std::remove_if(m_list.begin(), m_list.end(),
                                    [&](const Sandbox& s) { return s.id == id; }),
                     m_list.end());
        Q_EMIT sandboxRemoved(id);
    }
    void reset(const QList<Sandbox>& list)
    {
        m_list = list;
        Q_EMIT sandboxesReset();
    }

private:
    QString m_id;
    QList<Sandbox> m_list;
};

} // namespace

class TestSandboxTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheBackends();
    void sameIdOnTwoBackends();
    void unchangedRowEmitsNothing();
};

void TestSandboxTableModel::followsTheBackends()
{
    SandboxTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ListBackend backend(QStringLiteral("a"));
    model.addBackend(&backend);
    QCOMPARE(model.rowCount(), 0);

    backend.add(backend.make(QStringLiteral("1"), SandboxStatus::Running));
    backend.add(backend.make(QStringLiteral("2"), SandboxStatus::Exited));
    backend.add(backend.make(QStringLiteral("3"), SandboxStatus::Paused));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, SandboxTableModel::NameColumn).data().toString(),
             QStringLiteral("name-2"));
    QCOMPARE(model.index(1, 0).data(SandboxTableModel::StatusKeyRole).toString(),
             QStringLiteral("exited"));

    Sandbox changed = backend.make(QStringLiteral("2"), SandboxStatus::Running);
    backend.change(changed);
    QCOMPARE(model.index(1, 0).data(SandboxTableModel::StatusKeyRole).toString(),
             QStringLiteral("running"));

    backend.drop(QStringLiteral("1"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("a"), QStringLiteral("3")), 1);
    QCOMPARE(model.index(1, 0).data(SandboxTableModel::IdRole).toString(), QStringLiteral("3"));

    backend.reset({backend.make(QStringLiteral("9"), SandboxStatus::Created)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("a"), QStringLiteral("9")), 0);
    QCOMPARE(model.rowOf(QStringLiteral("a"), QStringLiteral("3")), -1);

    model.removeBackend(&backend);
    QCOMPARE(model.rowCount(), 0);
}

void TestSandboxTableModel::sameIdOnTwoBackends()
{
    SandboxTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ListBackend a(QStringLiteral("a"));
    ListBackend b(QStringLiteral("b"));
    model.addBackend(&a);
    model.addBackend(&b);
    a.add(a.make(QStringLiteral("1"), SandboxStatus::Running));
    b.add(b.make(QStringLiteral("1"), SandboxStatus::Exited));
    QCOMPARE(model.rowCount(), 2);
    b.reset({});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(SandboxTableModel::BackendIdRole).toString(),
             QStringLiteral("a"));
    QCOMPARE(model.index(0, SandboxTableModel::ConnectionColumn).data().toString(),
             QStringLiteral("a"));
}

void TestSandboxTableModel::unchangedRowEmitsNothing()
{
    SandboxTableModel model;
    ListBackend backend(QStringLiteral("a"));
    model.addBackend(&backend);
    const Sandbox s = backend.make(QStringLiteral("1"), SandboxStatus::Running);
    backend.add(s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    backend.change(s);
    QCOMPARE(changed.count(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxTableModel)
#include "tst_sandboxtablemodel.moc"
