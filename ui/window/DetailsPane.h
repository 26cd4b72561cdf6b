#pragma once

#include "sandbox/Sandbox.h"
#include "sandbox/SandboxDetails.h"

#include <QPointer>
#include <QTabWidget>

class Backend;
class Job;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTreeWidget;
class ResourceCharts;
class StatsMonitor;

// The current sandbox: a summary from the live table and the backend's typed details (status in
// our own words, addresses, expiry); the raw inspect JSON on its own tab; containers and events
// when a sandbox holds several containers; its resource history where the backend keeps one.
// With nothing selected it shows a hint.
class DetailsPane final : public QTabWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget* parent = nullptr);

    // Fills the summary; asks the engine for details when it is another sandbox than before.
    void showSandbox(Backend* backend, const Sandbox& sandbox);
    void clear();
    // Asks the engine for the current sandbox's details again.
    void refresh();
    // Where the charts' live figures come from (the table's monitor, which also watches the
    // current sandbox).
    void setStatsMonitor(StatsMonitor* monitor);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillSummary();
    void cancelInspect();
    void fillDetails();
    void loadHistory();
    void updateCharts();
    void updateTabs();
    QLabel* addField(QFormLayout* form);

    QPointer<Backend> m_backend;
    Sandbox m_sandbox;
    QPointer<Job> m_inspectJob;
    QPointer<Job> m_historyJob;
    bool m_hasSandbox = false;
    SandboxDetails m_details;
    bool m_hasDetails = false;

    QStackedWidget* m_summaryStack = nullptr;
    QLabel* m_hint = nullptr;

    QWidget* m_summaryPage = nullptr;
    QList<QLabel*> m_fieldNames; // ID, name, image, status, created, ports, limits, labels
    QLabel* m_idValue = nullptr;
    QLabel* m_nameValue = nullptr;
    QLabel* m_imageValue = nullptr;
    QLabel* m_statusValue = nullptr;
    QLabel* m_createdValue = nullptr;
    QLabel* m_portsValue = nullptr;
    QLabel* m_limitsValue = nullptr;
    QLabel* m_labelsValue = nullptr;
    QLabel* m_addressesValue = nullptr;
    QLabel* m_expiresValue = nullptr;
    QPlainTextEdit* m_inspectText = nullptr;
    QTreeWidget* m_containersTree = nullptr;
    QTreeWidget* m_eventsTree = nullptr;
    QWidget* m_historyPage = nullptr;
    QLabel* m_historySummary = nullptr;
    QTreeWidget* m_historyTree = nullptr;
    ResourceCharts* m_charts = nullptr;
    QList<ResourceSample> m_chartHistory; // the backend's own history, when it keeps one
    QPointer<StatsMonitor> m_stats;
};
