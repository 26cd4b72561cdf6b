#pragma once

#include <QObject>

class QLabel;
class QStatusBar;
class SandboxFilterModel;
class SandboxTableModel;

// The status bar's lasting part: how many sandboxes there are, run and are shown, and the
// version of each connected engine.
class StatusSummary final : public QObject
{
    Q_OBJECT
public:
    StatusSummary(QStatusBar* statusBar, SandboxTableModel* model, SandboxFilterModel* filter);

    // Texts are made here, so it is called again when the language changes.
    void update();

private:
    SandboxTableModel* m_model;
    SandboxFilterModel* m_filter;
    QLabel* m_countLabel;
    QLabel* m_versionLabel;
};
