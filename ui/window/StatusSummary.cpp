#include "StatusSummary.h"

#include "sandbox/Backend.h"
#include "sandbox/SandboxTableModel.h"
#include "window/SandboxFilterModel.h"

#include <QLabel>
#include <QStatusBar>

StatusSummary::StatusSummary(QStatusBar* statusBar, SandboxTableModel* model,
                             SandboxFilterModel* filter)
    : QObject(statusBar)
    , m_model(model)
    , m_filter(filter)
    , m_countLabel(new QLabel)
    , m_versionLabel(new QLabel)
{
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_versionLabel->setObjectName(QStringLiteral("versionLabel"));
    statusBar->addWidget(m_countLabel);
    statusBar->addPermanentWidget(m_versionLabel);
}

void StatusSummary::update()
{
    int running = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->sandboxAt(row).status == SandboxStatus::Running)
            ++running;
    }
    QString counts = tr("Sandboxes: %1 · Running: %2").arg(m_model->rowCount()).arg(running);
    if (m_filter->rowCount() != m_model->rowCount())
        counts += QStringLiteral(" · ") + tr("Shown: %1").arg(m_filter->rowCount());
    m_countLabel->setText(counts);

    QList<const Backend*> connected;
    const QList<Backend*> backends = m_model->backends();
    for (const Backend* backend : backends) {
        if (backend->state() == Backend::State::Connected)
            connected << backend;
    }
    QStringList versions;
    for (const Backend* backend : std::as_const(connected)) {
        versions
            << (connected.size() == 1
                    ? tr("Engine %1").arg(backend->serverVersion())
                    : tr("%1: engine %2").arg(backend->displayName(), backend->serverVersion()));
    }
    m_versionLabel->setText(versions.join(QStringLiteral(" · ")));
}
