#pragma once

#include "terminal/SessionExporter.h"

#include <QWidget>

class Preferences;
class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class TerminalSession;
class TerminalView;

// Shows a TerminalSession and forwards the user's input to it: the view, its menu, the banner
// that says why the session is over with a Reconnect button, and an export's progress. The tab
// takes the session as its child; what the session does lives in core.
class TerminalTab final : public QWidget
{
    Q_OBJECT
public:
    TerminalTab(TerminalSession* session, const Preferences& preferences,
                QWidget* parent = nullptr);
    ~TerminalTab() override;

    TerminalSession* session() const { return m_session; }
    TerminalView* view() const { return m_view; }
    QAction* reconnectAction() const { return m_reconnectAction; }
    QAction* detachAction() const { return m_detachAction; }
    // Shown while the terminal is in a window of its own.
    QAction* attachAction() const { return m_attachAction; }
    QAction* closeAction() const { return m_closeAction; }
    QMenu* menu() const { return m_menu; }

    // Starts an export of the recording; progress and errors are shown here.
    void exportTo(SessionExporter::Format format, const QString& filePath);

Q_SIGNALS:
    void detachRequested();
    void attachRequested();
    void closeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showEndBanner();
    void chooseExport(SessionExporter::Format format);

    TerminalSession* m_session;
    TerminalView* m_view;

    QMenu* m_menu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QPushButton* m_reconnectButton = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_pasteAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_exportTextAction = nullptr;
    QAction* m_exportHtmlAction = nullptr;
    QAction* m_exportCastAction = nullptr;
    QAction* m_reconnectAction = nullptr;
    QAction* m_detachAction = nullptr;
    QAction* m_attachAction = nullptr;
    QAction* m_closeAction = nullptr;

    QWidget* m_exportBar = nullptr;
    QLabel* m_exportLabel = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QPushButton* m_exportCancel = nullptr;
};
