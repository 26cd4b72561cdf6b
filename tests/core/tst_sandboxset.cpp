#include "ListBackend.h"
#include "sandbox/Backend.h"
#include "sandbox/SandboxSet.h"
#include "sandbox/SandboxTableModel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

Sandbox make(const QString& id, SandboxStatus status = SandboxStatus::Running,
             const QString& backendId = QStringLiteral("a"))
{
    Sandbox sandbox;
    sandbox.backendId = backendId;
    sandbox.id = id;
    sandbox.name = QStringLiteral("name-") + id;
    sandbox.status = status;
    return sandbox;
}

QStringList ids(const char* commaSeparated)
{
    return QString::fromLatin1(commaSeparated).split(QLatin1Char(','));
}

QStringList idsOf(const QList<Sandbox>& sandboxes)
{
    QStringList ids;
    for (const Sandbox& sandbox : sandboxes)
        ids << sandbox.id;
    return ids;
}

// A snapshot drawn from a small pool of ids, in random order, with random statuses and now
// and then a repeated or empty id.
QList<Sandbox> randomSnapshot(QRandomGenerator* random, const QString& backendId = {})
{
    static constexpr int Pool = 24;
    QList<Sandbox> snapshot;
    const int count = random->bounded(Pool + 1);
    for (int i = 0; i < count; ++i) {
        const int roll = random->bounded(40);
        const QString id = roll == 0 ? QString() : QString::number(random->bounded(Pool));
        const auto status = SandboxStatus(random->bounded(int(SandboxStatus::Dead) + 1));
        snapshot << make(id, status, backendId);
    }
    return snapshot;
}

// What assign() must arrive at: the snapshot without empty ids, first of repeated ids kept.
QList<Sandbox> reference(const QList<Sandbox>& snapshot)
{
    QList<Sandbox> expected;
    QSet<QString> seen;
    for (const Sandbox& sandbox : snapshot) {
        if (sandbox.id.isEmpty() || seen.contains(sandbox.id))
            continue;
        seen.insert(sandbox.id);
        expected << sandbox;
    }
    return expected;
}

// Rebuilds the set from its signals alone, as a model would, and checks that each announcement
// comes before the change and each confirmation after it.
class Mirror final : public QObject
{
public:
    explicit Mirror(SandboxSet* set)
        : m_set(set)
    {
        connect(set, &SandboxSet::aboutToBeInserted, this, [this](int first, int last) {
            QCOMPARE_LE(first, last);
            QCOMPARE(m_set->size(), m_rows.size());
            QVERIFY(first >= 0 && first <= m_rows.size());
            m_pending = last - first + 1;
        });
        connect(set, &SandboxSet::inserted, this, [this](int first, int last) {
            QCOMPARE(last - first + 1, m_pending);
            QCOMPARE(m_set->size(), m_rows.size() + m_pending);
            for (int i = first; i <= last; ++i)
                m_rows.insert(i, m_set->at(i));
            inserted += m_pending;
            m_pending = 0;
        });
        connect(set, &SandboxSet::aboutToBeRemoved, this, [this](int first, int last) {
            QCOMPARE(m_set->size(), m_rows.size());
            QVERIFY(first >= 0 && first <= last && last < m_rows.size());
            m_pending = last - first + 1;
        });
        connect(set, &SandboxSet::removed, this, [this](int first, int last) {
            QCOMPARE(m_set->size(), m_rows.size() - m_pending);
            m_rows.remove(first, last - first + 1);
            removed += m_pending;
            m_pending = 0;
        });
        connect(set, &SandboxSet::aboutToBeMoved, this, [this](int from, int to) {
            QCOMPARE(m_set->at(from).id, m_rows.at(from).id);
            QVERIFY(from != to && to >= 0 && to < m_rows.size());
        });
        connect(set, &SandboxSet::moved, this, [this](int from, int to) {
            m_rows.move(from, to);
            QCOMPARE(m_set->at(to).id, m_rows.at(to).id);
            ++moved;
        });
        connect(set, &SandboxSet::changed, this, [this](int first, int last) {
            QVERIFY(first >= 0 && first <= last && last < m_rows.size());
            for (int i = first; i <= last; ++i) {
                QCOMPARE(m_set->at(i).id, m_rows.at(i).id);
                QVERIFY(!(m_set->at(i) == m_rows.at(i)));
                m_rows[i] = m_set->at(i);
                ++changed;
            }
        });
    }

    const QList<Sandbox>& rows() const { return m_rows; }
    void resetCounts() { inserted = removed = moved = changed = 0; }

    int inserted = 0;
    int removed = 0;
    int moved = 0;
    int changed = 0;

private:
    SandboxSet* m_set;
    QList<Sandbox> m_rows;
    int m_pending = 0;
};

} // namespace

class TestSandboxSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void assignFollowsTheSnapshotsOrder();
    void assignSkipsEmptyAndRepeatedIds();
    void sameSnapshotEmitsNothing();
    void upsertAndRemove();
    void backendSignalsFollowTheSet();
    void randomSnapshotsMatchTheReference_data();
    void randomSnapshotsMatchTheReference();
    void modelFollowsRandomSnapshots_data();
    void modelFollowsRandomSnapshots();
};

void TestSandboxSet::assignFollowsTheSnapshotsOrder()
{
    SandboxSet set;
    Mirror mirror(&set);
    set.assign({make(QStringLiteral("1")), make(QStringLiteral("2")), make(QStringLiteral("3"))});
    QCOMPARE(idsOf(set.items()), ids("1,2,3"));
    QCOMPARE(mirror.inserted, 3);

    mirror.resetCounts();
    QSignalSpy inserted(&set, &SandboxSet::inserted);
    set.assign({make(QStringLiteral("3")), make(QStringLiteral("4")), make(QStringLiteral("5")),
                make(QStringLiteral("1"), SandboxStatus::Exited)});
    QCOMPARE(idsOf(set.items()), ids("3,4,5,1"));
    QCOMPARE(idsOf(mirror.rows()), idsOf(set.items()));
    QCOMPARE(mirror.removed, 1);
    QCOMPARE(mirror.inserted, 2);
    QCOMPARE(mirror.changed, 1);
    // Neighbouring new ids arrive as one range.
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first(), (QVariantList{1, 2}));
    for (int i = 0; i < set.size(); ++i)
        QCOMPARE(set.indexOf(set.at(i).id), i);
    QCOMPARE(set.indexOf(QStringLiteral("2")), -1);
    QCOMPARE(set.value(QStringLiteral("1")).status, SandboxStatus::Exited);
}

void TestSandboxSet::assignSkipsEmptyAndRepeatedIds()
{
    SandboxSet set;
    set.assign({make(QStringLiteral("1")), make(QString()),
                make(QStringLiteral("1"), SandboxStatus::Exited), make(QStringLiteral("2"))});
    QCOMPARE(idsOf(set.items()), ids("1,2"));
    QCOMPARE(set.at(0).status, SandboxStatus::Running);
    set.upsert(make(QString()));
    QCOMPARE(set.size(), 2);
}

void TestSandboxSet::sameSnapshotEmitsNothing()
{
    SandboxSet set;
    const QList<Sandbox> snapshot = {make(QStringLiteral("1")), make(QStringLiteral("2"))};
    set.assign(snapshot);
    Mirror mirror(&set);
    QSignalSpy changed(&set, &SandboxSet::changed);
    set.assign(snapshot);
    set.upsert(snapshot.first());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(mirror.inserted + mirror.removed + mirror.moved, 0);
}

void TestSandboxSet::upsertAndRemove()
{
    SandboxSet set;
    Mirror mirror(&set);
    set.upsert(make(QStringLiteral("1")));
    set.upsert(make(QStringLiteral("2")));
    set.upsert(make(QStringLiteral("1"), SandboxStatus::Paused));
    QCOMPARE(idsOf(set.items()), ids("1,2"));
    QCOMPARE(mirror.changed, 1);
    QVERIFY(set.remove(QStringLiteral("1")));
    QVERIFY(!set.remove(QStringLiteral("1")));
    QCOMPARE(idsOf(set.items()), ids("2"));
    QCOMPARE(set.indexOf(QStringLiteral("2")), 0);
    set.clear();
    QVERIFY(set.isEmpty());
    QVERIFY(mirror.rows().isEmpty());
}

void TestSandboxSet::backendSignalsFollowTheSet()
{
    ListBackend backend(QStringLiteral("a"));
    QSignalSpy added(&backend, &Backend::sandboxAdded);
    QSignalSpy changed(&backend, &Backend::sandboxChanged);
    QSignalSpy removed(&backend, &Backend::sandboxRemoved);
    backend.set()->assign({make(QStringLiteral("1")), make(QStringLiteral("2"))});
    QCOMPARE(added.size(), 2);
    QCOMPARE(added.at(1).first().value<Sandbox>().id, QStringLiteral("2"));
    backend.set()->assign({make(QStringLiteral("2"), SandboxStatus::Exited)});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), QStringLiteral("1"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<Sandbox>().status, SandboxStatus::Exited);
    QCOMPARE(backend.sandboxes(), backend.set()->items());
    bool found = false;
    QCOMPARE(backend.sandbox(QStringLiteral("2"), &found).status, SandboxStatus::Exited);
    QVERIFY(found);
    backend.sandbox(QStringLiteral("1"), &found);
    QVERIFY(!found);
}

void TestSandboxSet::randomSnapshotsMatchTheReference_data()
{
    QTest::addColumn<quint32>("seed");
    for (const quint32 seed : {1U, 7U, 42U, 1234U, 99991U})
        QTest::addRow("seed %u", seed) << seed;
}

void TestSandboxSet::randomSnapshotsMatchTheReference()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    SandboxSet set;
    Mirror mirror(&set);
    for (int round = 0; round < 400; ++round) {
        const QList<Sandbox> before = set.items();
        if (random.bounded(5) == 0) {
            // A single event between two lists, as the Docker backend sees them.
            const Sandbox one = make(QString::number(random.bounded(24)),
                                     SandboxStatus(random.bounded(int(SandboxStatus::Dead) + 1)));
            if (random.bounded(3) == 0) {
                set.remove(one.id);
            } else {
                set.upsert(one);
            }
        } else {
            const QList<Sandbox> snapshot = randomSnapshot(&random);
            const QList<Sandbox> expected = reference(snapshot);
            mirror.resetCounts();
            set.assign(snapshot);
            QCOMPARE(set.items(), expected);

            // Only what differs is announced: every new id once, every gone id once, and a
            // change only for an id whose sandbox is not equal to the one it had.
            QSet<QString> beforeIds;
            for (const Sandbox& sandbox : before)
                beforeIds.insert(sandbox.id);
            int added = 0;
            int changed = 0;
            for (const Sandbox& sandbox : expected) {
                if (!beforeIds.contains(sandbox.id))
                    ++added;
                else if (!(before.at(idsOf(before).indexOf(sandbox.id)) == sandbox))
                    ++changed;
            }
            QCOMPARE(mirror.inserted, added);
            QCOMPARE(mirror.removed, int(before.size()) - (int(expected.size()) - added));
            QCOMPARE(mirror.changed, changed);
            QVERIFY(mirror.moved < int(expected.size()) || expected.isEmpty());
        }
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("round %1").arg(round)));
        QCOMPARE(mirror.rows(), set.items());
        for (int i = 0; i < set.size(); ++i)
            QCOMPARE(set.indexOf(set.at(i).id), i);
    }
}

void TestSandboxSet::modelFollowsRandomSnapshots_data()
{
    QTest::addColumn<quint32>("seed");
    for (const quint32 seed : {3U, 17U, 2024U})
        QTest::addRow("seed %u", seed) << seed;
}

void TestSandboxSet::modelFollowsRandomSnapshots()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    SandboxTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<std::unique_ptr<ListBackend>> backends;
    int nextBackend = 0;
    const auto addBackend = [&] {
        auto backend = std::make_unique<ListBackend>(QString::number(nextBackend),
                                                     QStringLiteral("Backend ") +
                                                         QString::number(nextBackend));
        ++nextBackend;
        // Some backends come with sandboxes already listed.
        if (random.bounded(2))
            backend->set()->assign(randomSnapshot(&random, backend->id()));
        model.addBackend(backend.get());
        backends.push_back(std::move(backend));
    };
    for (int i = 0; i < 3; ++i)
        addBackend();

    for (int round = 0; round < 300; ++round) {
        const int roll = random.bounded(20);
        if (roll == 0 && !backends.empty()) {
            // Removed from the table, or deleted outright: either way its rows go.
            const auto victim = backends.begin() + random.bounded(int(backends.size()));
            if (random.bounded(2))
                model.removeBackend(victim->get());
            backends.erase(victim);
        } else if (roll == 1 || backends.empty()) {
            addBackend();
        } else {
            ListBackend* backend = backends.at(random.bounded(int(backends.size()))).get();
            if (random.bounded(4) == 0) {
                backend->set()->upsert(make(QString::number(random.bounded(24)),
                                            SandboxStatus::Paused, backend->id()));
            } else {
                backend->set()->assign(randomSnapshot(&random, backend->id()));
            }
        }
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("round %1").arg(round)));

        // The rows are the backends' sets one after another, in the order they were added.
        QList<Sandbox> expected;
        for (const auto& backend : backends)
            expected << backend->sandboxes();
        QCOMPARE(model.rowCount(), int(expected.size()));
        for (int row = 0; row < expected.size(); ++row) {
            QCOMPARE(model.sandboxAt(row), expected.at(row));
            QCOMPARE(model.rowOf(expected.at(row).backendId, expected.at(row).id), row);
            QCOMPARE(model.index(row, SandboxTableModel::ConnectionColumn).data().toString(),
                     QStringLiteral("Backend ") + expected.at(row).backendId);
        }
        QCOMPARE(model.backends().size(), qsizetype(backends.size()));
    }
}

QTEST_GUILESS_MAIN(TestSandboxSet)
#include "tst_sandboxset.moc"
