#include "OpenSandboxServersPanel.h"

#include "ProfileList.h"
#include "common/MessageLabel.h"

#include "connections/ConnectionRegistry.h"
#include "credentials/CredentialStore.h"
#include "sandbox/Job.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

OpenSandboxServerEditor::OpenSandboxServerEditor(ConnectionRegistry& connections,
                                                 const OpenSandboxServer* existing, QWidget* parent)
    : QDialog(parent)
    , m_connections(connections)
    , m_existing(existing ? *existing : OpenSandboxServer())
    , m_isNew(existing == nullptr)
    , m_form(new QFormLayout)
    , m_nameEdit(new QLineEdit)
    , m_domainEdit(new QLineEdit)
    , m_protocolCombo(new QComboBox)
    , m_keyEdit(new QLineEdit)
    , m_proxyCheck(new QCheckBox)
    , m_sessionCheck(new QCheckBox)
    , m_messageLabel(new MessageLabel(QStringLiteral("messageLabel")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("openSandboxServerEditor"));
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_domainEdit->setObjectName(QStringLiteral("domainEdit"));
    m_domainEdit->setPlaceholderText(QStringLiteral("localhost:8080"));
    m_protocolCombo->setObjectName(QStringLiteral("protocolCombo"));
    m_protocolCombo->addItems({QStringLiteral("http"), QStringLiteral("https")});
    m_keyEdit->setObjectName(QStringLiteral("apiKeyEdit"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_proxyCheck->setObjectName(QStringLiteral("serverProxyCheck"));
    m_sessionCheck->setObjectName(QStringLiteral("sessionOnlyCheck"));
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_nameEdit, m_domainEdit, m_protocolCombo, m_keyEdit})
        m_form->addRow(QStringLiteral("-"), field);
    m_form->addRow(m_proxyCheck);
    m_form->addRow(m_sessionCheck);

    m_saveButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpenSandboxServerEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_messageLabel);
    layout->addStretch();
    layout->addWidget(m_buttons);

    if (!m_isNew) {
        m_nameEdit->setText(m_existing.name);
        // The name is part of the keychain key; another name is another server.
        m_nameEdit->setReadOnly(true);
        m_domainEdit->setText(m_existing.domain);
        m_protocolCombo->setCurrentText(m_existing.protocol);
        m_proxyCheck->setChecked(m_existing.useServerProxy);
        m_sessionCheck->setChecked(m_existing.sessionOnly);
    }
    retranslateUi();
}

OpenSandboxServerEditor::~OpenSandboxServerEditor()
{
    m_keyEdit->clear();
}

void OpenSandboxServerEditor::retranslateUi()
{
    setWindowTitle(m_isNew ? tr("Add OpenSandbox Server") : tr("Edit OpenSandbox Server"));
    const QStringList labels{tr("&Name:"), tr("&Domain:"), tr("&Protocol:"), tr("API &key:")};
    const QList<QWidget*> fields{m_nameEdit, m_domainEdit, m_protocolCombo, m_keyEdit};
    for (int i = 0; i < fields.size(); ++i) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(fields.at(i)))) {
            label->setText(labels.at(i));
            label->setBuddy(fields.at(i));
        }
    }
    m_keyEdit->setPlaceholderText(m_isNew ? tr("Kept in the keychain")
                                          : tr("Unchanged unless you type a new one"));
    m_proxyCheck->setText(tr("Reach commands and files through the server's &proxy"));
    m_proxyCheck->setToolTip(tr("For servers whose sandboxes cannot be reached from this "
                                "computer directly."));
    m_sessionCheck->setText(tr("Keep for this &session only (the key stays in memory and is "
                               "forgotten when SandboxDesk quits)"));
    m_saveButton->setText(tr("&Save"));
}

void OpenSandboxServerEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void OpenSandboxServerEditor::setImported(const QString& domain, const QString& apiKey)
{
    m_domainEdit->setText(domain);
    m_keyEdit->setText(apiKey);
    if (m_isNew && m_nameEdit->text().isEmpty()) {
        // The server's host makes a name the user recognises.
        const QString withScheme =
            domain.contains(QLatin1String("://")) ? domain : QStringLiteral("http://") + domain;
        QString base = QUrl(withScheme).host();
        if (base.isEmpty())
            base = QStringLiteral("opensandbox");
        QString name = base;
        OpenSandboxServers* servers = m_connections.openSandboxServers();
        for (int n = 2; servers && servers->contains(name); ++n)
            name = base + QStringLiteral("-%1").arg(n);
        m_nameEdit->setText(name);
    }
    if (domain.startsWith(QLatin1String("https://")))
        m_protocolCombo->setCurrentText(QStringLiteral("https"));
}

OpenSandboxServer OpenSandboxServerEditor::server(QStringList* problems) const
{
    OpenSandboxServer server;
    server.name = m_nameEdit->text().trimmed();
    server.domain = m_domainEdit->text().trimmed();
    server.protocol = m_protocolCombo->currentText();
    server.useServerProxy = m_proxyCheck->isChecked();
    server.sessionOnly = m_sessionCheck->isChecked();
    if (!problems)
        return server;
    QStringList found = server.validate();
    OpenSandboxServers* servers = m_connections.openSandboxServers();
    if (m_isNew && servers && servers->contains(server.name))
        found << tr("A server named “%1” exists already.").arg(server.name);
    if (m_isNew && m_keyEdit->text().isEmpty())
        found << tr("The API key is required.");
    if (!m_isNew && server.sessionOnly != m_existing.sessionOnly && m_keyEdit->text().isEmpty())
        found << tr("Type the API key again to keep it elsewhere.");
    *problems = found;
    return server;
}

QString OpenSandboxServerEditor::message() const
{
    return m_messageLabel->message();
}

void OpenSandboxServerEditor::showMessage(const QString& text, bool isError)
{
    m_messageLabel->showMessage(text, isError);
}

void OpenSandboxServerEditor::accept()
{
    if (m_job)
        return;
    QStringList problems;
    const OpenSandboxServer server = this->server(&problems);
    if (!problems.isEmpty()) {
        m_messageLabel->showProblems(problems);
        return;
    }
    if (m_keyEdit->text().isEmpty()) {
        finishSave(server);
        return;
    }
    CredentialStore& store = m_connections.storeFor(server);
    Job* job = store.write(server.apiKeyKey(), m_keyEdit->text());
    m_job = job;
    showMessage(tr("Saving in the keychain…"), false);
    m_saveButton->setEnabled(false);
    connect(job, &Job::finished, this, [this, job, server] {
        m_job = nullptr;
        m_saveButton->setEnabled(true);
        if (job->error().isError()) {
            showMessage(CredentialStore::isUnavailable(job->error())
                            ? tr("The server was not saved: %1\nYou can keep it for this session "
                                 "only.")
                                  .arg(job->error().fullText())
                            : tr("The server was not saved: %1").arg(job->error().fullText()));
            return;
        }
        // A key moved between the keychain and memory leaves nothing behind where it was.
        if (!m_isNew && m_existing.sessionOnly != server.sessionOnly)
            m_connections.storeFor(m_existing).remove(m_existing.apiKeyKey());
        finishSave(server);
    });
}

void OpenSandboxServerEditor::finishSave(const OpenSandboxServer& server)
{
    OpenSandboxServers* servers = m_connections.openSandboxServers();
    if (!servers)
        return;
    servers->save(server);
    servers->sync();
    m_keyEdit->clear();
    m_connections.reloadOpenSandboxServer(server.name);
    Q_EMIT saved(server.name);
    QDialog::accept();
}

OpenSandboxServersPanel::OpenSandboxServersPanel(ConnectionRegistry& connections, QWidget* parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_box(new QGroupBox)
    , m_profiles(new ProfileList({120, 200, 130}))
{
    setObjectName(QStringLiteral("openSandboxServersPanel"));
    m_profiles->list()->setObjectName(QStringLiteral("openSandboxServerList"));
    m_profiles->addButton()->setObjectName(QStringLiteral("addServerButton"));
    m_profiles->editButton()->setObjectName(QStringLiteral("editServerButton"));
    m_profiles->removeButton()->setObjectName(QStringLiteral("removeServerButton"));
    m_profiles->importButton()->setObjectName(QStringLiteral("importServerButton"));
    m_profiles->messageLabel()->setObjectName(QStringLiteral("serverMessageLabel"));
    connect(m_profiles, &ProfileList::currentChanged, this,
            &OpenSandboxServersPanel::updateButtons);
    connect(m_profiles, &ProfileList::editRequested, this,
            [this](const QString& name) { editServer(name); });
    connect(m_profiles->addButton(), &QPushButton::clicked, this, [this] { addServer(); });
    connect(m_profiles->removeButton(), &QPushButton::clicked, this,
            [this] { removeServer(currentName()); });
    connect(m_profiles->importButton(), &QPushButton::clicked, this,
            [this] { importFromEnvironment(QProcessEnvironment::systemEnvironment()); });

    auto* inner = new QVBoxLayout(m_box);
    inner->addWidget(m_profiles);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_box);

    retranslateUi();
    refresh();
}

OpenSandboxServersPanel::~OpenSandboxServersPanel() = default;

void OpenSandboxServersPanel::retranslateUi()
{
    m_box->setTitle(tr("OpenSandbox servers"));
    m_profiles->list()->setHeaderLabels(
        {tr("Name"), tr("Domain"), tr("Commands and files"), tr("API key kept in")});
    m_profiles->addButton()->setText(tr("Add &Server…"));
    m_profiles->editButton()->setText(tr("Edit Ser&ver…"));
    m_profiles->removeButton()->setText(tr("Remove Serve&r"));
    m_profiles->importButton()->setText(tr("Import from &OPEN_SANDBOX_DOMAIN"));
    m_profiles->importButton()->setToolTip(
        tr("Takes the server and key the OpenSandbox SDKs read from "
           "OPEN_SANDBOX_DOMAIN and OPEN_SANDBOX_API_KEY."));
    refresh();
}

void OpenSandboxServersPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OpenSandboxServersPanel::refresh()
{
    QList<QStringList> rows;
    OpenSandboxServers* servers = m_connections.openSandboxServers();
    const QList<OpenSandboxServer> all = servers ? servers->servers() : QList<OpenSandboxServer>();
    for (const OpenSandboxServer& server : all) {
        rows.append({server.name, server.domain,
                     server.useServerProxy ? tr("Through the server") : tr("Directly"),
                     server.sessionOnly ? tr("Memory (this session)") : tr("Keychain")});
    }
    m_profiles->setRows(rows);
    updateButtons();
}

QString OpenSandboxServersPanel::currentName() const
{
    return m_profiles->currentName();
}

void OpenSandboxServersPanel::updateButtons()
{
    const bool usable = m_connections.openSandboxServers() != nullptr;
    m_profiles->addButton()->setEnabled(usable);
    m_profiles->importButton()->setEnabled(usable);
    const bool selected = !currentName().isEmpty() && !m_removeJob;
    m_profiles->editButton()->setEnabled(selected);
    m_profiles->removeButton()->setEnabled(selected);
}

void OpenSandboxServersPanel::showMessage(const QString& text)
{
    m_profiles->messageLabel()->showMessage(text, false);
}

QString OpenSandboxServersPanel::message() const
{
    return m_profiles->messageLabel()->message();
}

OpenSandboxServerEditor* OpenSandboxServersPanel::openEditor(const OpenSandboxServer* existing)
{
    if (!m_connections.openSandboxServers())
        return nullptr;
    auto* editor = new OpenSandboxServerEditor(m_connections, existing, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowModality(Qt::WindowModal);
    connect(editor, &OpenSandboxServerEditor::saved, this, [this](const QString& name) {
        refresh();
        showMessage(
            tr("Saved “%1”; its sandboxes appear in the list once the server answers.").arg(name));
    });
    editor->open();
    return editor;
}

OpenSandboxServerEditor* OpenSandboxServersPanel::addServer()
{
    return openEditor(nullptr);
}

OpenSandboxServerEditor* OpenSandboxServersPanel::editServer(const QString& name)
{
    OpenSandboxServers* servers = m_connections.openSandboxServers();
    bool found = false;
    const OpenSandboxServer server = servers ? servers->server(name, &found) : OpenSandboxServer();
    return found ? openEditor(&server) : nullptr;
}

OpenSandboxServerEditor*
OpenSandboxServersPanel::importFromEnvironment(const QProcessEnvironment& environment)
{
    const QString domain = environment.value(QStringLiteral("OPEN_SANDBOX_DOMAIN")).trimmed();
    const QString key = environment.value(QStringLiteral("OPEN_SANDBOX_API_KEY"));
    if (domain.isEmpty() && key.isEmpty()) {
        showMessage(tr("Neither OPEN_SANDBOX_DOMAIN nor OPEN_SANDBOX_API_KEY is set in "
                       "SandboxDesk's environment."));
        return nullptr;
    }
    OpenSandboxServerEditor* editor = addServer();
    if (editor)
        editor->setImported(domain.isEmpty() ? QStringLiteral("localhost:8080") : domain, key);
    return editor;
}

QMessageBox* OpenSandboxServersPanel::removeServer(const QString& name)
{
    OpenSandboxServers* servers = m_connections.openSandboxServers();
    bool found = false;
    const OpenSandboxServer server = servers ? servers->server(name, &found) : OpenSandboxServer();
    if (!found || m_removeJob)
        return nullptr;
    auto* question = new QMessageBox(
        QMessageBox::Question, tr("Remove OpenSandbox Server"),
        tr("Remove “%1” and its API key? Its sandboxes stay on the server.").arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("removeServerQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setWindowModality(Qt::WindowModal);
    connect(question, &QMessageBox::finished, this, [this, server](int result) {
        if (result == QMessageBox::Yes)
            removeNow(server);
    });
    question->open();
    return question;
}

void OpenSandboxServersPanel::removeNow(const OpenSandboxServer& server)
{
    OpenSandboxServers* servers = m_connections.openSandboxServers();
    if (!servers || m_removeJob)
        return;
    const QString name = server.name;
    // The profile goes first, so that nothing names a key that is being removed.
    servers->remove(name);
    servers->sync();
    m_connections.reloadOpenSandboxServer(name);
    Job* job = m_connections.storeFor(server).remove(server.apiKeyKey());
    m_removeJob = job;
    connect(job, &Job::finished, this, [this, job, name] {
        m_removeJob = nullptr;
        if (job->error().isError())
            showMessage(tr("“%1” was removed, but its API key could not be removed from the "
                           "keychain: %2")
                            .arg(name, job->error().fullText()));
        else
            showMessage(tr("Removed “%1” and its API key.").arg(name));
        refresh();
    });
    refresh();
}
