#include "ListBackend.h"
#include "sandbox/Backend.h"
#include "sandbox/SandboxTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestSandboxTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheBackends();
    void sameIdOnTwoBackends();
    void unchangedRowEmitsNothing();
    void rowsGroupedByBackend();
    void deletedBackendTakesItsRows();
    void watchersSeeTheModelCaughtUp();
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

void TestSandboxTableModel::rowsGroupedByBackend()
{
    SandboxTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ListBackend a(QStringLiteral("a"));
    ListBackend b(QStringLiteral("b"));
    // Sandboxes listed before the backend joins arrive with it.
    b.reset({b.make(QStringLiteral("1"), SandboxStatus::Running)});
    model.addBackend(&a);
    model.addBackend(&b);
    QCOMPARE(model.rowCount(), 1);
    a.add(a.make(QStringLiteral("1"), SandboxStatus::Running));
    a.add(a.make(QStringLiteral("2"), SandboxStatus::Running));
    QCOMPARE(model.rowOf(QStringLiteral("a"), QStringLiteral("2")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("b"), QStringLiteral("1")), 2);

    // A new snapshot reorders a backend's rows with moves, not a reset.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
    a.reset({a.make(QStringLiteral("2"), SandboxStatus::Running),
             a.make(QStringLiteral("1"), SandboxStatus::Running)});
    QCOMPARE(resets.size(), 0);
    QCOMPARE(moves.size(), 1);
    QCOMPARE(model.index(0, 0).data(SandboxTableModel::IdRole).toString(), QStringLiteral("2"));
    QCOMPARE(model.index(2, 0).data(SandboxTableModel::BackendIdRole).toString(),
             QStringLiteral("b"));

    model.removeBackend(&a);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.backends(), QList<Backend*>{&b});
    QCOMPARE(model.rowOf(QStringLiteral("b"), QStringLiteral("1")), 0);
}

void TestSandboxTableModel::deletedBackendTakesItsRows()
{
    SandboxTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto a = std::make_unique<ListBackend>(QStringLiteral("a"));
    ListBackend b(QStringLiteral("b"));
    model.addBackend(a.get());
    model.addBackend(&b);
    a->add(a->make(QStringLiteral("1"), SandboxStatus::Running));
    b.add(b.make(QStringLiteral("1"), SandboxStatus::Exited));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    a.reset();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.backend(QStringLiteral("a")), nullptr);
    QCOMPARE(model.index(0, 0).data(SandboxTableModel::BackendIdRole).toString(),
             QStringLiteral("b"));
}

void TestSandboxTableModel::watchersSeeTheModelCaughtUp()
{
    SandboxTableModel model;
    ListBackend backend(QStringLiteral("a"));
    model.addBackend(&backend);
    QStringList seen;
    connect(&backend, &Backend::sandboxAdded, &model, [&](const Sandbox& s) {
        seen << QStringLiteral("added %1 at %2").arg(s.id).arg(model.rowOf(s.backendId, s.id));
    });
    connect(&backend, &Backend::sandboxRemoved, &model, [&](const QString& id) {
        seen << QStringLiteral("removed %1, %2 rows").arg(id).arg(model.rowCount());
    });
    backend.reset({backend.make(QStringLiteral("1"), SandboxStatus::Running),
                   backend.make(QStringLiteral("2"), SandboxStatus::Running)});
    backend.drop(QStringLiteral("1"));
    QCOMPARE(seen, (QStringList{QStringLiteral("added 1 at 0"), QStringLiteral("added 2 at 1"),
                                QStringLiteral("removed 1, 1 rows")}));
}

QTEST_GUILESS_MAIN(TestSandboxTableModel)
#include "tst_sandboxtablemodel.moc"
