#pragma once

#include "net/HttpClient.h"
#include "sandbox/Backend.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <functional>

class ExpiryStore;
class QTimer;

// A Docker (or Podman) engine. The live set is fed by the events stream, never by polling;
// when the stream breaks the backend says so, retries with backoff and lists afresh.
class DockerBackend final : public Backend
{
    Q_OBJECT
public:
    DockerBackend(const QString& id, const QString& displayName, const Endpoint& endpoint,
                  QObject* parent = nullptr);
    // displayName is asked each time, so that a name follows the language of the moment.
    DockerBackend(const QString& id, std::function<QString()> displayName, const Endpoint& endpoint,
                  QObject* parent = nullptr);
    ~DockerBackend() override;

    QString id() const override { return m_id; }
    QString displayName() const override { return m_displayName(); }
    QString endpointDescription() const override { return m_http->endpoint().url; }
    Capabilities capabilities() const override;

    bool isSettled() const override;
    void setDetailsInBackground(bool wanted) override { m_detailsInBackground = wanted; }
    void setWatchesChanges(bool wanted) override { m_watchesChanges = wanted; }

    void connectToBackend() override;
    void disconnectFromBackend() override;

    ResultJob<QString>* create(const SandboxSpec& spec) override;
    Job* perform(Action action, const QString& id) override;
    Job* remove(const QString& id, bool force) override;
    ResultJob<QJsonObject>* inspect(const QString& id) override;
    ResultJob<QStringList>* listImages() override;
    Job* pullImage(const QString& reference) override;
    LogStream* openLogs(const QString& id, const LogOptions& options) override;
    ExecSession* openExec(const QString& id, const ExecOptions& options) override;
    SandboxFiles* openFiles(const QString& id, const QString& container = {}) override;
    StatsStream* openStats(const QString& id) override;
    // The container's exec instances (ExecIDs) that are still running.
    ResultJob<int>* openSessions(const QString& id) override;
    // Labels cannot change: a lifetime set at create is the label Lifetime::labelKey(), one set
    // later lives in an ExpiryStore that every client on this machine shares.
    Job* setExpiry(const QString& id, const QDateTime& expiresAt) override;

protected:
    SandboxDetails detailsFromInspect(const QJsonObject& inspect) const override;

public:
    // Delay before the next reconnection attempt; tests shorten it.
    void setReconnectDelays(int firstMs, int maxMs);
    // How long connecting and each request may take (HttpClient's limits).
    void setTimeouts(int connectMs, int requestMs);
    // While connected the engine is pinged every intervalMs: its event stream says nothing
    // when nothing happens, so silence alone cannot tell a quiet engine from a dead one.
    void setLiveness(int intervalMs, int timeoutMs);

private:
    // Sends request for job: the job fails with the engine's error, or onSuccess finishes it.
    void countRunningExecs(ResultJob<int>* job, QStringList execIds, int running);
    void send(Job* job, const HttpRequest& request,
              const std::function<void(HttpReply* reply)>& onSuccess);
    static Error errorFrom(HttpReply* reply);

    void attempt();
    void onVersion(HttpReply* reply);
    void openEvents();
    void onEventData(const QByteArray& data);
    void handleEvent(const QByteArray& line);
    void listAll();
    void refresh(const QString& id);
    void fetchLimits(const QString& id);
    void pumpLimits();
    void applyLimits(Sandbox* sandbox) const;
    void applyExpiry(Sandbox* sandbox) const;
    void onExpiriesChanged();
    void lose(const Error& error);
    void ping();

    QString m_id;
    std::function<QString()> m_displayName;
    ExpiryStore* m_expiry = nullptr;
    HttpClient* m_http = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    QTimer* m_pingTimer = nullptr;
    int m_pingTimeoutMs = 10000;
    bool m_pinging = false;
    int m_firstDelayMs = 500;
    int m_maxDelayMs = 5000;
    int m_nextDelayMs = 500;
    bool m_wanted = false;
    quint64 m_generation = 0; // bumps on every (re)connection; stale replies are dropped

    HttpReply* m_events = nullptr;
    QByteArray m_eventBuffer;
    bool m_listing = false;
    QSet<QString> m_touchedWhileListing;

    QSet<QString> m_refreshing;
    QSet<QString> m_refreshAgain;

    struct Limits
    {
        double cpus = 0;
        qint64 memoryBytes = 0;
    };
    QHash<QString, Limits> m_limits;

    struct ExpectedStatus
    {
        SandboxStatus status;
        int retries;
    };
    QHash<QString, ExpectedStatus>
        m_eventStatus; // what the latest event said, until the list agrees
    bool m_detailsInBackground = true;
    bool m_watchesChanges = true;
    QStringList m_limitsQueue;
    int m_limitsInFlight = 0;
};
