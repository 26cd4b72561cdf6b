#include "CleanupDialog.h"

#include "sandbox/Backend.h"
#include "settings/IdleStore.h"
#include "text/Duration.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

CleanupDialog::CleanupDialog(const QList<Backend*>& backends, IdleStore* store, double cpuPercent,
                             QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_cpuPercent(cpuPercent)
    , m_idle(new QCheckBox)
    , m_idleFor(new QLineEdit(QStringLiteral("1d")))
    , m_intro(new QLabel)
    , m_summary(new QLabel)
    , m_list(new QTreeWidget)
    , m_buttons(new QDialogButtonBox)
    , m_remove(m_buttons->addButton(QString(), QDialogButtonBox::DestructiveRole))
{
    setObjectName(QStringLiteral("cleanupDialog"));
    for (Backend* backend : backends) {
        if (backend->state() == Backend::State::Connected &&
            backend->capabilities().testFlag(Backend::CanExpire))
            m_backends.append(backend);
    }
    m_idle->setObjectName(QStringLiteral("idleCheck"));
    m_idleFor->setObjectName(QStringLiteral("idleFor"));
    m_idleFor->setMaximumWidth(80);
    m_idleFor->setEnabled(false);
    m_idle->setEnabled(store != nullptr);
    m_list->setObjectName(QStringLiteral("cleanupList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({QString(), QString(), QString()});
    m_list->header()->resizeSection(0, 200);
    m_list->header()->resizeSection(1, 160);
    m_summary->setWordWrap(true);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        Q_EMIT removeRequested(m_candidates);
        accept();
    });
    connect(m_idle, &QCheckBox::toggled, this, [this](bool on) {
        m_idleFor->setEnabled(on);
        plan();
    });
    connect(m_idleFor, &QLineEdit::editingFinished, this, &CleanupDialog::plan);

    auto* idleRow = new QHBoxLayout;
    idleRow->addWidget(m_idle);
    idleRow->addWidget(m_idleFor);
    idleRow->addStretch();
    auto* layout = new QVBoxLayout(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    layout->addLayout(idleRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(640, 380);
    retranslateUi();
    plan();
}

void CleanupDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_planning)
            m_summary->setText(tr("Looking…"));
        else
            showPlan(m_candidates, m_problems);
    }
    QDialog::changeEvent(event);
}

void CleanupDialog::retranslateUi()
{
    setWindowTitle(tr("Clean Up Sandboxes"));
    m_intro->setText(
        tr("Sandboxes whose lifetime has passed are removed. Nothing else is, unless chosen "
           "below: then also the sandboxes you allowed idle clean-up for (Sandbox ▸ Idle "
           "Clean-Up, or for a whole connection from its menu in the connections list) that "
           "have been stopped, or running with no terminal, command or job open and CPU below "
           "%1% of a core, for that long. Idle time counts from when SandboxDesk or sandboxctl "
           "first watched the sandbox.")
            .arg(m_cpuPercent));
    m_idle->setText(
        tr("Also remove sandboxes allowed &idle clean-up, idle or stopped for at least"));
    m_idleFor->setToolTip(tr("A duration such as 90m, 12h or 2d"));
    m_list->setHeaderLabels({tr("Name"), tr("Connection"), tr("Why")});
    m_remove->setText(tr("Remove"));
}

QList<Backend*> CleanupDialog::backendsOf() const
{
    QList<Backend*> backends;
    for (const QPointer<Backend>& backend : m_backends) {
        if (backend)
            backends.append(backend);
    }
    return backends;
}

void CleanupDialog::plan()
{
    const quint64 generation = ++m_generation;
    CleanupOptions options;
    if (m_idle->isChecked()) {
        const qint64 milliseconds = Duration::parse(m_idleFor->text().trimmed());
        if (milliseconds <= 0) {
            showPlan({},
                     {tr("“%1” is not a duration such as 90m, 12h or 2d.").arg(m_idleFor->text())});
            return;
        }
        options.idle = true;
        options.rule.idleSeconds = milliseconds / 1000;
        options.rule.cpuPercent = m_cpuPercent;
        options.store = m_store;
    }
    m_candidates.clear();
    m_list->clear();
    m_summary->setText(tr("Looking…"));
    m_planning = true;
    m_remove->setEnabled(false);
    const QList<Backend*> backends = backendsOf();
    if (backends.isEmpty()) {
        showPlan({}, {tr("No connection keeps lifetimes.")});
        return;
    }
    // Every connection's answer is gathered before anything is shown.
    struct Gathered
    {
        int left = 0;
        QList<CleanupCandidate> found;
        QStringList problems;
    };
    auto gathered = std::make_shared<Gathered>();
    gathered->left = int(backends.size());
    for (Backend* backend : backends) {
        auto* planner = new CleanupPlanner(backend, options, this);
        connect(planner, &CleanupPlanner::finished, this,
                [this, planner, gathered, generation, name = backend->displayName()](
                    const QList<CleanupCandidate>& found, const Error& error) {
                    planner->deleteLater();
                    if (error.isError())
                        gathered->problems << QStringLiteral("%1: %2").arg(name, error.fullText());
                    gathered->found += found;
                    if (--gathered->left == 0 && generation == m_generation)
                        showPlan(gathered->found, gathered->problems);
                });
        planner->start();
    }
}

void CleanupDialog::showPlan(const QList<CleanupCandidate>& found, const QStringList& problems)
{
    m_planning = false;
    m_candidates = found;
    m_problems = problems;
    m_list->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const CleanupCandidate& candidate : found) {
        const Sandbox& sandbox = candidate.sandbox;
        QString connection;
        for (const QPointer<Backend>& backend : std::as_const(m_backends)) {
            if (backend && backend->id() == sandbox.backendId)
                connection = backend->displayName();
        }
        auto* item = new QTreeWidgetItem(
            m_list, {sandbox.name.isEmpty() ? sandbox.id.left(12) : sandbox.name, connection,
                     candidate.reasonText(now)});
        item->setToolTip(0, sandbox.id);
    }
    QString text = found.isEmpty()
                       ? tr("Nothing to clean up.")
                       : tr("%n sandbox(es) will be removed.", nullptr, int(found.size()));
    if (!problems.isEmpty())
        text += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
    m_summary->setText(text);
    m_remove->setEnabled(!found.isEmpty());
}
