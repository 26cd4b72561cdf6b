#include "WindowActions.h"

#include <QAction>
#include <QRegularExpression>
#include <QStyle>
#include <QWidget>

namespace {

void setActionText(QAction* action, const QString& text)
{
    action->setText(text);
    // Toolbars and tooltips want no mnemonic ("&New", "新建(&N)") and no ellipsis.
    static const QRegularExpression mnemonic(QStringLiteral("\\(&\\w\\)|&|…"));
    const QString plain = QString(text).remove(mnemonic).trimmed();
    action->setIconText(plain);
    action->setToolTip(action->shortcut().isEmpty()
                           ? plain
                           : QStringLiteral("%1 (%2)").arg(
                                 plain, action->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace

WindowActions::WindowActions(QWidget* window)
    : QObject(window)
{
    const auto make = [this, window](Id id, const char* name, const QKeySequence& shortcut,
                                     const char* themeName = nullptr,
                                     QStyle::StandardPixmap fallback = QStyle::SP_CustomBase) {
        const QIcon icon = themeName ? QIcon::fromTheme(QLatin1String(themeName),
                                                        window->style()->standardIcon(fallback))
                                     : QIcon();
        auto* action = new QAction(icon, QString(), window);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        m_actions[id] = action;
    };
    const auto keys = [](Qt::Key key) {
        return QKeySequence(Qt::CTRL | Qt::SHIFT | key);
    };

    make(Preferences, "actionPreferences", QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_actions[Preferences]->setMenuRole(QAction::PreferencesRole);
    make(Accounts, "actionAccounts", {}, "dialog-password", QStyle::SP_DialogOpenButton);
    make(Quit, "actionQuit", QKeySequence::Quit);
    m_actions[Quit]->setMenuRole(QAction::QuitRole);
    make(New, "actionNew", QKeySequence::New, "document-new", QStyle::SP_FileIcon);
    make(Start, "actionStart", keys(Qt::Key_S), "media-playback-start", QStyle::SP_MediaPlay);
    make(Stop, "actionStop", keys(Qt::Key_X), "media-playback-stop", QStyle::SP_MediaStop);
    make(Restart, "actionRestart", keys(Qt::Key_R), "view-refresh", QStyle::SP_BrowserReload);
    make(Pause, "actionPause", keys(Qt::Key_P), "media-playback-pause", QStyle::SP_MediaPause);
    make(Resume, "actionResume", keys(Qt::Key_U), "media-seek-forward",
         QStyle::SP_MediaSeekForward);
    make(Delete, "actionDelete", QKeySequence::Delete, "edit-delete", QStyle::SP_TrashIcon);
    make(RefreshDetails, "actionRefreshDetails", QKeySequence::Refresh);
    make(ShowLogs, "actionShowLogs", QKeySequence(Qt::CTRL | Qt::Key_L), "utilities-log-viewer",
         QStyle::SP_FileDialogDetailedView);
    make(ActivityLog, "actionActivityLog", {});
    m_actions[ActivityLog]->setEnabled(false);
    make(Search, "actionSearch", QKeySequence::Find);
    make(About, "actionAbout", {});
    m_actions[About]->setMenuRole(QAction::AboutRole);
    make(OpenTerminal, "actionOpenTerminal", keys(Qt::Key_T), "utilities-terminal",
         QStyle::SP_ComputerIcon);
    make(BrowseFiles, "actionBrowseFiles", keys(Qt::Key_E), "system-file-manager",
         QStyle::SP_DirIcon);
    make(RunCommand, "actionRunCommand", keys(Qt::Key_J), "system-run", QStyle::SP_CommandLink);
    make(Renew, "actionRenew", {}, "appointment-new", QStyle::SP_BrowserReload);
    make(CleanUp, "actionCleanUp", {}, "edit-clear", QStyle::SP_DialogResetButton);
    make(AllJobs, "actionAllJobs", keys(Qt::Key_B), "view-list-details",
         QStyle::SP_FileDialogListView);
}

QList<QAction*> WindowActions::lifecycle() const
{
    return {m_actions[Start], m_actions[Stop], m_actions[Restart], m_actions[Pause],
            m_actions[Resume]};
}

Backend::Action WindowActions::backendAction(Id id)
{
    switch (id) {
    case Stop:
        return Backend::Action::Stop;
    case Restart:
        return Backend::Action::Restart;
    case Pause:
        return Backend::Action::Pause;
    case Resume:
        return Backend::Action::Unpause;
    default:
        return Backend::Action::Start;
    }
}

void WindowActions::retranslate()
{
    setActionText(m_actions[Preferences], tr("&Preferences…"));
    setActionText(m_actions[Accounts], tr("&Accounts…"));
    m_actions[Accounts]->setToolTip(tr("Alibaba Cloud accounts for ECI and OpenSandbox servers"));
    setActionText(m_actions[Quit], tr("&Quit"));
    setActionText(m_actions[New], tr("&New…"));
    m_actions[New]->setToolTip(
        tr("Create a sandbox (%1)")
            .arg(m_actions[New]->shortcut().toString(QKeySequence::NativeText)));
    setActionText(m_actions[Start], tr("&Start"));
    setActionText(m_actions[Stop], tr("S&top"));
    setActionText(m_actions[Restart], tr("&Restart"));
    setActionText(m_actions[Pause], tr("&Pause"));
    setActionText(m_actions[Resume], tr("Res&ume"));
    setActionText(m_actions[Delete], tr("&Delete…"));
    setActionText(m_actions[RefreshDetails], tr("Refresh &Details"));
    setActionText(m_actions[ShowLogs], tr("Show &Logs"));
    setActionText(m_actions[ActivityLog], tr("&Activity Log"));
    setActionText(m_actions[Search], tr("&Find…"));
    setActionText(m_actions[About], tr("&About SandboxDesk"));
    setActionText(m_actions[OpenTerminal], tr("Open &Terminal"));
    setActionText(m_actions[BrowseFiles], tr("Browse &Files"));
    setActionText(m_actions[RunCommand], tr("R&un Commands and Jobs…"));
    setActionText(m_actions[Renew], tr("Re&new…"));
    setActionText(m_actions[CleanUp], tr("&Clean Up…"));
    setActionText(m_actions[AllJobs], tr("&Jobs in All Sandboxes"));
}

bool WindowActions::applies(Backend::Action action, SandboxStatus status,
                            Backend::Capabilities capabilities)
{
    const bool active = status == SandboxStatus::Running || status == SandboxStatus::Paused ||
                        status == SandboxStatus::Restarting;
    switch (action) {
    case Backend::Action::Start:
        return status == SandboxStatus::Created || status == SandboxStatus::Exited;
    case Backend::Action::Stop:
        return active;
    case Backend::Action::Restart:
        return capabilities.testFlag(Backend::CanRestart) &&
               (status == SandboxStatus::Running || status == SandboxStatus::Exited ||
                status == SandboxStatus::Created);
    case Backend::Action::Pause:
        return capabilities.testFlag(Backend::CanPause) && status == SandboxStatus::Running;
    case Backend::Action::Unpause:
        return capabilities.testFlag(Backend::CanPause) && status == SandboxStatus::Paused;
    case Backend::Action::Kill:
        return capabilities.testFlag(Backend::CanKill) && active;
    }
    return false;
}

void WindowActions::update(const QList<SelectedSandbox>& selected, bool anyConnected,
                           bool hasCurrent)
{
    m_actions[New]->setEnabled(anyConnected);
    const QList<Id> lifecycleIds = {Start, Stop, Restart, Pause, Resume};
    for (const Id id : lifecycleIds) {
        bool enabled = false;
        for (const SelectedSandbox& s : selected)
            enabled =
                enabled || applies(backendAction(id), s.sandbox.status, s.backend->capabilities());
        m_actions[id]->setEnabled(enabled);
    }
    bool canDelete = false;
    for (const SelectedSandbox& s : selected)
        canDelete = canDelete || s.sandbox.status != SandboxStatus::Removing;
    m_actions[Delete]->setEnabled(canDelete);
    // Any status: the output of a sandbox that exited is often what is wanted.
    m_actions[ShowLogs]->setEnabled(selected.size() == 1);
    m_actions[OpenTerminal]->setEnabled(
        selected.size() == 1 && selected.first().sandbox.status == SandboxStatus::Running &&
        selected.first().backend->capabilities().testFlag(Backend::CanExec));
    // Any status: a stopped container's files can still be read and written.
    m_actions[BrowseFiles]->setEnabled(
        selected.size() == 1 &&
        selected.first().backend->capabilities().testFlag(Backend::CanBrowseFiles));
    m_actions[RunCommand]->setEnabled(m_actions[OpenTerminal]->isEnabled());
    m_actions[RefreshDetails]->setEnabled(hasCurrent);
    bool canRenew = !selected.isEmpty();
    for (const SelectedSandbox& s : selected)
        canRenew = canRenew && s.backend->capabilities().testFlag(Backend::CanExpire);
    m_actions[Renew]->setEnabled(canRenew);
    m_actions[CleanUp]->setEnabled(anyConnected);
    m_actions[AllJobs]->setEnabled(anyConnected);
}
