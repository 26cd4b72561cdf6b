#include "WindowPages.h"

#include "common/EmptyState.h"
#include "sandbox/Backend.h"

#include <QEvent>
#include <QPushButton>

WindowPages::WindowPages(QWidget* table, QWidget* parent)
    : QStackedWidget(parent)
    , m_table(table)
{
    setObjectName(QStringLiteral("pages"));

    m_connectingState = new EmptyState;
    m_connectingState->setObjectName(QStringLiteral("connectingState"));

    m_noConnectionState = new EmptyState;
    m_noConnectionState->setObjectName(QStringLiteral("noConnectionState"));
    m_retryButton = new QPushButton;
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setDefault(true);
    connect(m_retryButton, &QPushButton::clicked, this, &WindowPages::retryRequested);
    m_noConnectionState->addButton(m_retryButton);
    m_preferencesButton = new QPushButton;
    connect(m_preferencesButton, &QPushButton::clicked, this, &WindowPages::preferencesRequested);
    m_noConnectionState->addButton(m_preferencesButton);

    m_noSandboxesState = new EmptyState;
    m_noSandboxesState->setObjectName(QStringLiteral("noSandboxesState"));
    m_newButton = new QPushButton;
    m_newButton->setObjectName(QStringLiteral("newSandboxButton"));
    connect(m_newButton, &QPushButton::clicked, this, &WindowPages::newSandboxRequested);
    m_noSandboxesState->addButton(m_newButton);

    addWidget(m_table);
    addWidget(m_connectingState);
    addWidget(m_noConnectionState);
    addWidget(m_noSandboxesState);
    retranslateUi();
}

void WindowPages::update(const QList<Backend*>& backends, const QString& discoveryProblem,
                         int sandboxCount)
{
    bool anyConnected = false;
    bool allConnecting = !backends.isEmpty() && discoveryProblem.isEmpty();
    for (const Backend* backend : backends) {
        anyConnected = anyConnected || backend->state() == Backend::State::Connected;
        allConnecting = allConnecting && backend->state() == Backend::State::Connecting;
    }

    if (anyConnected) {
        if (sandboxCount > 0) {
            setCurrentWidget(m_table);
            return;
        }
        m_noSandboxesState->setTitle(tr("No sandboxes yet"));
        m_noSandboxesState->setText(
            tr("Create a sandbox from an image to get started. Sandboxes created with the "
               "docker CLI or any other tool appear here too."));
        setCurrentWidget(m_noSandboxesState);
        return;
    }

    if (allConnecting) {
        QStringList lines;
        for (const Backend* backend : backends) {
            lines << tr("Connecting to %1 at %2…")
                         .arg(backend->displayName(), backend->endpointDescription())
                         .toHtmlEscaped();
        }
        m_connectingState->setTitle(tr("Connecting…"));
        m_connectingState->setText(lines.join(QStringLiteral("<br>")));
        setCurrentWidget(m_connectingState);
        return;
    }

    QString why;
    if (!discoveryProblem.isEmpty())
        why += QStringLiteral("<p>%1</p>").arg(discoveryProblem.toHtmlEscaped());
    for (const Backend* backend : backends) {
        const QString reason =
            backend->state() == Backend::State::Lost && backend->lastError().isError()
                ? backend->lastError().fullText()
                : Backend::stateDisplayName(backend->state());
        why += QStringLiteral("<p><b>%1</b><br>%2</p>")
                   .arg(backend->displayName().toHtmlEscaped(), reason.toHtmlEscaped());
    }
    if (why.isEmpty())
        why = QStringLiteral("<p>%1</p>").arg(tr("No engine address is configured."));

    const QString todo =
        QStringLiteral("<p><b>%1</b></p><ul><li>%2</li><li>%3</li><li>%4</li><li>%5</li></ul>"
                       "<p>%6</p>")
            .arg(tr("What you can do:"),
                 tr("Start the engine: <code>sudo systemctl start docker</code>, or for Podman "
                    "<code>systemctl --user start podman.socket</code>."),
                 tr("If access to the socket is denied, add yourself to the "
                    "<code>docker</code> group (<code>sudo usermod -aG docker $USER</code>) "
                    "and log in again."),
                 tr("Use another engine: set <code>DOCKER_HOST</code> (for example "
                    "<code>tcp://192.168.1.10:2375</code>) or start SandboxDesk with "
                    "<code>--docker HOST</code>."),
                 tr("Add an engine address in Preferences."),
                 tr("SandboxDesk never starts an engine itself; it connects as soon as one "
                    "answers."));
    m_retryButton->setVisible(!backends.isEmpty());
    m_noConnectionState->setTitle(tr("No container engine is connected"));
    m_noConnectionState->setText(why + todo);
    setCurrentWidget(m_noConnectionState);
}

void WindowPages::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QStackedWidget::changeEvent(event);
}

void WindowPages::retranslateUi()
{
    m_retryButton->setText(tr("&Retry"));
    m_preferencesButton->setText(tr("&Preferences…"));
    m_newButton->setText(tr("&New Sandbox…"));
}
