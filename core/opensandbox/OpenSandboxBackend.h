#pragma once

#include "OpenSandboxClient.h"
#include "sandbox/PolledBackend.h"

#include <QMap>

// The sandboxes of one OpenSandbox server. The live set comes from GET /sandboxes, swept page
// by page (see PolledBackend). Lifetimes are the server's own: create() passes the spec's
// lifetime as the timeout, setExpiry() renews.
class OpenSandboxBackend final : public PolledBackend
{
    Q_OBJECT
public:
    explicit OpenSandboxBackend(const OpenSandboxConfig& config, QObject* parent = nullptr);
    ~OpenSandboxBackend() override;

    QString id() const override;
    QString displayName() const override;
    QString endpointDescription() const override;
    Capabilities capabilities() const override;

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

protected:
    SandboxDetails detailsFromInspect(const QJsonObject& inspect) const override;
    // The cursor is the page number.
    ResultJob<SweepPage>* requestPage(const QString& cursor) override;
    Error endlessListError() const override;

private:
    using Handler = std::function<void(const QJsonObject& answer)>;
    // Sends a call for job: the job fails with the call's error, or onSuccess finishes it.
    void call(Job* job, const QByteArray& method, const QByteArray& path, const QJsonValue& body,
              const Handler& onSuccess);
    template<typename J = Job> J* refused(const Error& error);
    static QByteArray sandboxPath(const QString& id);

    OpenSandboxConfig m_config;
    OpenSandboxClient* m_client;

    QHash<QString, QJsonObject> m_execdEndpoints;
    QStringList m_stateFilter;
    QMap<QString, QString> m_metadataFilter;
    int m_pageSize = 100;
};
