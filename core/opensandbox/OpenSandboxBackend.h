#pragma once

#include "OpenSandboxClient.h"
#include "sandbox/Backend.h"

#include <QElapsedTimer>
#include <QMap>
#include <QPointer>

class QTimer;

// The sandboxes of one OpenSandbox server. The live set comes from GET /sandboxes, swept page
// by page (one sweep at a time, faster for a while after the user acts); a failed sweep loses
// the connection and is tried again with backoff while the last list stays shown. Lifetimes
// are the server's own: create() passes the spec's lifetime as the timeout, setExpiry() renews.
class OpenSandboxBackend final : public Backend
{
    Q_OBJECT
public:
    explicit OpenSandboxBackend(const OpenSandboxConfig& config, QObject* parent = nullptr);
    ~OpenSandboxBackend() override;

    QString id() const override;
    QString displayName() const override;
    QString endpointDescription() const override;
    Capabilities capabilities() const override;

    bool isSettled() const override { return m_settled && state() == State::Connected; }

    void connectToBackend() override;
    void disconnectFromBackend() override;

    CreateForm createForm() const override;
    QList<SpecProblem> validate(const SandboxSpec& spec) const override;
    ResultJob<QString>* create(const SandboxSpec& spec) override;
    Job* perform(Action action, const QString& id) override;
    Job* remove(const QString& id, bool force) override;
    // GET /sandboxes/{id}, with the lifecycle events of its diagnostics under "events" when
    // the server has them.
    ResultJob<QJsonObject>* inspect(const QString& id) override;
    ResultJob<QStringList>* listImages() override;
    Job* pullImage(const QString& reference) override;
    LogStream* openLogs(const QString& id, const LogOptions& options) override;
    // The sandbox's files through execd's files API (see OpenSandboxFiles).
    SandboxFiles* openFiles(const QString& id, const QString& container = {}) override;
    // A command run by the sandbox's execd (see OpenSandboxExecSession).
    ExecSession* openExec(const QString& id, const ExecOptions& options) override;
    // execd's metrics watch stream (see OpenSandboxStatsStream).
    StatsStream* openStats(const QString& id) override;
    // execd's background commands (see OpenSandboxBackgroundCommands).
    BackgroundCommands* openBackgroundCommands(const QString& id) override;
    Job* setExpiry(const QString& id, const QDateTime& expiresAt) override;

    // The answer of GET /sandboxes/{id}/endpoints/44772 for the sandbox, as the server gave it
    // last (it does not change while the sandbox lives); empty when not asked yet.
    QJsonObject execdEndpoint(const QString& id) const { return m_execdEndpoints.value(id); }
    void rememberExecdEndpoint(const QString& id, const QJsonObject& answer);
    void forgetExecdEndpoint(const QString& id) { m_execdEndpoints.remove(id); }
    // The sandbox's execd endpoint, remembered or asked for; done runs with the answer or the
    // error, unless context is gone by then.
    void
    resolveExecd(const QString& id, QObject* context,
                 const std::function<void(const QJsonObject& answer, const Error& error)>& done);

    // GET /sandboxes/{id}: the sandbox as the server has it now.
    ResultJob<Sandbox>* fetch(const QString& id);

    OpenSandboxClient* client() const { return m_client; }
    const OpenSandboxConfig& config() const { return m_config; }

    // Narrows the live set to some states (any of them) and metadata (every pair must match).
    void setListFilter(const QStringList& states, const QMap<QString, QString>& metadata);
    // Sandboxes per page, 1 to 200.
    void setPageSize(int sandboxes);
    // Delay before a sweep is tried again after one failed; tests shorten it.
    void setReconnectDelays(int firstMs, int maxMs);
    // How many requests the last complete sweep took.
    int lastSweepPages() const { return m_lastSweepPages; }

protected:
    SandboxDetails detailsFromInspect(const QJsonObject& inspect) const override;

Q_SIGNALS:
    // A sweep of the live set completed.
    void listed();

private:
    void sweep();
    void dropSweep();
    void fetchPage(int page);
    void sweepFinished();
    void sweepFailed(const Error& error);
    void scheduleNextSweep();
    int nextPollDelayMs() const;
    // The user acted: look again soon, and often for a while.
    void nudge();

    using Handler = std::function<void(const QJsonObject& answer)>;
    // Sends a call for job: the job fails with the call's error, or onSuccess finishes it.
    void call(Job* job, const QByteArray& method, const QByteArray& path, const QJsonValue& body,
              const Handler& onSuccess);
    template<typename J = Job> J* refused(const Error& error);
    static QByteArray sandboxPath(const QString& id);

    OpenSandboxConfig m_config;
    OpenSandboxClient* m_client;
    QTimer* m_pollTimer;
    QElapsedTimer m_clock;

    bool m_wanted = false;
    bool m_settled = false;
    quint64 m_generation = 0;
    QPointer<Job> m_sweepJob;
    bool m_sweepAgain = false;
    int m_sweepPages = 0;
    int m_lastSweepPages = 1;
    QList<Sandbox> m_sweepFound;

    qint64 m_fastUntilMs = 0;
    int m_firstDelayMs = 500;
    int m_maxDelayMs = 30000;
    int m_nextDelayMs = 500;

    QHash<QString, QJsonObject> m_execdEndpoints;
    QStringList m_stateFilter;
    QMap<QString, QString> m_metadataFilter;
    int m_pageSize = 100;
};
