#pragma once

#include "credentials/CredentialImport.h"
#include "sandbox/Error.h"
#include "settings/EciAccounts.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>

class CredentialStore;
class ConnectionRegistry;
class Job;
class MessageLabel;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class OpenSandboxServersPanel;
class ProfileList;
class QPushButton;
class QTreeWidget;

// One account's fields. Save writes the secrets to the keychain first and the profile to
// the settings after, so that the settings never name an item the keychain does not hold.
// When no keychain can be used it says so and offers to keep the account for this session.
class AccountEditor final : public QDialog
{
    Q_OBJECT
public:
    // existing: the account to edit; nullptr adds one.
    AccountEditor(ConnectionRegistry& connections, const EciAccount* existing,
                  QWidget* parent = nullptr);
    ~AccountEditor() override;

    // Fills the form from an import; the secret goes into its hidden field.
    void setImported(const ImportedCredentials& credentials);
    // The account the form describes; what is wrong with it goes to problems.
    EciAccount account(QStringList* problems) const;
    bool isNew() const { return m_isNew; }
    bool isSessionOnly() const { return m_sessionOnly; }

    void accept() override;
    void reject() override;
    // Asks the service which regions the key can use (DescribeRegions).
    void fetchRegions();

Q_SIGNALS:
    void saved(const QString& accountName);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Step
    {
        QString key;
        QString value;
        bool remove = false;
    };

    void retranslateUi();
    void showMessage(const QString& text, bool isError = true);
    void setBusy(bool busy);
    void keepForSession();
    void runSteps();
    void stepsFailed(const Error& error);
    void finishSave();
    void listRegions(const EciCredentials& credentials);

    ConnectionRegistry& m_connections;
    EciAccount m_existing;
    bool m_isNew = true;
    bool m_sessionOnly = false;
    QPointer<Job> m_job;
    QPointer<Job> m_regionsJob;
    CredentialStore* m_store = nullptr;
    QList<Step> m_steps;
    QStringList m_written; // keys this save wrote, removed again when a new account fails
    EciAccount m_saving;

    QFormLayout* m_form = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_keyIdEdit = nullptr;
    QLineEdit* m_secretEdit = nullptr;
    QLineEdit* m_tokenEdit = nullptr;
    QCheckBox* m_clearTokenCheck = nullptr;
    QComboBox* m_regionCombo = nullptr;
    QPushButton* m_fetchRegionsButton = nullptr;
    QLineEdit* m_extraRegionsEdit = nullptr;
    QLineEdit* m_endpointEdit = nullptr;
    QComboBox* m_signatureCombo = nullptr;
    QLabel* m_sessionLabel = nullptr;
    MessageLabel* m_messageLabel = nullptr;
    QPushButton* m_sessionButton = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_saveButton = nullptr;
};

// The Accounts page: the Alibaba Cloud accounts with where their secrets are kept; add, edit,
// remove, and import from the environment, a .env file or the aliyun CLI.
class AccountsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AccountsDialog(ConnectionRegistry& connections, QWidget* parent = nullptr);
    ~AccountsDialog() override;

    // Each opens an editor (window-modal) and returns it; null with the reason shown when an
    // import finds nothing usable.
    AccountEditor* addAccount();
    AccountEditor* editAccount(const QString& name);
    AccountEditor* importFromEnvironment(const QProcessEnvironment& environment);
    AccountEditor* importDotEnvFile(const QString& fileName);
    // Lists the profiles of an aliyun CLI configuration to pick one from.
    QDialog* chooseAliyunProfile(const QString& configFileName);
    // Asks, then removes the account and its keychain items.
    void removeAccount(const QString& name);

    QString message() const;
    OpenSandboxServersPanel* openSandboxServers() const { return m_openSandbox; }
    // Whether the keychain answered when the dialog opened (known after keychainChecked()).
    bool isKeychainAvailable() const { return m_keychainAvailable; }

Q_SIGNALS:
    void keychainChecked(bool available);
    void accountsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refresh();
    QString currentName() const;
    void updateButtons();
    void showMessage(const QString& text);
    void checkKeychain();
    AccountEditor* openEditor(const EciAccount* existing);
    // An editor filled with what an import found; null with error shown when it found nothing.
    AccountEditor* openImported(const ImportedCredentials& credentials, const QString& error);
    void removeNow(const EciAccount& account);
    void removeNextKey();

    ConnectionRegistry& m_connections;
    bool m_keychainAvailable = true;
    QPointer<Job> m_removeJob;
    EciAccount m_removing;
    QStringList m_removeKeys;

    QLabel* m_introLabel = nullptr;
    QLabel* m_keychainLabel = nullptr;
    ProfileList* m_profiles = nullptr;
    QAction* m_importEnvironmentAction = nullptr;
    QAction* m_importDotEnvAction = nullptr;
    QAction* m_importAliyunAction = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    OpenSandboxServersPanel* m_openSandbox = nullptr;
};
