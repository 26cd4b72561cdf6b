#pragma once

#include <QSettings>
#include <QStringList>

#include <memory>

// The command lines run in each sandbox, newest first, kept across restarts in QSettings.
// Command lines only: scripts, environments and output are never written down, since they
// are where secrets end up.
class RunHistory final
{
public:
    // An empty path uses the platform's default location for the organisation and app name.
    explicit RunHistory(const QString& path = {});
    ~RunHistory();
    Q_DISABLE_COPY_MOVE(RunHistory)

    QStringList commands(const QString& backendId, const QString& sandboxId) const;
    // Puts command first (once); the oldest past maxEntries are forgotten.
    void add(const QString& backendId, const QString& sandboxId, const QString& command);
    void clear(const QString& backendId, const QString& sandboxId);

    static constexpr int maxEntries = 50;

private:
    std::unique_ptr<QSettings> m_settings;
};
