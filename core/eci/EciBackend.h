#pragma once

#include "EciClient.h"
#include "EciSigner.h"
#include "sandbox/PolledBackend.h"

#include <QMap>

class QNetworkAccessManager;

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
// DescribeContainerGroups, swept page by page (see PolledBackend) within the quota; throttling
// slows the sweeps down and is reported, but only a sweep that fails for other reasons loses
// the connection.
class EciBackend final : public PolledBackend
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
    // Slower while throttled, and never faster than the quota allows.
    int nextPollDelayMs() const override;

protected:
    SandboxDetails detailsFromInspect(const QJsonObject& inspect) const override;
    // The cursor is DescribeContainerGroups' NextToken.
    ResultJob<SweepPage>* requestPage(const QString& token) override;
    Error endlessListError() const override;
    void sweepStarting() override;
    Error sweepCompleted() override;
    bool sweepFailedHandled(const Error& error) override;

Q_SIGNALS:
    // Alibaba Cloud or the local quota made a call wait; text is a sentence for a status bar.
    void throttled(const QString& text);

private:
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

    bool m_sweepThrottled = false;
    int m_backoffFactor = 1;
    Error m_throttleNotice;

    QStringList m_zones; // the region's recommended zones, once asked for
    QString m_statusFilter;
    QMap<QString, QString> m_tagFilter;
    int m_pageSize = 20;
};
