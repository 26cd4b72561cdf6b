#pragma once

#include "sandbox/Sandbox.h"

#include <QPointer>
#include <QTabWidget>

class Backend;
class Job;
class QFormLayout;
class QLabel;
class QPlainTextEdit;

// The current sandbox: a summary from the live table and the engine's raw inspect JSON.
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

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillSummary();
    void cancelInspect();
    QLabel* addField(QFormLayout* form);

    QPointer<Backend> m_backend;
    Sandbox m_sandbox;
    QPointer<Job> m_inspectJob;
    bool m_hasSandbox = false;

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
    QPlainTextEdit* m_inspectText = nullptr;
};
