#pragma once

#include <QTabWidget>

class Backend;
class Preferences;
class QToolButton;
class TerminalSession;

// The terminals of all sandboxes, one tab each; a tab can move to a window of its own.
class TerminalTabs final : public QTabWidget
{
    Q_OBJECT
public:
    explicit TerminalTabs(const Preferences& preferences, QWidget* parent = nullptr);
    ~TerminalTabs() override;

    // A new tab with the sandbox's default shell, made current; container picks one of a
    // group's containers (ECI), empty for the first.
    TerminalSession* openTerminal(Backend* backend, const QString& sandboxId,
                                  const QString& sandboxName, const QString& container = {});
    TerminalSession* sessionAt(int index) const;
    QList<TerminalSession*> sessions() const;
    // Moves the session into a top-level window; closing the window ends the session.
    QWidget* detach(TerminalSession* session);
    // Moves a session from its own window back into a tab, made current.
    void attach(TerminalSession* session);

Q_SIGNALS:
    void countChanged(int count);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void closeSession(TerminalSession* session);
    void updateTabTitle(TerminalSession* session);
    void addSessionTab(TerminalSession* session);

    const Preferences& m_preferences;
    QToolButton* m_menuButton = nullptr;
};
