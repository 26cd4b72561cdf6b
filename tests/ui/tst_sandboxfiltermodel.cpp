#include "FakeBackend.h"
#include "sandbox/SandboxTableModel.h"
#include "window/SandboxFilterModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestSandboxFilterModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsEverythingWithoutFilters();
    void searchMatchesNameImageAndIdPrefix();
    void everySearchWordMustMatch();
    void filtersByStatus();
    void filtersByConnection();
    void combinesFilters();
    void followsLiveChanges();
    void sortsStatusByLifecycleOrder();

private:
    QStringList names() const;

    FakeBackend* m_a = nullptr;
    FakeBackend* m_b = nullptr;
    SandboxTableModel* m_model = nullptr;
    SandboxFilterModel* m_filter = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
    Sandbox m_web;
};

void TestSandboxFilterModel::init()
{
    m_a = new FakeBackend(QStringLiteral("a"), this);
    m_b = new FakeBackend(QStringLiteral("b"), this);
    m_model = new SandboxTableModel(this);
    m_model->addBackend(m_a);
    m_model->addBackend(m_b);
    m_filter = new SandboxFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_tester = new QAbstractItemModelTester(
        m_filter, QAbstractItemModelTester::FailureReportingMode::QtTest, this);

    m_web = m_a->add(QStringLiteral("web-1"), QStringLiteral("nginx:1.25"), SandboxStatus::Running);
    m_a->add(QStringLiteral("worker-2"), QStringLiteral("python:3.12"), SandboxStatus::Exited);
    m_a->add(QStringLiteral("cache"), QStringLiteral("redis:7"), SandboxStatus::Paused);
    m_b->add(QStringLiteral("db"), QStringLiteral("postgres:16"), SandboxStatus::Running);
    m_b->add(QStringLiteral("job"), QStringLiteral("busybox"), SandboxStatus::Created);
    m_b->add(QStringLiteral("web-old"), QStringLiteral("nginx:1.18"), SandboxStatus::Dead);
}

void TestSandboxFilterModel::cleanup()
{
    delete m_tester;
    delete m_filter;
    delete m_model;
    delete m_a;
    delete m_b;
}

QStringList TestSandboxFilterModel::names() const
{
    QStringList result;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        result << m_filter->index(row, SandboxTableModel::NameColumn).data().toString();
    result.sort();
    return result;
}

void TestSandboxFilterModel::showsEverythingWithoutFilters()
{
    QCOMPARE(m_filter->rowCount(), 6);
    QCOMPARE(m_filter->columnCount(), int(SandboxTableModel::ColumnCount));
}

void TestSandboxFilterModel::searchMatchesNameImageAndIdPrefix()
{
    m_filter->setSearchText(QStringLiteral("WEB"));
    QCOMPARE(names(), (QStringList{QStringLiteral("web-1"), QStringLiteral("web-old")}));

    m_filter->setSearchText(QStringLiteral("postgres"));
    QCOMPARE(names(), QStringList{QStringLiteral("db")});

    m_filter->setSearchText(m_web.id.left(6));
    QCOMPARE(names(), QStringList{QStringLiteral("web-1")});

    // Ids match from their start only: a piece from the middle is no match.
    m_filter->setSearchText(m_web.id.mid(5));
    QCOMPARE(names(), QStringList());

    m_filter->setSearchText(QStringLiteral("no-such-thing"));
    QCOMPARE(m_filter->rowCount(), 0);

    m_filter->setSearchText(QString());
    QCOMPARE(m_filter->rowCount(), 6);
}

void TestSandboxFilterModel::everySearchWordMustMatch()
{
    m_filter->setSearchText(QStringLiteral("  nginx   old "));
    QCOMPARE(names(), QStringList{QStringLiteral("web-old")});
}

void TestSandboxFilterModel::filtersByStatus()
{
    m_filter->setStatusFilter(SandboxStatus::Running);
    QCOMPARE(names(), (QStringList{QStringLiteral("db"), QStringLiteral("web-1")}));
    m_filter->setStatusFilter(SandboxStatus::Paused);
    QCOMPARE(names(), QStringList{QStringLiteral("cache")});
    m_filter->setStatusFilter(SandboxStatus::Exited);
    QCOMPARE(names(), QStringList{QStringLiteral("worker-2")});
    m_filter->setStatusFilter(SandboxStatus::Created);
    QCOMPARE(names(), QStringList{QStringLiteral("job")});
    m_filter->setStatusFilter(std::nullopt);
    QCOMPARE(m_filter->rowCount(), 6);
}

void TestSandboxFilterModel::filtersByConnection()
{
    m_filter->setBackendFilter(QStringLiteral("b"));
    QCOMPARE(names(),
             (QStringList{QStringLiteral("db"), QStringLiteral("job"), QStringLiteral("web-old")}));
    m_filter->setBackendFilter(QString());
    QCOMPARE(m_filter->rowCount(), 6);
}

void TestSandboxFilterModel::combinesFilters()
{
    m_filter->setSearchText(QStringLiteral("web"));
    m_filter->setStatusFilter(SandboxStatus::Running);
    QCOMPARE(names(), QStringList{QStringLiteral("web-1")});
    m_filter->setBackendFilter(QStringLiteral("b"));
    QCOMPARE(m_filter->rowCount(), 0);
}

void TestSandboxFilterModel::followsLiveChanges()
{
    m_filter->setStatusFilter(SandboxStatus::Running);
    QCOMPARE(m_filter->rowCount(), 2);

    Sandbox stopped = m_web;
    stopped.status = SandboxStatus::Exited;
    m_a->change(stopped);
    QCOMPARE(names(), QStringList{QStringLiteral("db")});

    m_a->add(QStringLiteral("web-2"), QStringLiteral("nginx:1.25"), SandboxStatus::Running);
    QCOMPARE(names(), (QStringList{QStringLiteral("db"), QStringLiteral("web-2")}));
}

void TestSandboxFilterModel::sortsStatusByLifecycleOrder()
{
    m_filter->sort(SandboxTableModel::StatusColumn, Qt::AscendingOrder);
    QStringList statuses;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        statuses << m_filter->index(row, SandboxTableModel::StatusColumn)
                        .data(SandboxTableModel::StatusKeyRole)
                        .toString();
    // The enum's order, not the translated words' alphabetical order.
    QCOMPARE(statuses.first(), QStringLiteral("created"));
    QCOMPARE(statuses.last(), QStringLiteral("dead"));
}

QTEST_MAIN(TestSandboxFilterModel)
#include "tst_sandboxfiltermodel.moc"
