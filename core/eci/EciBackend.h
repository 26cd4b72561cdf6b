#pragma once

#include "EciClient.h"
#include "EciSigner.h"
#include "sandbox/Backend.h"

#include <QElapsedTimer>
#include <QMap>
#include <QPointer>

class QNetworkAccessManager;
class QTimer;

struct EciBackendConfig
{
    QString accountName;
    QString regionId;
    QString endpoint; // empty: https://eci.<region>.aliyuncs.com
    EciCredentials credentials;
    EciSigner::Version signatureVersion = EciSigner::Version::V3;
    int pollIntervalMs = 5000;
    // How often a live stats stream asks for the newest metric points (ECI keeps one per 15 s).
    int statsIntervalMs = 15000;
};

// Alibaba Cloud ECI container groups in one region of one account. The live set comes from
// DescribeContainerGroups, swept page by page (one sweep at a time, within the quota, faster
// for a while after the user acts); throttling slows the sweeps down and is reported, but
// only a sweep that fails for other reasons loses the connection.
class EciBackend final : public Backend
{
    Q_OBJECT
public:
    EciBackend(const EciBackendConfig& config, QNetworkAccessManager* network,
               QObject* parent = nullptr);
    ~EciBackend() override;

    QString id() const override;
    QString displayName() const override;
    QString endpointDescription() const override;
    Capabilities capabilities() const override;

    bool isSettled() const override;

    void connectToBackend() override;
    void disconnectFromBackend() override;

    // Zones come from DescribeRegions once loadCreateChoices() has finished.
    CreateForm createForm() const override;
    Job* loadCreateChoices() override;
    QList<SpecProblem> validate(const SandboxSpec& spec) const override;
    ResultJob<QString>* create(const SandboxSpec& spec) override;
    Job* perform(Action action, const QString& id) override;
    Job* remove(const QString& id, bool force) override;
    // The group's JSON as DescribeContainerGroups gives it, with DescribeContainerGroupEvents'
    // events under "Events" when the service has them.
    ResultJob<QJsonObject>* inspect(const QString& id) override;
    ResultJob<QStringList>* listImages() override;
    Job* pullImage(const QString& reference) override;
    LogStream* openLogs(const QString& id, const LogOptions& options) override;
    ExecSession* openExec(const QString& id, const ExecOptions& options) override;
    SandboxFiles* openFiles(const QString& id, const QString& container = {}) override;
    ResultJob<QList<ResourceSample>>* resourceHistory(const QString& id) override;
    StatsStream* openStats(const QString& id) override;
    // The lifetime is the tag Lifetime::labelKey(), which UpdateContainerGroup can change.
    Job* setExpiry(const QString& id, const QDateTime& expiresAt) override;
    // The metric points of the last `seconds`, at ECI's finest period (15 s), oldest first.
    ResultJob<QList<ResourceSample>>* recentSamples(const QString& id, int seconds);

    // DescribeRegions: the region ids this account can use.
    ResultJob<QStringList>* listRegions();

    const EciBackendConfig& config() const { return m_config; }
    EciClient* client() const { return m_client; }
    static QString defaultEndpoint(const QString& regionId);

    // Narrows the live set to an ECI status word and tags (every one must match).
    void setListFilter(const QString& status, const QMap<QString, QString>& tags);
    // Groups per DescribeContainerGroups page, 1 to 20 (the service's maximum, the default).
    void setPageSize(int groups);
    // Delay before a sweep is tried again after one failed; tests shorten it.
    void setReconnectDelays(int firstMs, int maxMs);
    // How many requests the last complete sweep took.
    int lastSweepPages() const { return m_lastSweepPages; }
    // The time to the next sweep that the poll would choose now (for tests and benchmarks).
    int nextPollDelayMs() const;

protected:
    SandboxDetails detailsFromInspect(const QJsonObject& inspect) const override;

Q_SIGNALS:
    // Alibaba Cloud or the local quota made a call wait; text is a sentence for a status bar.
    void throttled(const QString& text);
    // A sweep of the live set completed.
    void listed();

private:
    void sweep();
    void dropSweep();
    void fetchPage(const QString& token);
    void sweepFinished();
    void sweepFailed(const Error& error);
    void scheduleNextSweep();
    // The user acted: look again soon, and often for a while.
    void nudge();
    void onThrottled(const QString& action, int delayMs, const QString& text);

    using Handler = std::function<void(const QJsonObject& response)>;
    // Sends action for job: the job fails with the call's error, or onSuccess finishes it.
    void call(Job* job, const QString& action, const EciParams& params, const Handler& onSuccess);
    // Finishes job with error from the event loop, so that callers can connect first.
    template<typename J = Job> J* refused(const Error& error);
    // Cancelling job deletes the client call it waits on, which aborts the request.
    static void abortWith(Job* job, Job* call);
    EciParams regionParams() const;
    ResultJob<QList<ResourceSample>>* metric(const QString& id, const QDateTime& start,
                                             const QDateTime& end, int periodSeconds);

    EciBackendConfig m_config;
    EciClient* m_client;
    QTimer* m_pollTimer;
    QElapsedTimer m_clock;

    bool m_wanted = false;
    bool m_settled = false;
    quint64 m_generation = 0; // bumps on every (dis)connection; stale replies are dropped
    QPointer<Job> m_sweepJob;
    bool m_sweepAgain = false;
    bool m_sweepThrottled = false;
    int m_sweepPages = 0;
    int m_lastSweepPages = 1;
    QList<Sandbox> m_sweepFound;

    qint64 m_fastUntilMs = 0;
    int m_backoffFactor = 1;
    int m_firstDelayMs = 500;
    int m_maxDelayMs = 30000;
    int m_nextDelayMs = 500;
    Error m_throttleNotice;

    QStringList m_zones; // the region's recommended zones, once asked for
    QString m_statusFilter;
    QMap<QString, QString> m_tagFilter;
    int m_pageSize = 20;
};
