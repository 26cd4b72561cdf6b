#include "TerminalTabs.h"

#include "terminal/TerminalSession.h"
#include "terminal/TerminalTab.h"
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
    explicit TerminalWindow(TerminalTab* tab)
    {
        setAttribute(Qt::WA_DeleteOnClose);
        setObjectName(QStringLiteral("terminalWindow"));
        tab->setParent(this);
        setCentralWidget(tab);
        tab->show();
        setWindowTitle(tab->session()->title());
        connect(tab->session(), &TerminalSession::titleChanged, this, &QWidget::setWindowTitle);
        connect(tab, &TerminalTab::closeRequested, this, &QWidget::close);
        tab->detachAction()->setVisible(false);
        tab->attachAction()->setVisible(true);
        resize(tab->view()->sizeHint());
    }

    // Gives the tab up, and closes.
    void release(TerminalTab* tab)
    {
        tab->disconnect(this);
        tab->session()->disconnect(this);
        if (centralWidget() == tab)
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
        TerminalTab* tab = tabAt(currentIndex());
        m_menuButton->setMenu(tab ? tab->menu() : nullptr);
    });
    m_menuButton->setEnabled(false);

    connect(this, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeTab(tabAt(index)); });
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        TerminalTab* tab = tabAt(index);
        m_menuButton->setMenu(tab ? tab->menu() : nullptr);
        m_menuButton->setEnabled(tab != nullptr);
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

TerminalTab* TerminalTabs::tabAt(int index) const
{
    return qobject_cast<TerminalTab*>(widget(index));
}

QList<TerminalTab*> TerminalTabs::tabs() const
{
    QList<TerminalTab*> result;
    for (int i = 0; i < count(); ++i)
        result << tabAt(i);
    return result;
}

TerminalTab* TerminalTabs::openTerminal(Backend* backend, const QString& sandboxId,
                                        const QString& sandboxName, const QString& container)
{
    const QString name = container.isEmpty()
                             ? sandboxName
                             : sandboxName + QStringLiteral(" (") + container + QLatin1Char(')');
    auto* session = new TerminalSession(backend, sandboxId, name, m_preferences);
    session->setContainer(container);
    auto* tab = new TerminalTab(session, m_preferences, this);
    addTerminalTab(tab);
    session->connectToSandbox();
    return tab;
}

void TerminalTabs::addTerminalTab(TerminalTab* tab)
{
    const int index = addTab(tab, tab->session()->title());
    setTabToolTip(index, tab->session()->title());
    connect(tab->session(), &TerminalSession::titleChanged, this,
            [this, tab] { updateTabTitle(tab); });
    connect(tab, &TerminalTab::closeRequested, this, [this, tab] { closeTab(tab); });
    connect(tab, &TerminalTab::detachRequested, this, [this, tab] { detach(tab); });
    tab->detachAction()->setVisible(true);
    tab->attachAction()->setVisible(false);
    setCurrentIndex(index);
    m_menuButton->setMenu(tab->menu());
    m_menuButton->setEnabled(true);
    tab->show();
    tab->setFocus();
    Q_EMIT countChanged(count());
}

void TerminalTabs::attach(TerminalTab* tab)
{
    auto* window = dynamic_cast<TerminalWindow*>(tab->window());
    if (!window || indexOf(tab) >= 0)
        return;
    tab->disconnect(this);
    tab->session()->disconnect(this);
    window->release(tab);
    addTerminalTab(tab);
}

void TerminalTabs::updateTabTitle(TerminalTab* tab)
{
    const int index = indexOf(tab);
    if (index < 0)
        return;
    setTabText(index, tab->session()->title());
    setTabToolTip(index, tab->session()->title());
}

void TerminalTabs::closeTab(TerminalTab* tab)
{
    const int index = indexOf(tab);
    if (index < 0)
        return;
    removeTab(index);
    tab->deleteLater();
    Q_EMIT countChanged(count());
}

QWidget* TerminalTabs::detach(TerminalTab* tab)
{
    const int index = indexOf(tab);
    if (index < 0)
        return nullptr;
    removeTab(index);
    tab->disconnect(this);
    tab->session()->disconnect(this);
    auto* window = new TerminalWindow(tab);
    connect(tab, &TerminalTab::attachRequested, this, [this, tab] { attach(tab); });
    window->show();
    tab->setFocus();
    Q_EMIT countChanged(count());
    return window;
}
