#pragma once

#include "sandbox/CleanupPlan.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class Backend;
class IdleStore;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

// The preview of a clean-up: exactly the sandboxes that Remove will remove, found by
// CleanupPlanner on every connection that keeps lifetimes, with why each goes. Idle clean-up
// (of the sandboxes opted in to it, stopped or idle that long) is offered, never on by default.
class CleanupDialog final : public QDialog
{
    Q_OBJECT
public:
    // store: idle clean-up's opt-ins (none: it is not offered); cpuPercent: what idle means.
    CleanupDialog(const QList<Backend*>& backends, IdleStore* store, double cpuPercent,
                  QWidget* parent = nullptr);

    // What is listed now, and what Remove removes.
    QList<CleanupCandidate> candidates() const { return m_candidates; }
    QList<Backend*> backendsOf() const;

Q_SIGNALS:
    void removeRequested(const QList<CleanupCandidate>& candidates);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void plan();
    void showPlan(const QList<CleanupCandidate>& found, const QStringList& problems);

    QList<QPointer<Backend>> m_backends;
    QPointer<IdleStore> m_store;
    double m_cpuPercent;
    QCheckBox* m_idle;
    QLineEdit* m_idleFor;
    QLabel* m_intro;
    QLabel* m_summary;
    QTreeWidget* m_list;
    QDialogButtonBox* m_buttons;
    QPushButton* m_remove;
    QList<CleanupCandidate> m_candidates;
    QStringList m_problems;
    bool m_planning = false;
    quint64 m_generation = 0; // a newer plan makes answers to an older one stale
};
