#pragma once

#include <QTabWidget>

class Backend;
class Preferences;
class QToolButton;
class TerminalTab;

// The terminals of all sandboxes, one tab each; a tab can move to a window of its own.
class TerminalTabs final : public QTabWidget
{
    Q_OBJECT
public:
    explicit TerminalTabs(const Preferences& preferences, QWidget* parent = nullptr);
    ~TerminalTabs() override;

    // A new tab with the sandbox's default shell, made current; container picks one of a
    // group's containers (ECI), empty for the first.
    TerminalTab* openTerminal(Backend* backend, const QString& sandboxId,
                              const QString& sandboxName, const QString& container = {});
    TerminalTab* tabAt(int index) const;
    QList<TerminalTab*> tabs() const;
    // Moves the terminal into a top-level window; closing the window ends its session.
    QWidget* detach(TerminalTab* tab);
    // Moves a terminal from its own window back into a tab, made current.
    void attach(TerminalTab* tab);

Q_SIGNALS:
    void countChanged(int count);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void closeTab(TerminalTab* tab);
    void updateTabTitle(TerminalTab* tab);
    void addTerminalTab(TerminalTab* tab);

    const Preferences& m_preferences;
    QToolButton* m_menuButton = nullptr;
};
