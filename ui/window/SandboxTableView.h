#pragma once

#include "window/WindowActions.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class SandboxFilterModel;
class SandboxTableModel;
class StatsMonitor;
class QTimer;

// The sandboxes as a table under a filter bar (search words and a status), with the
// selection the window's actions work on.
class SandboxTableView final : public QWidget
{
    Q_OBJECT
public:
    explicit SandboxTableView(SandboxTableModel* model, QWidget* parent = nullptr);

    SandboxFilterModel* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    void setContextMenu(QMenu* menu) { m_contextMenu = menu; }
    void focusSearch();

    // The selected sandboxes whose backend is connected.
    QList<SelectedSandbox> selectedSandboxes() const;
    bool hasCurrent() const;
    // The current row's sandbox; false when there is none.
    bool currentSandbox(Sandbox* sandbox) const;
    // Makes the sandbox current when it is listed and shown; false when it is not listed yet.
    bool select(const QString& backendId, const QString& id);
    // With one connection the column would repeat one name on every row.
    void updateConnectionColumn();

    // The live stats of the rows on screen and of the current sandbox; nothing else is watched.
    StatsMonitor* stats() const { return m_stats; }

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray& state);

Q_SIGNALS:
    void selectionChanged();
    void currentChanged();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    // Soon, once: what is on screen may have changed.
    void scheduleWatch();
    void updateWatched();
    void updateTotals();

    SandboxTableModel* m_model;
    SandboxFilterModel* m_filter;
    QLineEdit* m_search = nullptr;
    QLabel* m_statusFilterLabel = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QTableView* m_table = nullptr;
    QMenu* m_contextMenu = nullptr;
    StatsMonitor* m_stats = nullptr;
    QTimer* m_watchTimer = nullptr;
    QLabel* m_totals = nullptr;
};
