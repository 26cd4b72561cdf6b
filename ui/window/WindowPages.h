#pragma once

#include <QList>
#include <QStackedWidget>

class Backend;
class EmptyState;
class QPushButton;

// The middle of the window: the table, or why there is none (connecting, no engine, no
// sandboxes yet) with what the user can do about it.
class WindowPages final : public QStackedWidget
{
    Q_OBJECT
public:
    explicit WindowPages(QWidget* table, QWidget* parent = nullptr);

    // Shows the page that fits the connections and the number of sandboxes. Its texts are
    // made here, so the window calls it again when the language changes.
    void update(const QList<Backend*>& backends, const QString& discoveryProblem, int sandboxCount);

Q_SIGNALS:
    void retryRequested();
    void preferencesRequested();
    void newSandboxRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QWidget* m_table;
    EmptyState* m_connectingState = nullptr;
    EmptyState* m_noConnectionState = nullptr;
    EmptyState* m_noSandboxesState = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_preferencesButton = nullptr;
    QPushButton* m_newButton = nullptr;
};
