#pragma once

#include "sandbox/Backend.h"

#include <QList>
#include <QObject>

#include <array>

class QAction;
class QWidget;

// A sandbox as the window acts on it: the row's sandbox and its connected backend.
struct SelectedSandbox
{
    Backend* backend;
    Sandbox sandbox;
};

// The window's actions: made once with their shortcuts and icons, named in the language of
// the moment, and enabled for what is selected.
class WindowActions final : public QObject
{
    Q_OBJECT
public:
    enum Id
    {
        Preferences,
        Accounts,
        Quit,
        New,
        Start,
        Stop,
        Restart,
        Pause,
        Resume,
        Delete,
        RefreshDetails,
        ShowLogs,
        ActivityLog,
        Search,
        About,
        OpenTerminal,
        BrowseFiles,
        RunCommand,
        Renew,   // give the selected sandboxes a lifetime that ends later
        CleanUp, // remove expired (and, if chosen, idle) sandboxes after a preview
        AllJobs, // the background jobs of every sandbox in one window
        Count
    };

    // window: the actions' parent, whose style gives the fallback icons.
    explicit WindowActions(QWidget* window);

    QAction* action(Id id) const { return m_actions[id]; }
    // Start, Stop, Restart, Pause and Resume, in menu order.
    QList<QAction*> lifecycle() const;
    // The lifecycle action that runs a backend action.
    static Backend::Action backendAction(Id id);

    void retranslate();
    // Enables what applies to the selection.
    void update(const QList<SelectedSandbox>& selected, bool anyConnected, bool hasCurrent);

    // Whether the action can be done on a sandbox in that status on such a backend.
    static bool applies(Backend::Action action, SandboxStatus status,
                        Backend::Capabilities capabilities);

private:
    std::array<QAction*, Count> m_actions{};
};
