#pragma once

#include "settings/OpenSandboxServers.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>

class ConnectionRegistry;
class Job;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class MessageLabel;
class ProfileList;
class QMessageBox;
class QPushButton;
class QTreeWidget;

// One OpenSandbox server's fields. Save writes the API key to the keychain first and the
// profile to the settings after, so that the settings never name an item the keychain does
// not hold. Editing keeps the key unless a new one is typed.
class OpenSandboxServerEditor final : public QDialog
{
    Q_OBJECT
public:
    // existing: the server to edit; nullptr adds one.
    OpenSandboxServerEditor(ConnectionRegistry& connections, const OpenSandboxServer* existing,
                            QWidget* parent = nullptr);
    ~OpenSandboxServerEditor() override;

    // Fills the form as the SDKs would read OPEN_SANDBOX_DOMAIN and OPEN_SANDBOX_API_KEY.
    void setImported(const QString& domain, const QString& apiKey);
    // The server the form describes; what is wrong with it goes to problems.
    OpenSandboxServer server(QStringList* problems) const;
    QString message() const;

    void accept() override;

Q_SIGNALS:
    void saved(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showMessage(const QString& text, bool isError = true);
    void finishSave(const OpenSandboxServer& server);

    ConnectionRegistry& m_connections;
    OpenSandboxServer m_existing;
    bool m_isNew = true;
    QPointer<Job> m_job;

    QFormLayout* m_form = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_domainEdit = nullptr;
    QComboBox* m_protocolCombo = nullptr;
    QLineEdit* m_keyEdit = nullptr;
    QCheckBox* m_proxyCheck = nullptr;
    QCheckBox* m_sessionCheck = nullptr;
    MessageLabel* m_messageLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_saveButton = nullptr;
};

// The Accounts page's OpenSandbox servers: domain, protocol, whether execd is reached through
// the server's proxy, and where the API key is kept; add, edit, remove, and import from
// OPEN_SANDBOX_DOMAIN and OPEN_SANDBOX_API_KEY.
class OpenSandboxServersPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit OpenSandboxServersPanel(ConnectionRegistry& connections, QWidget* parent = nullptr);
    ~OpenSandboxServersPanel() override;

    // Each opens an editor (window-modal) and returns it; null with the reason shown when the
    // environment names no server.
    OpenSandboxServerEditor* addServer();
    OpenSandboxServerEditor* editServer(const QString& name);
    OpenSandboxServerEditor* importFromEnvironment(const QProcessEnvironment& environment);
    // Asks (the question is returned, window-modal), then removes the server, its connection
    // and its keychain item.
    QMessageBox* removeServer(const QString& name);
    QString message() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refresh();
    QString currentName() const;
    void updateButtons();
    void showMessage(const QString& text);
    OpenSandboxServerEditor* openEditor(const OpenSandboxServer* existing);
    void removeNow(const OpenSandboxServer& server);

    ConnectionRegistry& m_connections;
    QPointer<Job> m_removeJob;

    QGroupBox* m_box = nullptr;
    ProfileList* m_profiles = nullptr;
};
