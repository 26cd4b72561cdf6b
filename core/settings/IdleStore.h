#pragma once

#include "SharedFile.h"
#include "sandbox/Error.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

// Idle clean-up's memory, shared by the window and sandboxctl as lifetimes.json is: which
// sandboxes and which connections the user let idle clean-up remove (nothing else is ever
// removed for idleness), and, per sandbox, since when it has been watched and when it was last
// seen busy (CPU above the threshold, a terminal or a job). One small JSON file, read and
// written under a lock: sandboxdesk/idle.json in the user's data folder. A connection is known
// by its endpoint (Backend::endpointDescription()), which the window and sandboxctl share.
class IdleStore final : public QObject
{
    Q_OBJECT
public:
    struct Seen
    {
        QDateTime watchedSince; // first looked at; idle time is never counted from before
        // Last noted busy; invalid: never. A busy sandbox is noted at most every
        // BusyResolutionSeconds, so a noted time stands for that long after it too.
        QDateTime activeAt;
    };

    static constexpr int BusyResolutionSeconds = 30;

    static QString defaultPath();

    explicit IdleStore(const QString& path, QObject* parent = nullptr);

    const QString& path() const { return m_file->path(); }

    bool sandboxOptedIn(const QString& id) const { return m_sandboxes.contains(id); }
    bool connectionOptedIn(const QString& endpoint) const
    {
        return m_connections.contains(endpoint);
    }
    // Whether idle clean-up may remove this sandbox: it or its connection was opted in.
    bool optedIn(const QString& id, const QString& endpoint) const
    {
        return sandboxOptedIn(id) || connectionOptedIn(endpoint);
    }
    bool setSandboxOptIn(const QString& id, bool on, Error* error);
    bool setConnectionOptIn(const QString& endpoint, bool on, Error* error);

    // What is known of a sandbox's activity; both times invalid when nothing is.
    Seen seen(const QString& id) const { return m_seen.value(id); }
    // Notes that the sandbox was looked at now (starting its watch if it had none) and, when
    // busy, that it was busy now. The file is written only for a new watch or a busy time
    // newer by more than BusyResolutionSeconds, so that a busy sandbox costs few writes.
    bool noteSeen(const QString& id, bool busy, const QDateTime& now, Error* error);
    // Drops what the store knows of a sandbox that is gone.
    void forget(const QString& id);

    // Reads the file again when another process changes it, and says so.
    void setWatching(bool watching);

Q_SIGNALS:
    void changed();

private:
    struct State
    {
        QSet<QString> sandboxes;
        QSet<QString> connections;
        QHash<QString, Seen> seen;
    };
    bool reload();
    bool update(const std::function<void(State*)>& change, Error* error);
    static State parse(const QByteArray& bytes);
    void apply(State state);

    SharedFile* m_file;
    QSet<QString> m_sandboxes;
    QSet<QString> m_connections;
    QHash<QString, Seen> m_seen;
};
