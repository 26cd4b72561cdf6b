#include "CreateSandboxDialog.h"

#include "sandbox/Backend.h"
#include "sandbox/Job.h"
#include "sandbox/ShellWords.h"
#include "settings/Preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace {

void setRowLabel(QFormLayout* form, QWidget* field, const QString& text)
{
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
        label->setText(text);
}

QPlainTextEdit* linesEdit(const char* name)
{
    auto* edit = new QPlainTextEdit;
    edit->setObjectName(QLatin1String(name));
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    return edit;
}

} // namespace

CreateSandboxDialog::CreateSandboxDialog(const QList<Backend*>& backends,
                                         const Preferences& preferences, QWidget* parent)
    : QDialog(parent)
    , m_backends(backends)
    , m_form(new QWidget)
    , m_formLayout(new QFormLayout(m_form))
    , m_backendCombo(new QComboBox)
    , m_imageCombo(new QComboBox)
    , m_nameEdit(new QLineEdit)
    , m_commandEdit(new QLineEdit)
    , m_commandPreview(new QLabel)
    , m_envEdit(linesEdit("envEdit"))
    , m_labelsEdit(linesEdit("labelsEdit"))
    , m_workdirEdit(new QLineEdit)
    , m_cpusSpin(new QDoubleSpinBox)
    , m_memoryEdit(new QLineEdit)
    , m_networkCombo(new QComboBox)
    , m_portsEdit(new QLineEdit)
    , m_autoRemoveCheck(new QCheckBox)
    , m_argsEdit(new QLineEdit)
    , m_zoneEdit(new QLineEdit)
    , m_vSwitchEdit(new QLineEdit)
    , m_securityGroupEdit(new QLineEdit)
    , m_restartPolicyCombo(new QComboBox)
    , m_startCheck(new QCheckBox)
    , m_options(new QWidget)
    , m_messageLabel(new QLabel)
    , m_progressRow(new QWidget)
    , m_progressLabel(new QLabel)
    , m_progressBar(new QProgressBar)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("createSandboxDialog"));
    setMinimumWidth(560);

    m_backendCombo->setObjectName(QStringLiteral("backendCombo"));
    for (const Backend* backend : backends)
        m_backendCombo->addItem(backend->displayName());
    m_imageCombo->setObjectName(QStringLiteral("imageCombo"));
    m_imageCombo->setEditable(true);
    m_imageCombo->setInsertPolicy(QComboBox::NoInsert);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_commandEdit->setObjectName(QStringLiteral("commandEdit"));
    m_workdirEdit->setObjectName(QStringLiteral("workdirEdit"));
    m_cpusSpin->setObjectName(QStringLiteral("cpusSpin"));
    m_cpusSpin->setRange(0, 1024);
    m_cpusSpin->setDecimals(2);
    m_cpusSpin->setSingleStep(0.5);
    m_memoryEdit->setObjectName(QStringLiteral("memoryEdit"));
    m_networkCombo->setObjectName(QStringLiteral("networkCombo"));
    m_networkCombo->setEditable(true);
    m_networkCombo->setInsertPolicy(QComboBox::NoInsert);
    m_portsEdit->setObjectName(QStringLiteral("portsEdit"));
    m_autoRemoveCheck->setObjectName(QStringLiteral("autoRemoveCheck"));
    m_startCheck->setObjectName(QStringLiteral("startCheck"));
    m_startCheck->setChecked(preferences.startAfterCreate());
    m_argsEdit->setObjectName(QStringLiteral("argsEdit"));
    m_zoneEdit->setObjectName(QStringLiteral("zoneEdit"));
    m_vSwitchEdit->setObjectName(QStringLiteral("vSwitchEdit"));
    m_securityGroupEdit->setObjectName(QStringLiteral("securityGroupEdit"));
    m_restartPolicyCombo->setObjectName(QStringLiteral("restartPolicyCombo"));
    m_zoneEdit->setCompleter(new QCompleter(new QStringListModel(m_zoneEdit), m_zoneEdit));

    auto* optionsLayout = new QVBoxLayout(m_options);
    optionsLayout->setContentsMargins(0, 0, 0, 0);
    optionsLayout->addWidget(m_autoRemoveCheck);
    optionsLayout->addWidget(m_startCheck);

    // The words the command becomes, under the field: quoting mistakes show before creating.
    m_commandPreview->setObjectName(QStringLiteral("commandPreview"));
    m_commandPreview->setWordWrap(true);
    m_commandPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_commandPreview->setEnabled(false);
    auto* command = new QWidget;
    auto* commandLayout = new QVBoxLayout(command);
    commandLayout->setContentsMargins(0, 0, 0, 0);
    commandLayout->setSpacing(2);
    commandLayout->addWidget(m_commandEdit);
    commandLayout->addWidget(m_commandPreview);

    m_inputs = {{SpecField::Image, m_imageCombo},
                {SpecField::Name, m_nameEdit},
                {SpecField::Command, m_commandEdit},
                {SpecField::Args, m_argsEdit},
                {SpecField::Env, m_envEdit},
                {SpecField::Labels, m_labelsEdit},
                {SpecField::WorkingDir, m_workdirEdit},
                {SpecField::Cpus, m_cpusSpin},
                {SpecField::Memory, m_memoryEdit},
                {SpecField::Network, m_networkCombo},
                {SpecField::Ports, m_portsEdit},
                {SpecField::Zone, m_zoneEdit},
                {SpecField::VSwitch, m_vSwitchEdit},
                {SpecField::SecurityGroup, m_securityGroupEdit},
                {SpecField::RestartPolicy, m_restartPolicyCombo},
                {SpecField::AutoRemove, m_autoRemoveCheck},
                {SpecField::Start, m_startCheck}};
    m_rows = m_inputs;
    m_rows.insert(SpecField::Command, command);
    m_rows.insert(SpecField::AutoRemove, m_options);
    m_rows.insert(SpecField::Start, m_options);

    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [this](QWidget* field) {
        auto* label = new QLabel;
        label->setBuddy(field);
        m_formLayout->addRow(label, field);
    };
    for (QWidget* field : std::initializer_list<QWidget*>{
             m_backendCombo, m_imageCombo, m_nameEdit, command, m_argsEdit, m_envEdit, m_labelsEdit,
             m_workdirEdit, m_cpusSpin, m_memoryEdit, m_networkCombo, m_portsEdit, m_zoneEdit,
             m_vSwitchEdit, m_securityGroupEdit, m_restartPolicyCombo, m_options})
        addRow(field);
    m_formLayout->setRowVisible(m_backendCombo, backends.size() > 1);

    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_messageLabel->hide();

    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressBar->setTextVisible(false);
    auto* progressLayout = new QVBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addWidget(m_progressBar);
    m_progressRow->hide();

    // A button of our own: the box would put back a standard OK's text on a language change.
    m_createButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_createButton->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_progressRow);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateSandboxDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateSandboxDialog::reject);
    connect(m_backendCombo, &QComboBox::currentIndexChanged, this, &CreateSandboxDialog::loadForm);
    connect(m_backendCombo, &QComboBox::currentIndexChanged, this,
            &CreateSandboxDialog::loadImages);

    // Once the user has tried to create, the problems follow every edit.
    connect(m_imageCombo, &QComboBox::editTextChanged, this, &CreateSandboxDialog::revalidate);
    connect(m_networkCombo, &QComboBox::editTextChanged, this, &CreateSandboxDialog::revalidate);
    connect(m_restartPolicyCombo, &QComboBox::currentIndexChanged, this,
            &CreateSandboxDialog::revalidate);
    connect(m_cpusSpin, &QDoubleSpinBox::valueChanged, this, &CreateSandboxDialog::revalidate);
    for (QPlainTextEdit* edit : {m_envEdit, m_labelsEdit})
        connect(edit, &QPlainTextEdit::textChanged, this, &CreateSandboxDialog::revalidate);
    for (QLineEdit* edit : {m_nameEdit, m_commandEdit, m_workdirEdit, m_memoryEdit, m_portsEdit,
                            m_argsEdit, m_zoneEdit, m_vSwitchEdit, m_securityGroupEdit})
        connect(edit, &QLineEdit::textChanged, this, &CreateSandboxDialog::revalidate);
    connect(m_autoRemoveCheck, &QCheckBox::toggled, this, &CreateSandboxDialog::revalidate);
    connect(m_commandEdit, &QLineEdit::textChanged, this,
            &CreateSandboxDialog::updateCommandPreview);

    retranslateUi();
    loadForm();
    loadImages();
    updateCommandPreview();
    m_imageCombo->setFocus();
}

void CreateSandboxDialog::loadForm()
{
    if (Job* old = m_choicesJob) {
        m_choicesJob = nullptr;
        old->cancel();
    }
    applyForm();
    Backend* backend = currentBackend();
    Job* job = backend ? backend->loadCreateChoices() : nullptr;
    if (!job)
        return;
    m_choicesJob = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_choicesJob)
            return;
        m_choicesJob = nullptr;
        // Without the choices the fields still take what is typed.
        if (!job->error().isError())
            applyForm();
    });
}

void CreateSandboxDialog::applyForm()
{
    const Backend* backend = currentBackend();
    m_createForm = backend ? backend->createForm() : CreateForm();
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        m_formLayout->setRowVisible(it.value(), false);
    for (const CreateField& field : std::as_const(m_createForm.fields)) {
        QWidget* input = m_inputs.value(field.id);
        QWidget* row = m_rows.value(field.id);
        if (!input || !row)
            continue;
        m_formLayout->setRowVisible(row, true);
        switch (field.kind) {
        case CreateField::Kind::Flag:
            if (auto* check = qobject_cast<QCheckBox*>(input))
                check->setText(field.label);
            break;
        case CreateField::Kind::Number:
            setRowLabel(m_formLayout, row, field.label);
            if (auto* spin = qobject_cast<QDoubleSpinBox*>(input)) {
                spin->setDecimals(field.decimals);
                spin->setRange(field.minimum, field.maximum);
                spin->setSingleStep(field.step);
                spin->setSpecialValueText(field.specialValueText);
            }
            break;
        case CreateField::Kind::Choice:
            setRowLabel(m_formLayout, row, field.label);
            if (auto* combo = qobject_cast<QComboBox*>(input)) {
                if (combo->lineEdit())
                    combo->lineEdit()->setPlaceholderText(field.placeholder);
                if (field.id == SpecField::Image)
                    break; // its choices are the images the connection has
                const QString typed = combo->currentText();
                const QVariant chosen = combo->currentData();
                combo->clear();
                for (const CreateField::Choice& choice : field.choices)
                    combo->addItem(choice.text, choice.value);
                const int index = combo->findData(chosen);
                combo->setCurrentIndex(std::max(index, 0));
                if (field.editable && index < 0 && !typed.isEmpty())
                    combo->setEditText(typed);
            }
            break;
        case CreateField::Kind::Text:
        case CreateField::Kind::Lines:
            setRowLabel(m_formLayout, row, field.label);
            if (auto* edit = qobject_cast<QLineEdit*>(input)) {
                edit->setPlaceholderText(field.placeholder);
                if (auto* model = edit->completer()
                                      ? qobject_cast<QStringListModel*>(edit->completer()->model())
                                      : nullptr)
                    model->setStringList(field.suggestions);
            } else if (auto* lines = qobject_cast<QPlainTextEdit*>(input)) {
                lines->setPlaceholderText(field.placeholder);
            }
            break;
        }
    }
    m_autoRemoveCheck->setVisible(m_createForm.has(SpecField::AutoRemove));
    m_startCheck->setVisible(m_createForm.has(SpecField::Start));
    m_formLayout->setRowVisible(m_options, m_createForm.has(SpecField::AutoRemove) ||
                                               m_createForm.has(SpecField::Start));
    revalidate();
}

void CreateSandboxDialog::updateCommandPreview()
{
    QString error;
    const QStringList words = ShellWords::split(m_commandEdit->text(), &error);
    if (!error.isEmpty()) {
        m_commandPreview->setText(error);
    } else if (words.isEmpty()) {
        m_commandPreview->clear();
    } else {
        QStringList quoted;
        for (const QString& word : words)
            quoted << tr("“%1”").arg(word);
        m_commandPreview->setText(tr("Runs as %1").arg(quoted.join(QLatin1Char(' '))));
    }
    m_commandPreview->setVisible(!m_commandPreview->text().isEmpty());
}

void CreateSandboxDialog::revalidate()
{
    if (!m_attempted || m_job)
        return;
    QList<SpecProblem> problems;
    spec(&problems);
    showProblems(problems);
}

Backend* CreateSandboxDialog::currentBackend() const
{
    const int index = m_backendCombo->currentIndex();
    return index >= 0 && index < m_backends.size() ? m_backends.at(index) : nullptr;
}

void CreateSandboxDialog::loadImages()
{
    m_images.clear();
    m_imagesKnown = false;
    if (Job* old = m_imagesJob) {
        m_imagesJob = nullptr;
        old->cancel();
    }
    Backend* backend = currentBackend();
    if (!backend || !backend->capabilities().testFlag(Backend::CanListImages))
        return;
    ResultJob<QStringList>* job = backend->listImages();
    m_imagesJob = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_imagesJob)
            return;
        m_imagesJob = nullptr;
        if (job->error().isError())
            return; // the image can still be typed; creating reports what is wrong
        m_images = job->value();
        m_imagesKnown = true;
        const QString typed = m_imageCombo->currentText();
        m_imageCombo->clear();
        m_imageCombo->addItems(m_images);
        m_imageCombo->setCurrentIndex(-1);
        m_imageCombo->setEditText(typed);
    });
}

bool CreateSandboxDialog::hasImage(const QString& image) const
{
    if (m_images.contains(image))
        return true;
    // "alpine" means "alpine:latest"; a ":" after the last "/" is a tag, before it a port.
    const bool tagged = image.contains(QLatin1Char('@')) ||
                        image.lastIndexOf(QLatin1Char(':')) > image.lastIndexOf(QLatin1Char('/'));
    return !tagged && m_images.contains(image + QStringLiteral(":latest"));
}

SandboxSpec CreateSandboxDialog::spec(QList<SpecProblem>* problems) const
{
    CreateValues values;
    for (const CreateField& field : std::as_const(m_createForm.fields)) {
        QWidget* input = m_inputs.value(field.id);
        if (auto* edit = qobject_cast<QLineEdit*>(input)) {
            values.insert(field.id, edit->text());
        } else if (auto* lines = qobject_cast<QPlainTextEdit*>(input)) {
            values.insert(field.id, lines->toPlainText());
        } else if (auto* spin = qobject_cast<QDoubleSpinBox*>(input)) {
            values.insert(field.id, QLocale::c().toString(spin->value()));
        } else if (auto* check = qobject_cast<QCheckBox*>(input)) {
            values.insert(field.id, check->isChecked() ? QStringLiteral("1") : QString());
        } else if (auto* combo = qobject_cast<QComboBox*>(input)) {
            // A choice offered gives its value; text typed over it is taken as it is.
            const bool offered = combo->currentIndex() >= 0 &&
                                 combo->currentText() == combo->itemText(combo->currentIndex());
            values.insert(field.id, offered && field.id != SpecField::Image
                                        ? combo->currentData().toString()
                                        : combo->currentText());
        }
    }
    QList<SpecProblem> found;
    const SandboxSpec sandboxSpec = m_createForm.specFrom(values, &found);
    if (const Backend* backend = currentBackend())
        found += backend->validate(sandboxSpec);
    if (problems)
        *problems = found;
    return sandboxSpec;
}

void CreateSandboxDialog::showProblems(const QList<SpecProblem>& problems)
{
    if (problems.isEmpty()) {
        m_messageLabel->clear();
        m_messageLabel->hide();
        return;
    }
    QStringList lines;
    for (const SpecProblem& problem : problems)
        lines << QStringLiteral("• ") + problem.message;
    m_messageLabel->setText(lines.join(QLatin1Char('\n')));
    m_messageLabel->show();
    growToFit();
}

void CreateSandboxDialog::showError(const QString& message)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
    growToFit();
}

void CreateSandboxDialog::growToFit()
{
    // A message or the progress appeared: grow rather than squeeze the form.
    layout()->activate();
    const int wanted = sizeHint().height();
    if (height() < wanted)
        resize(width(), wanted);
}

void CreateSandboxDialog::setBusy(const QString& text)
{
    m_form->setEnabled(false);
    m_createButton->setEnabled(false);
    m_messageLabel->hide();
    m_progressLabel->setText(text);
    m_progressBar->setRange(0, 0);
    m_progressRow->show();
    growToFit();
}

void CreateSandboxDialog::setIdle()
{
    m_job = nullptr;
    m_form->setEnabled(true);
    m_createButton->setEnabled(true);
    m_progressRow->hide();
}

void CreateSandboxDialog::accept()
{
    if (m_job)
        return;
    m_attempted = true;
    QList<SpecProblem> problems;
    const SandboxSpec sandboxSpec = spec(&problems);
    showProblems(problems);
    Backend* backend = currentBackend();
    if (!problems.isEmpty()) {
        if (QWidget* input = m_inputs.value(problems.first().field))
            input->setFocus();
        return;
    }
    if (!backend)
        return;
    if (m_imagesKnown && !hasImage(sandboxSpec.image) &&
        backend->capabilities().testFlag(Backend::CanPullImages)) {
        askToPull(sandboxSpec);
        return;
    }
    create(sandboxSpec);
}

void CreateSandboxDialog::reject()
{
    if (m_job) {
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

void CreateSandboxDialog::askToPull(const SandboxSpec& sandboxSpec)
{
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Pull Image"),
        tr("The image “%1” is not on %2.").arg(sandboxSpec.image, currentBackend()->displayName()),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("pullQuestion"));
    box->setInformativeText(tr("Pull it from its registry, then create the sandbox?"));
    QPushButton* pull = box->addButton(tr("&Pull and Create"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(pull);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, pull, sandboxSpec] {
        if (box->clickedButton() == pull)
            pullThenCreate(sandboxSpec);
    });
    box->open();
}

void CreateSandboxDialog::pullThenCreate(const SandboxSpec& sandboxSpec)
{
    Backend* backend = currentBackend();
    const QString pulling = tr("Pulling “%1”…").arg(sandboxSpec.image);
    setBusy(pulling);
    Job* job = backend->pullImage(sandboxSpec.image);
    m_job = job;
    connect(job, &Job::progressed, this,
            [this, pulling](qint64 done, qint64 total, const QString& text) {
                m_progressLabel->setText(
                    text.isEmpty() ? pulling : QStringLiteral("%1 %2").arg(pulling, text));
                if (total > 0) {
                    m_progressBar->setRange(0, 1000);
                    m_progressBar->setValue(int(done * 1000 / total));
                }
            });
    connect(job, &Job::finished, this, [this, job, sandboxSpec] {
        if (job->error().isError()) {
            setIdle();
            showError(job->error().fullText());
            return;
        }
        m_images << sandboxSpec.image;
        create(sandboxSpec);
    });
}

void CreateSandboxDialog::create(const SandboxSpec& sandboxSpec)
{
    Backend* backend = currentBackend();
    setBusy(tr("Creating the sandbox…"));
    ResultJob<QString>* job = backend->create(sandboxSpec);
    m_job = job;
    connect(job, &Job::finished, this, [this, job, backend] {
        if (job->error().isError()) {
            setIdle();
            showError(tr("The sandbox could not be created: %1").arg(job->error().fullText()));
            return;
        }
        m_createdBackendId = backend->id();
        m_createdId = job->value();
        // A form without the start choice means the sandbox runs as soon as it exists.
        if (m_createForm.has(SpecField::Start) && m_startCheck->isChecked()) {
            start(backend, m_createdId);
        } else {
            setIdle();
            QDialog::accept();
        }
    });
}

void CreateSandboxDialog::start(Backend* backend, const QString& id)
{
    setBusy(tr("Starting the sandbox…"));
    Job* job = backend->perform(Backend::Action::Start, id);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        // The sandbox exists either way; whoever opened the dialog reports a failed start.
        m_startError = job->error();
        setIdle();
        QDialog::accept();
    });
}

void CreateSandboxDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CreateSandboxDialog::retranslateUi()
{
    setWindowTitle(tr("New Sandbox"));
    setRowLabel(m_formLayout, m_backendCombo, tr("C&onnection:"));
    setRowLabel(m_formLayout, m_options, tr("Options:"));
    m_createButton->setText(tr("C&reate"));
    updateCommandPreview();
    // The form's texts are translated when the backend makes it.
    applyForm();
}
