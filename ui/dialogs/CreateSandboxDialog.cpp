#include "CreateSandboxDialog.h"

#include "eci/EciJson.h"
#include "sandbox/Backend.h"
#include "sandbox/Job.h"
#include "settings/Preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace {

QStringList nonEmptyLines(const QPlainTextEdit* edit)
{
    QStringList lines;
    const QStringList all = edit->toPlainText().split(QLatin1Char('\n'));
    for (const QString& line : all) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    return lines;
}

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
    m_networkCombo->addItems(
        {QString(), QStringLiteral("none"), QStringLiteral("host"), QStringLiteral("bridge")});
    m_portsEdit->setObjectName(QStringLiteral("portsEdit"));
    m_autoRemoveCheck->setObjectName(QStringLiteral("autoRemoveCheck"));
    m_startCheck->setObjectName(QStringLiteral("startCheck"));
    m_startCheck->setChecked(preferences.startAfterCreate());
    m_argsEdit->setObjectName(QStringLiteral("argsEdit"));
    m_zoneEdit->setObjectName(QStringLiteral("zoneEdit"));
    m_vSwitchEdit->setObjectName(QStringLiteral("vSwitchEdit"));
    m_securityGroupEdit->setObjectName(QStringLiteral("securityGroupEdit"));
    m_restartPolicyCombo->setObjectName(QStringLiteral("restartPolicyCombo"));
    m_restartPolicyCombo->addItem(QString());
    for (const char* policy : {"Always", "OnFailure", "Never"})
        m_restartPolicyCombo->addItem(QLatin1String(policy), QLatin1String(policy));

    auto* options = new QWidget;
    auto* optionsLayout = new QVBoxLayout(options);
    optionsLayout->setContentsMargins(0, 0, 0, 0);
    optionsLayout->addWidget(m_autoRemoveCheck);
    optionsLayout->addWidget(m_startCheck);

    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [this](QWidget* field) {
        auto* label = new QLabel;
        label->setBuddy(field);
        m_formLayout->addRow(label, field);
    };
    for (QWidget* field : std::initializer_list<QWidget*>{
             m_backendCombo, m_imageCombo, m_nameEdit, m_commandEdit, m_argsEdit, m_envEdit,
             m_labelsEdit, m_workdirEdit, m_cpusSpin, m_memoryEdit, m_networkCombo, m_portsEdit,
             m_zoneEdit, m_vSwitchEdit, m_securityGroupEdit, m_restartPolicyCombo, options})
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
    connect(m_backendCombo, &QComboBox::currentIndexChanged, this,
            &CreateSandboxDialog::loadImages);
    connect(m_backendCombo, &QComboBox::currentIndexChanged, this,
            &CreateSandboxDialog::updateBackendFields);

    // Once the user has tried to create, the problems follow every edit.
    const auto revalidate = [this] {
        if (!m_attempted)
            return;
        QStringList problems;
        spec(&problems);
        showProblems(problems);
    };
    connect(m_imageCombo, &QComboBox::editTextChanged, this, revalidate);
    connect(m_nameEdit, &QLineEdit::textChanged, this, revalidate);
    connect(m_commandEdit, &QLineEdit::textChanged, this, revalidate);
    connect(m_envEdit, &QPlainTextEdit::textChanged, this, revalidate);
    connect(m_labelsEdit, &QPlainTextEdit::textChanged, this, revalidate);
    connect(m_workdirEdit, &QLineEdit::textChanged, this, revalidate);
    connect(m_cpusSpin, &QDoubleSpinBox::valueChanged, this, revalidate);
    connect(m_memoryEdit, &QLineEdit::textChanged, this, revalidate);
    connect(m_networkCombo, &QComboBox::editTextChanged, this, revalidate);
    connect(m_portsEdit, &QLineEdit::textChanged, this, revalidate);
    for (QLineEdit* edit : {m_argsEdit, m_zoneEdit, m_vSwitchEdit, m_securityGroupEdit})
        connect(edit, &QLineEdit::textChanged, this, revalidate);

    updateBackendFields();
    retranslateUi();
    loadImages();
    m_imageCombo->setFocus();
}

bool CreateSandboxDialog::isGroupBackend() const
{
    const Backend* backend = currentBackend();
    return backend && backend->capabilities().testFlag(Backend::HasContainerGroups);
}

void CreateSandboxDialog::updateBackendFields()
{
    const bool groups = isGroupBackend();
    for (QWidget* field : std::initializer_list<QWidget*>{
             m_argsEdit, m_zoneEdit, m_vSwitchEdit, m_securityGroupEdit, m_restartPolicyCombo})
        m_formLayout->setRowVisible(field, groups);
    m_formLayout->setRowVisible(m_networkCombo, !groups);
    // A container group runs once created and is never removed by the service itself.
    m_autoRemoveCheck->setVisible(!groups);
    m_startCheck->setVisible(!groups);
    retranslateUi();
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

SandboxSpec CreateSandboxDialog::spec(QStringList* problems) const
{
    SandboxSpec spec;
    QStringList own;
    spec.image = m_imageCombo->currentText().trimmed();
    spec.name = m_nameEdit->text().trimmed();
    spec.command = QProcess::splitCommand(m_commandEdit->text());
    spec.env = nonEmptyLines(m_envEdit);

    const QStringList labels = nonEmptyLines(m_labelsEdit);
    for (const QString& line : labels) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            own << tr("Label “%1” is not KEY=VALUE.").arg(line);
        else
            spec.labels.insert(line.left(equals), line.mid(equals + 1));
    }

    spec.workingDir = m_workdirEdit->text().trimmed();
    spec.cpus = m_cpusSpin->value();

    const QString memory = m_memoryEdit->text().trimmed();
    if (!memory.isEmpty()) {
        spec.memoryBytes = parseMemorySize(memory);
        if (spec.memoryBytes < 0) {
            own << tr("Memory “%1” is not a size; write for example 512m or 2g.").arg(memory);
            spec.memoryBytes = 0;
        }
    }

    const QString network = m_networkCombo->currentText().trimmed();
    if (network != m_networkCombo->itemText(0))
        spec.networkMode = network;

    const QStringList ports = m_portsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& port : ports) {
        if (port.trimmed().isEmpty())
            continue;
        PortBinding binding;
        if (parsePortBinding(port, &binding))
            spec.ports << binding;
        else
            own << tr("Port “%1” is not valid; write CONTAINER, HOST:CONTAINER or "
                      "IP:HOST:CONTAINER, with an optional /tcp or /udp, for example 8080:80.")
                       .arg(port.trimmed());
    }
    if (!isGroupBackend()) {
        spec.autoRemove = m_autoRemoveCheck->isChecked();
        if (problems)
            *problems = spec.validate() + own;
        return spec;
    }

    spec.networkMode.clear();
    spec.args = QProcess::splitCommand(m_argsEdit->text());
    spec.zoneId = m_zoneEdit->text().trimmed();
    spec.vSwitchId = m_vSwitchEdit->text().trimmed();
    spec.securityGroupId = m_securityGroupEdit->text().trimmed();
    spec.restartPolicy = m_restartPolicyCombo->currentData().toString();
    const auto checkId = [&own](const QString& value, const QString& pattern,
                                const QString& problem) {
        const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern));
        if (!value.isEmpty() && !expression.match(value).hasMatch())
            own << problem.arg(value);
    };
    checkId(spec.zoneId, QStringLiteral("[a-z0-9]+(-[a-z0-9]+)+"),
            tr("“%1” is not a zone ID such as cn-hangzhou-h."));
    checkId(spec.vSwitchId, QStringLiteral("vsw-[a-z0-9]+"),
            tr("“%1” is not a vSwitch ID such as vsw-bp1234abcd."));
    checkId(spec.securityGroupId, QStringLiteral("sg-[a-z0-9]+"),
            tr("“%1” is not a security group ID such as sg-bp1234abcd."));
    // The service's own rules, as the backend will apply them; it includes validate().
    QStringList serviceProblems;
    EciJson::createParams(spec, QStringLiteral("-"), &serviceProblems);
    if (problems)
        *problems = serviceProblems + own;
    return spec;
}

void CreateSandboxDialog::showProblems(const QStringList& problems)
{
    if (problems.isEmpty()) {
        m_messageLabel->clear();
        m_messageLabel->hide();
        return;
    }
    QStringList lines;
    for (const QString& problem : problems)
        lines << QStringLiteral("• ") + problem;
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
    QStringList problems;
    const SandboxSpec sandboxSpec = spec(&problems);
    showProblems(problems);
    Backend* backend = currentBackend();
    if (!problems.isEmpty() || !backend)
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
        const bool runsOnCreate = backend->capabilities().testFlag(Backend::HasContainerGroups);
        if (m_startCheck->isChecked() && !runsOnCreate) {
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
    setRowLabel(m_formLayout, m_imageCombo, tr("&Image:"));
    setRowLabel(m_formLayout, m_nameEdit, tr("&Name:"));
    setRowLabel(m_formLayout, m_commandEdit, tr("Co&mmand:"));
    setRowLabel(m_formLayout, m_envEdit, tr("&Environment:"));
    setRowLabel(m_formLayout, m_labelsEdit, isGroupBackend() ? tr("T&ags:") : tr("&Labels:"));
    setRowLabel(m_formLayout, m_argsEdit, tr("&Arguments:"));
    setRowLabel(m_formLayout, m_zoneEdit, tr("&Zone:"));
    setRowLabel(m_formLayout, m_vSwitchEdit, tr("&vSwitch:"));
    setRowLabel(m_formLayout, m_securityGroupEdit, tr("Security &group:"));
    setRowLabel(m_formLayout, m_restartPolicyCombo, tr("Restart &policy:"));
    setRowLabel(m_formLayout, m_workdirEdit, tr("&Working directory:"));
    setRowLabel(m_formLayout, m_cpusSpin, tr("&CPUs:"));
    setRowLabel(m_formLayout, m_memoryEdit, tr("Memor&y:"));
    setRowLabel(m_formLayout, m_networkCombo, tr("Ne&twork:"));
    setRowLabel(m_formLayout, m_portsEdit, tr("&Ports:"));
    setRowLabel(m_formLayout, m_autoRemoveCheck->parentWidget(), tr("Options:"));

    m_imageCombo->lineEdit()->setPlaceholderText(tr("for example alpine:3.20"));
    m_nameEdit->setPlaceholderText(tr("optional; letters, digits, “_”, “.” and “-”"));
    m_commandEdit->setPlaceholderText(tr("optional, for example sleep 3600; else the image's own"));
    m_envEdit->setPlaceholderText(tr("KEY=VALUE, one per line"));
    m_labelsEdit->setPlaceholderText(tr("KEY=VALUE, one per line"));
    m_workdirEdit->setPlaceholderText(tr("optional, for example /work"));
    m_cpusSpin->setSpecialValueText(tr("No limit"));
    m_memoryEdit->setPlaceholderText(tr("for example 512m or 2g; empty for no limit"));
    m_networkCombo->setItemText(0, tr("default"));
    m_portsEdit->setPlaceholderText(
        tr("comma-separated, for example 8080:80, 127.0.0.1:5432:5432"));
    m_autoRemoveCheck->setText(tr("Remove the sandbox when it e&xits"));
    m_startCheck->setText(tr("&Start after creating"));
    m_createButton->setText(tr("C&reate"));
    m_argsEdit->setPlaceholderText(tr("optional, passed after the command"));
    m_zoneEdit->setPlaceholderText(tr("optional, for example cn-hangzhou-h"));
    m_vSwitchEdit->setPlaceholderText(tr("for example vsw-bp1234abcd; empty: the default"));
    m_securityGroupEdit->setPlaceholderText(tr("for example sg-bp1234abcd; empty: the default"));
    m_restartPolicyCombo->setItemText(0, tr("Service default (Always)"));

    if (m_attempted && !m_job) {
        QStringList problems;
        spec(&problems);
        showProblems(problems);
    }
}
