#include "AccountsDialog.h"

#include "OpenSandboxServersPanel.h"
#include "ProfileList.h"
#include "common/MessageLabel.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/CredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "sandbox/Job.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// A key no account can have (names never start with "."): reading it tells whether the
// keychain answers at all.
const QString probeKey = QStringLiteral("sandboxdesk/.probe/none");
const QString defaultRegionForLookup = QStringLiteral("cn-hangzhou");

void setRowLabel(QFormLayout* form, QWidget* field, const QString& text)
{
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
        label->setText(text);
}

QStringList splitRegions(const QString& text)
{
    QStringList regions;
    const QStringList parts =
        text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        if (!regions.contains(part))
            regions << part;
    }
    return regions;
}

} // namespace

AccountEditor::AccountEditor(ConnectionRegistry& connections, const EciAccount* existing,
                             QWidget* parent)
    : QDialog(parent)
    , m_connections(connections)
    , m_isNew(existing == nullptr)
    , m_form(new QFormLayout)
    , m_nameEdit(new QLineEdit)
    , m_keyIdEdit(new QLineEdit)
    , m_secretEdit(new QLineEdit)
    , m_tokenEdit(new QLineEdit)
    , m_clearTokenCheck(new QCheckBox)
    , m_regionCombo(new QComboBox)
    , m_fetchRegionsButton(new QPushButton)
    , m_extraRegionsEdit(new QLineEdit)
    , m_endpointEdit(new QLineEdit)
    , m_signatureCombo(new QComboBox)
    , m_sessionLabel(new QLabel)
    , m_messageLabel(new MessageLabel(QStringLiteral("messageLabel")))
    , m_sessionButton(new QPushButton)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("accountEditor"));
    setMinimumWidth(520);
    if (existing) {
        m_existing = *existing;
        m_sessionOnly = existing->sessionOnly;
    }

    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_keyIdEdit->setObjectName(QStringLiteral("accessKeyIdEdit"));
    m_secretEdit->setObjectName(QStringLiteral("secretEdit"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_clearTokenCheck->setObjectName(QStringLiteral("clearTokenCheck"));
    m_regionCombo->setObjectName(QStringLiteral("regionCombo"));
    m_regionCombo->setEditable(true);
    m_regionCombo->setInsertPolicy(QComboBox::NoInsert);
    m_fetchRegionsButton->setObjectName(QStringLiteral("fetchRegionsButton"));
    m_extraRegionsEdit->setObjectName(QStringLiteral("extraRegionsEdit"));
    m_endpointEdit->setObjectName(QStringLiteral("endpointEdit"));
    m_signatureCombo->setObjectName(QStringLiteral("signatureCombo"));
    m_signatureCombo->addItem(QString(), static_cast<int>(EciSignatureVersion::V3));
    m_signatureCombo->addItem(QString(), static_cast<int>(EciSignatureVersion::V1));

    auto* regionRow = new QWidget;
    auto* regionLayout = new QHBoxLayout(regionRow);
    regionLayout->setContentsMargins(0, 0, 0, 0);
    regionLayout->addWidget(m_regionCombo, 1);
    regionLayout->addWidget(m_fetchRegionsButton);

    auto* tokenRow = new QWidget;
    auto* tokenLayout = new QVBoxLayout(tokenRow);
    tokenLayout->setContentsMargins(0, 0, 0, 0);
    tokenLayout->addWidget(m_tokenEdit);
    tokenLayout->addWidget(m_clearTokenCheck);
    m_clearTokenCheck->setVisible(!m_isNew && m_existing.hasSecurityToken);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [this](QWidget* field) {
        auto* label = new QLabel;
        label->setBuddy(field);
        m_form->addRow(label, field);
    };
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_nameEdit, m_keyIdEdit, m_secretEdit, tokenRow, regionRow,
                                         m_extraRegionsEdit, m_endpointEdit, m_signatureCombo})
        addRow(field);
    if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(regionRow)))
        label->setBuddy(m_regionCombo);
    if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(tokenRow)))
        label->setBuddy(m_tokenEdit);

    m_sessionLabel->setObjectName(QStringLiteral("sessionOnlyLabel"));
    m_sessionLabel->setWordWrap(true);
    m_sessionLabel->setVisible(m_sessionOnly);
    m_sessionButton->setObjectName(QStringLiteral("sessionOnlyButton"));
    m_sessionButton->hide();
    connect(m_sessionButton, &QPushButton::clicked, this, &AccountEditor::keepForSession);

    m_saveButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountEditor::reject);
    connect(m_fetchRegionsButton, &QPushButton::clicked, this, &AccountEditor::fetchRegions);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_sessionLabel);
    layout->addLayout(m_form);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_sessionButton, 0, Qt::AlignLeft);
    layout->addStretch();
    layout->addWidget(m_buttons);

    if (!m_isNew) {
        m_nameEdit->setText(m_existing.name);
        // The name is part of the keychain keys; another name is another account.
        m_nameEdit->setReadOnly(true);
        m_keyIdEdit->setText(m_existing.accessKeyId);
        m_regionCombo->setEditText(m_existing.defaultRegion);
        m_extraRegionsEdit->setText(m_existing.extraRegions.join(QStringLiteral(", ")));
        m_endpointEdit->setText(m_existing.endpoint);
        m_signatureCombo->setCurrentIndex(
            m_existing.signatureVersion == EciSignatureVersion::V1 ? 1 : 0);
    }
    retranslateUi();
}

AccountEditor::~AccountEditor()
{
    m_secretEdit->clear();
    m_tokenEdit->clear();
}

void AccountEditor::setImported(const ImportedCredentials& credentials)
{
    if (m_isNew && !credentials.profileName.isEmpty()) {
        QString name = credentials.profileName;
        for (int n = 2; m_connections.accounts().contains(name); ++n)
            name = credentials.profileName + QStringLiteral("-%1").arg(n);
        m_nameEdit->setText(name);
    }
    m_keyIdEdit->setText(credentials.accessKeyId);
    m_secretEdit->setText(credentials.accessKeySecret);
    m_tokenEdit->setText(credentials.securityToken);
    if (!credentials.regionId.isEmpty())
        m_regionCombo->setEditText(credentials.regionId);
    m_endpointEdit->setText(credentials.endpoint);
}

EciAccount AccountEditor::account(QStringList* problems) const
{
    EciAccount account;
    account.name = m_nameEdit->text().trimmed();
    account.accessKeyId = m_keyIdEdit->text().trimmed();
    account.defaultRegion = m_regionCombo->currentText().trimmed();
    account.extraRegions = splitRegions(m_extraRegionsEdit->text());
    account.extraRegions.removeAll(account.defaultRegion);
    account.endpoint = m_endpointEdit->text().trimmed();
    account.signatureVersion =
        static_cast<EciSignatureVersion>(m_signatureCombo->currentData().toInt());
    account.sessionOnly = m_sessionOnly;
    const bool newToken = !m_tokenEdit->text().isEmpty();
    account.hasSecurityToken =
        newToken || (!m_isNew && m_existing.hasSecurityToken && !m_clearTokenCheck->isChecked());

    if (!problems)
        return account;
    QStringList found = account.validate();
    if (m_isNew && m_connections.accounts().contains(account.name))
        found << tr("An account named “%1” exists already.").arg(account.name);
    if (m_isNew && m_secretEdit->text().isEmpty())
        found << tr("The AccessKey secret is required.");
    ImportedCredentials values;
    values.accessKeyId = account.accessKeyId.isEmpty() ? QStringLiteral("-") : account.accessKeyId;
    values.accessKeySecret = m_secretEdit->text();
    values.securityToken = m_tokenEdit->text();
    values.endpoint = account.endpoint;
    const QString problem = CredentialImport::problemWith(values);
    if (!problem.isEmpty() && !found.join(QLatin1Char('\n')).contains(problem))
        found << problem;
    *problems = found;
    return account;
}

void AccountEditor::showMessage(const QString& text, bool isError)
{
    m_messageLabel->showMessage(text, isError);
}

void AccountEditor::setBusy(bool busy)
{
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_nameEdit, m_keyIdEdit, m_secretEdit, m_tokenEdit, m_clearTokenCheck, m_regionCombo,
             m_fetchRegionsButton, m_extraRegionsEdit, m_endpointEdit, m_signatureCombo,
             m_saveButton, m_sessionButton})
        widget->setEnabled(!busy);
}

void AccountEditor::accept()
{
    if (m_job)
        return;
    QStringList problems;
    const EciAccount account = this->account(&problems);
    if (!problems.isEmpty()) {
        m_messageLabel->showProblems(problems);
        return;
    }

    m_saving = account;
    m_store = &m_connections.storeFor(account);
    m_steps.clear();
    m_written.clear();
    if (!m_secretEdit->text().isEmpty())
        m_steps.append({account.secretKey(), m_secretEdit->text(), false});
    if (!m_tokenEdit->text().isEmpty())
        m_steps.append({account.securityTokenKey(), m_tokenEdit->text(), false});
    else if (!account.hasSecurityToken && !m_isNew && m_existing.hasSecurityToken)
        m_steps.append({account.securityTokenKey(), QString(), true});
    showMessage(m_steps.isEmpty() ? QString() : tr("Saving in the keychain…"), false);
    setBusy(true);
    runSteps();
}

void AccountEditor::runSteps()
{
    if (m_steps.isEmpty()) {
        finishSave();
        return;
    }
    const Step step = m_steps.takeFirst();
    Job* job = step.remove ? m_store->remove(step.key) : m_store->write(step.key, step.value);
    m_job = job;
    const QString key = step.key;
    const bool written = !step.remove;
    connect(job, &Job::finished, this, [this, job, key, written] {
        if (job != m_job)
            return;
        m_job = nullptr;
        if (job->error().isError()) {
            stepsFailed(job->error());
            return;
        }
        if (written)
            m_written << key;
        runSteps();
    });
}

void AccountEditor::stepsFailed(const Error& error)
{
    m_steps.clear();
    // A new account that could not be saved leaves nothing behind.
    if (m_isNew) {
        for (const QString& key : std::as_const(m_written))
            m_store->remove(key);
    }
    m_written.clear();
    setBusy(false);
    const bool keychain = m_store == &m_connections.keychain();
    if (keychain && CredentialStore::isUnavailable(error)) {
        showMessage(tr("The account was not saved: %1\n\nYou can keep it for this session "
                       "only. Its secret then stays in SandboxDesk's memory and is forgotten "
                       "when SandboxDesk quits; nothing is written to disk.")
                        .arg(error.fullText()));
        m_sessionButton->show();
        return;
    }
    showMessage(tr("The account was not saved: %1").arg(error.fullText()));
}

void AccountEditor::keepForSession()
{
    if (m_secretEdit->text().isEmpty()) {
        showMessage(tr("To keep this account for this session only, type its AccessKey secret "
                       "again."));
        m_secretEdit->setFocus();
        return;
    }
    m_sessionOnly = true;
    m_sessionButton->hide();
    m_sessionLabel->show();
    retranslateUi();
    accept();
}

void AccountEditor::finishSave()
{
    EciAccounts& accounts = m_connections.accounts();
    accounts.save(m_saving);
    accounts.sync();
    m_secretEdit->clear();
    m_tokenEdit->clear();
    setBusy(false);
    m_connections.reloadAccount(m_saving.name);
    Q_EMIT saved(m_saving.name);
    QDialog::accept();
}

void AccountEditor::reject()
{
    if (Job* job = m_job) {
        // A keychain call cannot be taken back halfway; let it end, then close.
        connect(job, &Job::finished, this, &QDialog::reject);
        return;
    }
    if (Job* job = m_regionsJob)
        job->cancel();
    QDialog::reject();
}

void AccountEditor::fetchRegions()
{
    if (m_regionsJob)
        return;
    EciAccount account = this->account(nullptr);
    if (account.accessKeyId.isEmpty()) {
        showMessage(tr("Type the AccessKey ID and secret first."));
        return;
    }
    EciCredentials credentials;
    credentials.accessKeyId = account.accessKeyId;
    credentials.accessKeySecret = m_secretEdit->text();
    credentials.securityToken = m_tokenEdit->text();
    if (!credentials.accessKeySecret.isEmpty() || m_isNew) {
        if (credentials.accessKeySecret.isEmpty()) {
            showMessage(tr("Type the AccessKey ID and secret first."));
            return;
        }
        listRegions(credentials);
        return;
    }
    // Editing with the secret left unchanged: the stored one is used.
    CredentialStore& store = m_connections.storeFor(m_existing);
    Job* job = store.read(m_existing.secretKey());
    m_fetchRegionsButton->setEnabled(false);
    connect(job, &Job::finished, this, [this, job, credentials] {
        m_fetchRegionsButton->setEnabled(true);
        if (job->error().isError()) {
            showMessage(tr("The regions could not be listed: %1").arg(job->error().fullText()));
            return;
        }
        EciCredentials stored = credentials;
        stored.accessKeySecret = job->result().toString();
        listRegions(stored);
    });
}

void AccountEditor::listRegions(const EciCredentials& credentials)
{
    EciAccount account = this->account(nullptr);
    const QString region = EciAccount::isValidRegion(account.defaultRegion)
                               ? account.defaultRegion
                               : defaultRegionForLookup;
    const QString endpointError = ConnectionRegistry::eciEndpointProblem(account.endpoint);
    if (!endpointError.isEmpty()) {
        showMessage(endpointError);
        return;
    }
    ResultJob<QStringList>* job = m_connections.listRegions(account, credentials, region);
    m_regionsJob = job;
    showMessage(tr("Asking Alibaba Cloud for the regions…"), false);
    m_fetchRegionsButton->setEnabled(false);
    connect(job, &Job::finished, this, [this, job] {
        m_fetchRegionsButton->setEnabled(true);
        if (job->error().isError()) {
            showMessage(tr("The regions could not be listed: %1").arg(job->error().fullText()));
            return;
        }
        const QString typed = m_regionCombo->currentText();
        QStringList regions = job->value();
        regions.sort();
        m_regionCombo->clear();
        m_regionCombo->addItems(regions);
        m_regionCombo->setCurrentIndex(-1);
        m_regionCombo->setEditText(typed.isEmpty() && !regions.isEmpty() ? regions.first() : typed);
        showMessage(tr("%n region(s) available to this key.", nullptr, int(regions.size())), false);
    });
}

void AccountEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AccountEditor::retranslateUi()
{
    setWindowTitle(m_isNew ? tr("Add Account") : tr("Edit Account"));
    setRowLabel(m_form, m_nameEdit, tr("&Name:"));
    setRowLabel(m_form, m_keyIdEdit, tr("AccessKey &ID:"));
    setRowLabel(m_form, m_secretEdit, tr("AccessKey &secret:"));
    setRowLabel(m_form, m_tokenEdit->parentWidget(), tr("STS &token:"));
    setRowLabel(m_form, m_regionCombo->parentWidget(), tr("Default &region:"));
    setRowLabel(m_form, m_extraRegionsEdit, tr("&Other regions:"));
    setRowLabel(m_form, m_endpointEdit, tr("&Endpoint:"));
    setRowLabel(m_form, m_signatureCombo, tr("Si&gnature:"));

    m_nameEdit->setPlaceholderText(tr("for example work"));
    m_keyIdEdit->setPlaceholderText(tr("for example LTAI5t…"));
    m_secretEdit->setPlaceholderText(m_isNew ? tr("kept in the keychain, never shown again")
                                             : tr("unchanged; type a new secret to replace it"));
    m_tokenEdit->setPlaceholderText(m_isNew || !m_existing.hasSecurityToken
                                        ? tr("optional, for a temporary STS key")
                                        : tr("unchanged; type a new token to replace it"));
    m_clearTokenCheck->setText(tr("Remove the stored token"));
    m_regionCombo->lineEdit()->setPlaceholderText(tr("for example cn-hangzhou"));
    m_fetchRegionsButton->setText(tr("&Fetch Regions"));
    m_fetchRegionsButton->setToolTip(tr("Ask Alibaba Cloud which regions this key can use"));
    m_extraRegionsEdit->setPlaceholderText(tr("optional, comma-separated, for example cn-beijing"));
    m_endpointEdit->setPlaceholderText(tr("optional; empty uses eci.<region>.aliyuncs.com"));
    m_signatureCombo->setItemText(0, tr("V3 (ACS3-HMAC-SHA256, recommended)"));
    m_signatureCombo->setItemText(1, tr("V1 (HMAC-SHA1)"));
    m_sessionLabel->setText(
        tr("<b>Session only:</b> this account and its secret are kept in memory and are gone "
           "when SandboxDesk quits."));
    m_sessionButton->setText(tr("Keep for This &Session Only"));
    m_saveButton->setText(tr("&Save"));
}

AccountsDialog::AccountsDialog(ConnectionRegistry& connections, QWidget* parent)
    : QDialog(parent)
    , m_connections(connections)
    , m_introLabel(new QLabel)
    , m_keychainLabel(new QLabel)
    , m_profiles(new ProfileList({120, 170, 160}))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
    , m_openSandbox(new OpenSandboxServersPanel(connections))
{
    setObjectName(QStringLiteral("accountsDialog"));
    resize(720, 600);

    m_introLabel->setWordWrap(true);
    m_keychainLabel->setObjectName(QStringLiteral("keychainLabel"));
    m_keychainLabel->setWordWrap(true);
    m_keychainLabel->hide();

    m_profiles->list()->setObjectName(QStringLiteral("accountList"));
    connect(m_profiles, &ProfileList::currentChanged, this, &AccountsDialog::updateButtons);
    connect(m_profiles, &ProfileList::editRequested, this,
            [this](const QString& name) { editAccount(name); });

    m_profiles->addButton()->setObjectName(QStringLiteral("addButton"));
    m_profiles->editButton()->setObjectName(QStringLiteral("editButton"));
    m_profiles->removeButton()->setObjectName(QStringLiteral("removeButton"));
    m_profiles->importButton()->setObjectName(QStringLiteral("importButton"));
    auto* importMenu = new QMenu(m_profiles->importButton());
    m_importEnvironmentAction = importMenu->addAction(QString());
    m_importEnvironmentAction->setObjectName(QStringLiteral("importEnvironmentAction"));
    m_importDotEnvAction = importMenu->addAction(QString());
    m_importDotEnvAction->setObjectName(QStringLiteral("importDotEnvAction"));
    m_importAliyunAction = importMenu->addAction(QString());
    m_importAliyunAction->setObjectName(QStringLiteral("importAliyunAction"));
    m_profiles->importButton()->setMenu(importMenu);

    connect(m_profiles->addButton(), &QPushButton::clicked, this, [this] { addAccount(); });
    connect(m_profiles->removeButton(), &QPushButton::clicked, this,
            [this] { removeAccount(currentName()); });
    connect(m_importEnvironmentAction, &QAction::triggered, this,
            [this] { importFromEnvironment(QProcessEnvironment::systemEnvironment()); });
    connect(m_importDotEnvAction, &QAction::triggered, this, [this] {
        auto* dialog = new QFileDialog(this, tr("Import a .env File"));
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this,
                [this](const QString& fileName) { importDotEnvFile(fileName); });
        dialog->open();
    });
    connect(m_importAliyunAction, &QAction::triggered, this, [this] {
        chooseAliyunProfile(
            CredentialImport::aliyunConfigPath(QProcessEnvironment::systemEnvironment()));
    });

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(m_keychainLabel);
    layout->addWidget(m_profiles, 1);
    layout->addWidget(m_openSandbox, 1);
    layout->addWidget(m_buttons);

    retranslateUi();
    refresh();
    checkKeychain();
}

AccountsDialog::~AccountsDialog() = default;

QString AccountsDialog::message() const
{
    return m_profiles->messageLabel()->message();
}

void AccountsDialog::checkKeychain()
{
    Job* job = m_connections.keychain().read(probeKey);
    connect(job, &Job::finished, this, [this, job] {
        m_keychainAvailable = !CredentialStore::isUnavailable(job->error());
        if (!m_keychainAvailable) {
            m_keychainLabel->setText(
                tr("<b>No keychain can be used.</b> %1<br>Accounts can still be added for "
                   "this session only: their secrets stay in memory and are forgotten when "
                   "SandboxDesk quits.")
                    .arg(job->error().fullText().toHtmlEscaped()));
            m_keychainLabel->show();
        }
        Q_EMIT keychainChecked(m_keychainAvailable);
    });
}

void AccountsDialog::refresh()
{
    QList<QStringList> rows;
    const QList<EciAccount> accounts = m_connections.accounts().accounts();
    for (const EciAccount& account : accounts) {
        rows.append({account.name, account.accessKeyId,
                     account.regions().join(QStringLiteral(", ")),
                     account.sessionOnly ? tr("This session only (memory)") : tr("Keychain")});
    }
    m_profiles->setRows(rows);
    QTreeWidget* list = m_profiles->list();
    if (!list->currentItem() && list->topLevelItemCount() > 0)
        list->setCurrentItem(list->topLevelItem(0));
    updateButtons();
}

QString AccountsDialog::currentName() const
{
    return m_profiles->currentName();
}

void AccountsDialog::updateButtons()
{
    const bool selected = !currentName().isEmpty();
    m_profiles->editButton()->setEnabled(selected);
    m_profiles->removeButton()->setEnabled(selected && !m_removeJob);
}

void AccountsDialog::showMessage(const QString& text)
{
    m_profiles->messageLabel()->showMessage(text);
}

AccountEditor* AccountsDialog::openEditor(const EciAccount* existing)
{
    showMessage({});
    auto* editor = new AccountEditor(m_connections, existing, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &AccountEditor::saved, this, [this] {
        refresh();
        Q_EMIT accountsChanged();
    });
    editor->open();
    return editor;
}

AccountEditor* AccountsDialog::addAccount()
{
    return openEditor(nullptr);
}

AccountEditor* AccountsDialog::editAccount(const QString& name)
{
    bool found = false;
    const EciAccount account = m_connections.accounts().account(name, &found);
    if (!found)
        return nullptr;
    return openEditor(&account);
}

AccountEditor* AccountsDialog::importFromEnvironment(const QProcessEnvironment& environment)
{
    QString error;
    const ImportedCredentials credentials = CredentialImport::fromEnvironment(environment, &error);
    return openImported(credentials, error);
}

AccountEditor* AccountsDialog::importDotEnvFile(const QString& fileName)
{
    QString error;
    const ImportedCredentials credentials = CredentialImport::fromDotEnvFile(fileName, &error);
    return openImported(credentials, error);
}

AccountEditor* AccountsDialog::openImported(const ImportedCredentials& credentials,
                                            const QString& error)
{
    if (credentials.isEmpty()) {
        showMessage(error);
        return nullptr;
    }
    AccountEditor* editor = openEditor(nullptr);
    editor->setImported(credentials);
    return editor;
}

QDialog* AccountsDialog::chooseAliyunProfile(const QString& configFileName)
{
    QString error;
    const QList<CredentialImport::AliyunProfile> profiles =
        CredentialImport::aliyunProfilesFromFile(configFileName, &error);
    if (!error.isEmpty() || profiles.isEmpty()) {
        showMessage(error.isEmpty() ? tr("The aliyun configuration has no profiles.") : error);
        return nullptr;
    }
    showMessage({});

    auto* picker = new QDialog(this);
    picker->setObjectName(QStringLiteral("aliyunProfilePicker"));
    picker->setWindowTitle(tr("Import an aliyun CLI Profile"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    auto* label = new QLabel(tr("Profiles in %1:").arg(configFileName.toHtmlEscaped()));
    label->setWordWrap(true);
    auto* list = new QListWidget;
    list->setObjectName(QStringLiteral("profileList"));
    for (const CredentialImport::AliyunProfile& profile : profiles) {
        auto* item = new QListWidgetItem(list);
        if (profile.usable) {
            item->setText(QStringLiteral("%1 (%2)").arg(profile.name, profile.mode));
        } else {
            item->setText(QStringLiteral("%1 — %2").arg(profile.name, profile.problem));
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        }
    }
    for (int row = 0; row < list->count(); ++row) {
        if (profiles.at(row).usable) {
            list->setCurrentRow(row);
            break;
        }
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    importButton->setObjectName(QStringLiteral("importProfileButton"));
    importButton->setEnabled(list->currentRow() >= 0);
    connect(list, &QListWidget::currentRowChanged, importButton,
            [importButton](int row) { importButton->setEnabled(row >= 0); });
    connect(buttons, &QDialogButtonBox::accepted, picker, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, picker, &QDialog::reject);
    connect(list, &QListWidget::itemActivated, picker, &QDialog::accept);
    connect(picker, &QDialog::accepted, this, [this, list, profiles] {
        const int row = list->currentRow();
        if (row < 0 || row >= profiles.size() || !profiles.at(row).usable)
            return;
        openEditor(nullptr)->setImported(profiles.at(row).credentials);
    });
    auto* layout = new QVBoxLayout(picker);
    layout->addWidget(label);
    layout->addWidget(list);
    layout->addWidget(buttons);
    picker->resize(560, 320);
    picker->open();
    return picker;
}

void AccountsDialog::removeAccount(const QString& name)
{
    bool found = false;
    const EciAccount account = m_connections.accounts().account(name, &found);
    if (!found || m_removeJob)
        return;
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove Account"),
        tr("Remove the account “%1”? Its connections close and its secret is deleted from "
           "the keychain.")
            .arg(name),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    QPushButton* removeButton = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    removeButton->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, removeButton, account] {
        if (box->clickedButton() == removeButton)
            removeNow(account);
    });
    box->open();
}

void AccountsDialog::removeNow(const EciAccount& account)
{
    // The keychain items first: an account left in the list can be removed again, an item
    // left in the keychain would be forgotten there.
    m_removing = account;
    m_removeKeys = account.storeKeys();
    removeNextKey();
}

void AccountsDialog::removeNextKey()
{
    if (m_removeKeys.isEmpty()) {
        m_removeJob = nullptr;
        m_connections.accounts().remove(m_removing.name);
        m_connections.accounts().sync();
        m_connections.reloadAccount(m_removing.name);
        refresh();
        Q_EMIT accountsChanged();
        return;
    }
    Job* job = m_connections.storeFor(m_removing).remove(m_removeKeys.takeFirst());
    m_removeJob = job;
    updateButtons();
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_removeJob)
            return;
        if (job->error().isError()) {
            m_removeJob = nullptr;
            m_removeKeys.clear();
            updateButtons();
            showMessage(tr("The account “%1” was not removed: %2")
                            .arg(m_removing.name, job->error().fullText()));
            return;
        }
        removeNextKey();
    });
}

void AccountsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AccountsDialog::retranslateUi()
{
    setWindowTitle(tr("Accounts"));
    m_introLabel->setText(
        tr("Alibaba Cloud accounts for Elastic Container Instance. Each region of an account "
           "is a connection in the main window. Secrets are kept in the system keychain, "
           "never in SandboxDesk's settings."));
    m_profiles->list()->setHeaderLabels(
        {tr("Name"), tr("AccessKey ID"), tr("Regions"), tr("Secret kept in")});
    m_profiles->addButton()->setText(tr("&Add…"));
    m_profiles->editButton()->setText(tr("&Edit…"));
    m_profiles->removeButton()->setText(tr("&Remove…"));
    m_profiles->importButton()->setText(tr("&Import"));
    m_importEnvironmentAction->setText(tr("From the &Environment"));
    m_importDotEnvAction->setText(tr("From a .&env File…"));
    m_importAliyunAction->setText(tr("From an &aliyun CLI Profile…"));
    refresh();
}
