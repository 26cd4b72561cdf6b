#include "HeldBackend.h"
#include "sandbox/Job.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

class TestResultJob final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstValueWins();
    void errorThenValueKeepsTheError();
    void cancelLeavesNoValue();
    void deletesItselfUnlessKept();
    void backendGoingAwayCancelsOpenJobs();
};

void TestResultJob::firstValueWins()
{
    ResultJob<QStringList> job;
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.finishWithValue({QStringLiteral("a"), QStringLiteral("b")});
    job.finishWithValue({QStringLiteral("c")});
    job.finishWithError(Error::make(Error::Server, QStringLiteral("late")));
    QCOMPARE(finished.size(), 1);
    QVERIFY(job.isFinished());
    QVERIFY(!job.error().isError());
    QCOMPARE(job.value(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
}

void TestResultJob::errorThenValueKeepsTheError()
{
    ResultJob<QString> job;
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.finishWithError(Error::make(Error::NotFound, QStringLiteral("gone")));
    job.finishWithValue(QStringLiteral("id"));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job.error().kind, Error::NotFound);
    QVERIFY(job.value().isEmpty());
}

void TestResultJob::cancelLeavesNoValue()
{
    ResultJob<QList<ResourceSample>> job;
    job.setAutoDelete(false);
    QSignalSpy cancelRequested(&job, &Job::cancelRequested);
    QSignalSpy finished(&job, &Job::finished);
    job.cancel();
    job.cancel();
    job.finishWithValue({ResourceSample{}});
    QCOMPARE(cancelRequested.size(), 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job.error().kind, Error::Cancelled);
    QVERIFY(job.value().isEmpty());
}

void TestResultJob::deletesItselfUnlessKept()
{
    QPointer<ResultJob<int>> job = new ResultJob<int>;
    job->finishWithValue(7);
    QVERIFY(job);
    QTRY_VERIFY(!job);

    QPointer<ResultJob<int>> kept = new ResultJob<int>;
    kept->setAutoDelete(false);
    kept->finishWithValue(7);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(kept);
    QCOMPARE(kept->value(), 7);
    delete kept.data();
}

void TestResultJob::backendGoingAwayCancelsOpenJobs()
{
    auto* backend = new HeldBackend(QStringLiteral("a"));
    ResultJob<QString>* created = backend->create({});
    Job* performed = backend->perform(Backend::Action::Restart, QStringLiteral("x"));
    Job* finishedBefore = backend->remove(QStringLiteral("y"), false);
    finishedBefore->setAutoDelete(false);
    finishedBefore->finishWithResult({});

    QList<Error::Kind> kinds;
    QList<QString> names;
    const auto watch = [&](Job* job) {
        QObject::connect(job, &Job::finished, job, [&kinds, &names, job, backend] {
            kinds << job->error().kind;
            // The backend is still whole when its jobs end.
            names << backend->displayName();
        });
    };
    watch(created);
    watch(performed);
    QSignalSpy removedFinished(finishedBefore, &Job::finished);

    delete backend;
    QCOMPARE(kinds, QList<Error::Kind>({Error::Cancelled, Error::Cancelled}));
    QCOMPARE(names, QStringList({QStringLiteral("Held a"), QStringLiteral("Held a")}));
    QCOMPARE(removedFinished.size(), 0); // finished once, before
}

QTEST_GUILESS_MAIN(TestResultJob)
#include "tst_resultjob.moc"
