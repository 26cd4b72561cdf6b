#include "SandboxCommands.h"

#include "logs/ActivityLog.h"
#include "settings/IdleStore.h"
#include "settings/Preferences.h"
#include "text/Duration.h"
#include "window/CleanupDialog.h"
#include "window/OperationProgress.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace {

constexpr int MaxNamesListed = 15;

QString displayName(const Sandbox& sandbox)
{
    return sandbox.name.isEmpty() ? sandbox.id.left(12) : sandbox.name;
}

} // namespace

SandboxCommands::SandboxCommands(Preferences& preferences, QMainWindow* window)
    : QObject(window)
    , m_preferences(preferences)
    , m_window(window)
{}

void SandboxCommands::setIdleStore(IdleStore* store)
{
    m_idleStore = store;
}

void SandboxCommands::run(Backend::Action action, const QList<SelectedSandbox>& selected)
{
    QList<BulkOperation::Target> targets;
    for (const SelectedSandbox& s : selected) {
        if (WindowActions::applies(action, s.sandbox.status, s.backend->capabilities()))
            targets.append({s.backend, s.sandbox.id, displayName(s.sandbox)});
    }
    if (targets.isEmpty())
        return;
    runBulk(Backend::actionDisplayName(action), targets,
            [action](Backend* backend, const QString& id) { return backend->perform(action, id); });
}

void SandboxCommands::remove(const QList<SelectedSandbox>& selected)
{
    QList<BulkOperation::Target> targets;
    QStringList names;
    bool anyActive = false;
    for (const SelectedSandbox& s : selected) {
        if (s.sandbox.status == SandboxStatus::Removing)
            continue;
        targets.append({s.backend, s.sandbox.id, displayName(s.sandbox)});
        names << displayName(s.sandbox);
        anyActive =
            anyActive || WindowActions::applies(Backend::Action::Stop, s.sandbox.status, {});
    }
    if (targets.isEmpty())
        return;
    if (!m_preferences.confirmDelete()) {
        removeNow(targets, false);
        return;
    }

    const QString question =
        targets.size() == 1
            ? tr("Delete the sandbox “%1”? This cannot be undone.").arg(names.first())
            : tr("Delete these %1 sandboxes? This cannot be undone.").arg(targets.size());
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete Sandboxes"), question,
                                QMessageBox::NoButton, m_window);
    if (names.size() > MaxNamesListed) {
        const int more = int(names.size()) - MaxNamesListed;
        names = names.mid(0, MaxNamesListed);
        names << tr("… and %1 more").arg(more);
    }
    box->setInformativeText(names.join(QLatin1Char('\n')));
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    if (anyActive) {
        auto* force = new QCheckBox(tr("Also remove running ones (force)"));
        force->setObjectName(QStringLiteral("forceCheck"));
        box->setCheckBox(force);
    }
    QPushButton* deleteButton = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, deleteButton, targets] {
        if (box->clickedButton() == deleteButton)
            removeNow(targets, box->checkBox() && box->checkBox()->isChecked());
    });
    box->open();
}

void SandboxCommands::removeNow(const QList<BulkOperation::Target>& targets, bool force)
{
    runBulk(tr("Delete"), targets,
            [force](Backend* backend, const QString& id) { return backend->remove(id, force); });
}

void SandboxCommands::runBulk(const QString& title, const QList<BulkOperation::Target>& targets,
                              const BulkOperation::JobStarter& startJob)
{
    auto* operation = new BulkOperation(title, targets, startJob, this);
    operation->setActivityLog(m_activity);
    m_window->statusBar()->addWidget(new OperationProgress(operation));
    const int total = int(targets.size());
    connect(operation, &BulkOperation::finished, this,
            [this, title, total](const QList<BulkOperation::Failure>& failures) {
                if (!failures.isEmpty())
                    reportFailures(title, total, failures);
            });
    operation->start();
}

void SandboxCommands::reportFailures(const QString& title, int total,
                                     const QList<BulkOperation::Failure>& failures)
{
    QStringList lines;
    for (const BulkOperation::Failure& failure : failures)
        lines << QStringLiteral("%1: %2").arg(failure.name, failure.error.fullText());
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Operation Failed"),
        tr("“%1” failed for %2 of %3 sandboxes.").arg(title).arg(failures.size()).arg(total),
        QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("failureReport"));
    box->setInformativeText(lines.join(QStringLiteral("\n\n")));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void SandboxCommands::renew(const QList<SelectedSandbox>& selected)
{
    QList<BulkOperation::Target> targets;
    for (const SelectedSandbox& s : selected) {
        if (s.backend->capabilities().testFlag(Backend::CanExpire))
            targets.append({s.backend, s.sandbox.id, displayName(s.sandbox)});
    }
    if (targets.isEmpty())
        return;
    auto* dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("renewDialog"));
    dialog->setWindowTitle(tr("Renew Sandboxes"));
    dialog->setLabelText(
        tr("Keep %n sandbox(es) for this long from now (for example 90m, 12h or 2d):", nullptr,
           int(targets.size())));
    dialog->setComboBoxItems({QStringLiteral("1h"), QStringLiteral("2h"), QStringLiteral("8h"),
                              QStringLiteral("1d"), QStringLiteral("7d")});
    dialog->setComboBoxEditable(true);
    dialog->setTextValue(QStringLiteral("1h"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, targets](const QString& text) {
        const qint64 milliseconds = Duration::parse(text.trimmed());
        if (milliseconds <= 0) {
            auto* box =
                new QMessageBox(QMessageBox::Warning, tr("Renew Sandboxes"),
                                tr("“%1” is not a duration such as 90m, 12h or 2d.").arg(text),
                                QMessageBox::Ok, m_window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        // As sandboxctl renew: the lifetime ends that long from now.
        const QDateTime until = QDateTime::currentDateTimeUtc().addMSecs(milliseconds);
        runBulk(tr("Renew"), targets, [until](Backend* backend, const QString& id) {
            return backend->setExpiry(id, until);
        });
    });
    dialog->open();
}

void SandboxCommands::cleanUp(const QList<Backend*>& backends)
{
    auto* dialog =
        new CleanupDialog(backends, m_idleStore, m_preferences.idleCpuPercent(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CleanupDialog::removeRequested, this,
            [this, dialog](const QList<CleanupCandidate>& candidates) {
                const QList<Backend*> owners = dialog->backendsOf();
                QList<BulkOperation::Target> targets;
                for (const CleanupCandidate& candidate : candidates) {
                    for (Backend* owner : owners) {
                        if (owner->id() == candidate.sandbox.backendId)
                            targets.append({owner, candidate.sandbox.id,
                                            displayName(candidate.sandbox),
                                            candidate.reasonText()});
                    }
                }
                // Removed as previewed, running or not: that is what the preview said.
                runBulk(tr("Clean Up"), targets,
                        [](Backend* owner, const QString& id) { return owner->remove(id, true); });
            });
    dialog->open();
}

void SandboxCommands::cleanUpOnTimer(const QList<Backend*>& backends)
{
    if (m_timerPlans > 0)
        return;
    CleanupOptions options;
    const int idleMinutes = m_preferences.idleCleanupMinutes();
    if (idleMinutes > 0 && m_idleStore) {
        options.idle = true;
        options.rule.idleSeconds = qint64(idleMinutes) * 60;
        options.rule.cpuPercent = m_preferences.idleCpuPercent();
        options.store = m_idleStore;
    }
    for (Backend* backend : backends) {
        if (backend->state() != Backend::State::Connected ||
            !backend->capabilities().testFlag(Backend::CanExpire))
            continue;
        auto* planner = new CleanupPlanner(backend, options, this);
        ++m_timerPlans;
        const QPointer<Backend> owner = backend;
        connect(planner, &CleanupPlanner::finished, this,
                [this, planner, owner](const QList<CleanupCandidate>& found, const Error&) {
                    planner->deleteLater();
                    --m_timerPlans;
                    QList<BulkOperation::Target> targets;
                    for (const CleanupCandidate& candidate : found)
                        targets.append({owner, candidate.sandbox.id, displayName(candidate.sandbox),
                                        candidate.reasonText()});
                    if (owner && !targets.isEmpty())
                        runBulk(tr("Clean Up"), targets,
                                [](Backend* b, const QString& id) { return b->remove(id, true); });
                });
        planner->start();
    }
}

void SandboxCommands::setIdleCleanup(const QList<SelectedSandbox>& selected, bool on)
{
    if (!m_idleStore)
        return;
    const QString title = on ? tr("Allow Idle Clean-Up") : tr("Stop Idle Clean-Up");
    for (const SelectedSandbox& s : selected) {
        Error error;
        m_idleStore->setSandboxOptIn(s.sandbox.id, on, &error);
        if (m_activity)
            m_activity->record(title, displayName(s.sandbox), s.sandbox.id,
                               s.backend->displayName(), error);
    }
}

void SandboxCommands::setConnectionIdleCleanup(Backend* backend, bool on)
{
    if (!m_idleStore || !backend)
        return;
    Error error;
    m_idleStore->setConnectionOptIn(backend->endpointDescription(), on, &error);
    if (m_activity)
        m_activity->record(on ? tr("Allow Idle Clean-Up for the Connection")
                              : tr("Stop Idle Clean-Up for the Connection"),
                           QString(), QString(), backend->displayName(), error);
    if (error.isError()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Idle Clean-Up"), error.message,
                                    QMessageBox::Ok, m_window);
        box->setInformativeText(error.fullText());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}
