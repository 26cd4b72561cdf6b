#pragma once

#include "sandbox/CreateForm.h"
#include "sandbox/Error.h"
#include "sandbox/Sandbox.h"

#include <QDialog>
#include <QMap>
#include <QPointer>

class Backend;
class Job;
class Preferences;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// Asks for a sandbox with the fields the connection's create form describes, checks the spec
// with the backend before anything is sent, pulls the image when it is missing, creates the
// sandbox and starts it. Closes only once the sandbox exists.
class CreateSandboxDialog final : public QDialog
{
    Q_OBJECT
public:
    // backends: the connected ones to choose from; at least one.
    CreateSandboxDialog(const QList<Backend*>& backends, const Preferences& preferences,
                        QWidget* parent = nullptr);

    // The spec the form describes; what is wrong with it goes to problems.
    SandboxSpec spec(QList<SpecProblem>* problems) const;

    // After accepted(): the new sandbox, and why it did not start when it was to be started.
    QString createdBackendId() const { return m_createdBackendId; }
    QString createdId() const { return m_createdId; }
    const Error& startError() const { return m_startError; }

    void accept() override;
    // While the dialog waits for the engine, cancels that instead of closing.
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    Backend* currentBackend() const;
    // Shows the rows of the current backend's form with its texts, limits and choices.
    void applyForm();
    void loadForm();
    void loadImages();
    void updateCommandPreview();
    void revalidate();
    bool hasImage(const QString& image) const;
    void showProblems(const QList<SpecProblem>& problems);
    void showError(const QString& message);
    void growToFit();
    void setBusy(const QString& text);
    void setIdle();
    void askToPull(const SandboxSpec& spec);
    void pullThenCreate(const SandboxSpec& spec);
    void create(const SandboxSpec& spec);
    void start(Backend* backend, const QString& id);

    QList<Backend*> m_backends;
    CreateForm m_createForm;
    QPointer<Job> m_choicesJob;
    QMap<SpecField, QWidget*> m_inputs; // the widget a field's value is read from
    QMap<SpecField, QWidget*> m_rows;   // the widget of its row in the form
    QStringList m_images;
    bool m_imagesKnown = false;
    bool m_attempted = false;
    QPointer<Job> m_job;
    QPointer<Job> m_imagesJob;
    QString m_createdBackendId;
    QString m_createdId;
    Error m_startError;

    QWidget* m_form = nullptr;
    QFormLayout* m_formLayout = nullptr;
    QComboBox* m_backendCombo = nullptr;
    QComboBox* m_imageCombo = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_commandEdit = nullptr;
    QLabel* m_commandPreview = nullptr;
    QPlainTextEdit* m_envEdit = nullptr;
    QPlainTextEdit* m_labelsEdit = nullptr;
    QLineEdit* m_workdirEdit = nullptr;
    QDoubleSpinBox* m_cpusSpin = nullptr;
    QLineEdit* m_memoryEdit = nullptr;
    QComboBox* m_networkCombo = nullptr;
    QLineEdit* m_portsEdit = nullptr;
    QCheckBox* m_autoRemoveCheck = nullptr;
    QLineEdit* m_argsEdit = nullptr;
    QLineEdit* m_zoneEdit = nullptr;
    QLineEdit* m_vSwitchEdit = nullptr;
    QLineEdit* m_securityGroupEdit = nullptr;
    QComboBox* m_restartPolicyCombo = nullptr;
    QCheckBox* m_startCheck = nullptr;
    QWidget* m_options = nullptr;
    QLabel* m_messageLabel = nullptr;
    QWidget* m_progressRow = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_createButton = nullptr;
};
