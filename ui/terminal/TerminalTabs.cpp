#include "TerminalTabs.h"

#include "terminal/TerminalSession.h"
#include "terminal/TerminalView.h"

#include <QAction>
#include <QCloseEvent>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QTabBar>
#include <QToolButton>

namespace {

// A terminal moved out of the tabs; closing it ends the session.
class TerminalWindow final : public QMainWindow
{
public:
    explicit TerminalWindow(TerminalSession* session)
    {
        setAttribute(Qt::WA_DeleteOnClose);
        setObjectName(QStringLiteral("terminalWindow"));
        session->setParent(this);
        setCentralWidget(session);
        session->show();
        setWindowTitle(session->title());
        connect(session, &TerminalSession::titleChanged, this, &QWidget::setWindowTitle);
        connect(session, &TerminalSession::closeRequested, this, &QWidget::close);
        session->detachAction()->setVisible(false);
        session->attachAction()->setVisible(true);
        resize(session->view()->sizeHint());
    }

    // Gives the session up, and closes.
    void release(TerminalSession* session)
    {
        session->disconnect(this);
        if (centralWidget() == session)
            takeCentralWidget();
        close();
    }

protected:
    void closeEvent(QCloseEvent* event) override
    {
        // The session ends (and saves its log) now, not at a later deleteLater() that the end
        // of the application may never reach.
        delete takeCentralWidget();
        QMainWindow::closeEvent(event);
    }
};

} // namespace

TerminalTabs::TerminalTabs(const Preferences& preferences, QWidget* parent)
    : QTabWidget(parent)
    , m_preferences(preferences)
{
    setObjectName(QStringLiteral("terminalTabs"));
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    tabBar()->setElideMode(Qt::ElideMiddle);

    m_menuButton = new QToolButton(this);
    m_menuButton->setObjectName(QStringLiteral("terminalMenuButton"));
    m_menuButton->setAutoRaise(true);
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setArrowType(Qt::DownArrow);
    setCornerWidget(m_menuButton, Qt::TopRightCorner);
    connect(m_menuButton, &QToolButton::pressed, this, [this] {
        TerminalSession* session = sessionAt(currentIndex());
        m_menuButton->setMenu(session ? session->menu() : nullptr);
    });
    m_menuButton->setEnabled(false);

    connect(this, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeSession(sessionAt(index)); });
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        TerminalSession* session = sessionAt(index);
        m_menuButton->setMenu(session ? session->menu() : nullptr);
        m_menuButton->setEnabled(session != nullptr);
    });
    retranslateUi();
}

TerminalTabs::~TerminalTabs() = default;

void TerminalTabs::retranslateUi()
{
    m_menuButton->setToolTip(tr("Terminal menu"));
}

void TerminalTabs::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTabWidget::changeEvent(event);
}

TerminalSession* TerminalTabs::sessionAt(int index) const
{
    return qobject_cast<TerminalSession*>(widget(index));
}

QList<TerminalSession*> TerminalTabs::sessions() const
{
    QList<TerminalSession*> result;
    for (int i = 0; i < count(); ++i)
        result << sessionAt(i);
    return result;
}

TerminalSession* TerminalTabs::openTerminal(Backend* backend, const QString& sandboxId,
                                            const QString& sandboxName, const QString& container)
{
    const QString name = container.isEmpty()
                             ? sandboxName
                             : sandboxName + QStringLiteral(" (") + container + QLatin1Char(')');
    auto* session = new TerminalSession(backend, sandboxId, name, m_preferences, this);
    session->setContainer(container);
    addSessionTab(session);
    session->connectToSandbox();
    return session;
}

void TerminalTabs::addSessionTab(TerminalSession* session)
{
    const int index = addTab(session, session->title());
    setTabToolTip(index, session->title());
    connect(session, &TerminalSession::titleChanged, this,
            [this, session] { updateTabTitle(session); });
    connect(session, &TerminalSession::closeRequested, this,
            [this, session] { closeSession(session); });
    connect(session, &TerminalSession::detachRequested, this, [this, session] { detach(session); });
    session->detachAction()->setVisible(true);
    session->attachAction()->setVisible(false);
    setCurrentIndex(index);
    m_menuButton->setMenu(session->menu());
    m_menuButton->setEnabled(true);
    session->show();
    session->setFocus();
    Q_EMIT countChanged(count());
}

void TerminalTabs::attach(TerminalSession* session)
{
    auto* window = dynamic_cast<TerminalWindow*>(session->window());
    if (!window || indexOf(session) >= 0)
        return;
    session->disconnect(this);
    window->release(session);
    addSessionTab(session);
}

void TerminalTabs::updateTabTitle(TerminalSession* session)
{
    const int index = indexOf(session);
    if (index < 0)
        return;
    setTabText(index, session->title());
    setTabToolTip(index, session->title());
}

void TerminalTabs::closeSession(TerminalSession* session)
{
    const int index = indexOf(session);
    if (index < 0)
        return;
    removeTab(index);
    session->deleteLater();
    Q_EMIT countChanged(count());
}

QWidget* TerminalTabs::detach(TerminalSession* session)
{
    const int index = indexOf(session);
    if (index < 0)
        return nullptr;
    removeTab(index);
    session->disconnect(this);
    auto* window = new TerminalWindow(session);
    connect(session, &TerminalSession::attachRequested, this, [this, session] { attach(session); });
    window->show();
    session->setFocus();
    Q_EMIT countChanged(count());
    return window;
}
