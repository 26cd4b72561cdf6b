#include "HeldBackend.h"
#include "logs/ActivityLog.h"
#include "sandbox/BulkOperation.h"
#include "sandbox/Job.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

class TestBulkOperation final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportsFailuresTogether();
    void backendGoneBeforeStartFails();
    void backendGoingAwayEndsTheOperation();
    void cancelEndsWithoutFailures();
    void jobDeletedUnfinishedStillEnds();
    void nothingToDoFinishesAtOnce();

private:
    static BulkOperation::JobStarter restart()
    {
        return [](Backend* backend, const QString& id) {
            return backend->perform(Backend::Action::Restart, id);
        };
    }
};

void TestBulkOperation::reportsFailuresTogether()
{
    HeldBackend backend(QStringLiteral("a"));
    ActivityLog activity;
    const QList<BulkOperation::Target> targets = {
        {&backend, QStringLiteral("1"), QStringLiteral("one")},
        {&backend, QStringLiteral("2"), QStringLiteral("two")}};
    QPointer<BulkOperation> operation =
        new BulkOperation(QStringLiteral("Restart"), targets, restart());
    operation->setActivityLog(&activity);
    QSignalSpy progressed(operation.data(), &BulkOperation::progressed);
    QSignalSpy finished(operation.data(), &BulkOperation::finished);
    operation->start();
    QCOMPARE(backend.performed.size(), 2);
    QCOMPARE(operation->total(), 2);

    backend.performed.at(0).second->finishWithResult({});
    QCOMPARE(progressed.size(), 1);
    QCOMPARE(finished.size(), 0);
    backend.performed.at(1).second->finishWithError(
        Error::make(Error::Conflict, QStringLiteral("busy")));
    QCOMPARE(progressed.last().at(0).toInt(), 2);
    QCOMPARE(finished.size(), 1);
    const auto failures = finished.first().at(0).value<QList<BulkOperation::Failure>>();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.first().name, QStringLiteral("two"));
    QCOMPARE(failures.first().error.kind, Error::Conflict);

    QCOMPARE(activity.size(), 2);
    QCOMPARE(activity.at(0).sandbox, QStringLiteral("one"));
    QCOMPARE(activity.at(0).connection, QStringLiteral("Held a"));
    QTRY_VERIFY(!operation);
}

void TestBulkOperation::backendGoneBeforeStartFails()
{
    auto* gone = new HeldBackend(QStringLiteral("gone"));
    const QList<BulkOperation::Target> targets = {
        {gone, QStringLiteral("1"), QStringLiteral("one")}};
    delete gone;
    auto* operation = new BulkOperation(QStringLiteral("Restart"), targets, restart());
    QSignalSpy finished(operation, &BulkOperation::finished);
    operation->start();
    QCOMPARE(finished.size(), 1);
    const auto failures = finished.first().at(0).value<QList<BulkOperation::Failure>>();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.first().error.kind, Error::Connection);
}

void TestBulkOperation::backendGoingAwayEndsTheOperation()
{
    auto* leaving = new HeldBackend(QStringLiteral("leaving"));
    HeldBackend staying(QStringLiteral("staying"));
    ActivityLog activity;
    const QList<BulkOperation::Target> targets = {
        {leaving, QStringLiteral("1"), QStringLiteral("one")},
        {&staying, QStringLiteral("2"), QStringLiteral("two")}};
    auto* operation = new BulkOperation(QStringLiteral("Restart"), targets, restart());
    operation->setActivityLog(&activity);
    QSignalSpy finished(operation, &BulkOperation::finished);
    operation->start();

    delete leaving;
    QCOMPARE(finished.size(), 0);
    QCOMPARE(operation->done(), 1);
    QCOMPARE(activity.at(0).connection, QStringLiteral("Held leaving"));
    staying.performed.first().second->finishWithResult({});
    QCOMPARE(finished.size(), 1);
}

void TestBulkOperation::cancelEndsWithoutFailures()
{
    HeldBackend backend(QStringLiteral("a"));
    const QList<BulkOperation::Target> targets = {
        {&backend, QStringLiteral("1"), QStringLiteral("one")},
        {&backend, QStringLiteral("2"), QStringLiteral("two")}};
    auto* operation = new BulkOperation(QStringLiteral("Restart"), targets, restart());
    QSignalSpy finished(operation, &BulkOperation::finished);
    operation->start();
    operation->cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(0).value<QList<BulkOperation::Failure>>().isEmpty());
}

void TestBulkOperation::jobDeletedUnfinishedStillEnds()
{
    HeldBackend backend(QStringLiteral("a"));
    const QList<BulkOperation::Target> targets = {
        {&backend, QStringLiteral("1"), QStringLiteral("one")}};
    auto* operation = new BulkOperation(QStringLiteral("Restart"), targets, restart());
    QSignalSpy finished(operation, &BulkOperation::finished);
    operation->start();
    delete backend.performed.first().second;
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<QList<BulkOperation::Failure>>().size(), 1);
}

void TestBulkOperation::nothingToDoFinishesAtOnce()
{
    auto* operation = new BulkOperation(QStringLiteral("Restart"), {}, restart());
    QSignalSpy finished(operation, &BulkOperation::finished);
    operation->start();
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestBulkOperation)
#include "tst_bulkoperation.moc"
